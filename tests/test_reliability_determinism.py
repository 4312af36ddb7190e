"""The same data gives the same bytes: every file of two builds compared.

The only clock MkDocs reads is the build date (sitemap ``<lastmod>`` and the gzip header of
``sitemap.xml.gz``); ``generator.reproducible`` pins it from the data. Two builds in separate
processes with different hash seeds and different output folders also catch set-order and
path leaks.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import EXAMPLE_DATA, ROOT, TOY_DATA
from test_serve import free_port, serving

from generator.reproducible import ENV, data_epoch


def confsite_build(data: Path, site: Path, **env: str) -> None:
    environment = {k: v for k, v in os.environ.items() if k != ENV}
    environment.update({"NO_MKDOCS_2_WARNING": "1", **env})
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--data", str(data), "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr


def tree(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def lastmods(site: Path) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text()))


def gzip_mtime(path: Path) -> int:
    header = path.read_bytes()[:10]
    return int.from_bytes(header[4:8], "little")


def test_determinism_two_builds_of_the_example_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "one" / "site", tmp_path / "two" / "public"

    confsite_build(EXAMPLE_DATA, first, PYTHONHASHSEED="1")
    confsite_build(EXAMPLE_DATA, second, PYTHONHASHSEED="2")

    one, two = tree(first), tree(second)
    assert len(one) > 100
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


def test_determinism_build_date_comes_from_the_data_not_the_clock(tmp_path: Path) -> None:
    """Outside git the date is the conference's first day (the toy starts 2030-06-03)."""
    data = tmp_path / "data"
    shutil.copytree(TOY_DATA, data)
    site = tmp_path / "site"

    confsite_build(data, site)

    start = int(datetime(2030, 6, 3, tzinfo=UTC).timestamp())
    assert data_epoch(data) == start
    assert lastmods(site) == {"2030-06-03"}
    assert gzip_mtime(site / "sitemap.xml.gz") == start
    assert (
        gzip.decompress((site / "sitemap.xml.gz").read_bytes())
        == (site / "sitemap.xml").read_bytes()
    )


def test_determinism_build_date_in_git_is_the_last_data_commit() -> None:
    done = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", "."],
        cwd=EXAMPLE_DATA,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        pytest.skip("the checkout has no git history here")

    assert data_epoch(EXAMPLE_DATA) == int(done.stdout)


def test_determinism_explicit_source_date_epoch_wins(tmp_path: Path) -> None:
    site = tmp_path / "site"

    confsite_build(TOY_DATA, site, **{ENV: "1700000000"})

    assert lastmods(site) == {"2023-11-14"}
    assert gzip_mtime(site / "sitemap.xml.gz") == int(
        datetime(2023, 11, 14, tzinfo=UTC).timestamp()
    )


SERVE_AFTER_BUILD = """
import logging, os, sys
from pathlib import Path
from generator.mkdocs_adapter.build import build_site
from generator.mkdocs_adapter.serve import serve_site
logging.basicConfig(level=logging.INFO)
config, site, first, second, address = sys.argv[1:]
os.environ.pop("SOURCE_DATE_EPOCH", None)
build_site(Path(config), Path(site), False, {"data_dir": Path(first)})
print("after the first build:", os.environ.get("SOURCE_DATE_EPOCH"), flush=True)
serve_site(Path(config), {"data_dir": Path(second)}, address)
"""


def test_determinism_serve_of_a_second_data_folder_gets_its_own_date(tmp_path: Path) -> None:
    """One process builds one data folder, then serves another for as long as it likes: the
    build date was set for the first build only, so the second gets its own data's date."""
    first, second = tmp_path / "toy", tmp_path / "example"
    shutil.copytree(TOY_DATA, first)
    shutil.copytree(EXAMPLE_DATA, second)  # outside git: the date is its first day
    site, port = tmp_path / "site", free_port()
    command = [sys.executable, "-c", SERVE_AFTER_BUILD, str(ROOT / "mkdocs.yml"), str(site)]
    command += [str(first), str(second), f"127.0.0.1:{port}"]

    with serving(command, tmp_path, port) as server:
        served = set(re.findall(r"<lastmod>([^<]+)</lastmod>", server.get("sitemap.xml")))
        output = server.output()

    second_date = datetime.fromtimestamp(data_epoch(second), UTC).date().isoformat()
    assert lastmods(site) == {"2030-06-03"}
    assert "after the first build: None" in output
    assert served == {second_date}
    assert second_date != "2030-06-03"
