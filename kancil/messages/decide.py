"""Messages of decision support (forecast, replays) shared by the CLI and the pages: errors and labels."""

MESSAGES: dict[str, tuple[str, str]] = {
    # orders
    "decide.order.empty": ("Urutan kosong: tulis fifo atau urutan jalur, mis. prioritas,percepatan,reguler.",
                           "Empty order: write fifo or a lane order, e.g. prioritas,percepatan,reguler."),
    "decide.order.unknown_lane": ("Urutan tidak dikenal: jalur '{value}' tidak ada; yang berlaku: {lanes} "
                                  "(atau fifo).",
                                  "Unknown order: there is no lane '{value}'; valid lanes: {lanes} (or fifo)."),
    "decide.order.repeated": ("Urutan tidak sah: jalur '{value}' disebut lebih dari sekali.",
                              "Invalid order: lane '{value}' is named more than once."),
    "decide.order.bad_cap": ("Batas panggilan berturut-turut tidak sah: '{value}' (harus bilangan bulat ≥ 1).",
                             "Invalid cap of consecutive calls: '{value}' (must be a whole number ≥ 1)."),
    # errors of the commands
    "decide.error.office": ("Kantor tidak dikenal: '{value}'. Kantor dalam penyimpanan: {known}.",
                            "Unknown office: '{value}'. Offices in the store: {known}."),
    "decide.error.lane": ("Jalur tidak dikenal: '{value}'. Yang berlaku: {known}.",
                          "Unknown lane: '{value}'. Valid lanes: {known}."),
    "decide.error.period_order": ("Periode tidak sah: --to ({end}) sebelum --from ({start}).",
                                  "Invalid period: --to ({end}) is before --from ({start})."),
    "decide.error.empty_tickets": ("Tidak ada tiket yang dilayani di kantor {office} pada {start} – {end}: tidak "
                                   "ada yang bisa diputar ulang.",
                                   "No served tickets at office {office} on {start} – {end}: nothing to replay."),
    "decide.error.empty_applications": ("Tidak ada permohonan di kantor {office} yang diajukan pada {start} – {end}: "
                                        "tidak ada yang bisa diputar ulang.",
                                        "No applications at office {office} submitted on {start} – {end}: nothing "
                                        "to replay."),
    "decide.error.counters": ("Jumlah loket tidak sah: {value} (harus ≥ 1).",
                              "Invalid number of counters: {value} (must be ≥ 1)."),
    "decide.error.counters_completion": ("--counters hanya berlaku untuk replay queue (antrean loket).",
                                         "--counters applies to replay queue (the counters) only."),
    "decide.error.horizon": ("Cakrawala perkiraan tidak sah: {value} (harus 1–250 hari kerja).",
                             "Invalid forecast horizon: {value} (must be 1–250 working days)."),
    "decide.error.no_history": ("Tidak ada tiket jalur {lane} di kantor {office}: tidak ada riwayat untuk "
                                "perkiraan.",
                                "No {lane} tickets at office {office}: no history to forecast from."),
    # forecast
    "decide.forecast.model": ("regresi binomial negatif (statsmodels) dengan kalender Indonesia",
                              "negative binomial regression (statsmodels) on the Indonesian calendar"),
    "decide.forecast.simple": ("metode sederhana: rata-rata hari yang sama dalam 8 minggu terakhir",
                               "simple method: the mean of the same weekday over the last 8 weeks"),
    "decide.forecast.short_history": ("Riwayat baru {days} hari kerja (kurang dari {minimum}, sekitar 6 bulan): "
                                      "pola kalender belum bisa diperkirakan, jadi dipakai metode sederhana.",
                                      "Only {days} working days of history (fewer than {minimum}, about 6 months): "
                                      "the calendar patterns cannot be estimated yet, so the simple method is "
                                      "used."),
    # plain-text output of the commands
    "decide.text.forecast_head": ("Perkiraan permintaan kantor {office}, jalur {lane} — {model}. Riwayat {days} hari "
                                  "kerja sampai {last}.",
                                  "Demand forecast, office {office}, lane {lane} — {model}. History: {days} working "
                                  "days up to {last}."),
    "decide.text.backtest": ("Uji mundur: {days} hari kerja dari {origins} titik awal; MAE {mae} tiket (naif musiman "
                             "'hari yang sama minggu lalu': {naive}), MASE {mase}; {coverage} hari di dalam "
                             "selang 80 %.",
                             "Backtest: {days} working days from {origins} origins; MAE {mae} tickets (seasonal "
                             "naive 'same weekday last week': {naive}), MASE {mase}; {coverage} of days inside "
                             "the 80 % interval."),
    "decide.text.quota": ("Saran kuota (mencukupi {coverage} hari kerja): {history} menurut setahun terakhir, "
                          "{horizon} menurut perkiraan; kuota berlaku {current}.",
                          "Quota suggestion (covering {coverage} of working days): {history} by the last year, "
                          "{horizon} by the forecast; quota in force {current}."),
    "decide.text.overflow": ("Hari yang diperkirakan melebihi kuota ({n}): {days}",
                             "Days expected over the quota ({n}): {days}"),
    "decide.text.more": (" … dan {n} lagi", " … and {n} more"),
    "decide.text.forecast_columns": ("     tanggal  perkiraan  selang 80 %  selang 95 %  kuota  P(> kuota)",
                                     "        date   expected  80 % interval 95 % int.  quota  P(> quota)"),
    "decide.text.counters_recorded": ("seperti tercatat", "as recorded"),
    "decide.text.queue_head": ("Putar ulang antrean kantor {office}, {start} – {end}, urutan {order}, loket "
                               "{counters}, {days} hari. Tunggu dalam menit; dalam kurung: tercatat.",
                               "Queue replay, office {office}, {start} – {end}, order {order}, counters {counters}, "
                               "{days} days. Waits in minutes; in brackets: as recorded."),
    "decide.text.queue_columns": ("  jalur       n  rata-rata  median  p90  di atas target",
                                  "  lane        n  mean  median  p90  above target"),
    "decide.text.reproduction_queue": ("Kedekatan dengan catatan: {share} tiket dipanggil tepat pada waktu tercatat; "
                                       "selisih rata-rata {mean} menit, terbesar {max} menit.",
                                       "Closeness to the record: {share} of tickets called at exactly the recorded "
                                       "moment; mean difference {mean} min, largest {max} min."),
    "decide.text.completion_head": ("Putar ulang penerbitan kantor {office}, permohonan {start} – {end}, urutan "
                                    "{order}. Hari kerja; dalam kurung: tercatat.",
                                    "Completion replay, office {office}, applications {start} – {end}, order "
                                    "{order}. Working days; in brackets: as recorded."),
    "decide.text.completion_columns": ("  jalur       terbit  belum  median  p90  sesuai standar",
                                       "  lane        issued  pending  median  p90  within standard"),
    "decide.text.reproduction_completion": ("Kedekatan dengan catatan: {share} permohonan terbit pada hari tercatat; "
                                            "{moved} berpindah hari.",
                                            "Closeness to the record: {share} of applications issued on the recorded "
                                            "day; {moved} moved."),
    "decide.text.bap": ("  BAP {lane} ({n}): median {median} hk (rata-rata {mean}); bila tetap berprioritas "
                        "jalurnya: median {kept} hk (rata-rata {kept_mean}).",
                        "  BAP {lane} ({n}): median {median} wd (mean {mean}); if they kept their lane's priority: "
                        "median {kept} wd (mean {kept_mean})."),
    # the head of office's question and the pages' plain-words explanations
    "decide.answer.question": ("Bila prioritas diproses tepat setelah percepatan, berapa hari kerja pemohon "
                               "prioritas menunggu, dan berapa hari lebih lama pemohon reguler?",
                               "If prioritas were processed right after percepatan, how many working days would "
                               "priority applicants wait, and how many more the reguler ones?"),
    "decide.answer.text": ("Bila {prioritas} diproses tepat setelah {percepatan}, pemohon {prioritas} menerima paspor "
                           "dalam median {median} hari kerja (rata-rata {mean}; dengan urutan kantor sekarang "
                           "{before}); pemohon {reguler} rata-rata {more} hari kerja {direction} ({reg_mean} "
                           "dibanding {reg_before}).",
                           "If {prioritas} were processed right after {percepatan}, {prioritas} applicants would get "
                           "their passport in a median of {median} working days (mean {mean}; {before} with the "
                           "office's order today); {reguler} applicants would wait {more} working days {direction} "
                           "on average ({reg_mean} against {reg_before})."),
    "decide.answer.longer": ("lebih lama", "longer"),
    "decide.answer.shorter": ("lebih cepat", "less"),
    "decide.answer.none": ("Belum ada permohonan prioritas dan reguler yang terbit dalam periode ini.",
                           "No prioritas and reguler applications were issued in this period."),
    "decide.explain.queue": (
        "Simulasi antrean memutar ulang setiap hari dengan kedatangan dan lama layanan yang tercatat. Loket yang "
        "kosong memanggil tiket yang menunggu paling depan dalam urutan yang dipilih; tiket memakai loket selama "
        "yang tercatat. Hanya tiket yang dilayani yang ikut; tidak hadir dan batal tetap seperti tercatat.",
        "The queue simulation replays each day with the recorded arrivals and service times. A free counter calls "
        "the waiting ticket that comes first in the chosen order; a ticket holds the counter as long as it did. "
        "Only served tickets take part; no-shows and cancellations stay as recorded."),
    "decide.explain.completion": (
        "Simulasi penerbitan memakai jumlah paspor yang benar-benar terbit setiap hari, dan hanya mengubah siapa "
        "yang mendapatkannya. Permohonan boleh terbit mulai hari kerja setelah diajukan (percepatan: hari yang "
        "sama), kasus BAP mulai hari kerja setelah BAP selesai. Kasus BAP diperlakukan seperti reguler, karena "
        "layanan prioritas belum menjangkau BAP.",
        "The completion simulation keeps the number of passports actually issued each day and only changes who "
        "gets them. An application may be issued from the working day after its submission (percepatan: the same "
        "day), a BAP case from the working day after its examination. BAP cases are ranked as reguler, as the "
        "priority service does not reach the examination yet."),
    "decide.explain.trust": (
        "Kedekatan dengan catatan: memutar ulang urutan kantor sendiri menghasilkan kembali {share} dari catatan. "
        "Simulasi yang tidak bisa mengulang masa lalu tidak bisa dipercaya tentang urutan lain.",
        "Closeness to the record: replaying the office's own order gives back {share} of the record. A replay that "
        "cannot reproduce the past cannot be trusted about another order."),
    "decide.explain.forecast": (
        "Perkiraan tiket per hari kerja dari riwayat kantor sendiri, dengan pola hari, Ramadan dan Lebaran, Idul "
        "Adha, musim haji/umrah dan libur sekolah. Pita: selang 80 % dan 95 %. Uji mundur: MAE {mae} tiket, "
        "metode naif 'hari yang sama minggu lalu' {naive}; {coverage} hari jatuh di dalam selang 80 %.",
        "Tickets per working day forecast from the office's own history, with the weekday shape, Ramadan and Eid, "
        "Idul Adha, the Hajj/Umrah season and school holidays. Bands: the 80 % and 95 % intervals. Backtest: MAE "
        "{mae} tickets, the naive 'same weekday last week' {naive}; {coverage} of days inside the 80 % interval."),
}
