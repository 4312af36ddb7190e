"""Fuzzing the data folder: whatever a data file holds, checking ends in diagnostics or a pass.

Hypothesis mutates each file of the toy conference (YAML and BibTeX edits that break syntax,
structure and types), replaces files with random bytes, and writes random YAML documents in
their place. ``load_and_validate`` must return diagnostics that name a data file and a line
(1 or more), never raise; when the data still validates, the core build must render it.
Runs are derandomized (the same examples every time) and bounded to keep the suite fast.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import bibtexparser
import icalendar
import yaml
from conftest import TOY_DATA, run_confsite
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.build import build_outputs
from generator.validate import load_and_validate

YAML_FILES = tuple(sorted(p.name for p in TOY_DATA.glob("*.yaml")))
ALL_FILES = (*YAML_FILES, "proceedings.bib")
ORIGINAL = {name: (TOY_DATA / name).read_text(encoding="utf-8") for name in ALL_FILES}

FUZZ = settings(
    max_examples=120,
    deadline=3000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

YAML_PIECES = [
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!binary ", "!tag ",
    "|", ">", "'", '"', "#", "\n", "  ", "\t", "%YAML 1.1\n", "---\n", "...\n", "<<: *a",
    "? ", "@", "`", "\\", "~", "null", "true", "0x1F", "1e400", "2027-13-45", "25:61", "\x85",
    "\ufeff", "\u2028", "é", "$x$", "<script>", "{{", "%", "\r",
]  # fmt: skip
BIBTEX_PIECES = [
    "@", "@inproceedings{", "@string{x = ", "{", "}", ",", "=", '"', "#", "%", "\\", "\\'",
    "{\\", "\n", " and ", "author = ", "title = ", "@comment", "@preamble{", "é", "$", "~",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, text: str, pieces: list[str]) -> str:
    """``text`` after a few random edits: deletions, insertions, duplicated or moved lines."""
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "move", "indent"]))
        at = draw(st.integers(0, len(text)))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "insert":
            piece = draw(st.sampled_from(pieces) | st.text(max_size=6))
            text = text[:at] + piece + text[at:]
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            if kind == "duplicate":
                lines.insert(index, lines[index])
            elif kind == "move":
                lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(index))
            else:
                lines[index] = " " * draw(st.integers(0, 9)) + lines[index].lstrip()
            text = "\n".join(lines)
    return text


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.sampled_from(["2027-04-12", "10:30", "p1", "s-compilers", "software", "https://x.example"])
)
KEYS = st.sampled_from(
    ["id", "name", "title", "authors", "session", "topics", "start", "end", "date", "kind",
     "papers", "days", "sessions", "speakers", "sponsors", "organizing", "program_committee",
     "venue", "url", "year", "timezone", "links", "pdf", "area", "tier", "abstract", "x"]
)  # fmt: skip
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)


@contextmanager
def data_folder(replacements: dict[str, bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(TOY_DATA, folder)
        for name, content in replacements.items():
            (folder / name).write_bytes(content)
        yield folder


def assert_checks_cleanly(folder: Path) -> None:
    """Diagnostics with a data file and a line, or a model the core build can render."""
    model, diagnostics = load_and_validate(folder)
    for diagnostic in diagnostics.items:
        assert Path(diagnostic.location.path).name in ALL_FILES, diagnostic
        assert diagnostic.location.line >= 1, diagnostic
        assert diagnostic.message.strip(), diagnostic
    if diagnostics.has_errors():
        assert model is None
    else:
        assert model is not None
        result = build_outputs(folder)
        assert result.ok
        assert result.pages
        assert_downloads_parse(result.files)


def assert_downloads_parse(files: list) -> None:
    """Whatever the data held, every download still parses as its format."""
    for generated in files:
        content = generated.content
        if generated.uri.endswith(".bib"):
            library = bibtexparser.parse_string(content)
            assert library.failed_blocks == [], (generated.uri, content)
        elif generated.uri.endswith(".json"):
            json.loads(content)
        elif generated.uri.endswith(".ics"):
            icalendar.Calendar.from_ical(content)
        elif generated.uri.endswith(".xml"):
            etree.fromstring(content.encode("utf-8") if isinstance(content, str) else content)


@FUZZ
@given(data=st.data(), name=st.sampled_from(YAML_FILES))
def test_fuzz_mutated_yaml(data: st.DataObject, name: str) -> None:
    text = data.draw(mutated(ORIGINAL[name], YAML_PIECES))

    with data_folder({name: text.encode("utf-8", errors="surrogatepass")}) as folder:
        assert_checks_cleanly(folder)


@FUZZ
@given(text=mutated(ORIGINAL["proceedings.bib"], BIBTEX_PIECES))
def test_fuzz_mutated_bibtex(text: str) -> None:
    with data_folder({"proceedings.bib": text.encode("utf-8", errors="surrogatepass")}) as folder:
        assert_checks_cleanly(folder)


@FUZZ
@given(name=st.sampled_from(ALL_FILES), content=st.binary(max_size=600))
def test_fuzz_random_bytes(name: str, content: bytes) -> None:
    with data_folder({name: content}) as folder:
        assert_checks_cleanly(folder)


@FUZZ
@given(name=st.sampled_from(YAML_FILES), document=DOCUMENTS)
def test_fuzz_random_yaml_documents(name: str, document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)

    with data_folder({name: text.encode("utf-8")}) as folder:
        assert_checks_cleanly(folder)


@settings(FUZZ, max_examples=60)  # most swaps still validate, so each renders the site too
@given(data=st.data(), name=st.sampled_from(YAML_FILES))
def test_fuzz_structure_swaps_keep_lines(data: st.DataObject, name: str) -> None:
    """Values replaced with values of other types: the validators' type checks at work."""
    text = ORIGINAL[name]
    values = list(re.finditer(r"(?<=: )[^\n]+", text))
    match = data.draw(st.sampled_from(values))
    replacement = data.draw(
        st.sampled_from(["[1, 2]", "{a: b}", "null", "true", "12", "1.5", '""', "[]", "{}"])
    )
    text = text[: match.start()] + replacement + text[match.end() :]

    with data_folder({name: text.encode("utf-8")}) as folder:
        assert_checks_cleanly(folder)


LINE = re.compile(r"^\S[^:]*:\d+: (error|warning): \S")


def test_fuzz_cli_on_garbage_in_every_file(tmp_path: Path) -> None:
    """The real command line on a few fixed broken folders: exit 1, one line per problem."""
    garbage = {
        "random": bytes(range(256)) * 3,
        "unclosed": b"papers: [\n  {id: x, title: 'y\n",
        "tabs": b"papers:\n\t- id: x\n",
        "bib-only": b"@inproceedings{x, title = {unclosed\n",
    }
    for label, content in garbage.items():
        folder = tmp_path / label
        shutil.copytree(TOY_DATA, folder)
        for name in ALL_FILES:
            (folder / name).write_bytes(content)

        done = run_confsite("check", "--data", str(folder))

        assert done.returncode == 1, (label, done.stderr)
        lines = done.stderr.splitlines()
        assert "Traceback" not in done.stderr, label
        assert lines[-1].endswith("warning(s)"), label
        assert [line for line in lines[:-1] if not LINE.match(line)] == [], label
