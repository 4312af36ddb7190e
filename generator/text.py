"""Marked-up text from the data: titles (inline) and abstracts or bios (Markdown blocks).

A ``Text`` knows its renderings, so templates never escape or reformat by hand:
``as_html`` for pages (sanitised, math as MathML), ``as_text`` for meta tags, calendars and
JSON. The source is prose as ``generator.latex`` reads it: Markdown (in blocks) with LaTeX where
authors write it (``Erd\\H{o}s``, ``\\emph{x}``, ``$O(n)$``, ``\\(x\\)``); ``\\$`` is a dollar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from html import escape, unescape

import markdown
import nh3
from markupsafe import Markup

from generator import latex, mathml
from generator.latex import Chars, Dialect, Link, Math, Parsed, Piece, Styled

# What an abstract may contain after Markdown: formatting, lists, code, links, math slots.
_ALLOWED_TAGS = {
    "p", "br", "em", "strong", "b", "i", "u", "s", "code", "pre", "kbd", "sub", "sup", "ul",
    "ol", "li", "blockquote", "a", "span", "div", "hr", "h3", "h4", "h5", "h6", "table",
    "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "span": {"class"}, "div": {"class"}}
_URL_SCHEMES = {"http", "https", "mailto"}
_SAFE_URL = re.compile(r"(?:https?://|mailto:)[^\s\"'<>]+\Z", re.I)

_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|br|hr|h\d|table|thead|tbody|tr|td|th|blockquote|pre)\b[^>]*>"
)
_INLINE_TAG = re.compile(r"<[^>]+>")
_SLOT_BASE = 0xF8000  # math placeholders in the Markdown source: private use, never in data
_SLOT = re.compile("[\U000f8000-\U000ffffd]")
_ALONE = re.compile("<p>([\U000f8000-\U000ffffd])</p>")

_markdown = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
_STYLE_TAGS = {
    "em": ("<em>", "</em>"),
    "strong": ("<strong>", "</strong>"),
    "code": ("<code>", "</code>"),
    "smallcaps": ('<span class="cs-smallcaps">', "</span>"),
    "underline": ("<u>", "</u>"),
}
# Characters that a LaTeX command produced ('\_' -> '_') are meant literally: in the Markdown
# source they are escaped so that Markdown shows them as they are.
_MARKDOWN_LITERAL = str.maketrans(
    {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "#": "\\#",
     "<": "&lt;", ">": "&gt;", "&": "&amp;"}
)  # fmt: skip


# Built once: building the allow-list is most of what nh3.clean costs per call.
_cleaner = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    attributes=_ALLOWED_ATTRIBUTES,
    url_schemes=_URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
)


def sanitize(html: str) -> str:
    """Allow-list HTML: no script, no event handlers, no javascript: links."""
    return _cleaner.clean(html)


def math_html(piece: Math, block: bool = False) -> str:
    """A formula as MathML; spelled out as text when it cannot be converted."""
    rendered = mathml.to_mathml(piece.tex, piece.display)
    if rendered is not None:
        return rendered if block or not piece.display else mathml.in_line(rendered)
    return f'<span class="cs-math-text">{escape(mathml.to_text(piece.tex), quote=False)}</span>'


def inline_html(pieces: tuple[Piece, ...]) -> str:
    """Pieces as one line of HTML: text escaped, styles and links as tags, math as MathML."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, Chars):
            out.append(escape(" ".join(piece.text.split("\n")), quote=False))
        elif isinstance(piece, Math):
            out.append(math_html(piece))
        elif isinstance(piece, Styled):
            start, end = _STYLE_TAGS[piece.style]
            out.append(start + inline_html(piece.children) + end)
        elif isinstance(piece, Link):
            out.append(_link(piece.url, inline_html(piece.children)))
    return "".join(out)


def _link(url: str, inner: str) -> str:
    if not _SAFE_URL.match(url):
        return inner
    return f'<a href="{escape(url)}" rel="noopener noreferrer nofollow">{inner}</a>'


def plain_text(pieces: tuple[Piece, ...]) -> str:
    """Pieces as readable text: formatting dropped, math spelled out ('O(n log n)')."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, Chars):
            out.append(piece.text)
        elif isinstance(piece, Math):
            out.append(mathml.to_text(piece.tex))
        elif isinstance(piece, Styled | Link):
            out.append(plain_text(piece.children))
    return "".join(out)


def _markdown_source(pieces: tuple[Piece, ...], maths: list[Math]) -> str:
    """Pieces as Markdown: written text as written, formulas as placeholder characters."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, Chars):
            out.append(piece.text if piece.written else piece.text.translate(_MARKDOWN_LITERAL))
        elif isinstance(piece, Math):
            out.append(chr(_SLOT_BASE + len(maths)))
            maths.append(piece)
        elif isinstance(piece, Styled):
            start, end = _STYLE_TAGS[piece.style]
            out.append(start + _markdown_source(piece.children, maths) + end)
        elif isinstance(piece, Link):
            out.append(_link(piece.url, _markdown_source(piece.children, maths)))
    return "".join(out)


