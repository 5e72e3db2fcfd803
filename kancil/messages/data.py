"""Messages of the Data page (uploading export files, ingest history, freshness)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "data.intro": ("Muat berkas ekspor kantor (antrian, permohonan, survei, fasilitas, kuota). Pemeriksaannya sama "
                   "dengan perintah `python -m kancil ingest`: baris yang salah ditolak dengan alasannya, baris yang "
                   "sudah ada diganti, tidak ada yang hilang diam-diam. Saringan di samping tidak berlaku di sini.",
                   "Load the office's export files (queue, applications, survey, facilities, quota). They are checked "
                   "exactly like `python -m kancil ingest`: wrong rows are rejected with their reason, rows already "
                   "stored are replaced, nothing is lost silently. The sidebar filters do not apply here."),
    "data.upload": ("Berkas ekspor", "Export files"),
    "data.upload_button": ("Pilih berkas", "Browse files"),
    "data.upload_limits": ("Paling besar {max} MB per berkas • {types}", "{max} MB per file • {types}"),
    "data.limits": ("Jenis berkas: CSV (pemisah ; atau ,), XLSX (lembar pertama) atau Parquet; baris pertama berisi "
                    "nama kolom. Paling besar {max} MB per berkas; kotak unggah langsung menolak jenis lain dan berkas "
                    "yang lebih besar. Pecah ekspor besar per bulan, atau muat lewat baris perintah.",
                    "File types: CSV (separated by ; or ,), XLSX (first sheet) or Parquet; the first row holds the "
                    "column names. At most {max} MB per file; the upload box refuses other types and larger files at "
                    "once. Split a large export by month, or load it from the command line."),
    "data.bad_type": ("jenis berkas {suffix} tidak didukung; gunakan {allowed}.",
                      "file type {suffix} is not supported; use {allowed}."),
    "data.too_big": ("berkas {size} MB melebihi batas {max} MB per unggahan; pecah ekspornya (mis. per bulan) atau "
                     "muat lewat baris perintah.",
                     "the file of {size} MB is over the upload limit of {max} MB; split the export (e.g. by month) "
                     "or load it from the command line."),
    "data.empty_file": ("berkas kosong.", "the file is empty."),
    "data.file_problem": ("Berkas {n} tidak dapat dimuat: {reason}", "File {n} cannot be loaded: {reason}"),
    "data.files_heading": ("Jenis data tiap berkas", "Kind of data of each file"),
    "data.files_caption": ("Jenis ditebak dari baris judul; periksa dan ubah bila perlu sebelum memuat.",
                           "The kind is guessed from the header row; check it and change it if needed before "
                           "loading."),
    "data.file_label": ("Berkas {n}", "File {n}"),
    "data.file_size": ("{size} KB", "{size} KB"),
    "data.kind_label": ("Jenis data berkas {n}", "Kind of data of file {n}"),
    "data.kind_placeholder": ("Pilih jenis data", "Choose the kind of data"),
    "data.no_guess": ("Jenis tidak dapat ditebak dari baris judul: pilih sendiri.",
                      "The kind could not be guessed from the header row: choose it."),
    "data.load": ("Muat {n} berkas", "Load {n} file(s)"),
    "data.choose_all": ("Pilih jenis data untuk setiap berkas terlebih dahulu.",
                        "Choose the kind of data of every file first."),
    "data.loading": ("Memuat {name} …", "Loading {name} …"),
    "data.results": ("Hasil pemuatan", "Load results"),
    "data.clear_results": ("Tutup hasil", "Close results"),
    "data.result_of": ("Berkas {n} ({kind})", "File {n} ({kind})"),
    "data.rows": ("Baris", "Rows"),
    "data.stored": ("Diterima", "Accepted"),
    "data.replaced": ("Mengganti", "Replaced"),
    "data.rejected": ("Ditolak", "Rejected"),
    "data.counts_caption": ("Baris = diterima + ditolak. Diterima: {unchanged} di antaranya sudah tersimpan sama "
                            "persis (tidak berubah); mengganti = baris dengan kunci yang sama yang sudah ada dan "
                            "kini diganti.",
                            "Rows = accepted + rejected. Accepted: {unchanged} of them were already stored exactly "
                            "like this (unchanged); replaced = rows whose key was stored already and is now "
                            "replaced."),
    "data.stored_but": ("Disimpan, tetapi langkah sesudahnya gagal. Angka di bawah adalah yang tersimpan; pesannya:",
                        "Stored, but a later step failed. The counts below are what was stored; the message:"),
    "data.all_stored": ("Semua baris diterima.", "Every row was accepted."),
    "data.some_rejected": ("{n} baris ditolak. Perbaiki baris-baris ini dan unggah lagi (baris lain sudah "
                           "tersimpan; memuat ulang tidak menggandakan data).",
                           "{n} row(s) rejected. Fix these rows and upload again (the other rows are stored; "
                           "loading again does not duplicate data)."),
    "data.refused": ("Berkas ditolak seluruhnya; tidak ada baris yang disimpan.",
                     "The file was refused whole; no row was stored."),
    "data.refused_missing": ("Berkas ditolak seluruhnya: kolom wajib tidak ada di baris judul: {columns}. Tidak ada "
                             "baris yang disimpan.",
                             "The file was refused whole: required column(s) missing from the header row: "
                             "{columns}. No row was stored."),
    "data.refused_detail": ("Pesan pemuat:", "Loader message:"),
    "data.extra_columns": ("Kolom di luar kontrak data diabaikan:", "Columns outside the data contract were ignored:"),
    "data.col.row": ("Baris", "Row"),
    "data.col.column": ("Kolom", "Column"),
    "data.col.value": ("Nilai", "Value"),
    "data.col.reason": ("Alasan", "Reason"),
    "data.rejects_more": ("Menampilkan {shown} dari {n} masalah; berkas CSV berisi semua baris yang ditolak.",
                          "Showing {shown} of {n} problems; the CSV file holds every rejected row."),
    "data.download_rejects": ("Unduh baris yang ditolak (CSV, untuk diperbaiki)",
                              "Download the rejected rows (CSV, to fix)"),
    "data.download_rejects_help": ("Baris asli dari berkas Anda, ditambah kolom 'baris' dan 'alasan' (diabaikan "
                                   "saat diunggah lagi).",
                                   "The original rows of your file, with the columns 'baris' (row) and 'alasan' "
                                   "(reason) added (ignored when uploaded again)."),
    "data.freshness": ("Kesegaran data per jenis", "Data freshness per kind"),
    "data.freshness_caption": ("Seluruh penyimpanan (semua kantor): jumlah baris, waktu terbaru di data (kuota: "
                               "tanggal mulai terbaru) dan kapan berkas jenis itu terakhir dimuat.",
                               "Whole store (all offices): rows, the newest time in the data (quota: latest start "
                               "date) and when a file of that kind was last loaded."),
    "data.history": ("Riwayat pemuatan", "Load history"),
    "data.history_caption": ("Paling banyak {n} pemuatan terakhir, terbaru di atas; termasuk berkas yang ditolak "
                             "dan kuota yang diisi di halaman Pengaturan.",
                             "At most the last {n} loads, newest first; including refused files and quotas entered "
                             "on the Settings page."),
    "data.no_history": ("Belum ada berkas yang dimuat.", "No file has been loaded yet."),
    "data.col.kind": ("Jenis", "Kind"),
    "data.col.file": ("Berkas", "File"),
    "data.col.rows": ("Baris", "Rows"),
    "data.col.stored": ("Diterima", "Accepted"),
    "data.col.replaced": ("Mengganti", "Replaced"),
    "data.col.unchanged": ("Tidak berubah", "Unchanged"),
    "data.col.rejected": ("Ditolak", "Rejected"),
    "data.col.status": ("Status", "Status"),
    "data.col.who": ("Oleh", "By"),
    "data.col.when": ("Waktu", "When"),
    "data.col.message": ("Catatan", "Note"),
    "data.col.stored_rows": ("Baris tersimpan", "Rows stored"),
    "data.col.newest": ("Data terbaru", "Newest data"),
    "data.col.last_load": ("Terakhir dimuat", "Last loaded"),
    "data.col.last_file": ("Berkas terakhir", "Last file"),
    "data.status.dimuat": ("dimuat", "loaded"),
    "data.status.ditolak": ("ditolak", "refused"),
    "data.kind.antrian": ("Antrian (tiket)", "Queue (tickets)"),
    "data.kind.permohonan": ("Permohonan", "Applications"),
    "data.kind.survei": ("Survei (IKM)", "Survey (IKM)"),
    "data.kind.fasilitas": ("Penggunaan fasilitas", "Facility use"),
    "data.kind.kuota": ("Kuota harian", "Daily quota"),
    "data.kind.kantor": ("Kantor (nama dan zona waktu)", "Offices (name and time zone)"),
}
