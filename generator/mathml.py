"""Formulas as MathML, rendered when the site is built: math reads without JavaScript.

Chromium, Firefox and Safari render MathML Core natively, so a page needs no script, font or
style sheet for its math. latex2mathml converts the TeX; what it writes is sanitised with an
allow-list (``\\text{<script>}`` must stay text), and the letter styles MathML Core does not
support as attributes (``mathvariant="script"``, from ``\\mathcal{D_i}``) become the Unicode
mathematical letters they stand for. A formula that cannot be converted (unbalanced braces, a
command latex2mathml does not know) is shown spelled out as text, and ``confsite check`` names
it. Measured against KaTeX run in V8 (mini-racer), the other way to render without JavaScript
in the browser: on the 317 formulas of the real files in tests/data/reference/, 0.08 ms per
formula against 0.27 ms, the same single failure (unbalanced braces), 109 bytes of HTML against
234 (bench/math_render.py); for 5,000 abstracts with six distinct formulas each, 3.9 s of CPU
against 12.4 s (bench/text_render.py).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

import nh3
from latex2mathml.converter import convert
from pylatexenc.latex2text import LatexNodes2Text

TAGS = {
    "math", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace", "msub", "msup", "msubsup",
    "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd",
    "mstyle", "mpadded", "mphantom", "menclose", "semantics", "annotation",
}  # fmt: skip
ATTRIBUTES = {
    "display", "mathvariant", "stretchy", "fence", "form", "separator", "lspace", "rspace",
    "accent", "accentunder", "minsize", "maxsize", "movablelimits", "symmetric", "largeop",
    "width", "height", "depth", "displaystyle", "scriptlevel", "columnalign", "rowalign",
    "columnspacing", "rowspacing", "linethickness", "notation", "encoding", "alttext",
}  # fmt: skip
# One cleaner for every formula: building the allow-list is most of nh3.clean's cost (0.49 ms
# a call against 0.05 ms for a built Cleaner).
_cleaner = nh3.Cleaner(tags=TAGS, attributes={tag: ATTRIBUTES for tag in TAGS})
_VARIANT_TOKEN = re.compile(r'<(mi|mn|mo)([^>]*?) mathvariant="([a-z-]+)"([^>]*)>([^<]*)</\1>')
# TeX sets a thin space between '\log' and 'n' (not before a bracket); latex2mathml writes the
# two identifiers side by side, which reads 'logn'. Not inside a script (the base of '\log^2'):
# <msup> holds exactly two children, so a space there is invalid MathML.
_FUNCTION_BEFORE_ARGUMENT = re.compile(
    r"(?<!<msup>)(?<!<msub>)(?<!<msubsup>)(<mi>(?:log|ln|lg|exp|sin|cos|tan|cot|sec|csc|sinh|cosh|tanh|arcsin|arccos|arctan|max|min"
    r"|sup|inf|lim|liminf|limsup|det|dim|ker|deg|gcd|hom|arg|Pr|tr|rank|diag|sgn|poly|polylog)"
    r"</mi>)(?=<m[inr]|<msub|<msup|<mfrac|<msqrt)"
)
_UNKNOWN_COMMAND = re.compile(r">[^<]*\\[A-Za-z]")
_TEX_TOKEN = re.compile(r"\\.|[{}]", re.S)
_VARIANT_NAMES = {
    "bold": "BOLD",
    "italic": "ITALIC",
    "bold-italic": "BOLD ITALIC",
    "script": "SCRIPT",
    "bold-script": "BOLD SCRIPT",
    "fraktur": "FRAKTUR",
    "bold-fraktur": "BOLD FRAKTUR",
    "double-struck": "DOUBLE-STRUCK",
    "sans-serif": "SANS-SERIF",
    "bold-sans-serif": "SANS-SERIF BOLD",
    "sans-serif-italic": "SANS-SERIF ITALIC",
    "sans-serif-bold-italic": "SANS-SERIF BOLD ITALIC",
    "monospace": "MONOSPACE",
}
# Letters that have a code point of their own outside the Mathematical Alphanumeric block.
_LETTERLIKE = {
    ("ITALIC", "h"): "ℎ",
    **{("SCRIPT", c): u for c, u in zip("BEFHILMRego", "ℬℰℱℋℐℒℳℛℯℊℴ", strict=True)},
    **{("FRAKTUR", c): u for c, u in zip("CHIRZ", "ℭℌℑℜℨ", strict=True)},
    **{("DOUBLE-STRUCK", c): u for c, u in zip("CHNPQRZ", "ℂℍℕℙℚℝℤ", strict=True)},
}
_as_text = LatexNodes2Text(math_mode="text")
_TEX_MARKUP = re.compile(r"[\\{}~&%]")
_SPACE_AFTER_COMMAND = re.compile(r"(\\[A-Za-z]+)\s+")


@lru_cache(maxsize=65536)
def to_mathml(tex: str, display: bool = False) -> str | None:
    """The formula as sanitised MathML, or None when it cannot be converted faithfully."""
    if not tex.strip() or not _balanced(tex):
        return None
    try:
        converted = convert(tex, display="block" if display else "inline")
    except Exception:  # latex2mathml raises on malformed TeX; the caller shows it spelled out
        return None
    if _UNKNOWN_COMMAND.search(converted):
        return None  # a command it does not know, left in as text
    clean = _cleaner.clean(converted)
    clean = _VARIANT_TOKEN.sub(_variant_letters, clean)
    clean = _FUNCTION_BEFORE_ARGUMENT.sub(r'\1<mspace width="0.1667em"></mspace>', clean)
    # MathML's text alternative, for whatever reads the page as text: the TeX, as written
    # (spelling it out costs pylatexenc's ~0.3 ms a formula; spelled_out does it where needed).
    return clean.replace("<math ", f'<math alttext="{html.escape(" ".join(tex.split()))}" ', 1)


_MATH_ELEMENT = re.compile(r'<math\b[^>]*?\balttext="([^"]*)"[^>]*>.*?</math>', re.S)


def spelled_out(page_html: str) -> str:
    """HTML with each formula spelled out as text ('O(n log n)'), for headings in a contents
    list and other places that keep only text."""
    if "<math" not in page_html:
        return page_html
    return _MATH_ELEMENT.sub(lambda m: html.escape(to_text(html.unescape(m.group(1)))), page_html)


_ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.S)


def from_arithmatex(page_html: str) -> str:
    """Math that pymdownx.arithmatex marks in a hand-written page (``$...$``, ``$$...$$``) as
    MathML, so that those pages need no script either; spelled out where it cannot be."""

    def render(match: re.Match[str]) -> str:
        tex, block = html.unescape(match.group(2)), match.group(1) == "div"
        rendered = to_mathml(tex, block)
        if rendered is None:
            rendered = f'<span class="cs-math-text">{html.escape(to_text(tex))}</span>'
        return rendered

    return _ARITHMATEX.sub(render, page_html) if "arithmatex" in page_html else page_html


def in_line(mathml: str) -> str:
    """A display formula ('$$...$$') set inside a sentence: inline, in display style."""
    return mathml.replace(' display="block">', ' display="inline" displaystyle="true">', 1)


@lru_cache(maxsize=65536)
def to_text(tex: str) -> str:
    """The formula spelled out on one line ('O(n log n)'), for titles in meta tags and text."""
    if not _TEX_MARKUP.search(tex):  # 'O(n^2)', 'M=1': already plain; pylatexenc costs ~0.3 ms
        return " ".join(tex.split())
    # TeX swallows the space after a command ('\log n'); in plain text 'logn' is unreadable.
    tex = _SPACE_AFTER_COMMAND.sub(r"\1{} ", tex)
    try:
        return " ".join(_as_text.latex_to_text(tex).split())
    except Exception:  # malformed TeX: show the source rather than nothing
        return " ".join(tex.split())


def _balanced(tex: str) -> bool:
    depth = 0
    for token in _TEX_TOKEN.findall(tex):
        depth += 1 if token == "{" else -1 if token == "}" else 0
        if depth < 0:
            return False
    return depth == 0


def _variant_letters(match: re.Match[str]) -> str:
    tag, before, variant, after, content = match.groups()
    name = _VARIANT_NAMES.get(variant)
    if name is None:
        return match.group(0)
    text = "".join(_styled(char, name) for char in html.unescape(content))
    return f"<{tag}{before}{after}>{html.escape(text, quote=False)}</{tag}>"


@lru_cache(maxsize=4096)
def _styled(char: str, variant: str) -> str:
    """'D' in SCRIPT -> '𝒟'; a character with no such letter stays as it is."""
    if (variant, char) in _LETTERLIKE:
        return _LETTERLIKE[(variant, char)]
    try:
        name = unicodedata.name(char)
    except ValueError:
        return char
    if name.startswith("LATIN CAPITAL LETTER "):
        wanted = f"MATHEMATICAL {variant} CAPITAL {name[21:]}"
    elif name.startswith("LATIN SMALL LETTER "):
        wanted = f"MATHEMATICAL {variant} SMALL {name[19:]}"
    elif name.startswith("GREEK CAPITAL LETTER "):
        wanted = f"MATHEMATICAL {variant} CAPITAL {name[21:]}"
    elif name.startswith("GREEK SMALL LETTER "):
        wanted = f"MATHEMATICAL {variant} SMALL {name[19:]}"
    elif name.startswith("DIGIT "):
        wanted = f"MATHEMATICAL {variant} {name}"
    else:
        return char
    try:
        return unicodedata.lookup(wanted)
    except KeyError:
        return char
