"""Both site builders on the same synthetic conference: MkDocs (the default) and Zensical.

    python3 bench/engines.py                   # 2,000 and 10,000 papers, one run each
    python3 bench/engines.py --sizes 2000

For each size it writes a conference with ``confsite synth`` (seed 0) and runs, each in a
fresh process into a fresh site folder, ``confsite build`` and ``confsite build --engine
zensical``: wall time and peak RSS (of the process and its children). Zensical needs
``pip install -e '.[zensical]'``. It prints a Markdown table for bench/RESULTS.md, with the
load average, since the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import timed


def measure(papers: int, folder: Path) -> list[str]:
    data = folder / "data"
    timed([sys.executable, "-m", "generator", "synth", "--papers", str(papers), "--out", str(data)])
    rows = []
    for engine in ("mkdocs", "zensical"):
        site = folder / f"site-{engine}"
        shutil.rmtree(site, ignore_errors=True)
        command = [sys.executable, "-m", "generator", "build", "--engine", engine]
        run = timed([*command, "--data", str(data), "--site-dir", str(site)])
        pages = sum(1 for _ in site.rglob("*.html"))
        load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
        rows.append(
            f"| {papers:,} | {engine} | {pages:,} | {run.seconds:.1f} s "
            f"| {run.peak_rss_mb:,.0f} MB | {load} |"
        )
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000", help="paper counts, comma-separated")
    args = parser.parse_args()
    print("| papers | engine | pages | build | peak RSS | load average after |")
    print("|---:|---|---:|---:|---:|---|")
    for papers in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="confsite-engines-") as folder:
            measure(papers, Path(folder))


if __name__ == "__main__":
    main()
