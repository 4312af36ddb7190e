"""Every hand-written shortcut that stands in for a library, timed against that library.

    python3 bench/shortcuts.py                  # 5,000 synthetic papers, best of 5
    python3 bench/shortcuts.py --papers 1000 --repeat 3 --frames-papers 0

A shortcut stays only while it pays for itself: this suite runs each one and the library code
it replaces on the same realistic input (a ``confsite synth`` data folder, seed 0, and the real
files in ``tests/data/reference/``), checks that both give the same result, and writes the
table into ``bench/SHORTCUTS.md``. A shortcut that saves less than ``PAYS_SECONDS`` at the
measured size is listed at the end as one that no longer pays: remove it, or say why not.

Times are CPU seconds (user + sys; of the child processes for the builds), the best of
``--repeat`` runs: the machine is shared, and the best run is the one least disturbed. Not run
by the test suite: the tests check that each shortcut gives the library's result, this checks
that it is worth having.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import platform
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bibtexparser  # noqa: E402
import yaml  # noqa: E402
from bibtexparser.middlewares.names import split_multiple_persons_names  # noqa: E402
from pylatexenc.latex2text import LatexNodes2Text  # noqa: E402
from yaml._yaml import CParser  # noqa: E402
from yaml.constructor import SafeConstructor  # noqa: E402
from yaml.resolver import BaseResolver  # noqa: E402

from generator import i18n, latex, synth, templating, text, views  # noqa: E402
from generator.exporters import ics  # noqa: E402
from generator.load import yaml_source  # noqa: E402
from generator.model import ConferenceData  # noqa: E402
from generator.paging.common import deeper  # noqa: E402
from generator.urls import Urls  # noqa: E402
from generator.validate import load_and_validate  # noqa: E402

PAYS_SECONDS = 0.05
"""A shortcut must save at least this much at the measured size (the shortcuts the project
removed saved 0.03-0.11 s at 5,000 papers)."""
REFERENCE_BIB = sorted((ROOT / "tests" / "data" / "reference" / "bibtex").glob("*.bib"))
EXAMPLE_DATA = ROOT / "data"


@dataclass(frozen=True)
class Result:
    name: str
    where: str
    library: str
    inputs: str
    library_seconds: float
    shortcut_seconds: float
    same: str

    @property
    def saves(self) -> float:
        return self.library_seconds - self.shortcut_seconds

    @property
    def pays(self) -> bool:
        return self.saves >= PAYS_SECONDS


def cpu() -> float:
    """CPU seconds of this process and of its children that have finished."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(
    repeat: int,
    run: Callable[[], Any],
    before: Callable[[], Any] = lambda: None,
    *,
    loading: bool = False,
) -> float:
    """The least CPU time of ``repeat`` runs; ``before`` (untimed) prepares each run.

    The cycle collector is as the build has it: paused while loading (``loading``), and
    otherwise on, with what is alive before the run frozen out of its scans (the build
    freezes the model before it renders).
    """
    times = []
    for _ in range(repeat):
        before()
        gc.collect()
        gc.freeze()
        if loading:
            gc.disable()
        start = cpu()
        run()
        times.append(cpu() - start)
        gc.enable()
        gc.unfreeze()
    return min(times)


def agreement(pairs: list[tuple[Any, Any]]) -> str:
    same = sum(1 for ours, theirs in pairs if ours == theirs)
    return "yes" if same == len(pairs) else f"{same:,} of {len(pairs):,}"


# --- YAML -------------------------------------------------------------------------------------


class _LibraryConstructor(SafeConstructor):
    """PyYAML's own way to keep lines: constructors registered for map and seq that record
    them, everything through ``construct_object`` (what the loader's constructor replaces)."""

    def construct_line_mapping(self, node: yaml.MappingNode) -> Iterator[yaml_source.LineDict]:
        data = yaml_source.LineDict()
        data.line = node.start_mark.line + 1
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in data:
                data.duplicate_keys.append((key, key_node.start_mark.line + 1))
            data[key] = self.construct_object(value_node, deep=True)
            lined = value_node if isinstance(value_node, yaml.ScalarNode) else key_node
            data.key_lines[key] = lined.start_mark.line + 1

    def construct_line_sequence(self, node: yaml.SequenceNode) -> Iterator[yaml_source.LineList]:
        data = yaml_source.LineList()
        data.line = node.start_mark.line + 1
        yield data
        for item in node.value:
            data.append(self.construct_object(item, deep=True))
            data.item_lines.append(item.start_mark.line + 1)


