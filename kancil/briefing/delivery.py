"""The morning briefing delivered by e-mail (``python -m kancil briefing --send``): the printout attached, the
"Perlu perhatian" list in the body, to the recipients kept in Pengaturan › Pengiriman, through the office's SMTP
server.

Why all or nothing: a briefing that reached half of the list is worse than none (the others do not know they
missed it, and a re-run sends the first half a second copy). The message goes out in one SMTP transaction, and
every recipient is offered (RCPT) before the text (DATA): if the server refuses any one of them the transaction is
reset and nobody gets it; a connection refused or dropped before DATA is finished delivers nothing either.

Why the password is not a setting: settings live in the store, which auditors can download and which is backed up
widely. The SMTP password comes only from the environment (``KANCIL_SMTP_PASSWORD``) or the server's Streamlit
secrets (``[smtp] password``), read by ``kancil.config.smtp_password``.
"""

from __future__ import annotations

import email.policy
import re
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from kancil import config
from kancil.briefing import morning
from kancil.i18n import fmt_date, fmt_weekday, t

SECURITY = ("starttls", "ssl", "none")  # none: a relay on the office network that speaks neither (port 25)
TIMEOUT_SECONDS = 30.0
MAX_RECIPIENTS = 100
_EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+$")
_HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$")
# The delivery settings (defaults in kancil/store/settings.py) and how each is checked (``check_setting``).
TEXT_SETTINGS = ("kirim_penerima", "smtp_host", "smtp_keamanan", "smtp_user", "smtp_pengirim")


class DeliveryError(RuntimeError):
    """The briefing was not sent; the message says why and what to do. ``exit_code``: 2 the settings (fix them in
    Pengaturan), 69 the server (unreachable, refused, rejected a recipient): sysexits' EX_UNAVAILABLE."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


EXIT_SETTINGS = 2
EXIT_UNAVAILABLE = 69


def split_recipients(text: str) -> list[str]:
    """The addresses of a recipient list as typed: one per line, or separated by commas or semicolons."""
    return [part.strip() for part in re.split(r"[\n,;]+", text or "") if part.strip()]


def check_setting(key: str, value: object) -> tuple[str, None] | tuple[None, tuple[str, dict]]:
    """The stored text of a delivery setting, or the message key and values of why it is refused."""
    text = str(value if value is not None else "").strip()
    if key == "kirim_penerima":
        addresses = split_recipients(text)
        wrong = [a for a in addresses if not _EMAIL.match(a)]
        if wrong:
            return None, ("kirim.err.address", {"value": ", ".join(wrong)})
        if len(addresses) > MAX_RECIPIENTS:
            return None, ("kirim.err.too_many", {"max": MAX_RECIPIENTS})
        return ",".join(dict.fromkeys(a.lower() for a in addresses)), None
    if key == "smtp_pengirim":
        return (text, None) if not text or _EMAIL.match(text) else (None, ("kirim.err.address", {"value": text}))
    if key == "smtp_host":
        return (text, None) if not text or _HOST.match(text) else (None, ("kirim.err.host", {"value": text}))
    if key == "smtp_keamanan":
        return (text, None) if text in SECURITY else (None, ("kirim.err.security", {"known": ", ".join(SECURITY)}))
    if key == "smtp_user":
        return (text, None) if len(text) <= 200 and "\n" not in text else (None, ("kirim.err.user", {}))
    raise KeyError(key)


@dataclass(frozen=True)
class Server:
    """Where and how to send, from the settings; the password from the environment or secrets."""

    host: str
    port: int
    security: str
    user: str
    sender: str
    recipients: tuple[str, ...]

    @classmethod
    def from_settings(cls, values: Mapping[str, str], lang: str = "id") -> Server:
        """The server of the office's settings, or DeliveryError naming the first setting still missing."""
        recipients = tuple(split_recipients(values.get("kirim_penerima", "")))
        for key, present in (("kirim_penerima", recipients), ("smtp_host", values.get("smtp_host")),
                             ("smtp_pengirim", values.get("smtp_pengirim"))):
            if not present:
                raise DeliveryError(t("kirim.err.missing", lang, setting=t(f"pengaturan.key.{key}", lang)),
                                    EXIT_SETTINGS)
        return cls(values["smtp_host"], int(values.get("smtp_port") or 587), values.get("smtp_keamanan", "starttls"),
                   values.get("smtp_user", ""), values["smtp_pengirim"], recipients)


