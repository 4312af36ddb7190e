"""The schedule in a real headless Chromium: local times, stars, the agenda and its .ics,
narrow screens, no JavaScript, "now / next" and deadline countdowns."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import icalendar
import pytest
from conftest import TOY_DATA, build_site, serve

pytestmark = pytest.mark.browser

SESSIONS = 28


@pytest.fixture
def open_page(browser: Any, example_url: str) -> Iterator[Any]:
    """Opens a site path in a fresh context (its own storage); fails on any script error."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_(path: str, **options: Any) -> Any:
        options.setdefault("locale", "en-US")
        clock = options.pop("clock", None)
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        if clock:
            page.clock.set_fixed_time(clock)
        page.goto(example_url + path)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


def conference_times(page: Any) -> list[str]:
    return page.locator("li.cs-session .cs-when__conference").all_inner_texts()


def test_local_times_follow_the_visitor_zone_conference_times_do_not(open_page: Any) -> None:
    tokyo = open_page("program/", timezone_id="Asia/Tokyo")
    los_angeles = open_page("program/", timezone_id="America/Los_Angeles")
    tokyo.locator(".cs-when__local").first.wait_for()

    assert conference_times(tokyo) == conference_times(los_angeles)
    assert len(conference_times(tokyo)) == SESSIONS
    assert tokyo.locator("#s-compilers .cs-when__conference").inner_text() == "10:30–12:00 PDT"
    # 10:30 in Los Angeles (UTC-7 in April) is 02:30 the next day in Tokyo.
    assert tokyo.locator("#s-compilers .cs-when__local").inner_text() == (
        "02:30–04:00 Tue, Apr 13 your time"
    )
    assert tokyo.locator(".cs-when__local").count() == SESSIONS
    # A visitor in the conference's own zone needs no second time.
    assert los_angeles.locator(".cs-when__local").count() == 0
    assert los_angeles.locator(".cs-zone-switch").is_hidden()


def test_local_time_without_a_day_change_shows_no_day(open_page: Any) -> None:
    new_york = open_page("program/", timezone_id="America/New_York")

    assert new_york.locator("#s-compilers .cs-when__local").inner_text() == (
        "13:30–15:00 your time"
    )


def test_zone_lead_switch_persists_across_reloads(open_page: Any) -> None:
    page = open_page("program/", timezone_id="Europe/Berlin")
    switch = page.get_by_role("button", name="Show my local time first")
    switch.click()
    page.reload()

    assert page.evaluate("document.documentElement.classList.contains('cs-local-first')")
    assert page.locator("button.cs-zone-lead").get_attribute("aria-pressed") == "true"


def test_starred_paper_survives_reload_and_appears_on_my_agenda(open_page: Any) -> None:
    page = open_page("papers/tessera/", timezone_id="Europe/Berlin")
    star = page.locator('button.cs-star[data-star="p:tessera"]')
    star.click()
    page.reload()

    assert star.get_attribute("aria-pressed") == "true"
    page.goto(page.url + "../../program/my-agenda/")
    items = page.locator("li.cs-agenda__item")
    items.first.wait_for()
    assert items.count() == 1
    assert items.first.locator(".cs-agenda__title").inner_text().startswith("Tessera:")
    # Its own talk slot, not the whole session.
    assert items.first.locator(".cs-when__conference").inner_text() == (
        "Monday 12 April 2027, 10:30–10:50 PDT"
    )


