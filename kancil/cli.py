"""``python -m kancil``: ingest, demo, summary and the other commands, all over the one store and metric code."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from kancil import store
from kancil.contract import KINDS, LANES


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"tanggal harus YYYY-MM-DD: {text!r}") from exc


def cmd_ingest(args: argparse.Namespace) -> int:
    from kancil.ingest import ingest_file

    worst = 0
    with store.writer(args.db) as con:
        for name in args.files:
            result = ingest_file(con, args.kind, Path(name))
            worst = max(worst, result.exit_code)
            if args.json:
                data = result.as_json()
                out = {k: data[k] for k in ("file", "kind", "rows", "stored", "replaced", "rejected", "rejects")}
                out["unchanged"] = result.unchanged
                if result.refused:
                    out["error"] = result.refused
                if result.extra_columns:
                    out["extra_columns"] = result.extra_columns
                print(json.dumps(out, ensure_ascii=False, default=str))
                continue
            if result.refused:
                print(f"DITOLAK {result.refused}", file=sys.stderr)
                continue
            if result.extra_columns:
                print(f"{result.file}: kolom tambahan diabaikan: {', '.join(result.extra_columns)}")
            print(
                f"{result.file}: {result.rows} baris = {result.stored} disimpan + {result.rejected} ditolak "
                f"({result.replaced} menggantikan data lama, {result.unchanged} sudah ada dan sama)"
            )
            for r in result.rejects[:20]:
                print(f"  baris {r.row}, kolom {r.column}, nilai {r.value!r}: {r.reason}", file=sys.stderr)
            if len(result.rejects) > 20:
                print(f"  … dan {len(result.rejects) - 20} lagi (lihat tabel ingest_rejects, batch "
                      f"{result.batch_id})", file=sys.stderr)
    return worst


def cmd_demo(args: argparse.Namespace) -> int:
    from kancil import demo

    end = args.end or (dt.date.today() - dt.timedelta(days=1))
    counts = demo.build(
        Path(args.db), offices=args.offices, days=args.days, seed=args.seed, end=end,
        export_dir=Path(args.export_dir) if args.export_dir else None,
    )
    if args.accounts:
        _add_demo_accounts(Path(args.db))
    print(json.dumps(counts, ensure_ascii=False))
    return 0


DEMO_ACCOUNTS = (  # documented in the README; only ever created in a demo store
    ("kepala", "kepala_kantor", "Kepala Kantor (demo)"),
    ("supervisor", "supervisor", "Supervisor (demo)"),
    ("auditor", "auditor", "Auditor (demo)"),
    ("admin", "admin", "Admin (demo)"),
)


def _add_demo_accounts(db: Path) -> None:
    from kancil import auth

    with store.writer(db, bump=False) as con:
        for username, role, name in DEMO_ACCOUNTS:
            auth.add_user(con, username, f"demo-{username}-2026", role, name, created_by="demo")


def cmd_user(args: argparse.Namespace) -> int:
    import getpass as _getpass

    from kancil import auth

    if args.action == "list":
        with store.reader(args.db) as con:
            for u in auth.list_users(con):
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
        with store.writer(args.db, bump=False) as con:
            auth.add_user(con, args.username, password, args.role, args.name, created_by=_getpass.getuser())
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"Akun {args.username} ({args.role}) dibuat.")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from kancil import metrics
    from kancil.filters import Filters

    if args.date_to < args.date_from:
        print("--to tidak boleh sebelum --from", file=sys.stderr)
        return 2
    filters = Filters(date_from=args.date_from, date_to=args.date_to, office=args.office, lane=args.lane,
                      group=args.group)
    with store.reader(args.db) as con:
        result = metrics.summary(con, filters)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kancil", description="Kancil Nari: penyimpanan dan metrik")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="muat berkas ekspor kantor ke penyimpanan")
    p.add_argument("--db", default=str(store.DEFAULT_DB))
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--json", action="store_true")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("demo", help="buat penyimpanan berisi DATA CONTOH")
    p.add_argument("--db", default=str(store.DEFAULT_DB))
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
    p.add_argument("--db", default=str(store.DEFAULT_DB))
    p.add_argument("--username")
    p.add_argument("--role", choices=("kepala_kantor", "supervisor", "auditor", "admin"))
    p.add_argument("--name")
    p.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari stdin (untuk skrip)")
    p.add_argument("--sso", action="store_true", help="akun SSO tanpa kata sandi lokal (username = e-mail)")
    p.set_defaults(func=cmd_user)

    p = sub.add_parser("summary", help="KPI suatu periode (JSON)")
    p.add_argument("--db", default=str(store.DEFAULT_DB))
    p.add_argument("--from", dest="date_from", type=_date, required=True)
    p.add_argument("--to", dest="date_to", type=_date, required=True)
    p.add_argument("--office")
    p.add_argument("--lane", choices=LANES)
    p.add_argument("--group")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_summary)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except store.StoreBusy as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return 2
