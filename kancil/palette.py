"""Colours shared by the dashboard's charts and the printed briefing: one colour per lane, applicant group and
channel, everywhere."""

from __future__ import annotations

LANE_COLORS = {"prioritas": "#0b5394", "reguler": "#999999", "percepatan": "#e69138"}
GROUP_COLORS = {"lansia": "#0b5394", "disabilitas": "#6fa8dc", "ibu_hamil": "#8e7cc3", "ibu_balita": "#c27ba0",
                "anak": "#f1c232", "sakit": "#76a5af", "umum": "#999999"}
CHANNEL_COLORS = {"m_paspor": "#6aa84f", "langsung": "#b45f06"}
GROUP_PALETTE = ("#0b5394", "#6aa84f", "#e69138", "#8e7cc3", "#c27ba0", "#45818e", "#999999")  # groups in a chart
