"""`--format github` and `--format json` for `confsite check` and `confsite build`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, TOY_DATA, run_confsite

from generator.diagnostics import Diagnostic, Location, Severity
from generator.report import JSON_SCHEMA, github_annotation, github_data, github_property

SESSION_ERROR = (
    "paper '{paper}': session 's-50%' is not defined in program.yaml (known: coffee, "
    "keynote, posters, s-compilers)"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A site folder of its own whose data folder has a comma in its name."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for folder in ("site_src", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copytree(TOY_DATA, tmp_path / "my,data")
    return tmp_path


def break_sessions(project: Path) -> None:
    papers = project / "my,data" / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    papers.write_text(text.replace("session: s-compilers", 'session: "s-50%"'), encoding="utf-8")


def test_github_escaping_follows_the_toolkit() -> None:
    assert github_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert github_property("dir:a,b%\n") == "dir%3Aa%2Cb%25%0A"


def test_github_annotation_with_and_without_location() -> None:
    located = Diagnostic(Location("data/p,1.yaml", 42), Severity.WARNING, "a: b\nc")
    file_only = Diagnostic(Location("data/p.yaml", 0), Severity.ERROR, "missing")
    run_level = Diagnostic(Location(""), Severity.ERROR, "build failed")

    assert [github_annotation(d) for d in (located, file_only, run_level)] == [
        "::warning file=data/p%2C1.yaml,line=42::a: b%0Ac",
        "::error file=data/p.yaml::missing",
        "::error::build failed",
    ]


def test_check_format_github_annotates_each_problem(project: Path) -> None:
    break_sessions(project)

    done = run_confsite("check", "--data", "my,data", "--format", "github", cwd=project)

    assert done.returncode == 1
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "::error file=my%2Cdata/papers.yaml,line=14::"
        + github_data(SESSION_ERROR.format(paper="tiny-tensors")),
        "::error file=my%2Cdata/papers.yaml,line=29::"
        + github_data(SESSION_ERROR.format(paper="log-attention")),
        "2 error(s), 0 warning(s)",
    ]


def test_check_format_github_clean_pass_prints_nothing(project: Path) -> None:
    done = run_confsite("check", "--data", "my,data", "--format", "github", cwd=project)

    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_check_format_json_matches_its_schema(project: Path) -> None:
    break_sessions(project)

    done = run_confsite("check", "--data", "my,data", "--format", "json", cwd=project)

    report = json.loads(done.stdout)
    jsonschema.validate(report, JSON_SCHEMA)
    assert done.returncode == 1
    assert report == {
        "version": 1,
        "command": "check",
        "ok": False,
        "errors": 2,
        "warnings": 0,
        "diagnostics": [
            {
                "file": "my,data/papers.yaml",
                "line": line,
                "severity": "error",
                "message": SESSION_ERROR.format(paper=paper),
            }
            for line, paper in ((14, "tiny-tensors"), (29, "log-attention"))
        ],
    }


def test_check_format_json_strict_counts_warnings(project: Path) -> None:
    papers = project / "my,data" / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    papers.write_text(text.replace("    abstract: Serving models on solar power.\n", ""))

    lenient = json.loads(
        run_confsite("check", "--data", "my,data", "--format", "json", cwd=project).stdout
    )
    strict = run_confsite("check", "--data", "my,data", "--format", "json", "--strict", cwd=project)

    assert (lenient["ok"], lenient["warnings"]) == (True, 1)
    assert lenient["diagnostics"][0]["severity"] == "warning"
    assert (strict.returncode, json.loads(strict.stdout)["ok"]) == (1, False)


def test_build_format_json_reports_a_failure_inside_mkdocs(project: Path) -> None:
    collision = project / "site_src" / "program" / "index.md"
    collision.parent.mkdir()
    collision.write_text("# Program\n", encoding="utf-8")

    done = run_confsite("build", "--data", "my,data", "--format", "json", cwd=project)

    report = json.loads(done.stdout)
    jsonschema.validate(report, JSON_SCHEMA)
    assert done.returncode == 1
    assert (report["command"], report["ok"], report["built"]) == ("build", False, False)
    messages = [(d["file"], d["severity"], d["message"]) for d in report["diagnostics"]]
    assert messages[0] == (
        None,
        "error",
        "site_src/program/index.md is hand-written, but the generator makes that page too; "
        "rename or remove the hand-written file",
    )
    assert messages[-1][2].endswith("the previous site is unchanged")
    assert not (project / "site").exists()


def test_build_format_github_then_json_success(project: Path) -> None:
    (project / "site_src" / "broken.md").write_text("[x](nowhere.md)\n", encoding="utf-8")

    strict = run_confsite(
        "build", "--data", "my,data", "--format", "github", "--strict", cwd=project
    )
    lenient = run_confsite("build", "--data", "my,data", "--format", "json", cwd=project)

    assert strict.returncode == 1
    annotations = strict.stdout.splitlines()
    assert annotations[0].startswith("::warning::Doc file 'broken.md' contains a link")
    assert annotations[1].startswith("::error::build failed: Aborted with 1 warnings")
    assert annotations[2] == "1 error(s), 1 warning(s)"
    report = json.loads(lenient.stdout)
    jsonschema.validate(report, JSON_SCHEMA)
    assert (lenient.returncode, report["ok"], report["built"]) == (0, True, True)
    assert report["site_dir"] == "site"
    assert [d["severity"] for d in report["diagnostics"]] == ["warning"]
    assert (project / "site" / "index.html").is_file()
