"""`confsite import committee` and `confsite import speakers`: plain lists into committee.yaml
and speakers.yaml that check clean, re-import to no change and keep what organizers added."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TOY_DATA, run_confsite

from generator.diagnostics import Diagnostics
from generator.load.yaml_source import load_yaml_file
from generator.model import Area
from generator.validate import load_and_validate


def data_folder(tmp_path: Path, without: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(TOY_DATA, data)
    (data / without).unlink()
    return data


def run_import(data: Path, kind: str, source: Path) -> list[str]:
    result = run_confsite("import", kind, str(source), "--data", str(data))
    assert result.returncode == 0, result.stderr
    return result.stderr.splitlines()


def read(data: Path, name: str) -> dict:
    return load_yaml_file(data / name, name, Diagnostics())


def test_import_committee_from_a_yaml_list_of_names(tmp_path: Path) -> None:
    data = data_folder(tmp_path, "committee.yaml")
    source = tmp_path / "pc.yaml"
    source.write_text("- Björn Ek\n- van der Berg, Ludwig\n- Zoë Park\n")
    assert run_import(data, "committee", source) == [
        "people: imported 3, updated 0, unchanged 0; skipped 0 unreadable; read as UTF-8; "
        f"wrote {data / 'committee.yaml'}"
    ]
    assert read(data, "committee.yaml") == {
        "organizing": [],
        "program_committee": [
            {"name": "Björn Ek"},
            {"name": "van der Berg, Ludwig"},
            {"name": "Zoë Park"},
        ],
    }
    model, diagnostics = load_and_validate(data)
    assert diagnostics.items == []
    assert model is not None
    assert [(m.name.full, m.area) for m in model.program_committee] == [
        ("Björn Ek", None),
        ("Ludwig van der Berg", None),
        ("Zoë Park", None),
    ]


def test_import_committee_from_a_csv_without_a_header(tmp_path: Path) -> None:
    data = data_folder(tmp_path, "committee.yaml")
    source = tmp_path / "pc.csv"
    source.write_bytes("Björn Ek\r\nZoë Park\r\n".encode("utf-16"))
    assert run_import(data, "committee", source)[-1] == (
        "people: imported 2, updated 0, unchanged 0; skipped 0 unreadable; read as UTF-16; "
        f"wrote {data / 'committee.yaml'}"
    )
    assert [m["name"] for m in read(data, "committee.yaml")["program_committee"]] == [
        "Björn Ek",
        "Zoë Park",
    ]


SHEET = """Name,Affiliation,Area,Role
Margaret Ellison,University of Northhaven,,General chair
Björn Ek,Technische Hochschule Beispiel,Systems,
Zoë Park,,Machine Learning,
Cy Li,Uni,hardware,
"""


def test_import_committee_csv_with_areas_roles_and_an_unknown_area(tmp_path: Path) -> None:
    data = data_folder(tmp_path, "committee.yaml")
    source = tmp_path / "pc.csv"
    source.write_text(SHEET)
    assert run_import(data, "committee", source) == [
        f"{source}:5: warning: area 'hardware' is neither systems nor ml; the member is listed "
        "without one",
        "people: imported 4, updated 0, unchanged 0; skipped 0 unreadable; read as UTF-8; "
        f"wrote {data / 'committee.yaml'}",
    ]
    model, diagnostics = load_and_validate(data)
    assert diagnostics.items == []
    assert model is not None
    assert [(o.role, o.name.full) for o in model.organizers] == [
        ("General chair", "Margaret Ellison")
    ]
    assert [(m.name.full, m.affiliation, m.area) for m in model.program_committee] == [
        ("Björn Ek", "Technische Hochschule Beispiel", Area.SYSTEMS),
        ("Zoë Park", "", Area.ML),
        ("Cy Li", "Uni", None),
    ]


def test_import_committee_again_changes_nothing_and_keeps_hand_edits(tmp_path: Path) -> None:
    data = data_folder(tmp_path, "committee.yaml")
    source = tmp_path / "pc.csv"
    source.write_text(SHEET)
    run_import(data, "committee", source)
    path = data / "committee.yaml"
    path.write_text(
        path.read_text().replace(
            "  - name: Zoë Park\n", "  - name: Zoë Park\n    affiliation: Example Labs\n"
        )
    )
    before = path.read_bytes()
    assert run_import(data, "committee", source)[-1] == (
        "people: imported 0, updated 0, unchanged 4; skipped 0 unreadable; read as UTF-8; "
        "no file changed"
    )
    assert path.read_bytes() == before


def test_import_speakers_makes_ids_from_names_and_checks(tmp_path: Path) -> None:
    data = data_folder(tmp_path, "speakers.yaml")
    source = tmp_path / "speakers.csv"
    source.write_text(
        "id,name,affiliation,talk_title,bio\n"
        "ada-quill,Ada Quill,Example Labs,Small Is Beautiful,Ada builds tiny systems.\n"
        ",José Álvarez,Universidad de Ejemplo,Big Is Fine,\n"
    )
    assert run_import(data, "speakers", source)[-1] == (
        "people: imported 2, updated 0, unchanged 0; skipped 0 unreadable; read as UTF-8; "
        f"wrote {data / 'speakers.yaml'}"
    )
    assert [s["id"] for s in read(data, "speakers.yaml")["speakers"]] == [
        "ada-quill",
        "jose-alvarez",
    ]
    model, diagnostics = load_and_validate(data)
    assert diagnostics.items == []  # the toy keynote's speaker 'ada-quill' is found
    assert model is not None
    assert run_import(data, "speakers", source)[-1].startswith(
        "people: imported 0, updated 0, unchanged 2;"
    )
