"""HotCRP's paper JSON (Download -> JSON, or the API): a list of papers or {"papers": [...]}.

A paper is taken when its ``status`` is "accepted" or its ``decision`` names an acceptance.
HotCRP leaves decisions out of an export made before they are public; when no paper in the file
carries one, the export is taken to be the accepted set (export the search ``dec:yes``), every
submitted, non-withdrawn paper is imported and a warning says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diagnostics import Location
from generator.importers import jsonlines
from generator.importers.records import ImportBatch, ImportedAuthor, ImportedPaper, is_acceptance


def _papers(root: Any) -> list[Any]:
    if isinstance(root, dict):
        root = root.get("papers")
    return root if isinstance(root, list) else []


def _decision(paper: dict[str, Any]) -> str | None:
    status, decision = paper.get("status"), paper.get("decision")
    if isinstance(decision, str) and decision:
        return decision
    if isinstance(status, str) and status in ("accepted", "rejected"):
        return status
    return None


def _submitted(paper: dict[str, Any]) -> bool:
    """Neither withdrawn nor a draft that was never submitted."""
    if paper.get("withdrawn") or paper.get("submitted") is False:
        return False
    return paper.get("status") not in ("withdrawn", "draft", "inprogress")


def _author(value: Any) -> ImportedAuthor | None:
    if isinstance(value, str):
        return ImportedAuthor(value.strip()) if value.strip() else None
    if not isinstance(value, dict):
        return None
    name = str(value.get("name") or "").strip()
    if not name:
        name = " ".join(str(value.get(k) or "").strip() for k in ("first", "last")).strip()
    if not name:
        return None
    return ImportedAuthor(name, str(value.get("affiliation") or "").strip())


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def read(path: Path, display: str, text: str, batch: ImportBatch) -> None:
    try:
        root = jsonlines.loads(text)
    except ValueError as exc:
        batch.diagnostics.error_at(display, getattr(exc, "lineno", 0), f"not valid JSON: {exc}")
        return
    papers = _papers(root)
    if not papers:
        batch.diagnostics.error_at(
            display, 1, 'no HotCRP papers found: expected a list of papers or {"papers": [...]}'
        )
        return
    has_decisions = any(isinstance(p, dict) and _decision(p) is not None for p in papers)
    if not has_decisions:
        batch.diagnostics.warning(
            Location(display, 1),
            "this export carries no decisions; every submitted paper in it is imported as "
            "accepted (export only accepted papers: search 'dec:yes' in HotCRP)",
        )
    for number, paper in enumerate(papers, start=1):
        where = Location(display, jsonlines.line_of(paper))
        if not isinstance(paper, dict):
            batch.skip(where, f"record {number} is not a JSON object; skipped")
            continue
        pid = paper.get("pid", paper.get("_id_", paper.get("id")))
        label = f"paper {pid}" if pid is not None else f"record {number}"
        if has_decisions:
            verdict = _decision(paper)
            if verdict is None or not is_acceptance(verdict):
                batch.not_accepted += 1
                continue
        elif not _submitted(paper):
            batch.not_accepted += 1
            continue
        authors = tuple(a for v in (paper.get("authors") or []) if (a := _author(v)))
        title = _text(paper.get("title"))
        if not (isinstance(pid, int | str) and str(pid).strip() and title and authors):
            missing = [
                w
                for w, v in (("paper id", pid), ("title", title), ("authors", authors))
                if v in (None, "", ())
            ]
            batch.skip(where, f"{label}: no {', '.join(missing)}; skipped")
            continue
        batch.papers.append(
            ImportedPaper(
                source_id=f"p{pid}" if str(pid).isdigit() else str(pid),
                title=title,
                authors=authors,
                location=where,
                abstract=_text(paper.get("abstract")),
            )
        )
