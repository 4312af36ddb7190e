"""The schedule changes on a real MkDocs site in headless Chromium: the home page links the
Changes page and announces the feed, and the agenda's own .ics carries the moved events'
SEQUENCE and DTSTAMP as the site's calendars do."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import build_site, serve
from test_changes import EXPECTED_PAGE, repository  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser


def test_changes_reach_the_page_the_feed_and_the_agenda(
    browser: Any,
    repository: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    site = tmp_path / "built"
    result = build_site(repository, site)
    assert result.returncode == 0, result.stderr
    server, url = serve(site)
    context = browser.new_context(locale="en-US", accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(url)
        feed = 'head link[rel="alternate"][type="application/atom+xml"]'
        # The home page links the feed in its facts but does not announce it in its head:
        # Material would download the whole sitemap.xml for it on every view.
        assert page.locator(feed).count() == 0
        page.get_by_role("link", name="Schedule changes").click()
        page.wait_for_url(url + "changes/")
        assert page.locator(feed).evaluate("link => link.href") == url + "changes.xml"
        assert page.request.get(url + "changes.xml").status == 200
        items = page.locator("#latest li.cs-change").all_inner_texts()
        assert items == EXPECTED_PAGE

        page.goto(url + "papers/green-serving/")
        page.locator('button.cs-star[data-star="p:green-serving"]').click()
        page.goto(url + "program/my-agenda/")
        page.locator("li.cs-agenda__item").first.wait_for()
        with page.expect_download() as download:
            page.get_by_role("button", name="Export my agenda (.ics)").click()
        path = tmp_path / "agenda.ics"
        download.value.save_as(path)
        event = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
        assert str(event["UID"]) == "paper-green-serving-2030@toy.example.org"
        assert event["SEQUENCE"] == 1
        assert event["DTSTAMP"].dt == datetime(2030, 5, 20, 8, tzinfo=UTC)
        assert str(event["LOCATION"]).startswith("Hall C")
    finally:
        context.close()
        server.shutdown()
