"""Site search: records of the core's pages, and an index a browser loads piece by piece.

``records`` says what a page contributes (``SearchRecord``, ``Entry``), ``text`` how text is
cut into words (the worker in ``generator/assets/search-worker.js`` cuts queries the same
way), and ``index`` writes the sharded files the worker reads. docs/performance.md ("Search")
explains the layout and what a query costs.
"""

from generator.search.index import SearchIndex
from generator.search.records import (
    Entry,
    Kind,
    SearchRecord,
    entries_of,
    page_entries,
    unique,
)

__all__ = [
    "Entry",
    "Kind",
    "SearchIndex",
    "SearchRecord",
    "entries_of",
    "page_entries",
    "unique",
]
