"""The download log as a hash chain: tampering with ``unduhan_log`` shows.

Why: the log was append-only by convention only; a plain ``DELETE`` or ``UPDATE`` succeeded and nothing showed it.
Now every entry has a number in the chain (``seq``, 1, 2, 3, ...), the hash of the entry before it (``prev_hash``;
the first points at ``GENESIS``) and the SHA-256 of its own canonical content (``entry_hash``: every column but the
hash itself, as sorted JSON). ``verify`` walks the chain in ``seq`` order and names the first entry that breaks it:
an edited entry no longer matches its hash, a deleted or inserted one breaks the numbering and the link of the next.

What the chain cannot see by itself: removing the newest entries, or someone who rewrites the whole chain after an
edit. Against both, every download manifest carries the chain head at its time (``head``), so any ZIP handed out
can later prove how far the log went (``python -m kancil audit verify --head SEQ:HASH``).

The entry is written by kancil/export/downloads.py (the only INSERT of the log) with ``link`` in the same
transaction, so no entry is ever without its place in the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import duckdb

GENESIS = "0" * 64
# The columns an entry's hash covers, in the log's column order (the hash itself excluded).
CONTENT = ("seq", "download_id", "username", "role", "downloaded_at", "dataset", "filters", "file_format", "rows",
           "sha256", "via", "prev_hash")


def _json_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return value


def canonical(entry: dict[str, object]) -> bytes:
    """The bytes an entry's hash is taken of: its content columns as sorted, compact JSON (UTF-8)."""
    return json.dumps({k: _json_value(entry[k]) for k in CONTENT}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def entry_hash(entry: dict[str, object]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


@dataclass(frozen=True)
class Head:
    """The newest entry of the chain: its number and hash (0 and GENESIS for an empty log)."""

    seq: int
    hash: str

    def text(self) -> str:
        return f"{self.seq}:{self.hash}"


def head(con: duckdb.DuckDBPyConnection) -> Head:
    row = con.execute("SELECT seq, entry_hash FROM unduhan_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1"
                      ).fetchone()
    return Head(int(row[0]), row[1]) if row else Head(0, GENESIS)


def link(con: duckdb.DuckDBPyConnection, entry: dict[str, object]) -> dict[str, object]:
    """The entry with its place in the chain (seq, prev_hash, entry_hash), after the current head. Call inside the
    transaction that inserts it: the store has one writer at a time, so the head cannot move in between."""
    last = head(con)
    linked = {**entry, "seq": last.seq + 1, "prev_hash": last.hash}
    return {**linked, "entry_hash": entry_hash(linked)}


COLUMNS = (*CONTENT, "entry_hash")


def entries(con: duckdb.DuckDBPyConnection) -> list[dict[str, object]]:
    cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM unduhan_log ORDER BY seq NULLS FIRST, rowid")  # noqa: S608
    return [dict(zip(COLUMNS, row, strict=True)) for row in cur.fetchall()]


@dataclass(frozen=True)
class Verdict:
    """The outcome of a walk: ``ok``, the entries walked, and for a broken chain the first broken entry (its number
    and download id) and a message key of kancil/messages/log_unduhan.py with its values."""

    ok: bool
    entries: int
    head: Head
    key: str
    values: dict[str, object]
    broken_seq: int | None = None
    broken_id: str | None = None


def verify(con: duckdb.DuckDBPyConnection, expected_head: Head | None = None) -> Verdict:
    """Walk the chain in order; the first entry that breaks it is named. ``expected_head`` (from a manifest): that
    entry must still be in the chain, with that hash."""
    rows = entries(con)
    previous = Head(0, GENESIS)
    for row in rows:
        seq, download_id = row["seq"], row["download_id"]
        where = {"seq": seq if seq is not None else "?", "id": str(download_id or "")[:8]}
        if seq is None or row["entry_hash"] is None:
            return Verdict(False, len(rows), previous, "log_chain.unchained", where, seq, download_id)
        if seq != previous.seq + 1:
            return Verdict(False, len(rows), previous, "log_chain.gap",
                           {**where, "before": previous.seq}, seq, download_id)
        if row["prev_hash"] != previous.hash:
            return Verdict(False, len(rows), previous, "log_chain.link", {**where, "before": previous.seq},
                           seq, download_id)
        if entry_hash(row) != row["entry_hash"]:
            return Verdict(False, len(rows), previous, "log_chain.edited", where, seq, download_id)
        previous = Head(seq, row["entry_hash"])
    if expected_head is not None and expected_head.seq > 0:
        known = next((r for r in rows if r["seq"] == expected_head.seq), None)
        if known is None or known["entry_hash"] != expected_head.hash:
            return Verdict(False, len(rows), previous, "log_chain.head_missing",
                           {"seq": expected_head.seq, "hash": expected_head.hash[:12], "last": previous.seq},
                           expected_head.seq, None)
    return Verdict(True, len(rows), previous, "log_chain.ok",
                   {"n": len(rows), "seq": previous.seq, "hash": previous.hash[:12]})


def parse_head(text: str) -> Head:
    """A head as a manifest writes it ("12:3fa2..."); ValueError for anything else."""
    seq, _, digest = text.strip().partition(":")
    if not seq.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(text)
    return Head(int(seq), digest)
