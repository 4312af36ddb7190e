"""Compact search entries for generated pages, added to the theme's search index.

Material's search plugin parses every built page's HTML and indexes each section (title,
authors list, abstract, BibTeX, citation...) as its own entry: at 5,000 papers that is 35,000
entries and over 10 MB for a browser to download, and the parse is a fifth of the build. A
generated page instead gets one entry, made from plain text the core already has: the title,
then the authors and the abstract's words. Words are kept once each, in order, without the
English stop words lunr drops anyway: every word still matches, the entry is a third the size.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import chain
from pathlib import Path

# lunr.js's English stop word list (what Material's search ignores at query time too).
_STOP_WORDS_TEXT = """
    a able about across after all almost also am among an and any are as at be because been
    but by can cannot could dear did do does either else ever every for from get got had has
    have he her hers him his how however i if in into is it its just least let like likely may
    me might most must my neither no nor not of off often on only or other our own rather said
    say says she should since so some than that the their them then there these they this tis
    to too twas us wants was we were what when where which while who whom why will with would
    yet you your"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_TAG = re.compile(r"<[^>]+>")
_PUNCTUATION = ".,;:!?\"'“”‘’"


@dataclass(frozen=True)
class Entry:
    """One document of the search index: where it is, what its title is, what it says."""

    location: str
    title: str
    text: str

    def as_json(self) -> dict[str, str]:
        return {"location": self.location, "title": self.title, "text": self.text}


def keywords(text: str) -> str:
    """Each word once, in order of appearance, stop words left out: what lunr would index."""
    seen: set[str] = set()
    kept: list[str] = []
    for raw in text.split():
        word = raw.strip(_PUNCTUATION)
        if "(" in word or ")" in word:
            word = _trim(word)
        key = word.casefold()
        if not word or key in STOP_WORDS or key in seen:
            continue
        seen.add(key)
        kept.append(word)
    return " ".join(kept)


def _trim(word: str) -> str:
    """Sentence punctuation off a word; brackets only when unbalanced ('(fast)', 'O(n)')."""
    word = word.strip(_PUNCTUATION)
    if word.startswith("(") and word.endswith(")"):
        word = word[1:-1]
    if word.startswith("(") and ")" not in word:
        word = word[1:]
    if word.endswith(")") and "(" not in word:
        word = word[:-1]
    return word.strip(_PUNCTUATION)


class _TextParser(HTMLParser):
    """Collects text outside elements marked ``data-search-exclude`` (as the theme's own
    search plugin does: star buttons and zone switches are controls, not content)."""

    _VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.excluded_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._VOID:
            return
        if self.excluded_depth or any(name == "data-search-exclude" for name, _ in attrs):
            self.excluded_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.excluded_depth and tag not in self._VOID:
            self.excluded_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.excluded_depth:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one line, without ``data-search-exclude`` parts."""
    if "data-search-exclude" not in fragment:
        return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())
    parser = _TextParser()
    parser.feed(_TAG.sub(lambda m: m.group(0) + " ", fragment))  # tags separate words
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def page_entry(location: str, title: str, text: str) -> Entry:
    """An entry: the text's first line (a paper's authors) as written, the rest as keywords."""
    lead, _newline, body = text.partition("\n")
    text = " ".join(part for part in (" ".join(lead.split()), keywords(body)) if part)
    # The theme shows an entry's title and text as HTML (element content, never an attribute):
    # plain text from the data is escaped; quotes stay, so "O'Brien" is still found as typed.
    title = " ".join(title.split())
    return Entry(location, html.escape(title, quote=False), html.escape(text, quote=False))


def add_entries(index_file: Path, entries: Iterable[Entry]) -> None:
    """Append ``entries`` to the theme's search_index.json (same config, same format).

    The entries are written one by one after the theme's own documents, so the 10 MB of a
    10,000-paper index never exist as one JSON tree in memory.
    """
    index = json.loads(index_file.read_text(encoding="utf-8"))
    docs = index.pop("docs")
    head = _compact(index)[:-1]  # without '}'
    with index_file.open("w", encoding="utf-8") as out:
        out.write(head + (',"docs":[' if index else '{"docs":['))
        separator = ""
        for doc in chain(docs, (entry.as_json() for entry in entries)):
            out.write(separator + _compact(doc))
            separator = ","
        out.write("]}")


def replace_entries(index_file: Path, entries: Iterable[Entry]) -> None:
    """Put ``entries`` in place of the documents at their locations (new ones at the end):
    how a live preview updates the index after an edit without rebuilding it.

    Each document is found by its location and replaced in the text, so the rest of a 5 MB
    index is neither parsed nor written anew as JSON.
    """
    text = index_file.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    added: list[str] = []
    for entry in entries:
        fresh = _compact(entry.as_json())
        key = '{"location":' + _compact(entry.location) + ","
        start = text.find(key)
        if start < 0:
            added.append(fresh)
            continue
        _old, end = decoder.raw_decode(text, start)
        text = text[:start] + fresh + text[end:]
    if added:
        end = text.rindex("]}")
        separator = "," if text[end - 1] != "[" else ""
        text = text[:end] + separator + ",".join(added) + text[end:]
    index_file.write_text(text, encoding="utf-8")


def _compact(value: object) -> str:
    """JSON as the theme writes its index: no spaces, non-ASCII as it is."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
