"""Abstracts and bios are Markdown; raw HTML in them goes through the nh3 allow-list."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from generator.mathml import ATTRIBUTES as MATH_ATTRIBUTES
from generator.mathml import TAGS as MATH_TAGS
from generator.text import Text

HOSTILE_MARKDOWN = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)></svg>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "<javascript:alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<p onclick="alert(1)" style="background:url(javascript:alert(1))">p</p>',
    '<div class="x" onmouseover="alert(1)">d</div>',
    "<style>body{display:none}</style>",
    '<form action="https://evil.example"><input name=q></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<base href='https://evil.example/'>",
    "$x</script><script>alert(1)</script>$",
    "$$</div><img src=x onerror=alert(1)>$$",
)

# Formulas are MathML: its elements and presentation attributes, never a script or a handler.
ALLOWED_TAGS = {
    "p",
    "em",
    "strong",
    "a",
    "span",
    "div",
    "code",
    "pre",
    "ul",
    "li",
    "br",
    *MATH_TAGS,
}


@pytest.mark.parametrize("source", HOSTILE_MARKDOWN)
def test_markdown_as_html_keeps_no_active_content(source: str) -> None:
    rendered = str(Text(f"Intro {source} outro").as_html)

    fragment = lxml_html.fragment_fromstring(rendered, create_parent="div")
    elements = list(fragment.iter())[1:]
    tags = {element.tag for element in elements}
    attributes = {name for element in elements for name in element.attrib}
    hrefs = [element.get("href", "") for element in elements if element.tag == "a"]
    assert tags <= ALLOWED_TAGS, rendered
    assert attributes <= {"href", "title", "class", "rel", *MATH_ATTRIBUTES}, rendered
    assert all(h.startswith(("http://", "https://", "mailto:")) for h in hrefs if h), rendered
    assert "Intro" in fragment.text_content()


@pytest.mark.parametrize("source", HOSTILE_MARKDOWN)
def test_inline_title_as_html_shows_tags_as_text(source: str) -> None:
    rendered = str(Text(source).as_inline_html)

    fragment = lxml_html.fragment_fromstring(rendered, create_parent="div")
    elements = list(fragment.iter())[1:]
    assert {element.tag for element in elements} <= {"span", *MATH_TAGS}, rendered
    assert all(set(element.attrib) <= {"class", *MATH_ATTRIBUTES} for element in elements), rendered
