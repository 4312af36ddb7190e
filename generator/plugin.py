"""The MkDocs adapter: the only module that imports MkDocs.

It runs the core build (``generator.build``) when MkDocs loads its configuration, hands every
generated page and download to MkDocs in memory, and turns diagnostics into MkDocs log lines and
a failed build. ``confsite build`` and ``confsite serve`` use it through ``build_site`` and
``serve_site``. Replacing MkDocs means replacing this module and nothing else.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator import (
    frame,
    live,
    mathml,
    offline,
    pages,
    parallel,
    plugin_offline,
    search_index,
    writing,
)
from generator.build import render_outputs
from generator.diagnostics import Diagnostics, Severity
from generator.model import ConferenceData
from generator.outputs import BuildResult, GeneratedFile, GeneratedPage, Stream, TocEntry
from generator.reproducible import pin_build_date
from generator.validate import load_and_validate

log = logging.getLogger("mkdocs.plugins.conference")

DATA_DIR_ENV = "CONFSITE_DATA_DIR"
"""Overrides the plugin's ``data_dir`` (how ``confsite build --data DIR`` reaches the plugin)."""
FACTS_MARKER = "<!-- conference-facts -->"
"""Where the generated facts go in the hand-written home page (appended when absent)."""
ASSETS = (
    "assets/confsite/confsite.css",
    "assets/confsite/quality.js",
    "assets/confsite/schedule.css",
    "assets/confsite/schedule.js",
)
ASSET_FOLDERS: tuple[str, ...] = ()
"""Folders of generator/assets/ served whole under assets/<folder>/ (none now: math is MathML,
rendered when the site is built, generator/mathml.py)."""
ASSET_SUFFIXES = (".css", ".js", ".woff2")
HEAD_META = "confsite_head"
"""page.meta key of the finished <head> HTML that overrides/main.html prints."""


NO_FRAMES_ENV = "CONFSITE_NO_FRAMES"
"""Set (to anything) to build every page through MkDocs, without frames (tests compare)."""


class ConferencePluginConfig(base.Config):
    data_dir = c.Type(str, default="data")
    """The data folder, relative to mkdocs.yml."""


