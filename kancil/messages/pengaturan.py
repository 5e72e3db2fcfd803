"""Messages of the Pengaturan (settings) page: quotas, targets, calendar, labels and the change history."""

MESSAGES: dict[str, tuple[str, str]] = {
    "pengaturan.intro": ("Setiap perubahan dicatat (siapa, kapan, nilai lama dan baru) dan langsung berlaku di semua "
                       "halaman. Saringan di samping tidak berlaku di halaman ini.",
                       "Every change is recorded (who, when, old and new value) and applies on every page at once. "
                       "The sidebar filters do not apply on this page."),
    "pengaturan.tab.quota": ("Kuota harian", "Daily quotas"),
    "pengaturan.tab.targets": ("Target & label", "Targets & labels"),
    "pengaturan.tab.calendar": ("Kalender", "Calendar"),
    "pengaturan.tab.history": ("Riwayat perubahan", "Change history"),
    # quotas
    "pengaturan.quota.current": ("Periode kuota", "Quota periods"),
    "pengaturan.quota.caption": ("Kuota per hari kerja per jalur. Bila periode tumpang tindih, yang mulai paling akhir "
                               "berlaku. Status dihitung terhadap hari ini ({today}).",
                               "Quota per working day per lane. Where periods overlap, the one that started last "
                               "applies. Status as of today ({today})."),
    "pengaturan.quota.none": ("Belum ada kuota tersimpan.", "No quota stored yet."),
    "pengaturan.quota.add": ("Tambah periode kuota", "Add a quota period"),
    "pengaturan.quota.add_caption": ("Periode tanpa tanggal akhir menggantikan periode berjalan: periode itu ditutup "
                                   "sehari sebelum periode baru mulai. Periode dengan tanggal akhir adalah perubahan "
                                   "sementara: sesudahnya periode berjalan berlaku lagi. Tanggal mulai yang sama "
                                   "dengan periode yang ada mengoreksi periode itu.",
                                   "A period without an end date replaces the running one: that one is closed the day "
                                   "before the new one starts. A period with an end date is a temporary change: the "
                                   "running period applies again afterwards. The same start date as a stored period "
                                   "corrects that period."),
    "pengaturan.quota.office": ("Kantor", "Office"),
    "pengaturan.quota.office_help": ("Kode kantor seperti di berkas ekspor; ketik kode baru bila belum ada.",
                                   "Office code as in the export files; type a new code if it is not listed."),
    "pengaturan.quota.lane": ("Jalur", "Lane"),
    "pengaturan.quota.from": ("Berlaku mulai", "Valid from"),
    "pengaturan.quota.to": ("Berlaku sampai (kosong = terus berlaku)", "Valid until (empty = open-ended)"),
    "pengaturan.quota.daily": ("Kuota per hari", "Quota per day"),
    "pengaturan.quota.save": ("Simpan periode", "Save period"),
    "pengaturan.quota.saved": ("Periode kuota {lane} mulai {start} disimpan ({quota} per hari).",
                             "Quota period for {lane} from {start} saved ({quota} per day)."),
    "pengaturan.quota.closed": ("Periode berjalan sejak {start} ({quota} per hari) ditutup pada {end}.",
                              "The running period since {start} ({quota} per day) now ends on {end}."),
    "pengaturan.quota.status.berlaku": ("berlaku", "running"),
    "pengaturan.quota.status.selesai": ("selesai", "ended"),
    "pengaturan.quota.status.akan_datang": ("akan datang", "upcoming"),
    "pengaturan.col.office": ("Kantor", "Office"),
    "pengaturan.col.lane": ("Jalur", "Lane"),
    "pengaturan.col.from": ("Dari", "From"),
    "pengaturan.col.to": ("Sampai", "Until"),
    "pengaturan.col.daily": ("Kuota/hari", "Quota/day"),
    "pengaturan.col.status": ("Status", "Status"),
    "pengaturan.col.source": ("Sumber", "Source"),
    "pengaturan.col.who": ("Oleh", "By"),
    "pengaturan.col.when": ("Waktu", "When"),
    "pengaturan.col.date": ("Tanggal", "Date"),
    "pengaturan.col.kind": ("Jenis", "Kind"),
    "pengaturan.col.note": ("Keterangan", "Note"),
    "pengaturan.col.area": ("Bagian", "Area"),
    "pengaturan.col.item": ("Apa", "What"),
    "pengaturan.col.old": ("Nilai lama", "Old value"),
    "pengaturan.col.new": ("Nilai baru", "New value"),
    "pengaturan.open_ended": ("terus", "open"),
    # targets and labels
    "pengaturan.targets.heading": ("Target halaman Waktu layanan dan Ringkasan", "Targets of the Turnaround and "
                                 "Briefing pages"),
    "pengaturan.targets.save": ("Simpan target dan label", "Save targets and labels"),
    "pengaturan.targets.saved": ("{n} pengaturan diubah.", "{n} setting(s) changed."),
    "pengaturan.targets.unchanged": ("Tidak ada yang berubah.", "Nothing changed."),
    "pengaturan.labels.heading": ("Label", "Labels"),
    "pengaturan.key.target_wait_prioritas": ("Target tunggu prioritas (menit)", "Priority waiting target (minutes)"),
    "pengaturan.key.target_wait_reguler": ("Target tunggu reguler (menit)", "Regular waiting target (minutes)"),
    "pengaturan.key.target_wait_percepatan": ("Target tunggu percepatan (menit)",
                                            "Accelerated waiting target (minutes)"),
    "pengaturan.key.target_completion_days": ("Standar penyelesaian (hari kerja)",
                                              "Completion standard (working days)"),
    "pengaturan.key.target_completion_days_percepatan": ("Standar penyelesaian percepatan (hari kerja; 0 = hari yang "
                                                       "sama)",
                                                       "Accelerated completion standard (working days; 0 = same "
                                                       "day)"),
    "pengaturan.key.batas_baris": ("Batas baris lembar XLSX", "Row limit of an XLSX sheet"),
    "pengaturan.key.batas_kolom": ("Batas kolom lembar XLSX", "Column limit of an XLSX sheet"),
    "pengaturan.key.batas_sel_lembar": ("Batas sel lembar XLSX (baris × kolom)",
                                        "Cell limit of an XLSX sheet (rows × columns)"),
    "pengaturan.key.batas_mb_terurai": ("Batas isi XLSX terurai (MB)", "Limit of an XLSX's uncompressed content (MB)"),
    "pengaturan.key.batas_rasio_zip": ("Batas rasio kompresi XLSX", "Limit of an XLSX's compression ratio"),
    "pengaturan.key.batas_karakter_sel": ("Batas karakter per sel", "Characters per cell limit"),
    "pengaturan.key.batas_mb_memori": ("Batas memori baca XLSX (MB)", "Memory limit of reading an XLSX (MB)"),
    "pengaturan.key.batas_detik_baca": ("Batas waktu baca XLSX (detik)", "Time limit of reading an XLSX (seconds)"),
    "pengaturan.key.usia_lansia": ("Batas usia lansia pada label (tahun)", "Elderly age threshold in labels (years)"),
    "pengaturan.key.kuota_cakupan": ("Saran kuota: cakupan hari kerja (%)",
                                     "Quota suggestion: working days covered (%)"),
    "pengaturan.key.urutan_panggil": ("Urutan panggil loket kantor", "The office's counter calling order"),
    "pengaturan.key.urutan_proses": ("Urutan proses penerbitan kantor", "The office's processing order for issuing"),
    "pengaturan.key.kantor_utama": ("Kantor utama (zona waktunya untuk \"Semua kantor\")",
                                    "Main office (its time zone is the one of \"All offices\")"),
    "pengaturan.err.order": ("{reason}", "{reason}"),
    "pengaturan.decide.heading": ("Pendukung keputusan (Kuota › Perkiraan permintaan, Simulasi)",
                                  "Decision support (Quota › Demand forecast, Simulation)"),
    "pengaturan.decide.order_help": (
        "Jalur dipisah koma menurut urutan, '+' untuk jalur yang berbagi tempat (urut tiket), atau 'fifo'. "
        "Contoh: prioritas,percepatan,reguler",
        "Lanes separated by commas in order, '+' for lanes sharing a place (ticket order), or 'fifo'. "
        "Example: prioritas,percepatan,reguler"),
    "pengaturan.decide.caption": (
        "Saran kuota = kuota harian terkecil yang mencukupi permintaan pada sekian persen hari kerja. Urutan kantor "
        "adalah urutan 'seperti tercatat' pada Simulasi.",
        "Quota suggestion = the smallest daily quota that covers demand on this share of working days. The office's "
        "orders are the 'as recorded' orders of the Simulation page."),
    "pengaturan.decide.save": ("Simpan pendukung keputusan", "Save decision support"),
    "pengaturan.key.cuti_bersama_hari_kerja": ("Cuti bersama dihitung hari kerja", "Cuti bersama counts as a working "
                                             "day"),
    "pengaturan.targets.caption": ("Standar penyelesaian 4 hari kerja mengikuti Permenkumham 8/2014 dan perubahannya; "
                                 "ubah hanya bila kantor menetapkan standar lain.",
                                 "The completion standard of 4 working days follows Permenkumham 8/2014 as "
                                 "amended; change it only if the office set another standard."),
    # calendar
    "pengaturan.cuti.heading": ("Cuti bersama", "Cuti bersama (collective leave)"),
    "pengaturan.cuti.caption": ("Bila aktif, hari cuti bersama dihitung sebagai hari kerja (hari kuota, dan ikut "
                              "dalam waktu penyelesaian). Hari libur nasional tetap libur.",
                              "When on, cuti bersama days count as working days (quota days, and counted in "
                              "completion times). Public holidays stay days off."),
    "pengaturan.cuti.save": ("Simpan", "Save"),
    "pengaturan.cuti.saved_on": ("Cuti bersama kini dihitung sebagai hari kerja; kalender diperbarui.",
                               "Cuti bersama now counts as a working day; the calendar was rebuilt."),
    "pengaturan.cuti.saved_off": ("Cuti bersama kini dihitung sebagai hari libur; kalender diperbarui.",
                                "Cuti bersama now counts as a day off; the calendar was rebuilt."),
    "pengaturan.days.heading": ("Hari tutup dan hari layanan tambahan", "Extra closed days and extra service days"),
    "pengaturan.days.caption": ("Hari tutup: hari kerja yang kantor tutup (bukan hari kuota, tidak dihitung dalam "
                              "waktu penyelesaian). Hari layanan: layanan di luar hari kerja (mis. Sabtu Paspor "
                              "Simpatik): tiketnya dihitung, tetapi bukan hari kuota dan bukan hari kerja.",
                              "Closed day: a working day on which the office is closed (not a quota day, not counted "
                              "in completion times). Service day: service outside working days (e.g. a Saturday "
                              "Paspor Simpatik): its tickets count, but it is neither a quota day nor a working "
                              "day."),
    "pengaturan.days.none": ("Belum ada hari tambahan.", "No extra days yet."),
    "pengaturan.days.add": ("Tambah hari", "Add a day"),
    "pengaturan.days.office": ("Kantor", "Office"),
    "pengaturan.days.all_offices": ("Semua kantor", "All offices"),
    "pengaturan.days.date": ("Tanggal", "Date"),
    "pengaturan.days.kind": ("Jenis", "Kind"),
    "pengaturan.days.note": ("Keterangan", "Note"),
    "pengaturan.days.save": ("Tambah", "Add"),
    "pengaturan.days.added": ("Hari {kind} {day} ditambahkan; kalender diperbarui.",
                            "{kind} {day} added; the calendar was rebuilt."),
    "pengaturan.days.remove": ("Hapus hari", "Remove a day"),
    "pengaturan.days.remove_choice": ("Hari yang dihapus", "Day to remove"),
    "pengaturan.days.remove_placeholder": ("Pilih hari", "Choose a day"),
    "pengaturan.days.remove_button": ("Hapus", "Remove"),
    "pengaturan.days.removed": ("Hari {kind} {day} dihapus; kalender diperbarui.",
                              "{kind} {day} removed; the calendar was rebuilt."),
    "pengaturan.jenis.tutup": ("Tutup", "Closed"),
    "pengaturan.jenis.layanan": ("Layanan tambahan", "Extra service"),
    # history
    "pengaturan.history.caption": ("Paling banyak {n} perubahan terakhir, terbaru di atas. Kuota: yang dimuat tiap "
                                 "kali (baris yang kemudian diganti tidak disimpan lagi).",
                                 "At most the last {n} changes, newest first. Quota: what each load stored (a row "
                                 "later replaced is no longer kept)."),
    "pengaturan.history.none": ("Belum ada perubahan.", "No changes yet."),
    "pengaturan.area.pengaturan": ("Pengaturan", "Setting"),
    "pengaturan.area.kalender": ("Kalender", "Calendar"),
    "pengaturan.area.kuota": ("Kuota", "Quota"),
    "pengaturan.yes": ("ya", "yes"),
    "pengaturan.no": ("tidak", "no"),
    # errors (kancil/admin/changes.py)
    "pengaturan.err.office": ("Isi kode kantor.", "Enter the office code."),
    "pengaturan.err.lane": ("Pilih jalur.", "Choose a lane."),
    "pengaturan.err.period_order": ("Tanggal akhir tidak boleh sebelum tanggal mulai.",
                                  "The end date cannot be before the start date."),
    "pengaturan.err.quota_min": ("Kuota per hari minimal 1.", "The daily quota must be at least 1."),
    "pengaturan.err.quota_rejected": ("Periode kuota ditolak: {reason}", "The quota period was rejected: {reason}"),
    "pengaturan.err.calendar_kind": ("Jenis hari harus tutup atau layanan.", "The kind must be closed or service."),
    "pengaturan.err.note_long": ("Keterangan paling panjang {max} karakter.", "The note can be at most {max} "
                               "characters."),
    "pengaturan.err.calendar_exists": ("Hari ini sudah tercatat untuk kantor dan jenis yang sama.",
                                     "This day is already recorded for the same office and kind."),
    "pengaturan.err.calendar_missing": ("Hari ini tidak (lagi) tercatat.", "This day is not (or no longer) recorded."),
    "pengaturan.err.boolean": ("Nilai harus ya atau tidak.", "The value must be yes or no."),
    "pengaturan.err.main_office": ("Kode kantor tidak valid: '{value}'.", "Not an office code: '{value}'."),
    "pengaturan.office.save": ("Simpan kantor utama", "Save main office"),
    "pengaturan.office.first": ("(kantor pertama menurut kode)", "(the first office by code)"),
    "pengaturan.office.caption": (
        "Waktu pada tampilan \"Semua kantor\" (Data, Log unduhan, ringkasan gabungan) ditulis dalam zona waktu kantor "
        "ini; tampilan satu kantor selalu memakai zona kantornya sendiri.",
        "Times of the \"All offices\" views (Data, Download log, the combined briefing) are written in this office's "
        "time zone; a single office's view always uses its own."),
    "pengaturan.err.unknown": ("Pengaturan tidak dikenal: {key}", "Unknown setting: {key}"),
    "pengaturan.err.range": ("Nilai harus bilangan bulat {low}–{high}.", "The value must be a whole number "
                           "{low}–{high}."),
}
