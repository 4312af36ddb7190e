"""The message catalogue and the languages: complete catalogues, what the sources use is what
the catalogue holds, dates through the locale, and a German example site with no English left
outside its data."""

from __future__ import annotations

import dataclasses
import enum
import html
import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from conftest import EXAMPLE_DATA, ROOT
from markupsafe import Markup

from generator import i18n, offline
from generator.build import build_outputs
from generator.options import BuildOptions
from generator.text import Text
from generator.validate import load_and_validate

LOCALE = ROOT / "generator" / "locale"
TEMPLATE = LOCALE / "confsite.pot"


def catalogue(path: Path):  # -> babel Catalog
    with path.open("rb") as source:
        return read_po(source)


def keys(messages) -> set[tuple[str | None, str | tuple[str, ...]]]:
    return {(m.context, m.id) for m in messages if m.id}


def extracted() -> set[tuple[str | None, str | tuple[str, ...]]]:
    """Every message the sources use, found as ``pybabel extract`` finds them (babel.cfg)."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None, "counted": (1, 2)}
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT / "generator"), method_map, options, keywords=keywords
    ):
        found.add((context, message))
    return found


def test_catalogue_template_holds_every_message_the_sources_use() -> None:
    assert keys(catalogue(TEMPLATE)) == extracted()


@pytest.mark.parametrize("code", [c for c in i18n.available() if c != i18n.SOURCE_LANGUAGE])
def test_catalogue_translates_every_message_none_fuzzy(code: str) -> None:
    po = catalogue(LOCALE / code / "LC_MESSAGES" / "confsite.po")
    messages = [m for m in po if m.id]

    assert keys(messages) == keys(catalogue(TEMPLATE))
    assert [m.id for m in messages if m.fuzzy] == []
    untranslated = [
        m.id for m in messages if not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    assert untranslated == []
    assert po.plural_forms == Catalog(locale=code).plural_forms


def test_browser_messages_are_what_the_scripts_say() -> None:
    scripts = "".join(
        (ROOT / "generator" / "assets" / name).read_text(encoding="utf-8")
        for name in ("schedule.js", "quality.js")
    )
    said = set(re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', scripts))
    said = {s.encode().decode("unicode_escape") if "\\u" in s else s for s in said}

    assert said | {"Search"} == set(i18n.BROWSER_MESSAGES)


def test_dates_follow_the_locale() -> None:
    de, en = i18n.language("de"), i18n.language("en")
    moment = datetime(2027, 4, 12, 10, 30, tzinfo=ZoneInfo("America/Los_Angeles"))

    assert [de.day_label(moment.date()), de.short_day(moment.date()), de.clock(moment)] == [
        "Montag, 12. April 2027",
        "Mo., 12. Apr.",
        "10:30",
    ]
    assert [en.day_label(moment.date()), en.short_day(moment.date())] == [
        "Monday 12 April 2027",
        "Mon 12 Apr",
    ]
    assert de.date_span(date(2027, 4, 12), date(2027, 4, 14)) == "12.–14. April 2027"
    assert en.date_span(date(2027, 4, 30), date(2027, 5, 2)) == "30 April – 2 May 2027"
    assert de.day_and_time(moment) == "Montag, 12. April 2027, 10:30"


def test_plural_forms_follow_the_count() -> None:
    de, en = i18n.language("de"), i18n.language("en")

    assert [en.counted("{count} paper", "{count} papers", n) for n in (1, 3)] == [
        "1 paper",
        "3 papers",
    ]
    assert [de.counted("{count} paper", "{count} papers", n) for n in (1, 3)] == [
        "1 Beitrag",
        "3 Beiträge",
    ]


def test_unknown_language_is_english_with_a_warning() -> None:
    result = build_outputs(BuildOptions(data_dir=EXAMPLE_DATA, language="xx", jobs=1))

    assert i18n.language("xx").code == "en"
    assert [str(d) for d in result.diagnostics.warnings] == [
        "mkdocs.yml: warning: theme.language is 'xx', but confsite has no catalogue for it "
        "(it has: de, en); confsite's pages are written in English. Add one "
        "(docs/organizer-guide.md, 'Languages') or choose one of those"
    ]
    assert i18n.BROWSER_SCRIPT not in {f.uri for f in result.files}


def test_language_region_falls_back_to_its_language() -> None:
    assert (i18n.catalogue_code("de-AT"), i18n.catalogue_code("de_CH")) == ("de", "de")
    assert i18n.unknown_language("de-AT") == ""


# ---- the German example site --------------------------------------------------------------


def data_strings(value: object, found: set[str]) -> None:
    """Every string the data holds (titles, names, abstracts ...), as a page may show it."""
    if isinstance(value, Text):
        found.update({value.as_text, str(value.as_inline_html), str(value.as_html)})
    elif isinstance(value, Markup | str):
        found.add(str(value))
    elif isinstance(value, enum.Enum):
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            data_strings(getattr(value, field.name), found)
        for rendering in ("full", "last_first"):  # a Name's renderings
            if isinstance(getattr(value, rendering, None), str):
                found.add(getattr(value, rendering))
    elif isinstance(value, dict):
        for key, item in value.items():
            data_strings(key, found)
            data_strings(item, found)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            data_strings(item, found)


def visible_text(page_html: str) -> str:
    """The text a reader sees or hears: element text and the titles, labels and alt texts."""
    attributes = re.findall(r'\s(?:title|aria-label|alt|alttext)="([^"]*)"', page_html)
    text = re.sub(r"<math\b.*?</math>", " ", page_html, flags=re.S)
    text = re.sub(r"<pre\b.*?</pre>", " ", text, flags=re.S)  # BibTeX: a machine format
    text = re.sub(r"<[^>]+>", "\n", text)
    return html.unescape("\n".join([text, *attributes]))


ALLOWED = {
    # Names that are the same in German or are proper names / formats.
    "BibTeX", "JSON", "ORCID", "Zotero", "EndNote", "Mendeley", "Pandoc", "Giggity",
    "EventFahrplan", "frab", "Anywhere", "Earth", "LaTeX", "Code", "Video", "Poster", "Name",
    "Feed", "Anthology", "Tutorial", "Sponsors", "Keynote", "Social", "Plenary", "Systems",
    "Abstract", "Website", "Tutorium",
}  # fmt: skip


def english_messages() -> list[str]:
    """The catalogue's English messages (not the date patterns), every plural form."""
    texts = []
    for message in catalogue(TEMPLATE):
        if message.id and message.context != "date pattern":
            texts += message.id if isinstance(message.id, tuple) else [message.id]
    return texts


