"""The ``confsite`` command: check, build and serve a conference site."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from generator.build_command import build, serve
from generator.cli_common import emit, print_diagnostics
from generator.report import FORMATS
from generator.series.load import load_site
from generator.zensical_adapter import guard


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="confsite",
        description="Build the conference website from the data folder.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate the data and list every problem")
    check.add_argument("--data", type=Path, default=Path("data"), help="data folder (data/)")
    check.add_argument("--strict", action="store_true", help="also fail on warnings")
    _add_format(check)

    build = commands.add_parser("build", help="validate, then build the static site")
    build.add_argument("--data", type=Path, default=Path("data"), help="data folder (data/)")
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="output (site/)")
    build.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--strict", action="store_true", help="fail on warnings too (CI)")
    build.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    _add_build_options(build)
    _add_format(build)

    serve = commands.add_parser("serve", help="live preview that rebuilds when data changes")
    serve.add_argument("--data", type=Path, default=Path("data"), help="data folder (data/)")
    serve.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    serve.add_argument("--dev-addr", default=None, help="address:port (127.0.0.1:8000)")
    _add_build_options(serve)

    synth = commands.add_parser("synth", help="write a synthetic conference (benchmarks, tests)")
    synth.add_argument(
        "--papers", type=int, required=True, help="number of papers (of each edition)"
    )
    synth.add_argument("--out", type=Path, required=True, help="data folder to write")
    synth.add_argument(
        "--editions",
        type=_positive,
        default=None,
        help="write a series of this many editions (series.yaml and a folder per year)",
    )
    synth.add_argument("--seed", type=int, default=0, help="same seed, same bytes (0)")
    _add_organizer_commands(commands)
    return parser


def _add_organizer_commands(commands: argparse._SubParsersAction) -> None:
    """import, new and schema: getting data in, starting an edition, editor support."""
    from generator.importers import KINDS
    from generator.importers.spreadsheet import FIELDS

    kinds = "; ".join(f"{kind}: {what}" for kind, what in KINDS.items())
    importer = commands.add_parser(
        "import",
        help="merge papers, a program, a committee or speakers from an export into data/",
        description=f"Merge an export into the data folder. Kinds: {kinds}.",
    )
    importer.add_argument("kind", choices=tuple(KINDS), help="the export's format")
    importer.add_argument("file", type=Path, help="the exported file")
    importer.add_argument("--data", type=Path, default=Path("data"), help="data folder (data/)")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=f"csv: which column holds a field (fields: {', '.join(FIELDS)}); repeatable",
    )
    importer.add_argument(
        "--encoding",
        default=None,
        help="the file's encoding (utf-8, utf-16, cp1252, ...); default: sniffed among UTF-8, "
        "UTF-16 and Windows-1252, and named in the report",
    )

    new = commands.add_parser(
        "new", help="start the site of a new edition: data skeleton, mkdocs.yml, workflows"
    )
    new.add_argument("dir", type=Path, help="folder to create (must not exist or be empty)")
    new.add_argument("--name", required=True, help="the conference's short name, e.g. SysML")
    new.add_argument("--year", required=True, type=int, help="the edition's year, e.g. 2028")
    new.add_argument(
        "--generator",
        default=None,
        help="the pip requirement the site's workflows install confsite from "
        "(requirements.txt; default: this confsite, as a file:// URL of its checkout or the "
        "git URL it was installed from)",
    )

    edition = commands.add_parser(
        "new-edition",
        help="in a series, start the next edition from the current one's facts; it becomes current",
    )
    edition.add_argument("year", type=int, help="the new edition's year, e.g. 2031")
    edition.add_argument("--data", type=Path, default=Path("data"), help="data folder (data/)")

    past = commands.add_parser(
        "import-edition",
        help="in a series, add a past edition from its proceedings .bib (papers and volume)",
        description="Make data/<year>/ an archived edition from a proceedings .bib: its "
        "conference facts from the @proceedings entry, its papers and entries as `import "
        "bibtex` merges them. It becomes current only if it is the newest edition.",
    )
    past.add_argument("file", type=Path, help="the proceedings .bib (PMLR's, for example)")
    past.add_argument(
        "--year", type=int, default=None, help="the edition's year (default: the volume's)"
    )
    past.add_argument("--data", type=Path, default=Path("data"), help="series folder (data/)")

    release = commands.add_parser(
        "release",
        help="record the program as published: its changes since the last release",
        description="Compare the program with the last release in releases.yaml, record the "
        "differences as a new release and make it the one later builds compare with.",
    )
    release.add_argument("--data", type=Path, default=Path("data"), help="data folder (data/)")
    release.add_argument("--note", default="", help="a note for attendees (why it changed)")
    release.add_argument(
        "--date", default=None, help='when, "YYYY-MM-DD HH:MM" in UTC (default: now)'
    )

    schema = commands.add_parser("schema", help="write JSON Schemas of the data files")
    schema.add_argument(
        "--out", type=Path, default=Path("schemas"), help="folder to write (schemas/)"
    )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def _add_build_options(command: argparse.ArgumentParser) -> None:
    """How the site is rendered; each one given replaces the plugin's setting in mkdocs.yml."""
    command.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        help="processes that may render at once (1: one; default: one per CPU, at most 2)",
    )
    command.add_argument(
        "--no-frames",
        action="store_true",
        help="render every generated page through the theme one by one (slow; to compare)",
    )
    command.add_argument(
        "--no-cache",
        action="store_true",
        help="render every edition anew instead of replaying unchanged ones from the cache",
    )
    command.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="the build cache's folder (.cache/plugin/conference beside mkdocs.yml)",
    )
    command.add_argument(
        "--page-budget",
        type=_positive,
        default=None,
        metavar="BYTES",
        help="content per page before a long list is split into pages (200000)",
    )


