"""Messages of the Pengaturan (settings) page: quotas, targets, calendar, labels and the change history."""

MESSAGES: dict[str, tuple[str, str]] = {
    "settings.intro": ("Setiap perubahan dicatat (siapa, kapan, nilai lama dan baru) dan langsung berlaku di semua "
                       "halaman. Saringan di samping tidak berlaku di halaman ini.",
                       "Every change is recorded (who, when, old and new value) and applies on every page at once. "
                       "The sidebar filters do not apply on this page."),
    "settings.tab.quota": ("Kuota harian", "Daily quotas"),
    "settings.tab.targets": ("Target & label", "Targets & labels"),
    "settings.tab.calendar": ("Kalender", "Calendar"),
    "settings.tab.history": ("Riwayat perubahan", "Change history"),
    # quotas
    "settings.quota.current": ("Periode kuota", "Quota periods"),
    "settings.quota.caption": ("Kuota per hari kerja per jalur. Bila periode tumpang tindih, yang mulai paling akhir "
                               "berlaku. Status dihitung terhadap hari ini ({today}).",
                               "Quota per working day per lane. Where periods overlap, the one that started last "
                               "applies. Status as of today ({today})."),
    "settings.quota.none": ("Belum ada kuota tersimpan.", "No quota stored yet."),
    "settings.quota.add": ("Tambah periode kuota", "Add a quota period"),
    "settings.quota.add_caption": ("Periode tanpa tanggal akhir menggantikan periode berjalan: periode itu ditutup "
                                   "sehari sebelum periode baru mulai. Periode dengan tanggal akhir adalah perubahan "
                                   "sementara: sesudahnya periode berjalan berlaku lagi. Tanggal mulai yang sama "
                                   "dengan periode yang ada mengoreksi periode itu.",
                                   "A period without an end date replaces the running one: that one is closed the day "
                                   "before the new one starts. A period with an end date is a temporary change: the "
                                   "running period applies again afterwards. The same start date as a stored period "
                                   "corrects that period."),
    "settings.quota.office": ("Kantor", "Office"),
    "settings.quota.office_help": ("Kode kantor seperti di berkas ekspor; ketik kode baru bila belum ada.",
                                   "Office code as in the export files; type a new code if it is not listed."),
    "settings.quota.lane": ("Jalur", "Lane"),
    "settings.quota.from": ("Berlaku mulai", "Valid from"),
    "settings.quota.to": ("Berlaku sampai (kosong = terus berlaku)", "Valid until (empty = open-ended)"),
    "settings.quota.daily": ("Kuota per hari", "Quota per day"),
    "settings.quota.save": ("Simpan periode", "Save period"),
    "settings.quota.saved": ("Periode kuota {lane} mulai {start} disimpan ({quota} per hari).",
                             "Quota period for {lane} from {start} saved ({quota} per day)."),
    "settings.quota.closed": ("Periode berjalan sejak {start} ({quota} per hari) ditutup pada {end}.",
                              "The running period since {start} ({quota} per day) now ends on {end}."),
    "settings.quota.status.berlaku": ("berlaku", "running"),
    "settings.quota.status.selesai": ("selesai", "ended"),
    "settings.quota.status.akan_datang": ("akan datang", "upcoming"),
    "settings.col.office": ("Kantor", "Office"),
    "settings.col.lane": ("Jalur", "Lane"),
    "settings.col.from": ("Dari", "From"),
    "settings.col.to": ("Sampai", "Until"),
    "settings.col.daily": ("Kuota/hari", "Quota/day"),
    "settings.col.status": ("Status", "Status"),
    "settings.col.source": ("Sumber", "Source"),
    "settings.col.who": ("Oleh", "By"),
    "settings.col.when": ("Waktu", "When"),
    "settings.col.date": ("Tanggal", "Date"),
    "settings.col.kind": ("Jenis", "Kind"),
    "settings.col.note": ("Keterangan", "Note"),
    "settings.col.area": ("Bagian", "Area"),
    "settings.col.item": ("Apa", "What"),
    "settings.col.old": ("Nilai lama", "Old value"),
    "settings.col.new": ("Nilai baru", "New value"),
    "settings.open_ended": ("terus", "open"),
    # targets and labels
    "settings.targets.heading": ("Target halaman Waktu layanan dan Ringkasan", "Targets of the Turnaround and "
                                 "Briefing pages"),
    "settings.targets.save": ("Simpan target dan label", "Save targets and labels"),
    "settings.targets.saved": ("{n} pengaturan diubah.", "{n} setting(s) changed."),
    "settings.targets.unchanged": ("Tidak ada yang berubah.", "Nothing changed."),
    "settings.labels.heading": ("Label", "Labels"),
    "settings.key.target_wait_prioritas": ("Target tunggu prioritas (menit)", "Priority waiting target (minutes)"),
    "settings.key.target_wait_reguler": ("Target tunggu reguler (menit)", "Regular waiting target (minutes)"),
    "settings.key.target_wait_percepatan": ("Target tunggu percepatan (menit)",
                                            "Accelerated waiting target (minutes)"),
    "settings.key.target_completion_days": ("Standar penyelesaian (hari kerja)", "Completion standard (working days)"),
    "settings.key.target_completion_days_percepatan": ("Standar penyelesaian percepatan (hari kerja; 0 = hari yang "
                                                       "sama)",
                                                       "Accelerated completion standard (working days; 0 = same "
                                                       "day)"),
    "settings.key.usia_lansia": ("Batas usia lansia pada label (tahun)", "Elderly age threshold in labels (years)"),
    "settings.key.kuota_cakupan": ("Saran kuota: cakupan hari kerja (%)", "Quota suggestion: working days covered (%)"),
    "settings.key.urutan_panggil": ("Urutan panggil loket kantor", "The office's counter calling order"),
    "settings.key.urutan_proses": ("Urutan proses penerbitan kantor", "The office's processing order for issuing"),
    "settings.err.order": ("{reason}", "{reason}"),
    "settings.key.cuti_bersama_hari_kerja": ("Cuti bersama dihitung hari kerja", "Cuti bersama counts as a working "
                                             "day"),
    "settings.targets.caption": ("Standar penyelesaian 4 hari kerja mengikuti Permenkumham 8/2014 dan perubahannya; "
                                 "ubah hanya bila kantor menetapkan standar lain.",
                                 "The completion standard of 4 working days follows Permenkumham 8/2014 as "
                                 "amended; change it only if the office set another standard."),
    # calendar
    "settings.cuti.heading": ("Cuti bersama", "Cuti bersama (collective leave)"),
    "settings.cuti.caption": ("Bila aktif, hari cuti bersama dihitung sebagai hari kerja (hari kuota, dan ikut "
                              "dalam waktu penyelesaian). Hari libur nasional tetap libur.",
                              "When on, cuti bersama days count as working days (quota days, and counted in "
                              "completion times). Public holidays stay days off."),
    "settings.cuti.save": ("Simpan", "Save"),
    "settings.cuti.saved_on": ("Cuti bersama kini dihitung sebagai hari kerja; kalender diperbarui.",
                               "Cuti bersama now counts as a working day; the calendar was rebuilt."),
    "settings.cuti.saved_off": ("Cuti bersama kini dihitung sebagai hari libur; kalender diperbarui.",
                                "Cuti bersama now counts as a day off; the calendar was rebuilt."),
    "settings.days.heading": ("Hari tutup dan hari layanan tambahan", "Extra closed days and extra service days"),
    "settings.days.caption": ("Hari tutup: hari kerja yang kantor tutup (bukan hari kuota, tidak dihitung dalam "
                              "waktu penyelesaian). Hari layanan: layanan di luar hari kerja (mis. Sabtu Paspor "
                              "Simpatik): tiketnya dihitung, tetapi bukan hari kuota dan bukan hari kerja.",
                              "Closed day: a working day on which the office is closed (not a quota day, not counted "
                              "in completion times). Service day: service outside working days (e.g. a Saturday "
                              "Paspor Simpatik): its tickets count, but it is neither a quota day nor a working "
                              "day."),
    "settings.days.none": ("Belum ada hari tambahan.", "No extra days yet."),
    "settings.days.add": ("Tambah hari", "Add a day"),
    "settings.days.office": ("Kantor", "Office"),
    "settings.days.all_offices": ("Semua kantor", "All offices"),
    "settings.days.date": ("Tanggal", "Date"),
    "settings.days.kind": ("Jenis", "Kind"),
    "settings.days.note": ("Keterangan", "Note"),
    "settings.days.save": ("Tambah", "Add"),
    "settings.days.added": ("Hari {kind} {day} ditambahkan; kalender diperbarui.",
                            "{kind} {day} added; the calendar was rebuilt."),
    "settings.days.remove": ("Hapus hari", "Remove a day"),
    "settings.days.remove_choice": ("Hari yang dihapus", "Day to remove"),
    "settings.days.remove_placeholder": ("Pilih hari", "Choose a day"),
    "settings.days.remove_button": ("Hapus", "Remove"),
    "settings.days.removed": ("Hari {kind} {day} dihapus; kalender diperbarui.",
                              "{kind} {day} removed; the calendar was rebuilt."),
    "settings.jenis.tutup": ("Tutup", "Closed"),
    "settings.jenis.layanan": ("Layanan tambahan", "Extra service"),
    # history
    "settings.history.caption": ("Paling banyak {n} perubahan terakhir, terbaru di atas. Kuota: yang dimuat tiap "
                                 "kali (baris yang kemudian diganti tidak disimpan lagi).",
                                 "At most the last {n} changes, newest first. Quota: what each load stored (a row "
                                 "later replaced is no longer kept)."),
    "settings.history.none": ("Belum ada perubahan.", "No changes yet."),
    "settings.area.pengaturan": ("Pengaturan", "Setting"),
    "settings.area.kalender": ("Kalender", "Calendar"),
    "settings.area.kuota": ("Kuota", "Quota"),
    "settings.yes": ("ya", "yes"),
    "settings.no": ("tidak", "no"),
    # errors (kancil/admin/changes.py)
    "settings.err.office": ("Isi kode kantor.", "Enter the office code."),
    "settings.err.lane": ("Pilih jalur.", "Choose a lane."),
    "settings.err.period_order": ("Tanggal akhir tidak boleh sebelum tanggal mulai.",
                                  "The end date cannot be before the start date."),
    "settings.err.quota_min": ("Kuota per hari minimal 1.", "The daily quota must be at least 1."),
    "settings.err.quota_rejected": ("Periode kuota ditolak: {reason}", "The quota period was rejected: {reason}"),
    "settings.err.calendar_kind": ("Jenis hari harus tutup atau layanan.", "The kind must be closed or service."),
    "settings.err.note_long": ("Keterangan paling panjang {max} karakter.", "The note can be at most {max} "
                               "characters."),
    "settings.err.calendar_exists": ("Hari ini sudah tercatat untuk kantor dan jenis yang sama.",
                                     "This day is already recorded for the same office and kind."),
    "settings.err.calendar_missing": ("Hari ini tidak (lagi) tercatat.", "This day is not (or no longer) recorded."),
    "settings.err.boolean": ("Nilai harus ya atau tidak.", "The value must be yes or no."),
    "settings.err.unknown": ("Pengaturan tidak dikenal: {key}", "Unknown setting: {key}"),
    "settings.err.range": ("Nilai harus bilangan bulat {low}–{high}.", "The value must be a whole number "
                           "{low}–{high}."),
}
