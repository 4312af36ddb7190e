"""generator/text.py: titles and abstracts rendered as safe HTML and as plain text."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import yaml
from conftest import EXAMPLE_DATA, REFERENCE
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import latex
from generator.text import Text, markdown_html, plain_paragraphs_html


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_text_inline_html_escapes_and_wraps_math() -> None:
    title = Text("Attention in $O(n^2)$ <b>Time</b> & Space")

    assert str(title.as_inline_html) == (
        'Attention in <span class="arithmatex">\\(O(n^2)\\)</span> &lt;b&gt;Time&lt;/b&gt; '
        "&amp; Space"
    )


def test_text_inline_html_escaped_dollar_is_a_dollar() -> None:
    assert str(Text(r"Costs \$5 and \$6").as_inline_html) == "Costs $5 and $6"


def test_text_inline_html_escapes_markup_inside_math() -> None:
    assert str(Text("$a<b$").as_inline_html) == '<span class="arithmatex">\\(a&lt;b\\)</span>'


def test_text_html_renders_markdown_and_math() -> None:
    abstract = Text("We are **fast**: $O(n)$.")

    assert str(abstract.as_html) == (
        '<p>We are <strong>fast</strong>: <span class="arithmatex">\\(O(n)\\)</span>.</p>'
    )


def test_text_html_removes_script_and_javascript_links() -> None:
    abstract = Text("Hi <script>alert(1)</script> [x](javascript:alert(1)) <a onclick=x>y</a>")

    html = str(abstract.as_html)

    assert "<script" not in html
    assert "javascript:" not in html
    assert "onclick" not in html


def test_text_html_keeps_safe_links() -> None:
    html = str(Text("[code](https://code.example.org/x)").as_html)

    assert html == (
        '<p><a href="https://code.example.org/x" rel="noopener noreferrer nofollow">code</a></p>'
    )


def test_text_as_text_spells_out_math_on_one_line() -> None:
    assert Text("A  $x^2$ model\nfor \\$5").as_text == "A x^2 model for $5"


def test_text_empty_is_false() -> None:
    assert (bool(Text("  \n")), bool(Text("x"))) == (False, True)


def test_text_display_math_inside_a_sentence_renders_inline_without_stray_dollars() -> None:
    text = Text("We show $$a^2+b^2$$ holds.")

    html = str(text.as_html)

    assert html == (
        '<p>We show <span class="arithmatex">\\(\\displaystyle a^2+b^2\\)</span> holds.</p>'
    )


def test_text_display_math_on_its_own_line_stays_a_block() -> None:
    text = Text("We show\n\n$$a^2+b^2$$\n\nabove.")

    html = str(text.as_html)

    assert html == ('<p>We show</p>\n<div class="arithmatex">\\[a^2+b^2\\]</div>\n<p>above.</p>')


# Plain paragraphs with inline math skip Markdown; wherever that fast path accepts a text, it
# must give exactly what Markdown gives.
_PIECES = [*"ab xyzAZ09$\\{}^()., -\"'%/\n\t:;?=+", "\n\n", "  ", "$x$", "$\\alpha$", "é"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_text_plain_paragraph_fast_path_equals_markdown(source: str) -> None:
    fast = plain_paragraphs_html(source)

    if fast is not None:
        assert fast == markdown_html(source)


def test_text_plain_paragraph_fast_path_equals_markdown_on_real_abstracts() -> None:
    sources = [paper["abstract"] for paper in _yaml(EXAMPLE_DATA / "papers.yaml")["papers"]]
    for path in sorted((REFERENCE / "bibtex").glob("*.bib")):
        for entry in bibtexparser.parse_string(path.read_text(encoding="utf-8")).entries:
            if "abstract" in entry.fields_dict:
                sources.append(latex.decode(entry.fields_dict["abstract"].value))

    accepted = [s for s in sources if plain_paragraphs_html(s) is not None]

    assert len(accepted) > len(sources) // 2  # the fast path is the common case
    assert [plain_paragraphs_html(s) for s in accepted] == [markdown_html(s) for s in accepted]


def test_text_markdown_syntax_is_not_taken_by_the_fast_path() -> None:
    for source in ("*a*", "- item", "1. item", "a\\$b", "# h", "a  \nb", "    code", "$$x$$"):
        assert plain_paragraphs_html(source) is None, source
