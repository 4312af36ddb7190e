"""ACM's sample bibliography (acmart's sample-base.bib: @string macros and their redefinitions,
every common entry type) through `confsite import bibtex`, `confsite check` and `confsite
build`: what the built pages and the downloads then say about each kind of work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE, run_confsite
from lxml import html as lxml_html
from reference_sites import conference_yaml
from served_bibtex import resolved, undefined_macros

SOURCE = REFERENCE / "bibtex" / "acmart-sample-base.bib"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("acm") / "data"
    data.mkdir()
    (data / "conference.yaml").write_text(conference_yaml(SOURCE.stem), encoding="utf-8")
    imported = run_confsite("import", "bibtex", str(SOURCE), "--data", str(data))
    assert imported.returncode == 0, imported.stderr
    out = data.parent / "site"
    build = run_confsite("build", "--data", str(data), "--site-dir", str(out))
    assert build.returncode == 0, build.stderr
    return out


def ris(site: Path, paper: str) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for line in (site / "papers" / f"{paper}.ris").read_text(encoding="utf-8").splitlines():
        tags.setdefault(line[:2], []).append(line[6:])
    return tags


def head(site: Path, paper: str) -> dict[str, list[str]]:
    tree = lxml_html.fromstring((site / "papers" / paper / "index.html").read_bytes())
    tags: dict[str, list[str]] = {}
    for meta in tree.xpath("//head/meta[starts-with(@name, 'citation_')]"):
        tags.setdefault(meta.get("name"), []).append(meta.get("content"))
    return tags


def citations(site: Path, paper: str) -> list[str]:
    tree = lxml_html.fromstring((site / "papers" / paper / "index.html").read_bytes())
    texts = {
        dd.get("class").split("--")[-1]: " ".join(dd.text_content().split())
        for dd in tree.xpath("//dd[contains(@class, 'cs-citation')]")
    }
    return [texts["acl"], texts["apa"]]  # the ACL Anthology's style, then APA


def test_article_is_cited_as_a_journal_article_of_its_own_year(site: Path) -> None:
    assert citations(site, "cohen07") == [
        "Sarah Cohen, Werner Nutt, and Yehoshua Sagic. 2007. Deciding equivalances among "
        "conjunctive aggregate queries. J. ACM, 54(2). https://doi.org/10.1145/1219092.1219093",
        "Cohen, S., Nutt, W., & Sagic, Y. (2007). Deciding equivalances among conjunctive "
        "aggregate queries. J. ACM, 54(2). https://doi.org/10.1145/1219092.1219093",
    ]
    tags = ris(site, "cohen07")
    assert (tags["TY"], tags["PY"], tags["DA"], tags["JO"]) == (
        ["JOUR"],
        ["2007"],
        ["2007/04//"],
        ["J. ACM"],
    )
    meta = head(site, "cohen07")
    assert meta["citation_journal_title"] == ["J. ACM"]
    assert meta["citation_publication_date"] == ["2007/04"]
    assert "citation_conference_title" not in meta


def test_served_bib_carries_the_string_it_uses(site: Path) -> None:
    text = (site / "papers" / "cohen07.bib").read_text(encoding="utf-8")
    assert text.startswith('@String{JACM = "J. ACM" }\n\n@Article{cohen07,\n')
    assert "  journal       = JACM,\n" in text
    assert undefined_macros(text) == []
    assert resolved(text)["cohen07"][1]["journal"] == "J. ACM"
    volume = (site / "proceedings" / "proceedings.bib").read_text(encoding="utf-8")
    assert volume.count("@String{JACM") == 1
    assert undefined_macros(volume) == []


def test_paper_of_another_proceedings_keeps_its_year_and_booktitle(site: Path) -> None:
    acl, _apa = citations(site, "li-2008-puc-1358628-1358946")
    assert acl.startswith(
        "Cheng-Lun Li, Ayse G. Buyuktur, David K. Hutchful, Natasha B. Sant, and Satyendra K. "
        "Nainwal. 2008. Portalis: using competitive online interactions to support aid "
        "initiatives for the homeless. In CHI '08 extended abstracts on Human factors in "
        "computing systems, pages 3873–3878, New York, NY, USA. ACM. "
    )
    tags = ris(site, "li-2008-puc-1358628-1358946")
    assert (tags["TY"], tags["PY"], tags["SP"], tags["EP"]) == (
        ["CPAPER"],
        ["2008"],
        ["3873"],
        ["3878"],
    )
    meta = head(site, "li-2008-puc-1358628-1358946")
    assert meta["citation_conference_title"] == [
        "CHI '08 extended abstracts on Human factors in computing systems"
    ]


@pytest.mark.parametrize(
    ("paper", "ris_type", "year", "csl_type"),
    [
        ("kosiur01", "BOOK", "2001", "book"),
        ("spector90", "CHAP", "1990", "chapter"),
        ("kagm-2001", "CHAP", "2001", "chapter"),
        ("clarkson85", "THES", "1985", "thesis"),
        ("anisi03", "THES", "2003", "thesis"),
        ("harel78", "RPRT", "1978", "report"),
        ("fear05", "RPRT", "2005", "report"),
        ("thornburg01", "ELEC", "2001", "webpage"),
        ("poker06", "GEN", "2006", "document"),
        ("r", "COMP", "2019", "software"),
        ("umasscitations", "DATA", "2013", "dataset"),
        ("bornmann2019", "GEN", "2019", "article"),
    ],
)
def test_each_kind_of_entry_has_its_ris_and_csl_type_and_year(
    site: Path, paper: str, ris_type: str, year: str, csl_type: str
) -> None:
    tags = ris(site, paper)
    assert (tags["TY"], tags["PY"]) == ([ris_type], [year])
    (item,) = json.loads((site / "papers" / f"{paper}.csl.json").read_text(encoding="utf-8"))
    assert (item["type"], item["issued"]["date-parts"][0][0]) == (csl_type, int(year))
    acl = citations(site, paper)[0]
    assert f". {year}. " in acl and "2008." not in acl


def test_thesis_and_report_name_their_institution(site: Path) -> None:
    assert citations(site, "clarkson85")[0].startswith(
        "Kenneth L. Clarkson. 1985. Algorithms for Closest-Point Problems (Computational "
        "Geometry). Ph.D. thesis, Stanford University, Palo Alto, CA."
    )
    assert head(site, "clarkson85")["citation_dissertation_institution"] == ["Stanford University"]
    report: dict[str, Any] = head(site, "harel78")
    assert report["citation_technical_report_institution"] == [
        "Massachusetts Institute of Technology"
    ]
    assert report["citation_technical_report_number"] == ["TR-200"]
