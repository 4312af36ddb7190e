"""The program grid in a real headless Chromium: room columns in the set order with headers,
room for ten rooms, boxes as tall as their sessions are long, the time axis, the "now" line,
the list on phones, and the program regrouped under a Tokyo visitor's own days."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TOY_DATA, build_site, serve

pytestmark = pytest.mark.browser

GRID_SESSIONS = Path(__file__).parent / "data" / "grid10-sessions.yaml"
ROOMS = [f"Room {k}" for k in range(10, 0, -1)]
DAY = 'section[aria-labelledby="day-2030-06-04"]'


@pytest.fixture(scope="module")
def grid_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The toy conference with ten parallel rooms on its second day, rooms: listed 10 to 1."""
    root = tmp_path_factory.mktemp("grid10")
    data = root / "data"
    shutil.copytree(TOY_DATA, data)
    program = data / "program.yaml"
    listed = "".join(f"  - {room}\n" for room in ROOMS)
    text = program.read_text(encoding="utf-8").replace("days:\n", f"rooms:\n{listed}days:\n", 1)
    program.write_text(text + GRID_SESSIONS.read_text(encoding="utf-8"), encoding="utf-8")
    result = build_site(data, root / "site")
    assert result.returncode == 0, result.stderr
    server, url = serve(root / "site")
    yield url
    server.shutdown()


@pytest.fixture
def open_grid(browser: Any, grid_url: str) -> Iterator[Any]:
    contexts: list[Any] = []
    errors: list[str] = []

    def open_(path: str = "program/", clock: str | None = None, **options: Any) -> Any:
        options.setdefault("locale", "en-US")
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        if clock:
            page.clock.set_fixed_time(clock)
        page.goto(grid_url + path)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


def boxes(page: Any, selector: str) -> list[dict[str, float]]:
    return page.locator(selector).evaluate_all(
        "l => l.map(e => { const r = e.getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height, bottom: r.bottom}; })"
    )


def test_grid_columns_follow_the_rooms_list_with_headers(open_grid: Any) -> None:
    page = open_grid()
    headers = page.locator(f"{DAY} .cs-grid-room")

    assert headers.all_inner_texts() == [*ROOMS, "Foyer", "Hall B"][: headers.count()]
    assert headers.all_inner_texts()[:10] == ROOMS
    # Each session sits under its room's header.
    header_x = {
        text: box["x"]
        for text, box in zip(
            headers.all_inner_texts(), boxes(page, f"{DAY} .cs-grid-room"), strict=True
        )
    }
    for k in range(1, 11):
        assert boxes(page, f"#track-{k}")[0]["x"] == pytest.approx(header_x[f"Room {k}"], abs=1)


