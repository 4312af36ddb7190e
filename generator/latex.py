"""LaTeX text to Unicode and back, for BibTeX fields.

Text inside the model follows one convention everywhere: Unicode, ``$...$`` for math, and
``\\$`` for a literal dollar sign. These functions translate between it and BibTeX's LaTeX.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

_DOLLAR = "\ue000"  # a private-use character keeps escaped dollars apart from math delimiters
# Commands, ties, quotes, comments, alignment and math need pylatexenc's parser.
_BEYOND_BRACES_AND_DASHES = re.compile(r"[\\~`'%&$]")
_NEEDS_DECODING = re.compile(r"[\\{}~]|--")
_WORD = re.compile(r"\S+")
_MATH = re.compile(r"(?<!\\)\$(?:\\.|[^$\\])+?(?<!\\)\$")

# Characters with no LaTeX form stay as UTF-8, which biblatex reads; no need to warn each time.
logging.getLogger("pylatexenc").setLevel(logging.ERROR)

# pylatexenc's defaults map \textasciicircum to a modifier letter and drop \textless and
# \textgreater; encode() writes those three, so decode() must read them back as they were.
_ROUND_TRIP = {"^": "textasciicircum", "<": "textless", ">": "textgreater"}
_context = get_default_latex_context_db()
_context.add_context_category(
    "confsite-round-trip",
    prepend=True,
    macros=[MacroTextSpec(name, char) for char, name in _ROUND_TRIP.items()],
)
_decoder = LatexNodes2Text(latex_context=_context, math_mode="verbatim", strict_latex_spaces=True)
_encoder = UnicodeToLatexEncoder(
    unknown_char_policy="keep",
    replacement_latex_protection="braces-all",
    conversion_rules=[
        UnicodeToLatexConversionRule(
            RULE_DICT, {ord(char): "\\" + name for char, name in _ROUND_TRIP.items()}
        ),
        "defaults",
    ],
)


def normalize_space(text: str) -> str:
    """One space between words, none at the ends, Unicode in composed form (NFC)."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


@lru_cache(maxsize=65536)
def decode(latex: str) -> str:
    """LaTeX (accents, specials, protective braces) to Unicode text; math stays ``$...$``."""
    if not _NEEDS_DECODING.search(latex):
        return normalize_space(latex)
    if not _BEYOND_BRACES_AND_DASHES.search(latex):
        # Only protective braces and dashes ('{TPU}-Aware', '1--14'): what pylatexenc makes of
        # them, without its parser (~0.3 ms a call, most of a large conference's validation).
        plain = latex.replace("{", "").replace("}", "")
        return normalize_space(plain.replace("---", "—").replace("--", "–"))
    if _only_math_is_latex(latex):
        # Plain text around $...$ (titles like 'Search in $O(\sqrt{n})$ Time'): pylatexenc
        # would keep it all as it is, after ~0.3 ms of parsing.
        return normalize_space(latex)
    accented = _decode_accents(latex)
    if accented is not None:
        return accented
    return _decode_with_parser(latex)


def _decode_with_parser(latex: str) -> str:
    """decode() by pylatexenc: what every shortcut of decode() must equal."""
    protected = latex.replace(r"\$", _DOLLAR)
    try:
        text = _decoder.latex_to_text(protected)
    except Exception:  # pylatexenc raises on malformed input; braces removal is the fallback
        text = protected.replace("{", "").replace("}", "")
    return normalize_space(text.replace("\xa0", " ").replace(_DOLLAR, r"\$"))


# Outside math: anything LaTeX gives a meaning to (commands, groups, ties, quotes, dashes,
# comments, specials). Inside: what could move where the math ends (a comment, an escaped or
# braced '$', environments, \verb, a command or script waiting for its argument at the end).
_TEXT_LATEX = re.compile(r"[\\{}~`'%&#^_\ue000]|--")
_MATH_UNSAFE = re.compile(
    r"[%\ue000]|\\(?![a-zA-Z])|\\(?:begin|end|verb)|(?:\\[a-zA-Z]+|[\^_])\s*\Z"
)


def _only_math_is_latex(latex: str) -> bool:
    """True for text whose only LaTeX is inside inline math with balanced braces."""
    parts = latex.split("$")
    if len(parts) % 2 == 0:
        return False
    for index, part in enumerate(parts):
        if index % 2 == 0:
            if _TEXT_LATEX.search(part):
                return False
        elif not part.strip() or _MATH_UNSAFE.search(part) or not _balanced(part):
            return False
    return True


# '{\'e}', '{\'{e}}', '{\v{r}}', '{\o}': how .bib files spell most accented names.
_ACCENT = re.compile(
    r"\{\\(?:[`'^\"~=.](?:[a-zA-Z]|\{[a-zA-Z]\})|[vcuHkrbdt]\{[a-zA-Z]\}"
    r"|o|O|l|L|ss|aa|AA|ae|AE|oe|OE|i|j)\}"
)
_AROUND_ACCENTS = re.compile(r"[\\{}~`'%&#^_$\"\ue000]|--")


def _decode_accents(latex: str) -> str | None:
    """Text whose only LaTeX is braced accents ('Jim{\'e}nez'), each decoded once by
    pylatexenc and reused; None for any other text."""
    accents = _ACCENT.findall(latex)
    if not accents:
        return None
    around = _ACCENT.split(latex)
    if any(_AROUND_ACCENTS.search(part) for part in around):
        return None
    pieces = [around[0]]
    for accent, after in zip(accents, around[1:], strict=True):
        pieces += [_decode_accent(accent), after]
    return normalize_space("".join(pieces))


@lru_cache(maxsize=1024)
def _decode_accent(accent: str) -> str:
    return _decode_with_parser(accent)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def encode(text: str, protect_case: bool = False) -> str:
    """Unicode text to LaTeX that BibTeX and biblatex read back to the same text.

    With ``protect_case`` (titles), words with a capital after their first letter ('FuseBox',
    'GPUs', 'Auto-Scheduling') are braced so sentence-case styles do not lowercase them.
    """
    out: list[str] = []
    position = 0
    for match in _MATH.finditer(text):
        out.append(_encode_plain(text[position : match.start()], protect_case))
        out.append(match.group(0))
        position = match.end()
    out.append(_encode_plain(text[position:], protect_case))
    return "".join(out)


def _encode_plain(text: str, protect_case: bool) -> str:
    if not text:
        return text
    if protect_case:
        return _WORD.sub(lambda m: _encode_word(m.group(0)), text)
    parts = text.split(r"\$")
    return r"\$".join(_encoder.unicode_to_latex(part) for part in parts)


def _encode_word(word: str) -> str:
    encoded = _encode_plain(word, protect_case=False)
    if any(char.isupper() for char in word[1:]) and "\\$" not in word:
        return "{" + encoded + "}"
    return encoded
