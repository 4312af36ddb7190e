"""generator/latex.py: LaTeX in BibTeX fields and in prose, read once; and back to LaTeX."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from generator import latex
from generator.latex import Chars, Dialect, Link, Math, Raw, Styled
from generator.mathml import to_mathml

BIB, PROSE = Dialect.BIBTEX, Dialect.PROSE

# Every accent and letter command, bare, with braces around its argument and braced whole.
ACCENTS = [
    ("\\'a", "á"),
    ('\\"o', "ö"),
    ("\\H{o}", "ő"),
    ("\\c{c}", "ç"),
    ("\\v{s}", "š"),
    ("\\~n", "ñ"),
    ("\\^o", "ô"),
    ("\\`e", "è"),
    ("\\u{g}", "ğ"),
    ("\\k{a}", "ą"),
    ("\\r{a}", "å"),
    ("\\=a", "ā"),
    ("\\.z", "ż"),
    ("\\'\\i", "í"),
]
LETTERS = [("\\i", "ı"), ("\\ss", "ß"), ("\\o", "ø"), ("\\aa", "å"), ("\\l", "ł"), ("\\AE", "Æ")]
LETTERS += [("\\O", "Ø"), ("\\L", "Ł"), ("\\oe", "œ"), ("\\AA", "Å"), ("\\ae", "æ")]


def _spellings(command: str) -> list[str]:
    """'\\'a' as '\\'a', '\\'{a}' and '{\\'a}' (the command's letter braced, then all of it)."""
    match = re.fullmatch(r"(\\[^a-zA-Z]|\\[a-zA-Z]+)(?:\{(.+)\}|(.+))?", command)
    assert match, command
    name, braced, bare = match.groups()
    argument = braced or bare
    if argument is None:
        return [command + "{}", "{" + command + "}"]
    bare = f"{name} {argument}" if name[1:].isalpha() else f"{name}{argument}"  # '\\H o'
    if argument.startswith("\\"):
        bare += "{}"  # '\\'\\i{}': the next letter would continue the name '\\i'
    return [bare, f"{name}{{{argument}}}", f"{{{name}{{{argument}}}}}"]


@pytest.mark.parametrize("dialect", [BIB, PROSE])
@pytest.mark.parametrize(("command", "char"), ACCENTS + LETTERS)
def test_every_accent_and_letter_with_and_without_braces(
    command: str, char: str, dialect: Dialect
) -> None:
    for spelling in _spellings(command):
        assert latex.parse(f"X{spelling}Y", dialect).text == f"X{char}Y", spelling


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"Jo\~{a}o", "João"),
        (r"Mu\~noz", "Muñoz"),
        (r"Ib\'{a}\~{n}ez", "Ibáñez"),
        (r"Polyak-\L{}ojasiewicz", "Polyak-Łojasiewicz"),
        (
            r"{FuseBox}:   Profitable" + "\n  Fusion, pages 1--14, a---b",
            "FuseBox: Profitable Fusion, pages 1–14, a—b",
        ),
        (r"costs \$5 and $O(n^2)$", r"costs \$5 and $O(n^2)$"),
        ("Donald~E. Knuth", "Donald E. Knuth"),
        ("52% of them & more #1", "52% of them & more #1"),
    ],
)
def test_bibtex_fields_decode(source: str, text: str) -> None:
    assert latex.decode(source) == text


def test_pmlr_escaped_math_and_commands_read_as_the_author_wrote_them() -> None:
    # tests/data/reference/bibtex/acml2025.bib, jiang25 and wu25, as PMLR escapes them.
    source = (
        r"each arm \$i\\in[K]\$ is associated with \$\\mathcal\{D\_\{i\}\}\$; we propose "
        r"\\textit\{Sequence-Level Preference Optimization\}, 2.9\% better, see qhm\_acml25."
    )

    parsed = latex.parse(source, BIB)

    assert parsed.text == (
        r"each arm $i\in[K]$ is associated with $\mathcal{D_{i}}$; we propose Sequence-Level "
        "Preference Optimization, 2.9% better, see qhm_acml25."
    )
    assert [p for p in parsed.pieces if isinstance(p, Math)] == [
        Math(r"i\in[K]"),
        Math(r"\mathcal{D_{i}}"),
    ]
    assert parsed.problems == ()


