"""generator/text.py: titles and abstracts rendered as safe HTML and as plain text."""

from __future__ import annotations

from generator.text import Text


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
