"""Hostile sizes and shapes: a clear error at a line, quickly, in bounded memory; never a crash.

Alias bombs, merge-key bombs, deep nesting (which crashes libyaml's C composer if it gets that
far), a 50 MB file and a 5 MB abstract each replace part of the toy conference. The fast cases
run in-process; the ones that could kill the interpreter run the real command line in a child
with a memory ceiling and a timeout.
"""

from __future__ import annotations

import codecs
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, TOY_DATA

from generator.build import build_outputs
from generator.load.yaml_source import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUE_CHARS
from generator.validate import load_and_validate

MEMORY_CEILING = 1024 * 2**20
"""Address space a `confsite check` child may use; a blow-up hits it instead of the machine."""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(TOY_DATA, folder)
    return folder


def check(folder: Path) -> list[str]:
    """`load_and_validate` in-process: the diagnostics as `PATH:LINE: severity: message`."""
    started = time.monotonic()
    _model, diagnostics = load_and_validate(folder)
    assert time.monotonic() - started < 10
    return [
        f"{Path(d.location.path).name}:{d.location.line}: {d.severity.value}: {d.message}"
        for d in diagnostics.sorted()
    ]


def check_in_child(folder: Path) -> subprocess.CompletedProcess[str]:
    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))

    return subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_memory,
    )


def laughs(levels: int = 9) -> str:
    lines = ["  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_limits_billion_laughs_is_an_error_at_the_anchor(data: Path) -> None:
    (data / "papers.yaml").write_text("papers:\n" + laughs(), encoding="utf-8")

    problems = check(data)

    assert [p for p in problems if p.startswith("papers.yaml")] == [
        "papers.yaml:7: error: aliases (*name) of the anchor on this line expand the data to "
        "more than 2,000,000 values; write the values out instead"
    ]


def test_limits_billion_laughs_under_a_memory_ceiling(data: Path) -> None:
    (data / "papers.yaml").write_text(
        "papers:\n  - id: x\n    title: t\n    authors: [a]\n    topics:\n"
        + laughs().replace("  - ", "      - "),
        encoding="utf-8",
    )

    done = check_in_child(data)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "expand the data to more than 2,000,000 values" in done.stderr


def test_limits_merge_key_bomb_is_bounded(data: Path) -> None:
    lines = ["defaults:", "  m0: &m0 {k0: v}"]
    lines += [f"  m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], k{i}: v}}" for i in range(1, 40)]
    (data / "sponsors.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    problems = [p for p in check(data) if p.startswith("sponsors.yaml")]

    # PyYAML < 6.0.4 copies a merged mapping once per '<<:' (2^39 keys here): the loader stops it
    # at its key limit. PyYAML 6.0.4 merges each key once, so the file loads in linear size and
    # only its unknown top-level key is reported. Either way the check ends with a clear error.
    merge_limit = "sponsors.yaml:15: error: '<<:' merges give this mapping more than 10,000 keys"
    if problems[0] == merge_limit:
        assert problems == [merge_limit]
    else:
        assert problems[0].startswith("sponsors.yaml:1: error: missing the top-level key")
        assert len(problems) == 2


def test_limits_alias_to_itself_is_an_error(data: Path) -> None:
    (data / "sponsors.yaml").write_text("sponsors: &loop\n  - *loop\n", encoding="utf-8")

    problems = check(data)

    assert problems == [
        "sponsors.yaml:1: error: this list or mapping contains itself through an alias"
    ]


@pytest.mark.parametrize(
    ("shape", "text", "line"),
    [
        ("flow", "sponsors: " + "[" * 100_000 + "]" * 100_000 + "\n", 1),
        ("lines", "sponsors:\n" + "  [\n" * 30_000 + "  ]\n" * 30_000, 65),
        ("block", "".join("  " * i + f"k{i}:\n" for i in range(3_000)) + "  " * 3_000 + "v\n", 65),
    ],
    ids=["flow", "lines", "block"],  # the test id lands in the child's environment
)
def test_limits_deep_nesting_is_an_error_not_a_crash(
    data: Path, shape: str, text: str, line: int
) -> None:
    (data / "sponsors.yaml").write_text(text, encoding="utf-8")

    done = check_in_child(data)

    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0].endswith(
        f"sponsors.yaml:{line}: error: lists and mappings nest more than {MAX_DEPTH} levels "
        "deep here; data files need a handful"
    )


def test_limits_moderate_nesting_in_big_files_still_loads(data: Path) -> None:
    """Thousands of `[...]` make the quick bound fail; the exact count must then pass them."""
    papers = (data / "papers.yaml").read_text(encoding="utf-8")
    filler = "".join(f"# [{i}] {{comment}}\n" for i in range(2_000))

    (data / "papers.yaml").write_text(filler + papers, encoding="utf-8")

    assert [p for p in check(data) if "error" in p] == []


def test_limits_50_mb_data_file_is_refused_quickly(data: Path) -> None:
    block = (data / "papers.yaml").read_text(encoding="utf-8").split("papers:\n", 1)[1]
    target = 50 * 2**20
    with (data / "papers.yaml").open("w", encoding="utf-8") as out:
        out.write("papers:\n")
        written = 0
        while written < target:
            out.write(block)
            written += len(block)
    started = time.monotonic()

    problems = check(data)

    assert time.monotonic() - started < 5
    size = (data / "papers.yaml").stat().st_size / 2**20
    assert [p for p in problems if p.startswith("papers.yaml")] == [
        f"papers.yaml:1: error: the file is {size:.1f} MB; data files are limited to "
        f"{MAX_FILE_BYTES // 2**20} MB (10,000 papers with abstracts take about 17 MB): is it "
        "the right file?"
    ]


def test_limits_50_mb_bibtex_file_is_refused(data: Path) -> None:
    with (data / "proceedings.bib").open("ab") as out:
        out.truncate(50 * 2**20)  # sparse: cheap to make, and never read

    problems = check(data)

    assert [p.split(";")[0] for p in problems if p.startswith("proceedings.bib")] == [
        "proceedings.bib:1: error: the file is 50.0 MB"
    ]


def test_limits_5_mb_abstract_is_an_error_at_its_line(data: Path) -> None:
    papers = (data / "papers.yaml").read_text(encoding="utf-8")
    old = "      We compile tensor programs for devices with **256 KiB** of memory.\n"
    assert papers.count(old) == 1
    huge = "      " + "Tensors and more tensors. " * (5 * 2**20 // 26) + "\n"
    (data / "papers.yaml").write_text(papers.replace(old, huge), encoding="utf-8")

    problems = check(data)

    assert [p.split(" characters")[0] for p in problems] == [
        f"papers.yaml:11: error: this value is {len(huge) - 6:,}"
    ]
    assert f"the limit is {MAX_VALUE_CHARS:,}" in problems[0]


def test_limits_bom_and_crlf_are_accepted(data: Path) -> None:
    expected = check(data)
    for path in sorted(data.iterdir()):
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))

    assert check(data) == expected