class ConferencePlugin(BasePlugin[ConferencePluginConfig]):
    """Generates the conference pages from the data folder."""

    def __init__(self) -> None:
        self.result = BuildResult()
        self.pages: dict[str, GeneratedPage] = {}
        self.framed: dict[str, GeneratedPage] = {}
        """Pages written through a frame after the build (generator.frame), by source uri."""
        self.nav: Any = None
        self.env: Any = None
        self.files: Files | None = None
        self.data_dir = Path("data")
        self.data: ConferenceData | None = None
        """The model this build rendered (``confsite serve`` applies later edits to it)."""
        self.frames: dict[tuple[object, ...], tuple[frame.Frame | None, Page]] = {}
        """Frames cut in this process, by family (kept for the pages of later edits)."""
        self.serving = False
        """A live preview (``mkdocs serve``, ``confsite serve``): no service worker. (Not
        told by an ``on_startup`` hook: MkDocs keeps a plugin that has one from build to
        build, and with it everything a build left in it.)"""
        self.validated: tuple[Path, ConferenceData | None, Diagnostics] | None = None
        """Set by ``build_site`` when its caller already validated the data folder (resolved
        path, model, diagnostics): the first build uses it instead of loading it again."""

    def resolve_data_dir(self, config: MkDocsConfig) -> Path:
        base_dir = Path(config.config_file_path or ".").resolve().parent
        return base_dir / (os.environ.get(DATA_DIR_ENV) or self.config.data_dir)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.data_dir = self.resolve_data_dir(config)
        self.serving = plugin_offline.serving(config)
        validated, self.validated = self.validated, None  # serve's rebuilds read the data anew
        if validated is None or validated[0] != self.data_dir.resolve():
            validated = (self.data_dir, *load_and_validate(self.data_dir))
        self.data = validated[1]
        # Paper, author and session pages and their downloads stay streams: on_post_build
        # writes each through its frame as it is rendered (unless frames are off).
        self.result = render_outputs(validated[1], validated[2], streamed=True)
        pin_build_date(self.data_dir)  # sitemap dates from the data, not the clock
        for diagnostic in self.result.diagnostics.sorted():
            if diagnostic.severity is Severity.ERROR:
                log.error(str(diagnostic))
            else:
                log.warning(str(diagnostic))
        errors = len(self.result.diagnostics.errors)
        if errors:
            raise PluginError(
                f"{errors} error(s) in the conference data in {self.data_dir}; fix them and "
                "build again (`confsite check` lists them)"
            )
        if os.environ.get(NO_FRAMES_ENV):
            parallel.collect(self.result)  # every page and file through MkDocs
        self.pages = {page.uri: page for page in self.result.pages}
        self.framed = {} if os.environ.get(NO_FRAMES_ENV) else _framed(self.result.pages)
        site = self.result.site
        if site:
            # The conference facts live in data/conference.yaml, not twice in mkdocs.yml.
            # MkDocs renders themes without autoescaping and Material prints site_name and
            # descriptions raw: data reaches the theme as escaped Markup (which `| e` keeps).
            config.site_name = escape(site.name)
            config.site_url = config.site_url or site.url
            config.site_description = config.site_description or escape(site.description)
        # The theme's colour, for the manifest and overrides/main.html's theme-color.
        config.extra.setdefault("theme_color", plugin_offline.theme_colour(config.theme))
        scripts = (*ASSETS, offline.REGISTRATION)
        for asset in (*scripts, *(uri for uri, _ in _folder_assets() if uri.count("/") == 2)):
            if asset.endswith(".css") and asset not in config.extra_css:
                config.extra_css.append(asset)
            if asset.endswith(".js") and asset not in map(str, config.extra_javascript):
                config.extra_javascript.append(asset)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        def add(uri: str, content: str | bytes, in_nav: bool = True) -> None:
            _refuse_collision(files, uri)
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))

        for uri in self.framed:  # not MkDocs pages: on_post_build writes them through a frame
            _refuse_collision(files, uri)
        for page in self.result.pages:
            if page.uri not in self.framed:
                add(page.uri, _front_matter(page), page.in_nav)
        for generated in self.result.files:
            add(generated.uri, generated.content, in_nav=False)
        for asset in ASSETS:
            name = asset.rsplit("/", 1)[1]
            add(asset, (resources.files("generator") / "assets" / name).read_bytes(), False)
        for uri, source in _folder_assets():
            add(uri, source.read_bytes(), False)
        add(offline.REGISTRATION, offline.registration_script(not self.serving), False)
        if self.result.site and self.result.offline:
            language = str(config.theme.get("language") or "en")
            colour = str(config.extra["theme_color"])
            for made in offline.app_files(self.result.site, self.result.offline, colour, language):
                add(made.uri, made.content, False)
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Generated pages are already HTML: skip Markdown for them entirely.
        if page.file.src_uri not in self.pages:
            return markdown
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = Markup(page.meta[key])  # escaped in _front_matter
        return ""

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        head = generated.head if generated else self.result.heads.get(page.file.src_uri, "")
        if head:
            page.meta[HEAD_META] = Markup(head)  # the core rendered and escaped it
        if generated is not None:
            page.toc = get_toc(_toc_tokens(generated))
            return generated.html
        html = mathml.from_arithmatex(html)  # hand-written pages: their math as MathML too
        fragment = self.result.fragments.get(page.file.src_uri)
        if fragment is None:
            return html
        if FACTS_MARKER in html:
            return html.replace(FACTS_MARKER, fragment, 1)
        return html + fragment

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> Any:
        self.nav = nav
        return nav

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        self.env, self.files = env, files
        return env

    @event_priority(-100)  # after the search plugin has written search_index.json
    def on_post_build(self, config: MkDocsConfig) -> None:
        eager = _Writer(self, config)
        for page in self.framed.values():
            eager.page(page)

        def write(stream: Stream) -> tuple[list[search_index.Entry], list[str]]:
            writer = _Writer(self, config)
            stream(writer)
            return writer.entries, writer.locations

        streams, self.result.streams = self.result.streams, []
        # Everything so far (the model, MkDocs' pages) lives while the pages render: keep the
        # cycle collector from rescanning it again and again meanwhile, and a forked child
        # from copying it by touching it. Unfrozen after, so a long `confsite serve` can
        # still collect each finished build.
        gc.freeze()
        try:
            written = [(eager.entries, eager.locations), *parallel.run_streams(streams, write)]
        finally:
            gc.unfreeze()
        frame.add_to_sitemap(Path(config.site_dir), [url for _, urls in written for url in urls])
        entries = [entry for found, _ in written for entry in found]
        index = _search_index_file(config)
        if entries and index.exists():
            search_index.add_entries(index, entries)
        if not self.serving and self.result.offline:
            self._write_service_worker(config)

    def _write_service_worker(self, config: MkDocsConfig) -> None:
        """sw.js, last: it lists what the built pages load, and the build's version."""
        assert self.result.offline is not None
        site_dir = Path(config.site_dir)
        version = offline.build_version(*plugin_offline.version_inputs(config, self.data_dir))
        assets = plugin_offline.built_assets(site_dir)
        text = offline.service_worker(self.result.offline, version, assets)
        writing.FileWriter().write(site_dir / offline.SERVICE_WORKER, text.encode("utf-8"))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        return server

    def write_edit(self, edit: live.PaperEdit, config: MkDocsConfig) -> None:
        """Write what an edit of one paper changes first into this build's site."""
        writer = _Writer(self, config)
        pages.render_paper_edit(edit.data, edit.paper, edit.author_slugs, edit.session_ids, writer)
        index = _search_index_file(config)
        if writer.entries and index.exists():
            search_index.replace_entries(index, writer.entries)


