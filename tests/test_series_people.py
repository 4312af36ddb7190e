"""People across editions: ORCID iDs, names and people.yaml decide who is who; likely
mix-ups are warnings with the file and line to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from series_data import copy_series, edit

from generator.series.load import load_series
from generator.series.model import Series
from generator.series.people import SeriesPerson, normalised, resolve


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_series(tmp_path, monkeypatch)


def loaded(data: Path) -> tuple[Series, list[str]]:
    series, diagnostics = load_series(data)
    assert series is not None, diagnostics.sorted()
    return series, [str(d) for d in diagnostics.sorted()]


def who(people: list[SeriesPerson]) -> list[tuple[str, list[tuple[int, str]]]]:
    return [
        (p.slug, [(w.year, w.paper.id if w.paper else w.role) for w in p.works]) for p in people
    ]


def test_series_people_join_by_orcid_name_and_people_file(data: Path) -> None:
    series, warnings = loaded(data)
    assert warnings == []
    assert who(resolve(series)[0]) == [
        ("jose-alvarez", [(2028, "sparse-kernels"), (2030, "tiny-tensors")]),
        ("ludwig-van-der-berg", [(2030, "log-attention")]),
        (
            "tom-berg",
            [
                (2028, "General chair"),
                (2029, "General chair"),
                (2030, "Program chair"),
                (2030, "Chair: Compilers"),
            ],
        ),
        ("ana-costa", [(2030, "Program committee (systems)")]),
        ("bjorn-ek", [(2030, "Program committee (systems)")]),
        ("chen-li", [(2028, "cache-models"), (2030, "Program committee (ml)")]),
        ("chen-li-systems", [(2029, "learned-schedulers")]),
        (
            "rosa-lind",
            [
                (2028, "Program committee"),
                (2030, "General chair"),
                (2030, "Chair: Keynote: Small Is Beautiful"),
            ],
        ),
        ("zoe-park", [(2030, "green-serving")]),
        ("ada-quill", [(2029, "learned-schedulers"), (2030, "Small Is Beautiful")]),
        (
            "mia-wong",
            [
                (2028, "sparse-kernels"),
                (2029, "quantised-serving"),
                (2029, "Program committee"),
                (2030, "tiny-tensors"),
                (2030, "log-attention"),
            ],
        ),
    ]


def test_series_people_same_orcid_is_one_person_whatever_the_name(data: Path) -> None:
    (data / "people.yaml").unlink()
    edit(
        data / "2028" / "papers.yaml",
        "      - name: Jose Alvarez\n",
        "      - name: J. Alvarez\n        orcid: 0000-0002-1825-0097\n",
    )
    series, _warnings = loaded(data)
    found = {p.slug: p for p in resolve(series)[0]}
    assert [(w.year, w.name.full) for w in found["j-alvarez"].works] == [
        (2028, "J. Alvarez"),
        (2030, "José Álvarez"),
    ]


def test_series_people_warn_same_name_different_orcid(data: Path) -> None:
    (data / "people.yaml").unlink()
    edit(
        data / "2028" / "papers.yaml",
        "      - name: Chen Li\n",
        "      - name: Chen Li\n        orcid: 0000-0002-9079-593X\n",
    )
    series, warnings = loaded(data)
    assert warnings == [
        "data/2028/papers.yaml:12: warning: 'Chen Li' appears with different ORCID iDs "
        "(0000-0001-5109-3700, 0000-0002-9079-593X): taken as different people; if that is "
        "wrong, fix the iD, else name each in people.yaml to say who is who",
        "data/2030/papers.yaml:3: warning: 'José Álvarez' and 'Jose Alvarez' "
        "(data/2028/papers.yaml:3) differ only in accents: taken as different people; if they "
        "are one, list the names in people.yaml as variants of one person",
    ]
    slugs = [p.slug for p in resolve(series)[0] if p.name.full == "Chen Li"]
    assert slugs == ["chen-li", "chen-li-2", "chen-li-3700"]


def test_series_people_warn_names_equal_but_for_initials(data: Path) -> None:
    edit(data / "2029" / "papers.yaml", "      - name: Mia Wong", "      - name: M. Wong")
    _series, warnings = loaded(data)
    assert warnings == [
        "data/2029/papers.yaml:14: warning: 'M. Wong' and 'Mia Wong' (data/2028/papers.yaml:3) "
        "differ only in initials: taken as different people; if they are one, list the names "
        "in people.yaml as variants of one person",
    ]


def test_series_people_file_settles_a_warning(data: Path) -> None:
    edit(data / "2029" / "papers.yaml", "      - name: Mia Wong", "      - name: M. Wong")
    with (data / "people.yaml").open("a", encoding="utf-8") as people:
        people.write("  - id: mia-wong\n    name: Mia Wong\n    variants: [M. Wong]\n")
    series, warnings = loaded(data)
    assert warnings == []
    mia = next(p for p in resolve(series)[0] if p.slug == "mia-wong")
    assert sorted({w.name.full for w in mia.works}) == ["M. Wong", "Mia Wong"]


def test_series_people_split_by_papers(data: Path) -> None:
    edit(
        data / "people.yaml",
        "    orcid: 0000-0001-5109-3700\n",
        "    papers: [2029/learned-schedulers]\n",
    )
    edit(data / "2029" / "papers.yaml", "        orcid: 0000-0001-5109-3700\n", "")
    series, warnings = loaded(data)
    assert warnings == []
    found = {p.slug: [w.year for w in p.works] for p in resolve(series)[0]}
    assert (found["chen-li"], found["chen-li-systems"]) == ([2028, 2030], [2029])


def test_series_people_normalised_names() -> None:
    assert normalised("  Ana  M.  Costa ") == normalised("ana m costa")
    assert normalised("José") != normalised("Jose")