def test_pmlr_escaped_dollars_are_math_but_plain_escaped_dollars_stay_dollars() -> None:
    assert latex.decode(r"D\$^3\$epth: Distilling") == "D$^3$epth: Distilling"
    assert latex.decode(r"from \$5 to \$10") == r"from \$5 to \$10"


def test_one_unknown_command_leaves_the_rest_decoded() -> None:
    # tests/data/reference/bibtex/cpal2026.bib (GRAIL), with an unknown command added.
    source = (
        r"We propose \emph{post-hoc blockwise compensation} \Grail. Code: "
        r"\href{https://github.com/TWWinde/GRAIL_Compensation}{https://github.com/TWWinde/GRAIL}"
    )

    parsed = latex.parse(source, BIB)

    assert parsed.text == (
        "We propose post-hoc blockwise compensation . Code: https://github.com/TWWinde/GRAIL"
    )
    assert Styled("em", (Chars("post-hoc blockwise compensation", written=True),), "emph") in (
        parsed.pieces
    )
    assert Raw(r"\Grail{}") in parsed.pieces
    links = [p for p in parsed.pieces if isinstance(p, Link)]
    assert [link.url for link in links] == ["https://github.com/TWWinde/GRAIL_Compensation"]
    assert parsed.problems == ("unknown command '\\Grail'",)


@pytest.mark.parametrize(
    ("source", "tex", "display"),
    [
        ("a $x^2$ b", "x^2", False),
        ("a \\(x^2\\) b", "x^2", False),
        ("a $$x^2$$ b", "x^2", True),
        ("a \\[x^2\\] b", "x^2", True),
    ],
)
@pytest.mark.parametrize("dialect", [BIB, PROSE])
def test_math_in_every_delimiter_stays_math(
    source: str, tex: str, display: bool, dialect: Dialect
) -> None:
    assert [p for p in latex.parse(source, dialect).pieces if isinstance(p, Math)] == [
        Math(tex, display)
    ]


def test_text_commands_render_or_keep_their_argument_text() -> None:
    source = (
        r"\emph{a} \textit{b} \textbf{c} \texttt{d} \textsc{e} \underline{f} {\em g} {\bf h} "
        r"\url{https://u.org/x} \citep{k1, k2} \footnote{note} \textcolor{red}{warn} \mbox{m}"
    )

    parsed = latex.parse(source, PROSE)

    assert parsed.text == "a b c d e f g h https://u.org/x [k1, k2] (note) warn m"
    styles = [p.style for p in parsed.pieces if isinstance(p, Styled)]
    assert styles == ["em", "em", "strong", "code", "smallcaps", "underline", "em", "strong"]
    assert parsed.problems == ()


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # ICLR 2020 (tests/data/reference/miniconf/iclr2020-papers.csv) prose.
        (r"the Erd\H{o}s -- R\'{e}nyi graph", "the Erdős – Rényi graph"),
        (r"the sliced Cram\'{e}r distance", "the sliced Cramér distance"),
        ("a ``tuning knob'' and ``cross-talk''", "a “tuning knob” and “cross-talk”"),
        ("sources of {X, T, Y} and O(ε^{-n})", "sources of {X, T, Y} and O(ε^{-n})"),
        ("a decrease of ~30% (~3-5%)", "a decrease of ~30% (~3-5%)"),
        (
            r"Powers-of-Two~(APoT) and BERT~\citep{devlin2018bert}",
            "Powers-of-Two (APoT) and BERT [devlin2018bert]",
        ),
        ("see https://x.org/a_b~c--d.", "see https://x.org/a_b~c--d."),
        ("R&D &amp; more", "R&D &amp; more"),
        ("costs $5 and $6 each", "costs $5 and $6 each"),
        ("anchoring} feeds", "anchoring} feeds"),
    ],
)
def test_prose_takes_only_what_is_clearly_latex_as_latex(source: str, text: str) -> None:
    parsed = latex.parse(source, PROSE)

    assert latex.normalize_space(latex.plain(parsed.pieces).replace(r"\$", "$")) == text
    assert parsed.problems == ()


