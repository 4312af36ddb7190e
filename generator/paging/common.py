"""What every split list shares: the budget, an entry measured by rendering it, cutting a list
into runs under the budget, the pager between the parts, and a list of papers on pages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator import templating, views
from generator.i18n import Language
from generator.model import Paper
from generator.urls import Urls

DEFAULT_BUDGET = 200_000
"""Bytes of content (the body the core renders) per page. The theme adds its frame around it
(header, nav, contents list, footer: ~20 KB out of the nav): pages stay under 300 KB. The
build's options may lower it (``BuildOptions.page_budget``; tests do, to split a small
conference)."""


def html_bytes(html: str) -> int:
    return len(html.encode("utf-8"))


_LINK = '="../'
"""How each link into the site starts in an attribute (generator/urls.py: every link from a
page in a folder climbs to the root with ``../``). Data cannot end in such a place: a quote
in data is escaped."""


def deeper(html: str, levels: int = 1) -> Markup:
    """An entry rendered for a page as it reads on a page ``levels`` folders deeper: each of
    its links into the site climbs that many folders more. What a list's entry was rendered
    and measured as goes onto its pages this way, without rendering it again: at 5,000 papers
    the A-Z's 4,996 authors take 0.009 s of CPU so against 0.23 s rendered again for their
    letters' pages, the same bytes (bench/shortcuts.py, 2026-12-04)."""
    return Markup(str(html).replace(_LINK, '="' + "../" * (levels + 1)))


def climbs(html: str) -> bool:
    """Whether ``html`` holds a link that ``deeper`` would rewrite."""
    return _LINK in html


def measured(html: str, levels: int = 1) -> int:
    """The bytes an entry of a list takes on any part of it, from its HTML as rendered (by the
    list's own macro) for a page ``levels`` folders above the deepest part (the parts after
    the first are one folder deeper than the first, ``folder/2``): the bytes of
    ``deeper(html, levels)`` and the line break that ends its line in the list."""
    return html_bytes(html) + 3 * levels * html.count(_LINK) + 1


def within(sizes: Iterable[int], limit: int) -> bool:
    """Whether sizes add up to at most ``limit`` bytes; stops at the first that passes it
    (given lazily, a long list's entries need not all be rendered to know it needs pages)."""
    total = 0
    for size in sizes:
        total += size
        if total > limit:
            return False
    return True


def chunks(sizes: Sequence[int], limit: int) -> list[range]:
    """Consecutive runs of entries whose sizes add up to at most ``limit`` (an entry bigger
    than ``limit`` gets a run of its own): where a long list is cut into pages."""
    runs: list[range] = []
    start, total = 0, 0
    for number, size in enumerate(sizes):
        if number > start and total + size > limit:
            runs.append(range(start, number))
            start, total = number, 0
        total += size
    if sizes:
        runs.append(range(start, len(sizes)))
    return runs


@dataclass(frozen=True)
class PageSpec:
    """One page to render: where it lives, its template and plain-data context."""

    path: str
    title: str
    description: str
    template: str
    context: dict[str, Any]
    search: bool = False
    in_nav: bool = False


@dataclass(frozen=True)
class Part:
    """One page of a split list: where it lives, which entries it holds, its pager."""

    path: str
    run: range
    pager: list[dict[str, Any]]
    number: int
    total: int

    def label(self, lang: Language) -> str:
        return part_label(self.number, self.total, lang)


def _part_path(folder: str, number: int) -> str:
    return folder if number == 1 else f"{folder}/{number}"


def _parts(folder: str, runs: list[range], label: Callable[[range], str] | None) -> list[Part]:
    paths = [_part_path(folder, number) for number in range(1, len(runs) + 1)]
    parts = []
    for number, (path, run) in enumerate(zip(paths, runs, strict=True), start=1):
        urls = Urls.for_path(path)
        pager = [
            {
                "label": label(other) if label else str(each),
                "href": urls.to(f"{target}/"),
                "current": target == path,
            }
            for each, (target, other) in enumerate(zip(paths, runs, strict=True), start=1)
        ]
        parts.append(Part(path, run, pager if len(runs) > 1 else [], number, len(runs)))
    return parts


def parts_of(
    folder: str,
    sizes: Sequence[int],
    limit: int,
    frame: Callable[[Part], int],
    label: Callable[[range], str] | None = None,
) -> list[Part]:
    """The parts of a list kept in ``folder``: the first at ``folder``, the others at
    ``folder/2`` ...; each page's entries (``sizes``, see ``measured``) and its ``frame`` (the
    bytes of that page without its entries: headings, counts, the pager) within ``limit``.

    The pager grows with the number of parts, so the cut is made again with the room the
    largest frame leaves until no frame needs less room than it got (the room only shrinks:
    this ends)."""
    whole = Part(folder, range(len(sizes)), [], 1, 1)
    room = limit - frame(whole)
    while True:
        parts = _parts(folder, chunks(sizes, room), label)
        least = min((limit - frame(part) for part in parts), default=room)
        if least >= room:
            return parts
        room = least


def unique_name(name: str, taken: set[str]) -> str:
    while name in taken:
        name += "-papers"
    return name


def paper_entries(papers: Sequence[Paper], path: str, index: views.Index) -> list[str]:
    """Papers as a list shows them (``_macros.html``'s ``paper_item``) on the page at ``path``."""
    urls = Urls.for_path(path)
    item = templating.macro("_macros.html", "paper_item", index.lang.code)
    return [str(item(views.paper_summary(p, urls, index))) for p in papers]


def paper_list_pages(
    folder: str,
    entries: Sequence[str],
    index: views.Index,
    limit: int,
    *,
    template: str,
    title: str,
    description: str,
    context: dict[str, Any],
    links: dict[str, str],
) -> list[PageSpec]:
    """A list of papers on as many pages as the budget needs: 'Title (2 of 3)' and so on.

    ``entries`` are the papers as rendered for the page at ``folder`` (``paper_entries``);
    ``context`` holds the template's own values; ``links`` its links, as site paths made
    relative to each page.
    """
    code = index.lang.code

    def page(part: Part, entries_shown: Sequence[str] = ()) -> dict[str, Any]:
        urls = Urls.for_path(part.path)
        return {
            **context,
            **{key: urls.to(target) for key, target in links.items()},
            "part": part.label(index.lang),
            "papers": entries_shown,
            "pager": part.pager,
        }

    def frame(part: Part) -> int:
        return html_bytes(templating.render(template, page(part), code))

    return [
        PageSpec(
            path=part.path,
            title=f"{title}{part.label(index.lang)}",
            description=f"{description}{part.label(index.lang)}.",
            template=template,
            context=page(part, placed(entries, part)),
        )
        for part in parts_of(folder, [measured(e) for e in entries], limit, frame)
    ]


def placed(entries: Sequence[str], part: Part, levels: int = 0) -> list[Markup]:
    """The entries of ``part``, rendered ``levels`` folders above the list's first page, as
    they read on it (its first page is the folder's, the others one deeper)."""
    deepen = levels + (part.number > 1)
    return [deeper(entries[i], deepen) if deepen else Markup(entries[i]) for i in part.run]


def paper_count(papers: int, lang: Language) -> str:
    """'3 papers' in the page's language; "" for none."""
    return lang.counted("{count} paper", "{count} papers", papers) if papers else ""


def part_label(number: int, parts: int, lang: Language) -> str:
    """' (2 of 3)' after the title of a page that is one of several; "" for a whole one."""
    if parts == 1:
        return ""
    return lang.gettext(" ({number} of {parts})").format(number=number, parts=parts)
