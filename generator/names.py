"""Person names: parsed once into parts, rendered every way a page or export needs."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from bibtexparser.middlewares.names import parse_single_name_into_parts

from generator import latex

# Letters that NFKD does not take apart into a base letter and an accent.
_ASCII_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "œ": "oe",
        "Œ": "OE",
    }
)


_SUFFIX = re.compile(r"(?:Jr|Sr|Jnr|Snr)\.?\Z|(?:II|III|IV)\Z", re.IGNORECASE)
_AND = re.compile(r"(?:^|\s)and(?:\s|$)", re.IGNORECASE)
_TILDE = "\U000f0fff"  # stands for '\\~' while bibtexparser splits a name (private use)


def ascii_fold(text: str) -> str:
    """'Łukasz Dvořák' -> 'Lukasz Dvorak': for slugs and sorting, never for display."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """A lowercase ASCII slug: letters and digits joined by single hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


@dataclass(frozen=True)
class Name:
    """A person's (or a group's) name in BibTeX's four parts, already decoded to Unicode."""

    first: str
    last: str
    von: str = ""
    jr: str = ""

    @classmethod
    def parse(cls, text: str) -> Name:
        """Parse 'First von Last', 'von Last, First', 'von Last, Jr, First' or, as people
        write it, 'First von Last, Jr.'.

        Each part is decoded from LaTeX after the split, so '{Barnes and Noble Team}' stays
        one name and '{\\'A}lvarez' becomes 'Álvarez'.
        """
        # Authors recur across papers (and the .bib repeats them): parse each spelling once.
        return _parse_cached(text)

    @classmethod
    def _parse(cls, text: str) -> Name:
        text = latex.normalize_space(text)
        main, _, suffix = text.rpartition(",")
        if main and "," not in main and _SUFFIX.match(suffix.strip()):
            # Nobody's first name is 'Jr.': this is 'First Last, Jr.', not 'Last, First'.
            return dataclasses.replace(cls._parse(main), jr=suffix.strip())
        try:
            # bibtexparser splits words at '~' (a tie) even in '\~{a}': the accent is hidden.
            parts = parse_single_name_into_parts(text.replace("\\~", _TILDE), strict=False)
        except Exception:  # an unbalanced brace or comma: keep the whole text as one name
            return cls(first="", last=latex.decode(text))
        first, von, last, jr = parts.first, parts.von, parts.last, parts.jr

        def join(words: list[str]) -> str:
            return latex.decode(" ".join(words).replace(_TILDE, "\\~"))

        return cls(first=join(first), last=join(last), von=join(von), jr=join(jr))

    @cached_property
    def full(self) -> str:
        """Display form: 'Ludwig van Beethoven, Jr.'."""
        main = " ".join(p for p in (self.first, self.von, self.last) if p)
        return f"{main}, {self.jr}" if self.jr else main

    @cached_property
    def last_first(self) -> str:
        """Citation and index form: 'van Beethoven, Jr., Ludwig'."""
        family = " ".join(p for p in (self.von, self.last) if p)
        pieces = [family] + ([self.jr] if self.jr else []) + ([self.first] if self.first else [])
        return ", ".join(pieces)

    @cached_property
    def bibtex(self) -> str:
        """LaTeX-encoded 'von Last, Jr, First' for a generated BibTeX entry."""
        if (not self.first and " " in self.last) or _AND.search(self.full):
            # A group, or a name BibTeX would split at its 'and': braced, it stays one author.
            return "{" + latex.encode(self.full) + "}"
        if self.jr and not self.first:
            # 'Last, Jr, First' with an empty First: without it BibTeX reads Jr as the first name.
            return latex.encode(self.last_first) + ", {}"
        return latex.encode(self.last_first)

    @property
    def initials(self) -> str:
        """'Ana María' -> 'A. M.'"""
        return " ".join(w[0] + "." for w in re.split(r"[\s]+", self.first) if w)

    @cached_property
    def slug(self) -> str:
        """URL slug of the author page: 'ana-alvarez'."""
        return slugify(self.full) or "unnamed"

    @cached_property
    def sort_key(self) -> tuple[str, str]:
        """Order for A-Z lists: family name, then given name, accents folded."""
        return (ascii_fold(self.last).casefold(), ascii_fold(self.first).casefold())

    @cached_property
    def identity(self) -> str:
        """Two names are the same person when these agree (case, accents composed, spaces)."""
        return unicodedata.normalize("NFC", self.full).casefold()


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> Name:
    return Name._parse(text)
