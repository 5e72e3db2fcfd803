"""Messages of the Pengguna (user accounts) page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "pengguna.intro": (
        "Akun dasbor dan perannya. Kata sandi disimpan sebagai hash Argon2 dan tidak pernah ditampilkan. "
                    "Akun tidak dihapus, hanya dinonaktifkan, agar riwayat (siapa memuat atau mengubah apa) tetap "
                    "terbaca.",
                    "Dashboard accounts and their roles. Passwords are stored as Argon2 hashes and never shown. "
                    "Accounts are not deleted, only deactivated, so the history (who loaded or changed what) stays "
                    "readable."),
    "pengguna.list": ("Akun", "Accounts"),
    "pengguna.none": ("Belum ada akun.", "No accounts yet."),
    "pengguna.col.username": ("Nama pengguna", "Username"),
    "pengguna.col.role": ("Peran", "Role"),
    "pengguna.col.name": ("Nama tampilan", "Display name"),
    "pengguna.col.sign_in": ("Cara masuk", "Sign-in"),
    "pengguna.col.active": ("Aktif", "Active"),
    "pengguna.col.created_by": ("Dibuat oleh", "Created by"),
    "pengguna.col.created_at": ("Dibuat", "Created"),
    "pengguna.sign_in.password": ("kata sandi", "password"),
    "pengguna.sign_in.sso": ("SSO kantor", "office SSO"),
    "pengguna.yes": ("ya", "yes"),
    "pengguna.no": ("tidak", "no"),
    "pengguna.roles_caption": ("Kepala kantor: dasbor. Supervisor: dasbor, rincian petugas, data, pengaturan. Auditor: "
                            "dasbor, rincian, unduh baris dan log unduhan. Admin: data, pengguna, log unduhan.",
                            "Head of office: dashboard. Supervisor: dashboard, officer detail, data, settings. "
                            "Auditor: dashboard, detail, row downloads and the download log. Admin: data, users, "
                            "download log."),
    "pengguna.add": ("Tambah akun", "Add an account"),
    "pengguna.username": ("Nama pengguna", "Username"),
    "pengguna.username_help": ("Huruf kecil; untuk akun SSO: alamat e-mail kantor.",
                            "Lower case; for an SSO account: the office e-mail address."),
    "pengguna.role": ("Peran", "Role"),
    "pengguna.display_name": ("Nama tampilan", "Display name"),
    "pengguna.sso": ("Hanya SSO (tanpa kata sandi; nama pengguna = e-mail)",
                     "SSO only (no password; username = e-mail)"),
    "pengguna.password": ("Kata sandi (minimal {n} karakter)", "Password (at least {n} characters)"),
    "pengguna.password_again": ("Ulangi kata sandi", "Repeat the password"),
    "pengguna.create": ("Buat akun", "Create account"),
    "pengguna.created": ("Akun dibuat.", "Account created."),
    "pengguna.active": ("Aktifkan atau nonaktifkan",
                        "Activate or deactivate"),
    "pengguna.active_caption": (
        "Akun nonaktif tidak dapat masuk lagi; sesi yang sedang berjalan berakhir paling lambat "
                             "setelah {minutes} menit tanpa aktivitas.",
                             "A deactivated account cannot sign in again; a session already open ends at the latest "
                             "after {minutes} minutes of inactivity."),
    "pengguna.pick": ("Akun", "Account"),
    "pengguna.pick_placeholder": ("Pilih akun", "Choose an account"),
    "pengguna.deactivate": ("Nonaktifkan", "Deactivate"),
    "pengguna.reactivate": ("Aktifkan kembali", "Reactivate"),
    "pengguna.deactivated": ("Akun dinonaktifkan.", "Account deactivated."),
    "pengguna.reactivated": ("Akun diaktifkan kembali.", "Account reactivated."),
    "pengguna.state_active": ("aktif", "active"),
    "pengguna.state_inactive": ("nonaktif", "inactive"),
    # errors (kancil/admin/changes.py)
    "pengguna.err.username": ("Isi nama pengguna.", "Enter a username."),
    "pengguna.err.role": ("Pilih peran.", "Choose a role."),
    "pengguna.err.exists": ("Nama pengguna itu sudah ada.", "That username exists already."),
    "pengguna.err.sso_email": ("Akun SSO memakai alamat e-mail sebagai nama pengguna.",
                            "An SSO account uses the e-mail address as its username."),
    "pengguna.err.short": ("Kata sandi minimal {n} karakter.", "The password needs at least {n} characters."),
    "pengguna.err.mismatch": ("Kedua kata sandi tidak sama.",
                              "The two passwords differ."),
    "pengguna.err.unknown": ("Akun tidak ditemukan.", "Account not found."),
    "pengguna.err.self": ("Anda tidak dapat menonaktifkan akun Anda sendiri.",
                          "You cannot deactivate your own account."),
    "pengguna.err.last_admin": ("Ini admin aktif terakhir; buat atau aktifkan admin lain lebih dulu.",
                             "This is the last active admin; create or activate another admin first."),
}
