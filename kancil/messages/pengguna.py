"""Messages of the Pengguna (user accounts) page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "users.intro": ("Akun dasbor dan perannya. Kata sandi disimpan sebagai hash Argon2 dan tidak pernah ditampilkan. "
                    "Akun tidak dihapus, hanya dinonaktifkan, agar riwayat (siapa memuat atau mengubah apa) tetap "
                    "terbaca.",
                    "Dashboard accounts and their roles. Passwords are stored as Argon2 hashes and never shown. "
                    "Accounts are not deleted, only deactivated, so the history (who loaded or changed what) stays "
                    "readable."),
    "users.list": ("Akun", "Accounts"),
    "users.none": ("Belum ada akun.", "No accounts yet."),
    "users.col.username": ("Nama pengguna", "Username"),
    "users.col.role": ("Peran", "Role"),
    "users.col.name": ("Nama tampilan", "Display name"),
    "users.col.sign_in": ("Cara masuk", "Sign-in"),
    "users.col.active": ("Aktif", "Active"),
    "users.col.created_by": ("Dibuat oleh", "Created by"),
    "users.col.created_at": ("Dibuat", "Created"),
    "users.sign_in.password": ("kata sandi", "password"),
    "users.sign_in.sso": ("SSO kantor", "office SSO"),
    "users.yes": ("ya", "yes"),
    "users.no": ("tidak", "no"),
    "users.roles_caption": ("Kepala kantor: dasbor. Supervisor: dasbor, rincian petugas, data, pengaturan. Auditor: "
                            "dasbor, rincian, unduh baris dan log unduhan. Admin: data, pengguna, log unduhan.",
                            "Head of office: dashboard. Supervisor: dashboard, officer detail, data, settings. "
                            "Auditor: dashboard, detail, row downloads and the download log. Admin: data, users, "
                            "download log."),
    "users.add": ("Tambah akun", "Add an account"),
    "users.username": ("Nama pengguna", "Username"),
    "users.username_help": ("Huruf kecil; untuk akun SSO: alamat e-mail kantor.",
                            "Lower case; for an SSO account: the office e-mail address."),
    "users.role": ("Peran", "Role"),
    "users.display_name": ("Nama tampilan", "Display name"),
    "users.sso": ("Hanya SSO (tanpa kata sandi; nama pengguna = e-mail)", "SSO only (no password; username = e-mail)"),
    "users.password": ("Kata sandi (minimal {n} karakter)", "Password (at least {n} characters)"),
    "users.password_again": ("Ulangi kata sandi", "Repeat the password"),
    "users.create": ("Buat akun", "Create account"),
    "users.created": ("Akun dibuat.", "Account created."),
    "users.active": ("Aktifkan atau nonaktifkan", "Activate or deactivate"),
    "users.active_caption": ("Akun nonaktif tidak dapat masuk lagi; sesi yang sedang berjalan berakhir paling lambat "
                             "setelah {minutes} menit tanpa aktivitas.",
                             "A deactivated account cannot sign in again; a session already open ends at the latest "
                             "after {minutes} minutes of inactivity."),
    "users.pick": ("Akun", "Account"),
    "users.pick_placeholder": ("Pilih akun", "Choose an account"),
    "users.deactivate": ("Nonaktifkan", "Deactivate"),
    "users.reactivate": ("Aktifkan kembali", "Reactivate"),
    "users.deactivated": ("Akun dinonaktifkan.", "Account deactivated."),
    "users.reactivated": ("Akun diaktifkan kembali.", "Account reactivated."),
    "users.state_active": ("aktif", "active"),
    "users.state_inactive": ("nonaktif", "inactive"),
    # errors (kancil/admin/changes.py)
    "users.err.username": ("Isi nama pengguna.", "Enter a username."),
    "users.err.role": ("Pilih peran.", "Choose a role."),
    "users.err.exists": ("Nama pengguna itu sudah ada.", "That username exists already."),
    "users.err.sso_email": ("Akun SSO memakai alamat e-mail sebagai nama pengguna.",
                            "An SSO account uses the e-mail address as its username."),
    "users.err.short": ("Kata sandi minimal {n} karakter.", "The password needs at least {n} characters."),
    "users.err.mismatch": ("Kedua kata sandi tidak sama.", "The two passwords differ."),
    "users.err.unknown": ("Akun tidak ditemukan.", "Account not found."),
    "users.err.self": ("Anda tidak dapat menonaktifkan akun Anda sendiri.", "You cannot deactivate your own account."),
    "users.err.last_admin": ("Ini admin aktif terakhir; buat atau aktifkan admin lain lebih dulu.",
                             "This is the last active admin; create or activate another admin first."),
}
