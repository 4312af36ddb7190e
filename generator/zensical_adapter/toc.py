"""A Python-Markdown extension for the pages Zensical renders from a staged folder.

A generated page's body is the core's finished HTML, which Markdown passes through as a raw
block: the ``toc`` extension finds no headings in it, so the page would have no contents
list. The staged page carries the core's headings in its first line (``TOC_MARKER``, written
by stage.py); this extension takes that line out and hands the headings to Zensical as
``md.toc_tokens``, the shape ``toc`` itself leaves there. Hand-written pages get their math
as MathML, as the MkDocs adapter gives them after Markdown.
"""

from __future__ import annotations

import json
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markupsafe import escape

from generator import mathml
from generator.outputs import TocEntry

TOC_MARKER = "<!-- confsite-toc "
"""Start of the line that carries a generated page's headings (JSON) to this extension."""


def toc_line(entries: tuple[TocEntry, ...]) -> str:
    """The first line of a staged generated page: its headings as level, anchor, title."""
    rows = [[entry.level, entry.anchor, entry.title] for entry in entries]
    # ">" written as \u003e (the same JSON): no title can end the comment early.
    text = json.dumps(rows, ensure_ascii=False).replace(">", "\\u003e")
    return f"{TOC_MARKER}{text} -->"


def toc_tokens(rows: list[list[Any]]) -> list[dict[str, Any]]:
    """Headings as ``toc``'s tokens (h3 nested under the h2 before it), names as HTML."""
    tokens: list[dict[str, Any]] = []
    for level, anchor, title in rows:
        name = str(escape(title))
        token = {
            "level": level,
            "id": anchor,
            "name": name,
            "html": name,
            "data-toc-label": "",
            "children": [],
        }
        if level > 2 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


class _TakeHeadings(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        self.md.confsite_toc = None  # type: ignore[attr-defined]
        if lines and lines[0].startswith(TOC_MARKER):
            text = lines[0][len(TOC_MARKER) : -len(" -->")]
            self.md.confsite_toc = toc_tokens(json.loads(text))  # type: ignore[attr-defined]
            return lines[1:]
        return lines


class _GiveHeadings(Postprocessor):
    def run(self, text: str) -> str:
        tokens = getattr(self.md, "confsite_toc", None)
        if tokens is not None:
            self.md.toc_tokens = tokens  # type: ignore[attr-defined]
            return text
        return mathml.from_arithmatex(text)  # a hand-written page


class ConfsiteExtension(Extension):
    """Registered by name in the staged configuration (config.py)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_TakeHeadings(md), "confsite_toc", 100)
        # Lowest priority: after the raw HTML is put back and after ``toc`` has run.
        md.postprocessors.register(_GiveHeadings(md), "confsite_toc", 0)


def makeExtension(**kwargs: Any) -> ConfsiteExtension:
    return ConfsiteExtension(**kwargs)
