"""Office settings (targets, thresholds, calendar choices): the defaults and how to read them.

Defaults live here, so a fresh store works without any settings row; a row in ``pengaturan`` overrides one.
Changing a setting (versioned: who, when, old and new) is ``kancil.admin.changes.change_setting``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import duckdb

from kancil.ingest import limits as _limits
from kancil.store.sql import one

if TYPE_CHECKING:  # pandas only for the type: importing it costs an ingest 0.3 s
    import pandas as pd

DEFAULTS: dict[str, str] = {
    # Waiting-time targets at the counter, minutes (issue: turnaround page defaults).
    "target_wait_prioritas": "15",
    "target_wait_percepatan": "30",
    "target_wait_reguler": "60",
    # Completion standard in working days (Permenkumham 8/2014 as amended): 4; percepatan the same day.
    "target_completion_days": "4",
    "target_completion_days_percepatan": "0",
    # Whether cuti bersama counts as a working day (default: no, it is a day off).
    "cuti_bersama_hari_kerja": "false",
    # Age threshold shown in labels for lansia.
    "usia_lansia": "60",
    # Privacy (kancil/metrics/privacy.py): the groups whose small counts are hidden from roles that see aggregates
    # only (UU 27/2022: disability and health), and the smallest count shown.
    "kelompok_sensitif": "disabilitas,sakit",
    "ambang_sel_kecil": "5",
    # Decision support (kancil/decide): the quota suggestion covers demand on this share of working days (percent),
    # and the office's own calling order (counters) and processing order (back office), the replays' "as recorded"
    # orders, written as kancil/decide/orders.py reads them.
    "kuota_cakupan": "90",
    "urutan_panggil": "prioritas,percepatan,reguler",
    "urutan_proses": "percepatan,prioritas+reguler",
    # Sending the morning briefing (kancil/briefing/delivery.py, Pengaturan › Pengiriman): the recipients (comma
    # separated addresses) and the office's SMTP server. The password is never a setting (environment or secrets).
    "kirim_penerima": "",
    "smtp_host": "",
    "smtp_port": "587",
    "smtp_keamanan": "starttls",
    "smtp_user": "",
    "smtp_pengirim": "",
    # The main office (its code): its time zone is the one of "Semua kantor" (kancil/store/offices.py); empty: the
    # first office of the kantor table.
    "kantor_utama": "",
}
# The limits of every reader of an uploaded or loaded file (rows, columns, sizes, memory, time): kancil/ingest/limits.py
# says why each exists; docs/data-contract.md ("Batas berkas") states them.
DEFAULTS.update(_limits.Limits().as_settings())


def get_setting(con: duckdb.DuckDBPyConnection, key: str) -> str:
    row = one(con, "SELECT value FROM pengaturan WHERE key = $k", {"k": key})
    return row[0] if row else DEFAULTS[key]


def effective(rows: Iterable[tuple[str, str]] | pd.DataFrame) -> dict[str, str]:
    """The defaults overlaid with an office's changed settings (``queries/settings.sql`` rows), unknown keys dropped.

    Pages read the settings through the cached query layer, not a connection, so they need this pure version of
    ``all_settings``.
    """
    pairs = rows[["key", "value"]].itertuples(index=False) if hasattr(rows, "itertuples") else rows
    values = dict(DEFAULTS)
    values.update({key: str(value) for key, value in pairs if key in DEFAULTS and value is not None})
    return values


def all_settings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    values = dict(DEFAULTS)
    values.update(dict(con.execute("SELECT key, value FROM pengaturan").fetchall()))
    return values
