"""Writing a data file back after an import: readable YAML, loadable as it was meant, in one step.

Every importer rewrites its file whole: block style, list items indented under their key,
multi-line text as literal ``|`` blocks, quotes only where a value would otherwise read as
something else. The leading comment lines (among them the ``# yaml-language-server`` line
editors use) are kept; comments further down are not, which the organizer guide says. Before
anything is written, the text is parsed back with the loader the build uses and compared with
what was meant, so an import can never leave a file that reads differently from its report.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import LineDict, LineList, decode_utf8, parse_yaml


class Literal(str):
    """A string written as a literal block (abstracts, descriptions)."""


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
_Dumper.add_representer(Literal, _represent_literal)
# The build's loader reads '1e5' as a number; PyYAML's own rules would leave it unquoted.
_Dumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)


def plain(value: Any) -> Any:
    """LineDict/LineList (and nested) to plain dicts and lists."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


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


def render_document(header: list[str], root: dict[str, Any]) -> str:
    """Header comments, then the mapping in block style (empty lists as ``[]``)."""
    body = yaml.dump(
        root,
        Dumper=_Dumper,
        default_flow_style=False,
        sort_keys=False,
        allow_unicode=True,
        width=2**31 - 1,
        indent=2,
    )
    return "".join(line + "\n" for line in header) + body


def comparable(value: Any) -> Any:
    """A value with empty entries dropped and text stripped: what 'reads the same' compares."""
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    if isinstance(value, str):
        return value.strip()
    return value


def reads_back(text: str, meant: dict[str, Any]) -> bool:
    """Does the build's own loader read ``text`` back as exactly ``meant``?"""
    diagnostics = Diagnostics()
    root = parse_yaml(text, "import.yaml", diagnostics)
    if diagnostics.has_errors() or not isinstance(root, dict):
        return False
    return comparable(plain(root)) == comparable(meant)


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step: an interrupted import leaves the old file, not half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_document(
    path: Path,
    display: str,
    keys: tuple[str, ...],
    diagnostics: Diagnostics,
    names: tuple[str, ...] = (),
) -> tuple[list[str], dict[str, Any]] | None:
    """(leading comments, plain root) of a data file an import merges into.

    A missing or empty file is an empty mapping; one that is not a mapping of ``keys`` (each
    holding a list of mappings) is an error: the import will not guess what was meant.
    ``names`` are other keys the file may have, kept as they are (program.yaml's ``rooms:``,
    a list of names, which confsite check validates).
    """
    if not path.exists():
        return [], {}
    text = decode_utf8(path.read_bytes(), display, diagnostics)
    if text is None:
        return None
    root = parse_yaml(text, display, diagnostics)
    if diagnostics.has_errors():
        return None
    header = leading_comments(text)
    if root is None:
        return header, {}
    if len(keys) == 1:
        problem = f"{path.name} must be a mapping with the single key '{keys[0]}:' holding a list"
    else:
        shape = " and ".join(f"'{key}:'" for key in keys)
        problem = f"{path.name} must be a mapping of {shape}, each holding a list"
    if not isinstance(root, LineDict) or any(key not in (*keys, *names) for key in root):
        diagnostics.error_at(display, getattr(root, "line", 1), _before_import(problem))
        return None
    for key in keys:
        items = root.get(key)
        if items is not None and not isinstance(items, LineList):
            diagnostics.error_at(display, root.line_of(key), _before_import(problem))
            return None
        bad = [i for i, item in enumerate(items or []) if not isinstance(item, dict)]
        if isinstance(items, LineList) and bad:
            diagnostics.error_at(
                display,
                items.line_of(bad[0]),
                _before_import(f"an entry of '{key}' is not a mapping"),
            )
            return None
    return header, plain(root)


def _before_import(problem: str) -> str:
    return f"{problem}; fix it (confsite check explains) before importing into it"
