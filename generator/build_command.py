"""``confsite build`` and ``confsite serve``: the data checked once, then handed to a site
builder (MkDocs by default, Zensical with ``--engine zensical``) that publishes atomically."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.cli_common import emit, given_options, print_diagnostics
from generator.diagnostics import Diagnostic, Location, Severity
from generator.series.load import load_site


def require_config(path: Path) -> bool:
    if path.is_file():
        return True
    print(
        f"{path}: error: no MkDocs configuration here; run confsite in the site's folder "
        "or pass --config-file",
        file=sys.stderr,
    )
    return False


def build(args: argparse.Namespace) -> int:
    if args.engine == "zensical" and args.format != "text":
        print("error: --engine zensical reports as text only; leave out --format", file=sys.stderr)
        return 2
    if args.format != "text":
        return build_for_machines(args)
    data, diagnostics = load_site(args.data)
    print_diagnostics(diagnostics)
    if diagnostics.has_errors() or (args.strict and diagnostics.warnings):
        print(
            "build stopped: the data has problems; the previous site is unchanged", file=sys.stderr
        )
        return 1
    if not require_config(args.config_file):
        return 2
    if args.engine == "zensical":
        from generator.zensical_adapter.build import build_command

        validated = (data, diagnostics)
        return build_command(
            args.config_file, args.site_dir, args.strict, given_options(args), validated
        )
    from generator.mkdocs_adapter.build import FAILURES, build_site

    quiet_mkdocs()
    try:
        build_site(
            args.config_file, args.site_dir, args.strict, given_options(args), (data, diagnostics)
        )
    except FAILURES as exc:
        print(f"build failed: {exc}; the previous site is unchanged", file=sys.stderr)
        return 1
    except OSError as exc:  # the site folder cannot be written (a file in the way, a full disk)
        print(f"{args.site_dir}: error: build failed: {exc}", file=sys.stderr)
        return 1
    print(f"site built in {args.site_dir}/", file=sys.stderr)
    return 0


def build_for_machines(args: argparse.Namespace) -> int:
    """``confsite build --format github|json``: the same steps, every outcome a diagnostic."""
    data, diagnostics = load_site(args.data)
    found = diagnostics.sorted()

    def finish(code: int) -> int:
        emit(args, found, code == 0, site_dir=str(args.site_dir), built=code == 0)
        return code

    if diagnostics.has_errors() or (args.strict and diagnostics.warnings):
        return finish(1)
    if not args.config_file.is_file():
        message = "no MkDocs configuration here; run confsite in the site's folder"
        found.append(Diagnostic(Location(str(args.config_file)), Severity.ERROR, message))
        return finish(2)
    from generator.mkdocs_adapter.build import FAILURES, build_site

    collected = collect_mkdocs()
    try:
        build_site(
            args.config_file, args.site_dir, args.strict, given_options(args), (data, diagnostics)
        )
    except (*FAILURES, OSError) as exc:
        failure = f"build failed: {exc}; the previous site is unchanged"
        found += [*collected.found, Diagnostic(Location(""), Severity.ERROR, failure)]
        return finish(1)
    found += collected.found
    return finish(0)


class _Collected(logging.Handler):
    """MkDocs' warnings and errors as run-level diagnostics (no file: they are about the build)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[Diagnostic] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("mkdocs.plugins.conference"):
            return  # the data's own diagnostics again, already reported with file and line
        severity = Severity.ERROR if record.levelno >= logging.ERROR else Severity.WARNING
        self.found.append(Diagnostic(Location(""), severity, record.getMessage()))


def collect_mkdocs() -> _Collected:
    handler = _Collected()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    return handler


def serve(args: argparse.Namespace) -> int:
    if not require_config(args.config_file):
        return 2
    from generator.mkdocs_adapter.build import FAILURES
    from generator.mkdocs_adapter.serve import serve_site

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    try:
        serve_site(args.config_file, given_options(args), args.dev_addr)
    except FAILURES as exc:
        print(
            f"serve stopped: the first build failed ({exc}); fix the problems above and run "
            "confsite serve again",
            file=sys.stderr,
        )
        return 1
    return 0


def quiet_mkdocs() -> None:
    """MkDocs' warnings and errors on stderr; its info chatter only with -v some day."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
