"""Configuration from the environment, read in one place: which store, which Parquet export, which browser, which
address links point at. Every other module asks here instead of reading ``os.environ`` itself."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "kancil.duckdb"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")  # Debian's Chromium: Playwright's own download is not available


def db_path() -> Path:
    """The store the dashboard reads: ``KANCIL_DB`` if set, else ``data/kancil.duckdb``."""
    return Path(os.environ.get("KANCIL_DB", DEFAULT_DB))


def parquet_dir() -> Path | None:
    """``KANCIL_PARQUET_DIR``: a Parquet export the dashboard reads its figures from (a read-only server)."""
    value = os.environ.get("KANCIL_PARQUET_DIR")
    return Path(value) if value else None


def base_url() -> str | None:
    """``KANCIL_BASE_URL``: the office's address of the dashboard, for links in manifests (wins over the request's)."""
    return os.environ.get("KANCIL_BASE_URL") or None


def chromium() -> Path:
    """``KANCIL_CHROMIUM``: the browser that prints the briefing PDF."""
    return Path(os.environ.get("KANCIL_CHROMIUM", DEFAULT_CHROMIUM))


SECRETS_FILES = (ROOT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml")


def smtp_password() -> str | None:
    """The SMTP password for sending the briefing: ``KANCIL_SMTP_PASSWORD``, else ``[smtp] password`` of the
    Streamlit secrets file (the project's, then the user's). Never a setting: the store is downloaded and backed
    up, the environment and the secrets file are the server's own."""
    value = os.environ.get("KANCIL_SMTP_PASSWORD")
    if value:
        return value
    import tomllib

    for path in SECRETS_FILES:
        try:
            found = tomllib.loads(path.read_text()).get("smtp", {}).get("password")
        except (OSError, tomllib.TOMLDecodeError):
            continue
        if found:
            return str(found)
    return None


def smtp_cafile() -> str | None:
    """``KANCIL_SMTP_CAFILE``: the office's own certificate authority, for an SMTP server it signed."""
    return os.environ.get("KANCIL_SMTP_CAFILE") or None
