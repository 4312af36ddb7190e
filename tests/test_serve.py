"""`confsite serve`: an edit of one paper shows at once; the rest follows; errors keep the site.

The real command runs on a port of its own over a project folder of its own (mkdocs.yml,
site_src/, overrides/ and a synthetic conference), and the test edits files as an organizer
would and reads the pages over HTTP.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import EXAMPLE_SERIES, ROOT, run_confsite

from generator import synth
from generator.search.index import shard_file, shard_key


@dataclass
class Server:
    url: str
    project: Path
    process: subprocess.Popen[str]
    log: Path

    def get(self, path: str) -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return f"HTTP {error.code}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, what: str, check: Callable[[], bool], seconds: float = 60) -> float:
        started = time.monotonic()
        while not check():
            assert self.process.poll() is None, self.output()
            assert time.monotonic() - started < seconds, f"{what}:\n{self.output()}"
            time.sleep(0.05)
        return time.monotonic() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def new_project(folder: Path, papers: int = 40) -> Path:
    """A site project of its own: mkdocs.yml, site_src/, overrides/, a synthetic conference."""
    site_project(folder)
    synth.write(folder / "data", papers, seed=3)
    return folder


def site_project(folder: Path) -> Path:
    """mkdocs.yml, site_src/ and overrides/ in ``folder``, for data of the test's choosing."""
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("site_src", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, folder / name)
    return folder


@contextmanager
def serving(command: list[str], project: Path, port: int, **env: str) -> Iterator[Server]:
    """``command`` (a ``confsite serve`` on ``port``) running in ``project`` until the block
    ends; entered once it serves."""
    log = project / "serve.log"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, cwd=project, stdout=out, stderr=subprocess.STDOUT, text=True,
            env=environment,
        )  # fmt: skip
    running = Server(f"http://127.0.0.1:{port}/", project, process, log)
    try:
        running.wait_for("the first build", lambda: "Serving on" in running.output(), 120)
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)


