"""The core build: a data folder in, pages, files and diagnostics out. No MkDocs here."""

from __future__ import annotations

from pathlib import Path

from generator.outputs import BuildResult
from generator.pages import render_site
from generator.validate import load_and_validate


def build_outputs(data_dir: Path) -> BuildResult:
    """Load, validate and render; with any error, the result holds diagnostics only."""
    data, diagnostics = load_and_validate(data_dir)
    result = BuildResult(diagnostics=diagnostics)
    if data is not None:
        render_site(data, result)
    return result
