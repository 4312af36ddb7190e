"""The second core: streams of rendering run in a forked process beside this one.

Rendering is pure Python, so threads would take turns; a forked child shares the model with
the parent for free (copy-on-write) and sends back only a small result (finished pages, or
what a writer needs after writing them). Output stays deterministic: the caller puts the
child's result where a sequential run would have put it. If the child fails for any reason,
the parent redoes the work itself, so an error surfaces as it would without the child.

A fork is only made where it is safe (``fork_is_safe``): on Linux, and while no other thread
is alive in the process. A thread may hold a lock (logging's, the allocator's, a watcher's)
at the moment of the fork, and the child would wait for it forever; macOS's system libraries
are not fork-safe at all (Python's own default there is to spawn). So ``mkdocs serve`` and the
background builds of ``confsite serve``, which run beside server threads, render in one
process, and so does every platform but Linux: the same work, the same bytes.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from generator.outputs import BuildResult, CollectingSink, GeneratedFile, GeneratedPage, Stream

T = TypeVar("T")
S = TypeVar("S")


def cpus() -> int:
    """CPUs this process may run on (``taskset`` and container limits count, unlike
    ``os.cpu_count``)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _threads() -> int:
    """Threads alive in the process: Python's, and on Linux the system's (a library may run
    threads Python does not know of)."""
    try:
        system = len(os.listdir("/proc/self/task"))
    except OSError:
        system = 1
    return max(threading.active_count(), system)


def fork_is_safe() -> bool:
    """Whether this process may fork a renderer now: Linux, fork available, one thread."""
    return sys.platform == "linux" and hasattr(os, "fork") and _threads() == 1


def forks(jobs: int | None) -> bool:
    """Whether work for ``jobs`` processes (None: one per CPU) gets a forked child here."""
    wanted = cpus() if jobs is None else jobs
    return wanted > 1 and fork_is_safe()


def _child(work: Callable[[], Any], connection: Connection) -> None:
    try:
        connection.send((work(),))
    except BaseException:  # the parent redoes the work and reports the error itself
        connection.send(None)
    finally:
        connection.close()


class Beside(Generic[T]):
    """``work`` started in a child process (where ``forks(jobs)``); ``join`` returns its
    result, computed here when there is no child or the child failed."""

    def __init__(self, work: Callable[[], T], jobs: int | None = None) -> None:
        self.work = work
        self.process: Any = None
        self.connection: Connection | None = None
        if forks(jobs):
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


def run_streams(streams: Sequence[S], run: Callable[[S], T], jobs: int | None) -> list[T]:
    """``run`` of each item (a stream), results in order, on at most ``jobs`` processes (None:
    one per CPU): the streams dealt round-robin into that many groups, the first group run
    here, each other in one child. A series has two streams per edition; a child per stream
    had forty processes contend for two cores at twenty editions."""
    if not streams:
        return []
    groups = max(1, min(len(streams), cpus() if jobs is None else jobs))

    def group(first: int) -> list[T]:
        return [run(stream) for stream in streams[first::groups]]

    beside = [Beside(functools.partial(group, first), jobs) for first in range(1, groups)]
    done = [group(0), *(child.join() for child in beside)]
    return [done[number % groups][number // groups] for number in range(len(streams))]


def collect(result: BuildResult, jobs: int | None) -> None:
    """Render the result's streams into its pages and files, in order."""

    def run(stream: Stream) -> tuple[list[GeneratedPage], list[GeneratedFile]]:
        sink = CollectingSink()
        stream(sink)
        return sink.pages, sink.files

    streams, result.streams = result.streams, []
    for pages, files in run_streams(streams, run, jobs):
        result.pages += pages
        result.files += files
