"""Proceedings .bib files (ACML 2025, CPAL 2026) into papers.yaml and proceedings.bib."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest
from conftest import REFERENCE, new_site_with_import, read_papers, run_confsite
from served_bibtex import resolved

ACML = REFERENCE / "bibtex" / "acml2025.bib"
CPAL = REFERENCE / "bibtex" / "cpal2026.bib"


def papers(site: Path) -> dict[str, dict]:
    return read_papers(site / "data")


def new_site(root: Path, source: Path) -> str:
    return new_site_with_import(root, "bibtex", source, "ML", "2025")


@pytest.fixture(scope="module")
def acml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("acml") / "site"
    new_site(root, ACML)
    return root


@pytest.fixture(scope="module")
def cpal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("cpal") / "site"
    return root, new_site(root, CPAL)


def test_import_bibtex_acml_wrapped_fields_decoded(acml: Path) -> None:
    imported = papers(acml)
    assert len(imported) == 79
    paper = imported["rehman25"]
    assert paper["title"] == (
        "Punching Above Precision: Small Quantized Model Distillation with Learnable Regularizer"
    )
    assert [a["name"] for a in paper["authors"]] == [
        "Abdur Rehman",
        "S M A Sharif",
        "Md Abdur Rahaman",
        "Mohamed Jismy Aashik Rasool",
        "Seongwan Kim",
        "Jaeho Lee",
    ]
    assert paper["pages"] == "1--16"
    assert paper["abstract"].startswith("Quantization-aware training (QAT) combined with")


def test_import_bibtex_merges_the_entries_into_proceedings_bib(acml: Path) -> None:
    library = bibtexparser.parse_file(str(acml / "data" / "proceedings.bib"))
    keys = [entry.key for entry in library.entries]
    assert keys[0] == "ACML2025"
    assert sorted(keys[1:]) == sorted(papers(acml))


def test_import_bibtex_cpal_keys_become_ids_with_a_note(cpal: tuple[Path, str]) -> None:
    site, log = cpal
    imported = papers(site)
    assert len(imported) == 54
    assert imported["minoza26"]["authors"] == [{"name": "Jose Marie Antonio Miñoza"}]
    assert imported["schrodter26"]["authors"][0]["name"] == "Karsten Schrödter"
    assert (
        f"{CPAL}:78: note: id 'miñoza26' is written as 'minoza26' (ids are lowercase letters, "
        "digits, '-' and '_', starting with a letter or digit)"
    ) in log.splitlines()
    bib = (site / "data" / "proceedings.bib").read_text()
    assert "@InProceedings{minoza26," in bib and "miñoza26" not in bib


def test_import_bibtex_bad_block_is_a_warning_and_the_rest_imports(tmp_path: Path) -> None:
    source = tmp_path / "broken.bib"
    source.write_text(
        "@inproceedings{good1,\n  title = {Good One},\n  author = {Doe, Jane},\n"
        '  abstract = {First {\\"u}ber\n    line.\n\n    Second.}\n}\n\n'
        "@inproceedings{bad,\n  title = {Unclosed,\n  author = {Roe, Rick}\n\n"
        "@inproceedings{good2,\n  title = {Good {\\'E}t{\\'e}},\n"
        "  author = {{\\'A}lvarez, Ana and {Barnes and Noble Team}}\n}\n"
    )
    result = run_confsite("import", "bibtex", str(source), "--data", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    # the line of the value whose brace is never closed, not the entry's first line
    assert lines[0].startswith(f"{source}:11: warning: this BibTeX block cannot be parsed")
    imported = read_papers(tmp_path)
    assert sorted(imported) == ["good1", "good2"]
    assert imported["good1"]["abstract"] == "First über line.\n\nSecond.\n"
    assert imported["good2"]["title"] == "Good Été"
    assert [a["name"] for a in imported["good2"]["authors"]] == [
        "Ana Álvarez",
        "Barnes and Noble Team",
    ]


def test_import_bibtex_nothing_readable_fails(tmp_path: Path) -> None:
    source = tmp_path / "empty.bib"
    source.write_text("% nothing here\n")
    result = run_confsite("import", "bibtex", str(source), "--data", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}: error: no accepted paper could be read as bibtex"
    )
    assert not (tmp_path / "papers.yaml").exists()


# What the real files hold that cannot be rendered: an author's own command each.
LATEX_WARNINGS = {
    "acml": [
        "paper 'dang25': abstract: unknown command '\\Steal': it is left out of the page; write "
        "it as text or with a standard command"
    ],
    "cpal": [
        "paper 'tupitsa26': abstract: unknown command '\\Algn': it is left out of the page; "
        "write it as text or with a standard command"
    ],
}


@pytest.mark.parametrize("which", ["acml", "cpal"])
def test_import_bibtex_result_checks_and_builds(which: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(which)
    site = site[0] if isinstance(site, tuple) else site
    check = run_confsite("check", cwd=site)
    assert check.returncode == 0, check.stderr
    warnings = [
        line.split(": warning: ", 1)[1]
        for line in check.stderr.splitlines()
        if ": warning: " in line
    ]
    assert warnings == LATEX_WARNINGS[which]
    build = run_confsite("build", "--site-dir", "public", cwd=site)
    assert build.returncode == 0, build.stderr
    assert (site / "public" / "proceedings" / "index.html").is_file()


def test_import_bibtex_carries_the_macros_and_parents_the_entries_need(tmp_path: Path) -> None:
    source = tmp_path / "chapters.bib"
    source.write_text(
        '@string{acm = "{ACM}"}\n@string{unused = "Unused"}\n@string{press = acm # " Press"}\n\n'
        "@incollection{ch1,\n  title = {One},\n  author = {Doe, Jane},\n  crossref = {book}\n}\n\n"
        "@incollection{ch2,\n  title = {Two},\n  author = {Roe, Rick},\n  crossref = {book},\n"
        "  month = apr\n}\n\n"
        "@book{book,\n  title = {The Book},\n  editor = {Lee, Ann},\n  publisher = press,\n"
        "  year = 2030\n}\n",
        encoding="utf-8",
    )
    result = run_confsite("import", "bibtex", str(source), "--data", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(read_papers(tmp_path)) == ["ch1", "ch2"]  # the book is no paper
    merged = (tmp_path / "proceedings.bib").read_text(encoding="utf-8")
    assert "unused" not in merged
    library = bibtexparser.parse_string(merged)
    assert [e.key for e in library.entries] == ["ch1", "ch2", "book"]  # the parent last
    assert [s.key for s in library.strings] == ["acm", "press"]
    fields = resolved(merged)
    assert fields["ch1"][1]["booktitle"] == "The Book"
    assert fields["ch2"][1]["publisher"] == "{ACM} Press"


def test_import_bibtex_into_a_file_with_a_macro_defined_otherwise_is_reported(
    tmp_path: Path,
) -> None:
    (tmp_path / "proceedings.bib").write_text(
        '@string{pub = "Old"}\n\n@misc{other, title = {O}, publisher = pub}\n\n'
        '@string{pub = "Redefined"}\n',
        encoding="utf-8",
    )
    source = tmp_path / "new.bib"
    source.write_text(
        '@string{pub = "New"}\n@inproceedings{p1, title = {T}, author = {Doe, Jane},'
        " publisher = pub}\n",
        encoding="utf-8",
    )
    result = run_confsite("import", "bibtex", str(source), "--data", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (
        f"{source}:1: note: entry 'p1' reads differently in proceedings.bib than in the "
        "imported file (field 'publisher'): proceedings.bib defines an @string of the same "
        "name otherwise; rename one of them"
    ) in result.stderr.splitlines()
