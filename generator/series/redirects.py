"""Addresses that never break: an edition's pages moved under /<year>/, and the sink that
moves them (and leaves a redirect at each old address when the site was that edition).

GitHub Pages serves no redirects, so each old address gets a small static page: a meta
refresh, a canonical link to the new address, a plain link for anyone without either, and
noindex so that search engines index the new page only. Downloads (.bib, .ics, .xml) cannot
redirect that way: a copy stays at the old address (calendar subscriptions keep working).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from generator.outputs import GeneratedFile, GeneratedPage, Sink, Stream
from generator.urls import Urls


def served_path(uri: str) -> str:
    """Where a page's source uri is served: 'papers/p1/index.md' -> 'papers/p1/'."""
    folder = uri.removesuffix("index.md")
    return folder


def redirect_page(old: str, new: str, site_url: str) -> str:
    """The HTML left at the served path ``old`` for the page now at ``new``."""
    target = escape(Urls.for_path(old).to(new))
    canonical = escape(site_url + new)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        "<title>This page has moved</title>\n"
        '<meta name="robots" content="noindex">\n'
        # Else the browser asks for /favicon.ico, which the site has not got, before it moves on.
        '<link rel="icon" href="data:,">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>This page has moved to <a href="{target}">{canonical}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def redirect_file(page_uri: str, prefix: str, site_url: str) -> GeneratedFile:
    """The redirect at the old address of the page whose source uri was ``page_uri``."""
    old = served_path(page_uri)
    return GeneratedFile(f"{old}index.html", redirect_page(old, prefix + old, site_url))


@dataclass(frozen=True)
class Mover:
    """Moves an edition's pages and files under ``prefix`` ('2026/'); with ``site_url`` set,
    also leaves a redirect (or a copy, for a download) at each old address."""

    prefix: str
    site_url: str = ""

    def page(self, page: GeneratedPage) -> GeneratedPage:
        return replace(page, uri=self.prefix + page.uri)

    def file(self, file: GeneratedFile) -> GeneratedFile:
        return replace(file, uri=self.prefix + file.uri)

    def left_behind(
        self, pages: list[GeneratedPage], files: list[GeneratedFile]
    ) -> list[GeneratedFile]:
        """What stays at the old addresses: a redirect per page, a copy of each download."""
        if not self.site_url:
            return []
        return [
            *(redirect_file(p.uri, self.prefix, self.site_url) for p in pages),
            *files,
        ]

    def stream(self, stream: Stream) -> Stream:
        """``stream`` with every page and file it renders moved."""
        return lambda sink: stream(_MovingSink(self, sink))


@dataclass(frozen=True)
class _MovingSink:
    mover: Mover
    sink: Sink

    def page(self, page: GeneratedPage) -> None:
        self.sink.page(self.mover.page(page))
        for left in self.mover.left_behind([page], []):
            self.sink.file(left)

    def file(self, file: GeneratedFile) -> None:
        self.sink.file(self.mover.file(file))
        for left in self.mover.left_behind([], [file]):
            self.sink.file(left)
