"""An edit of one paper, applied without loading the whole data folder again (``confsite serve``).

Reloading and validating 5,000 papers takes seconds; an organizer fixing a typo in one abstract
wants to see it at once. ``PapersFile`` remembers the text of papers.yaml that the current model
came from and where each paper's item starts. When the file changes only inside one item, that
item alone is parsed (at its real line numbers) and validated against the rest of the model,
and the model gets the new paper. Anything else (another file, a new or removed paper, a new id,
an anchor, a problem to report) is not an edit this module takes: the caller then rebuilds from
scratch, which also reports every problem as ``confsite check`` does.

A series has one papers.yaml per edition (data/<year>/papers.yaml): each gets a ``PapersFile``
of its own over that edition's model, and its edits say which edition they are of.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from generator import pages
from generator.diagnostics import Diagnostics
from generator.load import display_path
from generator.load.yaml_source import parse_yaml
from generator.model import ConferenceData, Paper
from generator.outputs import Sink
from generator.series.load import SiteData, edition_folders, is_series
from generator.series.model import Series
from generator.series.pages import edition_stream
from generator.validate.papers import read_papers
from generator.validate.proceedings import match_entries

PAPERS_FILE = "papers.yaml"
_ANCHOR = re.compile(r"(^|[\s\[{,])&[^\s\]},]")
"""An anchor (``&name``): other items may refer to it, so its item cannot change alone."""


@dataclass(frozen=True)
class PaperEdit:
    """The model after an edit of one paper, and what the edit touched."""

    data: ConferenceData
    paper: Paper
    author_slugs: set[str]
    """Authors of the paper before and after the edit, when what their pages show of it
    changed (the title, say; not the abstract)."""
    session_ids: set[str]
    """Its session before and after the edit."""
    year: int = 0
    """The edition of a series the paper is in (0: the site is one edition)."""

    @property
    def label(self) -> str:
        """The paper as messages name it: its id, after its edition's year in a series (as
        people.yaml names papers)."""
        return f"{self.year}/{self.paper.id}" if self.year else self.paper.id


class PapersFile:
    """papers.yaml as the current model was built from it."""

    def __init__(self, data_dir: Path, text: str, data: ConferenceData, year: int = 0) -> None:
        self.path = data_dir / PAPERS_FILE
        self.year = year
        """The edition of a series this file is (0: the site is one edition)."""
        self.lines = text.splitlines(keepends=True)
        self.data = data
        self.starts = [paper.location.line for paper in data.papers]
        """1-based first line of each paper's item, in file order (the model's order)."""

    @classmethod
    def snapshot(cls, data_dir: Path) -> str | None:
        """The file's text now, to pair with a model about to be built from it."""
        try:
            return (data_dir / PAPERS_FILE).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def apply(self) -> PaperEdit | None:
        """The model with the file's current text, when it changed inside one paper's item;
        None when the change is anything else (rebuild from scratch)."""
        text = self.snapshot(self.path.parent)
        if text is None or not self.starts:
            return None
        new_lines = text.splitlines(keepends=True)
        found = self._changed_item(new_lines)
        if found is None:
            return None
        number, first, old_end, new_end = found
        edit = self._read_item(
            number, self.lines[first:old_end], new_lines[first:new_end], first + 1
        )
        if edit is None:
            return None
        shift = len(new_lines) - len(self.lines)
        self.lines = new_lines
        self.starts = [
            *self.starts[: number + 1],
            *(line + shift for line in self.starts[number + 1 :]),
        ]
        self.data = edit.data
        return edit

    def _changed_item(self, new: list[str]) -> tuple[int, int, int, int] | None:
        """(paper number, first line index, end index in the old lines, end index in ``new``)
        of the one item that holds every changed line, or None."""
        old = self.lines
        if new == old:
            return None
        limit = min(len(old), len(new))
        prefix = _common_length(old, new, limit)
        suffix = _common_length(old, new, limit - prefix, from_end=True)
        old_end = len(old) - suffix  # the changed lines are old[prefix:old_end]
        starts = [start - 1 for start in self.starts]  # 0-based
        if prefix < starts[0]:
            return None  # before the first paper: the file's head
        number = max(n for n, start in enumerate(starts) if start <= prefix)
        item_end = starts[number + 1] if number + 1 < len(starts) else len(old)
        if old_end > item_end:
            return None  # the change spans several items
        return number, starts[number], item_end, item_end + len(new) - len(old)

    def _read_item(
        self, number: int, old_lines: list[str], lines: list[str], first_line: int
    ) -> PaperEdit | None:
        old_paper = self.data.papers[number]
        if any(_ANCHOR.search(line) for line in (*lines, *old_lines)):
            return None
        if any(line[:1] not in ("", " ", "\t", "#", "\n", "\r") for line in lines[1:]):
            return None  # something at the top level: not inside the item
        # Blank lines put the item at its real line numbers, under a 'papers:' key of its own.
        text = "\n" * (first_line - 2) + "papers:\n" + "".join(lines)
        diagnostics = Diagnostics()
        path = display_path(self.path)
        root = parse_yaml(text, path, diagnostics)
        if root is None or diagnostics.items:
            return None
        data = self.data
        sessions = {session.id: session for session in data.sessions}
        topics = {topic.id for topic in data.conference.topics}
        papers = read_papers(root, path, diagnostics, topics, sessions, set(sessions))
        if len(papers) != 1 or diagnostics.items:
            return None
        paper = papers[0]
        if paper.id != old_paper.id:
            return None  # ids name pages and files: a rename is a rebuild
        entry = data.bib_entries.get(paper.id)
        if entry is not None:  # the .bib entry must still agree with the paper
            match_entries([entry], (paper,), {paper.id}, path, diagnostics)
            if diagnostics.items:
                return None
        all_papers = list(data.papers)
        all_papers[number] = paper
        listed = _as_listed(old_paper) != _as_listed(paper)
        return PaperEdit(
            data=dataclasses.replace(data, papers=tuple(all_papers), inputs=""),
            paper=paper,
            author_slugs={a.name.slug for a in (*old_paper.authors, *paper.authors)}
            if listed
            else set(),
            session_ids={s for s in (old_paper.session_id, paper.session_id) if s},
            year=self.year,
        )


