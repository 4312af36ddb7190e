"""The warning against a project that Zensical would build without the conference plugin,
and the Zensical builder's own messages for a project it cannot build."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown

from generator.diagnostics import Diagnostic, Location, Severity
from generator.outputs import TocEntry
from generator.zensical_adapter import guard
from generator.zensical_adapter.toc import toc_line
from tests.conftest import EXAMPLE_DATA, run_confsite


def test_guard_zensical_toml_warns(tmp_path: Path) -> None:
    (tmp_path / "zensical.toml").write_text("[project]\n", encoding="utf-8")

    found = guard.engine_warnings(tmp_path)

    message = (
        "`zensical build` here reads this file, not mkdocs.yml; "
        + guard.ADVICE
        + " (and remove zensical.toml)"
    )
    assert found == [Diagnostic(Location("zensical.toml", 1), Severity.WARNING, message)]


def test_guard_workflow_calling_zensical_warns_at_its_line(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    steps = ["      # zensical build (not yet)", "      - run: zensical build --strict"]
    text = "\n".join(["jobs:", "  site:", "    steps:", *steps]) + "\n"
    (workflows / "site.yml").write_text(text, encoding="utf-8")

    found = guard.engine_warnings(tmp_path)

    message = "runs `zensical build` on this project; " + guard.ADVICE
    assert found == [
        Diagnostic(Location(".github/workflows/site.yml", 5), Severity.WARNING, message)
    ]


def test_guard_plain_project_has_no_warning(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")

    assert guard.engine_warnings(tmp_path) == []


def test_check_with_zensical_toml_warns_and_strict_fails(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_DATA, tmp_path / "data")
    (tmp_path / "zensical.toml").write_text("[project]\n", encoding="utf-8")

    plain = run_confsite("check", "--data", "data", cwd=tmp_path)
    strict = run_confsite("check", "--data", "data", "--strict", cwd=tmp_path)

    line = "zensical.toml:1: warning: `zensical build` here reads this file, not mkdocs.yml"
    assert plain.returncode == 0
    assert line in plain.stderr
    assert strict.returncode == 1


def test_zensical_build_without_the_plugin_fails_saying_so(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - search\n", "utf-8")
    shutil.copytree(EXAMPLE_DATA, tmp_path / "data")

    done = run_confsite("build", "--engine", "zensical", cwd=tmp_path)

    assert done.returncode == 1
    assert "mkdocs.yml: error: does not use the conference plugin" in done.stderr
    assert not (tmp_path / "site").exists()


def test_toc_line_carries_any_title_to_the_contents_list() -> None:
    title = 'A --> B <script> & "C"'
    entries = (TocEntry(2, "a", title), TocEntry(3, "b", "Sub"), TocEntry(2, "c", "Next"))
    md = markdown.Markdown(extensions=["toc", "generator.zensical_adapter.toc"])

    body = md.convert(toc_line(entries) + "\n\n<div>body</div>\n")

    assert body == "<div>body</div>"
    names = [(t["name"], [c["id"] for c in t["children"]]) for t in md.toc_tokens]  # type: ignore[attr-defined]
    assert names == [("A --&gt; B &lt;script&gt; &amp; &#34;C&#34;", ["b"]), ("Next", [])]
