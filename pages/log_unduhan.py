"""Placeholder: filled in by the trust-and-administration work."""

from kancil import ui

filters, info = ui.frame("nav.download_log", "log_unduhan", ("antrian",), capability="download_log")
