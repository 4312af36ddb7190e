"""Editions rendered before, replayed: what makes a build after a small edit incremental.

Rendering an edition (its list pages, and the streams of its paper, author and session pages
and downloads) depends only on its model, on the series' own files, on the options that change
what the core writes, and on the generator itself. So the core's output for an edition is kept
in a cache folder under a key made of exactly those: the digest of the files the model was read
from (taken when it was loaded, generator/load/digest.py: a model read while its files changed,
or changed after, has none and is neither replayed nor recorded), the digest of series.yaml and
people.yaml, the model's build date (it comes from git, not from the files), the language,
page budget and build date of the options, and the generator's own files (code, templates,
catalogues, scripts) with the versions of every installed package and of Python. A build whose
key is found replays the stored pages and files into the site builder's sinks instead of
rendering them; the theme is applied afresh either way (the site builder frames what it is
given), so a theme or mkdocs.yml change needs no key.

An entry is a folder ``<name>-<key>/``: ``lists.pickle`` (the result without its streams)
and one ``stream-<n>.pickle`` per stream, each written to a temporary name and renamed when
its stream has run to the end, so an entry whose files are all there is complete. Entries of
one edition beyond the newest ``KEEP`` are removed when a new one is complete.

The cache holds pickles: it is for the machine that wrote it (a project's ``.cache/``), not
something to download.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import BinaryIO

from generator import pages
from generator.load.digest import files_digest
from generator.model import ConferenceData
from generator.options import BuildOptions
from generator.outputs import BuildResult, GeneratedFile, GeneratedPage, Sink, Stream

FORMAT = "confsite-render-cache-1"
"""Part of every key: changed when what an entry holds changes shape."""

DEFAULT_FOLDER = ".cache/plugin/conference"
"""The cache's folder beside mkdocs.yml unless its ``conference`` settings name another (beside
Material's own plugins' caches in .cache/plugin/)."""

KEEP = 2
"""Entries kept per edition: the newest, and the one before (a build running beside it, as
``confsite serve``'s background build, may still be replaying it)."""

_LISTS = "lists.pickle"
_END = None
"""Written after a stream's last item: a stream file that does not end with it is cut short."""
_END_BYTES = pickle.dumps(_END, protocol=5)


def plan_edition(
    data: ConferenceData, options: BuildOptions, name: str, series_inputs: str | None = None
) -> BuildResult:
    """``pages.plan_site`` of one edition, replayed from the cache that ``options`` name when
    its key is there (``name`` then goes into ``from_cache``). ``series_inputs``: the digest
    of the series' own files when the edition is one of a series."""

    def render(result: BuildResult) -> None:
        pages.plan_site(data, result, options)

    unknown = not data.inputs or series_inputs == ""  # read while they changed: no key
    if options.cache_dir is None or unknown:
        fresh = BuildResult()
        render(fresh)
        return fresh
    key = edition_key(data, options, series_inputs or "")
    planned = RenderCache(options.cache_dir).planned(name, key, render)
    if planned.from_cache:
        planned.result.from_cache = [name]
    return planned.result


@cache
def generator_fingerprint() -> str:
    """The generator's own files and the environment it runs in, hashed once per process."""
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(sys.version.encode())
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join(packages).encode())
    package = Path(__file__).resolve().parent
    code = (p for p in package.rglob("*") if "__pycache__" not in p.parts)
    digest.update(files_digest(package, code).encode())
    return digest.hexdigest()


def edition_key(data: ConferenceData, options: BuildOptions, series_inputs: str = "") -> str:
    """The key of an edition's rendering: the digest of the files its model was read from and
    of the series' own, the model's build date, the options that change output, the
    generator."""
    digest = hashlib.sha256(generator_fingerprint().encode())
    digest.update(repr((options.language, options.page_budget, options.build_date)).encode())
    digest.update(f"{data.build_date.isoformat()}\0{data.inputs}\0{series_inputs}".encode())
    return digest.hexdigest()[:40]


