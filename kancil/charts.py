"""Chart conventions shared by the pages and the printable briefing: one colour per lane, readable sizes."""

from __future__ import annotations

LANE_COLORS = {"prioritas": "#0b5394", "reguler": "#999999", "percepatan": "#e69138"}
FONT_SIZE = 15
CHART_HEIGHT = 380
