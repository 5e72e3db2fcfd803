"""``python -m kancil``: ingest, demo, summary and the other commands, all over the one store and metric code."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

import duckdb

from kancil.contract import KINDS, LANES
from kancil.store import clock, connection, health


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"tanggal harus YYYY-MM-DD: {text!r}") from exc


def cmd_ingest(args: argparse.Namespace) -> int:
    """Load each file as its own transaction, with the store opened for that file only (so the dashboard can
    read between files). Exit status: the worst of the files: 0 all stored, 1 rows rejected, 2 a file refused."""
    from kancil.ingest.ingester import IngestResult, failure_reason, ingest_into

    worst, stored = 0, False
    for name in args.files:
        try:
            result = ingest_into(args.db, args.kind, Path(name), again=args.again)
        except connection.StoreBusy:
            raise
        except Exception as exc:  # the store could not even be opened for writing: nothing of this file stored
            result = IngestResult(file=Path(name).name, kind=args.kind,
                                  refused=f"{Path(name).name}: gagal dimuat, tidak ada yang disimpan: "
                                  f"{failure_reason(exc)}")
        worst = max(worst, result.exit_code)
        stored = stored or bool(result.stored)
        if args.json:
            data = result.as_json()
            keys = ("file", "kind", "rows", "stored", "replaced", "unchanged", "rejected", "blank_rows",
                    "batch_id", "extra_columns", "rejects")
            out = {k: data[k] for k in keys}
            if result.refused:
                out["error"] = result.refused
            if result.stored_but:
                out["stored_but"] = result.stored_but
            if result.would_revert:
                out["would_revert"] = result.would_revert
                out["would_revert_count"] = result.would_revert_count
            print(json.dumps(out, ensure_ascii=False, default=str), flush=True)
            continue
        if result.refused:
            print(f"DITOLAK {result.refused}", file=sys.stderr)
            for line in result.would_revert:
                print(f"  akan kembali: {line}", file=sys.stderr)
        if result.extra_columns:
            print(f"{result.file}: kolom tambahan diabaikan: {', '.join(result.extra_columns)}")
        blank = f", {result.blank_rows} baris kosong dilewati" if result.blank_rows else ""
        print(
            f"{result.file}: {result.rows} baris = {result.stored} disimpan + {result.rejected} ditolak "
            f"({result.replaced} menggantikan data lama, {result.unchanged} sudah ada dan sama{blank})"
        )
        if result.stored_but:
            print(f"PERINGATAN {result.stored_but}", file=sys.stderr)
        for r in result.rejects[:20]:
            print(f"  baris {r.row}, kolom {r.column}, nilai {r.value!r}: {r.reason}", file=sys.stderr)
        if len(result.rejects) > 20:
            print(f"  … dan {len(result.rejects) - 20} lagi (lihat tabel ingest_rejects, batch "
                  f"{result.batch_id})", file=sys.stderr)
    if stored:  # the morning rush: the briefings of the new data, computed once in the background
        from kancil.briefing import precompute

        precompute.after_ingest(args.db)
    return worst


def cmd_demo(args: argparse.Namespace) -> int:
    from kancil import demo

    end = args.end or (clock.office_today() - dt.timedelta(days=1))
    counts = demo.build(
        Path(args.db), offices=args.offices, days=args.days, seed=args.seed, end=end,
        export_dir=Path(args.export_dir) if args.export_dir else None,
    )
    if args.accounts:
        _add_demo_accounts(Path(args.db))
    from kancil.briefing import precompute

    precompute.after_ingest(args.db)  # as an ingest does: the briefings and first views, in the background
    print(json.dumps(counts, ensure_ascii=False))
    return 0


DEMO_ACCOUNTS = (  # documented in the README; only ever created in a demo store
    ("kepala", "kepala_kantor", "Kepala Kantor (demo)"),
    ("supervisor", "supervisor", "Supervisor (demo)"),
    ("auditor", "auditor", "Auditor (demo)"),
    ("admin", "admin", "Admin (demo)"),
)


def _add_demo_accounts(db: Path) -> None:
    from kancil.store import accounts

    with connection.writer(db, bump=False) as con:
        for username, role, name in DEMO_ACCOUNTS:
            accounts.add_user(con, username, f"demo-{username}-2026", role, name, created_by="demo")


def cmd_user(args: argparse.Namespace) -> int:
    import getpass as _getpass

    from kancil.store import accounts

    if args.action == "list":
        with connection.reader(args.db) as con:
            for u in accounts.list_users(con):
                print(f"{u['username']}\t{u['role']}\t{'aktif' if u['active'] else 'nonaktif'}")
        return 0
    if args.sso:
        password = None
    elif args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = _getpass.getpass("Kata sandi: ")
        if password != _getpass.getpass("Ulangi kata sandi: "):
            print("Kedua kata sandi tidak sama.", file=sys.stderr)
            return 2
    try:
        with connection.writer(args.db, bump=False) as con:
            accounts.add_user(con, args.username, password, args.role, args.name, created_by=_getpass.getuser())
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"Akun {args.username} ({args.role}) dibuat.")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from kancil.filters import Filters
    from kancil.metrics import kpis

    if args.date_to < args.date_from:
        print("--to tidak boleh sebelum --from", file=sys.stderr)
        return 2
    filters = Filters(date_from=args.date_from, date_to=args.date_to, office=args.office, lane=args.lane,
                      group=args.group)
    with connection.reader(args.db) as con:
        result = kpis.summary(con, filters)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))
    return 0


def cmd_briefing(args: argparse.Namespace) -> int:
    """Write the printable morning briefing, or with --send e-mail it (kancil/briefing/delivery.py). Meant for cron
    on every weekday: a holiday or cuti bersama is skipped quietly (exit 0, nothing written or sent), and a working
    day without tickets (exports not loaded yet) exits 1 rather than printing a page of zeros; --force writes
    either anyway. A bad output name or office, or delivery settings not filled in, exit 2; an SMTP server that
    cannot be reached or refuses the message exits 69, and then nobody received it."""
    from kancil.briefing import delivery, printout
    from kancil.i18n import fmt_date, t
    from kancil.store import settings

    if args.precompute:
        from kancil.briefing import precompute
        from kancil.web import warm_pages

        done = precompute.precompute(args.db)
        print(t("report.cli.precomputed", args.lang, n=done["views"], version=done["version"], path=done["folder"],
                seconds=f"{done['seconds']:.1f}"))
        opened = warm_pages.warm(args.db)
        print(t("report.cli.pages_precomputed", args.lang, n=opened["pages"], seconds=f"{opened['seconds']:.1f}"))
        for page, error in opened["failed"].items():
            print(t("report.cli.page_failed", args.lang, page=page, error=error), file=sys.stderr)
        return 0
    lang = args.lang
    out = Path(args.out) if args.out else None
    if out is None and not args.send:
        print(t("report.cli.out_or_send", lang), file=sys.stderr)
        return 2
    try:
        if out is not None:
            printout.check_output(out, lang)
        with connection.reader(args.db) as con:
            server = delivery.Server.from_settings(settings.all_settings(con), lang) if args.send else None
            known = printout.offices(con)
            if args.office and args.office not in known:
                raise printout.ReportError(t("report.cli.unknown_office", lang, office=args.office,
                                           known=", ".join(known) or "—"))
            day = args.date or printout.briefing_day(con, args.office)
            workday = printout.is_workday(con, day, args.office)
            where = t("report.cli.office_suffix", lang, office=args.office) if args.office else ""
            day_text = fmt_date(day, lang, long=True)
            if not workday and not args.force:
                print(t("kirim.skipped" if args.send else "report.cli.skipped", lang, day=day_text, office=where))
                return 0
            data, demo = printout.collect(con, day, args.office)
        if sum(data["today"]["tickets"].values()) == 0 and not args.force:
            print(t("report.cli.no_tickets", lang, day=day_text, office=where), file=sys.stderr)
            return 1
        notes = [] if workday else [t("report.not_workday", lang, day=day_text)]
        if server is None:
            path = printout.write_report(data, out, lang, demo=demo, notes=notes)
            print(t("report.cli.written", lang, day=day_text, path=path))
            return 0
        with tempfile.TemporaryDirectory(prefix="kancil-briefing-") as folder:
            target = out or Path(folder) / delivery.attachment_name(day, args.office, f".{args.attach}")
            path = printout.write_report(data, target, lang, demo=demo, notes=notes)
            delivery.send(server, delivery.build_message(server, data, path, lang, demo), lang)
    except printout.ReportError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except delivery.DeliveryError as exc:
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    print(t("kirim.sent", lang, day=day_text, n=len(server.recipients), recipients=", ".join(server.recipients),
            name=path.name))
    return 0


# The datasets and formats of kancil/export/downloads.py, written out so that building the parser does not import
# pandas for every command (tests/test_export.py checks that the two stay equal).
EXPORT_DATASETS = ("antrian", "permohonan", "survei", "fasilitas", "ingest_batches", "ingest_rejects", "download_log")
EXPORT_FORMATS = ("csv", "xlsx", "parquet")


def cmd_export(args: argparse.Namespace) -> int:
    """One audited download: the same ZIP (data file + manifest.json) as the dashboard's, recorded in the download
    log as the operating-system user with role "cli". Exit status: 0 written; 2 a bad request or a refusal (e.g.
    XLSX over its row limit)."""
    import getpass as _getpass

    from kancil.contract import YEAR_MAX, YEAR_MIN
    from kancil.export import downloads
    from kancil.filters import Filters
    from kancil.i18n import t
    from kancil.roles import User

    date_from = args.date_from or dt.date(YEAR_MIN, 1, 1)  # no period given: everything in the store
    date_to = args.date_to or dt.date(YEAR_MAX, 12, 31)
    out = Path(args.out)
    if date_to < date_from:
        print(t("unduh.bad_period"), file=sys.stderr)
        return 2
    if out.suffix.lower() != ".zip":
        print(t("unduh.bad_out", out=out), file=sys.stderr)
        return 2
    filters = Filters(date_from=date_from, date_to=date_to, office=args.office, lane=args.lane, group=args.group,
                      service_type=args.service_type, channel=args.channel)
    who = _getpass.getuser()
    try:
        result = downloads.build_export(Path(args.db), args.dataset, filters, args.format, User(who, "cli", who),
                                     via="cli", out=out)
    except downloads.ExportError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    m = result.manifest
    print(t("unduh.cli_done", out=result.path, rows=m["rows"], dataset=m["dataset"], fmt=m["file_format"],
            sha=m["sha256"], user=who))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """``audit verify``: walk the download log's hash chain (kancil/store/log_chain.py). Exit status: 0 intact; 1
    broken (the first broken entry is named); 2 the store cannot be read or --head is malformed."""
    from kancil.i18n import t
    from kancil.store import log_chain, schema

    expected = None
    if args.head:
        try:
            expected = log_chain.parse_head(args.head)
        except ValueError:
            print(t("log_chain.bad_head", value=args.head), file=sys.stderr)
            return 2
    db = Path(args.db)
    try:
        with connection.reader(db) as con:
            current = schema.schema_version(con)
        if current < schema.SCHEMA_VERSION:  # an older store: its entries are chained by the migration first
            with connection.writer(db, bump=False):
                pass
        with connection.reader(db) as con:
            verdict = log_chain.verify(con, expected)
    except (FileNotFoundError, connection.StoreBusy) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(t(verdict.key, **verdict.values), file=sys.stdout if verdict.ok else sys.stderr)
    return 0 if verdict.ok else 1


def _decide_output(data: dict, text: str, as_json: bool) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str) if as_json else text)


def cmd_forecast(args: argparse.Namespace) -> int:
    """Demand forecast of one office and lane (kancil/decide/forecast.py). Exit status 2 for an unknown office or
    lane, a bad horizon or no history, with the reason in Bahasa Indonesia."""
    from kancil.decide import forecast, inputs, report

    try:
        with connection.reader(args.db) as con:
            result = forecast.forecast(con, args.office, args.lane, horizon=args.horizon)
    except inputs.DecideError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    _decide_output(result.as_json(), report.forecast_text(result), args.json)
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    """Replay of the counter queue or the back office under another order (kancil/decide/replay_*.py). Exit status
    2 for an unknown office or order, a bad period or counters, or a period with nothing to replay."""
    from kancil.decide import inputs, replay_completion, replay_queue, report
    from kancil.i18n import t

    if args.what == "completion" and args.counters is not None:
        print(t("decide.error.counters_completion"), file=sys.stderr)
        return 2
    try:
        with connection.reader(args.db) as con:
            if args.what == "queue":
                result = replay_queue.replay_queue(con, args.office, args.date_from, args.date_to, args.order,
                                                   counters=args.counters, cap=args.cap)
                text = report.queue_text(result)
            else:
                result = replay_completion.replay_completion(con, args.office, args.date_from, args.date_to,
                                                             args.order, cap=args.cap)
                text = report.completion_text(result)
    except inputs.DecideError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    _decide_output(result.as_json(), text, args.json)
    return 0


def cmd_optimize(args: argparse.Namespace) -> int:
    from kancil.store import maintenance

    report = maintenance.optimize(Path(args.db), order=args.order)
    print(json.dumps(report, ensure_ascii=False))
    return 0


def cmd_export_parquet(args: argparse.Namespace) -> int:
    from kancil.export import parquet as parquet_export

    counts = parquet_export.export(Path(args.db), Path(args.out), overwrite=args.overwrite)
    print(json.dumps(counts, ensure_ascii=False))
    return 0


CREATE_HELP = "buat penyimpanan baru bila --db belum ada (tanpa ini: ditolak, exit 2)"


INGEST_EPILOG = """status keluar (yang terburuk dari semua berkas):
  0  setiap baris tersimpan
  1  sebagian baris ditolak (baris lain tersimpan)
  2  sebuah berkas ditolak seluruhnya (tidak ada isinya yang disimpan)
  3  penyimpanan terkunci proses lain terlalu lama
  4  disimpan, tetapi langkah sesudahnya gagal (mis. penanda versi .version pada disk penuh):
     yang tercetak tersimpan; pesan "PERINGATAN … disimpan, tetapi …" menyebut apa yang gagal
  70 penyimpanan tidak dapat dipakai (bukan DuckDB, terpotong, rusak, hanya-baca, skema lebih baru);
     --db yang tidak ada: 2 (buat dengan --create atau python -m kancil init)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kancil", description="Kancil Nari: penyimpanan dan metrik")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="muat berkas ekspor kantor ke penyimpanan", epilog=INGEST_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--json", action="store_true")
    p.add_argument("--create", action="store_true", help=CREATE_HELP)
    p.add_argument("--again", action="store_true",
                   help="muat juga berkas yang sama persis (SHA-256) dengan batch sebelumnya walaupun itu "
                        "mengembalikan baris yang sudah dikoreksi sesudahnya")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("init", help="buat penyimpanan baru yang kosong (atau perbarui skema yang ada)")
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="buat penyimpanan berisi DATA CONTOH")
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--offices", type=int, default=1)
    p.add_argument("--days", type=int, default=730)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--end", type=_date, default=None, help="hari terakhir data (bawaan: kemarin)")
    p.add_argument("--export-dir", default=None, help="tulis juga berkas CSV sesuai kontrak data")
    p.add_argument("--no-accounts", dest="accounts", action="store_false",
                   help="tanpa akun demo (kepala, supervisor, auditor, admin)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("user", help="kelola akun: add, list")
    p.add_argument("action", choices=("add", "list"))
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--username")
    p.add_argument("--role", choices=("kepala_kantor", "supervisor", "auditor", "admin"))
    p.add_argument("--name")
    p.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari stdin (untuk skrip)")
    p.add_argument("--sso", action="store_true", help="akun SSO tanpa kata sandi lokal (username = e-mail)")
    p.set_defaults(func=cmd_user)

    p = sub.add_parser("summary", help="KPI suatu periode (JSON)")
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--from", dest="date_from", type=_date, required=True)
    p.add_argument("--to", dest="date_to", type=_date, required=True)
    p.add_argument("--office")
    p.add_argument("--lane", choices=LANES)
    p.add_argument("--group")
    p.add_argument("--json", action="store_true")
    p.add_argument("--create", action="store_true", help=CREATE_HELP)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("briefing", help="ringkasan pagi cetak, satu halaman A4 (.html atau .pdf)")
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--date", type=_date, default=None, help="hari ringkasan (bawaan: hari kerja terakhir sebelum "
                   "hari ini)")
    p.add_argument("--out", help="berkas keluaran, .html (mandiri, bisa dibuka luring) atau .pdf")
    p.add_argument("--send", action="store_true", help="kirim lewat surel ke penerima di Pengaturan › Pengiriman")
    p.add_argument("--attach", choices=("pdf", "html"), default="pdf",
                   help="--send tanpa --out: bentuk lampiran (bawaan: pdf)")
    p.add_argument("--precompute", action="store_true", help="siapkan ringkasan hari kerja terakhir setiap kantor "
                   "dan tampilan pertama halaman analisis untuk dasbor (berkas di samping penyimpanan; jalankan "
                   "sebelum jam buka)")
    p.add_argument("--office", help="kode kantor (bawaan: semua kantor)")
    p.add_argument("--force", action="store_true", help="tulis juga untuk hari bukan hari kerja atau tanpa tiket")
    p.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa (bawaan: id)")
    p.set_defaults(func=cmd_briefing)

    from kancil.contract import CHANNELS, GROUPS, SERVICE_TYPES

    p = sub.add_parser("export", help="unduhan data baris yang diaudit: ZIP berisi data dan manifest.json, dicatat "
                       "di log unduhan")
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--dataset", required=True, choices=EXPORT_DATASETS)
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--from", dest="date_from", type=_date, default=None, help="bawaan: semua data")
    p.add_argument("--to", dest="date_to", type=_date, default=None, help="bawaan: semua data")
    p.add_argument("--office")
    p.add_argument("--lane", choices=LANES)
    p.add_argument("--group", choices=GROUPS)
    p.add_argument("--service-type", dest="service_type", choices=SERVICE_TYPES)
    p.add_argument("--channel", choices=CHANNELS)
    p.add_argument("--out", required=True, help="berkas ZIP keluaran")
    p.add_argument("--create", action="store_true", help=CREATE_HELP)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("audit", help="periksa log unduhan: audit verify menelusuri rantai hash-nya")
    p.add_argument("action", choices=("verify",))
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--head", help="kepala rantai dari manifest unduhan (log_chain_head, NOMOR:HASH): harus masih ada")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("forecast", help="perkiraan permintaan tiket per hari kerja terhadap kuota (satu kantor, "
                       "satu jalur)")
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--office", required=True)
    p.add_argument("--lane", required=True, help="prioritas, reguler atau percepatan")
    p.add_argument("--horizon", type=int, default=40, help="jumlah hari kerja ke depan (bawaan 40)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_forecast)

    p = sub.add_parser("replay", help="putar ulang hari-hari kantor dengan urutan lain: antrean loket (queue) atau "
                       "penerbitan (completion)")
    p.add_argument("what", choices=("queue", "completion"))
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--office", required=True)
    p.add_argument("--from", dest="date_from", type=_date, required=True)
    p.add_argument("--to", dest="date_to", type=_date, required=True)
    p.add_argument("--order", required=True, help="fifo atau urutan jalur, mis. prioritas,percepatan,reguler; "
                   "'+' menggabungkan jalur (percepatan,prioritas+reguler)")
    p.add_argument("--cap", type=int, default=None, help="jalur lebih rendah dipanggil setelah K panggilan "
                   "berturut-turut jalur lebih tinggi")
    p.add_argument("--counters", type=int, default=None, help="queue: N loket untuk semua jalur (bawaan: loket "
                   "seperti tercatat)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("optimize", help="urutkan ulang tabel besar (kantor, waktu) agar filter melewati data")
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--order", choices=("office", "month"), default="office",
                   help="office: (kantor, waktu), bawaan; month: (bulan, kantor, waktu)")
    p.set_defaults(func=cmd_optimize)

    p = sub.add_parser("export-parquet", help="ekspor tabel ke Parquet, dipartisi per kantor dan bulan")
    p.add_argument("--db", default=str(connection.DEFAULT_DB))
    p.add_argument("--out", required=True, help="folder keluaran")
    p.add_argument("--overwrite", action="store_true", help="ganti folder keluaran yang sudah berisi")
    p.set_defaults(func=cmd_export_parquet)
    return parser


# Commands on an existing store, and whether they write it (user: "add" writes, "list" reads). A missing --db is
# refused (a mistyped path must not become a new empty store) unless the command takes --create and is given it;
# ``init`` creates one, ``demo`` builds one. Exit status: 2 the input (a missing store), 70 an unusable store, 3
# locked by another process (kancil/store/health.py).
STORE_COMMANDS = {"ingest": True, "summary": False, "briefing": False, "export": True, "forecast": False,
                  "replay": False, "optimize": True, "export-parquet": False, "user": None}


def _writes(args: argparse.Namespace) -> bool:
    writes = STORE_COMMANDS[args.command]
    return args.action == "add" if writes is None else writes


def store_problem(args: argparse.Namespace) -> health.StoreProblem | None:
    """What keeps this command from using its store, checked before it starts (None: go ahead)."""
    if args.command not in STORE_COMMANDS:
        return None
    db = Path(args.db)
    if getattr(args, "create", False) and not db.exists():
        with connection.writer(db, bump=False):  # asked for: an empty store at the current schema
            pass
    return connection.diagnose(db, write=_writes(args))


def cmd_init(args: argparse.Namespace) -> int:
    """Create an empty store at the current schema (or migrate an existing, usable one): the one way, beside
    ``--create`` and ``demo``, that a new store comes into being."""
    from kancil.i18n import t
    from kancil.store import schema

    db = Path(args.db)
    existed = db.exists()
    if existed and (problem := connection.diagnose(db)):
        print(problem.message(), file=sys.stderr)
        return problem.exit_code
    with connection.writer(db, bump=not existed) as con:
        version = schema.schema_version(con)
    print(t("store.init.exists" if existed else "store.init.created", path=db, version=version))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; a store that cannot be used is explained in Bahasa Indonesia, never with a traceback."""
    from kancil.i18n import t

    args = build_parser().parse_args(argv)
    problem = store_problem(args)
    if problem:
        print(problem.message(), file=sys.stderr)
        return problem.exit_code
    try:
        return args.func(args)
    except connection.StoreBusy:
        problem = health.StoreProblem("locked", Path(args.db))
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return health.EXIT_INPUT
    except (duckdb.Error, OSError, RuntimeError) as exc:  # the store went bad while the command ran
        if args.command not in STORE_COMMANDS:
            raise
        problem = connection.explain_failure(args.db, exc)
        if problem is None:
            print(t("store.problem.failed", path=args.db, error=exc), file=sys.stderr)
            return health.EXIT_STORE
    print(problem.message(), file=sys.stderr)
    return problem.exit_code
