"""Every real file under tests/data/, imported into a new site and built: every author name,
title and abstract on the built pages is what an independent reference decoder (pylatexenc,
set up here as the organizer guide documents the dialects) makes of the file itself, and no
LaTeX command is left in what a reader sees.

Names are compared exactly. Prose is compared with the formulas left out on both sides (they
are MathML on the page), braces and ties folded (prose keeps literal braces and '~' where they
are not LaTeX; generator/latex.py's own tests hold those rules).
"""

from __future__ import annotations

import copy
import csv
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import bibtexparser
import markdown
import pytest
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from conftest import (
    EXAMPLE_DATA,
    REFERENCE,
    TOY_DATA,
    build_site,
    new_site_with_import,
    read_papers,
    run_confsite,
)
from lxml import html as lxml_html
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import get_default_latex_context_db as walker_context_db
from pylatexenc.macrospec import MacroSpec

from generator.importers.authors import parse_authors
from generator.importers.ids import normalise_id

# --- The reference decoder ----------------------------------------------------------------

_CITES = ["cite", "citep", "citet", "citealp", "citeauthor", "citeyear", "parencite", "textcite"]
_text_db = get_default_latex_context_db()
_text_db.add_context_category(
    "reference",
    prepend=True,
    macros=[
        MacroTextSpec("href", "%(2)s"),
        MacroTextSpec("url", "%(1)s"),
        MacroTextSpec("textcolor", "%(3)s"),
        MacroTextSpec("footnote", " (%(2)s)"),
        *(MacroTextSpec(name, "%(1)s") for name in ("texttt", "textsc", "underline", "mbox")),
        *(MacroTextSpec(name, lambda n, **_: "[" + _keys(n) + "]") for name in _CITES),
    ],
)
_walk_db = walker_context_db()
_walk_db.add_context_category(
    "reference",
    prepend=True,
    macros=[
        MacroSpec("href", "{{"),
        MacroSpec("url", "{"),
        MacroSpec("textcolor", "[{{"),
        MacroSpec("footnote", "[{"),
        *(MacroSpec(name, "{") for name in ("texttt", "textsc", "underline", "mbox")),
        *(MacroSpec(name, "*[[{") for name in _CITES),
    ],
)
_decoder = LatexNodes2Text(latex_context=_text_db, math_mode="remove", keep_comments=True)
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'{}\\$]*[^\s<>\"'{}\\$.,;:!?)\]]")
_PROSE_MATH = re.compile(
    r"\$\$.+?\$\$|\\\[.+?\\\]|\\\(.+?\\\)|(?<![\\$])\$(?!\s)(?:\\.|[^$\\])+?(?<![\s\\])\$", re.S
)
_BIBTEX_MATH = re.compile(r"\$\$.+?\$\$|(?<!\\)\$(?:\\.|[^$\\])+?\$", re.S)
_PMLR = re.compile(r"\\\\[A-Za-z]|\\[{}]|\\\$\S")


def _keys(node: Any) -> str:
    argument = node.nodeargd.argnlist[-1]
    keys = argument.latex_verbatim().strip("{}") if argument else ""
    return ", ".join(key.strip() for key in keys.split(","))


def reference_text(source: str, bibtex: bool) -> str:
    """What a field says, decoded by pylatexenc; formulas left out."""
    if bibtex and _PMLR.search(source):  # PMLR's second escaping, undone: then it is prose
        source, bibtex = re.sub(r"\\(.)|[{}]", lambda m: m.group(1) or "", source), False
    source = (_BIBTEX_MATH if bibtex else _PROSE_MATH).sub("", source)
    urls: list[str] = []
    if not bibtex:
        source = _URL.sub(lambda m: urls.append(m.group()) or f"\x00{len(urls) - 1}\x00", source)
    # A bare '%' or '&' is the character (the organizer guide), in a .bib as in prose.
    source = re.sub(r"(?<!\\)&(?![A-Za-z]+;|#)" if not bibtex else r"(?<!\\)&", r"\\&", source)
    source = re.sub(r"(?<!\\)%", r"\\%", source)
    from pylatexenc.latexwalker import LatexWalker

    nodes = LatexWalker(source, latex_context=_walk_db, tolerant_parsing=True).get_latex_nodes()[0]
    text = _decoder.nodelist_to_text(nodes)
    return re.sub("\x00(\\d+)\x00", lambda m: urls[int(m.group(1))], text)


def reference_name(source: str) -> str:
    """A name as BibTeX splits it, each part decoded by pylatexenc ('\\~' is an accent)."""
    hidden = source.replace("\\~", "\x01")
    parts = parse_single_name_into_parts(" ".join(hidden.split()), strict=False)

    def decode(words: list[str]) -> str:
        return " ".join(_decoder.latex_to_text(" ".join(words).replace("\x01", "\\~")).split())

    main = " ".join(p for p in (decode(parts.first), decode(parts.von), decode(parts.last)) if p)
    return unicodedata.normalize("NFC", f"{main}, {decode(parts.jr)}" if parts.jr else main)


def markdown_text(text: str) -> str:
    """Prose as a reader sees it once Markdown has been applied (abstracts are Markdown)."""
    tree = lxml_html.fragment_fromstring(markdown.markdown(text) or "<p></p>", create_parent="div")
    return tree.text_content()