def markdown_html(source: str) -> str:
    """Python-Markdown's rendering of Markdown source, before sanitising."""
    _markdown.reset()
    return _markdown.convert(source)


# Any of these (or a line that could start a list, quote, heading, rule or code block) may be
# Markdown syntax: such text goes through Python-Markdown.
_MARKDOWN_CHARS = re.compile(r"[*_`\[\]!<>&#|\\~\t]")
_BLOCK_START = re.compile(r"^(?:[ \t]|[-+=>*#]|\d+[.)])", re.M)


def plain_paragraphs_html(source: str) -> str | None:
    """What Markdown makes of plain paragraphs (formulas are placeholder characters here),
    without Markdown: most abstracts are just that, and Python-Markdown costs ~0.8 ms each, a
    tenth of a large conference's build. None for anything else (the caller runs Markdown); a
    property test checks that both give the same HTML wherever this accepts the text."""
    if _MARKDOWN_CHARS.search(source) or _BLOCK_START.search(source):
        return None
    paragraphs = [p for p in re.split(r"\n(?:[ \t]*\n)+", source.strip("\n")) if p.strip()]
    if any(line != line.rstrip() for p in paragraphs for line in p.split("\n")):
        return None  # trailing spaces: a hard line break in Markdown
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


@dataclass(frozen=True)
class Text:
    """A piece of text from the data; ``source`` is exactly what was written."""

    source: str

    def __bool__(self) -> bool:
        return bool(self.source.strip())

    def __str__(self) -> str:
        return self.as_text

    @cached_property
    def parsed(self) -> Parsed:
        """The source read once by ``generator.latex`` (prose dialect)."""
        return latex.parse(self.source, Dialect.PROSE)

    @cached_property
    def problems(self) -> tuple[str, ...]:
        """LaTeX that could not be rendered (``confsite check`` warns about each)."""
        failed = [
            f"formula '${_shortened(m.tex)}$' cannot be shown as math"
            for m in _maths(self.parsed.pieces)
            if mathml.to_mathml(m.tex, m.display) is None
        ]
        return (*self.parsed.problems, *dict.fromkeys(failed))

    @cached_property
    def as_inline_html(self) -> Markup:
        """One line of HTML (a title): text escaped, math as MathML, no Markdown."""
        return Markup(inline_html(self.parsed.pieces))

    @cached_property
    def _markdown(self) -> tuple[str, list[Math]]:
        maths: list[Math] = []
        return _markdown_source(self.parsed.pieces, maths), maths

    @property
    def markdown_source(self) -> str:
        """The Markdown that Python-Markdown reads: LaTeX rendered, formulas as placeholders."""
        return self._markdown[0]

    @cached_property
    def _block(self) -> tuple[str, list[Math]]:
        """Sanitised block HTML with formulas still as placeholder characters."""
        source, maths = self._markdown
        html = plain_paragraphs_html(source)
        if html is None:
            html = markdown_html(source)
        return sanitize(html), maths

    @cached_property
    def as_html(self) -> Markup:
        """Block HTML from Markdown (an abstract or bio), sanitised with an allow-list."""
        html, maths = self._block

        def alone(match: re.Match[str]) -> str:  # a formula that is a paragraph of its own
            math = maths[ord(match.group(1)) - _SLOT_BASE]
            return math_html(math, block=True) if math.display else f"<p>{math_html(math)}</p>"

        html = _ALONE.sub(alone, html)
        return Markup(_SLOT.sub(lambda m: math_html(maths[ord(m.group()) - _SLOT_BASE]), html))

    @cached_property
    def as_block_text(self) -> str:
        """One line of plain text from a Markdown block (an abstract): what ``as_html`` shows,
        with formatting dropped and math spelled out. Titles use ``as_text``."""
        html, maths = self._block
        text = unescape(_INLINE_TAG.sub("", _BLOCK_TAG.sub(" ", html)))
        text = _SLOT.sub(lambda m: mathml.to_text(maths[ord(m.group()) - _SLOT_BASE].tex), text)
        return " ".join(text.split())

    @cached_property
    def as_text(self) -> str:
        """Plain readable text of a title: math spelled out ('O(n log n)'), one line."""
        return " ".join(plain_text(self.parsed.pieces).split())


def _maths(pieces: tuple[Piece, ...]) -> list[Math]:
    out: list[Math] = []
    for piece in pieces:
        if isinstance(piece, Math):
            out.append(piece)
        elif isinstance(piece, Styled | Link):
            out += _maths(piece.children)
    return out


def _shortened(tex: str, limit: int = 80) -> str:
    """A formula quoted in a warning: its start and end when it is long."""
    return tex if len(tex) <= limit else f"{tex[: limit // 2]} ... {tex[-limit // 2 :]}"
