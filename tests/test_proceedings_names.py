"""Names and LaTeX in the proceedings: accents decoded, parts kept, one person per spelling."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from generator import latex
from generator.build import build_outputs
from generator.names import Name
from generator.validate import load_and_validate

TOY = Path(__file__).resolve().parent / "data" / "toy"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"M{\"u}ller", "Müller"),
        (r"Caf\'{e}", "Café"),
        (r"{\l}{\'o}d{\'z}", "łódź"),
        (r"{\L}ukasz", "Łukasz"),
        (r"\v{C}ech", "Čech"),
        (r"Stra{\ss}e", "Straße"),
        (r"pages 1--14", "pages 1–14"),
        (r"a---b", "a—b"),
        (r"Fran\c{c}ois", "François"),
        (r"{\aa}ngstr{\"o}m", "ångström"),
        (r"na\"{\i}ve", "naïve"),
        (r"{Tiny Tensors}: fast", "Tiny Tensors: fast"),
        (r"costs \$5 and $O(n^2)$", r"costs \$5 and $O(n^2)$"),
    ],
)
def test_latex_decode_accents_and_specials(source: str, text: str) -> None:
    assert latex.decode(source) == text


def test_latex_decode_is_nfc() -> None:
    assert latex.decode("Jose\u0301") == "José" == unicodedata.normalize("NFC", "José")


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        ("Maya Chen", ("Maya", "", "Chen", "")),
        ("Chen, Maya", ("Maya", "", "Chen", "")),
        ("Ludwig van Beethoven", ("Ludwig", "van", "Beethoven", "")),
        ("van Beethoven, Ludwig", ("Ludwig", "van", "Beethoven", "")),
        ("van Beethoven, Jr., Ludwig", ("Ludwig", "van", "Beethoven", "Jr.")),
        ("Martin Luther King, Jr.", ("Martin Luther", "", "King", "Jr.")),
        ("Li, V", ("V", "", "Li", "")),
        ("de la Fuente, Juan", ("Juan", "de la", "Fuente", "")),
        (r"{\'A}lvarez, Jos{\'e}", ("José", "", "Álvarez", "")),
        (r"{\L}ukasz Wr{\'o}bel", ("Łukasz", "", "Wróbel", "")),
        (r"Dvo{\v{r}}{\'a}k, Anton{\'\i}n", ("Antonín", "", "Dvořák", "")),
        ("{Barnes and Noble Team}", ("", "", "Barnes and Noble Team", "")),
        ("{SysML Organizing Committee}", ("", "", "SysML Organizing Committee", "")),
    ],
)
def test_name_parts(source: str, parts: tuple[str, str, str, str]) -> None:
    name = Name.parse(source)
    assert (name.first, name.von, name.last, name.jr) == parts


def test_name_decomposed_and_composed_accents_are_one_person() -> None:
    composed = Name.parse("José Álvarez")
    decomposed = Name.parse("Jose\u0301 A\u0301lvarez")
    assert decomposed == composed
    assert (decomposed.full, decomposed.slug, decomposed.identity) == (
        composed.full,
        composed.slug,
        composed.identity,
    )


def toy_copy(tmp_path: Path, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(TOY, data)
    papers = data / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    assert text.count(old) == 1
    papers.write_text(text.replace(old, new), encoding="utf-8")
    return data


def author_pages(data_dir: Path) -> list[str]:
    result = build_outputs(data_dir)
    assert result.ok
    uris = (p.uri for p in result.pages if p.uri.startswith("authors/"))
    return sorted(uri for uri in uris if uri != "authors/index.md")


def test_decomposed_spelling_is_the_same_author_without_warning(tmp_path: Path) -> None:
    # green-serving gets a second author: José Álvarez written with combining accents.
    data = toy_copy(
        tmp_path,
        "      - name: Zoë Park\n",
        '      - name: Zoë Park\n      - name: "Jose\\u0301 A\\u0301lvarez"\n',
    )
    _, diagnostics = load_and_validate(data)
    assert [str(d) for d in diagnostics.sorted()] == []
    assert author_pages(data) == [
        "authors/jose-alvarez/index.md",
        "authors/ludwig-van-der-berg/index.md",
        "authors/mia-wong/index.md",
        "authors/zoe-park/index.md",
    ]
    page = next(p for p in build_outputs(data).pages if p.uri == "authors/jose-alvarez/index.md")
    assert page.html.count('class="cs-paper"') == 2


def test_two_spellings_of_one_person_warn_naming_both_places(tmp_path: Path) -> None:
    data = toy_copy(
        tmp_path,
        "      - name: Zoë Park\n",
        "      - name: Zoë Park\n      - name: Jose Alvarez\n",
    )
    _, diagnostics = load_and_validate(data)
    lines = (data / "papers.yaml").read_text(encoding="utf-8").splitlines()
    tiny = lines.index("  - id: tiny-tensors") + 1
    green = lines.index("  - id: green-serving") + 1
    assert [str(d) for d in diagnostics.sorted()] == [
        f"{data / 'papers.yaml'}:{green}: warning: author 'Jose Alvarez' is spelled "
        f"'José Álvarez' at line {tiny}; if they are one person, use one spelling (they share "
        "an author page)"
    ]
