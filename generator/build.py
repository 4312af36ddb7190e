"""The core build: a data folder in, pages, files and diagnostics out. No MkDocs here."""

from __future__ import annotations

from pathlib import Path

from generator import build_cache, i18n, parallel
from generator.diagnostics import Diagnostics, Location
from generator.model import ConferenceData
from generator.options import DEFAULTS, BuildOptions
from generator.outputs import BuildResult
from generator.series.load import SiteData, load_site
from generator.series.pages import plan_series

SITE = "site"
"""A single edition's name in the build cache and in ``BuildResult.from_cache``."""


def build_outputs(source: Path | BuildOptions) -> BuildResult:
    """Load, validate and render a data folder (or the one options name, rendered with them),
    one edition or a series; with any error, the result holds diagnostics only."""
    options = source if isinstance(source, BuildOptions) else BuildOptions(data_dir=source)
    return render_outputs(*load_site(options.data_dir), options)


def render_outputs(
    data: SiteData | None,
    diagnostics: Diagnostics,
    options: BuildOptions = DEFAULTS,
    streamed: bool = False,
) -> BuildResult:
    """Render data that ``load_site`` returned (None: its diagnostics only).

    ``streamed``: leave the bulk of the pages and files in ``result.streams`` for a site
    builder that writes them as they come; otherwise everything is rendered into the result.
    """
    result = BuildResult(diagnostics=diagnostics)
    unknown = i18n.unknown_language(options.language)
    if unknown:
        diagnostics.warning(Location("mkdocs.yml"), unknown)
    if isinstance(data, ConferenceData):
        result.take(build_cache.plan_edition(data, options, SITE))
        if not streamed:
            parallel.collect(result, options.jobs)
    elif data is not None:  # a series: each edition through plan_site, moved under /<year>/
        plan_series(data, result, options)
        if not streamed:
            parallel.collect(result, options.jobs)
    return result