@dataclass(frozen=True)
class RenderCache:
    """The cache folder (a project's ``.cache/plugin/conference``)."""

    folder: Path

    def planned(self, name: str, key: str, plan: Callable[[BuildResult], None]) -> Planned:
        """An edition's result: replayed from the entry of ``key`` when it is complete;
        otherwise ``plan`` renders it, and its streams record as they run."""
        entry = self.folder / f"{name}-{key}"
        found = _open_entry(entry)
        if found is not None:
            _touch(entry)  # recently used: the last to be pruned
            return Planned(found, from_cache=True)
        fresh = BuildResult()
        plan(fresh)
        streams = fresh.streams
        lists = replace(fresh, streams=[])
        try:
            entry.mkdir(parents=True, exist_ok=True)
            _write_atomically(entry / _LISTS, pickle.dumps((lists, len(streams)), protocol=5))
        except OSError:  # a cache that cannot be written is no cache, not a failed build
            return Planned(fresh, from_cache=False)
        fresh.streams = [
            _recorded(stream, entry / f"stream-{n}.pickle", lambda: self._prune(name, entry))
            for n, stream in enumerate(streams)
        ]
        if not streams:
            self._prune(name, entry)
        return Planned(fresh, from_cache=False)

    def _prune(self, name: str, complete: Path) -> None:
        """Entries of ``name`` but the newest ``KEEP`` (``complete`` among them), once
        ``complete`` has every file."""
        if _open_entry(complete, probe=True) is None:
            return
        entries = sorted(
            (p for p in self.folder.glob(f"{name}-*") if p.is_dir() and p != complete),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )
        for old in entries[KEEP - 1 :]:
            shutil.rmtree(old, ignore_errors=True)


@dataclass
class Planned:
    result: BuildResult
    from_cache: bool


def _open_entry(entry: Path, probe: bool = False) -> BuildResult | None:
    """The entry's result with streams that replay it, when every file is there (opened
    now: a later prune cannot take them away mid-build); None when it is not complete."""
    try:
        lists, count = pickle.loads((entry / _LISTS).read_bytes())
        sources = [open(entry / f"stream-{n}.pickle", "rb") for n in range(count)]  # noqa: SIM115
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return None
    if not all(map(_ends_whole, sources)):
        for source in sources:
            source.close()
        return None
    if probe:
        for source in sources:
            source.close()
        return lists
    result: BuildResult = lists
    result.streams = [_replayed(source) for source in sources]
    return result


def _ends_whole(source: BinaryIO) -> bool:
    """Whether a stream file ends with the end marker (read from its end, then rewound)."""
    try:
        source.seek(-len(_END_BYTES), os.SEEK_END)
        whole = source.read() == _END_BYTES
        source.seek(0)
    except OSError:
        return False
    return whole


def _replayed(source: BinaryIO) -> Stream:
    def replay(sink: Sink) -> None:
        with source:
            while (item := pickle.load(source)) is not _END:
                if isinstance(item, GeneratedPage):
                    sink.page(item)
                else:
                    sink.file(item)

    return replay


def _recorded(stream: Stream, path: Path, done: Callable[[], None]) -> Stream:
    """``stream``, also pickled item by item into ``path`` (renamed into place at its end;
    it may run in a forked child)."""

    def record(sink: Sink) -> None:
        try:
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".partial")
        except OSError:
            stream(sink)
            return
        partial = Path(name)
        try:
            with open(handle, "wb") as out:
                recorder = _Recorder(sink, out)
                stream(recorder)
                recorder.keep(_END)
            if recorder.broken:
                partial.unlink(missing_ok=True)
                return
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        done()

    return record


@dataclass
class _Recorder:
    """A sink that passes everything on and pickles it too; a write that fails (a full disk)
    stops the recording, never the build."""

    sink: Sink
    out: BinaryIO
    broken: bool = False

    def page(self, page: GeneratedPage) -> None:
        self.keep(page)
        self.sink.page(page)

    def file(self, file: GeneratedFile) -> None:
        self.keep(file)
        self.sink.file(file)

    def keep(self, item: GeneratedPage | GeneratedFile | None) -> None:
        if self.broken:
            return
        try:  # one pickle per item: a memo shared across items would keep them all alive
            pickle.dump(item, self.out, protocol=5)
        except OSError:
            self.broken = True


def _write_atomically(path: Path, content: bytes) -> None:
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".partial")
    try:
        with open(handle, "wb") as out:
            out.write(content)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _touch(entry: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(entry)
