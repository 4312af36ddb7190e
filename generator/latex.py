"""LaTeX text to Unicode and back, for BibTeX fields.

Text inside the model follows one convention everywhere: Unicode, ``$...$`` for math, and
``\\$`` for a literal dollar sign. These functions translate between it and BibTeX's LaTeX.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexencode import UnicodeToLatexEncoder

_DOLLAR = "\ue000"  # a private-use character keeps escaped dollars apart from math delimiters
_NEEDS_DECODING = re.compile(r"[\\{}~]|--")
_MATH = re.compile(r"(?<!\\)\$(?:\\.|[^$\\])+?(?<!\\)\$")

# Characters with no LaTeX form stay as UTF-8, which biblatex reads; no need to warn each time.
logging.getLogger("pylatexenc").setLevel(logging.ERROR)

_decoder = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
_encoder = UnicodeToLatexEncoder(
    unknown_char_policy="keep", replacement_latex_protection="braces-all"
)


def normalize_space(text: str) -> str:
    """One space between words, none at the ends, Unicode in composed form (NFC)."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


@lru_cache(maxsize=65536)
def decode(latex: str) -> str:
    """LaTeX (accents, specials, protective braces) to Unicode text; math stays ``$...$``."""
    if not _NEEDS_DECODING.search(latex):
        return normalize_space(latex)
    protected = latex.replace(r"\$", _DOLLAR)
    try:
        text = _decoder.latex_to_text(protected)
    except Exception:  # pylatexenc raises on malformed input; braces removal is the fallback
        text = protected.replace("{", "").replace("}", "")
    return normalize_space(text.replace("\xa0", " ").replace(_DOLLAR, r"\$"))


def encode(text: str) -> str:
    """Unicode text to LaTeX that BibTeX and biblatex read back to the same text."""
    out: list[str] = []
    position = 0
    for match in _MATH.finditer(text):
        out.append(_encode_plain(text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(_encode_plain(text[position:]))
    return "".join(out)


def _encode_plain(text: str) -> str:
    if not text:
        return text
    parts = text.split(r"\$")
    return r"\$".join(_encoder.unicode_to_latex(part) for part in parts)
