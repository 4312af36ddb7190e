"""LaTeX in titles, abstracts and names, decoded in one place for every field.

Two dialects of LaTeX reach the site:

- ``Dialect.BIBTEX``: a field of a .bib file, LaTeX proper. Braces group (and protect case),
  ``~`` is a tie, ``\\$`` a dollar sign, ``$...$`` math. A bare ``%``, ``&`` or ``#`` would be a
  LaTeX error or comment; authors mean the character, so that is what it shows. PMLR writes
  abstracts escaped once more (``\\$i\\\\in[K]\\$``, ``\\\\textit\\{...\\}``): such a field is
  unescaped and read as prose, which is what it was before PMLR escaped it.
- ``Dialect.PROSE``: titles and abstracts in papers.yaml, and what Mini-Conf, OpenReview or a
  spreadsheet hand over: Markdown prose where authors write LaTeX as in a paper (``Erd\\H{o}s``,
  ``\\emph{post-hoc}``, ``$O(n)$``, ``\\(x\\)``). Only what is unambiguously LaTeX is LaTeX:
  commands, math, ``--``, ````` `` ```` and ``''``; a ``%`` is a percent sign, braces are
  characters unless they hold a command's argument or start with a command (``{\\em x}``), a
  ``~`` after a space or an opening bracket means "about", and URLs are never decoded.

``parse`` reads either into a tuple of pieces (``Chars``, ``Math``, ``Styled``, ``Link``,
``Raw``) and the problems found (unknown commands, unbalanced braces, unclosed math), so every
rendering (plain text here, HTML and Markdown in ``generator.text``) comes from one reading.
Text inside the model follows one convention: Unicode, ``$...$`` for math, ``\\$`` for a dollar.

The job is split by step: ``latex_scan`` finds what is LaTeX in a field, this module reads it into
pieces (``latex_pieces``), ``latex_encode`` writes Unicode back as LaTeX; every name stays
importable from here.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.macrospec import MacroSpec

from generator import latex_scan
from generator.latex_encode import ROUND_TRIP, encode
from generator.latex_pieces import (
    Chars,
    Link,
    Math,
    Parsed,
    Piece,
    Raw,
    Styled,
    merge,
    normalize_space,
    plain,
)
from generator.latex_scan import Dialect

__all__ = [
    "Chars",
    "Dialect",
    "Link",
    "Math",
    "Parsed",
    "Piece",
    "Raw",
    "Styled",
    "decode",
    "encode",
    "normalize_space",
    "parse",
    "plain",
    "to_prose",
]

# Characters with no LaTeX form stay as UTF-8, which biblatex reads; no need to warn each time.
logging.getLogger("pylatexenc").setLevel(logging.ERROR)


# Commands whose one argument is shown in a style, and declarations that style the rest of
# their group ('{\em x}').
_STYLE_COMMANDS = {
    "emph": "em",
    "textit": "em",
    "textsl": "em",
    "mathit": "em",
    "textbf": "strong",
    "mathbf": "strong",
    "bm": "strong",
    "texttt": "code",
    "textsc": "smallcaps",
    "underline": "underline",
    "uline": "underline",
}
_STYLE_DECLARATIONS = {
    "em": "em",
    "it": "em",
    "itshape": "em",
    "sl": "em",
    "slshape": "em",
    "bf": "strong",
    "bfseries": "strong",
    "tt": "code",
    "ttfamily": "code",
    "sc": "smallcaps",
    "scshape": "smallcaps",
}
# Commands whose argument is the text itself (a font or box that plain text cannot show), and
# declarations with nothing to show.
_TRANSPARENT = {"textrm", "textsf", "textup", "textmd", "textnormal", "mbox", "hbox", "text"}
_IGNORED_DECLARATIONS = {
    "rm", "sf", "upshape", "mdseries", "normalfont", "small", "footnotesize", "scriptsize",
    "tiny", "large", "Large", "LARGE", "huge", "Huge", "normalsize", "noindent", "par",
    "centering", "relax", "protect", "color", "newline", "linebreak", "hfill", "quad", "qquad",
}  # fmt: skip
# Arguments dropped with their command: layout, not text.
_DROPPED_WITH_ARGUMENTS = {"vspace", "hspace", "label", "ref", "eqref", "pageref", "index"}
_CITE = {
    "cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "citenum",
    "parencite", "textcite", "autocite", "footcite", "nocite",
}  # fmt: skip
# Markdown's escapes that mean nothing in LaTeX ('\*'): the character itself.
_MARKDOWN_ESCAPES = set("*+<>|")

_SPECS = [
    MacroSpec("href", "{{"),
    MacroSpec("url", "{"),
    MacroSpec("textcolor", "[{{"),
    MacroSpec("colorbox", "{{"),
    MacroSpec("color", "{"),
    MacroSpec("footnote", "[{"),
    MacroSpec("thanks", "{"),
    MacroSpec("textsc", "{"),
    MacroSpec("underline", "{"),
    MacroSpec("uline", "{"),
    MacroSpec("texttt", "{"),
    MacroSpec("mbox", "{"),
    MacroSpec("hbox", "{"),
    MacroSpec("text", "{"),
    MacroSpec("bm", "{"),
    MacroSpec("vspace", "*{"),
    MacroSpec("hspace", "*{"),
    *(MacroSpec(name, "*[[{") for name in _CITE),
]
_walker_context = latexwalker.get_default_latex_context_db()
_walker_context.add_context_category("confsite", prepend=True, macros=_SPECS)

_text_context = get_default_latex_context_db()
_text_context.add_context_category(
    "confsite-round-trip",
    prepend=True,
    macros=[MacroTextSpec(name, char) for char, name in ROUND_TRIP.items()]
    + [MacroTextSpec("-", ""), MacroTextSpec("textbackslash", "\\")],
)
_to_text = LatexNodes2Text(latex_context=_text_context, math_mode="verbatim")


# Nothing LaTeX gives a meaning to: the text is its own decoding, without pylatexenc. At 5,000
# papers, 46,611 of the 54,898 name parts, titles and venues a build decodes are like this:
# 0.81 s instead of 1.47 s of CPU (bench/latex_decode.py; tests/test_latex.py holds both equal).
_LATEX_SIGNIFICANT = re.compile(r"[\\{}$~%&#`']|--|''")


@lru_cache(maxsize=65536)
def decode(latex: str) -> str:
    """A BibTeX field as Unicode text in the model's convention: math stays ``$...$``."""
    if not _LATEX_SIGNIFICANT.search(latex):
        return normalize_space(latex)
    return parse(latex, Dialect.BIBTEX).text


