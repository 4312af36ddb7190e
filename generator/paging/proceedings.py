"""The proceedings as a list of topics and a page per topic."""

from __future__ import annotations

from collections.abc import Iterable

from generator import templating, views
from generator.model import Paper
from generator.paging.common import (
    PageSpec,
    deeper,
    html_bytes,
    paper_list_pages,
    unique_name,
    within,
)
from generator.urls import Urls


def proceedings_split(index: views.Index, limit: int, name: str) -> list[PageSpec] | None:
    """The proceedings as a list of topics and a page per topic; None when one page fits."""
    data, lang = index.data, index.lang
    _ = lang.gettext
    whole = views.proceedings_view(index)
    # Each paper rendered once, for the one page: measured there, and moved one folder down
    # onto its topic's pages when it does not fit.
    item = templating.macro("_macros.html", "paper_item", lang.code)
    entries = {p["id"]: str(item(p)) for g in whole["groups"] for p in g["papers"]}
    if _fits(whole, entries.values(), limit, lang.code):
        return None
    groups: list[tuple[str, str, list[Paper]]] = []
    for topic in data.conference.topics:
        papers = [p for p in data.papers if p.topics and p.topics[0] == topic.id]
        if papers:
            groups.append((topic.id, topic.name, papers))
    other = [p for p in data.papers if not p.topics]
    if other:
        taken = {t.id for t in data.conference.topics}
        groups.append((unique_name("other", taken), _("Other papers"), other))
    top = Urls.for_path("proceedings")
    pages: list[PageSpec] = []
    rows = []
    for group_id, group_name, papers in groups:
        folder = f"proceedings/{group_id}"
        rows.append({"name": group_name, "href": top.to(f"{folder}/"), "count": len(papers)})
        pages += paper_list_pages(
            folder,
            [deeper(entries[p.id]) for p in papers],
            index,
            limit,
            template="proceedings_topic.html",
            title=_("Proceedings: {topic}").format(topic=group_name),
            description=_("Papers of {name} on {topic}").format(name=name, topic=group_name),
            context={"name": group_name, "count": len(papers)},
            links={"proceedings_href": "proceedings/", "bib_href": "proceedings/proceedings.bib"},
        )
    head = PageSpec(
        path="proceedings",
        title=_("Proceedings"),
        description=lang.counted(
            "All {count} paper of {name} by topic, with BibTeX.",
            "All {count} papers of {name} by topic, with BibTeX.",
            len(data.papers),
            name=name,
        ),
        template="proceedings_index.html",
        context={
            "title": whole["title"],
            "count": whole["count"],
            "bib_href": whole["bib_href"],
            "topics": rows,
        },
        in_nav=True,
    )
    return [head, *pages]


def _fits(whole: views.ProceedingsView, entries: Iterable[str], limit: int, code: str) -> bool:
    """Whether the one-page proceedings stays within ``limit``: rendered and measured, unless
    its papers alone already pass it."""
    return (
        within(map(html_bytes, entries), limit)
        and html_bytes(templating.render("proceedings.html", whole, code)) <= limit
    )