_LibraryConstructor.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:map", _LibraryConstructor.construct_line_mapping
)
_LibraryConstructor.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:seq", _LibraryConstructor.construct_line_sequence
)
_LibraryConstructor.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str
)


class _LibraryLoader(CParser, _LibraryConstructor, yaml_source._Resolver):
    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        _LibraryConstructor.__init__(self)
        yaml_source._Resolver.__init__(self)


class _LibraryResolving(yaml_source._FastLoader):
    """The loader with PyYAML's own resolver methods instead of the shortcuts."""

    resolve = BaseResolver.resolve
    descend_resolver = BaseResolver.descend_resolver  # type: ignore[assignment]
    ascend_resolver = BaseResolver.ascend_resolver  # type: ignore[assignment]


def lines_of(value: Any) -> Any:
    if isinstance(value, yaml_source.LineDict):
        return (
            value.line,
            value.key_lines,
            value.duplicate_keys,
            [lines_of(v) for v in value.values()],
        )
    if isinstance(value, yaml_source.LineList):
        return (value.line, value.item_lines, [lines_of(v) for v in value])
    return None


def bench_constructor(texts: list[str], repeat: int) -> Result:
    nodes: dict[str, list[tuple[Any, Any]]] = {}

    def compose(kind: str, loader_class: Any) -> None:
        loaders = [loader_class(text) for text in texts]
        nodes[kind] = [(loader, loader.get_single_node()) for loader in loaders]

    def construct(kind: str) -> list[Any]:
        return [loader.construct_document(node) for loader, node in nodes[kind]]

    ours = best_of(
        repeat,
        lambda: construct("ours"),
        lambda: compose("ours", yaml_source._FastLoader),
        loading=True,
    )
    theirs = best_of(
        repeat, lambda: construct("lib"), lambda: compose("lib", _LibraryLoader), loading=True
    )
    compose("ours", yaml_source._FastLoader)
    compose("lib", _LibraryLoader)
    pairs = [
        ((a, lines_of(a)), (b, lines_of(b)))
        for a, b in zip(construct("ours"), construct("lib"), strict=True)
    ]
    return Result(
        "YAML constructor",
        "load/yaml_source.py `_Constructor`",
        "SafeConstructor + line-recording map/seq constructors",
        "the synthetic data files, composed",
        theirs,
        ours,
        agreement(pairs),
    )


def bench_resolver(texts: list[str], repeat: int) -> Result:
    def compose(loader_class: Any) -> list[Any]:
        values = []
        for text_ in texts:
            loader = loader_class(text_)
            try:
                values.append(loader.construct_document(loader.get_single_node()))
            finally:
                loader.dispose()
        return values

    def compose_only(loader_class: Any) -> None:
        for text_ in texts:
            loader = loader_class(text_)
            loader.get_single_node()
            loader.dispose()

    ours = best_of(repeat, lambda: compose_only(yaml_source._FastLoader), loading=True)
    theirs = best_of(repeat, lambda: compose_only(_LibraryResolving), loading=True)
    pairs = list(zip(compose(yaml_source._FastLoader), compose(_LibraryResolving), strict=True))
    return Result(
        "YAML resolver: keywords and path-resolver no-ops",
        "load/yaml_source.py `_Resolver`",
        "BaseResolver.resolve / descend_resolver / ascend_resolver",
        "the synthetic data files, parsed by libyaml",
        theirs,
        ours,
        agreement(pairs),
    )


def bench_nesting_scan(texts: list[str], repeat: int) -> Result:
    """The loader counts levels with the event parser only where the byte scan cannot rule
    out deep nesting; without the scan it would count them in every file."""
    limit = yaml_source._UNCHECKED_DEPTH

    def with_scan() -> list[int | None]:
        return [
            yaml_source._nesting_past_limit(t)
            if yaml_source._may_nest_deeper_than(t, limit)
            else None
            for t in texts
        ]

    def counted() -> list[int | None]:
        return [yaml_source._nesting_past_limit(t) for t in texts]

    return Result(
        "nesting bound before libyaml composes",
        "load/yaml_source.py `_may_nest_deeper_than`",
        "libyaml's event parser counting levels in every file",
        "the synthetic data files",
        best_of(repeat, counted, loading=True),
        best_of(repeat, with_scan, loading=True),
        agreement(list(zip(with_scan(), counted(), strict=True))),
    )


