"""Warnings about LaTeX in the data that the site cannot render (``generator.latex``).

The site never shows such LaTeX as it was typed: an unknown command is left out (its
arguments' text stays), an unclosed formula is shown as text. ``confsite check`` says where,
so that organizers can write it another way; under ``--strict`` (CI) these warnings fail.
"""

from __future__ import annotations

from generator import latex
from generator.diagnostics import Diagnostics, Location
from generator.latex import Dialect
from generator.model import BibEntry
from generator.text import Text


def warn_text(
    diagnostics: Diagnostics, location: Location, what: str, key: str, text: Text
) -> None:
    """One warning for each thing in ``text`` that cannot be rendered."""
    for problem in text.problems:
        diagnostics.warning(location, _message(what, key, problem))


def warn_bibtex(
    diagnostics: Diagnostics, location: Location, what: str, key: str, value: str
) -> None:
    """``warn_text`` for a field of a .bib entry (read as BibTeX, not as prose)."""
    for problem in latex.parse(value, Dialect.BIBTEX).problems:
        diagnostics.warning(location, _message(what, key, problem))


SHOWN_BIBTEX_FIELDS = ("title", "booktitle", "editor", "publisher", "address", "series")
"""Fields of a .bib entry the site shows (a volume's title, a citation's venue); a paper's own
title and authors are shown from papers.yaml, where they are checked."""


def warn_entry(diagnostics: Diagnostics, entry: BibEntry, volume: bool) -> None:
    """``warn_bibtex`` for each field of ``entry`` the site shows, at that field's line."""
    for key in SHOWN_BIBTEX_FIELDS:
        value = entry.get(key)
        if value and (volume or key != "title"):
            what = f"entry '{entry.key}'"
            warn_bibtex(diagnostics, entry.field_location(key), what, key, value)


def _message(what: str, key: str, problem: str) -> str:
    if problem.startswith("unknown command"):
        advice = "it is left out of the page; write it as text or with a standard command"
    elif problem.startswith("formula"):
        advice = "it is shown as text; check its braces and commands"
    else:
        advice = "check the LaTeX there"
    return f"{what}: {key}: {problem}: {advice}"
