"""What every ``confsite`` subcommand shares: the build options the command line gives and
how diagnostics are printed (as text on stderr, or in a machine format on stdout)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from generator.diagnostics import Diagnostic, Diagnostics
from generator.report import render_github, render_json


def given_options(args: argparse.Namespace) -> dict[str, Any]:
    """The build options the command line gives (``BuildOptions`` fields)."""
    given: dict[str, Any] = {"data_dir": args.data.resolve()}
    if args.jobs is not None:
        given["jobs"] = args.jobs
    if args.no_frames:
        given["frames"] = False
    if args.cache_dir is not None:
        given["cache_dir"] = args.cache_dir.resolve()
    if args.no_cache:
        given["cache_dir"] = None
    if args.page_budget is not None:
        given["page_budget"] = args.page_budget
    return given


def emit(args: argparse.Namespace, diagnostics: list[Diagnostic], ok: bool, **extra) -> None:
    """The run's diagnostics on stdout in a machine format (--format github or json)."""
    if args.format == "github":
        sys.stdout.write(render_github(diagnostics))
    else:
        sys.stdout.write(render_json(args.command, ok, diagnostics, **extra))


def print_diagnostics(diagnostics: Diagnostics) -> None:
    for diagnostic in diagnostics.sorted():
        print(diagnostic, file=sys.stderr)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    if errors or warnings:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