@lru_cache(maxsize=65536)
def parse(text: str, dialect: Dialect = Dialect.PROSE) -> Parsed:
    """Read a field of either dialect once; see the module docstring."""
    return _parse(text, dialect, shortcut=True)


def _parse(text: str, dialect: Dialect, shortcut: bool) -> Parsed:
    """``parse``; without ``shortcut``, everything goes through pylatexenc (for the tests)."""
    if dialect is Dialect.BIBTEX and latex_scan.is_escaped_prose(text):
        text, dialect = latex_scan.unescape_prose(text), Dialect.PROSE
    scanned = latex_scan.scan(text, dialect)
    if shortcut and not _COMMAND_OR_GROUP.search(scanned.latex):
        return Parsed(merge(_plain_pieces(scanned)), tuple(dict.fromkeys(scanned.problems)))
    problems = list(scanned.problems)
    source = scanned.latex
    if source.count("{") > _MAX_DEPTH:
        source = _bounded_depth(source, problems)
    walker = latexwalker.LatexWalker(source, latex_context=_walker_context, tolerant_parsing=True)
    try:
        nodes, _, _ = walker.get_latex_nodes()
    except latexwalker.LatexWalkerError as error:  # tolerant parsing rarely gives up
        problems.append(f"cannot be read as LaTeX ({error})")
        return Parsed((Chars(text, written=True),), tuple(problems))
    pieces = _Walk(scanned.slots, problems).nodes(nodes)
    return Parsed(merge(pieces), tuple(dict.fromkeys(problems)))


# pylatexenc recurses once a group (~350 nested groups exhaust Python's stack); a group that is
# all of its parent group is redundant and dropped, braces still deeper than this are left out,
# and so is a '{' never closed (its group runs to the end: the text is the same).
_MAX_DEPTH = 100
_BRACE_TOKEN = re.compile(r"\\.|[{}]", re.S)


