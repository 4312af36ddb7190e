"""``confsite new``: a complete site repository for a new edition, ready to check and build.

The files live beside this module (``data/``, ``mkdocs.yml``, ``site_src/``, ``overrides/``,
``workflows/``, ``README.md``) with ``@NAME@``-style placeholders. The repository's own
``.github/workflows`` are rendered from the same workflow templates, so both stay one design.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata, resources
from importlib.abc import Traversable
from pathlib import Path

from generator.names import slugify
from generator.schema import write_schemas

VERSION = "0.1.0"


@dataclass(frozen=True)
class WorkflowVariant:
    """How a workflow installs and tests: in the generator's repository, or in a site's."""

    install: str
    install_test: str
    test: str
    cache_path: str


REPOSITORY = WorkflowVariant(
    install="pip install -e .",
    install_test="pip install -e '.[test]' && npm ci",
    test="pytest -q",
    cache_path="pyproject.toml",
)
SITE = WorkflowVariant(
    install="pip install -r requirements.txt",
    install_test="pip install -r requirements.txt",
    test="confsite build --strict",
    cache_path="requirements.txt",
)
WORKFLOWS = ("check.yml", "deploy.yml")


def default_requirement() -> str:
    """A pip requirement for the confsite that is running, which pip can resolve today.

    confsite has no release on PyPI, so ``confsite==VERSION`` would not install. Run from a
    source checkout (an editable install, or ``python -m generator`` in the clone), it is a
    ``file://`` requirement to that checkout; installed from a git URL or an archive, that URL
    as pip recorded it (PEP 610 ``direct_url.json``), pinned to the revision installed.
    """
    checkout = Path(__file__).resolve().parents[2]
    project = checkout / "pyproject.toml"
    if project.is_file() and re.search(r'(?m)^name\s*=\s*"confsite"', project.read_text()):
        return f"confsite @ {checkout.as_uri()}"
    try:
        direct = metadata.distribution("confsite").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct = None
    if direct:
        info = json.loads(direct)
        vcs = info.get("vcs_info")
        if vcs:
            revision = vcs.get("requested_revision") or vcs.get("commit_id")
            return f"confsite @ {vcs['vcs']}+{info['url']}" + (f"@{revision}" if revision else "")
        return f"confsite @ {info['url']}"
    return f"confsite=={VERSION}"


def _files() -> Traversable:
    return resources.files("generator.scaffold")


def render_workflow(name: str, variant: WorkflowVariant) -> str:
    """The text of ``.github/workflows/<name>`` for a repository of that kind."""
    text = (_files() / "workflows" / name).read_text(encoding="utf-8")
    return _fill(
        text,
        {
            "INSTALL_TEST": variant.install_test,
            "INSTALL": variant.install,
            "TEST": variant.test,
            "CACHE_PATH": variant.cache_path,
        },
    )


def _fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"@([A-Z_]+)@", lambda m: values.get(m.group(1), m.group(0)), text)


def _walk(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.startswith(("__", ".")) or item.name.endswith(".pyc"):
            continue
        relative = f"{prefix}{item.name}"
        if item.is_dir():
            found.extend(_walk(item, relative + "/"))
        else:
            found.append((relative, item))
    return found


def _target(relative: str) -> str | None:
    """Where a scaffold file goes in the new site (None: not copied as such)."""
    if relative.startswith("workflows/"):
        return None  # rendered for the site variant below
    if relative == "gitignore":
        return ".gitignore"  # dot files are left out of Python packages
    return relative


class ScaffoldError(Exception):
    """The target cannot take a new site (it exists and is not empty)."""


def create_site(target: Path, name: str, year: int, generator: str | None = None) -> list[Path]:
    """Write the site; returns the files written, in order. ``generator`` is the pip
    requirement of requirements.txt (default: ``default_requirement()``)."""
    generator = generator or default_requirement()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(
            f"{target}: error: the folder exists and is not empty; choose a new one"
        )
    values = {
        "NAME": name,
        "NAME_Q": json.dumps(name, ensure_ascii=False),
        "TITLE_Q": json.dumps(f"{name} {year}", ensure_ascii=False),
        "DESCRIPTION_Q": json.dumps(f"{name} {year}: the conference website.", ensure_ascii=False),
        "YEAR": str(year),
        "SLUG": slugify(name) or "conference",
        "GENERATOR": generator,
        "VERSION": VERSION,
    }
    written: list[Path] = []
    for relative, source in _walk(_files()):
        destination = _target(relative)
        if destination is None or relative.endswith(".py"):
            continue
        path = target / destination
        path.parent.mkdir(parents=True, exist_ok=True)
        if relative.startswith("overrides/"):
            path.write_bytes(source.read_bytes())  # theme templates: copied as they are
        else:
            path.write_text(_fill(source.read_text(encoding="utf-8"), values), encoding="utf-8")
        written.append(path)
    for workflow in WORKFLOWS:
        path = target / ".github" / "workflows" / workflow
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_workflow(workflow, SITE), encoding="utf-8")
        written.append(path)
    written.extend(write_schemas(target / "schemas"))
    return written
