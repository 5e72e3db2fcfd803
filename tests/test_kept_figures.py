"""Chart figures kept per inputs, language and store version (kancil/web/charts/base.kept, issue 14): a warm page
run reuses the built figure instead of building and validating it again, and a change of any input, of the
reader's language or of the store gives a new one."""

from __future__ import annotations

from kancil.web import data
from kancil.web.charts import bars, base


def _hbars(values: list[int]):
    return bars.hbars(["Prioritas", "Reguler"], values, [str(v) for v in values], "#0b5394")


def test_the_same_inputs_give_the_kept_figure_and_new_inputs_a_new_one(monkeypatch):
    monkeypatch.setattr(data, "data_source", lambda: ("store-a", "v1"))
    first = _hbars([12, 30])
    assert _hbars([12, 30]) is first
    other = _hbars([12, 31])
    assert other is not first and list(other.data[0].x) == [12, 31] and list(first.data[0].x) == [12, 30]


def test_a_language_switch_or_a_new_store_version_builds_again(monkeypatch):
    monkeypatch.setattr(data, "data_source", lambda: ("store-a", "v2"))
    monkeypatch.setattr(base, "lang", lambda: "id")
    indonesian = _hbars([7, 8])
    assert indonesian.layout.separators == ",."
    monkeypatch.setattr(base, "lang", lambda: "en")
    english = _hbars([7, 8])
    assert english is not indonesian and english.layout.separators == ".,"
    monkeypatch.setattr(data, "data_source", lambda: ("store-a", "v3"))
    assert _hbars([7, 8]) is not english
