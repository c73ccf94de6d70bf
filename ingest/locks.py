"""An exclusive file lock for a short critical section (blocking; released on exit).

Why one helper: opening a new embedded store and saving a lexical index directory are
both "one process at a time" sections guarded the same way. The ingest's own writer lock
(``Store.writer_lock``) waits with a timeout and a message instead, so it keeps its loop.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def file_lock(path: Path, create: bool = True) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the block; without ``create`` and no such
    file, or where it cannot be opened (a read-only store), run the block unlocked."""
    try:
        fh = path.open("a+") if create or path.exists() else None
    except OSError:
        fh = None
    if fh is None:
        yield
        return
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield
