"""``confsite serve``: MkDocs' live-reload server over a site kept current as files change."""

from __future__ import annotations

import logging
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from generator import live
from generator.mkdocs_adapter.build import conference_plugin
from generator.mkdocs_adapter.plugin import ConferencePlugin

log = logging.getLogger("mkdocs.plugins.conference")


def serve_site(config_file: Path, given: Mapping[str, Any], dev_addr: str | None) -> None:
    """A live preview until interrupted; ``given``: options from the command line."""
    _LiveSite(config_file, given, dev_addr).serve()


@dataclass
class _Build:
    folder: Path
    config: MkDocsConfig
    plugin: ConferencePlugin
    papers: dict[str, live.PapersFile]
    """Each papers.yaml as this build read it (one edition's, or every edition's of a
    series), by path, to apply edits of one paper to (one missing: it cannot)."""
    changes: int
    """How many changes the live site had seen when this build read the data."""


def _interrupt(signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


class _LiveSite:
    """The site built once, then kept current as files change.

    An edit inside one paper of papers.yaml (of any edition, in a series) is written at once
    (generator/live.py): the paper's page and downloads and its authors' and session's pages,
    through the frames of the current build, in a fraction of a second at 5,000 papers. A
    full build then brings the lists (program, proceedings, A-Z; a series' person pages) up
    to date in the background, into a folder of its own, and is swapped in when it is done
    (the server is pointed at the new folder: the next request reads it) unless anything
    changed meanwhile, in which case it builds again.
    Any other change (another data file, site_src/, mkdocs.yml) is a full build while
    browsers wait, as with ``mkdocs serve``.
    """

    POLL_SECONDS = 0.1
    """How often watched files are checked (MkDocs' default of 0.5 s is most of a second)."""

    def __init__(self, config_file: Path, given: Mapping[str, Any], dev_addr: str | None) -> None:
        self.config_file = config_file
        self.given = dict(given)
        self.settings = {"dev_addr": dev_addr} if dev_addr else {}
        self.work = Path(tempfile.mkdtemp(prefix="confsite-serve-"))
        self.signal = self.work / "signal"
        """A background build writes here when done: the server's watcher then runs the
        builder, which swaps it in."""
        self.signal.mkdir()
        self.builds = 0
        self.changes = 0
        self.partial = False
        """Whether quick edits wait for a full build to bring the lists up to date."""
        self.server: LiveReloadServer | None = None
        self.current: _Build | None = None
        self.retired: _Build | None = None
        """The build served before the current one: a request that began on it may still be
        reading it, so it is deleted at the next swap."""
        self.finished: _Build | None = None
        self.background: threading.Thread | None = None
        self.lock = threading.Lock()
        self.inputs: dict[str, tuple[int, int]] = {}
        config = load_config(str(config_file), site_dir=str(self.work / "unused"), **self.settings)
        self.host, self.port = config.dev_addr
        mount = urlsplit(config.site_url or "/").path
        self.mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
        self.url = f"http://{self.host}:{self.port}{self.mount}"
        plugin = conference_plugin(config)
        plugin.given = self.given
        self.data_dir = plugin.build_options(config).data_dir
        self.watched = [
            Path(config.docs_dir),
            Path(config.config_file_path or config_file),
            *(Path(path) for path in config.watch),
            self.data_dir,
        ]

    def serve(self) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)  # stopped by a supervisor: clean up too
        try:
            self.inputs = self._fingerprint()
            first = self._full_build()  # before the server's threads: it may render in two
            server = LiveReloadServer(
                builder=self.builder,
                host=self.host,
                port=self.port,
                root=str(first.folder),
                mount_path=self.mount,
                polling_interval=self.POLL_SECONDS,
            )
            self.server = server
            self._swap_in(first)
            for path in (*self.watched, self.signal):
                if path.exists():
                    server.watch(str(path))
            try:
                server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
                if self.background is not None:
                    self.background.join()
        finally:
            shutil.rmtree(self.work, ignore_errors=True)

    def builder(self) -> None:
        """Called by the server after files changed: the quickest way to a current site."""
        with self.lock:
            finished, self.finished = self.finished, None
        if finished is not None:
            if finished.changes == self.changes:
                self._swap_in(finished)
                self.partial = False
                log.info("Full rebuild in the background done: every page is current")
            else:  # something changed after it read the data
                shutil.rmtree(finished.folder, ignore_errors=True)
                if self.partial:
                    self._start_background()
        inputs = self._fingerprint()
        changed = {
            path
            for path in inputs.keys() | self.inputs.keys()
            if inputs.get(path) != self.inputs.get(path)
        }
        self.inputs = inputs
        if not changed:
            return
        self.changes += 1
        current = self.current
        assert current is not None
        papers = current.papers.get(next(iter(changed))) if len(changed) == 1 else None
        if papers is not None:
            started = time.perf_counter()
            edit = papers.apply()
            if edit is not None:
                current.plugin.write_edit(edit)
                self.partial = True
                log.info(
                    "Paper '%s' updated in %.0f ms; the lists follow from a full rebuild in "
                    "the background",
                    edit.label,
                    1000 * (time.perf_counter() - started),
                )
                self._start_background()
                return
        try:
            self._swap_in(self._full_build())
            self.partial = False
        except Exception as error:  # MkDocs' own loop would leave browsers waiting forever
            log.error(
                "The site was not rebuilt (%s); the last good site is still served. Fix the "
                "problem and save again.",
                error,
            )

    def _fingerprint(self) -> dict[str, tuple[int, int]]:
        """(mtime, size) of every watched file: what changed since the last look."""
        found: dict[str, tuple[int, int]] = {}
        for root in self.watched:
            paths = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
            for path in paths:
                try:
                    stat = path.stat()
                except OSError:
                    continue
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
        return found

    def _full_build(self) -> _Build:
        with self.lock:
            self.builds += 1
            folder = self.work / f"build-{self.builds}"
            changes = self.changes
        # papers.yaml as the build is about to read it: quick edits are applied to this text.
        texts = live.snapshots(self.data_dir)
        try:
            config = load_config(str(self.config_file), site_dir=str(folder), **self.settings)
            config.site_url = self.url
            plugin = conference_plugin(config)
            plugin.given = self.given
            try:
                build(config, serve_url=self.url)
            finally:
                plugin.end_build()
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        papers: dict[str, live.PapersFile] = {}
        if plugin.site is not None:
            after = live.snapshots(self.data_dir)  # a file edited meanwhile takes no quick edits
            unchanged = {f: t for f, t in texts.items() if after.get(f) == t}
            found = live.papers_files(self.data_dir, plugin.site, unchanged)
            papers = {str(path): file for path, file in found.items()}
        return _Build(folder, config, plugin, papers, changes)

    def _start_background(self) -> None:
        if self.background is not None and self.background.is_alive():
            return  # it will be found stale when it ends, and build again

        def run() -> None:
            try:
                built: _Build | None = self._full_build()
            except Exception as error:  # reported by the build itself; keep the current site
                log.warning("Full rebuild in the background failed: %s", error)
                built = None
            with self.lock:
                self.finished = built
            if built is not None:
                (self.signal / "built").write_text(str(self.builds), encoding="utf-8")

        self.background = threading.Thread(target=run, daemon=True)
        self.background.start()

    def _swap_in(self, build: _Build) -> None:
        """Serve ``build`` from the next request on (the server reads its root per request)."""
        assert self.server is not None
        self.server.root = str(build.folder)
        previous, self.current = self.current, build
        if previous is None or previous.folder == build.folder:
            return
        retired, self.retired = self.retired, previous
        if retired is not None:
            threading.Thread(target=shutil.rmtree, args=(retired.folder, True), daemon=True).start()
