"""Lighthouse scores of the built example site: accessibility, best practices and SEO.

Builds the example conference with `mkdocs build --strict`, serves it on loopback, runs npm
``lighthouse`` (12.2.3, installed into node_modules/ by `npm ci`) against Debian's Chromium on
the home page, the program and one paper page, and writes the scores to bench/LIGHTHOUSE.md:

    python3 bench/lighthouse.py            # writes bench/LIGHTHOUSE.md
    python3 bench/lighthouse.py --check    # also exits 1 when a score is below the bar

tests/test_lighthouse.py runs the same functions and asserts the bar.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
BAR = 95
"""The lowest acceptable score (out of 100) in each category."""
CHROME_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic",
)  # fmt: skip
REPORT = ROOT / "bench" / "LIGHTHOUSE.md"


@dataclass(frozen=True)
class Scores:
    """One page's Lighthouse result."""

    page: str
    """Site path, e.g. 'program/'."""
    scores: dict[str, int]
    """Category id -> score out of 100."""
    failed: tuple[str, ...]
    """Ids of the audits that did not pass, in the categories measured."""

    def below(self, bar: int = BAR) -> list[str]:
        return [f"{self.page} {c} {s}" for c, s in self.scores.items() if s < bar]


def chromium() -> str | None:
    return os.environ.get("CHROME_PATH") or shutil.which("chromium")


def missing_tools() -> list[str]:
    """What this machine lacks to run Lighthouse, as install hints."""
    missing = []
    if not LIGHTHOUSE.exists():
        missing.append("lighthouse (npm ci)")
    if chromium() is None:
        missing.append("chromium (apt-get install -y chromium)")
    if shutil.which("node") is None:
        missing.append("node (apt-get install -y nodejs)")
    return missing


def run_lighthouse(url: str, page: str, only_audits: tuple[str, ...] = ()) -> Scores:
    """Lighthouse on one URL, in a fresh headless Chromium (``only_audits``: just those)."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]  # fmt: skip
    if only_audits:
        command.append(f"--only-audits={','.join(only_audits)}")
    env = {**os.environ, "CHROME_PATH": chromium() or ""}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse could not load {url}: {report['runtimeError']}")
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    measured = {ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]}
    failed = tuple(
        sorted(
            audit_id
            for audit_id in measured
            if report["audits"][audit_id].get("score") is not None
            and report["audits"][audit_id]["score"] < 1
            and report["audits"][audit_id].get("scoreDisplayMode") in {"binary", "numeric"}
        )
    )
    return Scores(page=page, scores=scores, failed=failed)


def version() -> str:
    result = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    return result.stdout.strip()


def pages_of(site: Path) -> list[str]:
    """The measured pages: home, program and the first paper page (in name order)."""
    paper = sorted(p.parent.name for p in (site / "papers").glob("*/index.html"))[0]
    return ["", "program/", f"papers/{paper}/"]


@contextmanager
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def audit(site: Path, base_url: str, pages: list[str] | None = None) -> list[Scores]:
    """Lighthouse on each page, two at a time (the scores measured here do not depend on speed;
    performance, which would, is not measured)."""
    pages = pages or pages_of(site)
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda page: run_lighthouse(base_url + page, page), pages))


def build_example(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # mkdocs.yml reads data/ itself
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
               str(site), "--config-file", str(ROOT / "mkdocs.yml")]  # fmt: skip
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def render(results: list[Scores], lighthouse_version: str) -> str:
    """The report as Markdown (no dates: the same scores give the same file)."""
    lines = [
        "# Lighthouse",
        "",
        f"Lighthouse {lighthouse_version} on Debian's Chromium (headless), the example site",
        "served on loopback. Written by `python3 bench/lighthouse.py`; `tests/test_lighthouse.py`",
        f"asserts every score is at least {BAR}.",
        "",
        "| page | accessibility | best practices | SEO | audits not passed |",
        "|---|---:|---:|---:|---|",
    ]
    for r in results:
        failed = ", ".join(f"`{a}`" for a in r.failed) or "none"
        lines.append(
            f"| `/{r.page}` | {r.scores['accessibility']} | {r.scores['best-practices']} | "
            f"{r.scores['seo']} | {failed} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the example)")
    parser.add_argument("--output", type=Path, default=REPORT)
    parser.add_argument("--check", action="store_true", help=f"exit 1 below {BAR}")
    args = parser.parse_args(argv)
    if missing := missing_tools():
        print("lighthouse.py needs: " + ", ".join(missing), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temp:
        site = args.site or Path(temp) / "site"
        if args.site is None:
            build_example(site)
        with served(site) as url:
            results = audit(site, url)
    args.output.write_text(render(results, version()))
    print(args.output.read_text(), end="")
    low = [item for r in results for item in r.below()]
    if args.check and low:
        print("below the bar: " + "; ".join(low), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
