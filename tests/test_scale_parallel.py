"""The second core: rendering beside the main process gives the same result, errors included,
and a child is forked only where that is safe (Linux, no other thread alive).

Whether a child runs depends on the process: a pytest process may hold threads of earlier
tests (a served site), which rightly stops forking. So the tests that need a child run their
code in a fresh interpreter, as ``confsite build`` runs, and ask for two processes explicitly
(``jobs=2``), which holds on a one-CPU machine too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from generator import parallel
from generator.options import BuildOptions
from generator.outputs import BuildResult
from generator.pages import render_site
from generator.validate import load_and_validate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "2027"  # the example series' current edition


def _render(jobs: int) -> BuildResult:
    data, _diagnostics = load_and_validate(EXAMPLE)
    assert data is not None
    result = BuildResult()
    render_site(data, result, BuildOptions(jobs=jobs))
    return result


def _in_fresh_process(code: str) -> object:
    """What ``code`` prints (JSON) when run in a new interpreter with no other thread."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_parallel_render_equals_sequential_render() -> None:
    sequential = _render(1)
    beside = _render(2)
    assert [p.uri for p in beside.pages] == [p.uri for p in sequential.pages]
    assert beside.pages == sequential.pages
    assert beside.files == sequential.files


def test_parallel_child_results_follow_the_parent_s() -> None:
    results, parent = _in_fresh_process(
        """
        import json, os
        from generator import parallel
        found = parallel.run_streams(["a", "b"], lambda name: (name, os.getpid()), jobs=2)
        print(json.dumps([found, os.getpid()]))
        """
    )
    assert [name for name, _pid in results] == ["a", "b"]
    assert results[0][1] == parent
    assert results[1][1] != parent  # run in another process


def test_parallel_many_streams_use_no_more_processes_than_jobs() -> None:
    """A series' forty streams on two jobs: two processes, results in the streams' order."""
    results, parent = _in_fresh_process(
        """
        import json, os
        from generator import parallel
        names = [f"s{n}" for n in range(41)]
        found = parallel.run_streams(names, lambda name: (name, os.getpid()), jobs=2)
        print(json.dumps([found, os.getpid()]))
        """
    )
    assert [name for name, _pid in results] == [f"s{n}" for n in range(41)]
    pids = {pid for _name, pid in results}
    assert len(pids) == 2 and parent in pids
    assert {pid for name, pid in results if int(name[1:]) % 2 == 0} == {parent}


def test_parallel_stream_pages_and_files_keep_site_order() -> None:
    uris, contents = _in_fresh_process(
        """
        import json, os
        from generator import parallel
        from generator.outputs import BuildResult, GeneratedFile
        result = BuildResult()
        result.files.append(GeneratedFile("eager.txt", ""))
        result.streams += [
            lambda sink: sink.file(GeneratedFile("first.txt", str(os.getpid()))),
            lambda sink: sink.file(GeneratedFile("second.txt", str(os.getpid()))),
        ]
        parallel.collect(result, jobs=2)
        assert result.streams == []
        print(json.dumps([[f.uri for f in result.files], [f.content for f in result.files]]))
        """
    )
    assert uris == ["eager.txt", "first.txt", "second.txt"]
    assert contents[1] != contents[2]  # the second stream ran in the child


def test_parallel_error_in_the_child_is_raised_by_the_parent() -> None:
    raised = _in_fresh_process(
        """
        import json
        from generator import parallel

        def broken():
            raise ValueError("bad session")

        beside = parallel.Beside(broken, jobs=2)
        forked = beside.process is not None
        try:
            beside.join()
        except ValueError as error:
            print(json.dumps([forked, str(error)]))
        """
    )
    assert raised == [True, "bad session"]


def test_parallel_no_fork_while_another_thread_runs() -> None:
    """A thread may hold a lock at the moment of a fork (``mkdocs serve`` runs several):
    the work is then done in this process."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        safe = parallel.fork_is_safe()
        results = parallel.run_streams(["a", "b"], lambda name: (name, os.getpid()), jobs=2)
    finally:
        stop.set()
        thread.join()

    assert safe is False
    assert results == [("a", os.getpid()), ("b", os.getpid())]


def test_parallel_one_cpu_renders_in_one_process_unless_asked() -> None:
    decided = _in_fresh_process(
        """
        import json, os
        from generator import parallel
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # as `taskset -c 0`
        print(json.dumps([parallel.cpus(), parallel.forks(None), parallel.forks(1),
                          parallel.forks(2)]))
        """
    )
    assert decided == [1, False, False, True]


def test_parallel_no_fork_where_the_platform_has_none() -> None:
    decided = _in_fresh_process(
        """
        import json, os
        del os.fork
        from generator import parallel
        beside = parallel.Beside(lambda: os.getpid(), jobs=2)
        print(json.dumps([parallel.fork_is_safe(), beside.process is None,
                          beside.join() == os.getpid()]))
        """
    )
    assert decided == [False, True, True]
