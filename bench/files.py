"""What the many small files of a site cost to write, and what fewer would save (not run in CI).

    python3 bench/series.py --editions 20 --papers 500 --work /tmp/sb   # leaves /tmp/sb/site
    python3 bench/files.py /tmp/sb/site

Reads a built site into memory, then writes it again into a fresh folder with the build's own
writer (generator/writing.py), three ways, interleaved, best of ``--repeat``:

- as built: every page and every paper's own downloads (``papers/<id>.bib``, ``.ris``,
  ``.csl.json``, ``.ics``);
- without the papers' own downloads (a paper's page still shows its BibTeX, APA and the
  volume's files; only the one-click files go);
- with each edition's papers' downloads as one file per format and volume instead.

It prints a Markdown table for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.writing import FileWriter

PAPER_DOWNLOAD = re.compile(r"(?:(\d{4})/)?papers/[^/]+(\.bib|\.ris|\.csl\.json|\.ics)\Z")

Files = list[tuple[str, bytes]]


def read_site(site: Path) -> tuple[Files, Files]:
    """(pages and every other file, the papers' own downloads), by path under ``site``."""
    kept, downloads = [], []
    for path in sorted(site.rglob("*")):
        if path.is_file():
            name = path.relative_to(site).as_posix()
            (downloads if PAPER_DOWNLOAD.match(name) else kept).append((name, path.read_bytes()))
    return kept, downloads


def per_volume(downloads: Files) -> Files:
    """The papers' downloads joined into one file per edition and format."""
    joined: dict[str, list[bytes]] = defaultdict(list)
    for name, content in downloads:
        match = PAPER_DOWNLOAD.match(name)
        assert match is not None
        joined[f"{match.group(1) or 'site'}/papers-all{match.group(2)}"].append(content)
    return [(name, b"\n".join(parts)) for name, parts in sorted(joined.items())]


def write_all(files: Files, folder: Path) -> float:
    writer = FileWriter()
    start = time.perf_counter()
    for name, content in files:
        writer.write(folder / name, content)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    kept, downloads = read_site(args.site)
    ways = {
        "as built": kept + downloads,
        "without the papers' own downloads": kept,
        "the papers' downloads as one file per volume and format": kept + per_volume(downloads),
    }
    best = dict.fromkeys(ways, float("inf"))
    work = Path(tempfile.mkdtemp(prefix="confsite-files-bench-"))
    try:
        for _ in range(args.repeat):
            for way, files in ways.items():
                folder = work / "site"
                best[way] = min(best[way], write_all(files, folder))
                shutil.rmtree(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.site}: best of {args.repeat}, interleaved\n")
    print("| written | files | MB | seconds |")
    print("|---|---:|---:|---:|")
    for way, files in ways.items():
        size = sum(len(content) for _, content in files) / 1e6
        print(f"| {way} | {len(files):,} | {size:,.0f} | {best[way]:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
