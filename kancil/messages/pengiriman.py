"""Messages of the briefing sent by e-mail: the command, the message itself, Pengaturan › Pengiriman."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the settings
    "pengaturan.tab.delivery": ("Pengiriman", "Delivery"),
    "pengaturan.key.kirim_penerima": ("Penerima ringkasan pagi", "Morning briefing recipients"),
    "pengaturan.key.smtp_host": ("Server SMTP", "SMTP server"),
    "pengaturan.key.smtp_port": ("Port SMTP", "SMTP port"),
    "pengaturan.key.smtp_keamanan": ("Keamanan sambungan", "Connection security"),
    "pengaturan.key.smtp_user": ("Nama pengguna SMTP", "SMTP username"),
    "pengaturan.key.smtp_pengirim": ("Alamat pengirim", "Sender address"),
    "kirim.security.starttls": ("STARTTLS (biasanya port 587)", "STARTTLS (usually port 587)"),
    "kirim.security.ssl": ("SSL/TLS langsung (biasanya port 465)", "SSL/TLS from the start (usually port 465)"),
    "kirim.security.none": ("Tanpa enkripsi (relai di jaringan kantor, port 25)",
                            "No encryption (a relay on the office network, port 25)"),
    "kirim.heading": ("Pengiriman ringkasan pagi", "Sending the morning briefing"),
    "kirim.intro": ("`python -m kancil briefing --send` mengirim ringkasan pagi (PDF terlampir, daftar \"Perlu "
                    "perhatian\" di isi surel) ke penerima ini lewat server SMTP kantor; hari bukan hari kerja "
                    "dilewati. Jadwalkan setiap hari kerja setelah impor malam.",
                    "`python -m kancil briefing --send` e-mails the morning briefing (the PDF attached, the "
                    "\"Needs attention\" list in the body) to these recipients through the office's SMTP server; "
                    "days that are not working days are skipped. Schedule it every working day after the nightly "
                    "import."),
    "kirim.recipients_help": ("Satu alamat per baris (atau dipisah koma).",
                              "One address per line (or separated by commas)."),
    "kirim.password_note": ("Kata sandi SMTP tidak disimpan di sini: server membacanya dari variabel lingkungan "
                            "KANCIL_SMTP_PASSWORD atau dari secrets Streamlit (`[smtp] password`).",
                            "The SMTP password is not kept here: the server reads it from the environment "
                            "variable KANCIL_SMTP_PASSWORD or from the Streamlit secrets (`[smtp] password`)."),
    "kirim.password_present": ("Kata sandi SMTP tersedia di server.", "An SMTP password is available on the server."),
    "kirim.password_absent": ("Kata sandi SMTP belum tersedia di server (perlu bila nama pengguna SMTP diisi).",
                              "No SMTP password on the server yet (needed when an SMTP username is set)."),
    "kirim.save": ("Simpan pengiriman", "Save delivery"),
    "kirim.saved": ("{n} pengaturan pengiriman diubah.", "{n} delivery settings changed."),
    "kirim.unchanged": ("Tidak ada yang berubah.", "Nothing changed."),
    "kirim.count": ("{n} penerima", "{n} recipients"),
    # the message
    "kirim.subject": ("Ringkasan pagi {day} · {office} · {n} perlu perhatian",
                      "Morning briefing {day} · {office} · {n} need attention"),
    "kirim.body.intro": ("Ringkasan pagi {day}, kantor {office}.", "Morning briefing {day}, office {office}."),
    "kirim.body.attached": ("Ringkasan lengkap satu halaman terlampir: {name}.",
                            "The full one-page briefing is attached: {name}."),
    "kirim.body.footer": ("Dikirim otomatis oleh Kancil Nari. Penerima diatur di Pengaturan › Pengiriman.",
                          "Sent automatically by Kancil Nari. Recipients are set in Settings › Delivery."),
    # the command
    "kirim.sent": ("Ringkasan {day} dikirim ke {n} penerima ({recipients}), lampiran {name}.",
                   "Briefing for {day} sent to {n} recipients ({recipients}), attachment {name}."),
    "kirim.skipped": ("{day} bukan hari kerja{office}: ringkasan tidak dikirim.",
                      "{day} is not a working day{office}: no briefing sent."),
    "kirim.err.missing": ("Ringkasan tidak dikirim: \"{setting}\" belum diisi (Pengaturan › Pengiriman).",
                          "Briefing not sent: \"{setting}\" is not set (Settings › Delivery)."),
    "kirim.err.connect": ("Ringkasan tidak dikirim: server SMTP {server} tidak dapat dihubungi ({error}). Tidak "
                          "ada penerima yang menerimanya; periksa server dan port di Pengaturan › Pengiriman, lalu "
                          "jalankan lagi.",
                          "Briefing not sent: the SMTP server {server} cannot be reached ({error}). Nobody received "
                          "it; check the server and port in Settings › Delivery and run again."),
    "kirim.err.failed": ("Ringkasan tidak dikirim: server SMTP {server} gagal ({error}). Tidak ada penerima yang "
                         "menerimanya; jalankan lagi nanti.",
                         "Briefing not sent: the SMTP server {server} failed ({error}). Nobody received it; run "
                         "again later."),
    "kirim.err.recipient": ("Ringkasan tidak dikirim: server menolak penerima {address} ({code} {reply}). Tidak ada "
                            "penerima yang menerimanya; perbaiki daftar penerima di Pengaturan › Pengiriman.",
                            "Briefing not sent: the server refused the recipient {address} ({code} {reply}). Nobody "
                            "received it; correct the recipient list in Settings › Delivery."),
    "kirim.err.login": ("Ringkasan tidak dikirim: server SMTP {server} menolak masuk sebagai {user} (kata sandi "
                        "KANCIL_SMTP_PASSWORD salah?).",
                        "Briefing not sent: the SMTP server {server} refused the login as {user} (wrong "
                        "KANCIL_SMTP_PASSWORD?)."),
    "kirim.err.no_password": ("Ringkasan tidak dikirim: nama pengguna SMTP {user} diisi, tetapi tidak ada kata "
                              "sandi (atur KANCIL_SMTP_PASSWORD atau `[smtp] password` di secrets Streamlit).",
                              "Briefing not sent: the SMTP username {user} is set but there is no password (set "
                              "KANCIL_SMTP_PASSWORD or `[smtp] password` in the Streamlit secrets)."),
    "kirim.err.address": ("Bukan alamat surel: {value}", "Not an e-mail address: {value}"),
    "kirim.err.too_many": ("Paling banyak {max} penerima.", "At most {max} recipients."),
    "kirim.err.host": ("Bukan nama server: {value}", "Not a server name: {value}"),
    "kirim.err.security": ("Keamanan sambungan harus salah satu dari: {known}",
                           "Connection security must be one of: {known}"),
    "kirim.err.user": ("Nama pengguna SMTP paling panjang 200 karakter, satu baris.",
                       "The SMTP username is at most 200 characters, one line."),
}
