"""generator/latex.py: BibTeX's LaTeX to Unicode and back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


TOKENS = [
    "a",
    "Bc",
    " ",
    "\n",
    "\xa0",
    "é",
    "1",
    "-",
    "--",
    "'",
    "''",
    "`",
    "~",
    "^",
    "_",
    "&",
    "#",
    "%",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "$",
    "\\",
    "\\$",
    "\\,",
    "\\\\",
    "\\(",
    "\\[",
    "\\sqrt",
    "\\log ",
    "\\frac{a}{b}",
    "\\mathcal{O}",
    "\\begin{x}",
    "\\end{x}",
    "\\verb|x|",
    "\\'e",
    '{\\"o}',
    "\ue000",  # the placeholder decode() uses for an escaped dollar
]


@st.composite
def text_with_math(draw: st.DrawFn) -> str:
    """Text and $...$ spans made of the tokens that matter to LaTeX, stray ones included."""
    pieces = []
    for index in range(draw(st.integers(1, 5))):
        chunk = "".join(draw(st.lists(st.sampled_from(TOKENS[:8] if index % 2 else TOKENS))))
        pieces.append(f"${chunk}$" if index % 2 else chunk)
    return "".join(pieces)


@settings(max_examples=1500, deadline=None)
@given(text_with_math())
def test_decode_math_shortcut_equals_pylatexenc(text: str) -> None:
    if latex._only_math_is_latex(text):
        assert latex.normalize_space(text) == latex._decode_with_parser(text)


def test_decode_math_titles_take_the_shortcut() -> None:
    title = r"Search in $O(\sqrt{n} \log n)$ Time and $\mathcal{O}(1)$ Space"

    assert latex._only_math_is_latex(title)
    assert latex.decode(title) == latex._decode_with_parser(title) == title


ACCENTS = ["{\\'e}", "{\\'{E}}", '{\\"o}', "{\\v{r}}", "{\\c{c}}", "{\\o}", "{\\ss}", "{\\aa}"]
ACCENTS += ["{\\i}", "{\\oe}", "{\\~n}", "{\\^o}", "{\\=a}", "{\\.z}", "{\\H{o}}", "{\\k{a}}"]
NEAR_MISSES = ["\\'e", "{\\'\\i}", "{\\v r}", "{\\x}", "{\\'e", "{\\o }", "{\\L}", "{\\u{g}}"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(ACCENTS + NEAR_MISSES) | st.sampled_from(TOKENS[:12]) | st.text(max_size=3),
        max_size=6,
    ).map("".join)
)
def test_decode_accent_shortcut_equals_pylatexenc(text: str) -> None:
    shortcut = latex._decode_accents(text)
    if shortcut is not None:
        assert shortcut == latex._decode_with_parser(text)


def test_decode_accented_names_take_the_shortcut() -> None:
    assert latex._decode_accents("Jim{\\'e}nez and Dvo{\\v{r}}{\\'a}k") == "Jiménez and Dvořák"
    assert latex._decode_accents("Plain") is None
