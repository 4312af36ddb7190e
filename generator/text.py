"""Marked-up text from the data: titles (inline) and abstracts or bios (Markdown blocks).

A ``Text`` knows its renderings, so templates never escape or reformat by hand:
``as_html`` for pages (sanitised, math wrapped for KaTeX), ``as_text`` for meta tags,
calendars and JSON. Math is ``$...$`` (inline) or ``$$...$$`` (display); ``\\$`` is a dollar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html import escape, unescape

import markdown
import nh3
from markupsafe import Markup
from pylatexenc.latex2text import LatexNodes2Text

_MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)((?:\\.|[^$\\\n])+?)(?<![\s\\])\$", re.S)

# What an abstract may contain after Markdown: formatting, lists, code, links, math spans.
_ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "code",
    "pre",
    "kbd",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "span",
    "div",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "span": {"class"}, "div": {"class"}}
_URL_SCHEMES = {"http", "https", "mailto"}

# Markdown syntax that as_text has to strip; text without it takes the fast path.
_MARKDOWN = re.compile(r"[*_`\[<>&#|]|^\s*(?:[-+]|\d+[.)])\s", re.M)
_ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|br|hr|h\d|table|thead|tbody|tr|td|th|blockquote|pre)\b[^>]*>"
)
_INLINE_TAG = re.compile(r"<[^>]+>")

_markdown = markdown.Markdown(
    extensions=["pymdownx.arithmatex", "sane_lists", "tables"],
    extension_configs={"pymdownx.arithmatex": {"generic": True}},
    output_format="html",
)
_math_to_text = LatexNodes2Text(math_mode="text")
# Arithmatex reads $$...$$ only as a block of its own; inside a sentence it would leave stray
# dollars around an inline formula. There it becomes inline math in display style.
_DISPLAY_IN_LINE = re.compile(r"(?<![\\$])\$\$(?=\S)(.+?)(?<=\S)\$\$")
_TEX_MARKUP = re.compile(r"[\\{}~&%]")
_SPACE_AFTER_COMMAND = re.compile(r"(\\[A-Za-z]+)\s+")


def sanitize(html: str) -> str:
    """Allow-list HTML: no script, no event handlers, no javascript: links."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def _math_span(tex: str, display: bool) -> str:
    body = escape(tex.strip(), quote=False)
    if display:
        return f'<div class="arithmatex">\\[{body}\\]</div>'
    return f'<span class="arithmatex">\\({body}\\)</span>'


@lru_cache(maxsize=65536)
def _math_as_text(tex: str) -> str:
    if not _TEX_MARKUP.search(tex):  # 'O(n^2)', 'M=1': already plain; pylatexenc costs ~0.3 ms
        return " ".join(tex.split())
    # TeX swallows the space after a command ('\log n'); in plain text 'logn' is unreadable.
    tex = _SPACE_AFTER_COMMAND.sub(r"\1{} ", tex)
    try:
        return " ".join(_math_to_text.latex_to_text(tex).split())
    except Exception:  # malformed TeX: show the source rather than nothing
        return tex.strip()


def _html_as_text(html: str) -> str:
    """Sanitised HTML from ``as_html`` to one line of text, math spelled out."""
    html = _ARITHMATEX.sub(lambda m: escape(_math_as_text(unescape(m.group(2)))), html)
    html = _BLOCK_TAG.sub(" ", html)
    return " ".join(unescape(_INLINE_TAG.sub("", html)).split())


def _inline_display_math(source: str) -> str:
    if "$$" not in source:
        return source
    lines = source.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("$$") and stripped.endswith("$$"):
            continue  # a display block on its own line(s): arithmatex's own syntax
        lines[index] = _DISPLAY_IN_LINE.sub(r"$\\displaystyle \1$", line)
    return "\n".join(lines)


def markdown_html(source: str) -> str:
    """Python-Markdown's rendering of an abstract or bio, before sanitising."""
    _markdown.reset()
    return _markdown.convert(_inline_display_math(source))


# Outside math, any of these (or a line that could start a list, quote, heading, rule or code
# block) may be Markdown syntax: such text goes through Python-Markdown.
_MARKDOWN_CHARS = re.compile(r"[*_`\[\]!<>&#|\\$~\t]")
_BLOCK_START = re.compile(r"^(?:[ \t]|[-+=>]|\d+[.)])", re.M)
_MATH_UNSAFE = re.compile(r"[<>&\n\t]")


def plain_paragraphs_html(source: str) -> str | None:
    """What Markdown makes of plain paragraphs with inline ``$math$``, without Markdown.

    Most abstracts are just that, and Python-Markdown costs ~0.8 ms each: a tenth of a large
    conference's build. Returns None for anything else (the caller then runs Markdown); a
    property test checks that both give the same HTML wherever this accepts the text.
    """
    if "$$" in source or _BLOCK_START.search(source):
        return None
    pieces: list[str] = []
    position = 0
    for match in _MATH.finditer(source):
        text, tex = source[position : match.start()], match.group(2)
        if tex is None or _MARKDOWN_CHARS.search(text) or _MATH_UNSAFE.search(tex):
            return None
        pieces += [text, '<span class="arithmatex">\\(', tex, "\\)</span>"]
        position = match.end()
    rest = source[position:]
    if _MARKDOWN_CHARS.search(rest):
        return None
    pieces.append(rest)
    body = "".join(pieces)
    paragraphs = [p for p in re.split(r"\n(?:[ \t]*\n)+", body.strip("\n")) if p.strip()]
    if any(line != line.rstrip() for p in paragraphs for line in p.split("\n")):
        return None  # trailing spaces: a hard line break in Markdown
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


@dataclass(frozen=True)
class Text:
    """A piece of text from the data with ``$math$``; ``source`` is exactly what was written."""

    source: str

    def __bool__(self) -> bool:
        return bool(self.source.strip())

    def __str__(self) -> str:
        return self.as_text

    @cached_property
    def as_inline_html(self) -> Markup:
        """One line of HTML (a title): text escaped, math as KaTeX spans, no other markup."""
        out: list[str] = []
        position = 0
        for match in _MATH.finditer(self.source):
            out.append(escape(self.source[position : match.start()].replace(r"\$", "$")))
            display, inline = match.group(1), match.group(2)
            out.append(_math_span(display if display is not None else inline, False))
            position = match.end()
        out.append(escape(self.source[position:].replace(r"\$", "$")))
        return Markup("".join(out))

    @cached_property
    def as_html(self) -> Markup:
        """Block HTML from Markdown (an abstract or bio), sanitised with an allow-list."""
        html = plain_paragraphs_html(self.source)
        if html is None:
            html = markdown_html(self.source)
        return Markup(sanitize(html))

    @cached_property
    def as_block_text(self) -> str:
        """One line of plain text from a Markdown block (an abstract): what ``as_html`` shows,
        with formatting dropped and math spelled out. Titles use ``as_text``."""
        if _MARKDOWN.search(self.source):
            return _html_as_text(str(self.as_html))
        return self.as_text

    @cached_property
    def as_text(self) -> str:
        """Plain readable text of a title: math spelled out ('O(n log n)'), one line; the rest
        is taken literally, as ``as_inline_html`` shows it."""
        out: list[str] = []
        position = 0
        for match in _MATH.finditer(self.source):
            out.append(self.source[position : match.start()])
            display, inline = match.group(1), match.group(2)
            out.append(_math_as_text(display if display is not None else inline))
            position = match.end()
        out.append(self.source[position:])
        plain = "".join(out).replace(r"\$", "$")
        return " ".join(plain.split())
