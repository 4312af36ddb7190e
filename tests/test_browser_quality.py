"""The built example site in a real headless Chromium, the way attendees meet it.

Every page family loads without console errors or failed requests and passes axe-core (no
serious or critical violations); on a 375 px phone nothing scrolls sideways and tap targets are
at least 24x24 CSS px; keyboard users reach and see every link of the program and of a paper;
search finds a paper by a title word and by an author; without JavaScript the program and paper
pages are complete; the program and paper pages print cleanly, one program day per page.

Each checker is also run on a copy of a built page with its problem put back, and must report it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
BLOCKING_IMPACTS = ("serious", "critical")
MIN_TARGET = 24
"""WCAG 2.2 target size (minimum), in CSS px."""

# Tap targets under 24x24 CSS px, except links that sit in a line of text (WCAG 2.5.8 "inline").
SMALL_TARGETS_JS = """(min) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[role=button], [role=link], [tabindex]:not([tabindex="-1"])';
  const shown = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const blockOf = el => {
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) {
      block = block.parentElement;
    }
    return block;
  };
  const squash = text => text.replace(/\\s+/g, ' ').trim();
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!shown(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width >= min && box.height >= min) continue;
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
      const block = blockOf(el);
      if (block && squash(block.textContent).length > squash(el.textContent).length) continue;
    }
    const name = squash(el.textContent) || el.getAttribute('aria-label') || el.className;
    small.push(`${el.tagName.toLowerCase()} "${name.slice(0, 50)}" `
      + `${Math.round(box.width)}x${Math.round(box.height)}`);
  }
  return small;
}"""

# Widths that make a phone scroll sideways: the document's and any element poking out of it.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const root of [document.documentElement, document.body]) {
    if (root.scrollWidth > width) wide.push(`${root.tagName.toLowerCase()} ${root.scrollWidth}px`);
  }
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (p !== document.body && p !== document.documentElement
          && /(auto|scroll|hidden|clip)/.test(s.overflowX)) return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('.md-content *')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && !scrolls(el)) {
      wide.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(box.right)}px`);
    }
  }
  return wide.slice(0, 10);
}"""

# Records every focused element's focus styles as Tab moves through the page.
FOCUS_RECORDER_JS = """() => {
  window.__focused = [];
  const style = el => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | ');
  };
  window.__focusStyle = style;
  let next = 0;
  document.addEventListener('focusin', event => {
    const el = event.target;
    const box = el.getBoundingClientRect();
    if (!el.dataset.kbdKey) el.dataset.kbdKey = String(next++);
    window.__focused.push({
      key: el.dataset.kbdKey, href: el.getAttribute('href'), focused: style(el),
      onScreen: box.bottom > 0 && box.top < innerHeight && box.width > 0,
    });
  });
}"""

FOCUS_REPORT_JS = """() => {
  document.activeElement && document.activeElement.blur();
  return window.__focused.map(entry => {
    const el = document.querySelector(`[data-kbd-key="${entry.key}"]`);
    return {...entry, unfocused: window.__focusStyle(el)};
  });
}"""

# Text that the page's HTML holds but that is not displayed (outside JS-only [hidden] parts).
HIDDEN_TEXT_JS = """() => {
  const root = document.querySelector('.md-content');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const hidden = [];
  // The grid's room headers and time labels repeat each session's own room and time.
  const NOT_CONTENT = '[hidden], script, style, template, noscript, .cs-grid-room, .cs-grid-time';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || el.closest(NOT_CONTENT)) continue;
    // A closed <details> is complete: its summary is shown and opens it without scripts.
    const details = el.closest('details:not([open])');
    if (details && !el.closest('summary')) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) {
      hidden.push(text.slice(0, 60));
    }
  }
  return hidden;
}"""


# --- the pages -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SitePages:
    """Site paths of one page of each family in the example site."""

    paths: dict[str, str]
    paper_title: str
    paper_author: str