def attachment_name(day, office: str | None, suffix: str) -> str:
    """``ringkasan-pagi-2026-06-29-CLP.pdf``: sortable, and it says which office."""
    return f"ringkasan-pagi-{day.isoformat()}-{office or 'semua'}{suffix}"


def subject(data: dict, lang: str = "id") -> str:
    day = data["day"]
    office = data["filters"].get("office") or t("report.all_offices", lang)
    n = len(data["attention"])
    return t("kirim.subject", lang, day=f"{fmt_weekday(day, lang)}, {fmt_date(day, lang, long=True)}",
             office=office, n=n)


def body(data: dict, name: str, lang: str = "id", demo: bool = False) -> str:
    """The short text of the message: the day, the alerts one per line (or that there are none), the attachment."""
    day = data["day"]
    lines = [t("banner.demo", lang), ""] if demo else []
    lines.append(t("kirim.body.intro", lang, day=f"{fmt_weekday(day, lang)}, {fmt_date(day, lang, long=True)}",
                   office=data["filters"].get("office") or t("report.all_offices", lang)))
    lines.append("")
    alerts = [morning.attention_text(item, lang) for item in data["attention"]]
    if alerts:
        lines.append(t("ringkasan.attention", lang) + ":")
        lines += [f"- {text}" for text in alerts]
    else:
        lines.append(t("ringkasan.nothing", lang))
    lines += ["", t("kirim.body.attached", lang, name=name), "", t("kirim.body.footer", lang)]
    return "\n".join(lines) + "\n"


def build_message(server: Server, data: dict, attachment: Path, lang: str = "id", demo: bool = False) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject(data, lang)
    msg["From"] = server.sender
    msg["To"] = ", ".join(server.recipients)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=server.sender.rsplit("@", 1)[-1])
    msg.set_content(body(data, attachment.name, lang, demo))
    subtype = "pdf" if attachment.suffix == ".pdf" else "html"
    maintype = "application" if subtype == "pdf" else "text"
    params = {} if subtype == "pdf" else {"charset": "utf-8"}
    msg.add_attachment(attachment.read_bytes(), maintype=maintype, subtype=subtype, filename=attachment.name,
                       params=params)
    return msg


def _connect(server: Server) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=config.smtp_cafile())
    if server.security == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT_SECONDS, context=context)
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS)
    smtp.ehlo()
    if server.security == "starttls":
        smtp.starttls(context=context)
        smtp.ehlo()
    return smtp


def send(server: Server, msg: EmailMessage, lang: str = "id") -> None:
    """Deliver ``msg`` to every recipient in one SMTP transaction, or to none (DeliveryError).

    Each recipient is offered before the text: one refusal resets the transaction, so nobody gets a copy the
    others did not."""
    where = f"{server.host}:{server.port}"
    password = config.smtp_password()
    try:
        smtp = _connect(server)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(t("kirim.err.connect", lang, server=where, error=_reason(exc)), EXIT_UNAVAILABLE) from exc
    try:
        if server.user:
            if password is None:
                raise DeliveryError(t("kirim.err.no_password", lang, user=server.user), EXIT_SETTINGS)
            smtp.login(server.user, password)
        code, reply = smtp.mail(server.sender)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, server.sender)
        for address in server.recipients:
            code, reply = smtp.rcpt(address)
            if code not in (250, 251):
                smtp.rset()
                raise DeliveryError(t("kirim.err.recipient", lang, address=address, code=code,
                                      reply=reply.decode(errors="replace")), EXIT_UNAVAILABLE)
        code, reply = smtp.data(msg.as_bytes(policy=email.policy.SMTP))  # CRLF line ends, as SMTP wants
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(t("kirim.err.login", lang, user=server.user, server=where), EXIT_SETTINGS) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(t("kirim.err.failed", lang, server=where, error=_reason(exc)), EXIT_UNAVAILABLE) from exc
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "ConnectionRefused"
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        return f"{exc.smtp_code} {text}"
    return str(exc) or type(exc).__name__
