"""The search index at archive scale: build cost, size, and what a visitor downloads.

Makes the search entries of a series (until confsite writes one: ``--editions`` synthetic
conferences of ``--papers`` each, under /<year>/) with the core's own record functions (every
paper, author and session, as a build does), builds the index
(generator/search/index.py), and then, in headless Chromium, runs the real worker
(generator/assets/search-worker.js) against it over loopback (gzip, as GitHub Pages serves)
for a visitor's session of queries, each typed letter by letter as the search dialog sends
them. It records the bytes each query downloads and the total, and checks that sampled titles
and authors are found.

    python3 bench/search_scale.py                     # 20 editions of 5,000: bench/SEARCH.md
    python3 bench/search_scale.py --editions 1 --pagefind DIR   # and a Pagefind bundle

``--pagefind DIR`` measures a Pagefind bundle (``pagefind.js`` and its files in DIR) for the
same queries with Pagefind's own JS API, for the comparison in bench/SEARCH.md.
"""

from __future__ import annotations

import argparse
import gzip
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_browser import CHROMIUM_ARGS, ascii_fold, served, write_report

from generator import views
from generator.search import Entry, Kind, SearchIndex
from generator.search.sources import author_record, paper_record, session_record
from generator.validate import load_and_validate

ROOT = Path(__file__).resolve().parent.parent
HARNESS = """<!doctype html><meta charset="utf-8"><title>search</title><script>
const worker = new Worker("assets/confsite/search-worker.js");
let answer = null;
worker.onmessage = e => { if (e.data.type === 3 && answer) answer(e.data.data); };
worker.postMessage({ type: 0, data: { config: {}, docs: [], options: { suggest: true } } });
window.query = q => new Promise(resolve => {
  answer = resolve;
  worker.postMessage({ type: 2, data: q });
});
</script>"""
PAGEFIND_HARNESS = """<!doctype html><meta charset="utf-8"><title>pagefind</title>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.init();
window.query = async q => {
  const found = await pagefind.search(q);
  const shown = await Promise.all(found.results.slice(0, 20).map(r => r.data()));
  return { items: shown.map(d => [{ location: d.url, title: d.meta.title }]) };
};
window.ready = true;
</script>"""


def entries_of(data_dir: Path, prefix: str = "", edition: str = "") -> tuple[list[Entry], float]:
    """Every paper, author and session entry of one edition (URLs under ``prefix``, labelled
    ``edition``, default its short title) and the CPU seconds they took."""
    data, diagnostics = load_and_validate(data_dir)
    if data is None:
        raise SystemExit(f"{data_dir}: {len(diagnostics.errors)} errors; first: "
                         f"{diagnostics.errors[0]}")  # fmt: skip
    started = time.process_time()
    index = views.Index.of(data)
    edition = edition or data.conference.short_title
    entries = [Entry(f"{prefix}papers/{p.id}/", paper_record(p, edition)) for p in data.papers]
    for person in views.people(index):
        record = author_record(person.name.full, person.affiliations, person.papers, edition)
        entries.append(Entry(f"{prefix}authors/{person.slug}/", record))
    for session in data.sessions:
        if session.kind.holds_papers:
            lang = index.lang
            when = f"{views.day_label(session.day, lang)}, {views.time_range(session, lang)}"
            papers = index.papers_by_session.get(session.id, ())
            record = session_record(session, when, papers, edition)
            entries.append(Entry(f"{prefix}program/{session.id}/", record))
    return entries, time.process_time() - started


def series_entries(work: Path, editions: int, papers: int) -> tuple[list[Entry], float]:
    """A series until confsite writes one: ``editions`` synthetic conferences of ``papers``
    each (seeds 0, 1, ...: names recur across them, as people do), under /<year>/."""
    entries: list[Entry] = []
    cpu = 0.0
    for number in range(editions):
        year = 2031 - editions + 1 + number
        data = work / f"data-{year}"
        command = [sys.executable, "-m", "generator", "synth", "--papers", str(papers)]
        subprocess.run([*command, "--seed", str(number), "--out", str(data)], check=True)
        found, seconds = entries_of(data, f"{year}/", f"SysML {year}" if editions > 1 else "")
        entries += found
        cpu += seconds
        shutil.rmtree(data)
    return entries, cpu


