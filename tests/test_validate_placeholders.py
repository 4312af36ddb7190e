"""generator/validate/placeholders.py: values a new site's template left unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, TOY_DATA

from generator.series.load import load_site
from generator.validate import load_and_validate


def warnings(data: Path) -> list[str]:
    _model, diagnostics = load_and_validate(data)
    return [str(d) for d in diagnostics.sorted()]


def test_placeholders_shipped_example_and_toy_data_are_fictional_and_not_reported() -> None:
    _series, diagnostics = load_site(ROOT / "data")  # every edition, the series and people files
    assert [str(d) for d in diagnostics.sorted()] == []
    assert warnings(TOY_DATA) == []


def test_placeholders_example_addresses_of_a_real_site_are_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(TOY_DATA, data)
    conference = data / "conference.yaml"
    conference.write_text(
        conference.read_text()
        .replace("fictional: true\n", "")
        .replace("https://toy.example.org/2030/", "https://toyconf.org/2030/")
        .replace("chairs@toy.example.org", "chairs@toyconf.org")
        .replace("start: 2030-06-03", "start: 2030-06-03   # change me")
    )
    found = [w.replace(str(data), "data") for w in warnings(data)]
    assert found == [
        "data/conference.yaml:8: warning: 'start' '2030-06-03' is still the new site's "
        "placeholder (marked '# change me'); set it, then delete the mark",
        "data/speakers.yaml:9: warning: 'url' 'https://ada.example.org/' is an example address "
        "(ada.example.org is reserved for examples and is nobody's site); use the real one",
    ]
