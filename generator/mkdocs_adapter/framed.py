"""Generated pages MkDocs does not build itself, written through frames as they are rendered.

The core's thousands of paper, author and session pages stay out of MkDocs' files: a
``FramedWriter`` (a ``Sink``) takes each as it is rendered. A page out of the nav in a folder
of its own gets the frame of its family (generator/frame.py): one prototype per family goes
through MkDocs' own page steps (every plugin hook, the theme), the rest is string filling, so
a framed page is what MkDocs would have written. Any other page, and every page of a family
whose frame cannot be cut, goes through those steps itself. The writer keeps each page's
compact search entry and sitemap listing for the plugin to hand over.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator import frame, search, site_common, writing
from generator.mkdocs_adapter.internals import build_page
from generator.outputs import GeneratedFile, GeneratedPage, TocEntry


@dataclass
class Renderer:
    """MkDocs' page steps for generated pages, with what the plugin's hooks gathered of this
    build (its files, nav and theme environment)."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any
    generated: dict[str, GeneratedPage]
    """The plugin's generated pages by source uri: its page hooks fill in a page found here
    (a page being rendered is put here for the time it takes)."""
    source_folder: str
    """The hand-written pages' folder as the organizer names it ('site_src'), for messages."""
    frames: dict[tuple[object, ...], tuple[frame.Frame | None, Page]] = field(default_factory=dict)
    """Frames cut in this process, by family (kept for the pages of later edits; a forked
    child adds to its own copy)."""

    def refuse_collision(self, uri: str) -> None:
        site_common.refuse_collision(uri, self.files.src_uris, self.source_folder)

    def render(self, page: GeneratedPage) -> tuple[str, Page]:
        """``page`` built by MkDocs and the theme exactly as a page of its own."""
        content = site_common.front_matter(page)
        inclusion = InclusionLevel.NOT_IN_NAV
        file = File.generated(self.config, page.uri, content=content, inclusion=inclusion)
        built = Page(None, file, self.config)
        self.generated[page.uri] = page
        try:
            build_page(built, self.config, self.files, self.nav, self.env)
        finally:
            self.generated.pop(page.uri, None)
        return Path(file.abs_dest_path).read_text(encoding="utf-8"), built

    def frame_of(self, page: GeneratedPage) -> tuple[frame.Frame | None, Page]:
        """The frame of ``page``'s family (None: it cannot be cut) and its prototype page."""
        key = frame.family_key(page)
        if key not in self.frames:
            self.frames[key] = self._prototype(page)
        return self.frames[key]

    def _prototype(self, page: GeneratedPage) -> tuple[frame.Frame | None, Page]:
        folder = page.uri.rsplit("/", 2)[0]
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


@dataclass(frozen=True)
class Listed:
    """Where a written page is, as the sitemap lists it."""

    url: str
    """Absolute URL (the canonical one when the site has a ``site_url``)."""
    update_date: str
    """The page's date as MkDocs gave it (the build date)."""


class FramedWriter:
    """Writes generated pages and files as they come (a ``Sink``), keeping their search
    entries and sitemap listings."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.files = writing.FileWriter()
        self.site_dir = Path(renderer.config.site_dir)
        self.entries: list[search.Entry] = []
        self.listed: list[Listed] = []

    def page(self, page: GeneratedPage) -> None:
        self.renderer.refuse_collision(page.uri)
        framed = frame.framed_path(page)
        if framed is None:
            _html, built = self.renderer.render(page)
            url, absolute = built.url, built.canonical_url or built.abs_url
        else:
            slug = framed[1]
            cut, proto = self.renderer.frame_of(page)
            if cut is None:
                self.renderer.render(page)  # written where MkDocs writes it
            else:
                html = cut.fill(frame.values_of(page))
                dest = proto.file.dest_uri.replace(frame.SLUG, slug)
                self._write(dest, html.encode("utf-8", errors="xmlcharrefreplace"))
            built = proto
            url = proto.url.replace(frame.SLUG, slug)
            absolute = (proto.canonical_url or proto.abs_url or "").replace(frame.SLUG, slug)
        if absolute:
            self.listed.append(Listed(absolute, built.update_date))
        if page.search:
            self.entries += search.entries_of(url, page.title, page.html, page.search_record)

    def file(self, file: GeneratedFile) -> None:
        self.renderer.refuse_collision(file.uri)
        content = file.content  # text as MkDocs writes a File's text
        self._write(file.uri, content if isinstance(content, bytes) else content.encode("utf-8"))

    def _write(self, dest_uri: str, content: bytes) -> None:
        self.files.write(self.site_dir / dest_uri, content)
