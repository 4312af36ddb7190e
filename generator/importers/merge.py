"""Merging imported papers into the papers already in papers.yaml.

What the submission system knows (title, authors, abstract, and pages or DOI when it has them)
is taken from the import; what organizers added since (session, award, topics, links, an
author's ORCID or an affiliation the source lacks) is kept. Papers that are not in the import
stay as they are. Merging the same export twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.importers.records import ImportedAuthor, ImportedPaper
from generator.names import Name


@dataclass
class MergeReport:
    """Counts for the summary line, and the ids behind them."""

    imported: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[tuple[str, str, ImportedPaper]] = field(default_factory=list)
    """(id, previous title, import) where an update shares neither title nor any author with
    the paper it replaced: likely two different papers given the same id."""


def display_name(raw: str) -> str:
    """A name as papers.yaml should hold it: decoded, 'First Last' when that reads back the same.

    'Hinton, Geoffrey E.' -> 'Geoffrey E. Hinton'; 'de la Cruz, Ana' -> 'Ana de la Cruz'. A
    family name of two words ('Ravid Shwartz, Ziv') keeps the comma form, which the site needs
    to sort and cite it correctly.
    """
    name = Name.parse(raw)
    if not name.first and not name.von and not name.jr:
        return name.last
    if Name.parse(name.full) == name:
        return name.full
    return name.last_first


def _author(imported: ImportedAuthor, previous: dict[str, Any] | None) -> dict[str, Any]:
    author: dict[str, Any] = {"name": display_name(imported.name)}
    affiliation = imported.affiliation or (previous or {}).get("affiliation") or ""
    orcid = imported.orcid or (previous or {}).get("orcid") or ""
    if affiliation:
        author["affiliation"] = affiliation
    if orcid:
        author["orcid"] = orcid
    if previous:  # keys organizers added that the importer knows nothing about
        for key, value in previous.items():
            author.setdefault(key, value)
    return author


def _previous_authors(paper: dict[str, Any]) -> dict[str, dict[str, Any]]:
    by_identity: dict[str, dict[str, Any]] = {}
    for author in paper.get("authors") or []:
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            by_identity.setdefault(Name.parse(author["name"]).identity, author)
        elif isinstance(author, str):
            by_identity.setdefault(Name.parse(author).identity, {"name": author})
    return by_identity


def merged_paper(paper_id: str, imported: ImportedPaper, existing: dict[str, Any]) -> dict:
    """The existing mapping updated with what the import knows."""
    result = dict(existing)
    result["id"] = paper_id
    result["title"] = imported.title
    previous = _previous_authors(existing)
    result["authors"] = [
        _author(author, previous.get(Name.parse(author.name).identity))
        for author in imported.authors
    ]
    if imported.abstract:
        result["abstract"] = imported.abstract
    if imported.pages:
        result["pages"] = imported.pages
    if imported.doi:
        result["doi"] = imported.doi
    if imported.links:
        links = dict(existing.get("links") or {})
        for kind, url in imported.links:
            links.setdefault(kind, url)
        result["links"] = links
    return result


def _same(a: Any, b: Any) -> bool:
    def norm(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items() if v not in (None, "", [], {})}
        if isinstance(value, list):
            return [norm(v) for v in value]
        return value.strip() if isinstance(value, str) else value

    return norm(a) == norm(b)


def merge(
    papers: list[dict[str, Any]],
    imported: list[tuple[str, ImportedPaper]],
    progress: Callable[[int], None] = lambda done: None,
) -> tuple[list[dict[str, Any]], MergeReport]:
    """New list of paper mappings: existing ones updated in place, new ones appended."""
    report = MergeReport()
    result = [dict(paper) for paper in papers]
    index = {str(paper.get("id")): position for position, paper in enumerate(result)}
    for done, (paper_id, paper) in enumerate(imported, start=1):
        progress(done)
        position = index.get(paper_id)
        if position is None:
            index[paper_id] = len(result)
            result.append(merged_paper(paper_id, paper, {}))
            report.imported.append(paper_id)
            continue
        updated = merged_paper(paper_id, paper, result[position])
        if _same(updated, result[position]):
            report.unchanged.append(paper_id)
        else:
            before = result[position]
            shared = set(_previous_authors(before)) & set(_previous_authors(updated))
            if not shared and str(before.get("title", "")).strip() != paper.title:
                report.replaced.append((paper_id, str(before.get("title", "")), paper))
            result[position] = updated
            report.updated.append(paper_id)
    return result, report