@pytest.fixture(scope="session")
def site_pages(example_site: Path) -> SitePages:
    program = lxml_html.parse(str(example_site / "program" / "index.html"))
    session_ids = program.xpath('//li[contains(@class, "cs-session")]/@id')
    # A session's own page when the site has them, else its entry in the program.
    with_page = [s for s in session_ids if (example_site / "program" / s / "index.html").is_file()]
    session = f"program/{with_page[0]}/" if with_page else f"program/#{session_ids[0]}"
    paper_dir = sorted(p.parent for p in (example_site / "papers").glob("*/index.html"))[0]
    paper = lxml_html.parse(str(paper_dir / "index.html"))
    authors = [a.text_content().strip() for a in paper.xpath('//ul[@class="cs-authors"]/li/a[1]')]
    paths = {
        "home": "",
        "call for papers": "call-for-papers/",
        "program": "program/",
        "session": session,
        "committee": "committee/",
        "proceedings": "proceedings/",
        "authors": "authors/",
        "speakers": "speakers/",
        "paper": f"papers/{paper_dir.name}/",
    }
    return SitePages(
        paths=paths,
        paper_title=paper.xpath("//article[@class='cs-paper-page']/h1")[0].text_content().strip(),
        paper_author=next(a for a in authors if a.isascii()),
    )


PAGE_NAMES = (
    "home", "call for papers", "program", "session", "committee", "proceedings", "authors",
    "speakers", "paper",
)  # fmt: skip


@pytest.fixture
def new_context(browser: Any) -> Iterator[Callable[..., Any]]:
    contexts = []

    def make(**options: Any) -> Any:
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@dataclass
class Opened:
    page: Any
    problems: list[str]


def open_page(context: Any, url: str, inject: str = "", settle: bool = False) -> Opened:
    """Open ``url``, collecting console errors, script errors and failed requests.

    ``inject`` is markup put at the end of the page's content, in a copy of the served page.
    ``settle`` also waits for the network to go quiet (late requests, such as the search index).
    """
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console error: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    page.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )
    if inject:

        def fulfill(route: Any) -> None:
            response = route.fetch()
            body = response.text().replace("</article>", inject + "</article>", 1)
            route.fulfill(response=response, body=body)

        page.route(url, fulfill)
    page.goto(url, wait_until="load")
    if settle:
        page.wait_for_load_state("networkidle")
    return Opened(page, problems)