def _framed(pages: list[GeneratedPage]) -> dict[str, GeneratedPage]:
    return {page.uri: page for page in pages if frame.framed_path(page)}


class _Writer:
    """Writes pages and files that MkDocs did not build, as they come (a ``Sink``).

    A page out of the nav in a folder of its own gets the frame of its family: one prototype
    per family goes through MkDocs' own page steps (every plugin hook, the theme), the rest is
    string filling, so a framed page is what MkDocs would have written. Any other page, and
    every page of a family whose frame cannot be cut, is rendered through those steps itself.
    It keeps the pages' search entries and sitemap URLs for the caller to add.
    """

    def __init__(self, plugin: ConferencePlugin, config: MkDocsConfig) -> None:
        self.plugin = plugin
        self.config = config
        self.files = writing.FileWriter()
        self.site_dir = Path(config.site_dir)
        self.frames = plugin.frames  # a forked child adds to its own copy
        self.entries: list[search_index.Entry] = []
        self.locations: list[str] = []

    def render(self, page: GeneratedPage) -> tuple[str, Page]:
        """``page`` built by MkDocs and the theme exactly as a page of its own."""
        from mkdocs.commands.build import _build_page, _populate_page

        plugin, config = self.plugin, self.config
        assert plugin.files is not None
        file = File.generated(
            config, page.uri, content=_front_matter(page), inclusion=InclusionLevel.NOT_IN_NAV
        )
        built = Page(None, file, config)
        plugin.pages[page.uri] = page
        try:
            _populate_page(built, config, plugin.files)
            _build_page(built, config, plugin.files.documentation_pages(), plugin.nav, plugin.env)
        finally:
            plugin.pages.pop(page.uri, None)
        return Path(file.abs_dest_path).read_text(encoding="utf-8"), built

    def prototype(self, page: GeneratedPage) -> tuple[frame.Frame | None, Page]:
        folder = page.uri.split("/", 1)[0]
        probe = GeneratedPage(
            uri=f"{folder}/{frame.SLUG}/index.md",
            title=frame.probe_value("title"),
            html=frame.probe_value("content", heading=frame.has_heading(page)),
            description=frame.probe_value("description") if page.description else "",
            in_nav=False,
            toc=tuple(
                TocEntry(entry.level, frame.anchor_probe(number), frame.probe_value(f"toc{number}"))
                for number, entry in enumerate(page.toc)
            ),
            search=False,
            head=frame.probe_value("head") if page.head else "",
        )
        html, built = self.render(probe)
        shutil.rmtree(Path(built.file.abs_dest_path).parent, ignore_errors=True)
        return frame.Frame.cut(html), built

    def page(self, page: GeneratedPage) -> None:
        assert self.plugin.files is not None
        _refuse_collision(self.plugin.files, page.uri)
        framed = frame.framed_path(page)
        if framed is None:
            _html, built = self.render(page)
            url, absolute = built.url, built.canonical_url or built.abs_url
        else:
            slug = framed[1]
            key = frame.family_key(page)
            if key not in self.frames:
                self.frames[key] = self.prototype(page)
            cut, proto = self.frames[key]
            if cut is None:
                self.render(page)  # written where MkDocs writes it
            else:
                html = cut.fill(frame.values_of(page))
                dest = proto.file.dest_uri.replace(frame.SLUG, slug)
                self._write(dest, html.encode("utf-8", errors="xmlcharrefreplace"))
            url = proto.url.replace(frame.SLUG, slug)
            absolute = (proto.canonical_url or proto.abs_url or "").replace(frame.SLUG, slug)
        if absolute:
            self.locations.append(absolute)
        if page.search:
            text = page.search_text or search_index.html_text(page.html)
            self.entries.append(search_index.page_entry(url, page.title, text))

    def file(self, file: GeneratedFile) -> None:
        assert self.plugin.files is not None
        _refuse_collision(self.plugin.files, file.uri)
        content = file.content
        # Text as MkDocs writes a File's text.
        self._write(file.uri, content if isinstance(content, bytes) else content.encode("utf-8"))

    def _write(self, dest_uri: str, content: bytes) -> None:
        self.files.write(self.site_dir / dest_uri, content)


