"""A paper's page: its authors, session, links, downloads and citations."""

from __future__ import annotations

from generator.exporters import ics
from generator.exporters.bibtex import paper_bibtex
from generator.exporters.citation import record_of
from generator.exporters.citation_text import apa_citation, plain_citation
from generator.i18n import N_
from generator.model import Paper
from generator.talks_view import paper_when
from generator.urls import Urls
from generator.views.common import LINK_LABELS, Index, author_list, day_label, utc_iso
from generator.views.contexts import PaperView


def paper_view(paper: Paper, index: Index) -> PaperView:
    urls = Urls.for_path(f"papers/{paper.id}")
    session = index.sessions.get(paper.session_id) if paper.session_id else None
    record = record_of(index.data, paper)
    return {
        "id": paper.id,
        "title": paper.title.as_inline_html,
        "title_text": paper.title.as_text,
        "star": f"p:{paper.id}",
        "authors": author_list(paper, urls),
        "abstract": paper.abstract.as_html if paper.abstract else "",
        "topics": [index.topics[t] for t in paper.topics],
        "award": paper.award,
        "session": (
            {
                "title": session.title,
                "href": urls.to(f"program/{session.id}/"),
                "day": day_label(session.day, index.lang),
                "room": session.room,
                **paper_when(paper, session, utc_iso, index.lang),
                "timezone": index.data.conference.timezone,
                "ics_href": urls.to(ics.paper_file(paper.id)),
            }
            if session
            else None
        ),
        # "Not scheduled" says something only where there is a program to be missing from.
        "unscheduled": session is None and bool(index.sessions),
        "links": [
            {"label": index.lang.gettext(LINK_LABELS[k]), "href": url, "kind": k}
            for k, url in paper.links
        ],
        "bibtex": paper_bibtex(index.data, paper),
        "downloads": [
            {
                "label": label,
                "readers": index.lang.gettext(readers),
                "href": urls.to(f"papers/{paper.id}.{ext}"),
            }
            for label, readers, ext in CITATION_DOWNLOADS
        ],
        "citation": plain_citation(record),
        "apa": apa_citation(record),
        "pages": paper.pages,
        "doi": paper.doi,
        "proceedings_href": urls.to("proceedings/"),
    }


CITATION_DOWNLOADS = (
    ("BibTeX", "LaTeX", "bib"),
    ("RIS", N_("EndNote, Zotero, Mendeley"), "ris"),
    ("CSL-JSON", N_("Zotero, Pandoc"), "csl.json"),
)
"""A paper's citation files: label, the tools that read it, extension."""
