"""What a visitor's browser downloads for the home page, against a bare Material page.

    python3 bench/page_weight.py              # builds the example site and a bare Material site
    python3 bench/page_weight.py --papers 5000  # a `confsite synth` conference of that size instead

Each site is served on loopback and its home page opened in headless Chromium (the browser
the tests use) until the network is idle: every response is counted, as bytes and as gzip
(level 6, what a static host typically serves). The bare page is ``mkdocs new``'s page with
``theme: material`` and nothing else, the floor any Material site pays. Prints Markdown for
bench/RESULTS.md, with the largest resources.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def weigh(site: Path) -> list[tuple[str, int, int]]:
    """(path, bytes, gzip bytes) of every response the home page causes."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    found: list[tuple[str, int, int]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=ARGS
            )
            page = browser.new_page()

            def record(response) -> None:
                try:
                    body = response.body()
                except Exception:  # a redirect has no body
                    return
                found.append(
                    (response.url.removeprefix(base), len(body), len(gzip.compress(body, 6)))
                )

            page.on("response", record)
            page.goto(base, wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    return found


def build_example(out: Path, papers: int) -> Path:
    """The example site, or (with ``papers``) a synthetic conference of that many papers."""
    site = out / "example"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    data: list[str] = []
    if papers:
        folder = out / "data"
        subprocess.run(
            [sys.executable, "-m", "generator", "synth", "--papers", str(papers), "--out",
             str(folder)],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip
        data = ["--data", str(folder)]
    subprocess.run(
        [sys.executable, "-m", "generator", "build", *data, "--site-dir", str(site)],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return site


def build_bare(out: Path) -> Path:
    project = out / "bare"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Welcome\n\nA bare Material page.\n")
    (project / "mkdocs.yml").write_text("site_name: Bare\ntheme:\n  name: material\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(out / "bare-site")],
        cwd=project, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return out / "bare-site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=0, help="a synthetic conference instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        example, bare = weigh(build_example(out, args.papers)), weigh(build_bare(out))
    if args.papers:
        print(f"{args.papers:,} synthetic papers (`confsite synth`)\n")
    total = [sum(r[1] for r in rows) for rows in (example, bare)]
    zipped = [sum(r[2] for r in rows) for rows in (example, bare)]
    print("| home page | requests | bytes | gzip |")
    print("|---|---|---|---|")
    for name, rows, size, small in (
        ("example site", example, total[0], zipped[0]),
        ("bare Material", bare, total[1], zipped[1]),
    ):
        print(f"| {name} | {len(rows)} | {size / 1024:.0f} KiB | {small / 1024:.0f} KiB |")
    print(f"| ratio | | {total[0] / total[1]:.2f}x | {zipped[0] / zipped[1]:.2f}x |")
    print("\nLargest resources of the example's home page (bytes, gzip):")
    for path, size, small in sorted(example, key=lambda r: -r[1])[:8]:
        print(f"- `{path or '/'}`: {size / 1024:.1f} KiB, {small / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