def test_parallel_starred_sessions_are_marked_as_clashes(open_page: Any) -> None:
    page = open_page("program/", timezone_id="America/Los_Angeles")
    for key in ("s:s-compilers", "p:tessera", "s:s-distributed-training", "s:keynote-1"):
        page.locator(f'button.cs-star[data-star="{key}"]').click()
    page.goto(page.url + "my-agenda/")
    page.locator("li.cs-agenda__item").first.wait_for()

    order = page.locator("li.cs-agenda__item").evaluate_all("l => l.map(e => e.dataset.star)")
    # Tessera's talk slot (10:30-10:50) ends before the sessions around it.
    assert order == ["s:keynote-1", "p:tessera", "s:s-distributed-training", "s:s-compilers"]
    clashing = page.locator("li.cs-clash").evaluate_all("l => l.map(e => e.dataset.star)")
    # A paper inside a starred session is the same slot, not a clash with it.
    assert clashing == ["p:tessera", "s:s-distributed-training", "s:s-compilers"]
    assert page.locator('li[data-star="s:s-compilers"] .cs-clash-note').inner_text() == (
        "Clashes with: Distributed Training"
    )


def test_exported_agenda_ics_parses_with_the_sites_uids(open_page: Any, tmp_path: Any) -> None:
    page = open_page("program/s-compilers/", timezone_id="Asia/Tokyo")
    page.locator('button.cs-star[data-star="s:s-compilers"]').click()
    page.locator('button.cs-star[data-star="p:tessera"]').click()
    page.goto(page.url + "../my-agenda/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export my agenda (.ics)").click()
    path = tmp_path / "agenda.ics"
    download_info.value.save_as(path)
    raw = path.read_bytes()

    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")}
    assert sorted(events) == [
        "paper-tessera-2027@sysml.example.org",
        "session-s-compilers-2027@sysml.example.org",
    ]
    session = events["session-s-compilers-2027@sysml.example.org"]
    assert session.decoded("DTSTART").isoformat() == "2027-04-12T17:30:00+00:00"
    assert session.decoded("DTEND").isoformat() == "2027-04-12T19:00:00+00:00"
    assert str(session["SUMMARY"]) == "ML Compilers and Code Generation"
    paper = events["paper-tessera-2027@sysml.example.org"]
    assert str(paper["SUMMARY"]).startswith("Tessera:")
    assert paper.decoded("DTSTART").isoformat() == "2027-04-12T17:30:00+00:00"
    assert paper.decoded("DTEND").isoformat() == "2027-04-12T17:50:00+00:00"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert raw.endswith(b"END:VCALENDAR\r\n")


def test_program_has_no_horizontal_scroll_at_375_px(open_page: Any) -> None:
    page = open_page("program/", viewport={"width": 375, "height": 800}, timezone_id="Asia/Tokyo")
    page.locator(".cs-when__local").first.wait_for()

    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # Narrow screens read one column in time order, not the room grid.
    lefts = page.locator("section[aria-labelledby='day-2027-04-12'] li.cs-session").evaluate_all(
        "l => new Set(l.map(e => Math.round(e.getBoundingClientRect().left))).size"
    )
    assert lefts == 1


def test_wide_program_puts_parallel_sessions_side_by_side(open_page: Any) -> None:
    page = open_page("program/", viewport={"width": 1400, "height": 900})

    a = page.locator("#s-compilers").bounding_box()
    b = page.locator("#s-distributed-training").bounding_box()
    assert a["y"] == b["y"]
    assert a["x"] + a["width"] <= b["x"]


def test_program_without_javascript_shows_every_session_in_conference_time(
    open_page: Any,
) -> None:
    page = open_page("program/", java_script_enabled=False, timezone_id="Asia/Tokyo")

    times = conference_times(page)
    assert len(times) == SESSIONS
    assert all(t.endswith(("PDT", "PST")) for t in times)
    assert page.locator("#s-compilers .cs-when__conference").inner_text() == "10:30–12:00 PDT"
    assert page.locator(".cs-when__local").count() == 0
    # Controls that need the script stay hidden instead of doing nothing.
    assert page.locator("button.cs-star:visible").count() == 0


