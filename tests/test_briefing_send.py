"""``python -m kancil briefing --send`` against a real SMTP server (aiosmtpd on 127.0.0.1), issue 12 item 7: what
arrives (recipients, subject, attachment, the alerts in the body), the password from the environment only,
STARTTLS, non-working days skipped, and every failure (server down, a recipient refused, settings missing) said in
Bahasa Indonesia with its exit status and nobody having received anything."""

from __future__ import annotations

import datetime as dt
import email
import re
import shutil
import socket
import ssl
import subprocess
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from kancil import cli, config
from kancil.admin import changes
from kancil.briefing import delivery, morning
from kancil.i18n import fmt_date, t
from kancil.store import connection

DAY = dt.date(2026, 5, 11)  # a Monday of the hand-made store with tickets over the priority quota
SUNDAY = dt.date(2026, 5, 17)
RECIPIENTS = ["kepala@kanim-test.go.id", "supervisor@kanim-test.go.id", "arsip@kanim-test.go.id"]
SENDER = "kancil@kanim-test.go.id"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps what it accepted, and refuses the addresses it is told to."""

    def __init__(self, refuse: tuple[str, ...] = ()) -> None:
        self.refuse = set(refuse)
        self.messages: list[tuple[str, list[str], EmailMessage]] = []
        self.logins: list[tuple[bytes, bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.content, policy=default_policy)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            self.logins.append((auth_data.login, auth_data.password))
            ok = auth_data.password == b"rahasia-smtp-1"
            return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself
        return AuthResult(success=False, handled=False)


@pytest.fixture
def inbox():
    box = Inbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port(), authenticator=box.authenticate,
                            auth_require_tls=False)
    controller.start()
    box.port = controller.port
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture
def db(metrics_db: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(metrics_db, tmp_path / "store.duckdb"))


def configure(db: Path, port: int, security: str = "none", user: str = "", host: str = "127.0.0.1",
              recipients: str = "\n".join(RECIPIENTS)) -> None:
    values = {"kirim_penerima": recipients, "smtp_host": host, "smtp_port": port, "smtp_keamanan": security,
              "smtp_user": user, "smtp_pengirim": SENDER}
    with connection.writer(db, bump=False) as con:
        for key, value in values.items():
            changes.change_setting(con, "test-supervisor", key, value)


def send(db: Path, *args: str, day: dt.date = DAY) -> int:
    return cli.main(["briefing", "--db", str(db), "--office", "TST", "--date", day.isoformat(), "--send", *args])


def alerts(db: Path) -> list[str]:
    with connection.reader(db) as con:
        return [morning.attention_text(item, "id") for item in morning.build(con, DAY, "TST")["attention"]]


@pytest.fixture(autouse=True)
def no_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No password from this machine's environment or secrets files leaks into a test."""
    monkeypatch.delenv("KANCIL_SMTP_PASSWORD", raising=False)
    monkeypatch.setattr(config, "SECRETS_FILES", (tmp_path / "no-secrets.toml",))


# ------------------------------------------------------------------------------------------------ delivered


def test_the_briefing_reaches_every_recipient_with_the_alerts(db: Path, inbox: Inbox, capsys) -> None:
    configure(db, inbox.port)
    assert cli.main(["briefing", "--db", str(db), "--office", "TST", "--date", DAY.isoformat(), "--out",
                     str(db.parent / "kept.html")]) == 0  # the same page, written to a file
    capsys.readouterr()
    assert send(db, "--attach", "html") == 0
    [(sender, rcpts, msg)] = inbox.messages
    assert sender == SENDER and rcpts == RECIPIENTS
    assert msg["To"] == ", ".join(RECIPIENTS) and msg["From"] == SENDER
    found = alerts(db)
    assert len(found) == 5 and found[0] == "Waktu tunggu prioritas p90 19,0 menit, di atas target 15,0 menit."
    assert msg["Subject"] == "Ringkasan pagi Senin, 11 Mei 2026 · TST · 5 perlu perhatian"
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename() == "ringkasan-pagi-2026-05-11-TST.html"
    def unstamped(html: str) -> str:  # the minute it was printed may differ
        return re.sub(r"Dicetak [^<]*", "", html)

    assert unstamped(attachment.get_content()) == unstamped((db.parent / "kept.html").read_text(encoding="utf-8"))
    text = msg.get_body(("plain",)).get_content()
    assert text.splitlines()[:3] == ["Ringkasan pagi Senin, 11 Mei 2026, kantor TST.", "", "Perlu perhatian:"]
    assert text.splitlines()[3:8] == [f"- {a}" for a in found] and text.splitlines()[8] == ""
    assert "Ringkasan lengkap satu halaman terlampir: ringkasan-pagi-2026-05-11-TST.html." in text
    assert capsys.readouterr().out.strip() == (
        f"Ringkasan {fmt_date(DAY, 'id', long=True)} dikirim ke 3 penerima ({', '.join(RECIPIENTS)}), lampiran "
        "ringkasan-pagi-2026-05-11-TST.html.")


