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
}
