"""The morning rush (kancil/briefing/precompute.py): the briefing of every office's last working day kept next to the
store per store version, equal to the freshly computed one, used by the page, never served for a newer version."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from kancil import cli
from kancil.briefing import morning, precompute, printout
from kancil.metrics import figures, kpis
from kancil.store import connection, queries
from kancil.web import data, warm_pages
from tests.helpers import DEMO_END, app_test, metric_values

TODAY = dt.date.fromisoformat(DEMO_END) + dt.timedelta(days=1)  # the morning after the demo's last day


@pytest.fixture
def store(demo_db, tmp_path) -> Path:
    """A copy of the session's demo store (the kept files go next to it)."""
    path = tmp_path / "kancil.duckdb"
    shutil.copyfile(demo_db, path)
    connection.version_path(path).write_text("1782810000000000000-1\n")
    return path


def _without_print_time(html: str) -> str:
    return re.sub(r"Dicetak [^<]*|Printed [^<]*", "", html)


def test_the_kept_briefing_equals_the_freshly_computed_one(store):
    done = precompute.precompute(store, today=TODAY)
    version = connection.store_version(store)
    assert done["views"] == 2 and done["version"] == version  # all offices and the demo's one office, CLP
    with connection.reader(store) as con:
        for office in (None, "CLP"):
            day = morning.default_day(con, dt.date.fromisoformat(DEMO_END), office)
            assert day == dt.date(2026, 6, 30)
            fresh = morning.build(con, day, office)
            kept = precompute.load(store, version, day, office)
            assert kept == fresh
            assert kept["today"]["tickets"] == fresh["today"]["tickets"] and sum(kept["today"]["tickets"].values())
            for lang in ("id", "en"):
                html = precompute.load_html(store, version, day, office, lang)
                assert _without_print_time(html) == _without_print_time(printout.render_html(fresh, lang, demo=True))
    names = sorted(p.name for p in (precompute.folder(store) / version).iterdir())
    assert names == ["CLP-2026-06-30.en.html", "CLP-2026-06-30.id.html", "CLP-2026-06-30.json",
                     "_semua-2026-06-30.en.html", "_semua-2026-06-30.id.html", "_semua-2026-06-30.json"]


def test_a_newer_store_version_is_never_served_older_numbers(store):
    precompute.precompute(store, today=TODAY)
    old = connection.store_version(store)
    day = dt.date(2026, 6, 30)
    with connection.writer(store):  # any write (an ingest, a setting) bumps the version
        pass
    new = connection.store_version(store)
    assert new != old
    assert precompute.load(store, new, day, "CLP") is None  # not kept for this version: the page computes
    precompute.precompute(store, today=TODAY)
    assert [p.name for p in precompute.folder(store).iterdir() if p.is_dir()] == [new]  # the old files are gone
    assert precompute.load(store, new, day, "CLP") is not None


def test_the_briefing_page_reads_the_kept_numbers(store):
    """The page shows what the kept file says (here altered on purpose, so it cannot have been recomputed)."""
    precompute.precompute(store, today=TODAY)
    path = precompute.path_for(store, connection.store_version(store), dt.date(2026, 6, 30), None)
    kept = json.loads(path.read_text())
    kept["today"]["no_show"]["prioritas"] = 4242
    path.write_text(json.dumps(kept))
    st.cache_data.clear()
    at = app_test(store, query={"hari": "2026-06-30"})
    assert not at.exception
    assert "4.242" in metric_values(at)["Tdk hadir"]
    path.unlink()  # without the file the page computes the day itself
    st.cache_data.clear()
    at = app_test(store, query={"hari": "2026-06-30"})
    assert "4.242" not in metric_values(at)["Tdk hadir"]


