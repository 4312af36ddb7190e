"""Hostile strings in every text and link field: built with real MkDocs, opened in Chromium.

Every field of a small generated conference carries a payload that would run script, inject
an element or break out of an attribute, a ``<title>`` or a ``<script>`` block if any layer
(our templates, the MkDocs adapter, Material's theme, the search index, the downloads) let it
through unescaped. The pages must show the payload as text and nothing may run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
import pytest
import yaml
from conftest import build_site, serve

PAYLOAD = (
    '<script>alert("script")</script><img src=x onerror=alert("img")>'
    '</title></script></textarea></style>"\'><svg onload=alert("svg")>'
    '<xss-probe>probe</xss-probe> javascript:alert("js")'
)
"""What each text field carries, after a marker naming the field."""

# Links must pass validation (http(s), mailto, relative), so these try to break out of the
# quoted attribute instead of changing the scheme.
ABSOLUTE_LINK = "https://evil.example/x'onmouseover='alert(1)'"
RELATIVE_LINK = "x'onerror='alert(2)'.png"

INJECTED = "xss-probe, img[src='x'], svg[onload], [onerror], [onmouseover], [onload]"
"""Elements that exist only if a payload was parsed as HTML."""

PAGES = (
    "",
    "call-for-papers/",
    "program/",
    "proceedings/",
    "authors/",
    "committee/",
    "speakers/",
    "papers/p-one/",
    "papers/p-two/",
    "program/papers-one/",
    "program/my-agenda/",
    "authors/plain-person/",
    "404.html",
)
"""Page types that must be built (the browser test visits every page the build wrote)."""


def hostile(field: str) -> str:
    return f"F[{field}] {PAYLOAD}"


def hostile_markdown(field: str) -> str:
    """Markdown with raw HTML, a javascript: link and an autolink; a sanitiser must act."""
    return (
        f"F[{field}] **bold** {PAYLOAD}\n\n"
        '[click](javascript:alert("md")) <a href="javascript:alert(\'a\')">a</a>\n\n'
        '<iframe src="javascript:alert(\'iframe\')"></iframe><p onclick="alert(1)">p</p>\n'
    )


def hostile_conference() -> dict[str, dict]:
    """Every data file of a two-paper conference, every free-text field hostile."""
    conference = {
        "name": hostile("conference.name"),
        "year": 2027,
        "title": hostile("conference.title"),
        "description": hostile("conference.description"),
        "timezone": "Europe/Berlin",
        "start": "2027-04-12",
        "end": "2027-04-13",
        "url": "https://conf.example/2027/",
        "fictional": True,  # invented data on example domains, which check --strict allows
        "contact": hostile("conference.contact"),
        "venue": {
            "name": hostile("venue.name"),
            "address": hostile("venue.address"),
            # A line break would start a new record in RIS, a new property in iCalendar.
            "city": hostile("venue.city") + "\nER  - \nTY  - JOUR\nX-INJECTED:3",
            "country": hostile("venue.country"),
            "url": ABSOLUTE_LINK,
        },
        "topics": [
            {
                "id": "systems",
                "name": hostile("topic.name"),
                "description": hostile_markdown("topic.description"),
            }
        ],
        "important_dates": [
            {"name": hostile("date.name"), "date": "2026-10-02 23:59", "timezone": "AoE"}
        ],
    }
    program = {
        "days": [
            {
                "date": "2027-04-12",
                "sessions": [
                    {
                        "id": "keynote",
                        "title": hostile("session.title.keynote"),
                        "kind": "keynote",
                        "start": "09:00",
                        "end": "10:00",
                        # A line break would start a new property in a calendar file.
                        "room": hostile("session.room") + "\r\nX-INJECTED:1\nX-INJECTED:2",
                        "chair": hostile("session.chair"),
                        "speaker": "speaker-one",
                        "description": hostile_markdown("session.description"),
                    },
                    {
                        "id": "papers-one",
                        "title": hostile("session.title.papers"),
                        "kind": "papers",
                        "start": "10:30",
                        "end": "12:00",
                        "room": hostile("session.room.papers"),
                    },
                ],
            }
        ]
    }
    papers = {
        "papers": [
            {
                "id": "p-one",
                "title": hostile("paper.title"),
                "authors": [
                    {
                        "name": hostile("author.name"),
                        "affiliation": hostile("author.affiliation"),
                    },
                    {"name": "Plain Person", "affiliation": "Plain University"},
                ],
                "abstract": hostile_markdown("paper.abstract"),
                "topics": ["systems"],
                "session": "papers-one",
                "award": hostile("paper.award"),
                "pages": hostile("paper.pages"),
                "links": {
                    "pdf": ABSOLUTE_LINK,
                    "code": RELATIVE_LINK,
                    "slides": "mailto:x'onmouseover='alert(3)'@evil.example",
                    "video": ABSOLUTE_LINK + "#video",
                    "poster": RELATIVE_LINK + "#poster",
                },
                "doi": "10.1234/x'onmouseover='alert(4)'",
            },
            {
                "id": "p-two",
                "title": hostile("paper2.title"),
                "authors": ["Plain Person"],
                "abstract": hostile_markdown("paper2.abstract"),
            },
        ]
    }
    speakers = {
        "speakers": [
            {
                "id": "speaker-one",
                "name": hostile("speaker.name"),
                "affiliation": hostile("speaker.affiliation"),
                "talk_title": hostile("speaker.talk_title"),
                "abstract": hostile_markdown("speaker.abstract"),
                "bio": hostile_markdown("speaker.bio"),
                "photo": RELATIVE_LINK,
                "url": ABSOLUTE_LINK,
            }
        ]
    }
    committee = {
        "organizing": [
            {
                "role": hostile("organizer.role"),
                "name": hostile("organizer.name"),
                "affiliation": hostile("organizer.affiliation"),
            }
        ],
        "program_committee": [
            {
                "name": hostile("pc.name"),
                "affiliation": hostile("pc.affiliation"),
                "area": "systems",
            }
        ],
    }
    sponsors = {
        "sponsors": [
            {"name": hostile("sponsor.name"), "tier": "gold", "url": ABSOLUTE_LINK},
            {"name": hostile("sponsor2.name"), "tier": "silver", "url": RELATIVE_LINK},
        ]
    }
    return {
        "conference.yaml": conference,
        "program.yaml": program,
        "papers.yaml": papers,
        "speakers.yaml": speakers,
        "committee.yaml": committee,
        "sponsors.yaml": sponsors,
    }


def hostile_bibtex() -> str:
    """The volume and one paper entry, payload in every field the site shows or serves."""
    title = hostile("paper.title")
    return (
        "@proceedings{volume,\n"
        f"  title = {{{hostile('bib.volume.title')}}},\n"
        f"  booktitle = {{{hostile('bib.volume.booktitle')}}},\n"
        f"  editor = {{{hostile('bib.editor')}}},\n"
        "  year = {2027},\n"
        f"  publisher = {{{hostile('bib.publisher')}}}\n"
        "}\n\n"
        "@inproceedings{p-one,\n"
        f"  title = {{{title}}},\n"
        f"  author = {{{hostile('author.name')} and Person, Plain}},\n"
        f"  booktitle = {{{hostile('bib.volume.booktitle')}}},\n"
        f"  note = {{{hostile('bib.note')}}},\n"
        "  year = {2027}\n"
        "}\n"
    )


def write_hostile_data(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in hostile_conference().items():
        (folder / name).write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    (folder / "proceedings.bib").write_text(hostile_bibtex(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    data = write_hostile_data(root / "data")
    site = root / "site"
    result = build_site(data, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    server, url = serve(hostile_site)
    yield url
    server.shutdown()


def test_escaping_hostile_data_is_accepted_and_builds(hostile_site: Path) -> None:
    assert set(PAGES) <= set(built_pages(hostile_site))


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to the site's root URL."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages.append(
            relative[: -len("index.html")] if relative.endswith("index.html") else relative
        )
    return pages


def page_problems(page, url: str, dialogs: list[str]) -> list[str]:
    """What is wrong on one page: anything that ran, got injected, or lost part of the payload."""
    dialogs.clear()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)  # lets a late onerror/onload handler fire if one exists
    injected = page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML)")
    text = page.inner_text("body")
    description = page.get_attribute('meta[name="description"]', "content") or ""
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"], script[type="application/json"]',
        "els => els.map(e => e.textContent)",
    )
    problems = [f"dialog: {message}" for message in dialogs]
    problems += [f"injected: {element}" for element in injected]
    # The payload shows as text, whole: in the body, in the <title> (the conference name is in
    # every title) and in the description attribute (not cut short at a quote).
    if "<xss-probe>probe</xss-probe>" not in text:
        problems.append("payload not shown as text")
    if PAYLOAD not in page.title():
        problems.append(f"title: {page.title()!r}")
    if "F[" in description and PAYLOAD not in description:
        problems.append(f"description: {description!r}")
    # A </script> in data would cut a block short; whole, the payload is a JSON string in it.
    try:
        strings = [json.dumps(json.loads(block), ensure_ascii=False) for block in blocks]
    except json.JSONDecodeError as exc:
        return [*problems, f"inline JSON: {exc}"]
    if "/papers/" in url and not any(PAYLOAD.replace('"', '\\"') in b for b in strings):
        problems.append("JSON-LD without the whole payload")
    return problems


@pytest.mark.browser
def test_escaping_every_built_page_runs_no_payload(
    browser, hostile_site: Path, hostile_url: str
) -> None:
    pages = built_pages(hostile_site)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        problems = {path: page_problems(page, hostile_url + path, dialogs) for path in pages}
    finally:
        context.close()

    assert set(PAGES) <= set(pages)  # every page type was built and visited
    assert {path: found for path, found in problems.items() if found} == {}


@pytest.mark.browser
def test_escaping_search_results_run_no_payload(browser, hostile_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(hostile_url, wait_until="load")
        page.keyboard.press("s")  # Material's shortcut opens the search box
        # Typing before the search worker has loaded the index finds nothing.
        page.wait_for_function(
            "() => (document.querySelector('.md-search-result__meta') || {}).textContent"
            " === 'Type to start searching'",
            timeout=15_000,
        )
        page.type("input.md-search__input", "probe", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=30_000)
        page.wait_for_timeout(150)
        results = page.inner_text(".md-search-result")
        injected = page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML)")
    finally:
        context.close()
    assert dialogs == []
    assert injected == []
    assert "F[" in results


def test_escaping_bib_downloads_stay_well_formed(hostile_site: Path) -> None:
    for bib in sorted(hostile_site.rglob("*.bib")):
        library = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
        assert library.failed_blocks == [], bib
        titles = [entry.fields_dict["title"].value for entry in library.entries]
        assert titles, bib
        assert all(title.startswith("F[") for title in titles), (bib, titles)


def test_escaping_json_downloads_stay_well_formed(hostile_site: Path) -> None:
    files = sorted(hostile_site.rglob("*.json"))
    assert files  # at least the search index
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))


def test_escaping_calendar_downloads_stay_well_formed(hostile_site: Path) -> None:
    import icalendar

    calendars = sorted(hostile_site.rglob("*.ics"))
    for path in calendars:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for component in calendar.walk():
            assert [key for key in component if key.startswith("X-INJECTED")] == [], path
            for key in ("SUMMARY", "LOCATION", "DESCRIPTION"):
                value = str(component.get(key, ""))
                if value.startswith("F["):  # the payload arrives whole, its end included
                    assert 'javascript:alert("js")' in value, (path, key, value)


def test_escaping_xml_downloads_stay_well_formed(hostile_site: Path) -> None:
    from lxml import etree

    files = sorted(hostile_site.rglob("*.xml"))
    assert files  # at least the sitemap
    for path in files:
        tree = etree.parse(str(path))  # raises on anything that broke the markup
        values = [*tree.getroot().itertext()]
        values += [v for element in tree.iter() for v in element.attrib.values()]
        for value in values:
            if re.match(r"F\[[\w.]+\] bold ", value):
                # A Markdown field exported as the plain text of its sanitised rendering (what
                # the page shows): the raw HTML is gone, the text arrives whole to its end.
                assert 'javascript:alert("js")' in value, (path, value)
                assert "<script" not in value, (path, value)
            elif "F[" in value:
                assert PAYLOAD in value, (path, value)
        assert tree.xpath("//*[local-name()='xss-probe']") == []


def test_escaping_ris_downloads_keep_one_field_per_line(hostile_site: Path) -> None:
    field = re.compile(r"[A-Z][A-Z0-9]  - ")
    for path in sorted(hostile_site.rglob("*.ris")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
        assert [line for line in lines if not field.match(line)] == [], path
        assert sum(line.startswith("TY  - ") for line in lines) == sum(
            line.startswith("ER  - ") for line in lines
        )
        assert lines[0].startswith("TY  - ") and lines[-1].startswith("ER  - ")
        assert [line for line in lines if line.startswith("TY  - JOUR")] == [], path


def test_escaping_generated_html_has_no_raw_payload(hostile_site: Path) -> None:
    """Belt and braces over every built HTML file, including pages the browser test skips."""
    raw = re.compile(r"<(?:script>alert|img src=x|svg onload|xss-probe)|onmouseover='alert")
    # Script blocks (JSON-LD) are set aside first: inside them the payload is JSON-escaped
    # text. Had a </script> from the data closed one early, the rest of it shows up here.
    script = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
    offenders = {}
    for path in sorted(hostile_site.rglob("*.html")):
        found = raw.findall(script.sub("", path.read_text(encoding="utf-8")))
        if found:
            offenders[str(path.relative_to(hostile_site))] = found
    assert offenders == {}
