"""The one Jinja environment per language that renders every template, and a list's entry
rendered on its own (generator/paging/ measures entries by rendering them)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from generator import i18n


@cache
def environment(language: str = i18n.SOURCE_LANGUAGE) -> Environment:
    """The one Jinja environment of a language: autoescaping on, undefined names are errors,
    ``_``/``ngettext`` from the language's catalogue (generator/i18n.py; newstyle: variables
    are given by name, ``_("By %(name)s", name=x)``, and escaped like any other value).

    The templates are laid out for diffs, one element, condition or loop to a line, while the
    pages keep the compact bytes the golden files pin down. With ``trim_blocks`` and
    ``lstrip_blocks`` a line that holds only a ``{% %}`` tag leaves nothing in the output, and a
    line break right after ``%}`` is dropped (``+%}`` keeps it). A line at column 0 starts a
    line of the page; an indented line continues the page line above it, joined by the ``-``
    of the tag at the break (``{%-``, ``{{-``, ``-%}``, ``-}}``), which also eats the indent.
    """
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # packaged templates do not change during a run: no stat per page
        extensions=["jinja2.ext.i18n"],
    )
    # Jinja's own newstyle callables cost a context lookup and call per message (a tenth of
    # the rendering time of a paper page); these plain functions behave the same.
    gettext, ngettext = i18n.language(language).template_callables()
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext)
    return env


def render(template: str, context: Mapping[str, Any], language: str = i18n.SOURCE_LANGUAGE) -> str:
    return environment(language).get_template(template).render(**context)


def render_within(
    template: str, context: Mapping[str, Any], limit: int, language: str = i18n.SOURCE_LANGUAGE
) -> str | None:
    """The template rendered (the same text as ``render``) when it takes at most ``limit``
    bytes, else None: rendering stops where its output passes ``limit`` (Jinja gives a
    template's output a piece at a time), so a page too long for a budget costs about a
    budget's worth of rendering to know it."""
    pieces, total = [], 0
    for piece in environment(language).get_template(template).generate(**context):
        total += len(piece.encode("utf-8"))
        if total > limit:
            return None
        pieces.append(piece)
    return "".join(pieces)


def macro(template: str, name: str, language: str = i18n.SOURCE_LANGUAGE) -> Any:
    """A macro of a template (``_macros.html``'s ``paper_item``) as a function that returns
    the HTML it renders."""
    return getattr(environment(language).get_template(template).module, name)