def _refuse_collision(files: Files, uri: str) -> None:
    """A generated page or file must not take the place of a hand-written one (MkDocs'
    Files.append would silently replace it)."""
    if files.get_file_from_path(uri) is not None:
        raise PluginError(
            f"site_src/{uri} is hand-written, but the generator makes that page too; "
            "rename or remove the hand-written file"
        )


def _search_index_file(config: MkDocsConfig) -> Path:
    return Path(config.site_dir) / "search" / "search_index.json"


def _folder_assets() -> list[tuple[str, Traversable]]:
    """(site uri, packaged file) of every servable file in ASSET_FOLDERS, in name order."""
    found: list[tuple[str, Traversable]] = []

    def walk(folder: Traversable, uri: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, f"{uri}/{entry.name}")
            elif entry.name.endswith(ASSET_SUFFIXES):
                found.append((f"{uri}/{entry.name}", entry))

    for name in ASSET_FOLDERS:
        walk(resources.files("generator") / "assets" / name, f"assets/{name}")
    return found


def _front_matter(page: GeneratedPage) -> str:
    # Escaped here because Material prints page.meta.title and .description unescaped.
    meta: dict[str, Any] = {"title": str(escape(page.title))}
    if page.description:
        meta["description"] = str(escape(page.description))
    if not page.search:
        meta["search"] = {"exclude": True}
    # JSON is YAML, and json.dumps escapes whatever a title holds.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _toc_tokens(page: GeneratedPage) -> list[Any]:  # MkDocs' _TocToken dicts
    tokens: list[dict[str, Any]] = []
    for entry in page.toc:
        # MkDocs' toc names are HTML; the theme prints them as they are.
        name = str(escape(entry.title))
        token = {"level": entry.level, "id": entry.anchor, "name": name, "children": []}
        if entry.level > 2 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


