"""The warning against the silent failure: Zensical run on a confsite project directly.

``zensical build`` drops every MkDocs plugin it has not reimplemented, the ``conference``
plugin among them, and still exits 0 (even with ``--strict``): the site it makes has no
generated page and no download. Nothing in the project can stop it, so ``confsite check`` and
the Zensical builder look for the signs that someone will run it: a zensical.toml (which
``zensical build`` reads before mkdocs.yml), or a workflow or script that calls it.
No Zensical here: plain file reading.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import Diagnostic, Location, Severity

ADVICE = (
    "Zensical ignores the conference plugin, so that build would have none of the "
    "generated pages or downloads; build with `confsite build --engine zensical` instead"
)
CALLS = re.compile(r"^(?!\s*#).*\bzensical\s+(build|serve)\b", re.M)
"""A line (not a comment) that runs ``zensical build`` or ``zensical serve``."""
SCRIPTS = (
    ".github/workflows/*.yml",
    ".github/workflows/*.yaml",
    "Makefile",
    "*.sh",
    "netlify.toml",
)


def engine_warnings(root: Path) -> list[Diagnostic]:
    """A warning for each sign in the project folder ``root`` that it will be built by an
    engine that ignores the conference plugin; none when there is no sign."""
    found: list[Diagnostic] = []
    toml = root / "zensical.toml"
    if toml.is_file():
        message = f"`zensical build` here reads this file, not mkdocs.yml; {ADVICE}"
        found.append(_warning(toml, root, 1, message + " (and remove zensical.toml)"))
    for pattern in SCRIPTS:
        for path in sorted(root.glob(pattern)):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for match in CALLS.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                message = f"runs `zensical {match.group(1)}` on this project; {ADVICE}"
                found.append(_warning(path, root, line, message))
    return found


def _warning(path: Path, root: Path, line: int, message: str) -> Diagnostic:
    return Diagnostic(Location(path.relative_to(root).as_posix(), line), Severity.WARNING, message)
