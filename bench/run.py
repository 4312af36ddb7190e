"""Build-time benchmark of confsite at conference sizes (not run in CI: it takes minutes).

    python3 bench/run.py                      # N = 1,000 / 5,000 / 10,000, median of 3
    python3 bench/run.py --sizes 1000 --repeat 1

For each N it writes a synthetic conference (``confsite synth``, seed 0) and measures, each in
a fresh process:

- full build: ``confsite build`` from the data folder to the finished site (median wall time);
- peak RSS of that build (the largest of the runs);
- generator step alone: load, validate and render (``generator.build.build_outputs``);
- bare MkDocs floor: plain ``mkdocs build`` of the same number of pages whose Markdown is
  already written (title, authors, abstract; Material, search on, pages not in the nav). This
  is what MkDocs itself costs before we add anything, measured in the same run on the same
  machine;
- the file-system floor: writing the finished site's folders and files again, from memory, into
  a fresh folder on the same disk (on the virtual disks measured here creating a folder costs
  ~0.3 ms, so the ~11,000 page folders of 5,000 papers cost seconds whatever builds them);
- site size, the largest HTML page, and the search data a browser downloads;
- ``confsite serve``: from saving an edit of one paper's abstract to the paper's page showing
  it over HTTP (median of the runs), and until the background rebuild has brought every list
  up to date.

It prints a Markdown table (paste it into bench/RESULTS.md with the machine it ran on).
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1800000000"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float


@dataclass(frozen=True)
class Row:
    papers: int
    build: float
    build_runs: tuple[float, ...]
    peak_rss_mb: float
    generator: float
    floor: float
    site_mb: float
    largest_page_kb: float
    largest_page: str
    search_kb: float
    search_gzip_kb: float
    pages: int
    serve_edit: float
    serve_current: float
    write_floor: float


def timed(command: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
    """Wall time and peak resident memory of one child process (and its own children)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return Run(seconds, usage.ru_maxrss / 1024)


def median_of(
    repeat: int, command: list[str], fresh: Path | None = None, **kwargs: object
) -> list[Run]:
    """``repeat`` runs; ``fresh`` (an output folder) is removed before each, untimed, as in CI."""
    runs = []
    for _ in range(repeat):
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        runs.append(timed(command, **kwargs))  # type: ignore[arg-type]
    return runs


GENERATOR_ONLY = (
    "import sys; from pathlib import Path; from generator.build import build_outputs; "
    "r = build_outputs(Path(sys.argv[1])); sys.exit(0 if r.ok else 1)"
)


def bare_mkdocs_project(data_dir: Path, folder: Path) -> Path:
    """The same papers as Markdown pages in a plain Material site: MkDocs' own floor."""
    sys.path.insert(0, str(ROOT))
    from generator.validate import load_and_validate

    data, _diagnostics = load_and_validate(data_dir)
    assert data is not None
    docs = folder / "docs"
    (docs / "papers").mkdir(parents=True)
    (docs / "index.md").write_text("# Floor\n\nA bare Material site.\n", encoding="utf-8")
    for paper in data.papers:
        authors = ", ".join(a.name.full for a in paper.authors)
        (docs / "papers" / f"{paper.id}.md").write_text(
            f"# {paper.title.source}\n\n{authors}\n\n## Abstract\n\n{paper.abstract.source}\n",
            encoding="utf-8",
        )
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Floor\nsite_url: https://floor.example.org/\ntheme:\n  name: material\n"
        "  font: false\n  features: [navigation.instant]\nplugins: [search]\n"
        "nav: [index.md]\nnot_in_nav: |\n  /papers/\nvalidation:\n  omitted_files: ignore\n"
        "markdown_extensions: [toc, attr_list, md_in_html, tables, pymdownx.arithmatex]\n",
        encoding="utf-8",
    )
    return config


def measure_site(site: Path) -> tuple[float, float, str, float]:
    total = 0
    largest, largest_name = 0, ""
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if path.suffix == ".html" and size > largest:
                largest, largest_name = size, str(path.relative_to(site))
    search = (site / "search" / "search_index.json").read_bytes()
    return (
        total / 1e6,
        largest / 1e3,
        largest_name,
        len(search) / 1e3,
        len(gzip.compress(search)) / 1e3,
    )


