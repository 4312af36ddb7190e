"""`confsite build` and `confsite serve` without the Unix-only calls, as on Windows.

The real command line runs in an interpreter from which ``os.fork``, ``os.forkpty``,
``os.symlink``, ``os.setsid`` and ``os.sched_getaffinity`` were deleted before confsite was
imported: a build that swapped folders with a symlink, removed the retired site from a
double-forked, new-session process, or rendered in a forked child without asking would fail
here with an AttributeError, as it would on Windows.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from test_serve import abstract_start, free_port, new_project, replace_once, searchable, serving

WITHOUT_UNIX = """
import os, sys
for name in ("fork", "forkpty", "symlink", "setsid", "sched_getaffinity"):
    if hasattr(os, name):
        delattr(os, name)
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def confsite_without_unix(*args: str) -> list[str]:
    return [sys.executable, "-c", WITHOUT_UNIX, *args]


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith(".site."))


def test_portable_build_replaces_the_site_without_unix_calls(tmp_path: Path) -> None:
    project = new_project(tmp_path, papers=12)
    build = confsite_without_unix("build", "--strict")

    first = subprocess.run(build, cwd=project, capture_output=True, text=True, timeout=600)
    (project / "site" / "stale.html").write_text("from the first build", encoding="utf-8")
    second = subprocess.run(build, cwd=project, capture_output=True, text=True, timeout=600)

    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert "Traceback" not in first.stderr + second.stderr
    assert (project / "site" / "papers" / "p00012" / "index.html").is_file()
    assert not (project / "site" / "stale.html").exists()
    deadline = time.monotonic() + 30  # the retired site is deleted by a child process
    while leftovers(project) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(project) == []


def test_portable_serve_edits_and_swaps_builds_without_unix_calls(tmp_path: Path) -> None:
    project = new_project(tmp_path, papers=12)
    port = free_port()
    command = confsite_without_unix("serve", "--dev-addr", f"127.0.0.1:{port}")

    with serving(command, project, port) as server:
        assert "p00005" in server.get("papers/p00005/")
        replace_once(project / "data" / "papers.yaml", abstract_start("p00005"), r"\1Kakapo. ")

        server.wait_for("the quick edit", lambda: "Kakapo." in server.get("papers/p00005/"), 30)
        # The background build is swapped in by pointing the server at its folder.
        server.wait_for("the swap", lambda: "every page is current" in server.output(), 60)
        assert "Kakapo." in server.get("papers/p00005/")
        assert searchable(server, "kakapo")
        assert "Traceback" not in server.output()
        assert "AttributeError" not in server.output()
