"""What every site builder does with the core's output, whatever the engine: no MkDocs here.

The MkDocs adapter (generator/mkdocs_adapter/) uses these today; a builder for another engine
uses the same, so both sites get the same front matter, assets, home page facts and rule
against replacing a hand-written page.
"""

from __future__ import annotations

import json
from collections.abc import Container
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from markupsafe import escape

from generator import i18n, offline
from generator.outputs import GeneratedPage

FACTS_MARKER = "<!-- conference-facts -->"
"""Where the generated facts go in the hand-written home page (appended when absent)."""
HEAD_META = "confsite_head"
"""Page metadata key of the finished <head> HTML that overrides/main.html prints."""
ASSETS = (
    "assets/confsite/confsite.css",
    "assets/confsite/quality.js",
    "assets/confsite/schedule.css",
    "assets/confsite/schedule.js",
)
"""The site's own stylesheets and scripts (generator/assets/), linked from every page."""
WORKERS = ("assets/confsite/search-worker.js",)
"""Scripts of generator/assets/ served but not linked by pages (the search worker, which the
theme starts: overrides/main.html gives it the worker's address)."""
ASSET_FOLDERS: tuple[str, ...] = ()
"""Folders of generator/assets/ served whole under assets/<folder>/ (none now: math is MathML,
rendered when the site is built, generator/mathml.py)."""
ASSET_SUFFIXES = (".css", ".js", ".woff2")


class HandWrittenCollision(Exception):
    """A generated page or file would take the place of a hand-written one."""


def packaged_assets() -> list[tuple[str, Traversable]]:
    """(site uri, packaged file) of every asset the site serves: ``ASSETS``, ``WORKERS``, then each
    servable file of ``ASSET_FOLDERS`` in name order."""
    folder = resources.files("generator") / "assets"
    found = [(uri, folder / uri.rsplit("/", 1)[1]) for uri in (*ASSETS, *WORKERS)]

    def walk(entry: Traversable, uri: str) -> None:
        for child in sorted(entry.iterdir(), key=lambda e: e.name):
            if child.is_dir():
                walk(child, f"{uri}/{child.name}")
            elif child.name.endswith(ASSET_SUFFIXES):
                found.append((f"{uri}/{child.name}", child))

    for name in ASSET_FOLDERS:
        walk(folder / name, f"assets/{name}")
    return found


def linked_assets(generated: Container[str] = ()) -> list[str]:
    """The stylesheets and scripts every page links, in order: the site's own (with the
    translated words of its scripts first when the build wrote them: ``generated`` holds the
    uris of the core's files), the offline registration script (generator/offline.py), and
    those at the top of each asset folder (``assets/<folder>/<name>.css``, not what lies
    deeper, such as fonts)."""
    folders = [uri for uri, _source in packaged_assets() if uri not in (*ASSETS, *WORKERS)]
    own = [i18n.BROWSER_SCRIPT] if i18n.BROWSER_SCRIPT in generated else []
    linked = [*own, *ASSETS, offline.REGISTRATION, *(uri for uri in folders if uri.count("/") == 2)]
    return [uri for uri in linked if uri.endswith((".css", ".js"))]


def front_matter(page: GeneratedPage) -> str:
    """The page's YAML front matter: title, description, and search off (the site's own index,
    generator/search, holds the generated pages' entries)."""
    # Escaped here because Material prints page.meta.title and .description unescaped.
    meta: dict[str, Any] = {"title": str(escape(page.title))}
    if page.description:
        meta["description"] = str(escape(page.description))
    meta["search"] = {"exclude": True}
    # JSON is YAML, and json.dumps escapes whatever a title holds.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def insert_facts(html: str, fragment: str) -> str:
    """A hand-written page's HTML with the generated facts at ``FACTS_MARKER`` (or at the end)."""
    if FACTS_MARKER in html:
        return html.replace(FACTS_MARKER, fragment, 1)
    return html + fragment


def refuse_collision(uri: str, hand_written: Container[str], source_folder: str) -> None:
    """Raise ``HandWrittenCollision`` when ``uri`` is a hand-written file of ``source_folder``:
    a generated page or file must not replace it silently (MkDocs' ``Files.append`` would)."""
    if uri in hand_written:
        raise HandWrittenCollision(
            f"{source_folder}/{uri} is hand-written, but the generator makes that page too; "
            "rename or remove the hand-written file"
        )
