"""Messages of the download log page (Log unduhan)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "log_unduhan.intro": ("Setiap unduhan data baris (dasbor dan baris perintah) tercatat di sini; log ini hanya "
                        "ditambah, dan setiap entri memuat hash entri sebelumnya, sehingga entri yang diubah atau "
                        "dihapus terlihat. Unduhan log ini juga tercatat.",
                        "Every row-level download (dashboard and command line) is recorded here; the log is only "
                        "appended to, and each entry carries the hash of the one before, so an entry changed or "
                        "deleted shows. Downloading this log is recorded too."),
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
    # The hash chain of the log (kancil/store/log_chain.py), on the page and from `python -m kancil audit verify`.
    "log_chain.ok": ("Rantai hash log unduhan utuh: {n} entri diperiksa, kepala #{seq} ({hash}…).",
                     "The download log's hash chain is intact: {n} entries checked, head #{seq} ({hash}…)."),
    "log_chain.edited": ("Rantai hash log unduhan rusak: entri #{seq} (unduhan {id}…) tidak cocok lagi dengan "
                         "hash-nya, isinya diubah setelah dicatat.",
                         "The download log's hash chain is broken: entry #{seq} (download {id}…) no longer matches "
                         "its hash; its content was changed after it was recorded."),
    "log_chain.gap": ("Rantai hash log unduhan rusak: sesudah entri #{before} datang entri #{seq} (unduhan {id}…), "
                      "ada entri yang dihapus atau disisipkan.",
                      "The download log's hash chain is broken: entry #{before} is followed by entry #{seq} "
                      "(download {id}…); an entry was deleted or inserted."),
    "log_chain.link": ("Rantai hash log unduhan rusak: entri #{seq} (unduhan {id}…) tidak menunjuk ke hash entri "
                       "#{before} sebelumnya, entri sebelumnya diganti atau rantai ditulis ulang.",
                       "The download log's hash chain is broken: entry #{seq} (download {id}…) does not point at "
                       "the hash of entry #{before} before it; that entry was replaced or the chain rewritten."),
    "log_chain.unchained": ("Rantai hash log unduhan rusak: entri #{seq} (unduhan {id}…) tidak punya tempat di "
                            "rantai, ditulis di luar aplikasi.",
                            "The download log's hash chain is broken: entry #{seq} (download {id}…) has no place in "
                            "the chain; it was written outside the application."),
    "log_chain.head_missing": ("Rantai hash log unduhan rusak: kepala #{seq} ({hash}…) dari manifest tidak ada di "
                               "log (entri terakhir #{last}), entri dihapus dari ujung atau rantai ditulis ulang.",
                               "The download log's hash chain is broken: head #{seq} ({hash}…) from the manifest is "
                               "not in the log (last entry #{last}); entries were removed from its end or the "
                               "chain was rewritten."),
    "log_chain.bad_head": ("--head harus berbentuk NOMOR:HASH seperti di manifest (log_chain_head): {value}",
                           "--head must be NUMBER:HASH as in a manifest (log_chain_head): {value}"),
}
