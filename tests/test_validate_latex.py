"""`confsite check` warns, at the file and line, about LaTeX the site cannot render."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TOY_DATA, run_confsite

from generator.validate import load_and_validate


def toy_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(TOY_DATA, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return data


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_papers_yaml_latex_that_cannot_be_rendered_is_a_warning_at_its_line(
    tmp_path: Path,
) -> None:
    data = toy_with(
        tmp_path,
        "papers.yaml",
        "    abstract: Serving models on solar power.",
        "    abstract: Serving \\Model on \\emph{solar} power at $O(n}$.",
    )

    _, diagnostics = load_and_validate(data)

    papers = data / "papers.yaml"
    line = line_of(papers, "Serving \\Model")
    assert [str(d) for d in diagnostics.sorted()] == [
        f"{papers}:{line}: warning: paper 'green-serving': abstract: formula '$O(n}}$' cannot be "
        "shown as math: it is shown as text; check its braces and commands",
        f"{papers}:{line}: warning: paper 'green-serving': abstract: unknown command '\\Model': "
        "it is left out of the page; write it as text or with a standard command",
    ]


def test_latex_warnings_fail_check_only_under_strict(tmp_path: Path) -> None:
    data = toy_with(tmp_path, "papers.yaml", "title: Green Serving", "title: Green \\Serving")

    plain = run_confsite("check", "--data", str(data))
    strict = run_confsite("check", "--strict", "--data", str(data))

    assert (plain.returncode, strict.returncode) == (0, 1)
    line = line_of(data / "papers.yaml", "Green \\Serving")
    assert f"papers.yaml:{line}: warning: paper 'green-serving': title: unknown command" in (
        strict.stderr
    )


def test_proceedings_bib_field_the_site_shows_is_checked(tmp_path: Path) -> None:
    data = toy_with(
        tmp_path,
        "proceedings.bib",
        "  publisher = {ToyConf},",
        "  publisher = {ToyConf \\Press},",
    )

    _, diagnostics = load_and_validate(data)

    bib = data / "proceedings.bib"
    assert [str(d) for d in diagnostics.sorted()] == [
        f"{bib}:{line_of(bib, 'publisher')}: warning: entry 'toyconf2030': publisher: unknown "
        "command '\\Press': it is left out of the page; write it as text or with a standard "
        "command"
    ]


def test_speaker_and_session_texts_are_checked_too(tmp_path: Path) -> None:
    speakers = (TOY_DATA / "speakers.yaml").read_text(encoding="utf-8")
    bio = next(line for line in speakers.splitlines() if line.strip().startswith("bio:"))
    data = toy_with(tmp_path, "speakers.yaml", bio, bio + " \\Unknown")

    _, diagnostics = load_and_validate(data)

    (message,) = [d.message for d in diagnostics.sorted()]
    assert message.endswith(
        "bio: unknown command '\\Unknown': it is left out of the page; write it as text or with "
        "a standard command"
    )
