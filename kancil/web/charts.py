"""Chart conventions shared by the pages and the printable briefing: one colour per lane, readable sizes."""

from __future__ import annotations

import plotly.graph_objects as go

from kancil.palette import LANE_COLORS  # noqa: F401 - the pages take the lane colours from the chart kit

FONT_SIZE = 15
CHART_HEIGHT = 380


def styled(fig: go.Figure, x_title: str, y_title: str, height: int = CHART_HEIGHT) -> go.Figure:
    """Readable on a laptop and a projector: big fonts, legend above the plot, light grid, labels never cut."""
    fig.update_layout(height=height, font_size=FONT_SIZE, hoverlabel_font_size=FONT_SIZE, legend_title_text="",
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}, plot_bgcolor="white")
    fig.update_xaxes(title_text=x_title, showgrid=True, gridcolor="#eeeeee", zeroline=False, automargin=True)
    fig.update_yaxes(title_text=y_title, showgrid=True, gridcolor="#eeeeee", zeroline=False, automargin=True)
    return fig
