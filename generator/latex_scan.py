"""The first step of reading LaTeX (``generator.latex``): what pylatexenc should not see.

Math, URLs and Markdown link targets are taken out into *slots* (one private-use character
each, restored as pieces after parsing): a formula goes to the math renderer as written, a
URL is never decoded. What is left is made into LaTeX that means what the author meant: in
prose, characters that LaTeX would misread (``%``, ``&``, ``#``, braces that hold no
argument, ``~`` meaning "about") are escaped; in BibTeX only ``%``, ``&`` and ``#`` are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Dialect(Enum):
    """Which LaTeX a field is written in (see ``generator.latex``)."""

    BIBTEX = "bibtex"
    PROSE = "prose"


_SLOT_BASE = 0xF0000  # Supplementary Private Use Area-A: no conference data uses it
SLOT = re.compile("([\U000f0000-\U000ffffd])")
"""One slot character (a capturing group, so ``SLOT.split`` keeps it)."""

_COMMON_TOKENS = r"""(?P<cmd>\\(?:[^\W\d_]+|.))
    |(?P<math>\$\$?)
    |(?P<special>[{}~%&])"""
# In prose URLs, Markdown link targets and HTML entities are taken as written, before anything.
_PROSE_TOKEN = re.compile(
    r"""(?P<url>(?:https?|ftp)://[^\s<>"'{}\\$]*[^\s<>"'{}\\$.,;:!?)\]])
    |(?P<dest>\]\([^()\s]*\))
    |(?P<entity>&(?:[A-Za-z][A-Za-z0-9]*|\#[0-9]+|\#x[0-9A-Fa-f]+);)
    |"""
    + _COMMON_TOKENS,
    re.X | re.S,
)
_BIBTEX_TOKEN = re.compile(_COMMON_TOKENS, re.X | re.S)
_PAIR_OR_DOLLAR = re.compile(r"\\.|\$", re.S)
_PAIR = re.compile(r"\\.", re.S)
_ACCENTS = set("'\"^~=.`")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_BARE_PERCENT = re.compile(r"(?<!\\)%")
_ESCAPED = re.compile(r"\\(.)|[{}]", re.S)
_VERBATIM_ESCAPE = re.compile(r"\\([_%#&~$])")
# PMLR's second escaping: an escaped command ('\\textit'), escaped braces, or escaped dollars
# around what reads as a formula (not '\$5 and \$6').
_ESCAPED_PROSE = re.compile(r"\\\\[A-Za-z]|\\[{}]|\\\$(?!\s)(?:(?!\\\$).)+?(?<!\s)\\\$", re.S)


@dataclass
class Scanned:
    """Text made ready for pylatexenc: ``latex``, with ``slots`` (character -> piece)."""

    latex: str
    slots: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def is_escaped_prose(text: str) -> bool:
    """True for a .bib field escaped once more than LaTeX needs, as PMLR writes abstracts: an
    escaped command, brace or formula, and no command (nor '$') that is not escaped."""
    if "\\" not in text or _ESCAPED_PROSE.search(text) is None:
        return False
    pairs = _PAIR.findall(text)
    return not any(pair[1].isalpha() for pair in pairs) and "$" not in _bare(text)


def _bare(text: str) -> str:
    """The text without its escaped pairs."""
    return _PAIR.sub("", text)


def unescape_prose(text: str) -> str:
    """Undo the second escaping: ``\\\\`` -> ``\\``, ``\\{`` -> ``{``, ``\\$`` -> ``$`` ...; bare
    braces are BibTeX's protection and go."""
    return _ESCAPED.sub(lambda m: m.group(1) or "", text)


def unescape_verbatim(text: str) -> str:
    """An argument taken as written (a URL), with LaTeX's escapes of its characters undone."""
    return _VERBATIM_ESCAPE.sub(r"\1", text)


def scan(text: str, dialect: Dialect) -> Scanned:
    """Slots taken out and the rest escaped for ``dialect``; see the module docstring."""
    from generator.latex import Chars, Math  # the pieces live with the parser

    prose = dialect is Dialect.PROSE
    tokens = _PROSE_TOKEN if prose else _BIBTEX_TOKEN
    out = Scanned("")
    parts: list[str] = []
    braces: list[bool] = []  # for each open brace: True when it is LaTeX's, False when a character
    argument_end = -1  # where a brace would open an argument: right after a command or argument
    position = 0

    def slot(piece: object) -> str:
        char = chr(_SLOT_BASE + len(out.slots))
        out.slots[char] = piece
        return char

    def literal(char: str) -> str:  # a character meant as itself, out of LaTeX's way
        return slot(Chars(char))

    while True:
        match = tokens.search(text, position)
        if match is None:
            parts.append(text[position:])
            break
        parts.append(text[position : match.start()])
        kind, token, end = match.lastgroup, match.group(), match.end()
        if kind in ("entity", "url"):  # a URL, an HTML entity ('&nbsp;'): as written
            parts.append(slot(Chars(token, written=True)))
        elif kind == "dest":
            parts.append("]" + slot(Chars(token[1:], written=True)))
        elif token in ("\\(", "\\["):
            closer = "\\)" if token == "\\(" else "\\]"
            close = _unescaped(text, end, closer)
            if close >= 0:
                parts.append(slot(Math(_math(text[end:close], prose), token == "\\[")))
                end = close + 2
            else:
                out.problems.append(f"'{token}' without its closing '{closer}'")
        elif kind == "math":
            close, width = _close_math(text, end, token, prose)
            if close >= 0:
                parts.append(slot(Math(_math(text[end:close], prose), token == "$$")))
                end = close + width
            else:
                if not prose:
                    out.problems.append("a '$' without its closing '$'")
                parts.append("\\$" * len(token))
        elif kind == "special":
            at = match.start()
            escaped = _special(token, text, at, prose, braces, argument_end, out, literal)
            parts.append(escaped)
            if escaped == "}":  # a closed argument: another may follow ('\\href{u}{t}')
                argument_end = end
        else:
            parts.append(token)
            if kind == "cmd" and (token[1:].isalpha() or token[1:] in _ACCENTS):
                argument_end = end
                while argument_end < len(text) and text[argument_end] in " \t":
                    argument_end += 1
        position = end
    if any(braces):
        out.problems.append("a '{' without its closing '}'")
    out.latex = "".join(parts)
    return out


def _special(
    char: str,
    text: str,
    start: int,
    prose: bool,
    braces: list[bool],
    argument_end: int,
    out: Scanned,
    literal: Any,
) -> str:
    """What a special character becomes: LaTeX's own, or a slot holding the character."""
    if char in "%&":
        return literal(char)
    if not prose:
        if char == "{":
            braces.append(True)
        elif char == "}":
            if braces:
                braces.pop()
            else:
                out.problems.append("a '}' without its opening '{'")
                return literal("}")
        return char
    if char == "~":
        before = text[start - 1] if start else " "
        return literal("~") if before.isspace() or before in "([{" else char
    if char == "{":
        latex = start == argument_end or text.startswith("\\", start + 1)
        braces.append(latex)
        return "{" if latex else literal("{")
    if braces and braces.pop():
        return "}"
    return literal("}")


def _unescaped(text: str, start: int, closer: str) -> int:
    """Where ``closer`` ('\\)' or '\\]') first occurs as a pair from ``start``, or -1."""
    for match in _PAIR.finditer(text, start):
        if match.group() == closer:
            return match.start()
    return -1


def _close_math(text: str, start: int, opener: str, prose: bool) -> tuple[int, int]:
    """The closing delimiter of math opened just before ``start``: (its index, its width), or
    (-1, 0). In prose, as Pandoc reads dollars: an opening '$' has no space after it, a closing
    one none before it, and inline math does not cross a paragraph."""
    if prose and (start >= len(text) or text[start].isspace()):
        return -1, 0
    for match in _PAIR_OR_DOLLAR.finditer(text, start):
        if match.group() != "$":
            continue
        at = match.start()
        if opener == "$$":
            if text.startswith("$$", at):
                return (at, 2) if at > start else (-1, 0)
            continue
        if prose and (at == start or text[at - 1].isspace()):
            continue
        if prose and _PARAGRAPH.search(text, start, at):
            return -1, 0
        return at, 1
    return -1, 0


def _math(tex: str, prose: bool) -> str:
    """A formula's TeX; in prose a bare '%' is a percent sign, not a comment."""
    return _BARE_PERCENT.sub(r"\\%", tex) if prose else tex
