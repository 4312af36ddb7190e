"""generator/cli.py through the real command line: exit codes, --strict, and a real build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TOY_DATA, run_confsite, site_config

from generator import cli, cli_common, synth

NO_ABSTRACT_WARNING = "data/papers.yaml:30: warning: paper 'green-serving': no abstract"


@pytest.fixture
def warned_data(tmp_path: Path) -> Path:
    """The toy conference with one warning and no error: a paper without an abstract."""
    shutil.copytree(TOY_DATA, tmp_path / "data")
    papers = tmp_path / "data" / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    papers.write_text(text.replace("    abstract: Serving models on solar power.\n", ""), "utf-8")
    return tmp_path


def test_cli_check_clean_data_exits_0() -> None:
    result = run_confsite("check", "--data", str(TOY_DATA))

    assert (result.returncode, result.stderr) == (
        0,
        f"{TOY_DATA}: ok\n",
    )


@pytest.mark.parametrize(
    "args",
    [(), ("check", "--nope"), ("check", "--data"), ("frobnicate",)],
    ids=["no-command", "unknown-option", "missing-value", "unknown-command"],
)
def test_cli_usage_error_exits_2(args: tuple[str, ...]) -> None:
    result = run_confsite(*args)

    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith("usage: confsite")
    assert "Traceback" not in result.stderr


def test_cli_check_warning_without_strict_exits_0(warned_data: Path) -> None:
    result = run_confsite("check", "--data", "data", cwd=warned_data)

    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        NO_ABSTRACT_WARNING,
        "0 error(s), 1 warning(s)",
        "data: ok",
    ]


def test_cli_check_strict_with_a_warning_exits_1(warned_data: Path) -> None:
    result = run_confsite("check", "--strict", "--data", "data", cwd=warned_data)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [NO_ABSTRACT_WARNING, "0 error(s), 1 warning(s)"]


def test_cli_build_strict_with_a_warning_exits_1_and_builds_nothing(warned_data: Path) -> None:
    site = warned_data / "site"

    result = run_confsite(
        "build", "--strict", "--data", str(warned_data / "data"), "--site-dir", str(site)
    )

    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "build stopped: the data has problems; the previous site is unchanged"
    )
    assert site.exists() is False


def test_cli_build_toy_site(tmp_path: Path) -> None:
    site = tmp_path / "site"

    result = run_confsite("build", "--strict", "--data", str(TOY_DATA), "--site-dir", str(site))

    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == f"site built in {site}/"
    built = sorted(
        str(p.relative_to(site)) for p in site.rglob("index.html") if "papers" in p.parts
    )
    assert built == [
        "papers/green-serving/index.html",
        "papers/log-attention/index.html",
        "papers/tiny-tensors/index.html",
    ]
    assert (site / "proceedings" / "proceedings.bib").is_file()


def test_cli_build_with_errors_keeps_the_previous_site(tmp_path: Path) -> None:
    shutil.copytree(TOY_DATA, tmp_path / "data")
    (tmp_path / "data" / "papers.yaml").write_text("papers: 5\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")

    result = run_confsite("build", "--data", "data", "--site-dir", "site", cwd=tmp_path)

    assert result.returncode == 1
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert "Traceback" not in result.stderr


def test_cli_build_options_replace_the_plugin_settings_given(tmp_path: Path) -> None:
    """--page-budget, --no-frames and --jobs win over the conference plugin's settings in
    mkdocs.yml; what the command line does not give keeps mkdocs.yml's."""
    data = tmp_path / "data"
    synth.write(data, 30, seed=3)
    config = site_config(tmp_path / "project", data, page_budget=3_000)
    build = ("build", "--strict", "--config-file", str(config), "--data", str(data))

    small = run_confsite(*build, "--site-dir", str(tmp_path / "small"))
    framed = run_confsite(*build, "--site-dir", str(tmp_path / "framed"), "--page-budget", "200000")
    plain = run_confsite(
        *build, "--site-dir", str(tmp_path / "plain"), "--page-budget", "200000", "--no-frames"
    )

    assert [small.returncode, framed.returncode, plain.returncode] == [0, 0, 0], plain.stderr
    assert (tmp_path / "small" / "authors" / "letters").is_dir()  # mkdocs.yml's budget
    assert not (tmp_path / "framed" / "authors" / "letters").exists()
    # Without frames every page goes through the theme one by one: the same bytes.
    page = Path("papers") / "p00001" / "index.html"
    assert (tmp_path / "plain" / page).read_bytes() == (tmp_path / "framed" / page).read_bytes()


def test_cli_build_flags_become_build_options() -> None:
    args = cli._parser().parse_args(
        ["build", "--data", "d", "--no-frames", "--jobs", "1", "--page-budget", "5000"]
    )
    given = cli_common.given_options(args)

    assert given == {
        "data_dir": Path("d").resolve(),
        "frames": False,
        "jobs": 1,
        "page_budget": 5000,
    }
    assert cli_common.given_options(cli._parser().parse_args(["build"])) == {
        "data_dir": Path("data").resolve()
    }


@pytest.mark.parametrize("flag", ["--jobs", "--page-budget"])
def test_cli_build_option_must_be_a_positive_number(flag: str) -> None:
    result = run_confsite("build", "--data", str(TOY_DATA), flag, "0")

    assert result.returncode == 2
    assert f"argument {flag}: '0' is not a positive whole number" in result.stderr
