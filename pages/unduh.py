"""Placeholder: filled in by the trust-and-administration work."""

from kancil import ui

filters, info = ui.frame("nav.download", "unduh", ("antrian",), capability="download_rows")