def english_ui_words() -> set[str]:
    """Words of the English messages (and English day and month names) that a German page
    has no reason to show."""
    words: set[str] = set()
    for text in english_messages():
        plain = re.sub(r"<[^>]+>|%\(\w+\)s|\{\w+\}", " ", text)
        words.update(re.findall(r"\b[A-Za-z][a-z]{3,}\b", plain))
    english, german = Locale.parse("en"), Locale.parse("de")
    for kind in ("days", "months"):
        for width in ("wide", "abbreviated"):
            names = getattr(english, kind)["format"][width].values()
            local = set(getattr(german, kind)["format"][width].values())
            words.update(n for n in names if n not in local and len(n) >= 3)
    return words - ALLOWED


def english_phrases() -> set[str]:
    """The runs of two words or more of the English messages, between their placeholders,
    that the German catalogue does not keep as they are (names such as "Anywhere on Earth")."""
    german = "\n".join(
        "\n".join(m.string) if isinstance(m.string, tuple) else m.string
        for m in catalogue(LOCALE / "de" / "LC_MESSAGES" / "confsite.po")
        if m.id
    )
    phrases = set()
    for text in english_messages():
        for part in re.split(r"<[^>]+>|%\(\w+\)s|\{\w+\}", html.unescape(text)):
            part = " ".join(part.split()).strip(" .,:;()")
            if len(part.split()) >= 2 and part not in german:
                phrases.add(part)
    return phrases


