"""Author strings of spreadsheets: 'A, B, and C (Affiliation) | D (Other, Inc.)'.

Mini-Conf separates groups with '|', CMT with ';'; a group is one or more names sharing the
affiliation in parentheses. Separators inside the parentheses belong to the affiliation
('Haoran Zhang (University of Toronto | Vector Institute)'), and affiliations may themselves
hold parentheses, balanced or not ('(1) Inselspital, Bern 2) ETH Zurich)').
"""

from __future__ import annotations

import re

from generator.importers.records import ImportedAuthor

_NAME_SEPARATOR = re.compile(r"\s*,\s*and\s+|\s+and\s+|\s*,\s*|\s*&\s*")


def split_outside_parentheses(text: str, separator: str) -> list[str]:
    """Split at ``separator`` characters that are not inside parentheses."""
    parts: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)  # an affiliation's '1)' numbering must not go negative
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def group_separator(text: str) -> str | None:
    """';' or '|' when one occurs outside parentheses (';' first: CMT), else None."""
    for separator in (";", "|"):
        if len(split_outside_parentheses(text, separator)) > 1:
            return separator
    return None


def parse_group(group: str) -> list[ImportedAuthor]:
    """'A, B, and C (Affiliation)' -> three authors of that affiliation; '*' marks are dropped."""
    group = group.strip().rstrip("*").strip()
    affiliation = ""
    opening = group.find("(")
    if opening > 0 and group.endswith(")"):
        affiliation = " ".join(group[opening + 1 : -1].split())
        group = group[:opening]
    names = [" ".join(n.split()).rstrip("*").strip() for n in _NAME_SEPARATOR.split(group)]
    return [ImportedAuthor(name, affiliation) for name in names if name]


def parse_authors(text: str, separator: str | None = None) -> list[ImportedAuthor]:
    """Every author of a cell, in order."""
    separator = separator or group_separator(text)
    groups = split_outside_parentheses(text, separator) if separator else [text]
    return [author for group in groups for author in parse_group(group)]
