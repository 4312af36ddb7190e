"""The MkDocs hooks: the ``conference`` plugin that mkdocs.yml names.

It runs the core build (``generator.build``) when MkDocs loads its configuration, hands the
few list pages and their downloads to MkDocs in memory, writes the thousands of paper, author
and session pages through frames once MkDocs has read its own pages (``framed.py``), and turns
diagnostics into MkDocs log lines and a failed build.

Its settings (mkdocs.yml ``conference: {data_dir: data, jobs: 1, frames: false,
page_budget: 200000, cache: true, cache_dir: .cache/plugin/conference}``) become the build's
``BuildOptions``; ``confsite build`` and ``serve`` put their flags over them (``given``)
before MkDocs starts.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator import (
    build_cache,
    frame,
    live,
    mathml,
    offline,
    parallel,
    reproducible,
    search,
    site_common,
    writing,
)
from generator.build import render_outputs
from generator.diagnostics import Diagnostics, Severity
from generator.mkdocs_adapter import offline as theme_offline
from generator.mkdocs_adapter.framed import FramedWriter, Listed, Renderer
from generator.options import DEFAULTS, BuildOptions
from generator.outputs import BuildResult, GeneratedPage, Stream
from generator.paging import DEFAULT_BUDGET
from generator.series.load import SiteData, load_site

log = logging.getLogger("mkdocs.plugins.conference")

Written = tuple[list[search.Entry], list[Listed]]
"""What writing some pages left for later: their search entries and sitemap listings."""


class ConferencePluginConfig(base.Config):
    data_dir = c.Type(str, default="data")
    """The data folder, relative to mkdocs.yml."""
    jobs = c.Optional(c.Type(int))
    """Processes that may render at once (1: this one only); unset: one per CPU, at most two."""
    frames = c.Type(bool, default=True)
    """False: every generated page through the theme one by one (slow; for comparisons)."""
    page_budget = c.Type(int, default=DEFAULT_BUDGET)
    """Bytes of content per page before a list is split into pages."""
    cache = c.Type(bool, default=True)
    """False: every edition rendered anew, none replayed from the build cache."""
    cache_dir = c.Type(str, default=build_cache.DEFAULT_FOLDER)
    """The build cache's folder, relative to mkdocs.yml (generator/build_cache.py)."""


