"""``confsite build`` through MkDocs: one build into a staging folder, published atomically."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from generator import publish
from generator.diagnostics import Diagnostics
from generator.mkdocs_adapter.plugin import ConferencePlugin
from generator.series.load import SiteData

FAILURES = (Abort, PluginError)
"""What a failed MkDocs build raises (its message says why; the previous site is intact)."""


def conference_plugin(config: MkDocsConfig) -> ConferencePlugin:
    """The ``conference`` plugin of a loaded configuration (an error when mkdocs.yml has none)."""
    for plugin in config.plugins.values():
        if isinstance(plugin, ConferencePlugin):
            return plugin
    raise PluginError(
        f"{config.config_file_path} does not use the conference plugin, so no conference page "
        "would be built; add it under plugins: (`- conference: {data_dir: data}`)"
    )


def build_site(
    config_file: Path,
    site_dir: Path,
    strict: bool,
    given: Mapping[str, Any],
    validated: tuple[SiteData | None, Diagnostics] | None = None,
) -> None:
    """Build into a fresh folder beside ``site_dir`` and swap it in only when all went well.

    ``given``: options from the command line (``BuildOptions`` fields, ``data_dir`` resolved),
    over the plugin's settings in mkdocs.yml. ``validated`` is what ``load_site`` of
    that data folder already returned, so the plugin does not load it twice. A failed build
    leaves the previous site untouched, byte for byte.
    """
    with publish.staged(site_dir) as staging:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        plugin = conference_plugin(config)
        plugin.given = dict(given)
        if validated is not None and "data_dir" in given:
            plugin.validated = (Path(given["data_dir"]).resolve(), *validated)
        try:
            build(config)
        finally:
            plugin.end_build()  # also when interrupted, which MkDocs' error hook does not see