def words_of(text: str) -> set[str]:
    return set(re.findall(r"\b[A-Za-z][a-z]{3,}\b", text))


@pytest.fixture(scope="module")
def german_pages() -> dict[str, str]:
    result = build_outputs(BuildOptions(data_dir=EXAMPLE_DATA, language="de", jobs=1))
    assert result.diagnostics.items == []
    pages = {page.uri: f"{page.title}\n{page.description}\n{page.html}" for page in result.pages}
    pages.update({f"fragment:{uri}": text for uri, text in result.fragments.items()})
    return pages


def test_german_example_site_shows_no_english_outside_its_data(
    german_pages: dict[str, str],
) -> None:
    # The data is English (titles, abstracts, names): a word or phrase of the messages that
    # the data also uses cannot tell the two apart, every other one must be gone.
    data, _diagnostics = load_and_validate(EXAMPLE_DATA)
    strings: set[str] = set()
    data_strings(data, strings)
    vocabulary = set().union(*(words_of(s) for s in strings))
    in_data = "\n".join(" ".join(s.split()) for s in strings)
    words = english_ui_words() - vocabulary
    phrases = {p for p in english_phrases() if p not in in_data}
    left: dict[str, list[str]] = {}
    for uri, page in sorted(german_pages.items()):
        text = " ".join(visible_text(page).split())
        found = sorted(words_of(text) & words) + sorted(p for p in phrases if p in text)
        if found:
            left[uri] = found

    assert left == {}
    assert len(german_pages) > 100
    assert len(words) > 100
    assert len(phrases) > 100


def test_german_example_site_speaks_german(german_pages: dict[str, str]) -> None:
    program = german_pages["program/index.md"]

    assert '<h1 id="program">Programm</h1>' in program
    assert '<h2 id="day-2027-04-12">Montag, 12. April 2027</h2>' in program
    assert "Das Programm der SysML 2027" in program


def test_english_build_writes_no_messages_script() -> None:
    result = build_outputs(BuildOptions(data_dir=EXAMPLE_DATA, jobs=1))

    assert i18n.BROWSER_SCRIPT not in {f.uri for f in result.files}


def test_german_feed_calendars_and_offline_page_speak_german() -> None:
    result = build_outputs(BuildOptions(data_dir=EXAMPLE_DATA, language="de", jobs=1))
    files = {f.uri: f.content for f in result.files}
    assert result.offline is not None
    worker = offline.service_worker(result.offline, "0123456789abcdef", [])
    site = json.loads(re.search(r"^var SITE = (.*);$", worker, re.M).group(1))  # type: ignore[union-attr]
    calendar = icalendar.Calendar.from_ical(files["program/program.ics"])
    keynote = next(e for e in calendar.walk("VEVENT") if e["CATEGORIES"].cats == ["Hauptvortrag"])
    feed = ET.fromstring(str(files["changes.xml"]))

    assert feed.findtext("{http://www.w3.org/2005/Atom}title") == "SysML 2027: Programmänderungen"
    assert str(keynote["DESCRIPTION"]).startswith("Hauptvortrag\nVortrag: ")
    assert site["words"]["heading"] == "Sie sind offline"
    assert site["words"]["lang"] == "de"


def test_one_instant_reads_in_each_zone_it_is_given_in() -> None:
    lang = i18n.language("de")
    pacific = datetime(2027, 4, 12, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    utc = pacific.astimezone(ZoneInfo("UTC"))

    assert pacific == utc
    assert [lang.clock(pacific), lang.clock(utc)] == ["23:30", "06:30"]
    assert [lang.day_label(pacific.date()), lang.day_label(utc.date())] == [
        "Montag, 12. April 2027",
        "Dienstag, 13. April 2027",
    ]
