"""Unicode text to LaTeX (for the .bib downloads), the way back of ``generator.latex.decode``."""

from __future__ import annotations

import re

from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

# pylatexenc's defaults map \textasciicircum to a modifier letter and drop \textless and
# \textgreater; encode() writes those three, so decoding must read them back as they were.
ROUND_TRIP = {"^": "textasciicircum", "<": "textless", ">": "textgreater"}
_encoder = UnicodeToLatexEncoder(
    unknown_char_policy="keep",
    replacement_latex_protection="braces-all",
    conversion_rules=[
        UnicodeToLatexConversionRule(
            RULE_DICT, {ord(char): "\\" + name for char, name in ROUND_TRIP.items()}
        ),
        "defaults",
    ],
)
_WORD = re.compile(r"\S+")
_MATH = re.compile(r"(?<!\\)\$(?:\\.|[^$\\])+?(?<!\\)\$")


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
