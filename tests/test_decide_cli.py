"""``python -m kancil forecast`` and ``replay``: the JSON shapes of issue 13, exit status 2 with the value named for
bad input, and both commands on a fresh store loaded from contract CSV files through ``python -m kancil ingest``."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kancil import cli, demo

LANE_KEYS = {"n", "mean", "median", "p90", "recorded"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_forecast_json_shape(demo_db, capsys):
    code, out, _ = run(capsys, "forecast", "--db", str(demo_db), "--office", "CLP", "--lane", "prioritas",
                       "--horizon", "7", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"office", "lane", "model", "days", "backtest"} <= set(data)
    assert (data["office"], data["lane"], len(data["days"])) == ("CLP", "prioritas", 7)
    assert set(data["days"][0]) == {"date", "expected", "lower80", "upper80", "lower95", "upper95", "quota",
                                    "p_over_quota"}
    assert data["days"][0]["date"] == "2026-07-01" and data["days"][0]["quota"] == 35
    assert 0 <= data["days"][0]["p_over_quota"] <= 1
    assert "metode sederhana" in data["model"] and data["note"]  # 72 working days: the simple method, said so


def test_forecast_text_in_indonesian_formats(demo_db, capsys):
    code, out, _ = run(capsys, "forecast", "--db", str(demo_db), "--office", "CLP", "--lane", "prioritas",
                       "--horizon", "3")
    assert code == 0
    assert "1 Jul 2026" in out and "Saran kuota" in out and "kurang dari 120" in out


def test_replay_json_shapes(demo_db, capsys):
    code, out, _ = run(capsys, "replay", "queue", "--db", str(demo_db), "--office", "CLP", "--from", "2026-06-01",
                       "--to", "2026-06-30", "--order", "prioritas,percepatan,reguler", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data["lanes"]) == {"prioritas", "reguler", "percepatan"}
    for figures in data["lanes"].values():
        assert LANE_KEYS <= set(figures) and {"mean", "median", "p90"} <= set(figures["recorded"])
    assert data["reproduction"]["exact_share"] == 1.0  # the demo office's own order
    code, out, _ = run(capsys, "replay", "queue", "--db", str(demo_db), "--office", "CLP", "--from", "2026-06-01",
                       "--to", "2026-06-05", "--order", "fifo", "--counters", "5", "--json")
    assert code == 0 and json.loads(out)["counters"] == 5
    code, out, _ = run(capsys, "replay", "completion", "--db", str(demo_db), "--office", "CLP", "--from",
                       "2026-05-01", "--to", "2026-05-31", "--order", "percepatan,prioritas,reguler", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"n", "median", "p90", "share_within", "recorded"} <= set(data["lanes"]["prioritas"])
    assert data["lanes"]["prioritas"]["median"] < data["lanes"]["prioritas"]["recorded"]["median"]
    assert "kept_lane" in data["bap"]["prioritas"]


@pytest.mark.parametrize(("argv", "named"), [
    (("forecast", "--office", "XYZ", "--lane", "prioritas"), "'XYZ'"),
    (("forecast", "--office", "CLP", "--lane", "vip"), "'vip'"),
    (("replay", "queue", "--office", "XYZ", "--from", "2026-06-01", "--to", "2026-06-30", "--order", "fifo"),
     "'XYZ'"),
    (("replay", "queue", "--office", "CLP", "--from", "2026-06-01", "--to", "2026-06-30", "--order",
      "prioritas,vip"), "'vip'"),
    (("replay", "completion", "--office", "CLP", "--from", "2026-06-01", "--to", "2026-06-30", "--order",
      "reguler,reguler"), "'reguler'"),
    (("replay", "queue", "--office", "CLP", "--from", "2027-01-04", "--to", "2027-01-08", "--order", "fifo"),
     "4 Jan 2027 – 8 Jan 2027"),
    (("replay", "completion", "--office", "CLP", "--from", "2027-01-04", "--to", "2027-01-08", "--order", "fifo"),
     "4 Jan 2027 – 8 Jan 2027"),
    (("replay", "queue", "--office", "CLP", "--from", "2026-06-01", "--to", "2026-06-30", "--order", "fifo",
      "--counters", "0"), "0"),
    (("replay", "completion", "--office", "CLP", "--from", "2026-06-01", "--to", "2026-06-30", "--order", "fifo",
      "--counters", "3"), "--counters"),
])
def test_bad_input_exits_2_naming_the_value(demo_db, capsys, argv, named):
    code, out, err = run(capsys, argv[0], *(argv[1:2] if argv[0] == "replay" else ()), "--db", str(demo_db),
                         *argv[(2 if argv[0] == "replay" else 1):])
    assert code == 2 and out == ""
    assert named in err
    assert "Traceback" not in err


def test_on_a_fresh_store_loaded_from_contract_files(tmp_path, capsys):
    """The demo's contract CSV files loaded by the real ingest command: the replay of the office's orders still
    gives the record back (the Saturday service days and the closure are not in the files, which changes working
    days but not which application gets which issue day)."""
    csv = tmp_path / "csv"
    demo.build(tmp_path / "source.duckdb", offices=1, days=45, seed=5, end=dt.date(2026, 6, 30), export_dir=csv)
    fresh = str(tmp_path / "fresh.duckdb")
    for kind in demo.LOAD_ORDER:
        assert run(capsys, "ingest", "--db", fresh, "--create", "--kind", kind, str(csv / f"{kind}.csv"))[0] == 0
    code, out, _ = run(capsys, "replay", "queue", "--db", fresh, "--office", "CLP", "--from", "2026-05-17", "--to",
                       "2026-06-30", "--order", "prioritas,percepatan,reguler", "--json")
    assert code == 0 and json.loads(out)["reproduction"]["exact_share"] == 1.0
    code, out, _ = run(capsys, "replay", "completion", "--db", fresh, "--office", "CLP", "--from", "2026-05-17",
                       "--to", "2026-06-30", "--order", "percepatan,prioritas+reguler", "--json")
    assert code == 0 and json.loads(out)["reproduction"]["exact_share"] == 1.0
    code, out, _ = run(capsys, "forecast", "--db", fresh, "--office", "CLP", "--lane", "reguler", "--json")
    assert code == 0 and len(json.loads(out)["days"]) == 40
