"""Atomic publishing: a site is built into a fresh folder and swapped in only when it is whole.

A failed build leaves the previous site untouched, byte for byte, and a reader of the site
folder sees the old site or the new one, never half of each. Engine-free: every site builder
builds into the folder ``staged`` gives it.

Deleting the retired site (the ~60,000 files of a 10,000-paper site take seconds to unlink)
is left to a separate process, so the build need not wait for it. That process is an
ordinary child (``subprocess``: no fork, no new session, the same on every platform); a
retired folder it did not finish (the machine stopped, say) is removed by the next build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SITE_MODE = 0o755
"""The published folder's mode: mkdtemp makes 0700, and a web server must be able to read it."""
_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def _staging_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.new-"


def _retired_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.old-"


@contextmanager
def staged(site_dir: Path) -> Iterator[Path]:
    """A fresh folder beside ``site_dir`` to build into; published as ``site_dir`` when the
    block ends without an error, removed when it raises (the error goes on)."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(site_dir), dir=site_dir.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, site_dir)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put the finished ``staging`` folder in the place of ``site_dir`` and have the retired
    site (and any an earlier run left behind) deleted without waiting."""
    retired = None
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=_retired_prefix(site_dir), dir=site_dir.parent))
        retired.rmdir()
        site_dir.rename(retired)
    staging.rename(site_dir)
    site_dir.chmod(SITE_MODE)
    for folder in sorted(site_dir.parent.glob(_retired_prefix(site_dir) + "*")):
        remove_in_background(folder)


def remove_in_background(folder: Path) -> None:
    """Delete ``folder`` in a child process that outlives this one if need be; where no child
    can be started, delete it here."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", _REMOVE, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
