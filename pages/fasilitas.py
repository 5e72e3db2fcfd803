"""Placeholder."""

from kancil import ui

filters, info = ui.frame("nav.quota", "fasilitas", ("antrian",))
