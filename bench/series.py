"""A series at archive scale: a clean build of ``--editions`` editions of ``--papers`` papers
(``confsite synth --editions``, seed 0), against the issue's targets (not run in CI).

    python3 bench/series.py                          # 20 editions of 5,000: 100,000 papers
    python3 bench/series.py --editions 3 --papers 500
    python3 bench/series.py --editions 5 --papers 2000 --serve-only --repeat 3

Measured, each in a fresh process on the same machine in the same run:

- clean build: ``confsite build`` of the series into a fresh folder (wall time, peak RSS);
- generator step alone: load and validate every edition, render every page
  (``generator.build.build_outputs``);
- bare MkDocs floor: plain ``mkdocs build`` of as many paper pages as the series has papers,
  Markdown already written (bench/run.py's floor, over every edition's papers);
- rebuild after an edit of one paper of the current edition: ``confsite build`` again, with
  the build cache the clean build left (every other edition replayed) and without it
  (``--no-cache``: everything rendered again);
- ``confsite serve``: from saving an edit of one paper's abstract in the oldest edition to the
  page showing it, and until the background build is done (bench/run.py's measurement);
- the site: size, pages, the largest HTML page, and files over 300 KB.

It prints a Markdown table for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import GENERATOR_ONLY, Run, bare_mkdocs_project, machine, serve_edits, timed

LIMIT_KB = 300


def floor_project(series: Path, folder: Path) -> Path:
    """One bare Material project with every edition's papers (bench/run.py's floor)."""
    pages = folder / "docs" / "papers"
    config: Path | None = None
    for edition in sorted(p for p in series.iterdir() if p.is_dir() and p.name.isdigit()):
        part = folder / f"part-{edition.name}"
        config = bare_mkdocs_project(edition, part)
        pages.mkdir(parents=True, exist_ok=True)
        for page in (part / "docs" / "papers").iterdir():
            page.rename(pages / f"{edition.name}-{page.name}")
    assert config is not None, f"no edition folders in {series}"
    shutil.move(str(config), folder / "mkdocs.yml")
    shutil.move(str(config.parent / "docs" / "index.md"), folder / "docs" / "index.md")
    return folder / "mkdocs.yml"


def edit_one_paper(series: Path) -> None:
    """An organizer's edit: one word more in the current edition's first abstract."""
    current = max(int(p.name) for p in series.iterdir() if p.is_dir() and p.name.isdigit())
    papers = series / str(current) / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    at = text.index("\n", text.index("abstract: |\n") + len("abstract: |\n"))  # its first line
    papers.write_text(text[:at] + " Edited." + text[at:], encoding="utf-8")


def site_facts(site: Path) -> tuple[float, int, float, str, list[str]]:
    total, pages, largest, largest_name, over = 0, 0, 0, "", []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            pages += 1
            if size > largest:
                largest, largest_name = size, str(path.relative_to(site))
            if size > LIMIT_KB * 1000:
                over.append(str(path.relative_to(site)))
    return total / 1e6, pages, largest / 1e3, largest_name, over


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=20)
    parser.add_argument("--papers", type=int, default=5000, help="papers per edition")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (a temp one)")
    parser.add_argument("--repeat", type=int, default=3, help="edits under confsite serve")
    parser.add_argument("--serve-only", action="store_true", help="measure confsite serve only")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="confsite-series-bench-"))
    data, site = work / "data", work / "site"
    python = sys.executable
    timed([python, "-m", "generator", "synth", "--editions", str(args.editions),
           "--papers", str(args.papers), "--out", str(data)])  # fmt: skip
    oldest = min(p.name for p in data.iterdir() if p.is_dir())
    serve_edit, serve_current = serve_edits(data, args.repeat, work, edition=oldest)
    serve = f"{serve_edit:.2f} s ({serve_current:.0f} s)"
    total = args.editions * args.papers
    if args.serve_only:
        print(f"{args.editions} editions of {args.papers:,} papers ({total:,}), {machine()}\n")
        print(f"serve: an edit of one paper of {oldest} shown (all current): {serve}")
        return 0
    build = [python, "-m", "generator", "build", "--data", str(data), "--site-dir", str(site),
             "--cache-dir", str(work / "cache")]  # fmt: skip
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(work / "cache", ignore_errors=True)  # cold: nothing to replay
    clean: Run = timed(build)
    generator = timed([python, "-c", GENERATOR_ONLY, str(data)])
    edit_one_paper(data)
    rebuild = timed(build)
    edit_one_paper(data)
    uncached = timed([*build, "--no-cache"])
    floor_config = floor_project(data, work / "floor")
    floor = timed([python, "-m", "mkdocs", "build", "-q", "-f", str(floor_config),
                   "-d", str(work / "floor-site")])  # fmt: skip
    size_mb, pages, largest_kb, largest_name, over = site_facts(site)
    print(f"{args.editions} editions of {args.papers:,} papers ({total:,}), {machine()}\n")
    print("| measure | figure | target |")
    print("|---|---|---|")
    print(f"| clean build | {clean.seconds:.1f} s | <= 120 s |")
    print(f"| peak RSS of the clean build | {clean.peak_rss_mb:,.0f} MB | <= 1,536 MB |")
    print(f"| generator step alone | {generator.seconds:.1f} s | |")
    print(f"| bare MkDocs floor ({total:,} pages) | {floor.seconds:.1f} s | |")
    print(f"| rebuild after editing one paper | {rebuild.seconds:.1f} s | <= 5 s |")
    print(f"| the same without the build cache | {uncached.seconds:.1f} s | |")
    print(f"| serve: an edit of one paper of {oldest} shown (all current) | {serve} | <= 1 s |")
    print(f"| pages | {pages:,} | |")
    print(f"| site size | {size_mb:,.0f} MB | |")
    print(f"| largest page | {largest_kb:.0f} KB (`{largest_name}`) | <= {LIMIT_KB} KB |")
    print(f"| pages over {LIMIT_KB} KB | {len(over)} | 0 |")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
