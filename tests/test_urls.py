"""generator/urls.py: relative links between pages."""

from __future__ import annotations

from generator.urls import Urls, page_uri


def test_page_uri() -> None:
    assert (page_uri("papers/p1"), page_uri("")) == ("papers/p1/index.md", "index.md")


def test_urls_from_a_paper_page() -> None:
    urls = Urls.for_path("papers/p1")

    assert (urls.paper("p2"), urls.to("papers/p2.bib"), urls.author("ann-lee")) == (
        "../../papers/p2/",
        "../../papers/p2.bib",
        "../../authors/ann-lee/",
    )


def test_urls_from_the_home_page() -> None:
    urls = Urls.for_path("")

    assert (urls.to("program/"), urls.to(""), urls.speaker("ada")) == (
        "program/",
        "./",
        "speakers/ada/",
    )
