"""Shared fixtures: the example and toy data, real MkDocs builds, a real headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import load_yaml_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SERIES = ROOT / "data"
"""The shipped example: a series of three editions (data/series.yaml, data/2025/ ...)."""
EXAMPLE_DATA = EXAMPLE_SERIES / "2027"
"""Its current edition, a complete single-edition data folder on its own."""
TOY_DATA = Path(__file__).resolve().parent / "data" / "toy"
REFERENCE = Path(__file__).resolve().parent / "data" / "reference"
"""Real public files (tests/data/reference/SOURCES.md says where each comes from)."""
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def run_confsite(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as an organizer would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def site_config(
    folder: Path, data_dir: Path, config: Path = ROOT / "mkdocs.yml", **options: object
) -> Path:
    """``config`` written into ``folder`` with the conference plugin set to ``data_dir`` and
    ``options`` (its other settings: jobs, frames, page_budget); the hand-written pages and
    overrides stay where ``config`` has them."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["docs_dir"] = str(config.parent / settings.get("docs_dir", "docs"))
    theme = settings.get("theme", {})
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = str(config.parent / theme["custom_dir"])
    plugins = [
        plugin
        for plugin in settings.get("plugins", [])
        if plugin != "conference" and not (isinstance(plugin, dict) and "conference" in plugin)
    ]
    settings["plugins"] = [*plugins, {"conference": {"data_dir": str(data_dir), **options}}]
    folder.mkdir(parents=True, exist_ok=True)
    written = folder / "mkdocs.yml"
    written.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return written


def build_site(
    data_dir: Path, site_dir: Path, config: Path = ROOT / "mkdocs.yml", **options: object
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of ``config`` (the repository's mkdocs.yml) over ``data_dir``,
    with the conference plugin's other ``options``; the configuration that says so is written
    beside ``site_dir``."""
    written = site_config(site_dir.parent / f"{site_dir.name}.config", data_dir, config, **options)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(site_dir),
            "--config-file",
            str(written),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped example conference, built once per test run with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("example") / "site"
    result = build_site(EXAMPLE_DATA, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def toy_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("toy") / "site"
    result = build_site(TOY_DATA, site)
    assert result.returncode == 0, result.stderr
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a built site on loopback; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture(scope="session")
def example_url(example_site: Path) -> Iterator[str]:
    """Base URL of the example site served on 127.0.0.1."""
    server, url = serve(example_site)
    yield url
    server.shutdown()


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright (it cannot download browsers here).

    Without Chromium the browser tests skip, saying how to install it; under CI (``CI`` set)
    a missing browser is a failure, so CI can never pass by skipping them.
    """
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed: pip install -e '.[test]'")
        pytest.skip("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def read_papers(data_dir: Path) -> dict[str, dict]:
    """A data folder's papers.yaml, as the loader reads it, by paper id."""
    root = load_yaml_file(data_dir / "papers.yaml", "papers.yaml", Diagnostics())
    return {paper["id"]: paper for paper in root["papers"]}


def fill_in_new_site(root: Path) -> None:
    """What an organizer does first in a new site: set the values marked '# change me' (here
    kept as they are, marks deleted) and the site's real address."""
    conference = root / "data" / "conference.yaml"
    text = re.sub(r" *# change me.*", "", conference.read_text())
    conference.write_text(text.replace("https://example.org/", "https://conference-site.org/"))


def new_site_with_import(root: Path, kind: str, source: Path, name: str, year: str) -> str:
    """`confsite new ROOT`, filled in, then `confsite import KIND SOURCE` in it; returns the
    import report."""
    assert run_confsite("new", str(root), "--name", name, "--year", year).returncode == 0
    fill_in_new_site(root)
    result = run_confsite("import", kind, str(source), cwd=root)
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, from npm (`npm ci`); missing, the tests skip, or fail under CI."""
    if not AXE_JS.is_file():
        message = "axe-core is not installed: npm ci (as .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE_JS.read_text()
