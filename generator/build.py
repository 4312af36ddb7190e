"""The core build: a data folder in, pages, files and diagnostics out. No MkDocs here."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.model import ConferenceData
from generator.outputs import BuildResult
from generator.pages import render_site
from generator.validate import load_and_validate


def build_outputs(data_dir: Path) -> BuildResult:
    """Load, validate and render; with any error, the result holds diagnostics only."""
    return render_outputs(*load_and_validate(data_dir))


def render_outputs(data: ConferenceData | None, diagnostics: Diagnostics) -> BuildResult:
    """Render data that ``load_and_validate`` returned (None: its diagnostics only)."""
    result = BuildResult(diagnostics=diagnostics)
    if data is not None:
        render_site(data, result)
    return result
