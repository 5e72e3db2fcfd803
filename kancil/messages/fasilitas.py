"""Messages of the facilities page (Fasilitas)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "fasilitas.intro": (
        "Pemakaian per 100 kunjungan yang berhak: ruang laktasi per 100 tiket ibu membawa balita; area bermain anak "
        "per 100 tiket anak dan ibu membawa balita; kursi roda per 100 tiket lansia dan penyandang disabilitas; "
        "ruang tunggu prioritas per 100 tiket jalur prioritas; toilet disabilitas per 100 tiket penyandang "
        "disabilitas dan lansia (pilihan kami: dua kelompok yang paling membutuhkannya; pemakaian oleh ibu hamil "
        "atau orang sakit tetap dihitung sebagai pemakaian). Pemakaian dihitung siapa pun pemakainya; tiket dengan "
        "semua status.",
        "Uses per 100 eligible visits: lactation room per 100 tickets of parents with toddlers; children's play area "
        "per 100 tickets of children and parents with toddlers; wheelchair per 100 tickets of the elderly and persons "
        "with disabilities; priority waiting room per 100 priority-lane tickets; accessible toilet per 100 tickets of "
        "persons with disabilities and the elderly (our choice: the two groups that need it most; uses by pregnant "
        "women or sick persons still count as uses). Uses count whoever used the facility; tickets of every status.",
    ),
    "fasilitas.filters_note": (
        "Catatan pemakaian fasilitas tidak memiliki jalur, jenis layanan, atau kanal; karena itu saringan tersebut "
        "juga tidak diterapkan pada kunjungan yang berhak (tiket semua jalur, layanan, dan kanal), supaya pemakaian "
        "dan kunjungan menyangkut orang yang sama. Saringan kelompok berlaku pada keduanya; pemakaian tanpa "
        "kelompok tercatat hanya masuk bila saringan kelompok kosong.",
        "The facility log has no lane, service type or channel; so those filters are not applied to the eligible "
        "visits either (tickets of every lane, service and channel), so that uses and visits are about the same "
        "people. The group filter applies to both; uses without a recorded group count only when no group is "
        "selected.",
    ),
    "fasilitas.period": ("{start} – {end}", "{start} – {end}"),
    "fasilitas.small_suffix": (" · n < 30", " · n < 30"),
    # KPI cards
    "fasilitas.kpi.help": (
        "{uses} pemakaian per {visits} kunjungan yang berhak. Periode sebelumnya ({previous}): {before}.",
        "{uses} uses per {visits} eligible visits. Previous period ({previous}): {before}.",
    ),
    "fasilitas.kpi.caption": ("per 100 kunjungan · {uses}/{visits}{note}", "per 100 visits · {uses}/{visits}{note}"),
    "fasilitas.kpi.deltas": ("Perubahan: dibanding periode sebelumnya dengan panjang sama ({previous}).",
                             "Changes: against the previous period of the same length ({previous})."),
    # the finding
    "fasilitas.finding.rare": (
        "Ruang laktasi dan area bermain anak jarang dipakai: {laktasi} pemakaian per 100 kunjungan ibu membawa "
        "balita dan {bermain} per 100 kunjungan anak dan ibu membawa balita, dibanding kursi roda {kursi} per 100 "
        "kunjungan lansia dan penyandang disabilitas. Letaknya yang sulit ditemukan adalah dugaan kajian; "
        "bandingkan sebelum/sesudah perubahan tata letak di bawah.",
        "The lactation room and the play area are rarely used: {laktasi} uses per 100 visits of parents with "
        "toddlers and {bermain} per 100 visits of children and parents with toddlers, against {kursi} wheelchair "
        "uses per 100 visits of the elderly and persons with disabilities. The study suspects they are placed where "
        "few people find them; compare before/after the layout change below.",
    ),
    "fasilitas.finding.numbers": (
        "Ruang laktasi: {laktasi} pemakaian per 100 kunjungan ibu membawa balita; area bermain anak: {bermain} per "
        "100 kunjungan anak dan ibu membawa balita.",
        "Lactation room: {laktasi} uses per 100 visits of parents with toddlers; play area: {bermain} per 100 visits "
        "of children and parents with toddlers.",
    ),
    # rates and lengths
    "fasilitas.rates.title": ("Pemakaian per 100 kunjungan dan lama pemakaian",
                              "Uses per 100 visits and length of use"),
    "fasilitas.rates.per100_title": ("Pemakaian per 100 kunjungan yang berhak", "Uses per 100 eligible visits"),
    "fasilitas.rates.minutes_title": ("Lama pemakaian median (menit, interval 95%)",
                                      "Median length of use (minutes, 95% interval)"),
    "fasilitas.rates.label": ("{value} ({uses}/{visits})", "{value} ({uses}/{visits})"),
    "fasilitas.rates.minutes_label": ("{median} (n = {n})", "{median} (n = {n})"),
    "fasilitas.axis.per100": ("Pemakaian per 100 kunjungan", "Uses per 100 visits"),
    "fasilitas.axis.minutes": ("Menit", "Minutes"),
    "fasilitas.rates.caption": (
        "Kiri: pemakaian ÷ kunjungan yang berhak × 100, {period}; label = nilai (pemakaian/kunjungan). Kanan: lama "
        "pemakaian median (mulai → selesai, hanya pemakaian dengan jam selesai) dengan interval 95% (metode "
        "statistik urutan). Abu-abu bergaris = n < 30 (kunjungan di kiri, pemakaian bertanda waktu di kanan).",
        "Left: uses ÷ eligible visits × 100, {period}; label = value (uses/visits). Right: median length of use "
        "(start → end, only uses with an end time) with a 95% interval (order-statistic method). Hatched grey = "
        "n < 30 (visits on the left, timed uses on the right).",
    ),
    # heatmaps
    "fasilitas.heat.title": ("Kapan fasilitas dipakai", "When the facilities are used"),
    "fasilitas.heat.pick": ("Fasilitas", "Facility"),
    "fasilitas.heat.weekday_title": ("{facility}: pemakaian per hari dan jam (n = {n}{note})",
                                     "{facility}: uses by weekday and hour (n = {n}{note})"),
    "fasilitas.axis.hour": ("Jam mulai pemakaian", "Hour the use started"),
    "fasilitas.colorbar.uses": ("Pemakaian", "Uses"),
    "fasilitas.colorbar.share": ("Bagian", "Share"),
    "fasilitas.heat.weekday_caption": (
        "Jumlah pemakaian {facility} menurut hari dan jam mulai, {period} (Sabtu hanya pada hari layanan "
        "Paspor Simpatik).",
        "Number of uses of the {facility} by weekday and the hour it started, {period} (Saturday only on Paspor "
        "Simpatik service days).",
    ),
    "fasilitas.heat.hour_title": ("Semua fasilitas menurut jam", "All facilities by hour"),
    "fasilitas.heat.hour_caption": (
        "Warna = bagian pemakaian tiap fasilitas yang dimulai pada jam itu (setiap baris berjumlah 100%), angka = "
        "jumlah pemakaian, {period}; n = pemakaian fasilitas itu.",
        "Colour = the share of each facility's uses that started in that hour (each row adds up to 100%), number = "
        "uses, {period}; n = the facility's uses.",
    ),
    "fasilitas.facility_n": ("{facility} (n = {n}{note})", "{facility} (n = {n}{note})"),
    # before / after
    "fasilitas.ba.title": ("Sebelum dan sesudah", "Before and after"),
    "fasilitas.ba.date": ("Tanggal perubahan (hari pertama 'sesudah')", "Date of the change (first day 'after')"),
    "fasilitas.ba.demo_note": (
        "Data contoh: tata letak diubah pada {day} (ruang laktasi dan area bermain dipindah ke tempat yang terlihat).",
        "Demo data: the layout was changed on {day} (lactation room and play area moved to a visible place).",
    ),
    "fasilitas.ba.outside": (
        "Tanggal perubahan tata letak ({day}) di luar periode ini; pilih periode yang mencakupnya (mis. 'Tahun ini' "
        "atau rentang sendiri) untuk membandingkan. Bawaan di bawah: tengah periode.",
        "The layout-change date ({day}) lies outside this period; pick a period that includes it (e.g. 'This year' "
        "or a custom range) to compare. Default below: the middle of the period.",
    ),
    "fasilitas.ba.at_start": (
        "Tanggal perubahan tata letak ({day}) adalah hari pertama periode ini, jadi tidak ada hari 'sebelum' di "
        "dalamnya; pilih periode yang juga mencakup hari-hari sebelumnya. Bawaan di bawah: tengah periode.",
        "The layout-change date ({day}) is the first day of this period, so it has no days 'before'; pick a period "
        "that also covers the days before it. Default below: the middle of the period.",
    ),
    "fasilitas.ba.show_layout": ("Tampilkan periode sekitar perubahan tata letak",
                                 "Show the period around the layout change"),
    "fasilitas.ba.too_short": ("Periode terlalu pendek untuk dibandingkan (perlu paling sedikit 2 hari).",
                               "The period is too short to compare (it needs at least 2 days)."),
    "fasilitas.ba.before": ("Sebelum ({start} – {end})", "Before ({start} – {end})"),
    "fasilitas.ba.after": ("Sesudah ({start} – {end})", "After ({start} – {end})"),
    "fasilitas.ba.caption": (
        "Dua jendela sama panjang ({days} hari) di kedua sisi tanggal yang dipilih, di dalam periode saringan: "
        "sebelum {before}, sesudah {after} (jendela sama panjang agar musim dan hari libur sebanding; sisa periode "
        "di luar jendela tidak dihitung). Pemakaian per 100 kunjungan yang berhak; label = nilai (pemakaian/"
        "kunjungan). Abu-abu bergaris = kunjungan n < 30, terlalu sedikit untuk disimpulkan.",
        "Two windows of equal length ({days} days) on each side of the chosen date, within the filter period: "
        "before {before}, after {after} (equal windows so that season and holidays compare; the rest of the period "
        "outside the windows is not counted). Uses per 100 eligible visits; label = value (uses/visits). Hatched "
        "grey = visits n < 30, too few to draw conclusions.",
    ),
    "fasilitas.ba.summary": (
        "**Ruang laktasi** {laktasi_before} → {laktasi_after} dan **area bermain anak** {bermain_before} → "
        "{bermain_after} pemakaian per 100 kunjungan yang berhak (sebelum → sesudah).",
        "**Lactation room** {laktasi_before} → {laktasi_after} and **play area** {bermain_before} → {bermain_after} "
        "uses per 100 eligible visits (before → after).",
    ),
    "fasilitas.col.facility": ("Fasilitas", "Facility"),
    "fasilitas.col.side": ("Sisi", "Side"),
    "fasilitas.col.window": ("Jendela", "Window"),
    "fasilitas.col.uses": ("Pemakaian", "Uses"),
    "fasilitas.col.visits": ("Kunjungan berhak", "Eligible visits"),
    "fasilitas.col.per100": ("Per 100", "Per 100"),
    "fasilitas.col.median": ("Median (mnt)", "Median (min)"),
    "fasilitas.col.ci": ("Interval 95%", "95% interval"),
    "fasilitas.col.timed": ("Pemakaian bertanda waktu", "Timed uses"),
    "fasilitas.col.note": ("Catatan", "Note"),
    "fasilitas.side.before": ("sebelum", "before"),
    "fasilitas.side.after": ("sesudah", "after"),
}
