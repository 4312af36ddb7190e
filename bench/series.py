"""A series at archive scale: a clean build of ``--editions`` editions of ``--papers`` papers
(``confsite synth --editions``, seed 0), against the issue's targets (not run in CI).

    python3 bench/series.py                          # 20 editions of 5,000: 100,000 papers
    python3 bench/series.py --editions 3 --papers 500
    python3 bench/series.py --editions 5 --papers 2000 --serve-only --repeat 3
    python3 bench/series.py --skip floor uncached serve   # the clean build and the rebuild

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
OPTIONAL = {"generator", "floor", "uncached", "serve"}
"""The measurements ``--skip`` may leave out (the clean build and the rebuild always run)."""


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
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        choices=sorted(OPTIONAL),
        help="leave these measurements out (at 100,000 papers each takes many minutes)",
    )
    args = parser.parse_args()
    skip = set(OPTIONAL) - {"serve"} if args.serve_only else set(args.skip)
    work = args.work or Path(tempfile.mkdtemp(prefix="confsite-series-bench-"))
    data, site = work / "data", work / "site"
    python = sys.executable
    timed([python, "-m", "generator", "synth", "--editions", str(args.editions),
           "--papers", str(args.papers), "--out", str(data)])  # fmt: skip
    total = args.editions * args.papers
    rows: list[tuple[str, str, str]] = []
    if not args.serve_only:
        build = [python, "-m", "generator", "build", "--data", str(data), "--site-dir", str(site),
                 "--cache-dir", str(work / "cache")]  # fmt: skip
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(work / "cache", ignore_errors=True)  # cold: nothing to replay
        clean: Run = timed(build)
        rows += [
            ("clean build", f"{clean.seconds:.1f} s", "<= 120 s"),
            ("peak RSS of the clean build", f"{clean.peak_rss_mb:,.0f} MB", "<= 1,536 MB"),
        ]
        if "generator" not in skip:
            generator = timed([python, "-c", GENERATOR_ONLY, str(data)])
            rows.append(("generator step alone", f"{generator.seconds:.1f} s", ""))
        if "floor" not in skip:
            floor_config = floor_project(data, work / "floor")
            floor = timed([python, "-m", "mkdocs", "build", "-q", "-f", str(floor_config),
                           "-d", str(work / "floor-site")])  # fmt: skip
            rows.append((f"bare MkDocs floor ({total:,} pages)", f"{floor.seconds:.1f} s", ""))
        edit_one_paper(data)
        rebuild = timed(build)
        rows.append(("rebuild after editing one paper", f"{rebuild.seconds:.1f} s", "<= 5 s"))
        if "uncached" not in skip:
            edit_one_paper(data)
            uncached = timed([*build, "--no-cache"])
            rows.append(("the same without the build cache", f"{uncached.seconds:.1f} s", ""))
        size_mb, pages, largest_kb, largest_name, over = site_facts(site)
        rows += [
            ("pages", f"{pages:,}", ""),
            ("site size", f"{size_mb:,.0f} MB", ""),
            ("largest page", f"{largest_kb:.0f} KB (`{largest_name}`)", f"<= {LIMIT_KB} KB"),
            (f"pages over {LIMIT_KB} KB", f"{len(over)}", "0"),
        ]
    if "serve" not in skip:
        oldest = min(p.name for p in data.iterdir() if p.is_dir())
        edit, current = serve_edits(data, args.repeat, work, edition=oldest)
        rows.append(
            (
                f"serve: an edit of one paper of {oldest} shown (all current)",
                f"{edit:.2f} s ({current:.0f} s)",
                "<= 1 s",
            )
        )
    print(f"{args.editions} editions of {args.papers:,} papers ({total:,}), {machine()}\n")
    print("| measure | figure | target |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