# --- the cycle collector -----------------------------------------------------------------------

_LOAD_IN_CHILD = """
import hashlib, resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator import validate
if sys.argv[3] == "on":
    validate.cycle_collection_paused = __import__("contextlib").nullcontext
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start = cpu()
data, diagnostics = validate.load_and_validate(Path(sys.argv[2]))
seconds = cpu() - start
print(seconds, hashlib.sha256(repr(data).encode()).hexdigest())
"""


def bench_cycle_collector(data_dir: Path, repeat: int) -> Result:
    def run(mode: str) -> tuple[float, str]:
        runs = []
        for _ in range(repeat):
            output = subprocess.run(
                [sys.executable, "-c", _LOAD_IN_CHILD, str(ROOT), str(data_dir), mode],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            runs.append((float(output[0]), output[1]))
        return min(runs)

    (ours, size), (theirs, size_on) = run("paused"), run("on")
    return Result(
        "cycle collector paused while loading",
        "validate/__init__.py `cycle_collection_paused`",
        "Python's default (collector on)",
        "load_and_validate of the synthetic folder, fresh process",
        theirs,
        ours,
        "yes" if size == size_on else "no",
    )


# --- calendars ---------------------------------------------------------------------------------


def bench_calendars(data: ConferenceData, repeat: int) -> Result:
    def library() -> dict[str, str]:
        zone = ics.zone_component(data.conference)
        return {
            path: ics.as_icalendar(data.conference, calendar, zone).to_ical().decode("utf-8")
            for path, calendar in ics.calendars(data).items()
        }

    ours = best_of(repeat, lambda: ics.calendar_files(data))
    theirs = best_of(repeat, library)
    written, expected = ics.calendar_files(data), library()
    return Result(
        "calendar writer",
        "exporters/ical_text.py, ics.Writer",
        "icalendar: Calendar(...).to_ical()",
        f"every .ics of the synthetic site ({len(written):,} files)",
        theirs,
        ours,
        agreement([(written[path], expected[path]) for path in expected]),
    )


def bench_deeper(data: ConferenceData, repeat: int) -> Result:
    """A split list's entries go onto its deeper pages rewritten (``paging.common.deeper``),
    not rendered again for each page's depth: here the A-Z authors for their letters' pages."""
    index = views.Index.of(data, i18n.ENGLISH)
    everyone = views.people(index)
    item = templating.macro("_macros.html", "person_item")
    top, letter = Urls.for_path("authors"), Urls.for_path("authors/letters/a")
    entries = [str(item(views.person_entry(p, top, index))) for p in everyone]

    def library() -> list[str]:
        return [str(item(views.person_entry(p, letter, index))) for p in everyone]

    def ours() -> list[str]:
        return [str(deeper(entry, 2)) for entry in entries]

    return Result(
        "entries moved deeper",
        "paging/common.py `deeper`",
        "Jinja: the entry rendered again for the deeper page",
        f"the A-Z authors' entries on their letters' pages ({len(everyone):,})",
        best_of(repeat, library),
        best_of(repeat, ours),
        agreement(list(zip(ours(), library(), strict=True))),
    )


# --- LaTeX and Markdown (generator/latex.py, generator/text.py: public functions only) ---------


def bib_fields(paths: list[Path]) -> tuple[list[str], list[str]]:
    """(LaTeX strings a build decodes: titles, booktitles, each author's name; abstracts)."""
    strings, abstracts = [], []
    for path in paths:
        library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
        for entry in library.entries:
            fields = {field.key.lower(): str(field.value) for field in entry.fields}
            strings += [fields[key] for key in ("title", "booktitle") if key in fields]
            for key in ("author", "editor"):
                if key in fields:
                    strings += split_multiple_persons_names(fields[key])
            if "abstract" in fields:
                abstracts.append(fields["abstract"])
    return strings, abstracts


def bench_latex(strings: list[str], repeat: int, what: str) -> Result:
    decoder = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)

    def library() -> list[str]:
        seen: dict[str, str] = {}  # the memo decode() has, so that only decoding is compared
        out = []
        for latex_text in strings:
            if latex_text not in seen:
                seen[latex_text] = latex.normalize_space(decoder.latex_to_text(latex_text))
            out.append(seen[latex_text])
        return out

    def ours() -> list[str]:
        return [latex.decode(s) for s in strings]

    def forget() -> None:
        clear = getattr(latex.decode, "cache_clear", None)
        if clear is not None:
            clear()

    shortcut = best_of(repeat, ours, forget)
    theirs = best_of(repeat, library)
    forget()
    return Result(
        "LaTeX decoding shortcuts",
        "latex.py `decode`",
        "pylatexenc LatexNodes2Text",
        what,
        theirs,
        shortcut,
        agreement(list(zip(ours(), library(), strict=True))),
    )


