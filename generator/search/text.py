"""Words as the search sees them: accents folded, case folded, split at anything not a letter.

The index (Python, here) and the worker (``generator/assets/search-worker.js``) must cut text
into the same words, or a word indexed is a word never found; the worker's ``fold`` and
``words`` mirror ``fold`` and ``words`` below, and ``tests/test_browser_search.py`` holds them
to each other on accented names.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

_LETTERS = str.maketrans(
    {
        # Letters Unicode does not decompose into a base letter and a mark.
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
    }
)
_WORD = re.compile(r"[^\W_]+")

# lunr.js's English stop word list: left out of titles and text (never out of names: "An",
# "Do" and "Le" are family names).
_STOP_WORDS_TEXT = """
    a able about across after all almost also am among an and any are as at be because been
    but by can cannot could dear did do does either else ever every for from get got had has
    have he her hers him his how however i if in into is it its just least let like likely may
    me might most must my neither no nor not of off often on only or other our own rather said
    say says she should since so some than that the their them then there these they this tis
    to too twas us wants was we were what when where which while who whom why will with would
    yet you your"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def fold(text: str) -> str:
    """``text`` without accents and case: 'Müller' and 'MULLER' both become 'muller'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


@lru_cache(maxsize=131072)
def _folded_words(word: str) -> tuple[str, ...]:
    if word.isascii():
        return (word.lower(),)
    return tuple(_WORD.findall(fold(word)))


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order (repeats kept): cut at anything that is not a
    letter or a digit, then each folded (and cut again, should folding make a separator).
    The worker's ``words`` does the same.

    Cutting first lets a word's folding be looked up once (abstracts repeat their words); a
    check per character of every abstract would cost about 20 s at 100,000 papers.
    """
    found: list[str] = []
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        found.extend(_folded_words(word))
    return found


def name_words(name: str) -> list[str]:
    """A person's words, plus each name written as one word where an apostrophe or a hyphen
    joins its parts ('O'Brien' is found as 'o brien' and as 'obrien')."""
    found = words(name)
    for part in name.split():
        joined = "".join(words(part))
        if joined and joined not in found:
            found.append(joined)
    return found


class _TextParser(HTMLParser):
    """Visible text of HTML, cut into sections at headings that carry an id.

    Leaves out what is not content: elements marked ``data-search-exclude`` (star buttons,
    time-zone switches, as the theme's own search plugin does), scripts and styles, and the
    theme's permalink anchors beside headings.
    """

    _VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col"})
    _SKIPPED = frozenset({"script", "style", "template"})
    _BLOCKS = frozenset({"p", "li", "td", "th", "dt", "dd", "div", "tr", "h1", "h2", "h3", "h4"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str, str, list[str]]] = [("", "", [])]
        """(anchor, heading, text parts) in page order; the first has no heading."""
        self.skip_depth = 0
        self.heading: tuple[str, str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._VOID:
            return
        attributes = dict(attrs)
        if (
            self.skip_depth
            or tag in self._SKIPPED
            or "data-search-exclude" in attributes
            or "headerlink" in (attributes.get("class") or "").split()
        ):
            self.skip_depth += 1
            return
        if tag in ("h2", "h3") and attributes.get("id"):
            self.heading = (tag, attributes["id"] or "", [])
        elif tag in self._BLOCKS:
            self._parts().append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._VOID:
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if self.heading is not None and tag == self.heading[0]:
            _tag, anchor, parts = self.heading
            self.sections.append((anchor, " ".join("".join(parts).split()), []))
            self.heading = None
        elif tag in self._BLOCKS:
            self._parts().append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._parts().append(data)

    def _parts(self) -> list[str]:
        return self.heading[2] if self.heading is not None else self.sections[-1][2]


def html_sections(fragment: str) -> list[tuple[str, str, str]]:
    """(anchor, heading, text) of each section of an HTML fragment: the part before the
    first heading with an id (anchor and heading empty), then one per h2/h3 with an id."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return [
        (anchor, heading, " ".join("".join(parts).split()))
        for anchor, heading, parts in parser.sections
    ]


def html_text(fragment: str) -> str:
    """Visible text of an HTML fragment on one line (what ``html_sections`` keeps)."""
    if "<" not in fragment:
        return " ".join(html.unescape(fragment).split())
    return " ".join(
        part
        for _anchor, heading, text in html_sections(fragment)
        for part in (heading, text)
        if part
    )
