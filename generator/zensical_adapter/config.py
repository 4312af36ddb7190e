"""Zensical's configuration, made from the project's mkdocs.yml.

mkdocs.yml stays the one place for the site's look and navigation; this writes what Zensical
needs from it into the staged folder (as mkdocs.yml, which Zensical reads in the same
format): the theme (``variant: classic``, Material's look, with the project's overrides),
extra CSS and JavaScript plus the site's own assets, the nav, the Markdown extensions plus
toc.py, and the site's name, address and description from data/conference.yaml. The
``conference`` plugin is left out: the staged folder already holds what it would generate.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from generator import build_cache, reproducible, site_common
from generator.options import BuildOptions
from generator.outputs import SiteFacts

EXTENSION = "generator.zensical_adapter.toc"
"""toc.py, as Python-Markdown imports it by name."""
KEPT = (
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "repo_url",
    "repo_name",
    "use_directory_urls",
    "nav",
    "extra",
    "extra_css",
    "extra_javascript",
    "markdown_extensions",
)
"""mkdocs.yml's settings that Zensical reads as MkDocs does."""
PLUGIN = "conference"


class ConfigError(Exception):
    """mkdocs.yml cannot be read, or lacks what the build needs (the message says which)."""


@dataclass(frozen=True)
class Project:
    """What the Zensical builder reads from a project's mkdocs.yml."""

    config_file: Path
    settings: dict[str, Any]
    plugin: dict[str, Any]
    """The ``conference`` plugin's settings (data_dir, jobs, frames, page_budget)."""

    @property
    def root(self) -> Path:
        return self.config_file.resolve().parent

    @property
    def source(self) -> Path:
        """The hand-written pages' folder (docs_dir)."""
        return self.root / str(self.settings.get("docs_dir") or "docs")

    @property
    def theme(self) -> dict[str, Any]:
        theme = self.settings.get("theme") or {}
        return dict(theme) if isinstance(theme, dict) else {"name": str(theme)}

    def options(self, given: dict[str, Any]) -> BuildOptions:
        """The build's options: the plugin's settings in mkdocs.yml, under those ``given``."""
        plugin = self.plugin
        known = {"data_dir", "jobs", "frames", "page_budget", "cache", "cache_dir"}
        unknown = sorted(set(plugin) - known)
        if unknown:
            raise ConfigError(
                f"{self.config_file}: error: the conference plugin has no setting "
                f"{', '.join(unknown)} (known: {', '.join(sorted(known))})"
            )
        settings: dict[str, Any] = {
            "data_dir": self.root / str(plugin.get("data_dir", "data")),
            "build_date": reproducible.requested_epoch(),
            "language": str(self.theme.get("language") or "en"),
        }
        settings.update(
            {key: plugin[key] for key in ("jobs", "frames", "page_budget") if key in plugin}
        )
        if plugin.get("cache", True):
            folder = plugin.get("cache_dir", build_cache.DEFAULT_FOLDER)
            settings["cache_dir"] = self.root / str(folder)
        settings.update(given)
        try:
            return BuildOptions(**settings)
        except (TypeError, ValueError) as error:
            raise ConfigError(
                f"{self.config_file}: error: the conference plugin's settings: {error}"
            ) from None


def read_project(config_file: Path) -> Project:
    """The project's mkdocs.yml, or a ``ConfigError`` that says what is wrong with it."""
    try:
        settings = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise ConfigError(f"{config_file}: error: cannot read it: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ConfigError(
            f"{config_file}:{line}: error: not YAML the Zensical builder reads ({error}); "
            "it reads plain YAML, without !!python tags"
        ) from None
    if not isinstance(settings, dict):
        raise ConfigError(f"{config_file}:1: error: expected a mapping of settings")
    for entry in settings.get("plugins") or []:
        if entry == PLUGIN:
            return Project(config_file, settings, {})
        if isinstance(entry, dict) and PLUGIN in entry:
            return Project(config_file, settings, dict(entry[PLUGIN] or {}))
    raise ConfigError(
        f"{config_file}: error: does not use the conference plugin, so no conference page "
        "would be built; add it under plugins: (`- conference: {data_dir: data}`)"
    )


def theme_view(project: Project) -> _ThemeView:
    """The theme's settings as the colour lookup reads them (generator/mkdocs_adapter/offline):
    mkdocs.yml's, with Material's theme folder to find the palette's colours in (Zensical's
    classic variant is Material's palette; found by path, nothing of it is imported)."""
    spec = importlib.util.find_spec("material")
    found = (spec.submodule_search_locations if spec else None) or []
    return _ThemeView(project.theme, [Path(folder) / "templates" for folder in found])


class _ThemeView(dict[str, Any]):
    def __init__(self, settings: dict[str, Any], dirs: list[Path]) -> None:
        super().__init__(settings)
        self.dirs = [str(folder) for folder in dirs]


def zensical_config(
    project: Project,
    site: SiteFacts | None,
    colour: str,
    generated: Container[str] = (),
    nav_moves: dict[str, str] | None = None,
) -> str:
    """The staged configuration's text (JSON, which is YAML), for docs/ and site/ beside it;
    ``generated``: the uris of the core's files (the translated words of the scripts among
    them are linked, site_common.linked_assets); ``nav_moves``: in a series, the nav's pages
    at the current edition's addresses, as the MkDocs plugin moves them."""
    settings = project.settings
    config: dict[str, Any] = {key: settings[key] for key in KEPT if key in settings}
    if nav_moves and "nav" in config:
        config["nav"] = site_common.moved_nav(config["nav"], nav_moves)
    # Zensical's templates print the name and description as Material's do: escaped here.
    config["site_name"] = str(escape(site.name)) if site else settings.get("site_name", "")
    if site:
        config.setdefault("site_url", site.url)
        config.setdefault("site_description", str(escape(site.description)))
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    theme = project.theme
    theme["variant"] = "classic"  # Material's look, not Zensical's new one
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((project.root / str(theme["custom_dir"])).resolve())
    config["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra.setdefault("theme_color", colour)
    extra["confsite_engine"] = "zensical"  # overrides/main.html: the search is Zensical's
    config["extra"] = extra
    css = list(config.get("extra_css") or [])
    scripts = list(config.get("extra_javascript") or [])
    for asset in site_common.linked_assets(generated):
        if asset.endswith(".css") and asset not in css:
            css.append(asset)
        if asset.endswith(".js") and asset not in scripts:
            scripts.append(asset)
    config["extra_css"], config["extra_javascript"] = css, scripts
    extensions = list(config.get("markdown_extensions") or [])
    config["markdown_extensions"] = [*extensions, EXTENSION]
    config["plugins"] = [
        entry
        for entry in settings.get("plugins") or []
        if entry != PLUGIN and not (isinstance(entry, dict) and PLUGIN in entry)
    ]
    return json.dumps(config, indent=2, ensure_ascii=False) + "\n"