def bench(papers: int, repeat: int, work: Path) -> Row:
    data = work / f"data-{papers}"
    timed([sys.executable, "-m", "generator", "synth", "--papers", str(papers), "--out", str(data)])
    site = work / f"site-{papers}"
    build = [
        sys.executable, "-m", "generator", "build", "--data", str(data), "--site-dir", str(site),
    ]  # fmt: skip
    runs = median_of(repeat, build, fresh=site)
    generator = median_of(repeat, [sys.executable, "-c", GENERATOR_ONLY, str(data)])
    floor_config = bare_mkdocs_project(data, work / f"floor-{papers}")
    floor = median_of(
        repeat,
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(floor_config), "-d",
         str(work / f"floor-site-{papers}")],
        fresh=work / f"floor-site-{papers}",
    )  # fmt: skip
    site_mb, largest_kb, largest_name, search_kb, search_gzip_kb = measure_site(site)
    serve_edit, serve_current = serve_edits(data, repeat, work)
    floor_write = statistics.median(write_floor(site, work) for _ in range(repeat))
    return Row(
        papers=papers,
        build=statistics.median(r.seconds for r in runs),
        build_runs=tuple(r.seconds for r in runs),
        peak_rss_mb=max(r.peak_rss_mb for r in runs),
        generator=statistics.median(r.seconds for r in generator),
        floor=statistics.median(r.seconds for r in floor),
        site_mb=site_mb,
        largest_page_kb=largest_kb,
        largest_page=largest_name,
        search_kb=search_kb,
        search_gzip_kb=search_gzip_kb,
        pages=sum(1 for _ in site.rglob("*.html")),
        serve_edit=serve_edit,
        serve_current=serve_current,
        write_floor=floor_write,
    )


def write_floor(site: Path, work: Path) -> float:
    """Seconds to create ``site``'s folders and write its files again (contents in memory)."""
    files = [
        (path.relative_to(site), path.read_bytes()) for path in site.rglob("*") if path.is_file()
    ]
    copy = work / f"write-floor-{site.name}"
    shutil.rmtree(copy, ignore_errors=True)
    start = time.perf_counter()
    for relative, content in files:
        target = copy / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    seconds = time.perf_counter() - start
    shutil.rmtree(copy, ignore_errors=True)
    return seconds


def serve_edits(data: Path, repeat: int, work: Path, edition: str = "") -> tuple[float, float]:
    """``confsite serve`` on a copy of ``data``: (median seconds from saving an abstract edit
    to its page showing it, median seconds until the background rebuild is done). In a series,
    ``edition`` names the year whose papers.yaml is edited. Each edit must take the quick path
    (serve's log says the paper was updated), else a full build would be measured."""
    copy = work / f"serve-{data.name}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(data, copy)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = work / f"serve-{data.name}.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--data", str(copy),
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=ROOT, env=ENV, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    papers = copy / edition / "papers.yaml"
    paper = f"p{edition}-00002" if edition else "p00002"  # as confsite synth names them
    where = f"{edition}/" if edition else ""
    url = f"http://127.0.0.1:{port}/{where}papers/{paper}/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait(done: object, limit: float = 600) -> float:
        started = time.perf_counter()
        while not done():  # type: ignore[operator]
            if server.poll() is not None or time.perf_counter() - started > limit:
                raise SystemExit(f"confsite serve failed:\n{log.read_text()}")
            time.sleep(0.01)
        return time.perf_counter() - started

    edits, currents = [], []
    try:
        wait(lambda: "Serving on" in log.read_text())
        for number in range(repeat):
            tag = f"Benchmarkedit{number}"
            text = papers.read_text(encoding="utf-8")
            head = re.search(
                rf"^  - id: {paper}\n(?:    .*\n|      .*\n)*?    abstract: \|\n", text, re.M
            )
            assert head is not None
            papers.write_text(text[: head.end()] + f"      {tag}.\n" + text[head.end() :], "utf-8")
            started = time.perf_counter()
            edits.append(wait(lambda tag=tag: tag in page()))
            if log.read_text().count(f"Paper '{where}{paper}' updated in") != number + 1:
                raise SystemExit(f"the edit was not a quick one:\n{log.read_text()}")
            done_before = log.read_text().count("every page is current")
            wait(lambda n=done_before: log.read_text().count("every page is current") > n)
            currents.append(time.perf_counter() - started)
    finally:
        server.terminate()
        server.wait(timeout=600)  # it removes its builds first: a large site takes a while
    return statistics.median(edits), statistics.median(currents)


def table(rows: list[Row]) -> str:
    lines = [
        "| papers | pages | full build (median) | runs | peak RSS | generator step "
        "| bare MkDocs floor | file-system floor | site size | largest page | search data (gzip) "
        "| serve: edit shown (all current) |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for r in rows:
        runs = " / ".join(f"{s:.1f}" for s in r.build_runs)
        lines.append(
            f"| {r.papers:,} | {r.pages:,} | {r.build:.1f} s | {runs} | {r.peak_rss_mb:.0f} MB "
            f"| {r.generator:.1f} s | {r.floor:.1f} s | {r.write_floor:.1f} s | {r.site_mb:.0f} MB "
            f"| {r.largest_page_kb:,.0f} KB ({r.largest_page}) "
            f"| {r.search_kb:,.0f} KB ({r.search_gzip_kb:,.0f} KB) "
            f"| {r.serve_edit:.2f} s ({r.serve_current:.0f} s) |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import material
    import mkdocs

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"MkDocs {mkdocs.__version__}, Material {material.__version__}, {platform.system()}; "
        f"load average at the end {load}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated paper counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--keep", type=Path, help="keep data and sites in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="confsite-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows = []
        for papers in sizes:
            print(f"benchmarking {papers:,} papers ...", file=sys.stderr, flush=True)
            rows.append(bench(papers, args.repeat, work))
        print(f"Machine: {machine()}\n")
        print(table(rows))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
