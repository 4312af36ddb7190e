"""A digest of the files a model is read from: what the build cache keys an edition's
rendering by (generator/build_cache.py).

Taken before the files are read and again after: when the two differ (an editor saved a file
while it was being read), the model matches neither for certain, and its digest is "" (never
replayed, never recorded).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def files_digest(root: Path, paths: Iterable[Path]) -> str:
    """Every one of ``paths`` that is a file, by its path under ``root`` and its bytes (a
    missing file counts as missing)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        name = path.relative_to(root).as_posix().encode()
        try:
            content = path.read_bytes() if path.is_file() else None
        except OSError:
            content = None
        digest.update(b"\0" + name + (b"\0absent" if content is None else b"\0" + content))
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    """Every file under ``folder`` but those in folders whose name starts with a dot (.git,
    .cache: not data)."""
    if not folder.is_dir():
        return files_digest(folder, ())
    found = (
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts[:-1])
    )
    return files_digest(folder, found)


def read_with_digest(read: Callable[[], T], digest: Callable[[], str]) -> tuple[T, str]:
    """What ``read`` returns, and the digest of its files ("" when they changed meanwhile)."""
    before = digest()
    value = read()
    return value, before if digest() == before else ""