@pytest.mark.parametrize(
    ("source", "dialect", "problem"),
    [
        (r"a \squad b", PROSE, "unknown command '\\squad'"),
        ("a \\(x b", PROSE, "'\\(' without its closing '\\)'"),
        ("a $x b", BIB, "a '$' without its closing '$'"),
        ("a {b c", BIB, "a '{' without its closing '}'"),
        ("a b} c", BIB, "a '}' without its opening '{'"),
        (r"\begin{itemize}x\end{itemize}", PROSE, "environment 'itemize'"),
    ],
)
def test_what_cannot_be_rendered_is_reported(source: str, dialect: Dialect, problem: str) -> None:
    parsed = latex.parse(source, dialect)

    assert problem in parsed.problems
    assert "\\" not in parsed.text.replace("\\$", "")


def test_to_prose_keeps_formatting_and_unknown_commands_as_latex() -> None:
    source = r"\\textit\{SPO-VLM\} with \$\\delta\$-\\Steal for 2.9\% of qhm\_acml25 {GPU}s"

    assert latex.to_prose(source) == (
        r"\textit{SPO-VLM} with $\delta$-\Steal{}for 2.9% of qhm\_acml25 GPUs"
    )


# --- Generated inputs ---------------------------------------------------------------------

TOKENS = [
    "a",
    "Bc",
    " ",
    "\n",
    "é",
    "1",
    "-",
    "--",
    "'",
    "''",
    "``",
    "~",
    "^",
    "_",
    "(",
    ")",
    "[",
    "]",
]
TOKENS += ["{", "}", "$", "\\$", "\\%", "\\&", "\\_", "\\,", "\\\\", "\\(", "\\)", "\\[", "\\]"]
TOKENS += ["\\sqrt", "\\log ", "\\frac{a}{b}", "\\emph{x}", "\\textbf{y}", "{\\em z}", "\\foo"]
TOKENS += ["\\href{https://h.org/p_q}{h}", "\\url{https://u.org}", "\\'e", '{\\"o}', "\\~{a}"]
TOKENS += ["%", "&", "#", "*", "https://x.org/a_b", "\\begin{x}", "\\end{x}", "\U000f0001"]

texts = st.lists(st.sampled_from(TOKENS), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts, st.sampled_from([BIB, PROSE]))
def test_parse_never_shows_a_command_nor_fails(text: str, dialect: Dialect) -> None:
    parsed = latex.parse(text, dialect)

    visible = latex.plain([p for p in parsed.pieces if not isinstance(p, Math)])
    assert re.search(r"\\[A-Za-z]", visible) is None, (text, visible)


# Prose without commands (most abstracts): what the no-command path reads must be what
# pylatexenc reads.
PROSE_TOKENS = [t for t in TOKENS if "\\" not in t] + ["---", "!`", "?`", " ~ ", "(~3", "50%"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(PROSE_TOKENS), max_size=16).map("".join), st.sampled_from([BIB, PROSE])
)
def test_no_command_shortcut_equals_pylatexenc(text: str, dialect: Dialect) -> None:
    assert latex.parse(text, dialect) == latex._parse(text, dialect, shortcut=False)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_decode_shortcut_equals_the_full_path(text: str) -> None:
    assert latex.decode(text) == latex.parse(text, BIB).text


# Where pylatexenc and BibTeX mean the same (no bare %, &, $, no unknown commands), the decoder
# gives pylatexenc's text exactly.
PLAIN_LATEX = ["a", "Bc", " ", "é", "1", "-", "--", "---", "``", "''", "~", "{", "}", "\\%", "\\&"]
PLAIN_LATEX += [command for command, _ in ACCENTS + LETTERS] + ["{\\'e}", "\\ss{}", "\\_", "\\#"]
_reference = LatexNodes2Text(math_mode="verbatim")


