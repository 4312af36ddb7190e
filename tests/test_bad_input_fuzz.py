"""Never a traceback: hundreds of randomly damaged copies of the toy conference.

Each copy gets one to three edits (a YAML or BibTeX token inserted, a span deleted, two
lines swapped) in one data file; the whole core build must then return diagnostics or
pages, never raise. The generator is seeded, so every run tries the same cases.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from conftest import TOY_DATA

from generator.build import build_outputs

CASES = 200
TOKENS = (
    *("", " ", ":", "- ", "[", "]", "{", "}", "'", '"', "\t", "\n", "x", "0", "-1", "null"),
    *("true", "*a", "&a ", "!!binary ", "@", "\\", "$", "$$", "%", "2030-13-45", "25:99"),
    *("@article{", "}}", "{{", "@proceedings{x,", " and ", "{\\'", "http://[", "é", "? ", "|"),
    *("<<: *a", "<script>", "&#58;", "\\$"),
)


def damage(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.4:
            text = text[:position] + rng.choice(TOKENS) + text[position:]
        elif choice < 0.7:
            text = text[:position] + text[position + rng.randint(1, 15) :]
        else:
            lines = text.split("\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    return text


def test_build_outputs_damaged_data_never_raises(tmp_path: Path) -> None:
    rng = random.Random(2030)
    names = sorted(path.name for path in TOY_DATA.iterdir())
    data = tmp_path / "data"
    outcomes = {"errors": 0, "clean": 0}

    for _ in range(CASES):
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(TOY_DATA, data)
        target = data / rng.choice(names)
        target.write_text(damage(target.read_text(encoding="utf-8"), rng), encoding="utf-8")

        result = build_outputs(data)

        outcomes["errors" if result.diagnostics.has_errors() else "clean"] += 1
        assert all(d.location.path.endswith(tuple(names)) for d in result.diagnostics.items)

    assert outcomes["errors"] > CASES // 2
