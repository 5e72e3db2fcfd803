"""Placeholder: filled in by the trust-and-administration work."""

from kancil import ui

filters, info = ui.frame("nav.data", "data", ("antrian",), capability="data_import")