@pytest.mark.browser  # the PDF is printed by Chromium
def test_the_default_attachment_is_the_pdf(db: Path, inbox: Inbox) -> None:
    configure(db, inbox.port)
    assert send(db) == 0
    [(_, _, msg)] = inbox.messages
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename() == "ringkasan-pagi-2026-05-11-TST.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content()[:5] == b"%PDF-"


def test_the_password_comes_from_the_environment(db: Path, inbox: Inbox, monkeypatch, capsys) -> None:
    configure(db, inbox.port, user="kancil-smtp")
    assert send(db, "--attach", "html") == 2  # a user but no password: not sent, said why
    assert capsys.readouterr().err.strip() == t("kirim.err.no_password", user="kancil-smtp")
    assert inbox.messages == [] and inbox.logins == []
    monkeypatch.setenv("KANCIL_SMTP_PASSWORD", "salah")
    assert send(db, "--attach", "html") == 2
    assert "menolak masuk sebagai kancil-smtp" in capsys.readouterr().err and inbox.messages == []
    monkeypatch.setenv("KANCIL_SMTP_PASSWORD", "rahasia-smtp-1")
    assert send(db, "--attach", "html") == 0
    assert inbox.logins[-1] == (b"kancil-smtp", b"rahasia-smtp-1") and len(inbox.messages) == 1
    with connection.reader(db) as con:  # the store never holds it
        assert con.execute("SELECT count(*) FROM pengaturan WHERE value LIKE '%rahasia%'").fetchone()[0] == 0


def test_the_password_from_the_streamlit_secrets(tmp_path: Path, monkeypatch) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[smtp]\npassword = "dari-secrets-1"\n')
    monkeypatch.setattr(config, "SECRETS_FILES", (tmp_path / "none.toml", secrets))
    assert config.smtp_password() == "dari-secrets-1"
    monkeypatch.setenv("KANCIL_SMTP_PASSWORD", "dari-env-1")
    assert config.smtp_password() == "dari-env-1"


def test_starttls_with_the_office_certificate(db: Path, tmp_path: Path, monkeypatch) -> None:
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make the test server's certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out",
                    str(cert)], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    box = Inbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port(), tls_context=context, require_starttls=True)
    controller.start()
    try:
        configure(db, controller.port, security="starttls", host="localhost")
        assert send(db, "--attach", "html") == 69  # the office CA not trusted yet: nothing sent
        assert box.messages == []
        monkeypatch.setenv("KANCIL_SMTP_CAFILE", str(cert))
        assert send(db, "--attach", "html") == 0
        assert [rcpts for _, rcpts, _ in box.messages] == [RECIPIENTS]
    finally:
        controller.stop()


# ------------------------------------------------------------------------------------------------ not sent


def test_a_non_working_day_is_skipped(db: Path, inbox: Inbox, capsys) -> None:
    configure(db, inbox.port)
    assert send(db, "--attach", "html", day=SUNDAY) == 0
    assert capsys.readouterr().out.strip() == (
        "17 Mei 2026 bukan hari kerja untuk kantor TST: ringkasan tidak dikirim.")
    assert inbox.messages == []


def test_a_server_that_is_down_sends_nothing(db: Path, capsys) -> None:
    port = free_port()  # nothing listens there
    configure(db, port)
    assert send(db, "--attach", "html") == 69
    assert capsys.readouterr().err.strip() == (
        f"Ringkasan tidak dikirim: server SMTP 127.0.0.1:{port} tidak dapat dihubungi (ConnectionRefused). Tidak "
        "ada penerima yang menerimanya; periksa server dan port di Pengaturan › Pengiriman, lalu jalankan lagi.")


def test_a_refused_recipient_means_nobody_gets_it(db: Path, inbox: Inbox, capsys) -> None:
    inbox.refuse = {RECIPIENTS[2]}
    configure(db, inbox.port)
    assert send(db, "--attach", "html") == 69
    assert capsys.readouterr().err.strip() == (
        f"Ringkasan tidak dikirim: server menolak penerima {RECIPIENTS[2]} (550 5.1.1 Mailbox unavailable). Tidak "
        "ada penerima yang menerimanya; perbaiki daftar penerima di Pengaturan › Pengiriman.")
    assert inbox.messages == []  # the first two were offered, then the transaction was reset: no copy delivered


def test_missing_settings_are_named(db: Path, capsys) -> None:
    assert send(db, "--attach", "html") == 2
    assert capsys.readouterr().err.strip() == (
        "Ringkasan tidak dikirim: \"Penerima ringkasan pagi\" belum diisi (Pengaturan › Pengiriman).")


def test_delivery_settings_are_checked() -> None:
    assert delivery.check_setting("kirim_penerima", "A@x.go.id; b@x.go.id\na@x.go.id") == ("a@x.go.id,b@x.go.id",
                                                                                          None)
    with pytest.raises(changes.AdminError, match="^Bukan alamat surel: bukan-alamat, c@d$"):
        changes.setting_value("kirim_penerima", "a@x.go.id, bukan-alamat, c@d")
    with pytest.raises(changes.AdminError, match="^Keamanan sambungan harus salah satu dari: starttls, ssl, none$"):
        changes.setting_value("smtp_keamanan", "tls")
    with pytest.raises(changes.AdminError):
        changes.setting_value("smtp_port", 70000)
    assert changes.setting_value("smtp_port", 465) == "465"
