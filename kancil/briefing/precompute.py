"""The morning rush: the briefing of every office's last working day, computed once and kept next to the store.

At 08:00 every head of office opens the briefing, each for another office, so the dashboard's result cache (per
server, filled on first use) misses for almost all of them and two cores queue the renders. So after each ingest
(``after_ingest``: a background ``python -m kancil briefing --precompute``), and from cron at a set time before
opening, ``precompute`` builds ``morning.build`` for the all-offices view and for every office, for the day the
page opens on (the last working day on or before the newest data, at most yesterday), and writes its numbers and
the printable HTML (Indonesian and English) as files:

    <store>.briefing/<store version>/<office or _semua>-<day>.json | .id.html | .en.html

A file is keyed by the store version it was computed from, so a newer ingest never serves older numbers: the
dashboard (kancil/web/data.py) looks for the file of the current version and computes as before when there is
none. Files of other versions are removed after each run. No schema change: plain files in the store's folder.
The numbers are exactly ``morning.build``'s (JSON with dates, decoded back to the same dict; a test compares).

The same folder keeps the results behind the analysis pages' first view (kancil/web/warm_pages.py opens each page
once, headless, after the briefings: issue 14, a first visit after an ingest should not wait for its queries):

    <store>.briefing/<store version>/results/<digest of the request>.parquet | .json

one file per cached request of the web layer (a figure, or the summary, with its filters), the frame (Parquet) or
dict (JSON) as the web layer's cache holds it: before the privacy rule, which the dashboard applies on every read
as it does to its memory cache. Only the precompute writes them; the dashboard only reads, so what a user's
filters computed never lands on disk and the folder holds one page view per page and role.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from kancil.store import clock, connection
from kancil.store import offices as office_directory

ALL_OFFICES = "_semua"
RESULTS = "results"
SUFFIX = ".briefing"
LANGS = ("id", "en")


def folder(db: Path | str) -> Path:
    """The folder of the kept briefings, next to the store file."""
    return Path(str(db) + SUFFIX)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


def path_for(db: Path | str, version: str, day: dt.date, office: str | None, kind: str = "json") -> Path:
    """The file of one briefing: ``kind`` is ``json`` (the numbers) or ``id.html`` / ``en.html`` (the printout)."""
    name = f"{_safe(office) if office else ALL_OFFICES}-{day.isoformat()}.{kind}"
    return folder(db) / _safe(version) / name


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    raise TypeError(f"cannot keep {type(value).__name__} in a briefing file")


def _decode(obj: dict) -> object:
    if "__date__" in obj and len(obj) == 1:
        return dt.date.fromisoformat(obj["__date__"])
    if "__datetime__" in obj and len(obj) == 1:
        return dt.datetime.fromisoformat(obj["__datetime__"])
    return obj


def dumps(data: dict) -> str:
    return json.dumps(data, default=_encode, ensure_ascii=False, allow_nan=True)


def loads(text: str) -> dict:
    return json.loads(text, object_hook=_decode)


def _write(path: Path, text: str | bytes) -> None:
    """Atomically: a reader sees the whole file or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if isinstance(text, bytes):
        tmp.write_bytes(text)
    else:
        tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def result_path(db: Path | str, version: str, request: tuple, suffix: str) -> Path:
    """The file of one kept result: ``request`` is the web layer's cache key without the store (kind, name,
    filters, parameters), named by a digest of its repr (deterministic: dates, strings, tuples and the filters'
    dataclass); ``suffix`` is ``.parquet`` (a frame) or ``.json`` (a dict)."""
    digest = hashlib.blake2b(repr(request).encode("utf-8"), digest_size=16).hexdigest()
    return folder(db) / _safe(version) / RESULTS / f"{digest}{suffix}"


