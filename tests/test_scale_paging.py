"""Big lists split into pages under a size budget (generator/paging/).

A 50-paper synthetic conference is built with a lowered budget (``page_budget``) so
that every split path runs: letters, letters in parts, topics in parts, days in parts. The
example and the toy stay under the default budget and keep their one-page lists.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from posixpath import normpath
from typing import Any

import pytest
from conftest import EXAMPLE_DATA, TOY_DATA, build_site, serve
from test_browser_quality import axe_violations
from test_links import broken_links

from generator import paging, synth, views
from generator.build import build_outputs
from generator.options import BuildOptions
from generator.outputs import BuildResult, GeneratedPage
from generator.validate import load_and_validate

PAPERS = 50
TINY = 3_000
"""Small enough for authors in parts and topics in parts."""
LETTERS = 1_800
"""Small enough for a letter in parts: W, its authors listed with their papers, measures
2,009 bytes (too small for the longest author's page, whose pager then outgrows it)."""
SMALL = 12_500
"""Small enough to split the program of 40 papers into days and parts of days, large enough
for the biggest time slot (parallel sessions stay on one page)."""
_HREF = re.compile(r'href="([^"#]*)(?:#[^"]*)?"')


def _build(data: Path, budget: int) -> BuildResult:
    result = build_outputs(BuildOptions(data_dir=data, page_budget=budget))
    assert result.ok
    return result


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("paging") / "data"
    synth.write(data, PAPERS, seed=3)
    return data


@pytest.fixture(scope="module")
def tiny(data_dir: Path) -> dict[str, GeneratedPage]:
    return {page.uri: page for page in _build(data_dir, TINY).pages}


@pytest.fixture(scope="module")
def letters(data_dir: Path) -> dict[str, GeneratedPage]:
    return {page.uri: page for page in _build(data_dir, LETTERS).pages}


@pytest.fixture(scope="module")
def small(data_dir: Path) -> dict[str, GeneratedPage]:
    return {page.uri: page for page in _build(data_dir, SMALL).pages}


def _folder(uri: str) -> str:
    return uri.removesuffix("index.md")


def _reachable(pages: dict[str, GeneratedPage], start: str) -> set[str]:
    """Site paths ('authors/x/') linked from ``start`` and the pages below it, followed from
    link to link within that folder (as a visitor clicking through the index would)."""
    seen, todo, found = set(), [start], set()
    while todo:
        uri = todo.pop()
        if uri in seen:
            continue
        seen.add(uri)
        here = _folder(uri)
        for href in _HREF.findall(pages[uri].html):
            if href and not href.startswith(("http:", "https:")) and href.endswith("/"):
                path = normpath(here + href) + "/"
                found.add(path)
                target = path + "index.md"
                if target in pages and target.startswith(start.split("/")[0] + "/"):
                    todo.append(target)
    return found


def _split_pages(pages: dict[str, GeneratedPage], *folders: str) -> list[GeneratedPage]:
    return [
        page
        for uri, page in pages.items()
        if uri.startswith(tuple(f"{f}/" for f in folders)) and frame_free(uri)
    ]


def frame_free(uri: str) -> bool:
    """An index or split page (not an author, session or agenda page)."""
    return (
        uri.count("/") == 1
        or "/letters/" in uri
        or "/days/" in uri
        or uri.startswith("proceedings/")
    )


def _index(data: Path) -> views.Index:
    model, _ = load_and_validate(data)
    assert model is not None
    return views.Index.of(model)


# ---- the cutting itself ----------------------------------------------------------------


def test_paging_chunks_fill_each_page_up_to_the_limit() -> None:
    assert paging.chunks([4, 4, 4, 4, 4], 10) == [range(0, 2), range(2, 4), range(4, 5)]


def test_paging_chunks_entry_over_the_limit_gets_a_page_of_its_own() -> None:
    assert paging.chunks([3, 12, 3, 3], 10) == [range(0, 1), range(1, 2), range(2, 4)]


def test_paging_chunks_empty_list_has_no_pages() -> None:
    assert paging.chunks([], 10) == []


def test_paging_time_slots_keep_parallel_sessions_together(data_dir: Path) -> None:
    index = _index(data_dir)
    day = index.data.days[0]
    slots = paging.time_slots(day.sessions)

    assert [s for slot in slots for s in slot] == list(day.sessions)
    for before, after in itertools.pairwise(slots):
        assert max(s.end for s in before) <= min(s.start for s in after)


def test_paging_budget_must_be_positive() -> None:
    assert BuildOptions().page_budget == paging.DEFAULT_BUDGET
    with pytest.raises(ValueError, match="page_budget is 0; give a positive number of bytes"):
        BuildOptions(page_budget=0)


# ---- small conferences keep their pages ------------------------------------------------


@pytest.mark.parametrize("data", [EXAMPLE_DATA, TOY_DATA], ids=["example", "toy"])
def test_paging_small_conference_keeps_one_page_per_list(data: Path) -> None:
    index = _index(data)
    limit = paging.DEFAULT_BUDGET

    assert paging.authors_split(index, limit, "X") is None
    assert paging.proceedings_split(index, limit, "X") is None
    assert paging.program_split(index, limit, "X") is None


# ---- authors ---------------------------------------------------------------------------


def test_paging_authors_every_author_reachable_from_the_index(
    letters: dict[str, GeneratedPage], data_dir: Path
) -> None:
    slugs = {person.slug for person in views.people(_index(data_dir))}

    linked = _reachable(letters, "authors/index.md")

    assert {f"authors/{slug}/" for slug in slugs} <= linked
    assert "authors/letters/w/2/" in linked  # a letter in parts, each part linked


def test_paging_authors_letter_pages_out_of_nav_with_title_and_description(
    letters: dict[str, GeneratedPage],
) -> None:
    shown = [p for uri, p in letters.items() if uri.startswith("authors/letters/")]

    assert letters["authors/index.md"].in_nav
    assert letters["authors/index.md"].html.count('href="../authors/letters/') == 18
    assert not any(p.in_nav or p.search for p in shown)
    assert letters["authors/letters/w/2/index.md"].title == "Authors: W (2 of 2)"
    assert all(p.description.startswith("Authors of ") for p in shown)


def test_paging_authors_letter_lists_papers_when_it_fits(small: dict[str, GeneratedPage]) -> None:
    page = small["authors/letters/k/index.md"].html

    assert '<a href="../../../papers/p' in page
    assert "cs-count" not in page


def test_paging_authors_letter_counts_papers_when_titles_do_not_fit(
    letters: dict[str, GeneratedPage],
) -> None:
    page = letters["authors/letters/w/2/index.md"].html

    assert '<span class="cs-count">16 papers</span>' in page
    assert "../../../../papers/" not in page


def test_paging_long_author_page_in_parts_holds_every_paper_and_coauthor(
    tiny: dict[str, GeneratedPage], data_dir: Path
) -> None:
    person = max(views.people(_index(data_dir)), key=lambda p: len(p.papers))
    start = f"authors/{person.slug}/index.md"
    coauthors = {a.name.slug for p in person.papers for a in p.authors} - {person.slug}

    linked = _reachable(tiny, start)

    assert {f"papers/{p.id}/" for p in person.papers} <= linked
    assert {f"authors/{slug}/" for slug in coauthors} <= linked
    parts = sorted(uri for uri in tiny if uri.startswith(f"authors/{person.slug}/"))
    assert len(parts) > 2
    assert tiny[start].title == f"{person.name.full} (1 of {len(parts)})"
    assert f"Papers ({len(person.papers)})" in tiny[start].html
    assert all(len(tiny[uri].html.encode("utf-8")) <= TINY for uri in parts)


# ---- proceedings -----------------------------------------------------------------------


def test_paging_proceedings_every_paper_reachable_from_the_index(
    tiny: dict[str, GeneratedPage],
) -> None:
    linked = _reachable(tiny, "proceedings/index.md")

    assert {f"papers/p{n:05d}/" for n in range(1, PAPERS + 1)} <= linked
    assert "proceedings/serving/2/" in linked


def test_paging_proceedings_topic_page_titled_and_counted(
    small: dict[str, GeneratedPage],
) -> None:
    index = small["proceedings/index.md"].html
    topic = small["proceedings/serving/index.md"]

    assert '<a href="../proceedings/serving/">Inference and serving</a>' in index
    assert topic.title == "Proceedings: Inference and serving"
    assert not topic.in_nav
    assert 'href="../../proceedings/proceedings.bib" download' in topic.html


# ---- program ---------------------------------------------------------------------------


def test_paging_program_every_session_reachable_and_anchored_on_overview(
    small: dict[str, GeneratedPage], data_dir: Path
) -> None:
    index = _index(data_dir)
    overview = small["program/index.md"].html

    linked = _reachable(small, "program/index.md")

    for session in index.data.sessions:
        assert f'id="{session.id}"' in overview  # program/#<id> links keep working
        if session.kind.holds_papers:
            assert f"program/{session.id}/" in linked
    days = [p for uri, p in small.items() if "/days/" in uri]
    every = "".join(p.html for p in days)
    assert all(f'id="{s.id}"' in every for s in index.data.sessions)
    assert all(f'id="paper-p{n:05d}"' in every for n in range(1, PAPERS + 1))


def test_paging_program_day_page_keeps_grid_times_and_stars(
    small: dict[str, GeneratedPage],
) -> None:
    page = small["program/days/2031-12-08/2/index.md"]

    assert page.title == "Program: Monday 8 December 2031, 10:00–11:30"
    assert "cs-day cs-day--grid" in page.html
    assert 'class="cs-when" data-start="' in page.html
    assert 'data-star="s:s0001"' in page.html
    assert '<a href="../../../../program/days/2031-12-08/3/">12:30–13:30</a>' in page.html
    assert 'href="../../../../program/#day-2031-12-08">All days</a>' in page.html


def test_paging_program_keeps_a_description_link_as_written(data_dir: Path, tmp_path: Path) -> None:
    """Sessions are rendered once and moved onto deeper day pages by rewriting their links;
    a link the organizer wrote into a description is left as written, as on one page."""
    data = tmp_path / "data"
    shutil.copytree(data_dir, data)
    program = data / "program.yaml"
    text = program.read_text(encoding="utf-8")
    session = '      - id: s0003\n        title: "Hardware systems for ML 3"\n'
    assert session in text
    link = '        description: "Floor plan: [the hall map](../venue-map/)."\n'
    program.write_text(text.replace(session, session + link), encoding="utf-8")

    days = [p for p in _build(data, SMALL).pages if "/days/" in p.uri]
    (page,) = [p for p in days if 'id="s0003"' in p.html]

    assert page.uri.count("/") == 4  # a day's second part or later: one folder deeper
    assert 'href="../venue-map/"' in page.html
    assert 'href="../../../../papers/p' in page.html  # the generated links moved deeper


def test_paging_no_split_page_over_the_budget(
    tiny: dict[str, GeneratedPage], small: dict[str, GeneratedPage]
) -> None:
    for budget, pages in [
        (TINY, _split_pages(tiny, "authors", "proceedings")),
        (SMALL, _split_pages(small, "authors", "proceedings", "program")),
    ]:
        sizes = {p.uri: len(p.html.encode("utf-8")) for p in pages}
        assert len(sizes) > 10
        assert {uri: size for uri, size in sizes.items() if size > budget} == {}


def test_paging_unscheduled_papers_on_pages_of_their_own(data_dir: Path, tmp_path: Path) -> None:
    # Before the program is made, every paper is unscheduled: the overview links to a list.
    data = tmp_path / "data"
    data.mkdir()
    for source in data_dir.iterdir():
        text = source.read_text(encoding="utf-8")
        if source.name == "papers.yaml":
            text = re.sub(r"(?m)^    session: .*\n", "", text)
        (data / source.name).write_text(text, encoding="utf-8")
    pages = {page.uri: page for page in _build(data, 6_000).pages}

    linked = _reachable(pages, "program/index.md")

    assert "50 papers not yet scheduled" in pages["program/index.md"].html
    assert {f"papers/p{n:05d}/" for n in range(1, PAPERS + 1)} <= linked
    parts = [uri for uri in pages if uri.startswith(f"{paging.UNSCHEDULED}/")]
    assert len(parts) > 1
    assert all(len(pages[uri].html.encode("utf-8")) <= 6_000 for uri in parts)


# ---- the built site --------------------------------------------------------------------


def _build_site(data: Path, site: Path, **options: object) -> None:
    result = build_site(data, site, **options)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def split_site(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    site = tmp_path_factory.mktemp("paging-site") / "site"
    _build_site(data_dir, site, page_budget=SMALL)
    yield site


def test_paging_built_site_links_resolve(split_site: Path) -> None:
    assert (split_site / "program/days/2031-12-08/2/index.html").is_file()
    assert (split_site / "authors/letters/w/index.html").is_file()
    assert (split_site / "proceedings/serving/index.html").is_file()
    assert (split_site / "authors/zoe-k-bronte/2/index.html").is_file()
    assert broken_links(split_site) == []


def test_paging_built_site_lists_new_pages_in_sitemap(split_site: Path) -> None:
    sitemap = (split_site / "sitemap.xml").read_text(encoding="utf-8")

    assert "/program/days/2031-12-08/2/</loc>" in sitemap
    assert "/authors/letters/w/</loc>" in sitemap
    assert "/proceedings/serving/</loc>" in sitemap


def test_paging_split_pages_framed_equal_pages_mkdocs_renders(
    split_site: Path, data_dir: Path, tmp_path: Path
) -> None:
    # Topic pages and first parts of author pages are framed (generator/frame.py).
    plain = tmp_path / "site"
    _build_site(data_dir, plain, page_budget=SMALL, frames=False)
    framed = {str(p.relative_to(split_site)): p.read_bytes() for p in split_site.rglob("*.html")}
    mkdocs = {str(p.relative_to(plain)): p.read_bytes() for p in plain.rglob("*.html")}

    assert framed.keys() == mkdocs.keys()
    assert "proceedings/serving/index.html" in framed
    assert [name for name in framed if framed[name] != mkdocs[name]] == []


@pytest.mark.browser
def test_paging_day_page_schedule_works_in_browser(browser: Any, split_site: Path) -> None:
    server, url = serve(split_site)
    errors: list[str] = []
    context = browser.new_context(
        locale="en-US", timezone_id="Asia/Tokyo", viewport={"width": 1400, "height": 900}
    )
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.clock.set_fixed_time("2031-12-08T18:30:00Z")  # 10:30 in Vancouver, first day
        page.goto(url + "program/")
        # Instant navigation from the overview to a day page runs the schedule script again.
        page.locator(".cs-day-nav a").first.click()
        page.wait_for_url("**/program/days/2031-12-08/")
        page.locator("a", has_text="10:00–11:30").first.click()
        page.wait_for_url("**/program/days/2031-12-08/2/")
        page.locator(".cs-when__local").first.wait_for()

        assert page.locator("button.cs-star:visible").count() > 0
        now = page.locator("li.cs-now").evaluate_all("l => l.map(e => e.id)")
        assert "s0001" in now
        boxes = [page.locator(f"#{i}").bounding_box() for i in now[:2]]
        assert len(now) < 2 or boxes[0]["y"] == boxes[1]["y"]  # parallel rooms side by side
    finally:
        context.close()
        server.shutdown()
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "program/",
        "program/days/2031-12-08/2/",
        "authors/",
        "authors/letters/k/",
        "authors/zoe-k-bronte/2/",
        "proceedings/",
        "proceedings/serving/",
    ],
)
def test_paging_split_pages_pass_axe(
    browser: Any, split_site: Path, axe_source: str, path: str
) -> None:
    server, url = serve(split_site)
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(url + path)
        assert axe_violations(page, axe_source) == []
    finally:
        context.close()
        server.shutdown()
