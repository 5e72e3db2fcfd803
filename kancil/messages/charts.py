"""Messages of the chart kit (kancil/web/charts): the words every chart uses the same way."""

MESSAGES: dict[str, tuple[str, str]] = {
    "chart.lane_n": ("{lane} (n = {n}{note})", "{lane} (n = {n}{note})"),
    "chart.small_suffix": (", n < 30", ", n < 30"),
    "chart.standard": ("standar {days} hk", "standard {days} wd"),
    "chart.median": ("Median", "Median"),
}
