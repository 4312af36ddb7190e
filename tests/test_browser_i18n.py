"""A German site in a real headless Chromium: Material's chrome, confsite's words and the
visitor's local times all in German, whatever the browser's own locale."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLE_DATA, ROOT, build_site, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built by `mkdocs build --strict` from a copy of mkdocs.yml that says
    ``theme.language: de``."""
    folder = tmp_path_factory.mktemp("german")
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["theme"]["language"] = "de"
    settings["docs_dir"] = str(ROOT / settings["docs_dir"])
    settings["theme"]["custom_dir"] = str(ROOT / settings["theme"]["custom_dir"])
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    site = folder / "site"
    result = build_site(EXAMPLE_DATA, site, config)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def german_url(german_site: Path) -> Iterator[str]:
    server, url = serve(german_site)
    yield url
    server.shutdown()


@pytest.fixture
def open_page(browser: Any, german_url: str) -> Iterator[Any]:
    contexts: list[Any] = []
    errors: list[str] = []

    def open_(path: str, **options: Any) -> Any:
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(german_url + path)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


@pytest.mark.parametrize("browser_locale", ["ja-JP", "en-US", "de-DE"])
def test_local_times_on_a_german_page_are_german(open_page: Any, browser_locale: str) -> None:
    tokyo = open_page("program/", timezone_id="Asia/Tokyo", locale=browser_locale)
    tokyo.locator(".cs-when__local").first.wait_for()

    assert tokyo.locator("html").get_attribute("lang") == "de"
    assert tokyo.locator("#s-compilers .cs-when__conference").inner_text() == "10:30–12:00 PDT"
    # 10:30 in Los Angeles (UTC-7 in April) is 02:30 the next day in Tokyo.
    assert tokyo.locator("#s-compilers .cs-when__local").inner_text() == (
        "02:30–04:00 Di., 13. Apr. Ihre Zeit"
    )
    assert tokyo.locator("#s-compilers .cs-when__local").get_attribute("title") == (
        "Ihre Zeitzone: Asia/Tokyo"
    )


def test_german_page_buttons_and_headings(open_page: Any) -> None:
    page = open_page("program/", timezone_id="America/Los_Angeles", locale="en-US")
    star = page.locator("#s-compilers button.cs-star").first
    star.wait_for()

    assert page.locator("h1").first.inner_text() == "Programm"
    assert star.get_attribute("title") == "Zu meinem Programm hinzufügen"
    assert star.get_attribute("aria-label") == "Mein Programm: ML Compilers and Code Generation"
    star.click()
    assert star.get_attribute("title") == "In meinem Programm (zum Entfernen klicken)"


def test_german_countdown(open_page: Any, browser: Any, german_url: str) -> None:
    context = browser.new_context(timezone_id="Asia/Tokyo", locale="ja-JP")
    try:
        page = context.new_page()
        page.clock.set_fixed_time("2026-09-20T00:00:00Z")
        page.goto(german_url + "call-for-papers/")
        box = page.locator("p.cs-countdown")
        box.wait_for()
        text = box.inner_text()
    finally:
        context.close()

    assert text.startswith("Als Nächstes: Abstract registration in 6 Tage 11 Std. (")
    assert "Ihre Zeit)." in text
    assert text.endswith(" AoE = Anywhere on Earth (überall auf der Erde), UTC−12.")