def axe_violations(page: Any, axe: str, rules: tuple[str, ...] = ()) -> list[str]:
    """'rule (impact): selectors' for each serious or critical axe-core violation."""
    page.evaluate(axe)
    options = {"rules": {rule: {"enabled": True} for rule in rules}}
    violations = page.evaluate("async (o) => (await axe.run(document, o)).violations", options)
    return [
        f"{v['id']} ({v['impact']}): " + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


def unfocusable_links(page: Any, presses: int) -> tuple[list[str], list[str]]:
    """Content links Tab never reaches, and links reached without a visible focus change."""
    expected = page.eval_on_selector_all(
        ".md-content a[href]:not([tabindex='-1'])",
        "els => els.filter(e => e.checkVisibility()).map(e => e.getAttribute('href'))",
    )
    page.evaluate(FOCUS_RECORDER_JS)
    page.locator("body").focus()
    for _ in range(presses):
        page.keyboard.press("Tab")
    focused = page.evaluate(FOCUS_REPORT_JS)
    reached = {entry["href"] for entry in focused}
    unreached = sorted({href for href in expected if href not in reached})
    unseen = sorted(
        {
            entry["href"]
            for entry in focused
            if entry["href"] in expected
            and (entry["focused"] == entry["unfocused"] or not entry["onScreen"])
        }
    )
    return unreached, unseen


def tab_presses(page: Any) -> int:
    """Enough Tab presses to pass every focusable element of the page once."""
    focusable = "a[href], button, input, select, textarea, summary, [tabindex]"
    return page.evaluate(f"document.querySelectorAll('{focusable}').length") + 10


def search_hits(page: Any, query: str) -> list[str]:
    """Site paths of the pages Material's search lists for ``query``, typed into its box."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function(
        "() => /matching|no matching/i.test("
        "document.querySelector('.md-search-result__meta').textContent)"
    )
    page.wait_for_timeout(300)  # the result list renders right after the count
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)"
    )
    base = urlsplit(page.url)
    return sorted(
        {urlsplit(h).path.removeprefix("/") for h in hrefs if urlsplit(h).netloc == base.netloc}
    )


def printed_layout(page: Any) -> dict[str, Any]:
    """What the print stylesheet does to the page: visible chrome and day page breaks."""
    page.emulate_media(media="print")
    return page.evaluate(
        """() => ({
          chrome: ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
                   '.md-footer', '.md-search', '.md-top', '[data-cs-print]']
            .filter(s => [...document.querySelectorAll(s)].some(e => e.checkVisibility())),
          dayBreaks: [...document.querySelectorAll('.md-content h2[id^="day-"]')].map(h => {
            const section = h.closest('.cs-day');
            const values = [getComputedStyle(h).breakBefore];
            if (section && section.firstElementChild === h)
              values.push(getComputedStyle(section).breakBefore);
            return values.includes('page') ? 'page' : 'auto';
          }),
        })"""
    )


def pdf_pages(page: Any) -> int:
    pdf = page.pdf(format="A4", print_background=False)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


# --- every page family ---------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_browser_page_loads_cleanly_and_passes_axe(
    name: str,
    site_pages: SitePages,
    example_url: str,
    axe_source: str,
    new_context: Callable[..., Any],
) -> None:
    opened = open_page(new_context(), example_url + site_pages.paths[name], settle=True)

    assert opened.problems == []
    assert axe_violations(opened.page, axe_source) == []


@pytest.mark.parametrize("name", ["home", "program", "paper"])
def test_browser_axe_dark_scheme_no_serious_violations(
    name: str,
    site_pages: SitePages,
    example_url: str,
    axe_source: str,
    new_context: Callable[..., Any],
) -> None:
    context = new_context(color_scheme="dark")
    opened = open_page(context, example_url + site_pages.paths[name])

    assert axe_violations(opened.page, axe_source) == []


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_browser_phone_no_sideways_scroll_and_comfortable_targets(
    name: str,
    site_pages: SitePages,
    example_url: str,
    axe_source: str,
    new_context: Callable[..., Any],
) -> None:
    opened = open_page(new_context(viewport=PHONE), example_url + site_pages.paths[name])

    assert opened.page.evaluate(OVERFLOW_JS) == []
    assert opened.page.evaluate(SMALL_TARGETS_JS, MIN_TARGET) == []
    assert axe_violations(opened.page, axe_source, rules=("target-size",)) == []


# --- keyboard, search, no JavaScript -------------------------------------------------------


@pytest.mark.parametrize("name", ["program", "paper"])
def test_browser_keyboard_reaches_and_shows_every_link(
    name: str, site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    opened = open_page(new_context(), example_url + site_pages.paths[name])

    unreached, unseen = unfocusable_links(opened.page, tab_presses(opened.page))

    assert unreached == []
    assert unseen == []


def test_browser_search_finds_paper_by_title_word(
    site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    word = max(re.findall(r"[A-Za-z]+", site_pages.paper_title), key=len)
    opened = open_page(new_context(), example_url)

    assert site_pages.paths["paper"] in search_hits(opened.page, word)


def test_browser_search_finds_paper_by_author_name(
    site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    opened = open_page(new_context(), example_url)

    assert site_pages.paths["paper"] in search_hits(opened.page, site_pages.paper_author)


@pytest.mark.parametrize("name", ["program", "session", "paper"])
def test_browser_without_javascript_page_complete_and_readable(
    name: str, site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    with_js = open_page(new_context(viewport=PHONE), example_url + site_pages.paths[name]).page
    page = open_page(
        new_context(viewport=PHONE, java_script_enabled=False),
        example_url + site_pages.paths[name],
    ).page
    links = "els => els.filter(e => e.checkVisibility()).map(e => e.href)"

    assert page.evaluate(HIDDEN_TEXT_JS) == []
    assert page.evaluate(OVERFLOW_JS) == []
    assert page.locator("h1").first.is_visible()
    # Every link a reader sees with JavaScript is there without it (scripts only add).
    shown_with_js = with_js.eval_on_selector_all(".md-content a[href]", links)
    shown_without = page.eval_on_selector_all(".md-content a[href]", links)
    assert sorted(set(shown_with_js) - set(shown_without)) == []
    body_font = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"
    )
    assert body_font >= 14


def test_browser_without_javascript_program_lists_every_session_and_paper(
    site_pages: SitePages, example_site: Path, example_url: str, new_context: Callable[..., Any]
) -> None:
    source = lxml_html.parse(str(example_site / "program" / "index.html"))
    sessions = len(source.xpath('//li[contains(@class, "cs-session")]'))
    papers = len(source.xpath('//li[contains(@class, "cs-paper")]'))
    page = open_page(
        new_context(java_script_enabled=False), example_url + site_pages.paths["program"]
    ).page

    shown = "els => els.filter(e => e.checkVisibility()).length"
    assert page.eval_on_selector_all("li.cs-session", shown) == sessions > 0
    assert page.eval_on_selector_all("li.cs-paper a.cs-paper__title", shown) == papers > 0


# --- print ---------------------------------------------------------------------------------


def test_browser_print_program_one_day_per_page_without_chrome(
    site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    page = open_page(new_context(), example_url + site_pages.paths["program"]).page

    layout = printed_layout(page)

    assert layout["chrome"] == []
    assert len(layout["dayBreaks"]) >= 2
    assert layout["dayBreaks"] == ["auto"] + ["page"] * (len(layout["dayBreaks"]) - 1)
    assert pdf_pages(page) >= len(layout["dayBreaks"])


def test_browser_print_paper_page_content_without_chrome(
    site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    page = open_page(new_context(), example_url + site_pages.paths["paper"]).page

    layout = printed_layout(page)

    assert layout["chrome"] == []
    for selector in ("h1", ".cs-authors", ".cs-abstract", ".cs-bibtex"):
        assert page.locator(selector).first.is_visible(), selector
    assert pdf_pages(page) >= 1


def test_browser_print_button_opens_print_dialog(
    site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    page = open_page(new_context(), example_url + site_pages.paths["program"]).page
    page.evaluate("window.__prints = 0; addEventListener('beforeprint', () => window.__prints++)")

    page.get_by_role("button", name="Print the program").click()

    page.wait_for_function("() => window.__prints === 1", timeout=5000)


def test_browser_print_button_absent_without_javascript(
    site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    page = open_page(
        new_context(java_script_enabled=False), example_url + site_pages.paths["program"]
    ).page

    assert page.get_by_role("button", name="Print the program").count() == 0


# --- each checker reports its problem when it is put back ----------------------------------


@pytest.fixture
def paper_url(site_pages: SitePages, example_url: str) -> str:
    return example_url + site_pages.paths["paper"]


def test_browser_injected_console_error_and_missing_asset_reported(
    paper_url: str, new_context: Callable[..., Any]
) -> None:
    inject = '<script>console.error("injected")</script><img src="missing.png" alt="A figure">'

    problems = open_page(new_context(), paper_url, inject=inject, settle=True).problems

    assert "console error: injected" in problems
    assert f"HTTP 404: {paper_url}missing.png" in problems


def test_browser_injected_image_without_alt_fails_axe(
    paper_url: str, axe_source: str, new_context: Callable[..., Any]
) -> None:
    page = open_page(new_context(), paper_url, inject='<img src="../../assets/x.png">').page

    violations = axe_violations(page, axe_source)

    assert [v.split(" ")[0] for v in violations] == ["image-alt"]


def test_browser_injected_wide_element_scrolls_sideways(
    paper_url: str, new_context: Callable[..., Any]
) -> None:
    inject = '<div style="width: 600px">a fixed-width table</div>'
    page = open_page(new_context(viewport=PHONE), paper_url, inject=inject).page

    assert page.evaluate(OVERFLOW_JS) != []


def test_browser_injected_small_button_reported(
    paper_url: str, new_context: Callable[..., Any]
) -> None:
    inject = '<p><button type="button" style="width:16px;height:16px;padding:0">x</button></p>'
    page = open_page(new_context(viewport=PHONE), paper_url, inject=inject).page

    assert page.evaluate(SMALL_TARGETS_JS, MIN_TARGET) == ['button "x" 16x16']


def test_browser_injected_hidden_focus_ring_reported(
    paper_url: str, new_context: Callable[..., Any]
) -> None:
    inject = "<style>.md-typeset a:focus-visible { outline: none !important; }</style>"
    page = open_page(new_context(), paper_url, inject=inject).page

    unreached, unseen = unfocusable_links(page, tab_presses(page))

    assert unreached == []
    assert unseen != []


def test_browser_injected_script_only_content_reported(
    paper_url: str, new_context: Callable[..., Any]
) -> None:
    inject = '<p class="late" style="display: none">Shown by a script</p>'
    page = open_page(new_context(java_script_enabled=False), paper_url, inject=inject).page

    assert page.evaluate(HIDDEN_TEXT_JS) == ["Shown by a script"]


def test_browser_injected_missing_day_break_reported(
    site_pages: SitePages, example_url: str, new_context: Callable[..., Any]
) -> None:
    inject = (
        "<style>@media print { .md-typeset .cs-day, .md-typeset h2 "
        "{ break-before: auto !important; } }</style>"
    )
    url = example_url + site_pages.paths["program"]
    page = open_page(new_context(), url, inject=inject).page

    assert set(printed_layout(page)["dayBreaks"]) == {"auto"}


def test_browser_search_nonsense_word_finds_nothing(
    example_url: str, new_context: Callable[..., Any]
) -> None:
    opened = open_page(new_context(), example_url)

    assert search_hits(opened.page, "zyxwvutsrq") == []