def _braces_balance(text: str) -> bool:
    depth = 0
    for token in re.findall(r"\\.|[{}]", text):
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth < 0:
            return False
    return depth == 0


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PLAIN_LATEX), max_size=12).map("".join))
def test_bibtex_decoding_equals_pylatexenc(text: str) -> None:
    parsed = latex.parse(text, BIB)
    if not _braces_balance(text) or parsed.problems:  # an unknown command ('\\ia'): ours keeps
        return  # the space TeX swallows after it, pylatexenc drops both
    expected = latex.normalize_space(_reference.latex_to_text(text).replace("\xa0", " "))
    assert parsed.text == expected


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from([*PLAIN_LATEX, "\\emph{x}", "$x_1$", "\\Foo "]), max_size=12).map(
        "".join
    )
)
def test_to_prose_reads_back_as_the_bibtex_field(text: str) -> None:
    if _braces_balance(text):  # an unbalanced field is reported, not converted faithfully
        assert latex.parse(latex.to_prose(text), PROSE).text == latex.parse(text, BIB).text


def test_encode_accents() -> None:
    assert latex.encode("Zoë Ångström") == r"Zo{\"e} {\r{A}}ngstr{\"o}m"


def test_encode_leaves_math_alone() -> None:
    assert latex.encode("Attention in $O(n \\log n)$ Time") == r"Attention in $O(n \log n)$ Time"


def test_encode_then_decode_round_trips() -> None:
    text = r"Łukasz Wróbel's Ångström model costs \$5 in $O(n^2)$"

    assert latex.decode(latex.encode(text)) == text


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcXYZ éüñçøåłßÆ'-.~!?", max_size=20).filter(
        lambda t: "--" not in t and "''" not in t
    )
)
def test_encode_then_decode_round_trips_generated_text(text: str) -> None:
    # ('--' and "''" stay so in BibTeX, where they are a dash and a quote: page ranges are
    # written with '--'.)
    assert latex.decode(latex.encode(text)) == latex.normalize_space(text)


def test_normalize_space_composes_unicode() -> None:
    assert latex.normalize_space(" Jose\u0301   Diaz ") == "José Diaz"


# pylatexenc recurses once a group: deeply nested braces are read with the redundant groups
# dropped and at most latex._MAX_DEPTH levels, never a RecursionError.
DEEP = 20_000


@pytest.mark.parametrize(
    ("source", "text", "problem"),
    [
        ("{" * DEEP + "Volume" + "}" * DEEP, "Volume", None),
        ("\\emph{" + "{" * DEEP + "x" + "}" * (DEEP + 1) + " and \\'e", "x and é", None),
        ("{" * DEEP + "Jo\\~{a}o", "João", "without its closing"),
        ("{a" * 500 + "}" * 500, "a" * 500, "nested more than 100 deep"),
    ],
)
def test_deeply_nested_braces_are_read_without_exhausting_the_stack(
    source: str, text: str, problem: str | None
) -> None:
    parsed = latex.parse(source, BIB)

    assert parsed.text == text
    if problem is None:
        assert parsed.problems == ()
    else:
        assert any(problem in p for p in parsed.problems), parsed.problems


nested = st.recursive(
    st.sampled_from(TOKENS),
    lambda inner: st.one_of(
        inner.map(lambda t: "{" + t + "}"), st.lists(inner, max_size=3).map("".join)
    ),
    max_leaves=12,
)


@settings(max_examples=600, deadline=None)
@given(nested, st.sampled_from([BIB, PROSE]))
def test_bounding_the_depth_changes_nothing_above_the_bound(text: str, dialect: Dialect) -> None:
    full = latex._parse(text, dialect, shortcut=False)
    saved = latex._MAX_DEPTH
    latex._MAX_DEPTH = 3  # the bounded path, on every text with more than 3 '{'
    try:
        bounded = latex._parse(text, dialect, shortcut=False)
    finally:
        latex._MAX_DEPTH = saved
    if not any("nested more than" in p for p in bounded.problems):
        assert bounded == full


def test_mathml_thin_space_after_a_function_but_not_inside_its_script() -> None:
    # '\log n' reads 'log n'; in '\log^2 n' the function is the base of <msup>, which holds
    # exactly two children (the W3C Nu checker rejects a third).
    assert to_mathml(r"\log n") == (
        '<math alttext="\\log n" display="inline"><mrow><mi>log</mi>'
        '<mspace width="0.1667em"></mspace><mi>n</mi></mrow></math>'
    )
    assert to_mathml(r"\log^2 n") == (
        '<math alttext="\\log^2 n" display="inline"><mrow><msup><mi>log</mi><mn>2</mn></msup>'
        "<mi>n</mi></mrow></math>"
    )
