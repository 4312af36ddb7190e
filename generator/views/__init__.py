"""One small, explicit context per page family: plain data ready for a template.

Views decide what a page shows and in which order; templates only lay it out. Every string
that came from data is either a markupsafe ``Markup`` made by the model (already safe) or plain
text that the template's autoescaping escapes. One module per page family; every public name is
importable from here (``from generator import views``; ``views.paper_view``).
"""

from generator.views.common import (
    LINK_LABELS,
    Index,
    author_list,
    date_in_zone,
    day_label,
    paper_summary,
    time_range,
    utc_iso,
)
from generator.views.contexts import (
    AuthorLink,
    AuthorView,
    HomeView,
    PaperSummary,
    PaperView,
    ProceedingsView,
    ProgramView,
    SessionPageView,
    SessionView,
)
from generator.views.home import cfp_view, dates_view, home_view
from generator.views.papers import CITATION_DOWNLOADS, paper_view
from generator.views.people import (
    Named,
    Person,
    author_view,
    authors_view,
    committee_view,
    letter_of,
    people,
    person_entry,
    speakers_view,
)
from generator.views.proceedings import proceedings_view
from generator.views.program import (
    agenda_data,
    my_agenda_view,
    program_view,
    schedule_exports,
    session_page_view,
    session_view,
)

__all__ = [
    "CITATION_DOWNLOADS",
    "LINK_LABELS",
    "AuthorLink",
    "AuthorView",
    "HomeView",
    "Index",
    "Named",
    "PaperSummary",
    "PaperView",
    "Person",
    "ProceedingsView",
    "ProgramView",
    "SessionPageView",
    "SessionView",
    "agenda_data",
    "author_list",
    "author_view",
    "authors_view",
    "cfp_view",
    "committee_view",
    "date_in_zone",
    "dates_view",
    "day_label",
    "home_view",
    "letter_of",
    "my_agenda_view",
    "paper_summary",
    "paper_view",
    "people",
    "person_entry",
    "proceedings_view",
    "program_view",
    "schedule_exports",
    "session_page_view",
    "session_view",
    "speakers_view",
    "time_range",
    "utc_iso",
]
