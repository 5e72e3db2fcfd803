"""Messages of the Simulasi page and of the Kuota page's "Perkiraan permintaan" section (kancil/decide)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "simulasi.title": ("Simulasi", "Simulation"),
    "simulasi.intro": ("Kantor {office}, {period}. Hari-hari kantor sendiri diputar ulang dengan urutan lain: "
                       "kedatangan, lama layanan dan jumlah paspor terbit per hari tetap seperti tercatat.",
                       "Office {office}, {period}. The office's own days replayed under another order: arrivals, "
                       "service times and passports issued per day stay as recorded."),
    "simulasi.office_pick": ("Kantor", "Office"),
    "simulasi.none": ("Periode ini tidak memuat tiket atau permohonan kantor {office} untuk diputar ulang.",
                      "This period holds no tickets or applications of office {office} to replay."),
    "simulasi.question.title": ("Pertanyaan kepala kantor", "The head of office's question"),
    "simulasi.kpi.prioritas": ("Prioritas, median penyelesaian", "Priority, median completion"),
    "simulasi.kpi.reguler": ("Reguler, rata-rata penyelesaian", "Regular, mean completion"),
    "simulasi.kpi.value": ("{value} hk", "{value} wd"),
    "simulasi.kpi.delta": ("{value} hk", "{value} wd"),
    "simulasi.kpi.help": ("Dibanding urutan kantor sendiri ({order}).", "Against the office's own order ({order})."),
    "simulasi.order": ("Urutan", "Order"),
    "simulasi.order.own": ("Urutan kantor ({order})", "The office's order ({order})"),
    "simulasi.order.fifo": ("Sesuai urutan datang (fifo)", "First come, first served (fifo)"),
    "simulasi.counters": ("Loket", "Counters"),
    "simulasi.counters.recorded": ("Seperti tercatat", "As recorded"),
    "simulasi.counters.n": ("Jumlah loket untuk semua jalur", "Counters serving every lane"),
    "simulasi.queue.title": ("Antrean loket: tunggu per jalur", "Counter queue: waits per lane"),
    "simulasi.queue.axis": ("Median tunggu (menit)", "Median wait (minutes)"),
    "simulasi.queue.caption": ("Median tunggu tiket yang dilayani, {period}; abu-abu: tercatat, berwarna: urutan "
                               "{order}.", "Median wait of served tickets, {period}; grey: recorded, coloured: order "
                               "{order}."),
    "simulasi.completion.title": ("Penerbitan paspor: penyelesaian per jalur", "Passport issue: completion per lane"),
    "simulasi.completion.axis": ("Rata-rata penyelesaian (hari kerja)", "Mean completion (working days)"),
    "simulasi.completion.caption": ("Rata-rata hari kerja dari pengajuan sampai terbit, permohonan {period}; "
                                    "abu-abu: tercatat, berwarna: urutan {order}.",
                                    "Mean working days from submission to issue, applications of {period}; grey: "
                                    "recorded, coloured: order {order}."),
    "simulasi.bap.title": ("BAP: bila tetap berprioritas jalurnya", "BAP: if they kept their lane's priority"),
    "simulasi.bap.caption": ("Kasus BAP dihitung seperti reguler (rekomendasi 1: layanan prioritas belum menjangkau "
                             "BAP); kolom 'tetap berprioritas' memberi kasus BAP tempat jalurnya sendiri.",
                             "BAP cases are ranked as reguler (recommendation 1: the priority service does not "
                             "reach BAP yet); the 'keeping its lane' columns give BAP cases their own lane's place."),
    "simulasi.recorded": ("Tercatat", "Recorded"),
    "simulasi.replayed": ("Simulasi", "Replayed"),
    # the forecast section of the Kuota page
    "kuota.forecast.title": ("Perkiraan permintaan", "Demand forecast"),
    "kuota.forecast.open": ("Buka untuk menghitung perkiraan jalur {lane} (model musiman; beberapa detik pada buka "
                            "pertama)", "Open to compute the forecast for lane {lane} (a seasonal model; a few seconds "
                            "the first time)"),
    "kuota.forecast.pick": ("Kantor untuk perkiraan", "Office to forecast"),
    "kuota.forecast.suggestion": ("Saran kuota {lane}", "Suggested quota, {lane}"),
    "kuota.forecast.suggestion_help": ("Kuota harian terkecil yang mencukupi permintaan pada {coverage} hari kerja "
                                       "setahun terakhir ({history}); menurut perkiraan {horizon}.",
                                       "The smallest daily quota covering demand on {coverage} of the last year's "
                                       "working days ({history}); by the forecast {horizon}."),
    "kuota.forecast.overflow": ("Hari di atas kuota (perkiraan)", "Days over the quota (forecast)"),
    "kuota.forecast.overflow_value": ("{n} dari {days}", "{n} of {days}"),
    "kuota.forecast.trace.recorded": ("Tiket tercatat", "Recorded tickets"),
    "kuota.forecast.trace.expected": ("Perkiraan", "Forecast"),
    "kuota.forecast.trace.band95": ("Selang 95 %", "95 % interval"),
    "kuota.forecast.trace.band80": ("Selang 80 %", "80 % interval"),
    "kuota.forecast.trace.quota": ("Kuota", "Quota"),
    "kuota.forecast.trace.overflow": ("Diperkirakan di atas kuota", "Expected over the quota"),
    "kuota.forecast.caption": ("{lane}, kantor {office}: {days} hari kerja ke depan menurut kalender kantor (hari "
                               "libur dan tutup tidak diperkirakan). Model: {model}.",
                               "{lane}, office {office}: the next {days} working days of the office's calendar "
                               "(holidays and closures are not forecast). Model: {model}."),
}
