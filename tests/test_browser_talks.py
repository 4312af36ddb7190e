"""Talk slots and workshops in a real headless Chromium: a talk starred on the workshop page is
on the agenda at its own slot; the paper page shows its slot in the visitor's time too."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_workshop_page_star_a_talk_and_find_it_at_its_slot(browser: Any, example_url: str) -> None:
    context = browser.new_context(locale="en-US", timezone_id="America/Los_Angeles")
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(example_url + "program/workshop-hardware-futures/")

    assert page.locator("h1").inner_text() == "Workshop: Hardware Futures for ML Systems"
    assert page.locator(".cs-organizers").inner_text() == "Organisers: Keiko Tanaka, Rahul Mehta"
    page.locator('button.cs-star[data-star="p:optical-moe-switching"]').click()
    page.goto(example_url + "program/my-agenda/")
    item = page.locator("li.cs-agenda__item")
    item.first.wait_for()

    assert item.count() == 1
    assert item.locator(".cs-when__conference").inner_text() == (
        "Wednesday 14 April 2027, 09:15–09:45 PDT"
    )
    assert "in Workshop: Hardware Futures" in item.locator(".cs-agenda__details").inner_text()
    context.close()
    assert errors == []


def test_paper_page_shows_its_slot_in_the_visitors_time(browser: Any, example_url: str) -> None:
    context = browser.new_context(locale="en-US", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto(example_url + "papers/fusebox/")
    local = page.locator(".cs-paper-actions .cs-when")
    local.locator(".cs-when__local").wait_for()

    assert page.locator("p.cs-slot time").inner_text() == "10:50–11:10"
    # 10:50 in Los Angeles (UTC-7 in April) is 02:50 the next day in Tokyo.
    assert local.locator(".cs-when__local").inner_text() == "02:50–03:10 Tue, Apr 13 your time"
    context.close()