def test_happening_now_and_next_during_the_conference(open_page: Any) -> None:
    # 11:00 in Los Angeles on the first day: two paper sessions run, lunch is next.
    page = open_page("program/", clock="2027-04-12T18:00:00Z")

    assert page.locator("li.cs-now").evaluate_all("l => l.map(e => e.id)") == [
        "s-compilers",
        "s-distributed-training",
    ]
    assert page.locator("li.cs-next").evaluate_all("l => l.map(e => e.id)") == ["lunch-1"]
    assert page.locator("#lunch-1 .cs-badge").inner_text().lower() == "next"


def test_no_now_marker_months_before_the_conference(open_page: Any) -> None:
    page = open_page("program/", clock="2027-01-01T12:00:00Z")

    assert page.locator("li.cs-now, li.cs-next, .cs-badge").count() == 0


@pytest.mark.parametrize("path", ["", "call-for-papers/"])
def test_deadline_countdown_names_the_next_date_and_marks_past_ones(
    open_page: Any, path: str
) -> None:
    # 2026-10-01 12:00 UTC: abstract registration (25 Sep AoE) has passed, the full paper
    # deadline (2 Oct 23:59 AoE = 3 Oct 11:59 UTC) is 1 day 23 h away.
    page = open_page(path, timezone_id="Europe/Berlin", clock="2026-10-01T12:00:00Z")
    countdown = page.locator(".cs-countdown").inner_text()

    assert countdown.startswith("Next: Full paper submission in 1 day 23 h")
    assert "AoE = Anywhere on Earth, UTC−12." in countdown
    assert "Anywhere on Earth" in page.locator("p.cs-aoe").inner_text()
    assert "Sat, Oct 3 13:59 your time" in countdown
    past = page.locator("tr.cs-past td:first-child").all_inner_texts()
    assert past == ["Abstract registration"]
    assert page.locator("tr.cs-past td:last-child").inner_text().endswith("AoE (past)")


def test_instant_navigation_runs_the_schedule_script_again(open_page: Any) -> None:
    page = open_page("", timezone_id="Asia/Tokyo")
    page.locator(".md-tabs a", has_text="Program").click()
    page.wait_for_url("**/program/")

    page.locator("#s-compilers .cs-when__local").wait_for()
    assert page.locator("button.cs-star:visible").count() > SESSIONS


@pytest.fixture(scope="module")
def march_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The toy conference moved to late March 2030: Europe/Berlin is still on winter time
    while New York has already moved its clocks (5 hours apart instead of 6)."""
    data = tmp_path_factory.mktemp("march") / "data"
    shutil.copytree(TOY_DATA, data)
    for name in ("conference.yaml", "program.yaml"):
        path = data / name
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("2030-06-03", "2030-03-25").replace("2030-06-04", "2030-03-26"),
            encoding="utf-8",
        )
    site = data.parent / "site"
    result = build_site(data, site)
    assert result.returncode == 0, result.stderr
    server, url = serve(site)
    yield url
    server.shutdown()


def test_local_times_follow_daylight_saving_of_each_zone(browser: Any, march_url: str) -> None:
    context = browser.new_context(locale="en-US", timezone_id="America/New_York")
    page = context.new_page()
    page.goto(march_url + "program/")

    # 09:00 CET (UTC+1) is 04:00 EDT (UTC-4), not the 03:00 of a fixed six-hour offset.
    assert page.locator("#keynote .cs-when__conference").inner_text() == "09:00–10:00 CET"
    assert page.locator("#keynote .cs-when__local").inner_text() == "04:00–05:00 your time"
    context.close()


def test_agenda_says_so_when_the_schedule_cannot_be_loaded(browser: Any, example_url: str) -> None:
    context = browser.new_context(locale="en-US")
    context.route("**/program/agenda.json", lambda route: route.fulfill(status=404))
    page = context.new_page()
    page.goto(example_url + "program/my-agenda/")

    assert page.locator(".cs-agenda .cs-notice").inner_text() == (
        "The schedule could not be loaded (agenda.json: HTTP 404)."
    )
    context.close()
