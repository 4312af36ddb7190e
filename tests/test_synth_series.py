"""`confsite synth --editions N`: a deterministic synthetic series that passes check and builds,
with people across its editions as a real series has them."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from conftest import build_site, run_confsite
from test_series_site import page, texts

from generator import synth
from generator.series.load import load_series
from generator.series.people import resolve


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_synth_series_same_seed_same_bytes(tmp_path: Path) -> None:
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        result = run_confsite(
            "synth",
            "--editions",
            "3",
            "--papers",
            "10",
            "--out",
            str(tmp_path / name),
            "--seed",
            str(seed),
        )
        assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(
        f"{tmp_path / 'c'}/: synthetic series of 3 editions of 10 papers (30 in all) (seed 8)"
    )
    first = _digest(tmp_path / "a")
    assert first == _digest(tmp_path / "b")
    assert first["2031/papers.yaml"] != _digest(tmp_path / "c")["2031/papers.yaml"]
    assert sorted({name.split("/")[0] for name in first}) == [
        "2029",
        "2030",
        "2031",
        "series.yaml",
    ]


def test_synth_series_renames_once_and_keys_stay_apart(tmp_path: Path) -> None:
    synth.write(tmp_path, 20, seed=1, editions=4)
    assert (tmp_path / "series.yaml").read_text(encoding="utf-8").splitlines()[1:] == [
        "name: SynthConf",
        'description: "A synthetic conference series generated for benchmarks and scale tests."',
        "url: https://synth.example.org/",
        "current: 2031",
        "names:",
        "  - name: SynthSys",
        "    since: 2028",
        "    until: 2029",
        "  - name: SynthConf",
        "    since: 2030",
    ]
    series, diagnostics = load_series(tmp_path)
    assert series is not None and diagnostics.items == []
    assert [
        (e.year, e.data.conference.short_title, len(e.data.papers)) for e in series.editions
    ] == [
        (2031, "SynthConf 2031", 20),
        (2030, "SynthConf 2030", 20),
        (2029, "SynthSys 2029", 20),
        (2028, "SynthSys 2028", 20),
    ]
    assert series.editions[-1].data.papers[0].id == "p2028-00001"


def test_synth_series_people_skew_across_editions(tmp_path: Path) -> None:
    synth.write(tmp_path, 200, seed=4, editions=5)
    series, diagnostics = load_series(tmp_path)
    assert series is not None and diagnostics.items == []
    people, _warnings = resolve(series)
    years = Counter(
        len({w.year for w in p.works if w.kind == "paper"})
        for p in people
        if any(w.kind == "paper" for w in p.works)
    )
    authors = sum(years.values())
    assert years[1] > authors * 0.7  # most authors: papers in one edition only
    assert 0 < years[5] < authors * 0.05  # a few: papers in every edition


def test_synth_series_passes_check_strict_and_builds(tmp_path: Path) -> None:
    synth.write(tmp_path / "data", 20, seed=2, editions=3)
    checked = run_confsite("check", "--strict", "--data", str(tmp_path / "data"))
    assert checked.returncode == 0, checked.stderr
    result = build_site(tmp_path / "data", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "2029" / "papers" / "p2029-00020" / "index.html").is_file()
    series, _diagnostics = load_series(tmp_path / "data")
    assert series is not None
    people, _warnings = resolve(series)
    regular = next(p for p in people if len({w.year for w in p.works if w.kind == "paper"}) > 1)
    person = page(site, f"people/{regular.slug}")
    shown = texts(person, "//article/h2")
    editions = {w.year for w in regular.works}
    assert shown == [e.data.conference.short_title for e in series.editions if e.year in editions]
    assert len(shown) > 1
