"""Session ids that would collide with the schedule's own pages and files are errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TOY_DATA

from generator.validate import load_and_validate


@pytest.mark.parametrize(
    ("reserved", "taken_by"),
    [
        ("my-agenda", "the personal agenda page program/my-agenda/"),
        ("program", "the whole program's calendar program/program.ics"),
    ],
)
def test_reserved_session_id_is_an_error_at_its_line(
    tmp_path: Path, reserved: str, taken_by: str
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(TOY_DATA, data_dir)
    program = data_dir / "program.yaml"
    text = program.read_text(encoding="utf-8")
    assert text.count("- id: coffee\n") == 1
    program.write_text(text.replace("- id: coffee\n", f"- id: {reserved}\n"), encoding="utf-8")
    line = 1 + text[: text.index("- id: coffee")].count("\n")

    data, diagnostics = load_and_validate(data_dir)

    assert data is None
    assert [str(d) for d in diagnostics.errors] == [
        f"{diagnostics.errors[0].location.path}:{line}: error: session id '{reserved}' "
        f"is taken by {taken_by}; choose another id"
    ]
    assert diagnostics.errors[0].location.path.endswith("program.yaml")