class ConferencePlugin(BasePlugin[ConferencePluginConfig]):
    """Generates the conference pages from the data folder."""

    def __init__(self) -> None:
        self.given: dict[str, Any] = {}
        """Options from the command line (``BuildOptions`` field names), over mkdocs.yml's."""
        self.validated: tuple[Path, SiteData | None, Diagnostics] | None = None
        """Set by ``confsite build`` when it already validated the data folder (resolved
        path, model, diagnostics): the first build uses it instead of loading it again."""
        self.options = DEFAULTS
        self.epoch = 0
        """The build date this build stamps (``SOURCE_DATE_EPOCH`` while it runs)."""
        self.result = BuildResult()
        self.pages: dict[str, GeneratedPage] = {}
        """Generated pages MkDocs builds (and any being rendered by ``Renderer``), by uri."""
        self.framed: dict[str, GeneratedPage] = {}
        """List pages written through a frame instead (generator/frame.py), by uri."""
        self.site: SiteData | None = None
        """The model this build rendered, one edition's or a series' (``confsite serve``
        applies later edits to it)."""
        self.nav: Navigation | None = None
        self.renderer: Renderer | None = None
        """MkDocs' page steps with this build's files, nav and theme (kept for later edits)."""
        self.written: list[Written] = []
        self.search_entries: list[search.Entry] = []
        """Search entries of the pages MkDocs renders (hand-written and list pages)."""
        self.search_index: search.SearchIndex | None = None
        self.serving = False
        """A live preview (``mkdocs serve``, ``confsite serve``): no service worker. (Not
        told by an ``on_startup`` hook: MkDocs keeps a plugin that has one from build to
        build, and with it everything a build left in it.)"""
        self.build_date = ExitStack()
        """Holds ``SOURCE_DATE_EPOCH`` from on_config to the end of the build (``end_build``)."""

    def build_options(self, config: MkDocsConfig) -> BuildOptions:
        """The options of this build: mkdocs.yml's settings, under those ``given``."""
        base_dir = Path(config.config_file_path or ".").resolve().parent
        try:
            options = BuildOptions(
                data_dir=base_dir / self.config.data_dir,
                jobs=self.config.jobs,
                frames=self.config.frames,
                page_budget=self.config.page_budget,
                cache_dir=base_dir / self.config.cache_dir if self.config.cache else None,
                build_date=reproducible.requested_epoch(),
                language=str(config.theme.get("language") or "en"),
            )
            return replace(options, **self.given)
        except ValueError as error:
            raise PluginError(f"the conference plugin's settings: {error}") from None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.options = options = self.build_options(config)
        self.serving = theme_offline.serving(config)
        validated, self.validated = self.validated, None  # serve's rebuilds read the data anew
        if validated is None or validated[0] != options.data_dir.resolve():
            validated = (options.data_dir, *load_site(options.data_dir))
        self.site = validated[1]
        self.search_entries = []
        # Paper, author and session pages and their downloads stay streams: on_env writes each
        # through its frame as it is rendered (unless frames are off).
        self.result = render_outputs(validated[1], validated[2], options, streamed=True)
        # Sitemap dates from the data, not the clock; back as they were when the build ends.
        self.epoch = reproducible.build_epoch(options.build_date, options.data_dir)
        self.build_date.enter_context(reproducible.pinned_build_date(self.epoch))
        for diagnostic in self.result.diagnostics.sorted():
            if diagnostic.severity is Severity.ERROR:
                log.error(str(diagnostic))
            else:
                log.warning(str(diagnostic))
        errors = len(self.result.diagnostics.errors)
        if errors:
            raise PluginError(
                f"{errors} error(s) in the conference data in {options.data_dir}; fix them and "
                "build again (`confsite check` lists them)"
            )
        if self.result.from_cache:
            log.info("Replayed from the build cache: %s", ", ".join(self.result.from_cache))
        if not options.frames:
            parallel.collect(self.result, options.jobs)  # every page and file through MkDocs
        self.pages = {page.uri: page for page in self.result.pages}
        self.framed = {}
        if options.frames:
            self.framed = {page.uri: page for page in self.result.pages if frame.framed_path(page)}
        site = self.result.site
        if site:
            # The conference facts live in data/conference.yaml, not twice in mkdocs.yml.
            # MkDocs renders themes without autoescaping and Material prints site_name and
            # descriptions raw: data reaches the theme as escaped Markup (which `| e` keeps).
            config.site_name = escape(site.name)
            config.site_url = config.site_url or site.url
            config.site_description = config.site_description or escape(site.description)
        if self.result.nav_moves:  # a series: the nav follows the current edition
            config.nav = site_common.moved_nav(config.nav, self.result.nav_moves)
        # The theme's colour, for the manifest and overrides/main.html's theme-color.
        config.extra.setdefault("theme_color", theme_offline.theme_colour(config.theme))
        for asset in site_common.linked_assets({made.uri for made in self.result.files}):
            if asset.endswith(".css") and asset not in config.extra_css:
                config.extra_css.append(asset)
            if asset.endswith(".js") and asset not in map(str, config.extra_javascript):
                config.extra_javascript.append(asset)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        folder = _source_folder(config)

        def add(uri: str, content: str | bytes, in_nav: bool = True) -> None:
            site_common.refuse_collision(uri, files.src_uris, folder)
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))

        with _collisions_fail_the_build():
            for uri in self.framed:  # not MkDocs pages: on_env writes them through a frame
                site_common.refuse_collision(uri, files.src_uris, folder)
            for page in self.result.pages:
                if page.uri not in self.framed:
                    add(page.uri, site_common.front_matter(page), page.in_nav)
            for generated in self.result.files:
                add(generated.uri, generated.content, in_nav=False)
            for uri, source in site_common.packaged_assets():
                add(uri, source.read_bytes(), False)
            add(offline.REGISTRATION, offline.registration_script(not self.serving), False)
            if self.result.site and self.result.offline:
                language = str(config.theme.get("language") or "en")
                colour = str(config.extra["theme_color"])
                site, plan = self.result.site, self.result.offline
                for made in offline.app_files(site, plan, colour, language):
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
                page.meta[key] = Markup(page.meta[key])  # escaped in front_matter
        return ""

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        head = generated.head if generated else self.result.heads.get(page.file.src_uri, "")
        if head:
            page.meta[site_common.HEAD_META] = Markup(head)  # the core rendered and escaped it
        if generated is not None:
            page.toc = get_toc(_toc_tokens(generated))
            return generated.html
        html = mathml.from_arithmatex(html)  # hand-written pages: their math as MathML too
        fragment = self.result.fragments.get(page.file.src_uri)
        return html if fragment is None else site_common.insert_facts(html, fragment)

    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        generated = self.pages.get(page.file.src_uri)
        excluded = (page.meta.get("search") or {}).get("exclude") is True
        if (generated.search if generated else not excluded) and page.content is not None:
            record = generated.search_record if generated else None
            # The core's title where it made the page (the nav may name it shorter).
            title = generated.title if generated else str(page.title or "")
            self.search_entries += search.entries_of(page.url, title, page.content, record)
        return context

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    @event_priority(-100)  # the environment as every other plugin left it
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # MkDocs has read every page of its own and is about to write: the pages it does not
        # build are written now, so the sitemap it renders next can list them.
        assert self.nav is not None
        self.renderer = Renderer(config, files, self.nav, env, self.pages, _source_folder(config))
        with _collisions_fail_the_build():
            self.written = self._write_generated_pages(self.renderer)
        return env

    def _write_generated_pages(self, renderer: Renderer) -> list[Written]:
        eager = FramedWriter(renderer)
        for page in self.framed.values():
            eager.page(page)

        def write(stream: Stream) -> Written:
            writer = FramedWriter(renderer)
            stream(writer)
            return writer.entries, writer.listed

        streams, self.result.streams = self.result.streams, []
        # Everything so far (the model, MkDocs' pages) lives while the pages render: keep the
        # cycle collector from rescanning it again and again meanwhile, and a forked child
        # from copying it by touching it. Unfrozen after, so a long `confsite serve` can
        # still collect each finished build.
        gc.freeze()
        try:
            written = parallel.run_streams(streams, write, self.options.jobs)
        finally:
            gc.unfreeze()
        return [(eager.entries, eager.listed), *written]

    def on_template_context(self, context: Any, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == "sitemap.xml":  # MkDocs' sitemap lists the pages written outside it
            listed = [_SitemapFile.of(page) for _, found in self.written for page in found]
            context["pages"] = [*context["pages"], *listed]
        return context

    @event_priority(-100)  # after every other plugin's writing
    def on_post_build(self, config: MkDocsConfig) -> None:
        entries = [entry for found, _ in self.written for entry in found]
        self._hand_over_search_entries(config, entries, edit=False)
        if not self.serving and self.result.offline:
            self._write_service_worker(config)
        self.end_build()

    def _write_service_worker(self, config: MkDocsConfig) -> None:
        """sw.js, last: it lists what the built pages load, and the build's version."""
        assert self.result.offline is not None
        site_dir = Path(config.site_dir)
        inputs = theme_offline.version_inputs(config, self.options.data_dir)
        version = offline.build_version(*inputs)
        assets = theme_offline.built_assets(site_dir)
        text = offline.service_worker(self.result.offline, version, assets)
        writing.FileWriter().write(site_dir / offline.SERVICE_WORKER, text.encode("utf-8"))

    def on_build_error(self, error: Exception) -> None:
        self.end_build()

    def end_build(self) -> None:
        """Put ``SOURCE_DATE_EPOCH`` back as it was before this build (again: no effect)."""
        self.build_date.close()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.options.data_dir))
        return server

    def write_edit(self, edit: live.PaperEdit) -> None:
        """Write what an edit of one paper changes first into this build's site; in a series,
        under its edition's address (the series' person pages follow with the next build)."""
        assert self.renderer is not None and self.site is not None
        writer = FramedWriter(self.renderer)
        options = self.options
        with reproducible.pinned_build_date(self.epoch), _collisions_fail_the_build():
            self.site = live.render_edit(
                self.site, edit, writer, options.page_budget, options.language
            )
        self._hand_over_search_entries(self.renderer.config, writer.entries, edit=True)

    def _hand_over_search_entries(
        self, config: MkDocsConfig, entries: list[search.Entry], edit: bool
    ) -> None:
        """The one place the search entries reach the site's index (generator/search): at the
        end of a build, every page's, the index written whole; after an edit, the entries of
        the pages it rewrote replace theirs."""
        folder = Path(config.site_dir) / "search"
        if edit:
            if self.search_index is not None:
                self.search_index.replace(entries, folder)
            return
        self.search_index = search.SearchIndex([*self.search_entries, *entries])
        self.search_index.write(folder)


@dataclass(frozen=True)
class _SitemapPage:
    """A page written outside MkDocs, as MkDocs' sitemap.xml template reads ``file.page``."""

    canonical_url: str
    abs_url: str
    update_date: str
    is_link: bool = False


@dataclass(frozen=True)
class _SitemapFile:
    page: _SitemapPage

    @classmethod
    def of(cls, listed: Listed) -> _SitemapFile:
        return cls(_SitemapPage(listed.url, listed.url, listed.update_date))


def _source_folder(config: MkDocsConfig) -> str:
    """The hand-written pages' folder as written in mkdocs.yml's folder ('site_src')."""
    base_dir = Path(config.config_file_path or ".").resolve().parent
    return Path(os.path.relpath(config.docs_dir, base_dir)).as_posix()


@contextmanager
def _collisions_fail_the_build() -> Iterator[None]:
    try:
        yield
    except site_common.HandWrittenCollision as collision:
        raise PluginError(str(collision)) from None


def _toc_tokens(page: GeneratedPage) -> list[Any]:
    """The page's contents list as MkDocs' ``get_toc`` takes it (h3 nested under h2)."""
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
