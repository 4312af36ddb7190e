"""generator/text.py: titles and abstracts rendered as safe HTML (math as MathML) and as text."""

from __future__ import annotations

import csv
from pathlib import Path

import bibtexparser
import yaml
from conftest import EXAMPLE_DATA, REFERENCE
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from generator import latex
from generator.text import Text, markdown_html, plain_paragraphs_html

N_SQUARED = (
    '<math alttext="n^2" display="inline"><mrow><msup><mi>n</mi><mn>2</mn></msup></mrow></math>'
)


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_text_inline_html_escapes_and_renders_math() -> None:
    title = Text("Attention in $n^2$ <b>Time</b> & Space")

    assert str(title.as_inline_html) == (
        f"Attention in {N_SQUARED} &lt;b&gt;Time&lt;/b&gt; &amp; Space"
    )


def test_text_inline_html_every_math_delimiter_is_math() -> None:
    for source in ("$n^2$", "\\(n^2\\)"):
        assert str(Text(source).as_inline_html) == N_SQUARED, source


def test_text_inline_html_escaped_dollar_is_a_dollar() -> None:
    assert str(Text(r"Costs \$5 and \$6").as_inline_html) == "Costs $5 and $6"


def test_text_inline_html_renders_text_commands_and_accents() -> None:
    title = Text(r"\emph{Fast} Erd\H{o}s--R\'enyi \textbf{graphs}")

    assert str(title.as_inline_html) == "<em>Fast</em> Erdős–Rényi <strong>graphs</strong>"
    assert title.as_text == "Fast Erdős–Rényi graphs"


def test_text_html_renders_markdown_and_math() -> None:
    abstract = Text("We are **fast**: $n^2$.")

    assert str(abstract.as_html) == f"<p>We are <strong>fast</strong>: {N_SQUARED}.</p>"


def test_text_html_removes_script_and_javascript_links() -> None:
    abstract = Text(
        "Hi <script>alert(1)</script> [x](javascript:alert(1)) <a onclick=x>y</a> "
        r"\href{javascript:alert(1)}{z} $\text{<script>alert(1)</script>}$"
    )

    html = str(abstract.as_html)

    assert "<script" not in html
    assert "javascript:" not in html
    assert "onclick" not in html


def test_text_html_keeps_safe_links_from_markdown_and_latex() -> None:
    html = str(Text(r"[code](https://code.example.org/x_y) \href{https://h.org/a_b}{here}").as_html)

    assert html == (
        '<p><a href="https://code.example.org/x_y" rel="noopener noreferrer nofollow">code</a> '
        '<a href="https://h.org/a_b" rel="noopener noreferrer nofollow">here</a></p>'
    )


def test_text_html_characters_from_latex_commands_are_literal_in_markdown() -> None:
    # '\_' and '\*' mean the characters: Markdown must not read them as emphasis.
    html = str(Text(r"qhm\_acml\_25 and \*star\* and ``quoted'' and ``again''").as_html)

    assert html == "<p>qhm_acml_25 and *star* and “quoted” and “again”</p>"


def test_text_as_text_spells_out_math_on_one_line() -> None:
    assert Text("A  $x^2$ model\nfor \\$5").as_text == "A x^2 model for $5"


def test_text_empty_is_false() -> None:
    assert (bool(Text("  \n")), bool(Text("x"))) == (False, True)


def test_text_display_math_inside_a_sentence_stays_in_the_line() -> None:
    html = str(Text("We show $$n^2$$ holds.").as_html)

    assert html == (
        '<p>We show <math alttext="n^2" display="inline" displaystyle="true"><mrow><msup><mi>n</mi>'
        "<mn>2</mn>"
        "</msup></mrow></math> holds.</p>"
    )


def test_text_display_math_on_its_own_line_is_a_block() -> None:
    html = str(Text("We show\n\n$$n^2$$\n\nabove.").as_html)

    assert html == (
        '<p>We show</p>\n<math alttext="n^2" display="block"><mrow><msup><mi>n</mi><mn>2</mn>'
        "</msup></mrow></math>\n<p>above.</p>"
    )


def test_text_formula_that_cannot_be_converted_is_text_and_a_problem() -> None:
    text = Text(r"rate $O(1/\log T}$ and \squad here")

    html = str(text.as_html)

    assert html == '<p>rate <span class="cs-math-text">O(1/log T</span> and here</p>'
    assert text.problems == (
        "unknown command '\\squad'",
        "formula '$O(1/\\log T}$' cannot be shown as math",
    )


def test_text_block_text_drops_formatting_and_spells_math() -> None:
    text = Text("We are **fast**: $n^2$, see [here](https://x.org).\n\n- one\n- two")

    assert text.as_block_text == "We are fast: n^2, see here. one two"


def test_text_math_letters_mathml_core_cannot_style_become_unicode_letters() -> None:
    html = str(Text(r"$\mathcal{D_{i}}$ over $\mathbb{R}$").as_inline_html)

    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    assert [m.text_content() for m in tree.iter("math")] == ["𝒟𝒾", "ℝ"]
    assert "mathvariant" not in html


# Plain paragraphs skip Markdown; wherever that fast path accepts a source, it must give exactly
# what Markdown gives. Formulas are placeholder characters by then.
_PIECES = [*"ab xyzAZ09$\\{}^()., -\"'%/\n\t:;?=+*_#", "\n\n", "  ", "\U000f8000", "é", "1. "]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_text_plain_paragraph_fast_path_equals_markdown(source: str) -> None:
    fast = plain_paragraphs_html(source)

    if fast is not None:
        assert fast == markdown_html(source)


def _real_abstracts() -> list[str]:
    sources = [paper["abstract"] for paper in _yaml(EXAMPLE_DATA / "papers.yaml")["papers"]]
    for path in sorted((REFERENCE / "bibtex").glob("*.bib")):
        for entry in bibtexparser.parse_string(path.read_text(encoding="utf-8")).entries:
            if "abstract" in entry.fields_dict:
                sources.append(latex.to_prose(entry.fields_dict["abstract"].value))
    for path in sorted((REFERENCE / "miniconf").glob("*.csv")):
        sources += [row["abstract"] for row in csv.DictReader(path.open(encoding="utf-8"))]
    return sources


def test_text_plain_paragraph_fast_path_equals_markdown_on_real_abstracts() -> None:
    texts = [Text(source) for source in _real_abstracts()]
    markdown_sources = [text.markdown_source for text in texts]

    accepted = [s for s in markdown_sources if plain_paragraphs_html(s) is not None]

    assert len(accepted) > len(markdown_sources) // 2  # the fast path is the common case
    assert [plain_paragraphs_html(s) for s in accepted] == [markdown_html(s) for s in accepted]


def test_text_markdown_syntax_is_not_taken_by_the_fast_path() -> None:
    for source in ("*a*", "- item", "1. item", "a\\$b", "# h", "a  \nb", "    code", "a_b_"):
        assert plain_paragraphs_html(source) is None, source
