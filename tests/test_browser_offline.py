"""The site offline in a real headless Chromium: visited once online, under a base path (as a
GitHub Pages project site), the program, the agenda with its stars and a visited paper open
with the network gone (the browser offline and the server shut down); the manifest is what
Chromium itself calls installable."""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM_ARGS, EXAMPLE_DATA, ROOT, build_site, chromium_path, serve

pytestmark = pytest.mark.browser

BASE = "sysml-2027"
"""The site is served under /sysml-2027/, as a GitHub Pages project site is."""


@pytest.fixture
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str, Path]]:
    """The example site built for and served at http://127.0.0.1:PORT/sysml-2027/ (server,
    base URL, site folder), with site_url set to that address as a deployed site has it."""
    root = tmp_path_factory.mktemp("project")
    server, url = serve(root)
    base = f"{url}{BASE}/"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: site_src", f"docs_dir: {ROOT / 'site_src'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    assert str(ROOT) in config
    (root / "mkdocs.yml").write_text(f"site_url: {base}\n{config}", encoding="utf-8")
    site = root / BASE
    built = build_site(EXAMPLE_DATA, site, root / "mkdocs.yml")
    assert built.returncode == 0, built.stderr
    yield server, base, site
    server.shutdown()


def controlled(page: Any) -> None:
    """Wait until the service worker is active and controls the page."""
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller")


def kept_urls(page: Any) -> list[str]:
    return page.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) urls.push(request.url);
            }
            return urls.sort();
        }"""
    )


def test_program_agenda_and_visited_paper_open_offline(
    browser: Any, project_site: tuple[Any, str, Path]
) -> None:
    server, base, site = project_site
    context = browser.new_context(locale="en-US", timezone_id="America/Los_Angeles")
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base)
        controlled(page)
        # One visit online: a paper page, starred.
        page.locator(".md-tabs a", has_text="Program").click()
        page.wait_for_url(base + "program/")
        page.goto(base + "papers/tessera/")
        page.locator('button.cs-star[data-star="p:tessera"]').click()
        version = re.search(r'"version": "([0-9a-f]+)"', (site / "sw.js").read_text())
        assert version is not None
        assert page.evaluate("caches.keys()") == [f"confsite:{base}:{version.group(1)}"]
        kept = kept_urls(page)
        for path in ("", "program/", "program/my-agenda/", "program/agenda.json"):
            assert base + path in kept

        server.shutdown()
        server.server_close()
        context.set_offline(True)

        page.goto(base + "program/")
        assert page.locator("h1").first.inner_text() == "Program"
        assert page.locator("li.cs-session").count() == 28
        # A link followed offline is answered by the worker too.
        page.locator('a[href$="papers/tessera/"]').first.click()
        page.wait_for_url(base + "papers/tessera/")
        assert page.locator("h1").first.inner_text().startswith("Tessera:")
        page.goto(base + "program/my-agenda/")
        item = page.locator("li.cs-agenda__item")
        item.first.wait_for()
        assert item.count() == 1
        assert item.first.locator(".cs-agenda__title").inner_text().startswith("Tessera:")
        page.goto(base + "papers/tessera/")
        assert page.locator("h1").first.inner_text().startswith("Tessera:")
        # Styles come from the cache too: the theme is applied, not a bare page.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
            "sticky",
            "fixed",
        )
        # A page never opened says so, with the way to what is kept.
        response = page.goto(base + "committee/")
        assert response is not None and response.status == 503
        assert page.locator("h1").inner_text() == "You are offline"
        page.get_by_role("link", name="program").click()
        assert page.url == base + "program/"
    finally:
        context.close()
    assert errors == []


def test_a_new_deploy_replaces_the_kept_copies(
    browser: Any, example_site: Path, toy_site: Path, tmp_path: Path
) -> None:
    """Another build (another version) takes over on the next visit and drops the old cache."""
    link = tmp_path / BASE
    link.symlink_to(example_site, target_is_directory=True)
    server, url = serve(tmp_path)
    base = f"{url}{BASE}/"
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base)
        controlled(page)
        first = page.evaluate("caches.keys()")
        link.unlink()
        link.symlink_to(toy_site, target_is_directory=True)  # the next deploy
        page.goto(base + "program/")
        page.wait_for_function(
            f"caches.keys().then(k => k.length === 1 && k[0] !== {json.dumps(first[0])})"
        )
        page.reload()
        assert page.locator(".md-header__topic").first.inner_text() == "ToyConf 2030"
        assert base + "program/" in kept_urls(page)
    finally:
        context.close()
        server.shutdown()


def test_manifest_is_installable_in_chromium(
    browser: Any, example_url: str, tmp_path: Path
) -> None:
    """Chromium's own installability check (what Lighthouse's PWA audit reported until
    Lighthouse 12 dropped it), in a profile of its own: incognito is never installable."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path(), args=CHROMIUM_ARGS
    )
    try:
        page = context.new_page()
        page.goto(example_url)
        controlled(page)
        session = context.new_cdp_session(page)
        manifest = session.send("Page.getAppManifest")
        assert manifest["errors"] == []
        assert manifest["url"] == example_url + "manifest.webmanifest"
        assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        parsed = json.loads(manifest["data"])
        assert parsed["start_url"] == "program/"
        assert parsed["theme_color"] == "#4051b5"  # Material's indigo, the site's primary
        for icon in parsed["icons"]:
            response = page.request.get(example_url + icon["src"])
            assert response.status == 200
            assert response.headers["content-type"] == "image/png"
            size = int(icon["sizes"].split("x")[0])
            assert struct.unpack(">II", response.body()[16:24]) == (size, size)
    finally:
        context.close()
