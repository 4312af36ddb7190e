"""The site search's index: words, records, shards, docs files and a live edit's rewrite."""

from __future__ import annotations

import json
from pathlib import Path

from generator.search import Entry, Kind, SearchIndex, SearchRecord, page_entries
from generator.search import index as search_index
from generator.search.text import fold, html_sections, name_words, words


def _paper(url: str, title: str, people: tuple[str, ...] = (), text: str = "") -> Entry:
    return Entry(url, SearchRecord(Kind.PAPER, title, text, people, edition="SysML 2027"))


def _read(folder: Path) -> tuple[dict, dict[str, list[int]], list[list]]:
    """(manifest, every word's entry numbers, every doc) as the worker would read them."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    postings: dict[str, list[int]] = {}
    for shard in sorted((folder / "terms").iterdir()):
        for word, gaps in json.loads(shard.read_text(encoding="utf-8")).items():
            numbers, number = [], 0
            for gap in gaps:
                number += gap >> 4
                numbers.append(number)
            postings[word] = numbers
    docs: list[list] = []
    for chunk in range(len(list((folder / "docs").iterdir()))):
        docs += json.loads((folder / "docs" / f"{chunk}.json").read_text(encoding="utf-8"))
    return manifest, postings, docs


def _found(folder: Path, word: str) -> list[str]:
    _manifest, postings, docs = _read(folder)
    return [docs[number][0] for number in postings.get(fold(word), [])]


def test_search_fold_removes_accents_and_case_both_ways() -> None:
    assert fold("Müller") == fold("Muller") == fold("MÜLLER") == "muller"
    assert [fold(w) for w in ("Łukasz", "Søren", "Weiß", "Ærø", "Dvořák")] == [
        "lukasz",
        "soren",
        "weiss",
        "aero",
        "dvorak",
    ]


def test_search_words_cut_at_punctuation_and_fold_decomposed_accents() -> None:
    decomposed = "Mu\u0308ller"  # 'ü' written as 'u' and a combining diaeresis
    assert words(f"KV-Cache: {decomposed}'s O(n) déjà-vu") == [
        "kv",
        "cache",
        "muller",
        "s",
        "o",
        "n",
        "deja",
        "vu",
    ]


def test_search_name_words_also_join_apostrophes_and_hyphens() -> None:
    assert name_words("Seán O'Brien-Ngata") == ["sean", "o", "brien", "ngata", "obrienngata"]


def test_search_html_sections_split_at_headings_and_skip_controls() -> None:
    fragment = (
        "<p>Intro <button data-search-exclude hidden>Add to my agenda</button>text</p>"
        '<h2 id="dates">Dates<a class="headerlink" href="#dates">¶</a></h2>'
        "<p>Room&nbsp;A &amp; B</p><script>var x = 1;</script>"
        '<h3 id="late">Late</h3><ul><li>one</li><li>two</li></ul>'
    )

    assert html_sections(fragment) == [
        ("", "", "Intro text"),
        ("dates", "Dates", "Room A & B"),
        ("late", "Late", "one two"),
    ]


def test_search_page_entries_one_per_section_under_the_page_title() -> None:
    entries = page_entries("cfp/", "Call for papers", '<p>Send</p><h2 id="t">Topics</h2><p>ML</p>')

    assert [(e.url, e.record.title, e.record.text, e.record.kind) for e in entries] == [
        ("cfp/", "Call for papers", "Send", Kind.PAGE),
        ("cfp/#t", "Topics", "ML", Kind.PAGE),
    ]


def test_search_index_finds_words_of_every_field_without_stop_words(tmp_path: Path) -> None:
    entries = [
        _paper("papers/a/", "The Cost of Sparse Attention", ("Jonas Müller",), "We prune heads."),
        Entry(
            "authors/jonas-muller/",
            SearchRecord(Kind.AUTHOR, "Jonas Müller", "1 paper", ("Jonas Müller",), ("Kestrel",)),
        ),
    ]
    SearchIndex(entries).write(tmp_path)

    assert _found(tmp_path, "Muller") == ["papers/a/", "authors/jonas-muller/"]
    assert _found(tmp_path, "kestrel") == ["authors/jonas-muller/"]
    assert _found(tmp_path, "prune") == ["papers/a/"]
    assert _found(tmp_path, "the") == []


def test_search_index_docs_hold_the_real_text_and_the_edition(tmp_path: Path) -> None:
    abstract = "We prune the heads of a model, then fine-tune it for an hour."
    SearchIndex([_paper("papers/a/", "Pruning", ("Ann Lee", "Bo Chen"), abstract)]).write(tmp_path)

    manifest, _postings, docs = _read(tmp_path)

    assert docs == [["papers/a/", "Pruning", 0, 0, ["Ann Lee", "Bo Chen"], [], abstract]]
    assert manifest["editions"] == ["SysML 2027"]
    assert manifest["kinds"][0] == "paper"


def test_search_index_orders_entries_by_kind_then_url(tmp_path: Path) -> None:
    listing = Entry("program/", SearchRecord(Kind.LIST, "Program", "The program"))
    session = Entry("program/s1/", SearchRecord(Kind.SESSION, "Compilers", "Monday"))
    entries = [listing, session, _paper("papers/b/", "B"), _paper("papers/a/", "A")]
    SearchIndex(entries).write(tmp_path)

    manifest, _postings, docs = _read(tmp_path)

    assert [doc[0] for doc in docs] == ["papers/a/", "papers/b/", "program/s1/", "program/"]
    assert manifest["kindStarts"] == [0, 2, 2, 3, 3]
    assert manifest["kindBoost"][-1] < min(manifest["kindBoost"][:-1])  # lists rank last


def test_search_index_is_the_same_bytes_whatever_the_order_of_entries(tmp_path: Path) -> None:
    entries = [_paper(f"papers/p{n}/", f"Title {n}", ("Ann Lee",), "text") for n in range(30)]

    assert SearchIndex(entries).files() == SearchIndex(reversed(entries)).files()


def test_search_index_splits_large_prefixes_and_keeps_each_shard_small(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(search_index, "SHARD_BYTES", 400)
    vocabulary = [f"ma{chr(97 + i)}{chr(97 + j)}word" for i in range(6) for j in range(6)]
    entries = [_paper(f"papers/p{n}/", " ".join(vocabulary[n % 36 :])) for n in range(40)]
    index = SearchIndex(entries)
    index.write(tmp_path)

    manifest, _postings, _docs = _read(tmp_path)
    sizes = {p.name: len(p.read_bytes()) for p in (tmp_path / "terms").iterdir()}

    assert {"m", "ma"} <= set(manifest["split"])
    for word in vocabulary:  # each word is in the shard its prefix leads to
        key = search_index.shard_key(word, index.split)
        shard = json.loads((tmp_path / search_index.shard_file(key)).read_text("utf-8"))
        assert word in shard
    assert sorted(manifest["shards"]) == sorted(index.shards())
    assert max(sizes.values()) < 3 * 400  # no shard is much past the limit
    assert _found(tmp_path, "maaaword") == ["papers/p0/", "papers/p36/"]


def test_search_index_shard_files_of_other_scripts_are_named_by_code_point() -> None:
    assert search_index.shard_file("ab") == "terms/t_ab.json"
    assert search_index.shard_file("αβ") == "terms/t_x3b1-3b2.json"


def test_search_replace_rewrites_what_changed_as_a_fresh_index_would(tmp_path: Path) -> None:
    entries = [_paper(f"papers/p{n}/", f"Title {n}", ("Ann Lee",), "old words") for n in range(20)]
    edited = _paper("papers/p7/", "Zebrafinch Title", ("Ann Lee",), "new words")
    live, fresh = tmp_path / "live", tmp_path / "fresh"
    index = SearchIndex(entries)
    index.write(live)

    written = index.replace([edited], live)
    SearchIndex([*entries[:7], edited, *entries[8:]]).write(fresh)

    assert "manifest.json" in written and "terms/t_z.json" in written
    for path in fresh.rglob("*.json"):
        if path.name != "manifest.json":
            assert path.read_bytes() == (live / path.relative_to(fresh)).read_bytes(), path
    assert _found(live, "zebrafinch") == ["papers/p7/"]
    assert _found(live, "old") == sorted(f"papers/p{n}/" for n in range(20) if n != 7)
