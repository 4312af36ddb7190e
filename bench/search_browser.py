"""Site search in a real browser: time to the first result and bytes before it.

Builds a `confsite synth --papers N` site (or takes a built one), serves it on loopback the way
GitHub Pages does (gzip for text), opens the home page in headless Chromium (Playwright,
Debian's chromium), opens the search with its keyboard shortcut, types a query as a person
would (one key every 60 ms) and records, from navigation start:

- ``load``: the page's load event;
- ``first result``: the first result listed (of the letters typed so far, as the dialog
  searches at every key), and ``after last key``: how long after the last key the results of
  the whole query were listed;
- bytes transferred (compressed, headers included) before the first result, in total, for the
  search (``search/`` and the worker) and for ``sitemap.xml``; and the search's bytes before
  the search was opened.

Each query runs in a fresh browser context (nothing cached), as a first view. Two profiles: a
desktop (no throttling) and a phone (412x823, CPU 4x slower, 150 ms round trip, 1.6 Mbit/s down:
Lighthouse's "slow 4G"). A third row set, ``no instant``, serves the pages with Material's
``navigation.instant`` removed from their configuration, as if it were switched off in
mkdocs.yml, to show what the sitemap costs a first view.

    python3 bench/search_browser.py                      # 5,000 papers; writes bench/SEARCH.md
    python3 bench/search_browser.py --site DIR --label before   # an existing build

The table goes into bench/SEARCH.md between the markers of its label. This is a benchmark,
not a test: timings vary with the machine's load (best of ``--runs`` is reported).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "bench" / "SEARCH.md"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
KEY_DELAY_MS = 60
PHONE = {
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 2.625,
    "is_mobile": True,
    "has_touch": True,
}
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
    "uploadThroughput": 750 * 1024 / 8 * 0.9,
}
PROFILES = (("desktop", False), ("phone", False), ("desktop, no instant", True))
"""(name, whether instant navigation is taken out of the served pages)."""
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text (as GitHub Pages serves them); optionally with Material's
    instant navigation taken out of each page's configuration."""

    no_instant = False

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or not path.name.endswith(COMPRESSED):
            super().do_GET()
            return
        body = path.read_bytes()
        if self.no_instant and path.suffix == ".html":
            body = re.sub(rb'"navigation\.instant(\.progress)?",\s*', b"", body)
        headers = {"Content-Type": self.guess_type(str(path))}
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def served(site: Path, no_instant: bool = False) -> Iterator[str]:
    handler = type("Handler", (_Handler,), {"no_instant": no_instant})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: handler(*a, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Measure:
    profile: str
    query: str
    load_ms: float
    first_result_ms: float
    after_last_key_ms: float
    bytes_total: int
    bytes_search: int
    bytes_sitemap: int
    bytes_search_before_open: int
    requests: list[tuple[float, str, int]] = field(default_factory=list)


_WATCH = """() => {
  window.__firstResult = null;  // results of any query typed so far
  window.__renders = [];  // when results (or "no matching documents") were shown, each time
  const result = document.querySelector(".md-search-result");
  const list = result.querySelector(".md-search-result__list");
  const meta = result.querySelector(".md-search-result__meta");
  window.__lastKey = null;
  result.closest(".md-search").querySelector(".md-search__input")
    .addEventListener("keyup", () => { window.__lastKey = performance.now(); });
  new MutationObserver(() => {
    const now = performance.now();
    if (window.__firstResult === null && list.children.length) window.__firstResult = now;
    if (/matching/i.test(meta.textContent)) window.__renders.push(now);
  }).observe(result, { childList: true, subtree: true, characterData: true });
}"""
_FULL_QUERY = """last => window.__renders.some(t => t > last)"""


def measure(browser: Any, url: str, query: str, profile: str) -> Measure:
    phone = profile.startswith("phone")
    context = browser.new_context(**(PHONE if phone else {}))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if phone:
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    finished: list[tuple[float, Any]] = []  # (seconds since start, request), worker's too
    started = time.monotonic()
    context.on("requestfinished", lambda r: finished.append((time.monotonic() - started, r)))
    page.goto(url, wait_until="load")
    load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.evaluate(_WATCH)
    opened = time.monotonic() - started
    page.keyboard.press("s")
    page.keyboard.type(query, delay=KEY_DELAY_MS)
    last_key_ms = page.evaluate("window.__lastKey")
    # The list of the whole query: the first filled after the last key (the worker drops
    # the answer to an older query once a newer one has come).
    page.wait_for_function(_FULL_QUERY, arg=last_key_ms, timeout=120_000, polling=50)
    first_ms = page.evaluate("window.__firstResult")
    full_ms = page.evaluate(f"window.__renders.find(t => t > {last_key_ms})")
    first_ms = full_ms if first_ms is None else first_ms  # nothing found at all
    first_wall = time.monotonic() - started - (full_ms - first_ms) / 1000
    sized = []
    for at, request in finished:
        sizes = request.sizes()
        sized.append((at, request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
    context.close()

    def search(address: str) -> bool:
        return "/search/" in address or "search-worker" in address or "/workers/search" in address

    before = [f for f in sized if f[0] <= first_wall]
    return Measure(
        profile=profile,
        query=query,
        load_ms=load_ms,
        first_result_ms=first_ms,
        after_last_key_ms=full_ms - last_key_ms,
        bytes_total=sum(f[2] for f in before),
        bytes_search=sum(f[2] for f in before if search(f[1])),
        bytes_sitemap=sum(f[2] for f in before if f[1].endswith("sitemap.xml")),
        bytes_search_before_open=sum(f[2] for f in sized if f[0] <= opened and search(f[1])),
        requests=before,
    )


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def queries(data: Path) -> list[str]:
    """A title word, an accented family name typed without its accents, an affiliation."""
    papers = (data / "papers.yaml").read_text(encoding="utf-8")
    names = re.findall(r'- name: "([^"]+)"', papers)
    accented = next(n for n in names if not n.split()[-1].isascii()).split()[-1]
    affiliation = re.findall(r'affiliation: "([^"]+)"', papers)[0].split()[0]
    return ["checkpointing", ascii_fold(accented), affiliation]


def build(papers: int, work: Path) -> tuple[Path, Path]:
    data, site = work / "data", work / "site"
    run = [sys.executable, "-m", "generator"]
    subprocess.run([*run, "synth", "--papers", str(papers), "--out", str(data)], check=True)
    subprocess.run(
        [*run, "build", "--data", str(data), "--site-dir", str(site)],
        check=True,
        cwd=ROOT,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return data, site


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def table(rows: list[Measure]) -> str:
    lines = [
        "| profile | query | load | first result | after last key | transferred before it "
        "| of which search | of which sitemap.xml | search before opening |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.profile} | `{r.query}` | {r.load_ms / 1000:.2f} s "
            f"| {r.first_result_ms / 1000:.2f} s ({(r.first_result_ms - r.load_ms) / 1000:.2f} s "
            f"after load) | {r.after_last_key_ms / 1000:.2f} s | {kb(r.bytes_total)} "
            f"| {kb(r.bytes_search)} | {kb(r.bytes_sitemap)} | {kb(r.bytes_search_before_open)} |"
        )
    return "\n".join(lines)


def write_report(label: str, text: str) -> None:
    report = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Search\n"
    start, end = f"<!-- {label} -->", f"<!-- /{label} -->"
    block = f"{start}\n{text}\n{end}"
    if start in report:
        pattern = re.escape(start) + ".*?" + re.escape(end)
        report = re.sub(pattern, lambda _m: block, report, flags=re.S)
    else:
        report = report.rstrip() + "\n\n" + block + "\n"
    REPORT.write_text(report, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=5000)
    parser.add_argument("--site", type=Path, help="a built site (default: synthesise, build)")
    parser.add_argument("--data", type=Path, help="the data the site was built from")
    parser.add_argument("--label", default="after")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="confsite-search-bench-"))
    try:
        if args.site is None:
            data, site = build(args.papers, work)
        else:
            site, data = args.site, args.data or work / "data"
            if args.data is None:
                subprocess.run(
                    [sys.executable, "-m", "generator", "synth", "--papers", str(args.papers),
                     "--out", str(data)], check=True,
                )  # fmt: skip
        rows: list[Measure] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            for profile, no_instant in PROFILES:
                with served(site, no_instant) as url:
                    for query in queries(data):
                        runs = [measure(browser, url, query, profile) for _ in range(args.runs)]
                        best = min(runs, key=lambda r: r.first_result_ms)
                        rows.append(best)
                        print(table([best]).splitlines()[-1], flush=True)
            browser.close()
        text = (
            f"{args.papers:,} papers, site `{site.name}`, best of {args.runs} runs, "
            f"keys typed every {KEY_DELAY_MS} ms.\n\n{table(rows)}"
        )
        write_report(args.label, text)
        print(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
