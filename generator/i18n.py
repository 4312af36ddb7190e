"""The site's language: confsite's one message catalogue and Babel's dates for a locale.

Every string confsite writes onto a page goes through ``Language.gettext`` and friends (Jinja
templates get them as ``_`` and ``ngettext``, generator/templating.py); the catalogues are
``generator/locale/<code>/LC_MESSAGES/confsite.po``, read with Babel when a build starts (no
compiled ``.mo`` files in the repository). The English text is the message id, so an English
build needs no catalogue and its output is what it was before there were any.

Dates go through Babel with CLDR patterns that are themselves messages (context ``date
pattern``): a translator picks the German order and punctuation ("Montag, 12. April 2026")
while English keeps its own ("Monday 12 April 2026").

What stays untranslated, by design: data (titles, names, rooms, topics, dates' names as the
organizer wrote them), machine formats (BibTeX, RIS, CSL-JSON, frab XML/JSON and their track
names, the field names of .ics files, the Atom feed's structure, zone abbreviations such as
PDT), the citations as text (APA and ACL are English styles) and the command line's messages
to the organizer. The words of .ics events, of the feed and of the offline page are
translated.
"""

from __future__ import annotations

import gettext
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from markupsafe import Markup

SOURCE_LANGUAGE = "en"
"""The language of the message ids; a build in it uses no catalogue."""
DOMAIN = "confsite"
"""The catalogue's gettext domain: generator/locale/<code>/LC_MESSAGES/confsite.po."""


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is translated later (pybabel finds it)."""
    return message


BROWSER_MESSAGES = (
    N_("Your time zone: {zone}"),
    N_(" your time"),
    N_("{day} (your time)"),
    N_("Happening now"),
    N_("Next"),
    N_("In my agenda (click to remove)"),
    N_("Add to my agenda"),
    N_("My agenda: {title}"),
    N_("Paper"),
    N_("My agenda"),
    N_("in {session}"),
    N_("Clashes with: {titles}"),
    N_("The schedule could not be loaded ({error})."),
    N_("My agenda, {title}"),
    N_("Presented in {session}"),
    N_("(past)"),
    N_("All these dates have passed."),
    N_("Next: {name} in {countdown} ({given}; {yours} your time)."),
    N_(" AoE = Anywhere on Earth, UTC\u221212."),
    N_("{days} days {hours} h"),
    N_("1 day {hours} h"),
    N_("{hours} h {minutes} min"),
    N_("Search"),
)
"""Text that generator/assets/schedule.js and quality.js write into pages, by its English
wording (the scripts call ``t("...")`` with exactly these; ``{name}`` is filled in there)."""
BROWSER_SCRIPT = "assets/confsite/messages.js"
"""The script that hands ``BROWSER_MESSAGES`` to the page's scripts, written for a language
other than English (English is what the scripts say without it)."""


def catalogue_folder() -> resources.abc.Traversable:
    return resources.files("generator") / "locale"


def available() -> tuple[str, ...]:
    """The languages confsite can write: English and every catalogue shipped."""
    folder = catalogue_folder()
    shipped = [
        entry.name
        for entry in folder.iterdir()
        if (entry / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    ]
    return tuple(sorted({SOURCE_LANGUAGE, *shipped}))


def catalogue_code(language: str) -> str:
    """The catalogue for mkdocs.yml's ``theme.language`` (``de``; ``pt_BR`` or ``pt-BR`` fall
    back to ``pt``), or "" when there is none."""
    known = available()
    code = language.replace("-", "_")
    for candidate in (code, code.split("_", 1)[0]):
        if candidate in known:
            return candidate
    return ""


@dataclass(frozen=True)
class Language:
    """One language of the site: its messages and its locale's dates."""

    code: str
    """The catalogue's code (``en``, ``de``)."""
    locale: Locale
    translations: gettext.NullTranslations
    """The catalogue (English: none, every message is its own id)."""
    _dates: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)
    """Dates and times already formatted, by (ISO text, pattern): a build formats the same few
    days and times for thousands of pages. (By text: two equal instants in different zones
    read differently.)"""

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form for ``count`` (still with its ``{count}`` to fill in)."""
        return self.translations.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def counted(self, singular: str, plural: str, count: int, **values: object) -> str:
        """'1 paper', '3 papers': the plural form for ``count`` with it (and ``values``)
        filled in."""
        return self.ngettext(singular, plural, count).format(count=count, **values)

    # The patterns are CLDR date patterns; each is a message of its own (context "date
    # pattern"), written out in each call so that pybabel finds it.
    def _date(self, day: date | datetime, pattern: str) -> str:
        key = (day.isoformat(), pattern)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = format_date(day, pattern, locale=self.locale)
        return found

    def day_label(self, day: date) -> str:
        """'Monday 12 April 2026' (German: 'Montag, 12. April 2026')."""
        return self._date(day, self.pgettext("date pattern", "EEEE d MMMM y"))

    def short_day(self, day: date) -> str:
        """'Mon 12 Apr' (German: 'Mo., 12. Apr.')."""
        return self._date(day, self.pgettext("date pattern", "EEE d MMM"))

    def clock(self, moment: datetime) -> str:
        """'09:30' in the moment's own zone."""
        pattern = self.pgettext("date pattern", "HH:mm")
        key = (moment.isoformat(), pattern)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = format_time(moment, pattern, locale=self.locale)
        return found

    def day_and_time(self, moment: datetime) -> str:
        """'Friday 25 September 2026, 23:59' in the moment's own zone."""
        pattern = self.pgettext("date pattern", "EEEE d MMMM y, HH:mm")
        return format_datetime(moment, pattern, tzinfo=moment.tzinfo, locale=self.locale)

    def date_span(self, start: date, end: date) -> str:
        """'12–14 April 2026', '30 April – 2 May 2026' (a single day: its day label)."""
        if start == end:
            return self.day_label(start)
        full = self.pgettext("date pattern", "d MMMM y")
        if (start.year, start.month) == (end.year, end.month):
            first = self._date(start, self.pgettext("date pattern", "d"))
            return self.gettext("{first}–{last}").format(first=first, last=self._date(end, full))
        if start.year == end.year:
            first = self._date(start, self.pgettext("date pattern", "d MMMM"))
        else:
            first = self._date(start, full)
        return self.gettext("{first} – {last}").format(first=first, last=self._date(end, full))

    def template_callables(
        self,
    ) -> tuple[Callable[..., Markup], Callable[..., Markup]]:
        """``_`` and ``ngettext`` for autoescaped templates, as Jinja's newstyle gettext
        behaves: the message is trusted markup, the values given by name are escaped, and
        ``ngettext`` fills in ``num``."""
        translations = self.translations
        plain: dict[str, Markup] = {}  # a page repeats the same few messages thousands of times

        def gettext(message: str, **values: object) -> Markup:
            if values:
                return Markup(translations.gettext(message)) % values
            found = plain.get(message)
            if found is None:
                found = plain[message] = Markup(translations.gettext(message)) % {}
            return found

        def ngettext(singular: str, plural: str, num: int, **values: object) -> Markup:
            return Markup(translations.ngettext(singular, plural, num)) % {"num": num, **values}

        return gettext, ngettext

    def offline_words(self) -> dict[str, str] | None:
        """The service worker's page for a page it did not keep (generator/assets/sw.js has
        the English); None for English."""
        if self.code == SOURCE_LANGUAGE:
            return None
        _ = self.gettext
        text = _(
            'This page was not saved on this device. The <a href="{program}">program</a> and '
            '<a href="{agenda}">your agenda</a> are.'
        )
        return {
            "lang": self.code,
            "title": _("Offline"),
            "heading": _("You are offline"),
            "text": text,
        }

    def browser_messages(self) -> str:
        """A script that hands the scripts their translated text (``BROWSER_MESSAGES``)."""
        messages = {message: self.gettext(message) for message in BROWSER_MESSAGES}
        text = json.dumps(messages, ensure_ascii=False, sort_keys=True, indent=0)
        return f"window.confsiteMessages = {text};\n"


def read_catalogue(code: str) -> gettext.GNUTranslations:
    """The catalogue of ``code`` as gettext translations; fuzzy entries are left out."""
    path = catalogue_folder() / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@cache
def language(code: str = SOURCE_LANGUAGE) -> Language:
    """The language for ``theme.language``; English when confsite has no catalogue for it
    (``unknown_language`` says so to the organizer)."""
    found = catalogue_code(code) or SOURCE_LANGUAGE
    if found == SOURCE_LANGUAGE:
        return Language(SOURCE_LANGUAGE, Locale.parse("en"), gettext.NullTranslations())
    return Language(found, Locale.parse(found), read_catalogue(found))


ENGLISH = language(SOURCE_LANGUAGE)
"""The source language: the default of every function that writes words, and the language of
what confsite tells the organizer (``confsite check``, ``confsite release``)."""


def unknown_language(code: str) -> str:
    """The warning for a ``theme.language`` confsite has no catalogue for, or ""."""
    if catalogue_code(code):
        return ""
    return (
        f"theme.language is '{code}', but confsite has no catalogue for it (it has: "
        f"{', '.join(available())}); confsite's pages are written in English. Add one "
        "(docs/organizer-guide.md, 'Languages') or choose one of those"
    )
