"""generator/names.py: a name parsed once into parts, rendered every way pages need."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.names import Name, ascii_fold, slugify


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


def test_name_parse_tilde_accent_is_not_a_tie() -> None:
    # '\\~' is an accent, '~' a tie: bibtexparser's splitter used to cut 'Jo\\~{a}o' in two.
    names = [
        Name.parse(n) for n in (r"Setubal, Jo\~{a}o", r"Mu\~noz, Ana", r"Ib\'{a}\~{n}ez, Jose")
    ]

    assert [n.full for n in names] == ["João Setubal", "Ana Muñoz", "Jose Ibáñez"]
    assert names[0].slug == "joao-setubal"
    assert Name.parse("Donald~E. Knuth").full == "Donald E. Knuth"


# Names made of words with accents, encoded as a .bib writes them, read back to the same parts.
WORDS = st.text(alphabet="abcdeXYZéüñçøåłßÆŁŠãõ", min_size=1, max_size=6).filter(
    lambda word: word[0].isupper()
)


@settings(max_examples=500, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=3), WORDS, st.sampled_from(["", "van", "de la"]))
def test_name_parse_reads_encoded_names_back(first: list[str], last: str, von: str) -> None:
    name = Name(first=" ".join(first), last=last, von=von)

    assert Name.parse(name.bibtex) == name
    assert Name.parse(name.full) == name