def searchable(server: Server, word: str) -> bool:
    """Whether the served search index holds ``word`` (in the shard its prefix leads to)."""
    manifest = json.loads(server.get("search/manifest.json"))
    key = shard_key(word, frozenset(manifest["split"]))
    return word in json.loads(server.get(f"search/{shard_file(key)}"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    project = new_project(tmp_path_factory.mktemp("serve"))
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with serving(command, project, port) as running:
        yield running


def abstract_start(paper: str) -> str:
    """A pattern of the text before the first word of ``paper``'s abstract in papers.yaml."""
    return rf"^(  - id: {paper}\n(?:    .*\n)*?    abstract: \|\n      )"


def replace_once(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count == 1, pattern
    path.write_text(changed, encoding="utf-8")


def test_serve_abstract_edit_is_quick_and_the_rest_follows(server: Server) -> None:
    papers = server.project / "data" / "papers.yaml"
    assert "p00007" in server.get("papers/p00007/")
    replace_once(papers, abstract_start("p00007"), r"\1Zebrafinch. ")

    server.wait_for("the paper page", lambda: "Zebrafinch." in server.get("papers/p00007/"), 20)

    assert re.search(r"Paper 'p00007' updated in \d+ ms", server.output())
    server.wait_for("the background build", lambda: "every page is current" in server.output(), 60)
    assert searchable(server, "zebrafinch")
    assert "livereload" in server.get("papers/p00007/")  # browsers are told to reload


def test_serve_error_is_reported_and_the_site_stays(server: Server) -> None:
    papers = server.project / "data" / "papers.yaml"
    before = server.output()
    replace_once(papers, r"^(  - id: p00009\n)", r"\1    colour: red\n")

    server.wait_for("the error", lambda: "colour" in server.output()[len(before) :], 60)

    report = server.output()[len(before) :]
    assert re.search(r"papers\.yaml:\d+: error: .*colour", report), report
    assert "Traceback" not in report
    assert "p00009" in server.get("papers/p00009/")  # the last good site is still served
    replace_once(papers, r"^    colour: red\n", "")
    server.wait_for(
        "the repaired build",
        lambda: "Documentation built" in server.output()[len(report) + len(before) :],
        60,
    )


def test_serve_hand_written_page_edit_rebuilds(server: Server) -> None:
    page = server.project / "site_src" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nQuokka welcome.\n", encoding="utf-8")

    server.wait_for("the home page", lambda: "Quokka welcome." in server.get(""), 60)


def test_serve_bad_data_at_start_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    synth.write(data, 5, seed=1)
    with (data / "papers.yaml").open("a", encoding="utf-8") as papers:
        papers.write("  - id: [broken\n")
    done = run_confsite("serve", "--data", str(data), "--dev-addr", f"127.0.0.1:{free_port()}")
    assert done.returncode == 1
    assert re.search(r"papers\.yaml:\d+: error: YAML syntax", done.stderr), done.stderr
    assert "serve stopped" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_background_build_never_undoes_a_later_change(server: Server) -> None:
    """A quick edit starts a full build in the background; a change made while it runs must
    not be lost when that (older) build finishes."""
    papers = server.project / "data" / "papers.yaml"
    replace_once(papers, abstract_start("p00011"), r"\1Axolotl. ")
    server.wait_for("the quick edit", lambda: "Axolotl." in server.get("papers/p00011/"), 20)
    page = server.project / "site_src" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nPlatypus news.\n", encoding="utf-8")
    server.wait_for("the home page", lambda: "Platypus news." in server.get(""), 60)

    time.sleep(8)  # longer than a full build of 40 papers: the older build has finished

    assert "Platypus news." in server.get("")
    assert "Axolotl." in server.get("papers/p00011/")
    assert searchable(server, "axolotl")


def test_serve_has_no_service_worker_and_removes_one_left_over(server: Server) -> None:
    """Live reload must never show a kept copy: under serve the worker is not written, and the
    registration script unregisters any worker a built site left on this address."""
    assert server.get("sw.js") == "HTTP 404"
    script = server.get("assets/confsite/offline.js")
    assert "var OFFLINE = false;" in script
    assert "registration.unregister()" in script
    assert "manifest.webmanifest" in server.get("")  # still installable from the preview


def test_serve_series_title_edits_of_two_editions_are_quick(tmp_path: Path) -> None:
    """In a series an edit of one paper of a past edition, then one of the current edition,
    each show at once under /<year>/ without a full build; the series' person page, a list,
    follows from the build in the background."""
    project = site_project(tmp_path)
    shutil.copytree(EXAMPLE_SERIES, project / "data")
    # A title edit of a paper with a .bib entry of its own would disagree with it (an error,
    # which a full build reports): these two papers come without one.
    for year, paper in (("2026", "saturating-schedules"), ("2027", "tessera")):
        entry = rf"^@inproceedings\{{{paper},\n(?:.*\n)*?\}}\n\n?"
        replace_once(project / "data" / year / "proceedings.bib", entry, "")
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with serving(command, project, port) as server:
        assert "Saturating Schedules" in server.get("2026/papers/saturating-schedules/")
        quick_title_edit(server, "2026", "saturating-schedules", "Saturating", "Wombat")
        assert "Wombat Schedules" in server.get("2026/authors/kai-tanaka/")  # the edition's
        assert "Wombat Schedules" in server.get("2026/papers/saturating-schedules.bib")
        before = len(server.output())
        quick_title_edit(server, "2027", "tessera", "Tessera:", "Numbat:")
        assert "Wombat Schedules" in server.get("2026/papers/saturating-schedules/")

        def person_current() -> bool:
            page = server.get("people/kai-tanaka/")
            return "Wombat Schedules" in page and "Numbat: Auto-Scheduling" in page

        server.wait_for("the background build", person_current, 120)
        assert "every page is current" in server.output()[before:]
        assert searchable(server, "wombat")
        assert searchable(server, "numbat")


def quick_title_edit(server: Server, year: str, paper: str, old: str, new: str) -> None:
    """Replace ``old`` at the start of ``paper``'s title in the edition of ``year``; its page
    must show it, and serve's log must say it took the quick path (not a full build)."""
    before = len(server.output())
    papers = server.project / "data" / year / "papers.yaml"
    replace_once(papers, rf'^(  - id: {paper}\n    title: "){re.escape(old)}', rf"\g<1>{new}")
    page = f"{year}/papers/{paper}/"
    server.wait_for(f"the page {page}", lambda: f"{new} " in server.get(page), 20)
    updated = rf"Paper '{year}/{paper}' updated in \d+ ms"
    assert re.search(updated, server.output()[before:]), server.output()[before:]