def visitor_queries(entries: list[Entry]) -> list[str]:
    """A visitor's session: a broad word, an accented name typed plainly, an affiliation, a
    two-word title query, a rare title word, a family name."""
    papers = [e.record for e in entries if e.record.kind is Kind.PAPER]
    accented = next(n for r in papers for n in r.people if not n.isascii())
    plain = ascii_fold(accented)
    title = papers[len(papers) // 2].title.split()
    return [
        "learning",
        plain.split()[-1],
        papers[7].affiliations[0].split()[0],
        " ".join(title[:2]),
        title[-1],
        papers[3].people[0].split()[-1],
    ]


def typed(query: str) -> list[str]:
    """What the dialog sends while ``query`` is typed: every prefix."""
    return [query[:n] for n in range(1, len(query) + 1)]


def findable(page: Any, entries: list[Entry], samples: int) -> tuple[int, int, int, int]:
    """(papers found, papers tried, authors found, authors tried): a paper by its title and
    its first author's family name; an author's page by their name."""
    rng = random.Random(0)
    papers = [e for e in entries if e.record.kind is Kind.PAPER]
    authors = [e for e in entries if e.record.kind is Kind.AUTHOR]
    found_papers = found_authors = 0
    for entry in rng.sample(papers, min(samples, len(papers))):
        query = f"{entry.record.title} {entry.record.people[0].split()[-1]}"
        result = page.evaluate("q => window.query(q)", query)
        found_papers += entry.url in [item[0]["location"] for item in result["items"]]
    for entry in rng.sample(authors, min(samples, len(authors))):
        result = page.evaluate("q => window.query(q)", entry.record.title)
        found_authors += entry.url in [item[0]["location"] for item in result["items"]]
    return found_papers, min(samples, len(papers)), found_authors, min(samples, len(authors))


def browse(folder: Path, harness: str, queries: list[str], check: list[Entry] | None) -> dict:
    from playwright.sync_api import sync_playwright

    (folder / "index.html").write_text(harness, encoding="utf-8")
    with sync_playwright() as p, served(folder) as url:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        finished: list[Any] = []
        context.on("requestfinished", lambda request: finished.append(request))
        page.goto(url)
        page.wait_for_function("typeof window.query === 'function'")
        page.wait_for_timeout(300)

        def drained() -> list[tuple[int, int]]:
            """(bytes transferred, bytes of the file) of each request finished since the
            last call."""
            got = []
            while finished:
                request = finished.pop(0)
                sizes = request.sizes()
                path = folder / request.url.split("?")[0].removeprefix(url)
                raw = path.stat().st_size if path.is_file() else 0
                got.append((sizes["responseBodySize"] + sizes["responseHeadersSize"], raw))
            return got

        bootstrap = sum(n for n, _raw in drained())
        rows = []
        for query in queries:
            for prefix in typed(query):
                result = page.evaluate("q => window.query(q)", prefix)
            page.wait_for_timeout(200)  # the last requests' sizes arrive
            got = drained()
            rows.append(
                {"query": query, "results": len(result["items"]), "requests": len(got),
                 "bytes": sum(n for n, _ in got), "raw": sum(raw for _, raw in got)}
            )  # fmt: skip
        found = findable(page, check, 50) if check else None
        browser.close()
    return {"bootstrap": bootstrap, "rows": rows, "findable": found}


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=5000, help="papers per edition")
    parser.add_argument("--editions", type=int, default=20)
    parser.add_argument("--pagefind", type=Path, help="a Pagefind bundle to measure as well")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="confsite-search-scale-"))
    try:
        entries, records_cpu = series_entries(work, args.editions, args.papers)
        papers = args.editions * args.papers
        started = time.process_time()
        index = SearchIndex(entries)
        site = work / "site"
        index.write(site / "search")
        index_cpu = time.process_time() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        (site / "assets" / "confsite").mkdir(parents=True)
        shutil.copy(ROOT / "generator/assets/search-worker.js", site / "assets/confsite/")
        size, count = folder_size(site / "search")
        shards = list((site / "search" / "terms").iterdir())
        largest = max(shards, key=lambda p: p.stat().st_size)
        worker = ROOT / "generator/assets/search-worker.js"
        worker_gzip = len(gzip.compress(worker.read_bytes()))
        queries = visitor_queries(entries)
        measured = browse(site, HARNESS, queries, entries)
        lines = [
            f"{papers:,} papers ({args.editions} synthetic editions of {args.papers:,}), "
            f"{len(entries):,} entries (papers, authors, sessions). "
            f"Records {records_cpu:.1f} s CPU; index built and written {index_cpu:.1f} s CPU; "
            f"peak RSS of the process {peak:,.0f} MB. On disk: {size / 1e6:,.1f} MB in "
            f"{count:,} files (largest shard {largest.stat().st_size / 1024:.0f} KB). "
            f"Manifest {(site / 'search' / 'manifest.json').stat().st_size / 1024:.1f} KB.",
            "",
            f"A visitor's session, each query typed letter by letter (every prefix sent), "
            f"bytes transferred (gzip, headers included) per query; before the first: the "
            f"worker, {worker.stat().st_size / 1024:.1f} KB ({worker_gzip / 1024:.1f} KB "
            f"gzip), nothing else.",
            "",
            "| query | results | requests | transferred (gzip) | files' size |",
            "|---|---|---|---|---|",
        ]
        total = raw_total = 0
        for row in measured["rows"]:
            total += row["bytes"]
            raw_total += row["raw"]
            lines.append(
                f"| `{row['query']}` | {row['results']} | {row['requests']} "
                f"| {row['bytes'] / 1024:,.1f} KB | {row['raw'] / 1024:,.1f} KB |"
            )
        lines.append(
            f"| **all six** | | | **{total / 1024:,.1f} KB** | **{raw_total / 1024:,.1f} KB** |"
        )
        if measured["findable"]:
            fp, tp, fa, ta = measured["findable"]
            lines += [
                "",
                f"Findable: {fp} of {tp} sampled papers by title and first author's family "
                f"name, {fa} of {ta} sampled authors by name (their page listed).",
            ]
        if args.pagefind:
            pagefind = work / "pagefind-site"
            shutil.copytree(args.pagefind, pagefind / "pagefind")
            psize, pcount = folder_size(pagefind / "pagefind")
            theirs = browse(pagefind, PAGEFIND_HARNESS, queries, None)
            ptotal = sum(r["bytes"] for r in theirs["rows"])
            lines += [
                "",
                f"Pagefind, same queries: bundle {psize / 1e6:.1f} MB in {pcount:,} files; "
                f"page and pagefind.js {theirs['bootstrap'] / 1024:.1f} KB; per query "
                + ", ".join(f"`{r['query']}` {r['bytes'] / 1024:.1f} KB" for r in theirs["rows"])
                + f"; all six {ptotal / 1024:.1f} KB.",
            ]
        text = "\n".join(lines)
        print(text)
        write_report(args.label or f"scale-{papers}", text)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
