"""The core build: a data folder in, pages, files and diagnostics out. No MkDocs here."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.model import ConferenceData
from generator.outputs import BuildResult
from generator.pages import plan_site, render_site
from generator.validate import load_and_validate


def build_outputs(data_dir: Path) -> BuildResult:
    """Load, validate and render; with any error, the result holds diagnostics only."""
    return render_outputs(*load_and_validate(data_dir))


def render_outputs(
    data: ConferenceData | None, diagnostics: Diagnostics, streamed: bool = False
) -> BuildResult:
    """Render data that ``load_and_validate`` returned (None: its diagnostics only).

    ``streamed``: leave the bulk of the pages and files in ``result.streams`` for a site
    builder that writes them as they come; otherwise everything is rendered into the result.
    """
    result = BuildResult(diagnostics=diagnostics)
    if data is not None:
        (plan_site if streamed else render_site)(data, result)
    return result