def folded(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\xa0", " ").replace("~", " "))
    return " ".join(text.replace("{", "").replace("}", "").split())


# --- The real files -----------------------------------------------------------------------


def bib_records(path: Path) -> dict[str, dict[str, Any]]:
    """A .bib's papers. Its abstracts are LaTeX, not Markdown: '*a*' is two asterisks."""
    library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
    records = {}
    parents = {
        str(f.value).lower() for e in library.entries for f in e.fields if f.key == "crossref"
    }
    for entry in library.entries:
        fields = {f.key.lower(): str(f.value) for f in entry.fields}
        if entry.entry_type.lower() == "proceedings" or entry.key.lower() in parents:
            continue  # a volume, or a book its chapters inherit from: not a paper
        if not (fields.get("title") and fields.get("author")):
            continue  # the import skips it, with a warning
        records[normalise_id(entry.key)] = {
            "title": reference_text(fields["title"], bibtex=True),
            "abstract": reference_text(fields.get("abstract", ""), bibtex=True),
            "markdown": False,
            "authors": [reference_name(n) for n in split_multiple_persons_names(fields["author"])],
        }
    return records


def sheet_records(path: Path) -> dict[str, dict[str, Any]]:
    records = {}
    for row in csv.DictReader(path.open(encoding="utf-8")):
        names = [a.name for a in parse_authors(row["authors"])]
        records[normalise_id(row["UID"])] = {
            "title": reference_text(row["title"], bibtex=False),
            "abstract": reference_text(row["abstract"], bibtex=False),
            "authors": [" ".join(_decoder.latex_to_text(n).split()) for n in names],
        }
    return records


def yaml_records(data: Path) -> dict[str, dict[str, Any]]:
    records = {}
    for paper_id, paper in read_papers(data).items():
        names = [a if isinstance(a, str) else a["name"] for a in paper["authors"]]
        records[paper_id] = {
            "title": reference_text(paper["title"], bibtex=False),
            "abstract": reference_text(paper.get("abstract") or "", bibtex=False),
            "authors": [reference_name(n) for n in names],
        }
    return records


CASES = {
    "acml2025": ("bibtex", REFERENCE / "bibtex" / "acml2025.bib"),
    "cpal2026": ("bibtex", REFERENCE / "bibtex" / "cpal2026.bib"),
    "acmart": ("bibtex", REFERENCE / "bibtex" / "acmart-sample-base.bib"),
    "chil2021": ("miniconf", REFERENCE / "miniconf" / "chil2021-proceedings.csv"),
    "iclr2020": ("miniconf", REFERENCE / "miniconf" / "iclr2020-papers.csv"),
    "hotcrp": ("hotcrp", REFERENCE / "hotcrp" / "db.json"),
    "openreview": ("openreview", REFERENCE / "openreview" / "notes-v1-example.json"),
    "example": ("data", EXAMPLE_DATA),
    "toy": ("data", TOY_DATA),
}


def test_every_real_file_is_a_case() -> None:
    real = {p for p in REFERENCE.rglob("*") if p.is_file() and p.suffix in (".bib", ".csv")}
    real |= {REFERENCE / "hotcrp" / "db.json", REFERENCE / "openreview" / "notes-v1-example.json"}
    assert real == {path for kind, path in CASES.values() if kind != "data"}
    json.loads((REFERENCE / "hotcrp" / "db.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(CASES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    name = request.param
    kind, source = CASES[name]
    root = tmp_path_factory.mktemp(name)
    site = root / "public"
    if kind == "data":
        data = source
        result = build_site(data, site)
    else:  # not --strict: the real files hold the odd author's own command (a warning)
        new_site_with_import(root / "new", kind, source, name.rstrip("0123456789").upper(), "2026")
        data = root / "new" / "data"
        result = run_confsite("build", "--site-dir", str(site), cwd=root / "new")
    assert result.returncode == 0, result.stderr
    if kind == "bibtex":
        records = bib_records(source)
    elif kind == "miniconf":
        records = sheet_records(source)
    else:
        records = yaml_records(data)
    return name, site, records


def visible(element: Any) -> str:
    """An element's text as a reader sees it, formulas left out."""
    element = copy.deepcopy(element)
    for math in element.xpath(".//math | .//*[contains(@class, 'cs-math-text')]"):
        math.drop_tree()
    return element.text_content()


def shown(site: Path, paper_id: str) -> dict[str, Any]:
    tree = lxml_html.fromstring((site / "papers" / paper_id / "index.html").read_bytes())
    (title,) = tree.xpath("//article//h1")
    abstract = tree.xpath("//div[@class='cs-abstract']")
    return {
        "title": visible(title),
        "abstract": visible(abstract[0]) if abstract else "",
        "authors": [a.text_content() for a in tree.xpath("//ul[@class='cs-authors']/li/a[1]")],
    }


def test_pages_show_what_the_reference_decoder_reads(built: Any) -> None:
    _name, site, records = built
    assert records
    differences = []
    for paper_id, expected in sorted(records.items()):
        page = shown(site, paper_id)
        if page["authors"] != expected["authors"]:
            differences.append((paper_id, "authors", page["authors"], expected["authors"]))
        for key in ("title", "abstract"):
            want = expected[key]
            if key == "abstract" and expected.get("markdown", True):
                want = markdown_text(want)
            if folded(page[key]) != folded(want):
                differences.append((paper_id, key, folded(page[key]), folded(want)))
    assert differences == []


def test_pages_show_no_latex_command(built: Any) -> None:
    _name, site, records = built
    left = []
    for paper_id in sorted(records):
        page = shown(site, paper_id)
        for text in (page["title"], page["abstract"], *page["authors"]):
            left += [(paper_id, m) for m in re.findall(r"\\[A-Za-z]+|\\[(\[]", text)]
    assert left == []
