"""Smoke test in a real headless Chromium: the pages people open first load cleanly.

Home, program and a paper page of the example site must load with no console error, no
uncaught exception, no failed request and no HTTP error, and show their key content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

pytestmark = pytest.mark.browser


@dataclass
class Problems:
    """Everything that went wrong while a page loaded, as readable lines."""

    lines: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser) -> Iterator[tuple[object, Problems]]:
    context = browser.new_context()
    page = context.new_page()
    problems = Problems()
    page.on(
        "console",
        lambda m: (
            problems.lines.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        ),
    )
    page.on("pageerror", lambda e: problems.lines.append(f"uncaught: {e}"))
    page.on(
        "requestfailed",
        lambda r: problems.lines.append(f"request failed: {r.url} ({r.failure})"),
    )
    page.on(
        "response",
        lambda r: problems.lines.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )
    yield page, problems
    context.close()


def load(page: object, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def test_browser_home_loads_cleanly_with_facts(page, example_url: str) -> None:
    tab, problems = page

    load(tab, example_url)

    assert problems.lines == []
    assert tab.title() == "Home - SysML 2027"
    assert tab.locator("article h1").first.inner_text().rstrip("¶") == "SysML"
    assert tab.locator(".cs-facts__list dd").first.inner_text().startswith("12–14 April 2027")


def test_browser_program_loads_cleanly_with_days(page, example_url: str) -> None:
    tab, problems = page

    load(tab, example_url + "program/")

    assert problems.lines == []
    days = tab.locator("article h2[id^='day-']").all_inner_texts()
    assert days == ["Monday 12 April 2027", "Tuesday 13 April 2027", "Wednesday 14 April 2027"]
    assert tab.locator("#keynote-1 .cs-speaker a").inner_text() == "Miriam Okafor"


def test_browser_paper_page_loads_cleanly_with_title_and_math(page, example_url: str) -> None:
    tab, problems = page

    load(tab, example_url + "papers/polyhedral-attention/")

    assert problems.lines == []
    title = tab.locator("article h1").first
    assert title.inner_text().startswith("Attention Kernels with Sub-")
    assert title.locator("math").count() == 1  # the math is MathML, not left as $...$
    assert tab.locator(".cs-authors li").count() >= 1
    assert (
        tab.locator("pre.cs-bibtex").inner_text().startswith("@inproceedings{polyhedral-attention,")
    )
