"""The site offline: a web app manifest, its icons and a service worker (``assets/sw.js``).

The core plans what must open without a network (``OfflinePlan``: the program with its day
pages, the personal agenda and its data, the home page), from the same paths the pages are
rendered at; a site builder adds its theme's assets and a *build version*, and writes the
files ``offline_files`` returns. Every page a visitor opens is kept too, by the worker.

The version names the worker's cache, so a new deploy replaces the old cache. It is a hash of
the build's inputs (``build_version``), not of the clock: the same inputs give the same
``sw.js``, byte for byte, and any change to the data, the hand-written pages, the
configuration or the generator gives a new one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from generator.exporters import manifest
from generator.outputs import GeneratedFile, OfflinePlan, SiteFacts

SERVICE_WORKER = "sw.js"
"""At the site's root: a worker controls the pages at and below its own folder."""
REGISTRATION = "assets/confsite/offline.js"
"""The script every page loads to register the worker."""
VERSION_LENGTH = 16
"""Hex digits of the build version (64 bits: no two builds of one site collide)."""


def plan(
    program: str, agenda: str, also: Iterable[str], words: dict[str, str] | None = None
) -> OfflinePlan:
    """The plan for a site whose program and agenda pages are at ``program`` and ``agenda``,
    with ``also`` (the program's other parts, the agenda's data) kept as well; ``words``: the
    offline page in the site's language (``OfflinePlan.words``)."""
    pages = dict.fromkeys(("", program, agenda, *also))  # in order, each once
    return OfflinePlan(program, agenda, tuple(pages), tuple(sorted((words or {}).items())))


def build_version(inputs: Iterable[Path], facts: Iterable[str] = ()) -> str:
    """A hash of every file under ``inputs`` (paths and bytes, in name order) and ``facts``
    (versions of the tools); the same inputs give the same version."""
    digest = hashlib.blake2b(digest_size=VERSION_LENGTH // 2)
    for fact in facts:
        digest.update(f"{fact}\0".encode())
    for root in inputs:
        files = [root] if root.is_file() else sorted(_input_files(root))
        for path in files:
            name = path.name if path == root else path.relative_to(root).as_posix()
            digest.update(f"{name}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


class _Loads(HTMLParser):
    """The stylesheets, scripts and icons a page's HTML loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        rel = (values.get("rel") or "").split()
        if tag == "script" and values.get("src"):
            self.found.append(values["src"] or "")
        elif tag == "link" and {"stylesheet", "icon", "manifest"} & set(rel):
            self.found.append(values.get("href") or "")


def page_assets(html: str, page: str = "") -> list[str]:
    """What a built page at ``page`` (a path from the site's root, '' for the home page)
    loads from the site itself, as paths from the root: the theme's assets, which every page
    shares. Addresses elsewhere (another host, a data: URL) are left out."""
    parser = _Loads()
    parser.feed(html)
    base = "https://site.invalid/" + page
    found = []
    for link in parser.found:
        url = urljoin(base, link)
        if url.startswith("https://site.invalid/"):
            found.append(urlsplit(url).path[1:])
    return sorted(set(found))


def _input_files(root: Path) -> Iterable[Path]:
    """The files under ``root`` that are inputs: not hidden files, not Python's byte code
    (it records modification times, so each checkout would give another version)."""
    for path in root.rglob("*"):
        parts = path.relative_to(root).parts
        if path.is_file() and not any(p.startswith(".") or p == "__pycache__" for p in parts):
            yield path


def _asset(name: str) -> str:
    return (resources.files("generator") / "assets" / name).read_text(encoding="utf-8")


def service_worker(offline: OfflinePlan, version: str, assets: Iterable[str]) -> str:
    """``sw.js``: the worker with the build's version, the pages to keep and the theme's
    ``assets`` (paths from the site's root) filled in."""
    site: dict[str, object] = {
        "version": version,
        "program": offline.program,
        "agenda": offline.agenda,
        "pages": list(offline.pages),
        "assets": sorted(set(assets)),
    }
    if offline.words:
        site["words"] = dict(offline.words)
    return _asset("sw.js").replace('"@SITE@"', json.dumps(site, ensure_ascii=False), 1)


def registration_script(enabled: bool) -> str:
    """``offline.js``; not ``enabled`` (a live preview), it removes a worker instead."""
    return _asset("offline.js").replace('"@OFFLINE@"', "true" if enabled else "false", 1)


def app_files(
    site: SiteFacts, offline: OfflinePlan, colour: str, language: str = "en"
) -> list[GeneratedFile]:
    """The manifest and its icons, for a site in the theme's ``colour``; the app opens on the
    program."""
    text = manifest.manifest(
        site.name, site.name, site.description, offline.program, colour, language
    )
    files = [GeneratedFile(manifest.MANIFEST_FILE, text)]
    files += [
        GeneratedFile(manifest.icon_file(size), manifest.icon_png(size, colour))
        for size in manifest.ICON_SIZES
    ]
    return files
