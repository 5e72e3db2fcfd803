"""Where a chart's margins start (kancil/web/charts/base.start_margin, issue 14): close to what its y-axis labels
need, so that Plotly's automargin does not draw the chart a second time to grow them; automargin stays on, so an
estimate that is too small costs a draw, never a cut label. The expected pixels are worked out by hand from the
constants (a letter 8 px, a digit 9 px, 40 px padding, 52 px with an axis title)."""

from __future__ import annotations

import plotly.graph_objects as go

from kancil.web.charts import bars, base


def test_category_labels_set_the_left_margin_by_their_longest_line():
    labels = ["U1 Persyaratan", "U8 Penanganan pengaduan, saran dan masukan"]  # 14 and 42 characters
    margin = base.start_margin({}, [go.Bar(x=[3.5, 3.4], y=labels, orientation="h")])
    assert margin == {"l": 42 * 8 + 40, "r": 25, "t": 55, "b": 80}  # 376
    two_lines = base.start_margin({}, [go.Bar(x=[1], y=["Prioritas<br>n = 1.234"])])  # longest line: 9 characters
    assert two_lines["l"] == 9 * 8 + 40  # 112


def test_numbers_set_it_by_the_width_of_the_top_tick():
    titled = {"title": {"text": "Tiket per hari"}}
    # largest 120 -> the top tick may be 150 -> three digits: 27 px + 52 px for the title
    assert base.start_margin(titled, [go.Bar(x=[1, 2], y=[80, 120])])["l"] == 3 * 9 + 52
    # 1,234 -> 1,542.5 -> "1,542": five characters
    assert base.start_margin({}, [go.Scatter(x=[1], y=[1234])])["l"] == 5 * 9 + 40
    # small values are written with decimals ("3,5"): one digit plus two
    assert base.start_margin(titled, [go.Scatter(x=[1, 2], y=[3.1, 3.6])])["l"] == 3 * 9 + 52
    assert base.start_margin({"tickformat": ".0%"}, [go.Bar(x=[1], y=[0.4])])["l"] == 4 * 9 + 40
    # only the first y axis counts (a second panel's labels lie inside the plot); no labels: title or bare margin
    other_axis = [go.Bar(x=[1], y=["a very long label on the second panel"], yaxis="y2"), go.Bar(x=[1], y=[5])]
    assert base.start_margin({}, other_axis)["l"] == 3 * 9 + 40  # 5 -> 6.25 -> "6,25"-like: one digit plus two
    assert base.start_margin({"showticklabels": False}, [go.Bar(x=[1], y=[5])])["l"] == 10


def test_every_chart_of_the_kit_starts_there_and_keeps_automargin(monkeypatch):
    monkeypatch.setattr(base, "lang", lambda: "id")
    fig = bars.hbars.__wrapped__(["Prioritas", "Reguler"], [12, 30], ["12", "30"], "#0b5394")
    assert fig.layout.margin.l == 9 * 8 + 40 and fig.layout.margin.t == 55 and fig.layout.margin.b == 80
    assert fig.layout.yaxis.automargin is True and fig.layout.xaxis.automargin is True
    chosen = base.figure([go.Bar(x=[1], y=[2])], margin={"l": 5, "r": 5, "t": 5, "b": 5})
    assert chosen.layout.margin.l == 5  # a builder's own margin wins


def test_builders_that_know_their_extra_labels_start_wider(monkeypatch):
    """A heatmap's colorbar, a legend beside the panels, two-line period labels: each builder sets that side."""
    from kancil.web.charts import heat, lines

    monkeypatch.setattr(base, "lang", lambda: "id")
    fig = heat._heatmap([[0.5, 1.0]], [8, 9], ["Selasa"], [["50%", "100%"]], colorbar="Tunggu median (menit)")
    # rows "Selasa": 6 x 8 + 40 + 15; colorbar title of 21 characters: 21 x 8 + 45; hours below: 80
    assert (fig.layout.margin.l, fig.layout.margin.r, fig.layout.margin.b) == (103, 213, 80)
    assert heat._heatmap([[1.0]], [8], ["Senin"], [["1"]], colorbar="Bagian").layout.margin.r == 130  # the floor
    parts = [{"panel": 0, "name": "Lansia", "color": "#000", "shares": [0.5], "counts": [3],
              "group": "Kelompok rentan (22 ch)"}]  # 23 characters
    assert bars.stacked_shares.__wrapped__(parts, ["CLP"], ["Bagian"], 300).layout.margin.r == 7 * 23 + 45
    trend = lines.trend.__wrapped__(["Okt 2026<br>n = 120"], [80.0], [78.0], [82.0], [False], "Bulan", "IKM",
                                    [25, 100])
    assert trend.layout.margin.b == 95


def test_a_set_range_is_what_the_ticks_cover_and_a_builder_can_set_a_side():
    # range [25, 100]: the ticks run to "100" (three digits) whatever the data; with a title: 27 + 52
    margin = base.start_margin({"range": [25, 100], "title": {"text": "IKM"}}, [go.Scatter(x=[1], y=[80.0])], r=40)
    assert margin == {"l": 3 * 9 + 52, "r": 40, "t": 55, "b": 80}
