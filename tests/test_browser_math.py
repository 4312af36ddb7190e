"""Math in real Chromium with JavaScript off: formulas are MathML written when the site was
built, so they show, take space and pass axe; no page fetches a math script or font."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import serve
from lxml import html as lxml_html

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = ("serious", "critical")


def math_pages(site: Path) -> list[str]:
    """Paper pages of the example whose title or abstract holds a formula."""
    found = []
    for path in sorted((site / "papers").glob("*/index.html")):
        tree = lxml_html.fromstring(path.read_bytes())
        if tree.xpath("//article//h1//math | //div[@class='cs-abstract']//math"):
            found.append(f"papers/{path.parent.name}/")
    return found


@pytest.fixture(scope="module")
def served(example_site: Path) -> Any:
    server, url = serve(example_site)
    yield example_site, url
    server.shutdown()


def test_math_reads_without_javascript(served: Any, browser: Any, axe_source: str) -> None:
    site, url = served
    pages = math_pages(site)
    assert len(pages) >= 3
    context = browser.new_context(java_script_enabled=False)
    try:
        for path in pages:
            tab = context.new_page()
            tab.goto(url + path)
            formulas = tab.locator("article.cs-paper-page math")
            assert formulas.count() >= 1, path
            for index in range(formulas.count()):
                box = formulas.nth(index).bounding_box()
                assert box is not None and box["width"] > 0 and box["height"] > 0, path
            shown = tab.locator("article h1").inner_text()
            if tab.locator(".cs-abstract").count():
                shown += tab.locator(".cs-abstract").inner_text()
            for raw in ("\\(", "\\)", "$"):
                assert raw not in shown, (path, raw)
            tab.close()
    finally:
        context.close()
    # axe runs in a page of its own with scripts on (it is a script), on the same markup.
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url + pages[0])
        tab.evaluate(axe_source)
        violations = tab.evaluate("async () => (await axe.run(document)).violations")
        blocking = [v["id"] for v in violations if v["impact"] in BLOCKING_IMPACTS]
        assert blocking == []
    finally:
        context.close()


def test_no_page_loads_a_math_script_or_font(served: Any, browser: Any) -> None:
    site, url = served
    requested: list[str] = []
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.on("request", lambda request: requested.append(request.url))
        for path in ["", math_pages(site)[0]]:
            tab.goto(url + path, wait_until="load")
    finally:
        context.close()
    assert [u for u in requested if "katex" in u.lower() or "mathjax" in u.lower()] == []
    assert not (site / "assets" / "katex").exists()
