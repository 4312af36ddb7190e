"""The search index as static files that a browser loads piece by piece.

Material's own search downloads one ``search_index.json`` holding every page (4.9 MB at 5,000
papers) on every first view. This index is split so that a visitor downloads only what a
query needs, and nothing before the search box is opened:

``search/manifest.json``
    Small and fixed in size: the number of entries, the editions, the kinds and their weights,
    the stop words, and the prefixes at which the words were split into shards.
``search/terms/t_<prefix>.json``
    A shard: every indexed word starting with ``<prefix>``, each with its postings (which
    entries hold it, and in which fields). Shards are cut like a trie: all words under one
    first letter, and a prefix whose words pass ``SHARD_BYTES`` is split one letter further,
    so a shard stays small at any scale; a query reads one shard per word.
``search/docs/<n>.json``
    What results show, ``DOCS_PER_CHUNK`` entries a file: URL, title, kind, edition, people,
    affiliations and the real text, fetched only for the results shown.
``search/search_index.json``
    The theme's own file, reduced to its configuration (no documents): the theme fetches it on
    every page and passes it to the search worker, which then ignores it.

The worker (``generator/assets/search-worker.js``) reads these. Everything here is plain data
with no MkDocs in sight: any site builder hands over entries and writes the files.

Postings are one integer per (entry, word): ``gap * 16 + fields``, where ``gap`` is the
distance to the previous entry holding the word and ``fields`` the bits of ``FIELDS``. Entries
are numbered in URL order, so the same pages give the same bytes however they were rendered.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.search.records import Entry, Kind, SearchRecord
from generator.search.text import STOP_WORDS, name_words, words

FIELDS = {"title": 1, "people": 2, "affiliations": 4, "text": 8}
"""Bit of each field in a posting."""
FIELD_WEIGHTS = {"title": 10.0, "people": 10.0, "affiliations": 4.0, "text": 1.0}
KIND_BOOST = {
    Kind.AUTHOR: 1.2,  # a name finds the person's page before their papers
    Kind.PAPER: 1.0,
    Kind.SESSION: 0.9,
    Kind.PAGE: 0.8,
    Kind.LIST: 0.05,
}
SHARD_BYTES = 24_000
"""Largest shard, in bytes of JSON, before its prefix is split (unless all its words are that
prefix itself). About 6 KB gzipped: a query of three words reads three of them."""
DOCS_PER_CHUNK = 8
"""Entries per docs file: a result list of 20 reads at most 20 small files (~4 KB gzipped)."""
RESULT_LIMIT = 20
"""Results the worker lists for a query, best first."""
PREFIX_MIN = 3
"""The last word of a query is also matched as a prefix once it has this many letters."""
FORMAT = 1
"""Version of the file layout, for the worker."""
_KINDS = list(Kind)


@dataclass
class _Postings:
    terms: dict[str, array] = field(default_factory=dict)
    """Folded word -> sorted array of ``entry * 16 + fields``."""


def _fields(record: SearchRecord) -> dict[str, int]:
    """Each word of ``record`` with the bits of the fields it occurs in."""
    found: dict[str, int] = defaultdict(int)
    bits = FIELDS
    for word in words(record.title):
        if word not in STOP_WORDS:
            found[word] |= bits["title"]
    for name in record.people:
        for word in name_words(name):
            found[word] |= bits["people"]
    for affiliation in record.affiliations:
        for word in words(affiliation):
            if word not in STOP_WORDS:
                found[word] |= bits["affiliations"]
    for word in words(record.text):
        if word not in STOP_WORDS:
            found[word] |= bits["text"]
    return found


def shard_key(term: str, split: frozenset[str] | set[str]) -> str:
    """The shard that holds ``term``: its first letter, one letter longer while that prefix
    was split and the term is longer than it."""
    key = term[:1]
    while key in split and len(term) > len(key):
        key = term[: len(key) + 1]
    return key


def shard_file(key: str) -> str:
    """File name of a shard: the prefix itself when plain ASCII, else its code points in hex
    (the worker names it the same way); 't_' first, so no name is reserved on Windows."""
    if re.fullmatch(r"[a-z0-9]+", key):
        return f"terms/t_{key}.json"
    return "terms/t_x" + "-".join(f"{ord(c):x}" for c in key) + ".json"


def _encoded(postings: array) -> str:
    gaps: list[int] = []
    previous = 0
    for posting in postings:
        entry, bits = posting >> 4, posting & 15
        gaps.append(((entry - previous) << 4) | bits)
        previous = entry
    return "[" + ",".join(map(str, gaps)) + "]"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class SearchIndex:
    """The index of a site's entries, kept in memory so one edit rewrites only its files."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        by_url: dict[str, Entry] = {}
        for entry in entries:
            by_url[entry.url] = entry  # a page written twice (a live edit) counts once
        order = sorted(by_url, key=lambda url: (_KINDS.index(by_url[url].record.kind), url))
        self.entries = [by_url[url] for url in order]
        """By kind, then URL: the worker ranks a result by its kind before reading its docs
        file, from where each kind's numbers start (``kind_starts``)."""
        self.numbers = {entry.url: number for number, entry in enumerate(self.entries)}
        self.editions = sorted({e.record.edition for e in self.entries if e.record.edition})
        self.postings = _Postings()
        for number, entry in enumerate(self.entries):
            self._add(number, entry.record)
        self.encoded = {term: _encoded(p) for term, p in self.postings.terms.items()}
        self.split = self._plan_split()
        self.version = ""

    def _add(self, number: int, record: SearchRecord) -> None:
        terms = self.postings.terms
        for word, bits in _fields(record).items():
            postings = terms.get(word)
            if postings is None:
                postings = terms[word] = array("q")
            postings.append((number << 4) | bits)

    def _plan_split(self) -> frozenset[str]:
        sizes = {term: len(term) + 4 + len(text) for term, text in self.encoded.items()}
        split: set[str] = set()
        groups: dict[str, list[str]] = defaultdict(list)
        for term in sizes:
            groups[term[:1]].append(term)
        pending = list(groups.items())
        while pending:
            prefix, terms = pending.pop()
            longer = [term for term in terms if len(term) > len(prefix)]
            if sum(sizes[term] for term in terms) <= SHARD_BYTES or not longer:
                continue
            split.add(prefix)
            children: dict[str, list[str]] = defaultdict(list)
            for term in longer:
                children[term[: len(prefix) + 1]].append(term)
            pending.extend(children.items())
        return frozenset(split)

    # -- the files ---------------------------------------------------------------------------

    def shards(self) -> dict[str, list[str]]:
        """Shard key -> its terms, sorted."""
        shards: dict[str, list[str]] = defaultdict(list)
        for term in sorted(self.encoded):
            shards[shard_key(term, self.split)].append(term)
        return shards

    def shard_text(self, terms: list[str]) -> str:
        return "{" + ",".join(f"{_compact(t)}:{self.encoded[t]}" for t in terms) + "}"

    def doc(self, entry: Entry) -> list[object]:
        record = entry.record
        edition = self.editions.index(record.edition) if record.edition else -1
        kind = _KINDS.index(record.kind)
        people, affiliations = list(record.people), list(record.affiliations)
        return [entry.url, record.title, kind, edition, people, affiliations, record.text]

    def chunk_text(self, chunk: int) -> str:
        start = chunk * DOCS_PER_CHUNK
        docs = [self.doc(e) for e in self.entries[start : start + DOCS_PER_CHUNK]]
        return "[\n" + ",\n".join(_compact(doc) for doc in docs) + "\n]"

    def kind_starts(self) -> list[int]:
        """The number of the first entry of each kind (entries are ordered by kind)."""
        ranks = [_KINDS.index(entry.record.kind) for entry in self.entries]
        return [bisect.bisect_left(ranks, rank) for rank in range(len(_KINDS))]

    def manifest(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "version": self.version,
            "count": len(self.entries),
            "docsPerChunk": DOCS_PER_CHUNK,
            "resultLimit": RESULT_LIMIT,
            "prefixMin": PREFIX_MIN,
            "editions": self.editions,
            "kinds": [kind.value for kind in _KINDS],
            "kindBoost": [KIND_BOOST[kind] for kind in _KINDS],
            "kindStarts": self.kind_starts(),
            "fieldWeights": [FIELD_WEIGHTS[name] for name in FIELDS],
            "stopWords": sorted(STOP_WORDS),
            "split": sorted(self.split),
            "shards": sorted(self.shards()),
        }

    def files(self) -> dict[str, str]:
        """Every file of the index, by path relative to the search folder."""
        files = {shard_file(key): self.shard_text(terms) for key, terms in self.shards().items()}
        chunks = (len(self.entries) + DOCS_PER_CHUNK - 1) // DOCS_PER_CHUNK
        for chunk in range(chunks):
            files[f"docs/{chunk}.json"] = self.chunk_text(chunk)
        self.version = _version(files)
        files["manifest.json"] = _compact(self.manifest()) + "\n"
        files["search_index.json"] = THEME_STUB
        return files

    def write(self, folder: Path) -> None:
        """Write every file under ``folder`` (the site's ``search/``), replacing the theme's."""
        for path, text in self.files().items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    # -- a live edit -------------------------------------------------------------------------

    def replace(self, entries: Iterable[Entry], folder: Path) -> list[str]:
        """Put ``entries`` in place of the entries at their URLs and rewrite the files that
        change (their shards, their docs files, the manifest): how ``confsite serve`` shows an
        edit at once. Returns the paths written. The shard split is kept as it was; the next
        full build cuts it afresh. An entry at a URL not in the index is left for that build.
        """
        touched_terms: set[str] = set()
        touched_chunks: set[int] = set()
        for entry in entries:
            number = self.numbers.get(entry.url)
            if number is None:
                continue
            old = _fields(self.entries[number].record)
            new = _fields(entry.record)
            for word in old.keys() | new.keys():
                if old.get(word) == new.get(word):
                    continue
                touched_terms.add(word)
                postings = self.postings.terms.get(word, array("q"))
                kept = array("q", (p for p in postings if p >> 4 != number))
                if word in new:
                    kept.append((number << 4) | new[word])
                    kept = array("q", sorted(kept))
                if kept:
                    self.postings.terms[word] = kept
                    self.encoded[word] = _encoded(kept)
                else:
                    self.postings.terms.pop(word, None)
                    self.encoded.pop(word, None)
            self.entries[number] = entry
            touched_chunks.add(number // DOCS_PER_CHUNK)
        if not touched_terms and not touched_chunks:
            return []
        shards = self.shards()
        files: dict[str, str] = {}
        for key in {shard_key(term, self.split) for term in touched_terms}:
            files[shard_file(key)] = self.shard_text(shards.get(key, []))
        for chunk in touched_chunks:
            files[f"docs/{chunk}.json"] = self.chunk_text(chunk)
        self.version = _version({"": self.version, **files})
        files["manifest.json"] = _compact(self.manifest()) + "\n"
        for path, text in files.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
        return sorted(files)


THEME_STUB = (
    _compact({"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []}, "docs": []})
    + "\n"
)
"""The theme's ``search_index.json`` without documents: its highlighter still reads the word
separator from it (to mark the words of a query on the page a result opens)."""


def _version(files: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode("utf-8") + b"\0" + files[path].encode("utf-8") + b"\0")
    return digest.hexdigest()[:12]
