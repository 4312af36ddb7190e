"""Big lists split into pages of bounded size: the A-Z authors, the proceedings, the program.

A small conference keeps one page per list (/authors/, /proceedings/, /program/), exactly as
before. When a list would pass the page budget, its page becomes an index and the entries move
to pages of their own:

- /authors/ lists the letters with counts; /authors/letters/<x>/ lists that letter's authors
  with their papers, or only with paper counts if that is still too big (then, if need be, in
  parts /authors/letters/<x>/2/ ...);
- /proceedings/ lists the topics with counts; /proceedings/<topic>/ lists its papers (in parts
  /proceedings/<topic>/2/ ... when needed);
- /program/ lists every session of each day in one line (time, room, title, paper count),
  keeping each session's anchor; /program/days/<date>/ is that day's full program with the
  room grid, in parts of whole time slots (/program/days/<date>/2/ ...) when needed.
- an author's page with more papers and co-authors than fit continues at
  /authors/<slug>/2/ ...; papers without a session, when the program overview cannot hold
  them, are listed at /program/days/unscheduled/.
- a series' /people/ lists the letters with counts; /people/letters/<x>/ lists that letter's
  people (in parts when needed), and a person's page with more work than fits continues at
  /people/<slug>/2/ ... (series_people.py, with the letters it shares with the authors:
  letters.py).

The split is decided by measuring: each entry rendered by the macro or template its list
uses, each page's frame (headings, counts, pager) rendered without its entries; a list stays
one page when that page, rendered, stays within the budget. Letter and day
pages live one folder down (letters/, days/) so that no author slug or session id can name the
same page. One module per list: authors, proceedings, program, series_people; what they
share in common and letters.
"""

from generator.paging.authors import author_parts, authors_split
from generator.paging.common import DEFAULT_BUDGET, PageSpec, chunks, html_bytes, part_label
from generator.paging.proceedings import proceedings_split
from generator.paging.program import (
    UNSCHEDULED,
    SessionEntries,
    program_page,
    program_split,
    time_slots,
)

__all__ = [
    "DEFAULT_BUDGET",
    "UNSCHEDULED",
    "PageSpec",
    "SessionEntries",
    "author_parts",
    "authors_split",
    "chunks",
    "html_bytes",
    "part_label",
    "proceedings_split",
    "program_page",
    "program_split",
    "time_slots",
]
