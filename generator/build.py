"""The core build: a data folder in, pages, files and diagnostics out. No MkDocs here."""

from __future__ import annotations

from pathlib import Path

from generator import i18n
from generator.diagnostics import Diagnostics, Location
from generator.model import ConferenceData
from generator.options import DEFAULTS, BuildOptions
from generator.outputs import BuildResult
from generator.pages import plan_site, render_site
from generator.validate import load_and_validate


def build_outputs(source: Path | BuildOptions) -> BuildResult:
    """Load, validate and render a data folder (or the one options name, rendered with them);
    with any error, the result holds diagnostics only."""
    options = source if isinstance(source, BuildOptions) else BuildOptions(data_dir=source)
    return render_outputs(*load_and_validate(options.data_dir), options)


def render_outputs(
    data: ConferenceData | None,
    diagnostics: Diagnostics,
    options: BuildOptions = DEFAULTS,
    streamed: bool = False,
) -> BuildResult:
    """Render data that ``load_and_validate`` returned (None: its diagnostics only).

    ``streamed``: leave the bulk of the pages and files in ``result.streams`` for a site
    builder that writes them as they come; otherwise everything is rendered into the result.
    """
    result = BuildResult(diagnostics=diagnostics)
    unknown = i18n.unknown_language(options.language)
    if unknown:
        diagnostics.warning(Location("mkdocs.yml"), unknown)
    if data is not None:
        if streamed:
            plan_site(data, result, options)
        else:
            render_site(data, result, options)
    return result