def render_edit(
    site: SiteData, edit: PaperEdit, sink: Sink, budget: int, language: str
) -> SiteData:
    """What ``edit`` changes first (``pages.render_paper_edit``) into ``sink``, where a build
    of ``site`` puts those pages (a series: under the edition's /<year>/); returns ``site``
    with the edit. A series' person pages and lists follow from the next full build."""

    def render(into: Sink) -> None:
        pages.render_paper_edit(
            edit.data, edit.paper, edit.author_slugs, edit.session_ids, into, budget, language
        )

    if not isinstance(site, Series):
        render(sink)
        return edit.data
    edition = next(e for e in site.editions if e.year == edit.year)
    edition_stream(edition, site, render)(sink)
    return site.with_edition(edit.year, edit.data)


def papers_folders(data_dir: Path) -> list[Path]:
    """The folders whose papers.yaml may take an edit of one paper: the data folder, or every
    edition's folder of a series."""
    return edition_folders(data_dir) if is_series(data_dir) else [data_dir]


def snapshots(data_dir: Path) -> dict[Path, str]:
    """The text of every papers.yaml of ``papers_folders`` now, by folder (one that cannot be
    read is left out: its edits are rebuilds)."""
    found = {folder: PapersFile.snapshot(folder) for folder in papers_folders(data_dir)}
    return {folder: text for folder, text in found.items() if text is not None}


def papers_files(data_dir: Path, site: SiteData, texts: dict[Path, str]) -> dict[Path, PapersFile]:
    """A ``PapersFile`` per papers.yaml of ``site`` (by its path), from its text in ``texts``
    (by folder; one not there takes no quick edits)."""
    if isinstance(site, ConferenceData):
        models = [(data_dir, site, 0)]
    else:
        models = [(data_dir / e.path, e.data, e.year) for e in site.editions]
    return {
        folder / PAPERS_FILE: PapersFile(folder, texts[folder], data, year)
        for folder, data, year in models
        if folder in texts
    }


def _as_listed(paper: Paper) -> tuple[object, ...]:
    """What an author page shows of a paper (views.paper_summary, and the authors' names,
    affiliations and ORCID iDs it gathers): an edit of anything else leaves those pages be."""
    return paper.title, paper.authors, paper.award, paper.topics


def _common_length(a: list[str], b: list[str], limit: int, from_end: bool = False) -> int:
    """How many leading (or trailing) lines ``a`` and ``b`` share, at most ``limit``.

    Compared a block of lines at a time (one list comparison in C each), then line by line
    within the first block that differs: a plain loop over 150,000 lines takes ~0.1 s.
    """

    def block(items: list[str], start: int, stop: int) -> list[str]:
        if not from_end:
            return items[start:stop]
        return items[len(items) - stop : len(items) - start]

    start = 0
    while start < limit:
        stop = min(start + _BLOCK, limit)
        if block(a, start, stop) != block(b, start, stop):
            break
        start = stop
    while start < limit and block(a, start, start + 1) == block(b, start, start + 1):
        start += 1
    return start


_BLOCK = 512
