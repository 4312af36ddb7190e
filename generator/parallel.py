"""The second core: part of the rendering runs in a forked process beside the rest.

Rendering is pure Python, so threads would take turns; a forked child shares the model with
the parent for free (copy-on-write) and sends back only its finished pages and files. Output
stays deterministic: the child's pages are appended where a sequential run would have put
them. Where fork is missing, with one core, or with ``CONFSITE_JOBS=1``, the same work simply
runs in this process; if the child fails for any reason, the parent redoes the work itself,
so an error surfaces as it would without the child.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from generator.outputs import BuildResult

JOBS_ENV = "CONFSITE_JOBS"
"""'1' renders in one process (for debugging, or on a machine shared with other work)."""

Work = Callable[[BuildResult], None]


def _enabled() -> bool:
    if os.environ.get(JOBS_ENV, "").strip() == "1" or (os.cpu_count() or 1) < 2:
        return False
    return "fork" in multiprocessing.get_all_start_methods()


def _child(work: Work, connection: Connection) -> None:
    result = BuildResult()
    try:
        work(result)
        connection.send((result.pages, result.files))
    except BaseException:  # the parent redoes the work and reports the error itself
        connection.send(None)
    finally:
        connection.close()


class Beside:
    """Work started in a child process; ``join_into`` adds its pages and files to a result."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.process: Any = None
        self.connection: Connection | None = None
        if _enabled():
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            self.process = context.Process(target=_child, args=(work, send), daemon=True)
            self.process.start()
            send.close()
            self.connection = receive

    def join_into(self, result: BuildResult) -> None:
        received = None
        if self.connection is not None:
            try:
                received = self.connection.recv()
            except (EOFError, OSError):
                received = None
            finally:
                self.connection.close()
                self.process.join()
        if received is None:
            self.work(result)
            return
        pages, files = received
        result.pages.extend(pages)
        result.files.extend(files)