def _add_format(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: one line per problem on stderr (default); github: workflow annotations on "
        "stdout; json: one document on stdout (see the organizer guide)",
    )


def _check(args: argparse.Namespace) -> int:
    _data, diagnostics = load_site(args.data)
    # The project would be built by an engine that ignores the conference plugin.
    diagnostics.extend(guard.engine_warnings(args.data.resolve().parent))
    if args.format != "text":
        failed = diagnostics.has_errors() or bool(args.strict and diagnostics.warnings)
        emit(args, diagnostics.sorted(), not failed)
        return 1 if failed else 0
    print_diagnostics(diagnostics)
    if diagnostics.has_errors() or (args.strict and diagnostics.warnings):
        return 1
    print(f"{args.data}: ok", file=sys.stderr)
    return 0


def _synth(args: argparse.Namespace) -> int:
    from generator import synth
    from generator.progress import Progress

    if args.papers < 1:
        print(f"--papers {args.papers}: error: give at least 1 paper", file=sys.stderr)
        return 2
    editions = args.editions
    progress = Progress("synth: papers", args.papers * (editions or 1))
    synth.write(args.out, args.papers, args.seed, tick=progress.advance, editions=editions)
    seconds = progress.close()
    what = f"synthetic conference of {args.papers:,} papers"
    if editions is not None:
        what = (
            f"synthetic series of {editions} editions of {args.papers:,} papers "
            f"({editions * args.papers:,} in all)"
        )
    print(f"{args.out}/: {what} (seed {args.seed}) written in {seconds:.1f} s", file=sys.stderr)
    return 0


def _edition_of(data: Path, command: str) -> Path:
    """The folder ``command`` writes: in a series, its current edition's, said aloud."""
    from generator.series.load import current_edition_folder

    folder = current_edition_folder(data)
    if folder != data:
        print(
            f"confsite {command}: {data} is a series: working in {folder}, the current edition"
            f" (give --data {data}/YEAR for another edition)",
            file=sys.stderr,
        )
    return folder


def _import(args: argparse.Namespace) -> int:
    from generator.importers import run_import
    from generator.importers.spreadsheet import parse_mapping

    mapping, problems = parse_mapping(args.map)
    if args.map and args.kind != "csv":
        problems.append("--map applies to the csv importer only")
    for problem in problems:
        print(f"confsite import: error: {problem}", file=sys.stderr)
    if problems:
        return 2
    data = _edition_of(args.data, "import")
    outcome = run_import(args.kind, args.file, data, mapping, encoding=args.encoding)
    for line in outcome.lines():
        print(line, file=sys.stderr)
    return 0 if outcome.ok else 1


def _new(args: argparse.Namespace) -> int:
    from generator.scaffold import ScaffoldError, create_site

    if not args.name.strip() or not 1900 < args.year < 3000:
        print("confsite new: error: give --name TEXT and a --year like 2028", file=sys.stderr)
        return 2
    try:
        written = create_site(args.dir, args.name.strip(), args.year, args.generator)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"created {args.dir}/ ({len(written)} files); next:", file=sys.stderr)
    print(f"  cd {args.dir} && confsite check && confsite serve", file=sys.stderr)
    return 0


def _new_edition(args: argparse.Namespace) -> int:
    from generator.series.new_edition import NewEditionError, new_edition

    try:
        written = new_edition(args.data, args.year)
    except NewEditionError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(f"{args.year} is the current edition; next: confsite check --strict", file=sys.stderr)
    return 0


def _import_edition(args: argparse.Namespace) -> int:
    from generator.series.import_edition import import_edition

    if args.year is not None and not 1900 < args.year < 3000:
        print(f"--year {args.year}: error: give a year like 2019", file=sys.stderr)
        return 2
    outcome = import_edition(args.file, args.data, args.year)
    for line in outcome.lines:
        print(line, file=sys.stderr)
    print_diagnostics(outcome.diagnostics)
    if not outcome.ok:
        return 1
    role = (
        "now the current edition, the newest"
        if outcome.current == outcome.year
        else f"an archived edition (the current one stays {outcome.current})"
    )
    print(f"{outcome.year} is {role}; next: confsite check", file=sys.stderr)
    return 0


def _release(args: argparse.Namespace) -> int:
    from generator.changes_view import release_lines
    from generator.releases import ReleaseError, release

    try:
        when = datetime.fromisoformat(args.date) if args.date else datetime.now(UTC)
    except ValueError:
        print(f'--date {args.date}: error: write "YYYY-MM-DD HH:MM" (UTC)', file=sys.stderr)
        return 2
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when
    try:
        data = _edition_of(args.data, "release")
        outcome = release(data, when.replace(second=0, microsecond=0), args.note)
    except ReleaseError as error:
        print_diagnostics(error.diagnostics)
        print("nothing recorded: fix the problems and run confsite release again", file=sys.stderr)
        return 1
    for line in release_lines(outcome):
        print(line, file=sys.stderr)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.schema import write_schemas

    for path in write_schemas(args.out):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"check": _check, "build": build, "serve": serve, "synth": _synth}
    handlers.update({"import": _import, "new": _new, "schema": _schema, "release": _release})
    handlers.update({"new-edition": _new_edition, "import-edition": _import_edition})
    return handlers[args.command](args)
