"""generator/names.py: a name parsed once into parts, rendered every way pages need."""

from __future__ import annotations

from bibtexparser.middlewares.names import parse_single_name_into_parts
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import latex
from generator.names import Name, _split_plain, ascii_fold, slugify


def test_name_parse_first_last() -> None:
    assert Name.parse("Maya Chen") == Name(first="Maya", last="Chen")


def test_name_parse_von_part() -> None:
    name = Name.parse("Ludwig van der Berg")

    assert (name.first, name.von, name.last) == ("Ludwig", "van der", "Berg")
    assert (name.full, name.last_first) == ("Ludwig van der Berg", "van der Berg, Ludwig")


def test_name_parse_last_comma_first_matches_first_last() -> None:
    assert Name.parse("van der Berg, Ludwig") == Name.parse("Ludwig van der Berg")


def test_name_parse_jr_part() -> None:
    name = Name.parse("Doe, Jr., John")

    assert (name.full, name.last_first) == ("John Doe, Jr.", "Doe, Jr., John")


def test_name_parse_decodes_latex_after_splitting() -> None:
    name = Name.parse(r"{\'A}lvarez, Jos{\'e}")

    assert (name.first, name.last) == ("José", "Álvarez")


def test_name_parse_braced_group_stays_one_name() -> None:
    name = Name.parse("{Barnes and Noble Team}")

    assert (name.full, name.bibtex) == ("Barnes and Noble Team", "{Barnes and Noble Team}")


def test_name_bibtex_encodes_accents() -> None:
    assert Name.parse("José Álvarez").bibtex == r"{\'A}lvarez, Jos{\'e}"


def test_name_slug_folds_accents_and_special_letters() -> None:
    assert Name.parse("Łukasz Wróbel").slug == "lukasz-wrobel"


def test_name_sort_key_is_family_then_given_folded() -> None:
    names = [Name.parse(n) for n in ("Zoë Park", "Ana Álvarez", "Bo Alvarez")]

    ordered = [n.full for n in sorted(names, key=lambda n: n.sort_key)]

    assert ordered == ["Ana Álvarez", "Bo Alvarez", "Zoë Park"]


def test_name_initials() -> None:
    assert Name.parse("Ana María López").initials == "A. M."


def test_name_identity_ignores_case_and_composition() -> None:
    composed, decomposed = Name.parse("José Diaz"), Name.parse("Jose\u0301 DIAZ")

    assert composed.identity == decomposed.identity


def test_ascii_fold_and_slugify() -> None:
    assert ascii_fold("Dvořák Weiß") == "Dvorak Weiss"
    assert slugify("  Ødegaard & Æsir!  ") == "odegaard-aesir"


NAME_WORDS = ["Ana", "María", "van", "der", "de", "la", "Ó", "e.", "J.", "42", "-", "d'Arc", "ßa"]
NAME_WORDS += ["Jean-Luc", "o'Neil", "ǅemal", "ŁUKASZ", "Ångström", "x", "Y", "von", "Jr.", "III"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*NAME_WORDS, ",", "{Ab}", "\\'e", "~"]), max_size=6))
def test_plain_split_equals_bibtexparser(words: list[str]) -> None:
    text = latex.normalize_space(" ".join(words))
    plain = _split_plain(text)
    if plain is not None:
        parts = parse_single_name_into_parts(text, strict=False)
        assert plain == (parts.first, parts.von, parts.last)
        assert parts.jr == []


def test_plain_split_takes_plain_names_only() -> None:
    assert _split_plain("Ludwig van Beethoven") == (["Ludwig"], ["van"], ["Beethoven"])
    assert _split_plain("van Beethoven, Ludwig") == (["Ludwig"], ["van"], ["Beethoven"])
    assert [_split_plain(t) for t in ("A, B, C", "{\\'A}lvarez", "A~B", "A,", "")] == [None] * 5
