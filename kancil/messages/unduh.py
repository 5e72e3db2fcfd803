"""Messages of the audited downloads: the Unduh data page, the download log page and ``python -m kancil export``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "unduh.parquet_mode": (
        "Grafik di dasbor ini dibaca dari ekspor Parquet (versi {version}); unduhan selalu diambil dari penyimpanan "
        "utama, yang bisa lebih baru dari ekspor itu. Versi penyimpanan tercatat di manifest.json.",
        "This dashboard's figures are read from a Parquet export (version {version}); downloads always come from "
        "the main store, which may be newer than that export. The store version is recorded in manifest.json.",
    ),
    "unduh.intro": ("Unduhan data baris untuk audit. Saringan di samping berlaku; setiap unduhan adalah satu ZIP "
                    "berisi berkas data dan manifest.json (saringan, tautan dasbor, SQL, jumlah baris, SHA-256 berkas "
                    "data, versi penyimpanan, siapa dan kapan) dan dicatat di log unduhan.",
                    "Row-level data downloads for audit. The sidebar filters apply; every download is one ZIP holding "
                    "the data file and manifest.json (filters, dashboard link, SQL, row count, the data file's "
                    "SHA-256, store version, who and when) and is recorded in the download log."),
    "unduh.dataset": ("Data", "Dataset"),
    "unduh.dataset.antrian": ("Antrian (tiket)", "Queue (tickets)"),
    "unduh.dataset.permohonan": ("Permohonan", "Applications"),
    "unduh.dataset.survei": ("Survei kepuasan", "Satisfaction survey"),
    "unduh.dataset.fasilitas": ("Penggunaan fasilitas", "Facility use"),
    "unduh.dataset.ingest_batches": ("Riwayat pemuatan data", "Ingest history"),
    "unduh.dataset.ingest_rejects": ("Baris yang ditolak saat pemuatan", "Rows rejected at ingest"),
    "unduh.dataset.download_log": ("Log unduhan", "Download log"),
    "unduh.format": ("Format", "Format"),
    "unduh.format.csv": ("CSV (UTF-8, pemisah koma)", "CSV (UTF-8, comma-separated)"),
    "unduh.format.xlsx": ("XLSX (Excel)", "XLSX (Excel)"),
    "unduh.format.parquet": ("Parquet (nilai persis)", "Parquet (exact values)"),
    "unduh.format_help": ("CSV dan XLSX: sel teks yang diawali = + - @, tab atau enter diberi awalan ' agar "
                          "spreadsheet tidak menjalankan rumus. Parquet menyimpan nilai apa adanya (tidak dibuka "
                          "spreadsheet).",
                          "CSV and XLSX: text cells starting with = + - @, a tab or a carriage return get a leading ' "
                          "so a spreadsheet never runs a formula. Parquet keeps the values exactly (spreadsheets do "
                          "not open it)."),
    "unduh.rows": ("Jumlah baris", "Rows"),
    "unduh.period.issued_at": ("Periode menurut tanggal tiket diambil (issued_at): {start} – {end}.",
                               "Period by the date the ticket was issued (issued_at): {start} – {end}."),
    "unduh.period.submitted_at": ("Periode menurut tanggal pengajuan/pengisian (submitted_at): {start} – {end}.",
                                  "Period by the submission date (submitted_at): {start} – {end}."),
    "unduh.period.started_at": ("Periode menurut tanggal mulai penggunaan (started_at): {start} – {end}.",
                                "Period by the date the use started (started_at): {start} – {end}."),
    "unduh.period.loaded_at": ("Periode menurut tanggal pemuatan (loaded_at): {start} – {end}. Saringan kantor, "
                               "jalur, kelompok, layanan dan kanal tidak berlaku.",
                               "Period by the load date (loaded_at): {start} – {end}. The office, lane, group, "
                               "service and channel filters do not apply."),
    "unduh.period.downloaded_at": ("Periode menurut tanggal unduh (downloaded_at): {start} – {end}.",
                                   "Period by the download date (downloaded_at): {start} – {end}."),
    "unduh.period.to_today": ("Periode pilihan diteruskan sampai hari ini: pemuatan dan unduhan terjadi setelah hari "
                              "data terakhir.",
                              "The preset period runs on to today here: loads and downloads happen after the newest "
                              "data day."),
    "unduh.preview": ("Pratinjau: {n} baris pertama", "Preview: the first {n} rows"),
    "unduh.preview_caption": ("Pratinjau hanya untuk memeriksa isi; data keluar hanya lewat tombol unduh di bawah, "
                              "yang dicatat di log.",
                              "The preview is only for checking; data leaves only through the download button "
                              "below, which is recorded in the log."),
    "unduh.prepare": ("Siapkan unduhan", "Prepare download"),
    "unduh.preparing": ("Menyiapkan {rows} baris …", "Preparing {rows} rows …"),
    "unduh.download": ("Unduh {name}", "Download {name}"),
    "unduh.ready": ("Siap: {rows} baris, {size} KB. SHA-256 berkas data: {sha}. Unduhan ini sudah dicatat di log.",
                    "Ready: {rows} rows, {size} KB. SHA-256 of the data file: {sha}. This download is recorded in "
                    "the log."),
    "unduh.manifest": ("Manifest", "Manifest"),
    "unduh.stale": ("Saringan atau pilihan berubah: siapkan unduhan lagi.",
                    "The filters or choices changed: prepare the download again."),
    "unduh.xlsx_too_many": ("{rows} baris melebihi batas XLSX ({max} baris per lembar). Pilih CSV atau Parquet, atau "
                            "persempit saringan.",
                            "{rows} rows are over the XLSX limit ({max} rows per sheet). Choose CSV or Parquet, or "
                            "narrow the filters."),
    "unduh.bad_dataset": ("Data tidak dikenal: {dataset}; pilih salah satu: {allowed}.",
                          "Unknown dataset: {dataset}; choose one of: {allowed}."),
    "unduh.bad_format": ("Format tidak dikenal: {fmt}; pilih salah satu: {allowed}.",
                         "Unknown format: {fmt}; choose one of: {allowed}."),
    "unduh.not_allowed": ("Peran {role} tidak boleh mengunduh {dataset}.",
                          "The role {role} may not download {dataset}."),
    "unduh.bad_period": ("--to tidak boleh sebelum --from.", "--to must not be before --from."),
    "unduh.bad_out": ("Berkas keluaran harus berakhiran .zip: {out}", "The output file must end in .zip: {out}"),
    "unduh.cli_done": ("{out}: {rows} baris {dataset} ({fmt}), SHA-256 berkas data {sha}; dicatat di log unduhan "
                       "sebagai {user}.",
                       "{out}: {rows} rows of {dataset} ({fmt}), data file SHA-256 {sha}; recorded in the download "
                       "log as {user}."),
    # the download log page
}