def _bounded_depth(latex: str, problems: list[str]) -> str:
    """``latex`` nested at most ``_MAX_DEPTH`` groups deep, its text unchanged."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for token in _BRACE_TOKEN.finditer(latex):
        if token.group() == "{":
            stack.append(token.start())
        elif token.group() == "}" and stack:
            pairs[stack.pop()] = token.start()
    redundant = {o for o, c in pairs.items() if pairs.get(o - 1) == c + 1}
    left_out = redundant | {pairs[o] for o in redundant}
    closing = set(pairs.values())
    depth = 0
    too_deep = False
    for token in _BRACE_TOKEN.finditer(latex):
        at = token.start()
        if at in left_out:
            continue
        if at in pairs:
            if depth == _MAX_DEPTH:
                left_out |= {at, pairs[at]}
                too_deep = True
            else:
                depth += 1
        elif at in closing:
            depth -= 1
        elif token.group() == "{":  # never closed (the scan reported it): a group to the end
            left_out.add(at)
    if too_deep:
        problems.append(f"braces nested more than {_MAX_DEPTH} deep: the deeper ones left out")
    return "".join(ch for at, ch in enumerate(latex) if at not in left_out)


# pylatexenc reads text one token at a time: ~5 ms for a 150-word abstract, most of a large
# conference's build. Where scanning left no command and no group (most abstracts: prose and
# formulas), the only LaTeX left is its special character runs, replaced here as pylatexenc
# replaces them; tests/test_latex.py holds the two paths equal on generated text.
_COMMAND_OR_GROUP = re.compile(r"[\\{}]")
_SPECIAL_RUN = re.compile(r"(---|--|``|''|!`|\?`|~)")
_SPECIALS = {"---": "—", "--": "–", "``": "“", "''": "”", "!`": "¡", "?`": "¿", "~": "\xa0"}


def _plain_pieces(scanned: latex_scan.Scanned) -> list[Piece]:
    walk = _Walk(scanned.slots, [])
    out: list[Piece] = []
    for index, part in enumerate(_SPECIAL_RUN.split(scanned.latex)):
        if index % 2:
            out.append(Chars(_SPECIALS[part]))
        elif part:
            out += walk.chars(part)
    return out


class _Walk:
    """pylatexenc's nodes to pieces; the problems are collected as it goes."""

    def __init__(self, slots: dict[str, Piece], problems: list[str]) -> None:
        self.slots = slots
        self.problems = problems

    def nodes(self, nodes: list[object] | None) -> list[Piece]:
        out: list[Piece] = []
        nodes = [n for n in nodes or [] if n is not None]
        for index, node in enumerate(nodes):
            if isinstance(node, latexwalker.LatexMacroNode):
                style = _STYLE_DECLARATIONS.get(node.macroname)
                if style is not None:  # '{\em a b}': the rest of the group is in the style
                    rest = self.nodes(nodes[index + 1 :])
                    return [*out, Styled(style, tuple(merge(rest)), node.macroname)]
            out += self.node(node)
        return out

    def node(self, node: object) -> list[Piece]:
        if isinstance(node, latexwalker.LatexCharsNode):
            return self.chars(node.chars)
        if isinstance(node, latexwalker.LatexGroupNode):
            return self.nodes(node.nodelist)
        if isinstance(node, latexwalker.LatexMacroNode):
            return self.macro(node)
        if isinstance(node, latexwalker.LatexSpecialsNode):
            return [Chars(_to_text.node_to_text(node) or node.specials_chars)]
        if isinstance(node, latexwalker.LatexMathNode):  # only where scanning left one
            return [Math(node.latex_verbatim().strip("$"), node.displaytype == "display")]
        if isinstance(node, latexwalker.LatexEnvironmentNode):
            self.problems.append(f"environment '{node.environmentname}'")
            return self.nodes(node.nodelist)
        return []  # comments: scanning escapes every '%', so there are none

    def chars(self, text: str) -> list[Piece]:
        out: list[Piece] = []
        for part in latex_scan.SLOT.split(text):
            if not part:
                continue
            slot = self.slots.get(part)
            out.append(slot if slot is not None else Chars(part, written=True))
        return out

    def arguments(self, node: latexwalker.LatexMacroNode) -> list[object]:
        argd = node.nodeargd
        return [a for a in (argd.argnlist if argd else []) if a is not None]

    def macro(self, node: latexwalker.LatexMacroNode) -> list[Piece]:
        pieces = self.command(node)
        if (node.macro_post_space or "").count("\n") > 1:  # TeX skips the space, not a paragraph
            pieces.append(Chars("\n\n", written=True))
        return pieces

    def command(self, node: latexwalker.LatexMacroNode) -> list[Piece]:
        name = node.macroname
        args = self.arguments(node)
        if name in _STYLE_COMMANDS and args:
            return [Styled(_STYLE_COMMANDS[name], tuple(merge(self.node(args[-1]))), name)]
        if name in _TRANSPARENT or name in ("textcolor", "colorbox"):
            return self.node(args[-1]) if args else []
        if name == "href" and len(args) == 2:
            return [Link(self.verbatim(args[0]), tuple(merge(self.node(args[1]))))]
        if name == "url" and args:
            url = self.verbatim(args[0])
            return [Link(url, (Chars(url),))]
        if name in _CITE:
            keys = self.verbatim(args[-1]) if args else ""
            return [Chars(f"[{', '.join(k.strip() for k in keys.split(','))}]")] if keys else []
        if name in ("footnote", "thanks"):
            return [Chars(" ("), *self.node(args[-1]), Chars(")")] if args else []
        if name in _DROPPED_WITH_ARGUMENTS or name in _IGNORED_DECLARATIONS:
            return []
        if name == "\\":
            return [Chars(" ")]
        if name in _MARKDOWN_ESCAPES:
            return [Chars(name)]
        if name in (")", "]"):
            self.problems.append(f"'\\{name}' without its opening half")
            return []
        if _text_context.get_macro_spec(name) is None:
            self.problems.append(f"unknown command '\\{name}'")
            # '{}' ends the name where TeX's skipped space did: to_prose keeps it skipped.
            return [Raw(f"\\{name}{{}}"), *(p for a in args for p in self.node(a))]
        try:
            return [Chars(_to_text.node_to_text(node))]
        except (KeyError, IndexError, AttributeError):  # pylatexenc on a missing argument
            self.problems.append(f"'\\{name}' without its argument")
            return []

    def verbatim(self, node: object) -> str:
        """An argument as written (a URL, citation keys), slots restored, braces dropped."""
        text = node.latex_verbatim() if hasattr(node, "latex_verbatim") else ""
        if text.startswith("{") and text.endswith("}"):
            text = text[1:-1]
        out: list[str] = []
        for part in latex_scan.SLOT.split(text):
            slot = self.slots.get(part)
            if isinstance(slot, Chars):
                out.append(slot.text)
            elif isinstance(slot, Math):
                out.append(f"${slot.tex}$")
            else:
                out.append(latex_scan.unescape_verbatim(part))
        return "".join(out).strip()


