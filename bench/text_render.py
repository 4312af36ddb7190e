"""Abstracts at conference size: the plain-paragraph path, and math rendered at build time.

    python3 bench/text_render.py [--papers 5000]

1. The abstracts of a synthetic conference (``confsite synth``, seed 0) rendered with
   ``Text.as_html``, with the plain-paragraph path and with every abstract through
   Python-Markdown (the path disabled): what the shortcut saves.
2. Math-heavy abstracts: each of the N abstracts gets six formulas taken in turn from every
   formula of the real files (tests/data/reference/), each made distinct (so no cache helps):
   rendered with latex2mathml (what the build uses) and, where mini-racer is installed, with
   KaTeX run in V8; CPU seconds and the bytes of HTML they add per abstract.

CPU time (process time), best of 3, fresh ``Text`` objects each run. Prints Markdown lines
for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from math_render import katex_candidate, real_spans  # noqa: E402

from generator import mathml, synth, text  # noqa: E402
from generator.text import Text  # noqa: E402


def best(render, sources: list[str]) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(3):
        getattr(mathml.to_mathml, "cache_clear", lambda: None)()
        texts = [Text(source) for source in sources]
        start = time.process_time()
        size = sum(len(str(render(t)).encode()) for t in texts)
        times.append(time.process_time() - start)
    return min(times), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--papers", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        synth.write(Path(folder), args.papers, seed=0)
        papers = yaml.safe_load((Path(folder) / "papers.yaml").read_text(encoding="utf-8"))
    abstracts = [paper["abstract"] for paper in papers["papers"]]

    with_path, _ = best(lambda t: t.as_html, abstracts)
    original = text.plain_paragraphs_html
    text.plain_paragraphs_html = lambda source: None
    try:
        without_path, _ = best(lambda t: t.as_html, abstracts)
    finally:
        text.plain_paragraphs_html = original
    print(
        f"| plain-paragraph path, {args.papers} synthetic abstracts | {with_path:.2f} s | "
        f"all through Markdown {without_path:.2f} s | saves {without_path - with_path:.2f} s |"
    )

    spans = [s.tex for s in real_spans() if mathml.to_mathml(s.tex) is not None]
    heavy = []
    for index, abstract in enumerate(abstracts):
        formulas = [spans[(index * 6 + k) % len(spans)] + f"+{index}" for k in range(6)]
        sentences = abstract.split(". ")
        heavy.append(". ".join(f"{s} ${f}$" for s, f in zip(sentences, formulas, strict=False)))
    plain_seconds, plain_size = best(lambda t: t.as_html, abstracts)
    seconds, size = best(lambda t: t.as_html, heavy)
    per = (size - plain_size) / len(heavy)
    print(
        f"| {len(heavy)} abstracts x 6 distinct formulas, latex2mathml | "
        f"{seconds:.2f} s ({seconds - plain_seconds:.2f} s for the math) | "
        f"+{per:.0f} bytes of HTML per abstract |"
    )
    katex = katex_candidate()
    if katex is None:
        print("| KaTeX in V8 | mini-racer not installed | |")
        return
    original_render = mathml.to_mathml
    mathml.to_mathml = lambda tex, display=False: katex(tex, display)  # type: ignore[assignment]
    try:
        seconds, size = best(lambda t: t.as_html, heavy)
    finally:
        mathml.to_mathml = original_render
    per = (size - plain_size) / len(heavy)
    print(
        f"| {len(heavy)} abstracts x 6 distinct formulas, KaTeX in V8 (MathML output) | "
        f"{seconds:.2f} s ({seconds - plain_seconds:.2f} s for the math) | "
        f"+{per:.0f} bytes of HTML per abstract |"
    )


if __name__ == "__main__":
    main()
