"""The proceedings page: every paper, grouped by its first topic."""

from __future__ import annotations

from generator import latex
from generator.urls import Urls
from generator.views.common import Index, paper_summary
from generator.views.contexts import ProceedingsView


def proceedings_view(index: Index) -> ProceedingsView:
    urls = Urls.for_path("proceedings")
    data = index.data
    groups = []
    for topic in data.conference.topics:
        papers = [p for p in data.papers if p.topics and p.topics[0] == topic.id]
        if papers:
            groups.append(
                {
                    "id": topic.id,
                    "name": topic.name,
                    "papers": [paper_summary(p, urls, index) for p in papers],
                }
            )
    other = [p for p in data.papers if not p.topics]
    if other:
        groups.append(
            {
                "id": "other",
                "name": index.lang.gettext("Other papers"),
                "papers": [paper_summary(p, urls, index) for p in other],
            }
        )
    volume_title = ""
    if data.volume:
        volume_title = latex.decode(data.volume.get("title") or data.volume.get("booktitle"))
    return {
        "title": volume_title
        or index.lang.gettext("Proceedings of {conference}").format(
            conference=data.conference.title
        ),
        "count": len(data.papers),
        "groups": groups,
        "bib_href": urls.to("proceedings/proceedings.bib"),
    }