def to_prose(latex: str) -> str:
    """A BibTeX field as papers.yaml prose (for importers): accents and symbols as Unicode,
    BibTeX's own syntax resolved, formatting, links and commands it cannot render kept as
    LaTeX (``confsite check`` then points at them), characters Markdown would read escaped,
    blank-line paragraph breaks kept."""
    prose = _prose(parse(latex, Dialect.BIBTEX).pieces)
    paragraphs = (normalize_space(part) for part in _PARAGRAPH_BREAK.split(prose))
    return "\n\n".join(p for p in paragraphs if p)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_PROSE_ESCAPES = str.maketrans({"$": r"\$", "*": r"\*", "_": r"\_", "{": r"\{", "}": r"\}"})
_PROSE_COMMANDS = {v: k for k, v in reversed(_STYLE_COMMANDS.items())}


def _prose(pieces: tuple[Piece, ...]) -> str:
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, Chars):
            text = piece.text.replace("\\", "\\textbackslash ").replace("~", "\\textasciitilde ")
            out.append(text.translate(_PROSE_ESCAPES))
        elif isinstance(piece, Math):
            out.append(plain([piece]))
        elif isinstance(piece, Styled):
            command = piece.command if piece.command in _STYLE_COMMANDS else ""
            command = command or _PROSE_COMMANDS[piece.style]
            out.append(f"\\{command}{{{_prose(piece.children)}}}")
        elif isinstance(piece, Link):
            out.append(f"\\href{{{piece.url}}}{{{_prose(piece.children)}}}")
        else:
            out.append(piece.latex)
    return "".join(out)
