"""Messages of the download log page (Log unduhan)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "log_unduhan.intro": ("Setiap unduhan data baris (dasbor dan baris perintah) tercatat di sini; log ini hanya "
                        "ditambah, tidak pernah diubah atau dihapus. Unduhan log ini juga tercatat.",
                        "Every row-level download (dashboard and command line) is recorded here; the log is only "
                        "appended to, never changed or deleted. Downloading this log is recorded too."),
    "log_unduhan.count": ("Unduhan dalam periode", "Downloads in the period"),
    "log_unduhan.latest": ("{n} unduhan terbaru", "The latest {n} downloads"),
    "log_unduhan.col.downloaded_at": ("Waktu", "Time"),
    "log_unduhan.col.username": ("Pengguna", "User"),
    "log_unduhan.col.role": ("Peran", "Role"),
    "log_unduhan.col.dataset": ("Data", "Dataset"),
    "log_unduhan.col.filters": ("Saringan", "Filters"),
    "log_unduhan.col.file_format": ("Format", "Format"),
    "log_unduhan.col.rows": ("Baris", "Rows"),
    "log_unduhan.col.sha256": ("SHA-256 berkas data (awal)", "Data file SHA-256 (start)"),
    "log_unduhan.col.via": ("Lewat", "Via"),
    "log_unduhan.download_heading": ("Unduh log", "Download the log"),
}
