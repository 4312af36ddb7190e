"""What every split list shares: the budget, the size estimates of a paper, cutting a list
into runs under the budget, the pager between the parts, and a list of papers on pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator import views
from generator.i18n import Language
from generator.model import Paper
from generator.urls import Urls

DEFAULT_BUDGET = 200_000
"""Bytes of content (the body the core renders) per page. The theme adds its frame around it
(header, nav, contents list, footer: ~20 KB out of the nav): pages stay under 300 KB. The
build's options may lower it (``BuildOptions.page_budget``; tests do, to split a small
conference)."""
PAGE_MARKUP = 1_000
"""Headings, counts, links and pager of a list page, besides its entries."""
PAPER_MARKUP = 200
"""Markup around one paper in a list (item, link, authors line)."""
PROGRAM_PAPER_MARKUP = 480
"""Markup around one paper in the program (its star button repeats the title)."""
OVERVIEW_MARKUP = 200
"""Markup around one session's line in the program overview (item, anchor, link, count)."""
SESSION_MARKUP = 1_200 + 250
"""Markup around one session in the program (times in two forms, star, room, grid place),
and the grid's room header and time labels (at most about one of each per session)."""
PERSON_MARKUP = 260
"""Markup around one author in the A-Z list (item, link, affiliation, ORCID, paper count)."""
TITLE_MARKUP = 100
"""Markup around a paper title listed under its author (item, link)."""


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


def _part_path(folder: str, number: int) -> str:
    return folder if number == 1 else f"{folder}/{number}"


def parts_of(
    folder: str, sizes: Sequence[int], limit: int, label: Callable[[range], str] | None = None
) -> list[tuple[str, range, list[dict[str, Any]]]]:
    """(path, entries, pager) of each part of a list kept in ``folder``: the first part at
    ``folder``, the others at ``folder/2`` ...; the pager links the parts (empty for one)."""
    runs = chunks(sizes, limit - PAGE_MARKUP)
    paths = [_part_path(folder, number) for number in range(1, len(runs) + 1)]
    parts = []
    for path, run in zip(paths, runs, strict=True):
        urls = Urls.for_path(path)
        pager = [
            {
                "label": label(other) if label else str(number),
                "href": urls.to(f"{target}/"),
                "current": target == path,
            }
            for number, (target, other) in enumerate(zip(paths, runs, strict=True), start=1)
        ]
        parts.append((path, run, pager if len(runs) > 1 else []))
    return parts


def unique_name(name: str, taken: set[str]) -> str:
    while name in taken:
        name += "-papers"
    return name


def title_size(paper: Paper) -> int:
    return len(paper.title.as_inline_html.encode("utf-8"))


def paper_size(paper: Paper) -> int:
    authors = sum(len(a.name.full.encode("utf-8")) + 2 for a in paper.authors)
    return PAPER_MARKUP + 3 * len(paper.id) + title_size(paper) + authors


def paper_list_pages(
    folder: str,
    papers: Sequence[Paper],
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

    ``context`` holds the template's own values; ``links`` its links, as site paths made
    relative to each page.
    """
    parts = parts_of(folder, [paper_size(p) for p in papers], limit)
    pages = []
    for number, (path, run, pager) in enumerate(parts, start=1):
        urls = Urls.for_path(path)
        part = part_label(number, len(parts), index.lang)
        pages.append(
            PageSpec(
                path=path,
                title=f"{title}{part}",
                description=f"{description}{part}.",
                template=template,
                context={
                    **context,
                    **{key: urls.to(target) for key, target in links.items()},
                    "part": part,
                    "papers": [views.paper_summary(papers[i], urls, index) for i in run],
                    "pager": pager,
                },
            )
        )
    return pages


def paper_count(papers: int, lang: Language) -> str:
    """'3 papers' in the page's language; "" for none."""
    return lang.counted("{count} paper", "{count} papers", papers) if papers else ""


def part_label(number: int, parts: int, lang: Language) -> str:
    """' (2 of 3)' after the title of a page that is one of several; "" for a whole one."""
    if parts == 1:
        return ""
    return lang.gettext(" ({number} of {parts})").format(number=number, parts=parts)
