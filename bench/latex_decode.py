"""What the LaTeX decoding shortcut saves, against the full path it must equal.

    python3 bench/latex_decode.py [--papers 5000]

``generator.latex.decode`` returns text with nothing LaTeX gives a meaning to as it is, without
pylatexenc (tests/test_latex.py holds the two equal on generated text). This times both on the
fields a build decodes: every name part, title and venue of a synthetic conference's .bib
(``confsite synth``, seed 0) and of the real PMLR volumes, uncached, CPU time (process time),
best of 3. It prints a Markdown line for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import bibtexparser
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import latex, synth  # noqa: E402
from generator.latex import Dialect  # noqa: E402


def fields(bib_text: str) -> list[str]:
    """What the build decodes of each entry: name parts (after splitting), title, venue."""
    out: list[str] = []
    for entry in bibtexparser.parse_string(bib_text).entries:
        values = {f.key.lower(): str(f.value) for f in entry.fields}
        for name in split_multiple_persons_names(values.get("author", "")):
            parts = parse_single_name_into_parts(name, strict=False)
            out += [" ".join(words) for words in (parts.first, parts.von, parts.last) if words]
        out += [values[key] for key in ("title", "booktitle") if key in values]
    return out


def best(function, values: list[str]) -> float:
    times = []
    for _ in range(3):
        latex.decode.cache_clear()
        latex.parse.cache_clear()
        start = time.process_time()
        for value in values:
            function(value)
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--papers", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        synth.write(Path(folder), args.papers, seed=0)
        values = fields((Path(folder) / "proceedings.bib").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "tests/data/reference/bibtex").glob("*.bib")):
        values += fields(path.read_text(encoding="utf-8"))
    shortcut = best(latex.decode, values)
    full = best(lambda value: latex.parse(value, Dialect.BIBTEX).text, values)
    plain = sum(not latex._LATEX_SIGNIFICANT.search(v) for v in values)
    print(
        f"| LaTeX decode shortcut ({len(values)} fields, {plain} without LaTeX) | "
        f"{shortcut:.2f} s | full path {full:.2f} s | saves {full - shortcut:.2f} s |"
    )


if __name__ == "__main__":
    main()
