"""The home page's "Now and next" in a real headless Chromium on the example site: during the
conference it lists what runs and what starts next with room and time, and its "Jump to now"
opens the program at the session running; outside the conference it stays hidden and the
agenda data is not even fetched."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

# Monday 12 April 2027, 10:45 in the example's Pacific time: the compiler and distributed
# training sessions (10:30-12:00, Rooms A and B) run; lunch (12:00) is next.
DURING = "2027-04-12T17:45:00Z"
BEFORE = "2027-03-01T12:00:00Z"


@pytest.fixture
def open_home(browser: Any, example_url: str) -> Iterator[Any]:
    contexts: list[Any] = []
    errors: list[str] = []

    def open_(clock: str, requests: list[str] | None = None) -> Any:
        context = browser.new_context(
            locale="en-US",
            timezone_id="America/Los_Angeles",
            viewport={"width": 1280, "height": 900},
        )
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        if requests is not None:
            page.on("request", lambda request: requests.append(request.url))
        page.clock.set_fixed_time(clock)
        page.goto(example_url)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


def test_home_lists_the_sessions_running_and_next_with_rooms(open_home: Any) -> None:
    page = open_home(DURING)
    box = page.locator(".cs-home-now")
    box.locator("li").first.wait_for()
    assert box.is_visible()
    assert box.locator("h2").inner_text() == "Now and next"
    items = box.locator("li").all_inner_texts()
    assert len(items) == 3
    badges = box.locator(".cs-badge").all_text_contents()
    assert badges == ["Happening now", "Happening now", "Next"]
    assert "ML Compilers and Code Generation" in items[0] and "Room A" in items[0]
    assert "Distributed Training" in items[1] and "Room B" in items[1]
    assert "Lunch" in items[2] and "Harbor Hall" in items[2]
    assert "Monday 12 April 2027, 10:30–12:00" in items[0]
    link = box.get_by_role("link", name="ML Compilers and Code Generation")
    assert link.get_attribute("href").endswith("program/s-compilers/")


def test_jump_to_now_opens_the_program_at_the_running_session(open_home: Any) -> None:
    page = open_home(DURING)
    jump = page.get_by_role("link", name="Jump to now")
    jump.click()
    page.wait_for_url("**/program/#now")
    running = page.locator("li.cs-session.cs-now").first
    running.wait_for()
    page.wait_for_function("document.activeElement.classList.contains('cs-now')")
    assert running.get_attribute("id") in {"s-compilers", "s-distributed-training"}
    box = running.bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_home_shows_nothing_and_fetches_no_agenda_outside_the_conference(
    open_home: Any,
) -> None:
    requests: list[str] = []
    page = open_home(BEFORE, requests)
    page.wait_for_load_state("networkidle")
    assert page.locator(".cs-home-now").is_hidden()
    assert not [url for url in requests if url.endswith("agenda.json")]


def test_program_opened_at_now_shows_the_running_session(browser: Any, example_url: str) -> None:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.clock.set_fixed_time(DURING)
    page.goto(example_url + "program/#now")
    page.wait_for_function("document.activeElement.classList.contains('cs-now')")
    box = page.locator("li.cs-session.cs-now").first.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    context.close()