def test_the_command_prepares_the_briefings(store, capsys):
    code = cli.main(["briefing", "--precompute", "--db", str(store)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Ringkasan pagi disiapkan untuk 2 tampilan (semua kantor dan tiap kantor), versi "
                          "penyimpanan 1782810000000000000-1, dalam ")
    assert f"detik: {precompute.folder(store)}\nTampilan pertama halaman analisis disiapkan: 15 halaman dibuka " in out
    assert cli.main(["briefing", "--db", str(store)]) == 2  # neither --out, --send nor --precompute
    assert capsys.readouterr().err == ("Sebutkan --out BERKAS (tulis ringkasan), --send (kirim lewat surel) atau "
                                       "--precompute (siapkan ringkasan dasbor).\n")


def test_after_an_ingest_the_briefings_are_prepared_in_the_background(store, monkeypatch):
    """What an ingest starts (cli ingest, the Data page): a separate ``briefing --precompute`` process."""
    monkeypatch.delenv("KANCIL_NO_PRECOMPUTE", raising=False)
    proc = precompute.after_ingest(store)
    assert proc is not None and proc.wait(timeout=300) == 0
    kept = precompute.load(store, connection.store_version(store), dt.date(2026, 6, 30), "CLP")
    assert kept is not None and kept["office"] == "CLP"
    assert "Ringkasan pagi disiapkan untuk 2 tampilan" in (precompute.folder(store) / "precompute.log").read_text()
    monkeypatch.setenv("KANCIL_NO_PRECOMPUTE", "1")  # what the test suite sets (tests/conftest.py)
    assert precompute.after_ingest(store) is None


def _kept_results(store: Path) -> list[Path]:
    return sorted((precompute.folder(store) / connection.store_version(store) / precompute.RESULTS).glob("*.*"))


def test_the_page_precompute_keeps_each_first_view_as_computed(store):
    """warm_pages opens every dashboard page as every dashboard role; what their first views computed is kept per
    store version, equal to a fresh computation (here: the summary behind Kuota's cards, and one figure)."""
    done = warm_pages.warm(store)
    assert done["pages"] == 15 and done["failed"] == {}  # 5 pages x kepala_kantor, supervisor, auditor
    assert not data._keeping  # only inside the precompute
    st.cache_data.clear()
    at = app_test(store, page="views/kuota.py")
    filters = at.session_state["_filters"]
    version = connection.store_version(store)
    with connection.reader(store) as con:
        queries.install_macros(con)
        assert precompute.load_result(store, version, ("summary", filters)) == kpis.summary(con, filters)
        kept = precompute.load_result(store, version, ("figure", "quota_daily", filters, ()))
        pd.testing.assert_frame_equal(kept, figures.compute(con, "quota_daily", filters))
    assert (filters.date_from, filters.date_to) == (dt.date(2026, 6, 1), dt.date(2026, 6, 30))  # the newest month
    assert len(kept) == 22 * 3  # the demo's 22 service days of June, per lane
    assert len(_kept_results(store)) >= 20  # the figures and summaries of five pages


def test_a_page_that_does_not_finish_in_time_is_reported_and_the_precompute_goes_on(store, monkeypatch):
    """An AppTest timeout (a loaded machine, a huge store) is one page's failure, not the end of the run: with a
    timeout no page can meet, every page of every role is tried and each is reported with AppTest's message."""
    monkeypatch.setattr(warm_pages, "TIMEOUT_S", 0.001)
    done = warm_pages.warm(store)
    assert done["pages"] == 0
    assert done["failed"] == {key: "AppTest script run timed out after 0.001(s)"
                              for key in ("ringkasan", "kuota", "waktu_layanan", "kepuasan", "fasilitas")}
    assert not data._keeping


def _same(a: object, b: object) -> bool:
    """Equal, with NaN equal to NaN and a frame compared with its dtypes and index."""
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
        return True
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


def test_every_kept_result_reads_back_exactly_as_computed(store, monkeypatch):
    """Kept as data (Parquet for a frame, JSON for a dict: a pickle in the store's folder would run code someone
    put there), each result the precompute wrote reads back with the same values, types, dtypes and index."""
    written = []
    save = precompute.save_result
    monkeypatch.setattr(precompute, "save_result",
                        lambda db, version, request, value: (written.append((request, value)),
                                                             save(db, version, request, value)))
    warm_pages.warm(store)
    version = connection.store_version(store)
    kinds = {request[0] for request, _ in written}
    assert kinds == {"figure", "summary", "default_day"} and len(written) == len(_kept_results(store))
    for request, value in written:
        assert _same(value, precompute.load_result(store, version, request)), request
    assert {p.suffix for p in _kept_results(store)} == {".parquet", ".json"}


def test_a_page_reads_its_kept_first_view_and_never_another_versions(store):
    """The page shows what the kept file says (altered on purpose, so it cannot have been computed); after any
    write to the store the same file is not read."""
    warm_pages.warm(store)
    version = connection.store_version(store)
    st.cache_data.clear()
    filters = app_test(store, page="views/kuota.py").session_state["_filters"]
    kept = precompute.load_result(store, version, ("summary", filters))
    assert kept["quota"]["prioritas"]["over_quota_days"] == 6  # "6 dari 20" on the card, as computed
    kept["quota"]["prioritas"]["over_quota_days"] = 17
    precompute.save_result(store, version, ("summary", filters), kept)
    card = "Hari di atas kuota Prioritas"
    st.cache_data.clear()
    assert metric_values(app_test(store, page="views/kuota.py"))[card] == ["17 dari 20"]
    with connection.writer(store):  # any write (an ingest, a setting) bumps the version
        pass
    st.cache_data.clear()
    assert metric_values(app_test(store, page="views/kuota.py"))[card] == ["6 dari 20"]


def test_the_demo_store_is_prepared_as_an_ingest_leaves_a_store(tmp_path, monkeypatch, capsys):
    """`make run` builds the demo store with `python -m kancil demo`: it starts the same background precompute as an
    ingest (recorded here instead of started: the suite sets KANCIL_NO_PRECOMPUTE)."""
    started = []
    monkeypatch.setattr(precompute, "after_ingest", started.append)
    db = tmp_path / "demo.duckdb"
    assert cli.main(["demo", "--db", str(db), "--days", "7", "--end", DEMO_END]) == 0
    assert started == [str(db)]
    assert '"kantor": 1' in capsys.readouterr().out