def build_site(
    config_file: Path,
    data_dir: Path | None,
    site_dir: Path,
    strict: bool,
    validated: tuple[ConferenceData | None, Diagnostics] | None = None,
) -> None:
    """Build into a fresh folder beside ``site_dir`` and swap it in only when all went well.

    A failed build leaves the previous site untouched, byte for byte. ``validated`` is what
    ``load_and_validate(data_dir)`` already returned, so the plugin does not load it twice.
    """
    if data_dir is not None:
        os.environ[DATA_DIR_ENV] = str(data_dir.resolve())
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        from mkdocs.commands.build import build

        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        if validated is not None and data_dir is not None:
            for plugin in config.plugins.values():
                if isinstance(plugin, ConferencePlugin):
                    plugin.validated = (data_dir.resolve(), *validated)
        build(config)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, site_dir)


def _swap_in(staging: Path, site_dir: Path) -> None:
    retired = None
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        retired.rmdir()
        site_dir.rename(retired)
    staging.rename(site_dir)
    staging_mode = 0o755
    site_dir.chmod(staging_mode)  # mkdtemp makes 0700; a web server must be able to read it
    if retired is not None:
        _remove_in_background(retired)


def _interrupt(signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def _remove_in_background(folder: Path) -> None:
    """Delete the retired site without making the build wait for it.

    Unlinking the ~60,000 files of a 10,000-paper site takes seconds; the new site is already
    in place, so a detached process does it. Where fork is missing it is done here.
    """
    if not hasattr(os, "fork"):
        shutil.rmtree(folder, ignore_errors=True)
        return
    child = os.fork()
    if child == 0:  # the child forks the remover and exits at once, so none is left a zombie
        try:
            if os.fork() == 0:
                os.setsid()
                quiet = os.open(os.devnull, os.O_RDWR)  # let go of the caller's pipes
                for stream in (0, 1, 2):
                    os.dup2(quiet, stream)
                shutil.rmtree(folder, ignore_errors=True)
        finally:
            os._exit(0)
    os.waitpid(child, 0)


def serve_site(config_file: Path, data_dir: Path | None, dev_addr: str | None) -> None:
    """A live preview: MkDocs' live-reload server over a site kept current (``_LiveSite``)."""
    if data_dir is not None:
        os.environ[DATA_DIR_ENV] = str(data_dir.resolve())
    _LiveSite(config_file, dev_addr).serve()


@dataclass
class _Build:
    folder: Path
    config: MkDocsConfig
    plugin: ConferencePlugin
    papers: live.PapersFile | None
    """papers.yaml as this build read it, to apply edits of one paper to (None: cannot)."""
    changes: int
    """How many changes the live site had seen when this build read the data."""


class _LiveSite:
    """``confsite serve``: the site built once, then kept current as files change.

    An edit inside one paper of papers.yaml is written at once (generator/live.py): the
    paper's page and downloads and its authors' and session's pages, through the frames of
    the current build, in a fraction of a second at 5,000 papers. A full build then brings
    the lists (program, proceedings, A-Z) up to date in the background, and is swapped in
    when it is done (the served folder is a symlink, so the swap is atomic) unless anything
    changed meanwhile, in which case it builds again. Any other change (another data
    file, site_src/, mkdocs.yml) is a full build while browsers wait, as with ``mkdocs serve``.
    """

    POLL_SECONDS = 0.1
    """How often watched files are checked (MkDocs' default of 0.5 s is most of a second)."""

    def __init__(self, config_file: Path, dev_addr: str | None) -> None:
        self.config_file = config_file
        self.options = {"dev_addr": dev_addr} if dev_addr else {}
        self.work = Path(tempfile.mkdtemp(prefix="confsite-serve-"))
        self.served = self.work / "site"
        self.signal = self.work / "signal"
        """A background build writes here when done: the server's watcher then runs the
        builder, which swaps it in."""
        self.signal.mkdir()
        self.builds = 0
        self.changes = 0
        self.partial = False
        """Whether quick edits wait for a full build to bring the lists up to date."""
        self.current: _Build | None = None
        self.finished: _Build | None = None
        self.background: threading.Thread | None = None
        self.lock = threading.Lock()
        self.inputs: dict[str, tuple[int, int]] = {}
        config = load_config(str(config_file), site_dir=str(self.work / "unused"), **self.options)
        self.host, self.port = config.dev_addr
        mount = urlsplit(config.site_url or "/").path
        self.mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
        self.url = f"http://{self.host}:{self.port}{self.mount}"
        plugin = next(p for p in config.plugins.values() if isinstance(p, ConferencePlugin))
        self.data_dir = plugin.resolve_data_dir(config)
        self.watched = [
            Path(config.docs_dir),
            Path(config.config_file_path or config_file),
            *(Path(path) for path in config.watch),
            self.data_dir,
        ]

    def serve(self) -> None:
        from mkdocs.livereload import LiveReloadServer

        jobs = os.environ.get(parallel.JOBS_ENV)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)  # stopped by a supervisor: clean up too
        try:
            self.inputs = self._fingerprint()
            self._swap_in(self._full_build())
            # Later builds run while the server's threads do: no forking from here on.
            os.environ[parallel.JOBS_ENV] = "1"
            server = LiveReloadServer(
                builder=self.builder,
                host=self.host,
                port=self.port,
                root=str(self.served),
                mount_path=self.mount,
                polling_interval=self.POLL_SECONDS,
            )
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
            if jobs is None:
                os.environ.pop(parallel.JOBS_ENV, None)
            else:
                os.environ[parallel.JOBS_ENV] = jobs
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
        papers = str(self.data_dir / live.PAPERS_FILE)
        if changed == {papers} and current.papers is not None:
            started = time.perf_counter()
            edit = current.papers.apply()
            if edit is not None:
                current.plugin.write_edit(edit, current.config)
                self.partial = True
                log.info(
                    "Paper '%s' updated in %.0f ms; the lists follow from a full rebuild in "
                    "the background",
                    edit.paper.id,
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
        from mkdocs.commands.build import build

        with self.lock:
            self.builds += 1
            folder = self.work / f"build-{self.builds}"
            changes = self.changes
        # papers.yaml as the build is about to read it: quick edits are applied to this text.
        text = live.PapersFile.snapshot(self.data_dir)
        try:
            config = load_config(str(self.config_file), site_dir=str(folder), **self.options)
            config.site_url = self.url
            build(config, serve_url=self.url)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        plugin = next(p for p in config.plugins.values() if isinstance(p, ConferencePlugin))
        papers = None
        unchanged = text is not None and live.PapersFile.snapshot(self.data_dir) == text
        if plugin.data is not None and text is not None and unchanged:  # not edited meanwhile
            papers = live.PapersFile(self.data_dir, text, plugin.data)
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
        link = self.work / "site.new"
        link.unlink(missing_ok=True)
        link.symlink_to(build.folder, target_is_directory=True)
        link.replace(self.served)  # atomic: a request sees the old site or the new one
        previous, self.current = self.current, build
        if previous is not None and previous.folder != build.folder:
            # A thread, not _remove_in_background: no forking while the server's threads run.
            threading.Thread(
                target=shutil.rmtree, args=(previous.folder, True), daemon=True
            ).start()


__all__ = ["Abort", "ConferencePlugin", "PluginError", "build_site", "serve_site"]
