"""What ``generator.latex`` reads a field into: pieces of text, math, styles, links and
commands it could not render, and their plain-text rendering. A module of its own so that the
renderings elsewhere (``generator.text``) and the reader share these types without the reader's
pylatexenc set-up."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Chars:
    """Text. ``written``: as the author typed it (in prose it may be Markdown); otherwise it
    came out of a LaTeX command (``\\_`` -> ``_``) and means that character literally."""

    text: str
    written: bool = False


@dataclass(frozen=True, slots=True)
class Math:
    """A formula: its TeX source without delimiters; ``display`` for ``$$``/``\\[``."""

    tex: str
    display: bool = False


@dataclass(frozen=True, slots=True)
class Styled:
    """Text in a style: ``em``, ``strong``, ``code``, ``smallcaps`` or ``underline``."""

    style: str
    children: tuple[Piece, ...]
    command: str = ""
    """The command as written ('textit', 'em'), so that ``to_prose`` writes it back."""


@dataclass(frozen=True, slots=True)
class Link:
    """``\\href{url}{text}`` or ``\\url{url}``."""

    url: str
    children: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class Raw:
    """A command that could not be rendered ('\\Steal{}'): shown as nothing (its arguments'
    text is kept), reported by ``confsite check``, kept by ``to_prose``."""

    latex: str


Piece = Chars | Math | Styled | Link | Raw


@dataclass(frozen=True, slots=True)
class Parsed:
    """A field read once: its pieces and what could not be rendered (each a short phrase)."""

    pieces: tuple[Piece, ...]
    problems: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Plain Unicode, formatting dropped, math as ``$...$``, a dollar sign as ``\\$``."""
        return normalize_space(plain(self.pieces))


def normalize_space(text: str) -> str:
    """One space between words, none at the ends, Unicode in composed form (NFC)."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def merge(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Adjacent Chars of the same kind joined."""
    out: list[Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        if isinstance(piece, Chars) and isinstance(last, Chars) and last.written == piece.written:
            out[-1] = Chars(last.text + piece.text, piece.written)
        elif not (isinstance(piece, Chars) and not piece.text):
            out.append(piece)
    return tuple(out)


def plain(pieces: tuple[Piece, ...] | list[Piece]) -> str:
    """Pieces as text in the model's convention (not space-normalised)."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, Chars):
            out.append(piece.text.replace("$", r"\$"))
        elif isinstance(piece, Math):
            out.append(f"$${piece.tex}$$" if piece.display else f"${piece.tex}$")
        elif isinstance(piece, Styled | Link):
            out.append(plain(piece.children))
    return "".join(out)
