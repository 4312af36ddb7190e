"""generator/latex.py: BibTeX's LaTeX to Unicode and back."""

from __future__ import annotations

from generator import latex


def test_decode_accents() -> None:
    assert latex.decode(r"Dvo{\v{r}}{\'a}k, M{\"u}ller") == "Dvořák, Müller"


def test_decode_drops_protective_braces_and_folds_spaces() -> None:
    assert latex.decode("{FuseBox}:   Profitable\n  Fusion") == "FuseBox: Profitable Fusion"


def test_decode_keeps_math_and_escaped_dollar() -> None:
    assert latex.decode(r"Sub-$O(n^2)$ for \$5") == r"Sub-$O(n^2)$ for \$5"


def test_decode_plain_text_unchanged() -> None:
    assert latex.decode("Plain title") == "Plain title"


def test_encode_accents() -> None:
    assert latex.encode("Zoë Ångström") == r"Zo{\"e} {\r{A}}ngstr{\"o}m"


def test_encode_leaves_math_alone() -> None:
    assert latex.encode("Attention in $O(n \\log n)$ Time") == r"Attention in $O(n \log n)$ Time"


def test_encode_then_decode_round_trips() -> None:
    text = r"Łukasz Wróbel's Ångström model costs \$5 in $O(n^2)$"

    assert latex.decode(latex.encode(text)) == text


def test_normalize_space_composes_unicode() -> None:
    assert latex.normalize_space(" Jose\u0301   Diaz ") == "José Diaz"
