"""Link fields take http(s), mailto and relative URLs only; every other scheme is an error.

The hostile values include the tricks browsers fall for: case, leading spaces and control
characters (the URL parser strips them), tabs and newlines inside the scheme (it removes
them), character references, and invisible format characters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_escaping_pages import hostile_conference

from generator.validate import load_and_validate
from generator.validate.fields import is_safe_url

SCRIPT_URLS = (
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript:alert(1)//https://ok.example/",
    "\x01javascript:alert(1)",
    "\x00javascript:alert(1)",
    "\x7fjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "\u200bjavascript:alert(1)",
    "\ufeffjavascript:alert(1)",
    "javascript&#58;alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "https:alert(1)",
    "http://",
    'https://ok.example/"onmouseover="alert(1)',
    "https://ok.example/<script>",
    "https://ok.example/a b",
    "https://ok.example/\x01",
)

GOOD_URLS = (
    "https://ok.example/",
    "HTTPS://ok.example/Path?q=1&r=2#frag",
    "http://ok.example",
    "mailto:chairs@ok.example",
    "MAILTO:chairs@ok.example",
    "papers/p1.pdf",
    "../slides/talk.pdf",
    "/2027/photo.jpg",
    "#session-1",
    "?page=2",
    "javascript%3Aalert(1)",  # no scheme: a relative path a browser never runs
)


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_is_safe_url_rejects_script_schemes_and_tricks(url: str) -> None:
    assert is_safe_url(url) is False


@pytest.mark.parametrize("url", GOOD_URLS)
def test_is_safe_url_accepts_web_mail_and_relative(url: str) -> None:
    assert is_safe_url(url) is True


LINK_FIELDS = (
    # (file, path to the field in hostile_conference(), key named in the message)
    ("conference.yaml", ("venue", "url"), "url"),
    ("papers.yaml", ("papers", 0, "links", "pdf"), "pdf"),
    ("papers.yaml", ("papers", 0, "links", "code"), "code"),
    ("papers.yaml", ("papers", 0, "links", "slides"), "slides"),
    ("papers.yaml", ("papers", 0, "links", "video"), "video"),
    ("papers.yaml", ("papers", 0, "links", "poster"), "poster"),
    ("speakers.yaml", ("speakers", 0, "photo"), "photo"),
    ("speakers.yaml", ("speakers", 0, "url"), "url"),
    ("sponsors.yaml", ("sponsors", 0, "url"), "url"),
    ("sponsors.yaml", ("sponsors", 0, "logo"), "logo"),
)


def _set(tree: dict, path: tuple, value: str) -> None:
    for step in path[:-1]:
        tree = tree[step]
    tree[path[-1]] = value


@pytest.mark.parametrize(("file", "path", "key"), LINK_FIELDS)
def test_link_field_with_script_url_is_an_error_at_its_line(
    tmp_path: Path, file: str, path: tuple, key: str
) -> None:
    files = hostile_conference()
    _set(files[file], path, "\x01JavaScript:alert(1)")
    for name, content in files.items():
        (tmp_path / name).write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    lines = (tmp_path / file).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "JavaScript:alert" in text)

    data, diagnostics = load_and_validate(tmp_path)

    errors = [(d.location.path, d.location.line, d.message) for d in diagnostics.errors]
    assert data is None
    assert len(errors) == 1, errors
    where, at, message = errors[0]
    assert (Path(where).name, at) == (file, line)
    assert f"'{key}'" in message
    assert "is not an allowed link" in message
