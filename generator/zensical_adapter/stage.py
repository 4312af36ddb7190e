"""The source folder Zensical builds: the core's output written out as plain files.

Generated pages become ``docs/<uri>``: front matter (escaped title and description, search
off, the finished head tags under ``confsite_head`` for overrides/main.html), a first line
with the contents list for toc.py, then the core's HTML body. Hand-written pages are copied
with their head tags added and the generated facts put into the home page; downloads, the
site's assets and the app files are copied as they are. Streams are written as they render,
so the 10,000-paper site never sits in memory whole.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator import offline, parallel, search, site_common
from generator.options import BuildOptions
from generator.outputs import BuildResult, GeneratedFile, GeneratedPage, Stream
from generator.zensical_adapter.toc import toc_line

FRONT = "---\n"


def page_url(uri: str) -> str:
    """Where a page is served, as MkDocs writes ``page.url`` with directory URLs
    ('papers/p1/index.md' -> 'papers/p1/', 'index.md' -> '', 'about.md' -> 'about/')."""
    if uri == "index.md" or uri.endswith("/index.md"):
        return uri.removesuffix("index.md")
    return uri.removesuffix(".md") + "/"


@dataclass
class FolderSink:
    """A sink that writes each page and file into the staged docs folder at once, keeping
    only the page's search entries (the site's own index, generator/search)."""

    docs: Path
    hand_written: frozenset[str]
    source_folder: str
    entries: list[search.Entry] = field(default_factory=list)

    def page(self, page: GeneratedPage) -> None:
        site_common.refuse_collision(page.uri, self.hand_written, self.source_folder)
        text = site_common.front_matter(page, head=True) + toc_line(page.toc) + "\n\n"
        self._write(page.uri, text + page.html + "\n")
        if page.search:
            url = page_url(page.uri)
            self.entries += search.entries_of(url, page.title, page.html, page.search_record)

    def file(self, file: GeneratedFile) -> None:
        site_common.refuse_collision(file.uri, self.hand_written, self.source_folder)
        self._write(file.uri, file.content)

    def asset(self, uri: str, content: str | bytes) -> None:
        self._write(uri, content)

    def _write(self, uri: str, content: str | bytes) -> None:
        path = self.docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)


def stage(
    result: BuildResult,
    options: BuildOptions,
    source: Path,
    docs: Path,
    colour: str,
) -> list[search.Entry]:
    """Write the whole source folder into ``docs`` (empty); the generated pages' search
    entries back. ``source``: the hand-written pages' folder (mkdocs.yml's docs_dir)."""
    shutil.copytree(source, docs, dirs_exist_ok=True)
    hand_written = frozenset(
        path.relative_to(source).as_posix() for path in source.rglob("*") if path.is_file()
    )
    for uri in sorted(hand_written):
        if uri.endswith(".md"):
            _complete_hand_written(docs / uri, result.heads.get(uri, ""), result.fragments.get(uri))
    sink = FolderSink(docs, hand_written, source.name)
    for page in result.pages:
        sink.page(page)
    for made in result.files:
        sink.file(made)
    for uri, packaged in site_common.packaged_assets():
        sink.asset(uri, packaged.read_bytes())
    # No service worker on this engine (see docs/organizer-guide.md): the script that
    # registers one is the one that removes any left from an earlier build.
    sink.asset(offline.REGISTRATION, offline.registration_script(False))
    if result.site and result.offline:
        for made in offline.app_files(result.site, result.offline, colour, options.language):
            sink.asset(made.uri, made.content)

    def write(stream: Stream) -> list[search.Entry]:
        streamed = FolderSink(docs, hand_written, source.name)
        stream(streamed)
        return streamed.entries

    streams, result.streams = result.streams, []
    written = parallel.run_streams(streams, write, options.jobs)
    return [entry for found in [sink.entries, *written] for entry in found]


def _complete_hand_written(path: Path, head: str, fragment: str | None) -> None:
    """A hand-written page with its head tags in the front matter and the facts inserted."""
    if not head and fragment is None:
        return
    text = path.read_text(encoding="utf-8")
    meta: dict[str, object] = {}
    body = text
    if text.startswith(FRONT):
        end = text.find("\n---\n", len(FRONT) - 1)
        if end != -1:
            meta = yaml.safe_load(text[len(FRONT) : end + 1]) or {}
            body = text[end + len("\n---\n") :]
    if head:
        meta[site_common.HEAD_META] = head
    if fragment is not None:
        # A raw HTML block of its own: blank lines around it keep Markdown out of it.
        body = site_common.insert_facts(body, f"\n\n{fragment}\n\n")
    path.write_text(site_common.front_matter_of(meta) + body, encoding="utf-8")
