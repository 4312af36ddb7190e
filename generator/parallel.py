"""The second core: streams of rendering run in a forked process beside this one.

Rendering is pure Python, so threads would take turns; a forked child shares the model with
the parent for free (copy-on-write) and sends back only a small result (finished pages, or
what a writer needs after writing them). Output stays deterministic: the caller puts the
child's result where a sequential run would have put it. Where fork is missing, with one core,
or with ``CONFSITE_JOBS=1``, the same work simply runs in this process; if the child fails for
any reason, the parent redoes the work itself, so an error surfaces as it would without the
child.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from generator.outputs import BuildResult, CollectingSink, GeneratedFile, GeneratedPage, Stream

JOBS_ENV = "CONFSITE_JOBS"
"""'1' renders in one process (for debugging, or on a machine shared with other work)."""

T = TypeVar("T")
S = TypeVar("S")


def enabled() -> bool:
    if os.environ.get(JOBS_ENV, "").strip() == "1" or (os.cpu_count() or 1) < 2:
        return False
    return "fork" in multiprocessing.get_all_start_methods()


def _child(work: Callable[[], Any], connection: Connection) -> None:
    try:
        connection.send((work(),))
    except BaseException:  # the parent redoes the work and reports the error itself
        connection.send(None)
    finally:
        connection.close()


class Beside(Generic[T]):
    """``work`` started in a child process; ``join`` returns its result."""

    def __init__(self, work: Callable[[], T]) -> None:
        self.work = work
        self.process: Any = None
        self.connection: Connection | None = None
        if enabled():
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            self.process = context.Process(target=_child, args=(work, send), daemon=True)
            self.process.start()
            send.close()
            self.connection = receive

    def join(self) -> T:
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
            return self.work()
        return received[0]


def run_streams(streams: Sequence[S], run: Callable[[S], T]) -> list[T]:
    """``run`` of each item (a stream), in order: the first here, the others beside it."""
    if not streams:
        return []
    beside = [Beside(lambda stream=stream: run(stream)) for stream in streams[1:]]
    return [run(streams[0]), *(child.join() for child in beside)]


def collect(result: BuildResult) -> None:
    """Render the result's streams into its pages and files, in order."""

    def run(stream: Stream) -> tuple[list[GeneratedPage], list[GeneratedFile]]:
        sink = CollectingSink()
        stream(sink)
        return sink.pages, sink.files

    streams, result.streams = result.streams, []
    for pages, files in run_streams(streams, run):
        result.pages += pages
        result.files += files
