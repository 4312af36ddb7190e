"""The generated pages are valid HTML by the W3C Nu checker, apart from the theme's own errors.

The checker is npm ``vnu-jar`` (installed by ``.ci/run`` into node_modules/) run with Java.
The theme's errors are listed one by one below: anything else the checker says is ours to fix.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import synth
from tests.conftest import ROOT, build_site

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class ThemeError:
    """An error in Material's own markup, which this site does not write."""

    message: re.Pattern[str]
    """What the checker says."""
    extract: str
    """A piece of the offending markup, so that the same message about our markup still fails."""
    why: str


THEME_ERRORS = (
    ThemeError(
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        'data-md-toggle="drawer" type="checkbox"',
        "Material's navigation drawer toggle: a checkbox with autocomplete=off",
    ),
    ThemeError(
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        'data-md-toggle="search" type="checkbox"',
        "Material's search toggle: a checkbox with autocomplete=off",
    ),
    ThemeError(
        re.compile(r"^Attribute “autocorrect” not allowed on element “input”"),
        'class="md-search__input"',
        "Material's search box sets Safari's autocorrect, unknown to this checker version",
    ),
)


@dataclass(frozen=True)
class NuError:
    file: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: error: {self.message}"


def _require_checker() -> None:
    missing = []
    if not VNU_JAR.is_file():
        missing.append("vnu.jar (npm ci, as .ci/run does)")
    if shutil.which("java") is None:
        missing.append("java (apt-get install -y default-jre-headless)")
    if missing:
        message = "the Nu HTML checker needs " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def nu_errors(pages: list[Path], root: Path) -> list[NuError]:
    """Every error the Nu checker finds in ``pages`` (file names relative to ``root``)."""
    _require_checker()
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    report = json.loads(result.stderr or result.stdout)
    errors = []
    for message in report["messages"]:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        url = message.get("url", "")
        name = Path(url.removeprefix("file:")).resolve()
        base = root.resolve()
        file = name.relative_to(base).as_posix() if name.is_relative_to(base) else url
        line = message.get("lastLine", 0)
        errors.append(NuError(file, line, message["message"], message.get("extract", "")))
    return sorted(errors, key=lambda e: (e.file, e.line, e.message))


def is_theme_error(error: NuError) -> bool:
    return any(
        known.message.search(error.message) and known.extract in error.extract
        for known in THEME_ERRORS
    )


def our_errors(pages: list[Path], root: Path) -> list[str]:
    return [str(error) for error in nu_errors(pages, root) if not is_theme_error(error)]


def test_html_valid_every_generated_page(example_site: Path) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 50

    assert our_errors(pages, example_site) == []


PAGED_BUDGET = 1_800
"""Small enough to split a 50-paper conference's lists: authors in parts, days in parts,
letters in parts (letter W, its authors with their papers, takes 2,009 bytes)."""


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic conference whose lists are split into pages (generator/paging/)."""
    root = tmp_path_factory.mktemp("paged")
    synth.write(root / "data", 50, seed=3)
    result = build_site(root / "data", root / "site", page_budget=PAGED_BUDGET)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_html_valid_every_page_of_a_paged_site(paged_site: Path) -> None:
    pages = sorted(paged_site.rglob("*.html"))
    names = {page.relative_to(paged_site).as_posix() for page in pages}
    # Each family of generated page is among them, with the parts of a split list.
    assert "papers/p00001/index.html" in names
    assert "program/s0001/index.html" in names
    assert any(re.fullmatch(r"authors/[a-z0-9-]+/2/index\.html", n) for n in names)
    assert any(re.fullmatch(r"authors/letters/[a-z]+/2/index\.html", n) for n in names)
    assert any(re.fullmatch(r"program/days/[0-9-]+/2/index\.html", n) for n in names)
    assert any(re.fullmatch(r"proceedings/[a-z-]+/2/index\.html", n) for n in names)

    assert our_errors(pages, paged_site) == []


def test_html_valid_contents_title_toggles_only_in_the_nav(example_site: Path) -> None:
    # In the nav, the 'on this page' title opens the contents from the nav's own toggle; out
    # of it (paper, author, session pages) there is no toggle, so the title points at none.
    nav_page = (example_site / "program" / "index.html").read_text(encoding="utf-8")
    paper = sorted((example_site / "papers").glob("*/index.html"))[0].read_text("utf-8")

    assert ('id="__toc"' in nav_page, 'for="__toc"' in nav_page) == (True, True)
    assert ('id="__toc"' in paper, 'for="__toc"' in paper) == (False, False)


def test_html_valid_theme_errors_listed_all_still_occur(example_site: Path) -> None:
    # The allowance must not outlive the theme's bugs: each listed error is really there.
    paper = sorted((example_site / "papers").glob("*/index.html"))[0]
    errors = nu_errors([paper], example_site)

    unmatched = [
        known.why
        for known in THEME_ERRORS
        if not any(known.message.search(e.message) and known.extract in e.extract for e in errors)
    ]
    assert unmatched == []


def test_html_valid_injected_errors_reported(example_site: Path, tmp_path: Path) -> None:
    paper = sorted((example_site / "papers").glob("*/index.html"))[0]
    copy = tmp_path / "index.html"
    text = paper.read_text()
    copy.write_text(
        text.replace(
            "</article>", '<img src="figure.png"><p><div>in a paragraph</div></p></article>', 1
        )
    )

    errors = [error.split(": error: ")[1] for error in our_errors([copy], tmp_path)]

    assert errors == [
        "An “img” element must have an “alt” attribute, except under certain conditions. "
        "For details, consult guidance on providing text alternatives for images.",
        "No “p” element in scope but a “p” end tag seen.",
    ]
