"""Messages of the printable morning briefing (kancil/briefing/printout.py) and its command,
``python -m kancil briefing``.

The labels the briefing page already has (``brief.*`` in ringkasan.py) are reused, so the paper and the screen
call a number the same; only what exists on paper alone is here.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "report.title": ("Ringkasan Pagi Layanan Paspor Prioritas", "Morning Briefing, Priority Passport Service"),
    "report.html_title": ("Ringkasan pagi {day}", "Morning briefing {day}"),
    "report.office": ("Kantor", "Office"),
    "report.all_offices": ("semua kantor", "all offices"),
    "report.filters": ("Saringan", "Filters"),
    "report.generated": ("Dicetak {when}", "Printed {when}"),
    "report.not_workday": ("Catatan: {day} bukan hari kerja (dicetak dengan --force).",
                           "Note: {day} is not a working day (printed with --force)."),
    "report.no_tickets": ("Tidak ada tiket pada hari itu: ekspor antrian mungkin belum dimuat.",
                          "No tickets on that day: the queue export may not have been loaded yet."),
    "report.lane": ("Jalur", "Lane"),
    "report.coverage_value": ("{share} ({prioritas} dari {n})", "{share} ({prioritas} of {n})"),
    "report.ikm_by_lane": ("IKM per jalur (30 hari)", "IKM by lane (30 days)"),
    "report.quota_left": ("Selisih kuota", "Against quota"),
    "report.wait_target": ("Target tunggu", "Wait target"),
    "report.completion_30": ("Selesai median (hk, 30 hari)", "Median completion (wd, 30 days)"),
    "report.standard": ("Standar", "Standard"),
    "report.minutes_unit": ("mnt", "min"),
    "report.chart_quota": ("Tiket hari itu dan kuota harian", "Tickets that day and daily quota"),
    "report.chart_quota_note": ("Batang = tiket; garis tegak = kuota.", "Bar = tickets; upright line = quota."),
    "report.chart_wait": ("Waktu tunggu hari itu (menit) dan target", "Waiting time that day (minutes) and target"),
    "report.chart_wait_note": ("Batang polos = median, batang arsir = p90; garis putus-putus = target; "
                               "▲ = di atas target.",
                               "Plain bar = median, hatched bar = p90; dashed line = target; ▲ = above target."),
    "report.chart_facilities": ("Pemakaian fasilitas hari itu", "Facility uses that day"),
    "report.chart_facilities_note": ("Jumlah pemakaian tercatat.", "Recorded uses."),
    "report.quota_mark": ("kuota {n}", "quota {n}"),
    "report.target_mark": ("target {n}", "target {n}"),
    "report.no_quota_mark": ("tanpa kuota", "no quota"),
    "report.ikm_period": ("{start} – {end}", "{start} – {end}"),
    "report.ikm_elements": ("Nilai unsur (1–4; ▼ = di bawah 3,00)", "Element scores (1–4; ▼ = below 3.00)"),
    "report.vulnerable": ("Pemohon rentan di jalur reguler (30 hari)", "Vulnerable applicants in the regular lane "
                                                                      "(30 days)"),
    "report.vulnerable_value": ("{count} dari {total}", "{count} of {total}"),
    "report.see_page": ("rincian: halaman {page}", "detail: page {page}"),
    "report.source": ("Sumber: penyimpanan Kancil Nari, angka dari kode yang sama dengan halaman Ringkasan pagi "
                      "(kancil/briefing/morning.py). hk = hari kerja.",
                      "Source: the Kancil Nari store, numbers from the same code as the Morning briefing page "
                      "(kancil/briefing/morning.py). wd = working days."),
    # the command
    "report.cli.skipped": ("{day} bukan hari kerja{office}: ringkasan tidak dibuat (pakai --force untuk tetap "
                           "membuatnya).",
                           "{day} is not a working day{office}: no briefing written (use --force to write it "
                           "anyway)."),
    "report.cli.no_tickets": ("Tidak ada tiket pada {day}{office}: ekspor antrian belum dimuat? Ringkasan tidak "
                              "dibuat (pakai --force untuk tetap membuatnya).",
                              "No tickets on {day}{office}: queue export not loaded yet? No briefing written "
                              "(use --force to write it anyway)."),
    "report.cli.office_suffix": (" untuk kantor {office}", " for office {office}"),
    "report.cli.out_or_send": ("Sebutkan --out BERKAS (tulis ringkasan), --send (kirim lewat surel) atau "
                               "--precompute (siapkan ringkasan dasbor).",
                               "Give --out FILE (write the briefing), --send (e-mail it) or --precompute (prepare "
                               "the dashboard's briefings)."),
    "report.cli.written": ("Ringkasan {day} ditulis: {path}", "Briefing for {day} written: {path}"),
    "report.cli.precomputed": ("Ringkasan pagi disiapkan untuk {n} tampilan (semua kantor dan tiap kantor), versi "
                               "penyimpanan {version}, dalam {seconds} detik: {path}",
                               "Morning briefing prepared for {n} views (all offices and each office), store version "
                               "{version}, in {seconds} s: {path}"),
    "report.cli.pages_precomputed": ("Tampilan pertama halaman analisis disiapkan: {n} halaman dibuka (semua peran "
                                     "dasbor) dalam {seconds} detik",
                                     "First view of the analysis pages prepared: {n} pages opened (every dashboard "
                                     "role) in {seconds} s"),
    "report.cli.page_failed": ("Halaman {page} tidak dapat disiapkan ({error}); dasbor menghitungnya saat dibuka.",
                               "Page {page} could not be prepared ({error}); the dashboard computes it when opened."),
    "report.cli.bad_suffix": ("Berkas keluaran harus berakhiran .html atau .pdf: {path}",
                              "The output file must end in .html or .pdf: {path}"),
    "report.cli.no_folder": ("Folder keluaran tidak ada: {path}", "The output folder does not exist: {path}"),
    "report.cli.unknown_office": ("Kantor {office} tidak ada di penyimpanan (ada: {known}).",
                                  "Office {office} is not in the store (present: {known})."),
    "report.cli.no_browser": ("PDF tidak dapat dibuat: Chromium tidak ditemukan di {path}.",
                              "Cannot write the PDF: Chromium not found at {path}."),
}
