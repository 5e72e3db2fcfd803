"""What is wrong with a store that cannot be used, said in the user's language instead of a traceback.

A store can be missing (a mistyped ``--db``), not a DuckDB file at all, cut short (a copy or a disk that filled
up), read-only (a read-only mount, file mode, an immutable flag), held by another process, or written by a newer
Kancil Nari. Each is a ``StoreProblem`` with its own message (``kancil/messages/store.py``) and exit status, so the
dashboard and every command answer the same way. The checks are cheap (a stat, 16 bytes of header, one read-only
open): the commands run them once before they start, the dashboard once per store version.
``connection.diagnose`` runs them; the open is there, so this module imports no connection code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kancil.i18n import t

EXIT_INPUT = 2  # the user's input: a path that does not exist (mistyped --db), a bad argument
EXIT_STORE = 70  # an unusable store: not a store, cut short, read-only, newer schema (sysexits EX_SOFTWARE)
EXIT_BUSY = 75  # another process kept the store locked: try again later (sysexits EX_TEMPFAIL)

HEADER_BYTES = 3 * 4096  # DuckDB's file header and its two database headers come before the first block
MAGIC_OFFSET, MAGIC = 8, b"DUCK"

KINDS = ("missing", "not_store", "truncated", "read_only", "locked", "newer_schema", "unreadable")


@dataclass(frozen=True)
class StoreProblem:
    """Why the store at ``path`` cannot be used; ``detail`` is the technical reason, shown after the message."""

    kind: str
    path: Path
    detail: str = ""

    @property
    def exit_code(self) -> int:
        if self.kind == "missing":
            return EXIT_INPUT
        return EXIT_BUSY if self.kind == "locked" else EXIT_STORE

    def message(self, lang: str = "id") -> str:
        text = t(f"store.problem.{self.kind}", lang, path=self.path)
        return f"{text} ({self.detail})" if self.detail else text


def _writable(path: Path) -> bool:
    """Whether this process may change the file and create its sidecars (``.wal``, ``.version``) next to it.

    ``os.access`` asks the kernel, so a read-only mount (EROFS) and an immutable file (``chattr +i``) count as
    read-only for root too, where the mode bits alone would not."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def cheap_checks(path: Path, write: bool) -> StoreProblem | None:
    """The checks that need no DuckDB open: existence, permissions, the file's header."""
    if not path.exists():
        return StoreProblem("missing", path)
    if path.is_dir():
        return StoreProblem("not_store", path, "folder")
    if not os.access(path, os.R_OK):
        return StoreProblem("unreadable", path)
    try:
        with path.open("rb") as f:
            head = f.read(MAGIC_OFFSET + len(MAGIC))
    except OSError as exc:
        return StoreProblem("unreadable", path, exc.strerror or type(exc).__name__)
    size = path.stat().st_size
    if head[MAGIC_OFFSET:] != MAGIC:
        return StoreProblem("not_store", path)
    if size < HEADER_BYTES:
        return StoreProblem("truncated", path, f"{size} byte")
    if write and not _writable(path):
        return StoreProblem("read_only", path)
    return None