def bench_abstracts(abstracts: list[str], repeat: int, what: str) -> Result:
    # Both sides start from what Python-Markdown would read (LaTeX rendered, formulas still
    # placeholders, ``Text.markdown_source``) and end sanitised, as ``Text.as_html`` does
    # before it puts the formulas in: the shortcut is the step between.
    sources = [text.Text(source).markdown_source for source in abstracts]

    def ours() -> list[str]:
        return [
            text.sanitize(text.plain_paragraphs_html(source) or text.markdown_html(source))
            for source in sources
        ]

    def library() -> list[str]:
        return [text.sanitize(text.markdown_html(source)) for source in sources]

    return Result(
        "plain abstracts without Markdown",
        "text.py `plain_paragraphs_html`",
        "Python-Markdown, then the sanitiser",
        what,
        best_of(repeat, library),
        best_of(repeat, ours),
        agreement(list(zip(ours(), library(), strict=True))),
    )


# --- frames: whole builds -----------------------------------------------------------------------


def site_digest(site: Path) -> tuple[str, list[str]]:
    """The pages, which frames must leave byte for byte as MkDocs makes them, and the sitemap
    (the search index differs on purpose: framed pages get compact entries)."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*.html")):
        digest.update(str(path.relative_to(site)).encode() + b"\0" + path.read_bytes())
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8").splitlines()
    return digest.hexdigest(), sitemap


def same_sites(framed: tuple[str, list[str]], unframed: tuple[str, list[str]]) -> str:
    pages = "pages yes" if framed[0] == unframed[0] else "pages NO"
    if framed[1] == unframed[1]:
        return f"{pages}, sitemap yes"
    if sorted(framed[1]) == sorted(unframed[1]):
        return f"{pages}, sitemap in another order"
    return f"{pages}, sitemap NO"


def bench_frames(papers: int, repeat: int, work: Path) -> Result:
    data_dir = work / f"frames-{papers}"
    synth.write(data_dir, papers, seed=0)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1800000000"}
    digests: dict[bool, tuple[str, list[str]]] = {}

    def build(framed: bool) -> float:
        site = work / f"site-{'framed' if framed else 'unframed'}"
        command = [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--data",
            str(data_dir),
            "--site-dir",
            str(site),
            *(() if framed else ("--no-frames",)),
        ]
        start = cpu()
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        seconds = cpu() - start
        digests[framed] = site_digest(site)
        return seconds

    ours = min(build(True) for _ in range(repeat))
    theirs = min(build(False) for _ in range(repeat))
    return Result(
        "frames (theme rendered once per page family)",
        "frame.py, mkdocs_adapter/framed.py",
        "MkDocs renders every page (`confsite build --no-frames`)",
        f"`confsite build` of {papers:,} synthetic papers",
        theirs,
        ours,
        same_sites(digests[True], digests[False]),
    )


# --- the report ---------------------------------------------------------------------------------


def table(results: list[Result]) -> str:
    lines = [
        "| shortcut | where | library it replaces | input | library | shortcut | saves "
        "| same result | verdict |",
        "|---|---|---|---|---:|---:|---:|---|---|",
    ]
    for r in results:
        verdict = "pays" if r.pays else "**no longer pays**"
        lines.append(
            f"| {r.name} | {r.where} | {r.library} | {r.inputs} | {r.library_seconds:.3f} s "
            f"| {r.shortcut_seconds:.3f} s | {r.saves:.3f} s | {r.same} | {verdict} |"
        )
    return "\n".join(lines)


def report(results: list[Result], arguments: argparse.Namespace, started: datetime) -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"""# Shortcuts against their libraries

Written by `python3 bench/shortcuts.py` (see its docstring); not edited by hand. Each
shortcut and the library code it replaces run on the same input. Times are CPU seconds
(user + sys), the best of {arguments.repeat} runs; for frames, of {arguments.frames_repeat}
whole builds each way. A shortcut pays when it saves at least {PAYS_SECONDS} s here.
"Same result" says whether both sides give the same output on every input; for LaTeX the
library side is plain pylatexenc, and `latex.decode` differs from it on purpose where it keeps
an escaped dollar (`\\$`) as written.

## {started:%Y-%m-%d %H:%M} UTC, {arguments.papers:,} synthetic papers (seed 0)

Machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()};
load average at the end {load}.

{table(results)}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=5000, help="synthetic papers (5,000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each side; the best counts")
    parser.add_argument(
        "--frames-papers", type=int, default=1000, help="papers of the build pair (0: skip)"
    )
    parser.add_argument("--frames-repeat", type=int, default=3, help="builds of each kind")
    parser.add_argument(
        "--data", type=Path, help="use this synthetic data folder instead of writing one"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "SHORTCUTS.md")
    arguments = parser.parse_args()
    started = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="confsite-shortcuts-") as scratch:
        work = Path(scratch)
        data_dir = arguments.data or work / "data"
        if arguments.data is None:
            synth.write(data_dir, arguments.papers, seed=0)
        data, diagnostics = load_and_validate(data_dir)
        if data is None:
            raise SystemExit("\n".join(str(d) for d in diagnostics.sorted()))
        texts = [path.read_text(encoding="utf-8") for path in sorted(data_dir.glob("*.yaml"))]
        strings, reference_abstracts = bib_fields([data_dir / "proceedings.bib", *REFERENCE_BIB])
        papers_abstracts = [p.abstract.source for p in data.papers]
        example, _ = load_and_validate(EXAMPLE_DATA)
        example_abstracts = [p.abstract.source for p in example.papers] if example else []
        steps: list[Callable[[], Result]] = [
            lambda: bench_constructor(texts, arguments.repeat),
            lambda: bench_resolver(texts, arguments.repeat),
            lambda: bench_nesting_scan(texts, arguments.repeat),
            lambda: bench_cycle_collector(data_dir, arguments.repeat),
            lambda: bench_calendars(data, arguments.repeat),
            lambda: bench_deeper(data, arguments.repeat),
            lambda: bench_latex(
                strings,
                arguments.repeat,
                f"titles and names of the synthetic and {len(REFERENCE_BIB)} real .bib files "
                f"({len(strings):,} strings)",
            ),
            lambda: bench_abstracts(
                papers_abstracts + example_abstracts + reference_abstracts,
                arguments.repeat,
                f"abstracts: synthetic, example and real .bib "
                f"({len(papers_abstracts) + len(example_abstracts) + len(reference_abstracts):,})",
            ),
        ]
        if arguments.frames_papers:
            steps.append(
                lambda: bench_frames(arguments.frames_papers, arguments.frames_repeat, work)
            )
        results = []
        for step in steps:
            result = step()
            print(
                f"{result.name}: library {result.library_seconds:.3f} s, shortcut "
                f"{result.shortcut_seconds:.3f} s, same: {result.same}",
                flush=True,
            )
            results.append(result)
    arguments.out.write_text(report(results, arguments, started), encoding="utf-8")
    print()
    print(table(results))
    stale = [r for r in results if not r.pays]
    print()
    if stale:
        print("No longer pay (remove them, or say why they stay):")
        for r in stale:
            print(f"- {r.name} ({r.where}): saves {r.saves:.3f} s")
    else:
        print(f"Every shortcut saves at least {PAYS_SECONDS} s.")
    print(f"Table written to {arguments.out}")


if __name__ == "__main__":
    main()
