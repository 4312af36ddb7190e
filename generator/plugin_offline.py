"""What the offline files (generator/offline.py) need from a MkDocs + Material build.

The theme's colour for the manifest, the inputs that make the build version, and the assets
every page loads, read from the built home page. Kept apart from the plugin's hooks, which
only call these.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator import offline

DEFAULT_PRIMARY = "indigo"
"""Material's primary colour when the configuration names none."""
FALLBACK_COLOUR = "#4051b5"
"""Material's indigo, for a palette whose colour the theme's stylesheets do not define
(``custom``: the site's own CSS sets it)."""
MIXED = {"black": "#000000", "white": "#ffffff"}
"""Primary colours Material writes as hsla() of its hue: their plain value."""


def primary_name(theme: Any) -> str:
    """The primary colour the (first) palette names, as Material writes it in the page."""
    palette = theme.get("palette") if hasattr(theme, "get") else None
    if isinstance(palette, list):
        palette = palette[0] if palette else None
    name = palette.get("primary") if isinstance(palette, dict) else None
    return str(name or DEFAULT_PRIMARY).strip().lower().replace(" ", "-")


def theme_colour(theme: Any) -> str:
    """The primary colour's value in Material's palette stylesheet, as '#rrggbb'."""
    name = primary_name(theme)
    pattern = re.compile(
        rf"\[data-md-color-primary={re.escape(name)}\]\{{[^}}]*?"
        r"--md-primary-fg-color:#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})[;}]"
    )
    for folder in getattr(theme, "dirs", []):
        for sheet in sorted(Path(folder).glob("assets/stylesheets/palette.*.css")):
            match = pattern.search(sheet.read_text(encoding="utf-8"))
            if match:
                value = match.group(1).lower()
                return "#" + (value if len(value) == 6 else "".join(c * 2 for c in value))
    return MIXED.get(name, FALLBACK_COLOUR)


def serving(config: Any) -> bool:
    """Whether this is a live preview: ``mkdocs serve`` and ``confsite serve`` both point
    ``site_url`` at the development server before the build starts."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc in (f"{host}:{port}", f"[{host}]:{port}")


def version_inputs(config: Any, data_dir: Path) -> tuple[list[Path], list[str]]:
    """The build's inputs (data, hand-written pages, configuration, theme overrides, the
    generator itself) and the versions of the tools that render them."""
    generator = Path(offline.__file__).parent
    paths = [data_dir, Path(config.docs_dir), generator]
    if config.config_file_path:
        paths.append(Path(config.config_file_path))
    custom = config.theme.custom_dir if hasattr(config.theme, "custom_dir") else None
    if custom:
        paths.append(Path(custom))
    facts = []
    for package in ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown"):
        try:
            facts.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            facts.append(f"{package}: none")
    return [p for p in paths if p.exists()], facts


def built_assets(site_dir: Path) -> list[str]:
    """What the built home page loads from the site: every page shares these."""
    home = site_dir / "index.html"
    if not home.is_file():
        return []
    assets = offline.page_assets(home.read_text(encoding="utf-8"))
    return [a for a in assets if (site_dir / a).is_file()]
