"""Reading papers.yaml for a merge and writing it back readable, and loadable as it was meant.

The file is rewritten whole: block style, abstracts as literal ``|`` blocks, quotes only where
a value would otherwise read as something else. The leading comment lines (among them the
``# yaml-language-server: $schema=...`` line editors use) are kept; comments further down are
not, which the organizer guide says. Before anything is written, the text is parsed back with
the loader the build uses and compared with what was meant, so an import can never leave a file
that reads differently from what it reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics
from generator.importers.yaml_file import (
    Literal,
    read_document,
    reads_back,
    render_document,
    write_atomically,
)
from generator.load import schema_comment
from generator.validate.papers import AUTHOR_KEYS, PAPER_KEYS

__all__ = ["PapersFile", "read_papers_file", "render", "round_trips", "write_atomically"]


@dataclass
class PapersFile:
    """papers.yaml as plain data: its leading comments and its list of paper mappings."""

    header: list[str]
    papers: list[dict[str, Any]]


def read_papers_file(path: Path, display: str, diagnostics: Diagnostics) -> PapersFile | None:
    """The current papers.yaml; a missing file is an empty one, a broken one is an error."""
    if not path.exists():
        return PapersFile([schema_comment(path.parent, "papers")], [])
    document = read_document(path, display, ("papers",), diagnostics)
    if document is None:
        return None
    header, root = document
    return PapersFile(header, list(root.get("papers") or []))


def _ordered(paper: dict[str, Any]) -> dict[str, Any]:
    """Known keys in the documented order, anything else after them as it was."""
    out: dict[str, Any] = {}
    for key in PAPER_KEYS:
        if key in paper and paper[key] not in (None, "", [], {}):
            out[key] = paper[key]
    for key, value in paper.items():
        if key not in out and key not in PAPER_KEYS:
            out[key] = value
    if isinstance(out.get("abstract"), str):
        out["abstract"] = Literal(out["abstract"])
    authors = out.get("authors")
    if isinstance(authors, list):
        out["authors"] = [
            {k: a[k] for k in sorted(a, key=_key_rank) if a[k] not in (None, "")}
            if isinstance(a, dict)
            else a
            for a in authors
        ]
    return out


def _key_rank(key: str) -> int:
    return AUTHOR_KEYS.index(key) if key in AUTHOR_KEYS else len(AUTHOR_KEYS)


def render(papers_file: PapersFile) -> str:
    """The file's text: header comments, then 'papers:' and one block per paper."""
    papers = [_ordered(paper) for paper in papers_file.papers]
    if not papers:
        return "".join(line + "\n" for line in papers_file.header) + "papers: []\n"
    return render_document(papers_file.header, {"papers": papers})


def round_trips(text: str, papers_file: PapersFile) -> bool:
    """Does the build's own loader read ``text`` back as exactly these papers?"""
    return reads_back(text, {"papers": papers_file.papers})
