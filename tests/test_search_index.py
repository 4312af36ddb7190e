"""Compact search entries: what text a generated page contributes to the search index."""

import json
from pathlib import Path

from generator.search_index import add_entries, html_text, keywords, page_entry, replace_entries


def test_search_html_text_leaves_out_search_excluded_controls() -> None:
    fragment = (
        "<h1>Compilers</h1><p>Chair: Ana <button data-search-exclude hidden>Add to my agenda"
        '</button>Álvarez</p><p data-search-exclude><button type="button">Show my local time'
        "</button> first</p><p>Room&nbsp;A &amp; B</p>"
    )

    text = html_text(fragment)

    assert text == "Compilers Chair: Ana Álvarez Room A & B"


def test_search_html_text_without_exclusions_keeps_every_word() -> None:
    assert html_text("<h1>A</h1><p>b <em>c</em></p>") == "A b c"


def test_search_keywords_keep_each_word_once_without_stop_words() -> None:
    assert keywords("The cost of the model and the cost (O(n)) of it.") == "cost model O(n)"


def test_search_page_entry_escapes_markup_but_keeps_apostrophes() -> None:
    entry = page_entry("papers/x/", "<img src=x onerror=alert(1)> O'Brien", "A & B\nabstract")

    assert entry.title == "&lt;img src=x onerror=alert(1)&gt; O'Brien"
    assert entry.text == "A &amp; B abstract"


def test_search_add_entries_appends_after_the_theme_s_documents(tmp_path: Path) -> None:
    theme = {
        "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
        "docs": [{"location": "", "title": "Home", "text": 'Welcome \u00e0 "SysML"'}],
    }
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps(theme, separators=(",", ":")), encoding="utf-8")
    entries = [
        page_entry("papers/p1/", "Déjà <vu>", "Ann Lee\nfast sparse"),
        page_entry("a/", "A", ""),
    ]

    add_entries(index, entries)

    expected = {**theme, "docs": [*theme["docs"], *(entry.as_json() for entry in entries)]}
    written = index.read_text(encoding="utf-8")
    assert written == json.dumps(expected, separators=(",", ":"), ensure_ascii=False)
    assert json.loads(written)["docs"][1]["title"] == "Déjà &lt;vu&gt;"


def test_search_replace_entries_swaps_documents_in_place(tmp_path: Path) -> None:
    index = tmp_path / "search_index.json"
    docs = [
        {"location": "papers/a/", "title": "A", "text": 'x \\"}],{"location":"papers/b/"'},
        {"location": "papers/b/", "title": "B", "text": "old"},
        {"location": "papers/c/", "title": "C", "text": "kept"},
    ]
    index.write_text(json.dumps({"config": {}, "docs": docs}, separators=(",", ":")), "utf-8")
    new_b, new_d = page_entry("papers/b/", "B2", "new"), page_entry("papers/d/", "D", "added")

    replace_entries(index, [new_b, new_d])

    written = json.loads(index.read_text(encoding="utf-8"))["docs"]
    assert written == [docs[0], new_b.as_json(), docs[2], new_d.as_json()]
