"""Colours shared by the dashboard's charts and the printed briefing: one colour per lane, everywhere."""

from __future__ import annotations

LANE_COLORS = {"prioritas": "#0b5394", "reguler": "#999999", "percepatan": "#e69138"}