def test_limits_old_mac_line_endings_keep_line_numbers(data: Path) -> None:
    papers = data / "papers.yaml"
    papers.write_text(
        papers.read_text(encoding="utf-8").replace("session: s-compilers", "session: s-compiler"),
        encoding="utf-8",
    )
    expected = check(data)
    papers.write_bytes(papers.read_bytes().replace(b"\n", b"\r"))

    assert check(data) == expected
    assert any(p.startswith("papers.yaml:14: error:") for p in expected)


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("utf-16", "speakers.yaml:1: error: the file is encoded as UTF-16, not UTF-8"),
        ("utf-32", "speakers.yaml:1: error: the file is encoded as UTF-32, not UTF-8"),
        ("utf-16-le", "speakers.yaml:1: error: the file contains NUL bytes"),
        ("latin-1", "speakers.yaml:8: error: byte 0xe4 is not valid UTF-8"),
        ("cp1252", "speakers.yaml:8: error: byte 0xe4 is not valid UTF-8"),
    ],
)
def test_limits_other_encodings_are_named_with_a_line(
    data: Path, encoding: str, message: str
) -> None:
    speakers = data / "speakers.yaml"
    text = speakers.read_text(encoding="utf-8").replace("Ada builds", "Adä builds “tiny”")
    speakers.write_bytes(text.encode(encoding, errors="replace"))

    problems = check(data)

    assert [p.split(";")[0].split(":", 3)[:3] for p in problems] == [message.split(":", 3)[:3]]
    assert problems[0].startswith(message)
    assert problems[0].endswith(
        "save the file as UTF-8 (in most editors: 'Save with encoding' -> UTF-8)"
    )


def test_limits_utf16_bibtex_is_named(data: Path) -> None:
    bib = data / "proceedings.bib"
    bib.write_bytes(bib.read_text(encoding="utf-8").encode("utf-16"))

    problems = check(data)

    assert [p.split(";")[0] for p in problems] == [
        "proceedings.bib:1: error: the file is encoded as UTF-16, not UTF-8"
    ]


def test_limits_deeply_braced_bibtex_is_a_bounded_success(data: Path) -> None:
    """20,000 nested braces in the volume's titles (decoded for the proceedings page)."""
    bib = data / "proceedings.bib"
    text = bib.read_text(encoding="utf-8")
    deep = "{" * 20_000 + "Volume" + "}" * 20_000
    for key in ("title     = ", "booktitle = "):
        old = key + "{Proceedings of ToyConf 2030}"
        assert old in text
        text = text.replace(old, key + "{" + deep + "}", 1)  # the first: the @proceedings
    bib.write_text(text, encoding="utf-8")

    done = check_in_child(data)
    result = build_outputs(data)

    assert (done.returncode, done.stderr) == (0, f"{data}: ok\n")
    assert result.ok
    proceedings = next(page for page in result.pages if page.uri == "proceedings/index.md")
    assert "Volume" in proceedings.html
