"""The site search in real headless Chromium, on the example site: Material's dialog answered
by confsite's worker (generator/assets/search-worker.js) from the sharded index."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import EXAMPLE_DATA, ROOT

from generator.search.text import words

WORKER = ROOT / "generator" / "assets" / "search-worker.js"


@pytest.fixture
def page(browser: Any, example_url: str) -> Iterator[Any]:
    context = browser.new_context()
    opened = context.new_page()
    opened.requested = []  # type: ignore[attr-defined]
    context.on("request", lambda r: opened.requested.append(r.url))  # the worker's too
    opened.goto(example_url, wait_until="load")
    yield opened
    context.close()


def search(page: Any, query: str) -> list[dict[str, Any]]:
    """Type ``query`` into Material's search box; the results listed for it, in order, each
    as {path, title, text, tags}, once the list has stopped changing."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function(
        "() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    shown, stable = None, 0
    while stable < 3:  # unchanged over three looks, 150 ms apart
        page.wait_for_timeout(150)
        now = page.inner_html(".md-search-result__list")
        stable = stable + 1 if now == shown else 0
        shown = now
    return page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        """els => els.map(e => ({
            path: new URL(e.href).pathname.replace(/^\\//, ''),
            title: e.querySelector('h1, h2').textContent,
            text: [...e.querySelectorAll('article > p')].map(p => p.textContent),
            html: e.querySelector('article').innerHTML,
            tags: [...e.querySelectorAll('.md-tag')].map(t => t.textContent),
        }))""",
    )


def paths(results: list[dict[str, Any]]) -> list[str]:
    return [result["path"] for result in results]


def test_browser_search_muller_finds_mueller_both_ways(page: Any) -> None:
    plain, accented = paths(search(page, "Muller")), paths(search(page, "Müller"))

    assert plain == accented
    assert plain[0] == "authors/jonas-muller/"  # his page, then his two papers
    assert sorted(plain[1:]) == ["papers/fp6-training/", "papers/tessera/"]


def test_browser_search_accented_query_finds_plain_text(page: Any) -> None:
    # The abstract says "regime"; a visitor types the French spelling.
    assert "papers/gradient-compression-cost-model/" in paths(search(page, "régime"))


def test_browser_search_author_name_finds_their_page_first(page: Any) -> None:
    results = search(page, "Katrin Weiss")  # 'Weiß' typed on a keyboard without ß

    assert results[0]["path"] == "authors/katrin-weiss/"
    assert results[0]["title"] == "Katrin Weiß"
    assert "Technische Universität Falkenau" in results[0]["text"]


def test_browser_search_affiliation_finds_papers(page: Any, example_site: Path) -> None:
    results = search(page, "Falkenau")
    papers = [r for r in results if r["path"].startswith("papers/")]

    assert "papers/analog-drift/" in paths(papers)
    assert all("Falkenau" in " ".join(r["text"]) for r in papers)  # the place is shown


def test_browser_search_snippet_is_the_abstract_s_own_text(page: Any) -> None:
    results = search(page, "recalibrates")
    paper = next(r for r in results if r["path"] == "papers/analog-drift/")
    snippet = paper["text"][-1].strip(" …")

    papers = (EXAMPLE_DATA / "papers.yaml").read_text(encoding="utf-8")
    abstract = " ".join(papers.split("  - id: analog-drift\n", 1)[1].split("topics:")[0].split())
    assert snippet in abstract  # stop words and all, as written
    assert "Prior work recalibrates the whole array" in snippet
    assert "<mark>recalibrates</mark>" in paper["html"]


def test_browser_search_paper_result_shows_its_edition(page: Any) -> None:
    results = search(page, "Tessera")

    assert results[0]["path"] == "papers/tessera/"
    assert results[0]["tags"] == ["SysML 2027"]


def test_browser_search_list_pages_do_not_drown_results(page: Any) -> None:
    # "Compilers" is all over the program and the proceedings; neither may come up for it,
    # but each is found by its own name.
    found = paths(search(page, "compilers"))
    lists = {"program/", "proceedings/", "authors/"}

    assert "program/s-compilers/" in found[:5]
    assert found[0].startswith(("papers/", "program/s-"))
    assert lists.isdisjoint(found)
    assert "proceedings/" in paths(search(page, "proceedings"))


def test_browser_search_keyboard_selects_and_opens_a_result(page: Any) -> None:
    results = search(page, "Tessera")
    page.keyboard.press("ArrowDown")

    focused = page.evaluate("document.activeElement.href")
    assert urlsplit(focused).path.removeprefix("/") == results[0]["path"]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Enter")  # the best result
    page.wait_for_url("**/papers/tessera/**")


def test_browser_search_fetches_no_index_before_it_is_opened(page: Any) -> None:
    page.wait_for_load_state("networkidle")
    before = [urlsplit(u).path for u in page.requested if "/search/" in u]

    # Only the theme's own file, which holds no documents: the index waits for a query.
    assert before == ["/search/search_index.json"]
    stub = json.loads(page.evaluate("fetch('search/search_index.json').then(r => r.text())"))
    assert stub["docs"] == []
    search(page, "Tessera")
    after = {urlsplit(u).path for u in page.requested}
    assert {"/search/manifest.json", "/search/terms/t_t.json"} <= after


def test_browser_search_worker_cuts_words_as_the_index_does(page: Any) -> None:
    """The worker's folding, run in the page, against generator/search/text.py."""
    samples = [
        "Jonas Müller",
        "Mu\u0308ller",
        "Łukasz Wróbel",
        "Søren Kjærgaard",
        "Thanh Nguyễn",
        "Katrin Weiß",
        "ﬁne-tuning KV-Cache O(n²)",
        "Œuvre Æsir déjà-vu",
        "İstanbul ıi",
        "naïve 10^-3 x_1",
        "½ ℡ x™ ①",
    ]
    page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))

    worker = page.evaluate("samples => samples.map(words)", samples)

    assert worker == [words(sample) for sample in samples]
