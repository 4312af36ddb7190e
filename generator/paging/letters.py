"""What the A-Z lists split by letter share (an edition's authors, a series' people): the
letters in order with the people under each, a letter's folder, the index's rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from markupsafe import Markup

from generator import views
from generator.i18n import Language
from generator.paging.common import Part
from generator.urls import Urls

N = TypeVar("N", bound=views.Named)


def letter_folder(letter: str) -> str:
    """A letter's folder: 'a' for A, 'other' for '#', 'u00e9' for É (a path any server
    serves, whatever its file system makes of case and accents)."""
    if letter.isascii() and letter.isalpha():
        return letter.lower()
    return "other" if letter == "#" else f"u{ord(letter):04x}"


@dataclass(frozen=True)
class Letter(Generic[N]):
    """One letter of a split A-Z list: its page and the people under it, in the list's order."""

    letter: str
    folder: str
    """The site path of its first page: '<list>/letters/<x>'."""
    people: list[N]


def letters_of(people: Sequence[N], top: str) -> list[Letter[N]]:
    """The letters of the A-Z list at ``top`` ('#' first), each at ``top``/letters/<x>: one
    folder down, so that no person's slug (``top``/<slug>) names the same page."""
    grouped: dict[str, list[N]] = {}
    for person in people:
        grouped.setdefault(views.letter_of(person), []).append(person)
    return [
        Letter(letter, f"{top}/letters/{letter_folder(letter)}", persons)
        for letter, persons in sorted(grouped.items())
    ]


def letter_rows(letters: Sequence[Letter[N]], urls: Urls) -> list[dict[str, Any]]:
    """The index's line for each letter: the letter, its link and how many are under it."""
    return [
        {"letter": each.letter, "href": urls.to(f"{each.folder}/"), "count": len(each.people)}
        for each in letters
    ]


def letter_page(
    letter: str, people: Sequence[N], part: Part, shown: list[Markup], lang: Language
) -> dict[str, Any]:
    """What a letter's page (or part) says above its list: the letter, the part, how many are
    under it, the first and last name it holds, and its pager."""
    chosen = [people[i] for i in part.run]
    return {
        "letter": letter,
        "part": part.label(lang),
        "count": len(people),
        "first": chosen[0].name.last_first,
        "last": chosen[-1].name.last_first,
        "people": shown,
        "pager": part.pager,
    }
