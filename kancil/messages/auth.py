"""Messages of sign-in, roles and refusals."""

MESSAGES: dict[str, tuple[str, str]] = {
    "auth.signin": ("Masuk", "Sign in"),
    "auth.signout": ("Keluar", "Sign out"),
    "auth.username": ("Nama pengguna", "Username"),
    "auth.password": ("Kata sandi", "Password"),
    "auth.password_again": ("Ulangi kata sandi", "Repeat password"),
    "auth.failed": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "auth.locked": ("Terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit.",
                    "Too many failed attempts. Try again in {minutes} minutes."),
    "auth.account_changed": ("Akun Anda dinonaktifkan atau perannya diubah oleh admin. Silakan masuk lagi.",
                             "Your account was deactivated or its role changed by an admin. Please sign in again."),
    "auth.idle": ("Sesi berakhir setelah {minutes} menit tanpa aktivitas. Silakan masuk lagi.",
                  "Your session ended after {minutes} minutes of inactivity. Please sign in again."),
    "auth.sso": ("Masuk dengan akun kantor (SSO)", "Sign in with the office account (SSO)"),
    "auth.sso_no_role": ("Akun SSO ini belum diberi peran. Hubungi admin.",
                         "This SSO account has no role yet. Ask an admin."),
    "auth.first_admin_intro": ("Penyimpanan ini belum memiliki akun. Buat akun admin pertama (kata sandi minimal "
                               "10 karakter).",
                               "This store has no accounts yet. Create the first admin account (password of at "
                               "least 10 characters)."),
    "auth.create_admin": ("Buat admin", "Create admin"),
    "auth.mismatch": ("Kedua kata sandi tidak sama.", "The two passwords differ."),
    "auth.already": ("Admin pertama sudah dibuat. Silakan masuk.", "The first admin exists already. Please sign in."),
    "auth.signed_in_as": ("Masuk sebagai {name}", "Signed in as {name}"),
    "auth.name_role": ("{name} ({role})", "{name} ({role})"),
    "auth.refused": ("Halaman ini tidak tersedia untuk peran {role}.",
                     "This page is not available to the {role} role."),
    "code.kepala_kantor": ("Kepala kantor", "Head of office"),
    "code.supervisor": ("Supervisor", "Supervisor"),
    "code.auditor": ("Auditor", "Auditor"),
    "code.admin": ("Admin", "Admin"),
}
