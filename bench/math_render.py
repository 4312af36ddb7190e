"""Server-side math: latex2mathml against KaTeX run in V8 (mini-racer), on real formulas.

    python3 bench/math_render.py            # prints a Markdown table for bench/RESULTS.md

Every math span of the real files in tests/data/reference/ (PMLR volumes, Mini-Conf sheets) and
of the example data is converted by each candidate, uncached: CPU time per span (best of 3
runs, process time), how many fail (an error, an unknown command left as text, unbalanced
braces passed through), and the bytes of HTML they add. The candidates that are not installed
are skipped with a note (latex2mathml is the dependency; mini-racer is only measured here, with
the katex.min.js that the environment variable KATEX_JS names).
"""

from __future__ import annotations

import csv
import os
import statistics
import sys
import time
from pathlib import Path

import bibtexparser
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import latex  # noqa: E402
from generator.latex import Dialect, Math  # noqa: E402

KATEX_JS = "KATEX_JS"
"""Environment variable naming katex.min.js for the comparison (the site ships no KaTeX):
``npm pack katex@0.16 && tar -xzf katex-0.16.*.tgz`` gives package/dist/katex.min.js."""


def _spans(parsed: latex.Parsed) -> list[Math]:
    out: list[Math] = []
    stack = list(parsed.pieces)
    while stack:
        piece = stack.pop()
        if isinstance(piece, Math):
            out.append(piece)
        elif hasattr(piece, "children"):
            stack.extend(piece.children)
    return out


def real_spans() -> list[Math]:
    spans: list[Math] = []
    for path in sorted((ROOT / "tests/data/reference/bibtex").glob("*.bib")):
        for entry in bibtexparser.parse_string(path.read_text(encoding="utf-8")).entries:
            for key in ("title", "abstract"):
                if key in entry.fields_dict:
                    value = entry.fields_dict[key].value
                    spans += _spans(latex.parse(value, Dialect.BIBTEX))
    for path in sorted((ROOT / "tests/data/reference/miniconf").glob("*.csv")):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            for key in ("title", "abstract"):
                spans += _spans(latex.parse(row.get(key) or "", Dialect.PROSE))
    papers = yaml.safe_load((ROOT / "data/papers.yaml").read_text(encoding="utf-8"))["papers"]
    for paper in papers:
        for key in ("title", "abstract"):
            spans += _spans(latex.parse(paper.get(key) or "", Dialect.PROSE))
    return spans


def latex2mathml_candidate():
    """What the build runs (generator/mathml.py: latex2mathml, sanitised, letters mapped),
    without its cache."""
    from generator import mathml

    return mathml.to_mathml.__wrapped__


def katex_candidate():
    script = os.environ.get(KATEX_JS)
    try:
        from py_mini_racer import MiniRacer
    except ImportError:
        return None
    if not script or not Path(script).is_file():
        return None
    context = MiniRacer()
    context.eval("var window = this;")
    context.eval(Path(script).read_text(encoding="utf-8"))
    context.eval(
        "function render(t, d) { try { return katex.renderToString(t, {output: 'mathml',"
        " displayMode: d, throwOnError: true}); } catch (e) { return null; } }"
    )

    def render(tex: str, display: bool) -> str | None:
        return context.call("render", tex, display)

    return render


def measure(render, spans: list[Math]) -> tuple[float, int, int]:
    times = []
    for _ in range(3):
        start = time.process_time()
        outputs = [render(s.tex, s.display) for s in spans]
        times.append(time.process_time() - start)
    failed = sum(out is None for out in outputs)
    size = sum(len(out.encode()) for out in outputs if out)
    return min(times), failed, size


def main() -> None:
    spans = real_spans()
    unique = {(s.tex, s.display) for s in spans}
    print(f"{len(spans)} math spans in the real files ({len(unique)} distinct)\n")
    print("| renderer | CPU per span | failed | bytes per span |")
    print("|---|---|---|---|")
    for name, factory in (
        ("latex2mathml", latex2mathml_candidate),
        ("KaTeX in V8", katex_candidate),
    ):
        render = factory()
        if render is None:
            print(f"| {name} | not installed (pip install mini-racer; KATEX_JS=...) | | |")
            continue
        seconds, failed, size = measure(render, spans)
        per = seconds / len(spans) * 1000
        print(f"| {name} | {per:.3f} ms | {failed} | {size / max(1, len(spans) - failed):.0f} |")
    lengths = [len(s.tex) for s in spans]
    print(f"\nTeX length: median {statistics.median(lengths)} characters, max {max(lengths)}")


if __name__ == "__main__":
    main()
