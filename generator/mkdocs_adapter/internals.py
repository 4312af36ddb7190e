"""The one place that calls MkDocs' private API (pinned: ``mkdocs>=1.6.1,<1.7``).

A framed family's prototype, and any generated page that cannot be framed, must go through
exactly the steps MkDocs gives each of its own pages (every plugin's page hooks, the Markdown
run, the theme template, the write), or a framed page would differ from the page MkDocs makes.
MkDocs has no public call for that; ``_populate_page`` and ``_build_page`` of
``mkdocs.commands.build`` are those steps. If a release renames or changes them, only this
function changes, and the frame tests (tests/test_scale_frame.py) say whether it still holds.
"""

from __future__ import annotations

from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def build_page(page: Page, config: MkDocsConfig, files: Files, nav: Navigation, env: Any) -> None:
    """Read, convert, render and write ``page`` as MkDocs builds each page of its own."""
    _populate_page(page, config, files)
    _build_page(page, config, files.documentation_pages(), nav, env)