def test_grid_columns_stay_wide_and_scroll_inside_the_grid_at_ten_rooms(open_grid: Any) -> None:
    page = open_grid()
    widths = [box["width"] for box in boxes(page, f"{DAY} .cs-grid-room")]
    grid = page.locator(f"{DAY} > ol.cs-sessions")

    assert len(widths) >= 10
    assert min(widths) >= 160
    assert grid.evaluate("e => e.scrollWidth > e.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    label = page.locator(f"{DAY} .cs-grid-time").first
    before = label.bounding_box()["x"]
    grid.evaluate("e => { e.scrollLeft = 600; }")
    assert label.bounding_box()["x"] == pytest.approx(before, abs=1)  # the time axis stays


def test_grid_box_heights_are_proportional_to_duration(open_grid: Any) -> None:
    page = open_grid()
    gap = page.locator(f"{DAY} > ol.cs-sessions").evaluate(
        "e => parseFloat(getComputedStyle(e).rowGap)"
    )
    # A box spans its rows and the gaps between them: height + one gap per 15 minutes (two
    # for each of Room k's k half hours). Content taller than its time would stretch its rows.
    per_half_hour = [(boxes(page, f"#track-{k}")[0]["height"] + gap) / k for k in range(1, 11)]

    assert max(per_half_hour) - min(per_half_hour) < 1.0
    assert boxes(page, "#track-10")[0]["height"] > 9 * boxes(page, "#track-1")[0]["height"]


def test_grid_time_axis_labels_each_half_hour(open_grid: Any) -> None:
    page = open_grid()
    labels = page.locator(f"{DAY} .cs-grid-time")

    assert labels.all_inner_texts()[:8] == [
        "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30",
    ]  # fmt: skip
    thirteen = boxes(page, f"{DAY} .cs-grid-time")[6]
    assert thirteen["y"] == pytest.approx(boxes(page, "#track-1")[0]["y"], abs=1)


def test_now_line_sits_at_the_present_time_and_jump_to_now_shows(open_grid: Any) -> None:
    # 13:30 in Berlin: Room 1's session (13:00-13:30) has just ended.
    page = open_grid(clock="2030-06-04T11:30:00Z")
    line = page.locator(f"{DAY} .cs-now-line")
    gap = page.locator(f"{DAY} > ol.cs-sessions").evaluate(
        "e => parseFloat(getComputedStyle(e).rowGap)"
    )

    assert line.count() == 1
    assert line.bounding_box()["y"] == pytest.approx(
        boxes(page, "#track-1")[0]["bottom"] + gap, abs=1.5
    )
    assert page.locator('section[aria-labelledby="day-2030-06-03"] .cs-now-line').count() == 0
    jump = page.get_by_role("button", name="Jump to now")
    jump.click()
    assert page.evaluate("document.activeElement.id") == "track-2"


def test_no_now_line_or_jump_outside_the_conference(open_grid: Any) -> None:
    page = open_grid(clock="2030-01-01T12:00:00Z")

    assert page.locator(".cs-now-line").count() == 0
    assert page.locator(".cs-now-jump").is_hidden()


def test_phone_shows_the_program_as_a_list(open_grid: Any) -> None:
    page = open_grid(viewport={"width": 390, "height": 800}, is_mobile=True)
    xs = {round(box["x"]) for box in boxes(page, f"{DAY} li.cs-session")}

    assert page.locator(f"{DAY} .cs-grid-room:visible, {DAY} .cs-grid-time:visible").count() == 0
    assert len(xs) == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_example_grid_days_put_room_a_before_room_b(open_page_example: Any) -> None:
    page = open_page_example
    for headers in page.locator("section.cs-day--grid").all():
        assert headers.locator(".cs-grid-room").all_inner_texts()[:2] == ["Room A", "Room B"]


@pytest.fixture
def open_page_example(browser: Any, example_url: str) -> Iterator[Any]:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(example_url + "program/")
    yield page
    context.close()


def test_local_time_first_groups_sessions_under_the_visitors_days(
    browser: Any, example_url: str
) -> None:
    context = browser.new_context(locale="en-US", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto(example_url + "program/")
    page.get_by_role("button", name="Show my local time first").click()

    local_days = page.locator(".cs-day--local")
    assert page.locator("section.cs-day:not(.cs-day--local):visible").count() == 0
    assert local_days.count() >= 3
    # Every session sits under the Tokyo day it starts on.
    misplaced = local_days.evaluate_all(
        """days => days.flatMap(d => [...d.querySelectorAll('li.cs-session')]
             .map(s => new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Tokyo'})
               .format(new Date(s.dataset.start)))
             .filter(day => day !== d.dataset.localDay))"""
    )
    assert misplaced == []
    compilers = local_days.filter(has=page.locator('[data-star="s:s-compilers"]'))
    assert compilers.locator("h2").inner_text() == "Tuesday, April 13 (your time)"
    page.get_by_role("button", name="Show my local time first").first.click()
    assert local_days.count() == 0
    assert page.locator("#s-compilers").is_visible()
    context.close()
