"""Session kinds from what schedules call their items ('lecture', 'Workshop', 'Coffee break')."""

from __future__ import annotations

import re

from generator.model import SessionKind

_BY_WORD: tuple[tuple[SessionKind, tuple[str, ...]], ...] = (
    (SessionKind.KEYNOTE, ("keynote",)),
    (SessionKind.POSTER, ("poster", "posters")),
    (SessionKind.WORKSHOP, ("workshop", "workshops")),
    (SessionKind.TUTORIAL, ("tutorial", "tutorials", "hands-on", "lab")),
    (SessionKind.BREAK, ("break", "coffee", "lunch", "pause", "breakfast", "registration")),
    (
        SessionKind.SOCIAL,
        ("social", "reception", "dinner", "banquet", "party", "excursion", "concert", "music"),
    ),
    (SessionKind.PAPERS, ("papers", "paper", "session")),
)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z-]*", text.casefold()))


def infer_kind(item_type: str, title: str = "") -> str:
    """A SessionKind value: the type itself when it is one ('tutorial'), else a word of the
    type ('Workshop'), else a word of the title ('Coffee break', 'Keynote: ...'); a talk or
    lecture of no other kind is 'plenary'."""
    named = item_type.strip().casefold()
    if named in {kind.value for kind in SessionKind}:
        return named
    for text, kinds in ((item_type, _BY_WORD), (title, _BY_WORD[:-1])):
        words = _words(text)
        for kind, names in kinds:  # a title's 'session' says little: only a type's counts
            if words & set(names):
                return kind.value
    return SessionKind.PLENARY.value
