"""The proceedings as a list of topics and a page per topic."""

from __future__ import annotations

from generator import views
from generator.model import Paper
from generator.paging.common import (
    PAGE_MARKUP,
    PageSpec,
    paper_list_pages,
    paper_size,
    unique_name,
)
from generator.urls import Urls


def proceedings_split(index: views.Index, limit: int, name: str) -> list[PageSpec] | None:
    """The proceedings as a list of topics and a page per topic; None when one page fits."""
    data, lang = index.data, index.lang
    _ = lang.gettext
    if PAGE_MARKUP + sum(paper_size(p) for p in data.papers) <= limit:
        return None
    whole = views.proceedings_view(index)
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
            papers,
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
