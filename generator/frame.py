"""The theme's frame, rendered once and filled per page: how thousands of pages cost little.

Two built pages of one family (papers/*, authors/*, program/*) that are out of the nav and
share a table of contents differ only in a few places: the title, the description, the extra
head tags, the canonical URL and the content. Everything else (header, tabs, footer, scripts)
is the same bytes. So the site builder renders one *prototype* page per family through the
real pipeline (plugins, theme, every hook) with probe values in those places, and this module
cuts the result into a ``Frame``: literal text and slots. Filling a frame is string joining,
microseconds per page, where the theme takes milliseconds and MkDocs' Markdown set-up more.

Probing rather than assuming keeps it honest: the probe carries what every filter on the way
would change (``&``, a tag, a ``data-search-*`` attribute, runs of spaces), so the frame learns
*how* each field reached the page (escaped, stripped of tags, as it is) and applies the same to
the real values. If a field arrives some other way, ``Frame.cut`` returns None and that family
is built the slow way. A test compares framed pages with pages MkDocs renders itself, so a
theme upgrade cannot silently change the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.outputs import GeneratedPage

FIELDS = ("title", "description", "head", "content")
"""Per-page values a frame takes (as the core made them: text or finished HTML), besides the
titles of the contents list, 'toc0', 'toc1', ..."""

SLUG = "zq0framedpagezq0"
"""Stands for the page's folder name ('p00001') in the prototype; ASCII, so URLs keep it."""


def anchor_probe(number: int) -> str:
    """Stands for the anchor of the contents list's entry ``number`` (ASCII, like anchors)."""
    return f"zq0anchor{number}zq0"


_ASCII_PROBE = re.compile(r"zq0(framedpage|anchor\d+)zq0")

_OPEN, _CLOSE = "\ue010", "\ue011"  # private-use characters: no filter on the way touches them
_PROBE = 'x  & <i data-search-exclude="q">y</i>  "q"'
_HEADING = "<h1></h1>"
"""Material adds the page title as <h1> when the content has none: the probe must match."""
_SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")

Transform = Callable[[str], str]

TRANSFORMS: dict[str, Transform] = {
    "raw": lambda v: v,
    "search-attributes-removed": lambda v: _SEARCH_ATTRIBUTE.sub("", v),
    "escaped": lambda v: str(escape(v)),
    "escaped+striptags": lambda v: Markup(escape(v)).striptags(),
    "escaped+striptags+escaped": lambda v: str(escape(Markup(escape(v)).striptags())),
    "escaped-twice": lambda v: str(escape(str(escape(v)))),
    "striptags": lambda v: Markup(v).striptags(),
}
"""The ways a field may reach the page; on the probe they all give different text."""


def probe_value(field: str, heading: bool = False) -> str:
    """What the prototype page gets for ``field``: the probe, marked with the field's name
    (with an <h1> when the family's content has one)."""
    return f"{_OPEN}{field}{_OPEN}{_PROBE}{_HEADING if heading else ''}{_CLOSE}"


_PROBED = re.compile(f"{_OPEN}([a-z]+[0-9]*){_OPEN}(.*?){_CLOSE}", re.S)
_TOC_FIELD = re.compile(r"toc[0-9]+")
_LEFTOVERS = (_OPEN, _CLOSE, "%EE%80%90", "%EE%80%91", "&#57360;", "&#57361;")


@dataclass(frozen=True)
class Frame:
    """A rendered page cut at its per-page slots: ``parts[0] slot0 parts[1] slot1 ...``."""

    parts: tuple[str, ...]
    slots: tuple[tuple[str, str], ...]
    """(field, transform name) for each slot, in order; the field 'framedpage' is the page's
    folder name, 'anchorN' the anchor of contents entry N."""

    @classmethod
    def cut(cls, rendered: str) -> Frame | None:
        """The frame of a prototype rendered with ``probe_value`` fields in folder ``SLUG``.

        None when a probe reached the page in a way no transform explains: the caller then
        renders each page of that family through the theme.
        """
        parts: list[str] = []
        slots: list[tuple[str, str]] = []
        position = 0
        for match in _PROBED.finditer(rendered):
            field, printed = match.group(1), match.group(2)
            name = next(
                (
                    name
                    for name, transform in TRANSFORMS.items()
                    for probe in (_PROBE, _PROBE + _HEADING)
                    if transform(probe) == printed
                ),
                None,
            )
            if not (field in FIELDS or _TOC_FIELD.fullmatch(field)) or name is None:
                return None
            _literal(rendered[position : match.start()], parts, slots)
            slots.append((field, name))
            position = match.end()
        _literal(rendered[position:], parts, slots)
        literal = "".join(parts)
        if any(leftover in literal for leftover in _LEFTOVERS):
            return None  # a probe was cut, mangled or encoded: do not guess
        return cls(tuple(parts), tuple(slots))

    def fill(self, values: Mapping[str, str]) -> str:
        """The page: this frame with the page's values (``values_of``)."""
        out = [self.parts[0]]
        for (field, transform), part in zip(self.slots, self.parts[1:], strict=True):
            out.append(TRANSFORMS[transform](values[field]))
            out.append(part)
        return "".join(out)


def _literal(text: str, parts: list[str], slots: list[tuple[str, str]]) -> None:
    """Append literal text, cutting a slot wherever the folder or an anchor probe appears."""
    pieces = _ASCII_PROBE.split(text)  # text, field, text, field, ..., text
    if len(parts) == len(slots):
        parts.append(pieces[0])
    else:
        parts[-1] += pieces[0]
    for field, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        slots.append((field, "raw"))
        parts.append(piece)


def framed_path(page: GeneratedPage) -> tuple[str, str] | None:
    """(folder, slug) of a page that can be framed: 'papers/p1/index.md' -> ('papers', 'p1'),
    '2026/papers/p1/index.md' -> ('2026/papers', 'p1') (an edition of a series).

    Pages in the nav are not framed (the nav marks them active); nor are top-level pages.
    """
    pieces = page.uri.split("/")
    if page.in_nav or len(pieces) < 3 or pieces[-1] != "index.md" or SLUG in page.uri:
        return None
    return "/".join(pieces[:-2]), pieces[-2]


def family_key(page: GeneratedPage) -> tuple[object, ...]:
    """Pages with equal keys share a frame: same folder, contents list of the same shape, same
    optional fields present (a theme prints a missing description or head differently), and
    an <h1> in the content or not."""
    folder = page.uri.rsplit("/", 2)[0]
    levels = tuple(entry.level for entry in page.toc)
    return folder, levels, bool(page.description), bool(page.head), has_heading(page)


def has_heading(page: GeneratedPage) -> bool:
    """Whether the content has its own <h1> (else the theme prints the title as one)."""
    return "<h1" in page.html


def values_of(page: GeneratedPage) -> dict[str, str]:
    """What fills a frame for ``page``: its fields, folder name and contents list."""
    values = {
        "title": page.title,
        "description": page.description,
        "head": page.head,
        "content": page.html,
        "framedpage": page.uri.split("/")[-2],
    }
    for number, entry in enumerate(page.toc):
        values[f"toc{number}"] = entry.title
        values[f"anchor{number}"] = entry.anchor
    return values
