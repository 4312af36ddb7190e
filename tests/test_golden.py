"""Golden files: everything the core renders for the toy conference, byte for byte.

`generator.build.build_outputs(tests/data/toy)` is compared with tests/golden/site/: each
generated page's HTML body (``<uri>.html``), each generated file (.bib, .ics, ...), the
fragment inserted into the home page, and a manifest of page titles, nav and search flags.
This works because the output is deterministic. After an intended change of the output,
refresh the files with

    CONFSITE_UPDATE_GOLDEN=1 pytest tests/test_golden.py -q

and review the diff (`git diff tests/golden/`) like any other change.
"""

from __future__ import annotations

import json
import os
import shutil
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import TOY_DATA

from generator.build import build_outputs

GOLDEN = Path(__file__).resolve().parent / "golden" / "site"
UPDATE = bool(os.environ.get("CONFSITE_UPDATE_GOLDEN"))
MANIFEST = "pages.json"
REFRESH = "if the change is intended: CONFSITE_UPDATE_GOLDEN=1 pytest tests/test_golden.py -q"


@lru_cache(maxsize=1)
def rendered() -> dict[str, str]:
    """Golden file name -> expected content, for the whole build result of the toy."""
    result = build_outputs(TOY_DATA)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    outputs = {f"{page.uri.removesuffix('.md')}.html": page.html for page in result.pages}
    outputs.update({file.uri: file.content for file in result.files})
    outputs.update({f"fragments/{uri}.html": body for uri, body in result.fragments.items()})
    manifest = [
        {
            "uri": page.uri,
            "title": page.title,
            "description": page.description,
            "in_nav": page.in_nav,
            "search": page.search,
            "toc": [[entry.level, entry.anchor, entry.title] for entry in page.toc],
        }
        for page in result.pages
    ]
    outputs[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    return outputs


def _refresh() -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)  # drops golden files of outputs that no longer exist
    for name, content in rendered().items():
        path = GOLDEN / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8"))


if UPDATE:
    _refresh()


def golden_names() -> list[str]:
    return sorted(str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*") if p.is_file())


def test_golden_files_cover_exactly_the_outputs() -> None:
    assert golden_names() == sorted(rendered()), REFRESH


@pytest.mark.parametrize("name", sorted(rendered()))
def test_golden_output_matches(name: str) -> None:
    path = GOLDEN / name
    expected = path.read_bytes().decode("utf-8") if path.is_file() else None

    assert rendered()[name] == expected, REFRESH
