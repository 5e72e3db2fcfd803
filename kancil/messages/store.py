"""Messages about a store that cannot be used (kancil/store/health.py): the dashboard and every command."""

MESSAGES: dict[str, tuple[str, str]] = {
    "store.problem.missing": (
        "Penyimpanan data tidak ditemukan: {path}. Periksa nama berkas (--db); untuk membuat penyimpanan baru "
        "jalankan `python -m kancil init --db {path}` atau tambahkan --create.",
        "No data store at {path}. Check the file name (--db); to create a new store run "
        "`python -m kancil init --db {path}` or add --create."),
    "store.problem.not_store": (
        "Berkas {path} bukan penyimpanan Kancil Nari (bukan berkas DuckDB yang dapat dibaca). Pulihkan dari "
        "cadangan atau periksa --db / KANCIL_DB.",
        "{path} is not a Kancil Nari store (not a readable DuckDB file). Restore it from the backup or check "
        "--db / KANCIL_DB."),
    "store.problem.truncated": (
        "Penyimpanan {path} terpotong (berkasnya lebih pendek dari isinya: salinan belum selesai atau disk "
        "penuh). Jangan memuat data ke berkas ini; pulihkan dari cadangan.",
        "The store {path} is cut short (the file is shorter than its contents: an unfinished copy or a full "
        "disk). Do not load data into it; restore it from the backup."),
    "store.problem.read_only": (
        "Penyimpanan {path} hanya-baca (izin berkas atau folder, atau disk dipasang hanya-baca). Kancil Nari "
        "perlu menulis ke berkas dan foldernya (masuk, log unduhan, impor): beri akun layanan izin tulis.",
        "The store {path} is read-only (file or folder permissions, or a read-only mount). Kancil Nari needs to "
        "write to the file and its folder (sign-ins, download log, imports): give the service account write "
        "access."),
    "store.problem.locked": (
        "Penyimpanan {path} sedang dikunci oleh proses lain (impor atau perintah lain yang masih berjalan). "
        "Coba lagi setelah proses itu selesai.",
        "The store {path} is locked by another process (an import or another command still running). Try again "
        "when it has finished."),
    "store.problem.newer_schema": (
        "Penyimpanan {path} dibuat oleh versi Kancil Nari yang lebih baru. Perbarui aplikasi; penyimpanan tidak "
        "diubah.",
        "The store {path} was written by a newer version of Kancil Nari. Update the application; the store was "
        "not changed."),
    "store.problem.unreadable": (
        "Penyimpanan {path} tidak dapat dibaca (izin berkas). Beri akun layanan izin baca.",
        "The store {path} cannot be read (file permissions). Give the service account read access."),
    "store.problem.failed": (
        "Perintah gagal karena penyimpanan {path}: {error}",
        "The command failed because of the store {path}: {error}"),
    "store.init.created": ("Penyimpanan baru dibuat: {path} (skema versi {version}).",
                           "New store created: {path} (schema version {version})."),
    "store.init.exists": ("Penyimpanan sudah ada dan dapat dipakai: {path} (skema versi {version}).",
                          "The store already exists and can be used: {path} (schema version {version})."),
}
