"""The test series in a real headless Chromium: an old address of the former single site
leads on to its page under /2030/, and the series home leads to each edition."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import build_site, serve
from series_data import SERIES_DATA

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def series_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("series-browser") / "site"
    result = build_site(SERIES_DATA, site)
    assert result.returncode == 0, result.stderr
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture
def tab(browser) -> Iterator[tuple[object, list[str]]]:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on(
        "response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None
    )
    yield page, problems
    context.close()


def test_browser_series_old_address_leads_to_the_moved_page(
    series_url: str, tab: tuple[object, list[str]]
) -> None:
    page, problems = tab
    page.goto(series_url + "papers/tiny-tensors/")
    page.wait_for_url(series_url + "2030/papers/tiny-tensors/")
    assert page.locator("article h1").first.inner_text() == (
        "Tiny Tensors: Compiling for Microcontrollers"
    )
    assert problems == []


def test_browser_series_home_leads_to_an_edition(
    series_url: str, tab: tuple[object, list[str]]
) -> None:
    page, problems = tab
    page.goto(series_url)
    page.get_by_role("link", name="ToySys 2029").click()
    page.wait_for_url(series_url + "2029/")
    assert page.title() == "ToySys 2029 - ToyConf"
    page.get_by_role("link", name="Every edition of ToyConf").click()
    page.wait_for_url(series_url)
    assert problems == []


def test_browser_series_agenda_is_the_editions_own(
    series_url: str, tab: tuple[object, list[str]]
) -> None:
    """A session starred in /2030/ is on 2030's agenda, read from 2030's own agenda data."""
    page, problems = tab
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if r.url.endswith("agenda.json") else None)
    page.goto(series_url + "2030/program/")
    page.locator('button.cs-star[data-star="s:s-compilers"]').first.click()
    page.goto(series_url + "2030/program/my-agenda/")
    title = page.locator(".cs-agenda .cs-agenda__title")
    assert title.all_inner_texts() == ["Compilers"]
    assert title.get_attribute("href") == series_url + "2030/program/s-compilers/"
    assert fetched and set(fetched) == {series_url + "2030/program/agenda.json"}
    assert problems == []
