"""Reading papers.yaml for a merge and writing it back readable, and loadable as it was meant.

The file is rewritten whole: block style, abstracts as literal ``|`` blocks, quotes only where
a value would otherwise read as something else. The leading comment lines (among them the
``# yaml-language-server: $schema=...`` line editors use) are kept; comments further down are
not, which the organizer guide says. Before anything is written, the text is parsed back with
the loader the build uses and compared with what was meant, so an import can never leave a file
that reads differently from what it reported.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import LineDict, decode_utf8, parse_yaml
from generator.validate.papers import AUTHOR_KEYS, PAPER_KEYS

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/papers.schema.json"


class _Literal(str):
    """A string written as a literal block (abstracts)."""


class _Dumper(yaml.SafeDumper):
    """Block style with list items indented under their key, as people write YAML by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_literal(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    text = str(value).strip("\n") + "\n"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Literal, _represent_literal)
# The build's loader reads '1e5' as a number; PyYAML's own rules would leave it unquoted.
_Dumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)


@dataclass
class PapersFile:
    """papers.yaml as plain data: its leading comments and its list of paper mappings."""

    header: list[str]
    papers: list[dict[str, Any]]


def plain(value: Any) -> Any:
    """LineDict/LineList (and nested) to plain dicts and lists."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def read_papers_file(path: Path, display: str, diagnostics: Diagnostics) -> PapersFile | None:
    """The current papers.yaml; a missing file is an empty one, a broken one is an error."""
    if not path.exists():
        return PapersFile([SCHEMA_LINE], [])
    text = decode_utf8(path.read_bytes(), display, diagnostics)
    if text is None:
        return None
    root = parse_yaml(text, display, diagnostics)
    if diagnostics.has_errors():
        return None
    header = leading_comments(text)
    if root is None:
        return PapersFile(header, [])
    papers = root.get("papers") if isinstance(root, LineDict) else None
    others = [key for key in root if key != "papers"] if isinstance(root, dict) else []
    if not isinstance(root, dict) or not isinstance(papers, list | type(None)) or others:
        diagnostics.error_at(
            display,
            getattr(root, "line", 1),
            "papers.yaml must be a mapping with the single key 'papers:' holding a list; "
            "fix it (confsite check explains) before importing into it",
        )
        return None
    bad = [i for i, item in enumerate(papers or []) if not isinstance(item, dict)]
    if bad:
        diagnostics.error_at(
            display,
            papers.line_of(bad[0]),
            "a paper entry is not a mapping; fix papers.yaml (confsite check explains) before "
            "importing into it",
        )
        return None
    return PapersFile(header, plain(papers or []))


def leading_comments(text: str) -> list[str]:
    """The comment lines (and blank lines between them) before the first YAML content."""
    header: list[str] = []
    for line in text.splitlines():
        if line.startswith("#") or (not line.strip() and header):
            header.append(line.rstrip())
        elif line.strip():
            break
    while header and not header[-1]:
        header.pop()
    return header


def _ordered(paper: dict[str, Any]) -> dict[str, Any]:
    """Known keys in the documented order, anything else after them as it was."""
    out: dict[str, Any] = {}
    for key in PAPER_KEYS:
        if key in paper and paper[key] not in (None, "", [], {}):
            out[key] = paper[key]
    for key, value in paper.items():
        if key not in out and key not in PAPER_KEYS:
            out[key] = value
    if isinstance(out.get("abstract"), str):
        out["abstract"] = _Literal(out["abstract"])
    authors = out.get("authors")
    if isinstance(authors, list):
        out["authors"] = [
            {k: a[k] for k in sorted(a, key=_key_rank) if a[k] not in (None, "")}
            if isinstance(a, dict)
            else a
            for a in authors
        ]
    return out


def _key_rank(key: str) -> int:
    return AUTHOR_KEYS.index(key) if key in AUTHOR_KEYS else len(AUTHOR_KEYS)


def render(papers_file: PapersFile) -> str:
    """The file's text: header comments, then 'papers:' and one block per paper."""
    papers = [_ordered(paper) for paper in papers_file.papers]
    body = yaml.dump(
        {"papers": papers},
        Dumper=_Dumper,
        default_flow_style=False,
        sort_keys=False,
        allow_unicode=True,
        width=2**31 - 1,
        indent=2,
    )
    if not papers:
        body = "papers: []\n"
    header = "".join(line + "\n" for line in papers_file.header)
    return header + body


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, str):
        return value.strip()
    return value


def round_trips(text: str, papers_file: PapersFile) -> bool:
    """Does the build's own loader read ``text`` back as exactly these papers?"""
    diagnostics = Diagnostics()
    root = parse_yaml(text, "papers.yaml", diagnostics)
    if diagnostics.has_errors() or not isinstance(root, dict):
        return False
    return _comparable(plain(root.get("papers") or [])) == _comparable(papers_file.papers)


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step: an interrupted import leaves the old file, not half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".papers-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