def save_result(db: Path | str, version: str, request: tuple, value: pd.DataFrame | dict) -> None:
    """Keep one result of the web layer's cache for this store version (called only by the page precompute).

    Data formats, not pickles: a file in the store's folder is read by the server, and a pickle would run whatever
    code someone who could write there put in it. A frame goes to Parquet (its dtypes and index kept by pandas'
    metadata), a dict to the briefing files' JSON; the tests compare each kept result with a fresh one."""
    if isinstance(value, pd.DataFrame):
        _write(result_path(db, version, request, ".parquet"), value.to_parquet())
    else:
        _write(result_path(db, version, request, ".json"), dumps(value))


def load_result(db: Path | str, version: str, request: tuple) -> pd.DataFrame | dict | None:
    """The kept result of this request for this store version, or None (then compute it)."""
    frame = result_path(db, version, request, ".parquet")
    try:
        if frame.exists():
            return pd.read_parquet(frame)
        return loads(result_path(db, version, request, ".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load(db: Path | str, version: str, day: dt.date, office: str | None) -> dict | None:
    """The kept numbers of this briefing for this store version, or None (then compute them)."""
    try:
        return loads(path_for(db, version, day, office).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_html(db: Path | str, version: str, day: dt.date, office: str | None, lang: str) -> str | None:
    """The kept printable briefing in ``lang`` for this store version, or None."""
    try:
        return path_for(db, version, day, office, f"{lang}.html").read_text(encoding="utf-8")
    except OSError:
        return None


def anchor_of(newest: dt.date | None, today: dt.date | None = None) -> dt.date:
    """The day the briefing page opens from: the newest data day, at most yesterday (kancil/web/data.store_info;
    ``today``: the main office's, by default WIB's: kancil/store/clock.py)."""
    yesterday = (today or clock.office_today()) - dt.timedelta(days=1)
    return min(yesterday, newest) if newest else yesterday


def precompute(db: Path | str, today: dt.date | None = None) -> dict:
    """Build and keep the briefing of every office (and of all offices) for the day the page opens on; remove
    the files of other store versions. Returns what it wrote (version, views, seconds)."""
    from kancil.briefing import morning, printout
    from kancil.store import queries

    t0 = time.perf_counter()
    version = connection.store_version(db)
    written = 0
    with connection.reader(db) as con:
        queries.install_macros(con)
        row = queries.run(con, "store_info").iloc[0]
        newest = pd.Timestamp(row["newest_ticket"]).date() if pd.notna(row["newest_ticket"]) else None
        anchor = anchor_of(newest, today or clock.office_today(office_directory.directory(con).zone(None)))
        demo = row["demo"] == "true"
        offices = [x for x in str(row["offices"] or "").split(",") if x]
        for office in (None, *offices):
            day = morning.default_day(con, anchor, office)
            data = morning.build(con, day, office)
            _write(path_for(db, version, day, office), dumps(data))
            for lang in LANGS:
                _write(path_for(db, version, day, office, f"{lang}.html"),
                       printout.render_html(data, lang, demo=demo))
            written += 1
    prune(db)
    return {"version": version, "views": written, "seconds": time.perf_counter() - t0, "folder": str(folder(db))}


def prune(db: Path | str) -> None:
    """Remove the kept briefings of every version but the store's current one (a run that finished after a
    newer ingest removes its own, now stale, files and leaves the newer run's)."""
    current = _safe(connection.store_version(db))
    base = folder(db)
    if not base.is_dir():
        return
    for child in base.iterdir():
        if child.is_dir() and child.name != current:
            shutil.rmtree(child, ignore_errors=True)


def after_ingest(db: Path | str) -> subprocess.Popen | None:
    """Start ``python -m kancil briefing --precompute`` for this store in the background (after an ingest, or a
    settings change from the dashboard: kancil/web/frame.write_then_rerun): the
    briefings, then the analysis pages' first views (kancil/web/warm_pages.py). The ingest does not wait for it,
    and its output goes to ``<store>.briefing/precompute.log``."""
    if os.environ.get("KANCIL_NO_PRECOMPUTE") == "1":
        return None
    base = folder(db)
    base.mkdir(parents=True, exist_ok=True)
    with (base / "precompute.log").open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "kancil", "briefing", "--precompute", "--db", str(db)],
                                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, cwd=Path(__file__).resolve().parents[2])
