"""Diagnostics for machines: GitHub workflow annotations and a JSON document.

``confsite check`` and ``confsite build`` print GNU-style lines for people by default;
``--format github`` turns each problem into an annotation that GitHub shows on the changed
line of a pull request, and ``--format json`` prints one document for other tools (its shape is
``JSON_SCHEMA``, documented in docs/organizer-guide.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from generator.diagnostics import Diagnostic, Severity

FORMATS = ("text", "github", "json")
JSON_VERSION = 1

JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "confsite check/build report",
    "type": "object",
    "required": ["version", "command", "ok", "errors", "warnings", "diagnostics"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": JSON_VERSION},
        "command": {"enum": ["check", "build"]},
        "ok": {"type": "boolean", "description": "the exit status is 0"},
        "errors": {"type": "integer", "minimum": 0},
        "warnings": {"type": "integer", "minimum": 0},
        "site_dir": {"type": "string", "description": "build only: where the site goes"},
        "built": {"type": "boolean", "description": "build only: a new site was swapped in"},
        "diagnostics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "line", "severity", "message"],
                "additionalProperties": False,
                "properties": {
                    "file": {
                        "type": ["string", "null"],
                        "description": "relative to the working folder; null: the whole run",
                    },
                    "line": {"type": ["integer", "null"], "minimum": 1},
                    "severity": {"enum": ["error", "warning"]},
                    "message": {"type": "string"},
                },
            },
        },
    },
}
"""The shape of ``--format json`` output (JSON Schema 2020-12)."""


def github_data(text: str) -> str:
    """Escape a workflow command's message the way GitHub's toolkit does (%, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a workflow command property value: also ':' and ',', which delimit properties."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(diagnostic: Diagnostic) -> str:
    """``::error file=data/papers.yaml,line=42::message`` (file and line only when known)."""
    command = "error" if diagnostic.severity is Severity.ERROR else "warning"
    properties = []
    if diagnostic.location.path:
        properties.append(f"file={github_property(diagnostic.location.path)}")
        if diagnostic.location.line:
            properties.append(f"line={diagnostic.location.line}")
    head = f"{command} {','.join(properties)}" if properties else command
    return f"::{head}::{github_data(diagnostic.message)}"


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    items = list(diagnostics)
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    return f"{errors} error(s), {len(items) - errors} warning(s)"


def render_github(diagnostics: Iterable[Diagnostic]) -> str:
    """One annotation per line, then the plain summary line; '' when there is nothing."""
    items = list(diagnostics)
    if not items:
        return ""
    return "\n".join([*(github_annotation(d) for d in items), summary(items)]) + "\n"


def as_json(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "file": diagnostic.location.path or None,
        "line": diagnostic.location.line or None,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
    }


def render_json(command: str, ok: bool, diagnostics: Iterable[Diagnostic], **extra: Any) -> str:
    """The whole run as one JSON document (see JSON_SCHEMA), keys in a stable order."""
    items = list(diagnostics)
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    document = {
        "version": JSON_VERSION,
        "command": command,
        "ok": ok,
        "errors": errors,
        "warnings": len(items) - errors,
        **extra,
        "diagnostics": [as_json(d) for d in items],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
