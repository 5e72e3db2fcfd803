"""Messages of the turnaround page (Waktu layanan)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "waktu_layanan.intro": (
        "Tunggu = ambil tiket → dipanggil; layanan = mulai → selesai di loket; penyelesaian = hari kerja setelah "
        "tanggal pengajuan sampai paspor terbit. Target tunggu: prioritas {target_prioritas}, reguler "
        "{target_reguler}, percepatan {target_percepatan} menit; penyelesaian paling lama {target_days} hari kerja, "
        "percepatan {target_days_percepatan} (hari yang sama). Target diatur di halaman Pengaturan.",
        "Wait = ticket issued → called; service = start → end at the counter; completion = working days after the "
        "submission date until the passport is issued. Wait targets: priority {target_prioritas}, regular "
        "{target_reguler}, accelerated {target_percepatan} minutes; completion at most {target_days} working days, "
        "accelerated {target_days_percepatan} (the same day). Targets are set on the Settings page.",
    ),
    "waktu_layanan.period": ("{start} – {end}", "{start} – {end}"),
    "waktu_layanan.small_n": ("n < 30", "n < 30"),
    "waktu_layanan.small_suffix": (", n < 30", ", n < 30"),
    "waktu_layanan.not_applicable": ("—", "—"),
    "waktu_layanan.minutes_value": ("{value} mnt", "{value} min"),
    "waktu_layanan.days_value": ("{value} hk", "{value} wd"),
    "waktu_layanan.lane_n": ("{lane} (n = {n}{note})", "{lane} (n = {n}{note})"),
    "waktu_layanan.group_n": ("{group} (n = {n}{note})", "{group} (n = {n}{note})"),
    "waktu_layanan.standard_label": ("standar {days} hk", "standard {days} wd"),
    "waktu_layanan.channel_not_applied": (
        "Saringan kanal tidak berlaku untuk permohonan (datanya tidak memiliki kolom kanal): angka penyelesaian "
        "mencakup semua kanal.",
        "The channel filter does not apply to applications (their data has no channel column): completion figures "
        "cover every channel.",
    ),
    # KPI cards and the finding
    "waktu_layanan.kpi.wait": ("{lane}: tunggu median", "{lane}: median wait"),
    "waktu_layanan.kpi.completion": ("{lane}: selesai median", "{lane}: median completion"),
    "waktu_layanan.kpi.vs_previous": ("vs periode sebelumnya", "vs previous period"),
    "waktu_layanan.kpi.wait_help": (
        "Median menit dari ambil tiket sampai dipanggil (tiket yang dipanggil). Perubahan dibanding periode "
        "sebelumnya yang sama panjang: {previous}.",
        "Median minutes from ticket to call (called tickets). Change against the previous period of the same "
        "length: {previous}.",
    ),
    "waktu_layanan.kpi.completion_help": (
        "Median hari kerja dari pengajuan sampai paspor terbit, permohonan yang diajukan dalam periode dan sudah "
        "terbit (termasuk BAP). Perubahan dibanding periode sebelumnya: {previous}.",
        "Median working days from submission to issue, over applications submitted in the period and issued "
        "(BAP included). Change against the previous period: {previous}.",
    ),
    "waktu_layanan.kpi.wait_caption": ("target {target} mnt · n = {n}{note}", "target {target} min · n = {n}{note}"),
    "waktu_layanan.kpi.completion_caption": ("standar {target} hk · n = {n}{note}",
                                             "standard {target} wd · n = {n}{note}"),
    "waktu_layanan.finding.not_faster": (
        "Penyelesaian prioritas tidak lebih cepat dari reguler: median {prioritas} vs {reguler} hari kerja "
        "(n = {n_prioritas} dan {n_reguler} permohonan terbit).",
        "Priority completion is not faster than regular: median {prioritas} vs {reguler} working days "
        "(n = {n_prioritas} and {n_reguler} issued applications).",
    ),
    "waktu_layanan.finding.faster": (
        "Penyelesaian prioritas lebih cepat dari reguler: median {prioritas} vs {reguler} hari kerja "
        "(n = {n_prioritas} dan {n_reguler} permohonan terbit).",
        "Priority completion is faster than regular: median {prioritas} vs {reguler} working days "
        "(n = {n_prioritas} and {n_reguler} issued applications).",
    ),
    "waktu_layanan.finding.percepatan": ("Percepatan: median {value} hari kerja.",
                                         "Accelerated: median {value} working days."),
    # tabs
    "waktu_layanan.tab.queue": ("Antrean", "Queue"),
    "waktu_layanan.tab.completion": ("Penyelesaian", "Completion"),
    "waktu_layanan.tab.overtaking": ("Audit penyalipan", "Overtaking audit"),
    "waktu_layanan.tab.walk": ("Jalan ke loket", "Walk to counter"),
    "waktu_layanan.tab.staff": ("Loket & petugas", "Counters & officers"),
    # table columns
    "waktu_layanan.col.measure": ("Ukuran", "Measure"),
    "waktu_layanan.col.lane": ("Jalur", "Lane"),
    "waktu_layanan.col.n": ("n", "n"),
    "waktu_layanan.col.median": ("Median", "Median"),
    "waktu_layanan.col.ci": ("Interval 95% median", "95% interval of the median"),
    "waktu_layanan.col.target": ("Target (mnt)", "Target (min)"),
    "waktu_layanan.col.within": ("Sesuai target", "Within target"),
    "waktu_layanan.col.note": ("Catatan", "Note"),
    "waktu_layanan.col.cases": ("Kasus", "Cases"),
    "waktu_layanan.col.applications": ("Permohonan", "Applications"),
    "waktu_layanan.col.issued": ("Terbit (n)", "Issued (n)"),
    "waktu_layanan.col.pending": ("Belum terbit", "Not issued yet"),
    "waktu_layanan.col.standard": ("Standar (hk)", "Standard (wd)"),
    "waktu_layanan.col.within_standard": ("Sesuai standar", "Within standard"),
    "waktu_layanan.col.counter": ("Loket", "Counter"),
    "waktu_layanan.col.officer": ("Kode petugas", "Officer code"),
    "waktu_layanan.col.tickets": ("Tiket dipanggil", "Called tickets"),
    "waktu_layanan.col.median_wait": ("Tunggu median (mnt)", "Median wait (min)"),
    "waktu_layanan.col.median_service": ("Layanan median (mnt)", "Median service (min)"),
    "waktu_layanan.col.above": ("Tunggu di atas target", "Wait above target"),
    "waktu_layanan.measure.wait": ("Tunggu (mnt)", "Wait (min)"),
    "waktu_layanan.measure.service": ("Layanan (mnt)", "Service (min)"),
    "waktu_layanan.case.no_bap": ("Tanpa BAP", "Without BAP"),
    "waktu_layanan.case.bap": ("BAP", "BAP"),
    # axes
    "waktu_layanan.axis.hour": ("Jam ambil tiket", "Hour the ticket was issued"),
    "waktu_layanan.axis.median_wait": ("Tunggu median (menit)", "Median wait (minutes)"),
    "waktu_layanan.axis.median_days": ("Median penyelesaian (hari kerja)", "Median completion (working days)"),
    "waktu_layanan.axis.week": ("Minggu (ISO, mulai Senin)",
                                "Week (ISO, starting Monday)"),
    "waktu_layanan.axis.week_submitted": ("Minggu pengajuan (ISO, mulai Senin)",
                                          "Week of submission (ISO, from Monday)"),
    "waktu_layanan.axis.wait_minutes": ("Tunggu (menit)", "Wait (minutes)"),
    "waktu_layanan.axis.service_minutes": ("Layanan (menit)", "Service (minutes)"),
    "waktu_layanan.axis.walk_minutes": ("Jalan ke loket (menit)", "Walk to the counter (minutes)"),
    "waktu_layanan.axis.minutes": ("Menit", "Minutes"),
    "waktu_layanan.axis.days": ("Hari kerja sampai terbit", "Working days until issue"),
    "waktu_layanan.axis.share_at_most": ("Bagian tiket dengan waktu ≤ x", "Share of tickets with time ≤ x"),
    "waktu_layanan.axis.share_tickets": ("Bagian tiket jalur", "Share of the lane's tickets"),
    "waktu_layanan.axis.share_applications": ("Bagian permohonan", "Share of applications"),
    "waktu_layanan.axis.share_overtaken": ("Tiket prioritas tersalip", "Priority tickets overtaken"),
    "waktu_layanan.axis.day_issued": ("Tanggal ambil tiket", "Day the ticket was issued"),
    # section headings
    "waktu_layanan.head.ecdf": ("Sebaran waktu tunggu dan layanan", "Distribution of waiting and service times"),
    "waktu_layanan.head.histogram": ("Waktu tunggu per 5 menit", "Waiting time in 5-minute buckets"),
    "waktu_layanan.head.service_level": ("Tingkat layanan: tunggu di atas target per jam",
                                 "Service level: waits above target by hour"),
    "waktu_layanan.head.by_hour": ("Tunggu median per jam ambil tiket",
                                   "Median wait by hour of issue"),
    "waktu_layanan.head.weekly_wait": ("Tren mingguan tunggu median", "Weekly trend of the median wait"),
    "waktu_layanan.head.distribution": ("Hari kerja sampai terbit (tanpa BAP)",
                                        "Working days until issue (without BAP)"),
    "waktu_layanan.head.weekly_done": ("Tren mingguan median penyelesaian", "Weekly trend of the median completion"),
    "waktu_layanan.head.bap": ("BAP per jalur", "BAP per lane"),
    "waktu_layanan.head.ot_day": ("Per tanggal", "Per day"),
    "waktu_layanan.head.ot_hour": ("Per jam ambil tiket", "By hour of issue"),
    "waktu_layanan.head.walk": ("Jalan ke loket per kelompok pemohon", "Walk to the counter per applicant group"),
    # queue tab
    "waktu_layanan.pct.title": ("Persentil tunggu dan layanan per jalur", "Wait and service percentiles per lane"),
    "waktu_layanan.pct.caption": (
        "Tiket yang diambil {period}; tunggu dihitung atas tiket yang dipanggil, layanan atas tiket dengan waktu "
        "mulai dan selesai. Kuantil linear; interval 95% median bebas distribusi (statistik urutan). Sesuai target = "
        "tunggu ≤ target jalur (target hanya untuk tunggu).",
        "Tickets issued {period}; the wait counts called tickets, the service tickets with a start and an end. "
        "Linear quantiles; distribution-free 95% interval of the median (order statistics). Within target = wait ≤ "
        "the lane's target (targets are for the wait only).",
    ),
    "waktu_layanan.ecdf.title_wait": ("Sebaran waktu tunggu", "Distribution of waiting times"),
    "waktu_layanan.ecdf.title_service": ("Sebaran waktu layanan", "Distribution of service times"),
    "waktu_layanan.ecdf.caption_wait": (
        "Bagian tiket yang dipanggil dalam x menit (ECDF), tiket {period}; garis titik = target tiap jalur. "
        "Sumbu dipotong di persentil ke-99.",
        "Share of tickets called within x minutes (ECDF), tickets of {period}; dotted lines = each lane's target. "
        "The axis is cut at the 99th percentile.",
    ),
    "waktu_layanan.ecdf.caption_service": (
        "Bagian tiket yang selesai dilayani dalam x menit (ECDF), tiket {period}. Sumbu dipotong di persentil ke-99.",
        "Share of tickets served within x minutes (ECDF), tickets of {period}. The axis is cut at the 99th "
        "percentile.",
    ),
    "waktu_layanan.hist.caption": (
        "Tiket yang dipanggil {period} per kelompok 5 menit waktu tunggu, sebagai bagian dari tiket jalurnya; "
        "tunggu {cap} menit atau lebih di batang terakhir. Garis titik = target jalur.",
        "Tickets called, issued {period}, by 5-minute wait bucket, as a share of the lane's tickets; waits of {cap} "
        "minutes or more in the last bar. Dotted line = the lane's target.",
    ),
    "waktu_layanan.heat.colorbar": ("Di atas target", "Above target"),
    "waktu_layanan.heat.caption": (
        "Tingkat layanan: bagian tiket yang menunggu lebih lama dari target jalurnya (prioritas {target_prioritas}, "
        "reguler {target_reguler}, percepatan {target_percepatan} menit), per jam ambil tiket, {period}. "
        "* = n < 30.",
        "Service level: share of tickets that waited longer than their lane's target (priority {target_prioritas}, "
        "regular {target_reguler}, accelerated {target_percepatan} minutes), by hour of issue, {period}. "
        "* = n < 30.",
    ),
    "waktu_layanan.hour.caption": (
        "Tunggu median per jam ambil tiket, tiket yang dipanggil {period}; penanda kosong = n < 30; garis titik = "
        "target jalur.",
        "Median wait by hour of issue, called tickets of {period}; hollow marker = n < 30; dotted lines = the "
        "lane's target.",
    ),
    "waktu_layanan.weekly_wait.caption": (
        "Tunggu median per minggu ISO, tiket yang dipanggil {period} (minggu pertama dan terakhir bisa tidak penuh); "
        "penanda kosong = n < 30.",
        "Median wait per ISO week, called tickets of {period} (the first and last week may be partial); hollow "
        "marker = n < 30.",
    ),
    # completion tab
    "waktu_layanan.headline.title": ("Median penyelesaian per jalur", "Median completion per lane"),
    "waktu_layanan.headline.label": ("{lane}: {median} hk [{low}–{high}] (n = {n}{note})",
                             "{lane}: {median} wd [{low}–{high}] (n = {n}{note})"),
    "waktu_layanan.headline.caption": (
        "Permohonan yang diajukan {period} dan sudah terbit, termasuk BAP (sama dengan ringkasan); garis = interval "
        "95% median (bebas distribusi); abu-abu = n < 30.",
        "Applications submitted {period} and issued, BAP included (as in the summary); bars = 95% interval of the "
        "median (distribution-free); grey = n < 30.",
    ),
    "waktu_layanan.compliance.title": ("Kepatuhan standar penyelesaian", "Compliance with the completion standard"),
    "waktu_layanan.compliance.caption": (
        "Permohonan yang diajukan {period}. Standar {days} hari kerja (percepatan: hari yang sama) dihitung atas "
        "permohonan tanpa BAP yang sudah terbit; kasus BAP (paspor hilang/rusak, masalah data) dikecualikan dari "
        "standar dan ditampilkan terpisah. Belum terbit tidak masuk kuantil maupun kepatuhan.",
        "Applications submitted {period}. The {days}-working-day standard (accelerated: the same day) is computed "
        "on issued applications without BAP; BAP cases (lost/damaged passports, data problems) are excluded from "
        "the standard and shown apart. Applications not issued yet are in neither the quantiles nor compliance.",
    ),
    "waktu_layanan.dist.caption": (
        "Permohonan tanpa BAP yang diajukan {period} dan sudah terbit, per jumlah hari kerja sampai terbit, sebagai "
        "bagian dari permohonan jalurnya.",
        "Issued applications without BAP submitted {period}, by working days until issue, as a share of the lane's "
        "applications.",
    ),
    "waktu_layanan.weekly_done.caption": (
        "Median penyelesaian per minggu pengajuan, permohonan yang diajukan {period} dan sudah terbit (termasuk BAP); "
        "minggu terakhir hanya memuat yang sudah terbit; penanda kosong = n < 30.",
        "Median completion per week of submission, applications submitted {period} and issued (BAP included); "
        "recent weeks hold only those already issued; hollow marker = n < 30.",
    ),
    "waktu_layanan.bap.share_title": ("Bagian permohonan dengan BAP", "Share of applications with BAP"),
    "waktu_layanan.bap.duration_title": ("Lama BAP (median)", "BAP duration (median)"),
    "waktu_layanan.bap.share_label": ("{share} ({bap} dari {n})", "{share} ({bap} of {n})"),
    "waktu_layanan.bap.duration_label": ("{median} mnt, p90 {p90} (n = {n}{note})",
                                 "{median} min, p90 {p90} (n = {n}{note})"),
    "waktu_layanan.bap.caption": (
        "Permohonan yang diajukan {period}: bagian yang memerlukan BAP, dan lama pemeriksaan (mulai → selesai BAP) "
        "atas kasus dengan kedua waktu tercatat.",
        "Applications submitted {period}: share needing a BAP, and the examination's duration (BAP start → end) "
        "over cases with both times recorded.",
    ),
    "waktu_layanan.mismatch.title": ("Ketidaksesuaian paspor", "Passport mismatches"),
    "waktu_layanan.mismatch.cases": ("Kasus", "Cases"),
    "waktu_layanan.mismatch.resolved": ("Terselesaikan", "Resolved"),
    "waktu_layanan.mismatch.median_hours": ("Median jam penyelesaian", "Median hours to resolve"),
    "waktu_layanan.mismatch.open": ("Terbuka per {day}", "Open as of {day}"),
    "waktu_layanan.mismatch.caption": (
        "Kasus, terselesaikan dan median jam: permohonan yang diajukan {period} dengan paspor yang tidak sesuai data. "
        "Terbuka: kasus yang dilaporkan sampai akhir {day} dan belum diselesaikan pada saat itu, kapan pun "
        "permohonannya diajukan — aturan yang sama dengan Ringkasan pagi.",
        "Cases, resolved and median hours: applications submitted {period} whose passport did not match the data. "
        "Open: cases reported by the end of {day} and not resolved by then, whenever the application was submitted "
        "— the same rule as the morning briefing.",
    ),
    # staffing view
    "waktu_layanan.head.staffing": ("Kedatangan dan tunggu per hari dan jam", "Arrivals and waits by weekday and hour"),
    "waktu_layanan.staffing.lane": ("Jalur", "Lane"),
    "waktu_layanan.staffing.per_day": ("Kedatangan per hari", "Arrivals per day"),
    "waktu_layanan.staffing.median_wait": ("Tunggu median (menit)", "Median wait (minutes)"),
    "waktu_layanan.staffing.caption": (
        "Jalur {lane}, {period}: tiket yang diambil per hari dan jam (rata-rata per hari buka pada hari itu), dan "
        "tunggu median tiket yang dipanggil. Untuk menempatkan petugas pada jam sibuk.",
        "{lane} lane, {period}: tickets issued per weekday and hour (average per open day of that weekday), and the "
        "median wait of the tickets called. For putting staff where the busy hours are.",
    ),
    # overtaking tab
    "waktu_layanan.ot.lane": (
        "Audit penyalipan hanya menyangkut tiket prioritas: pilih jalur Semua atau Prioritas.",
        "The overtaking audit concerns priority tickets only: choose lane All or Priority.",
    ),
    "waktu_layanan.ot.tickets": ("Tiket prioritas dipanggil", "Priority tickets called"),
    "waktu_layanan.ot.share": ("Tersalip ≥ 1 kali", "Overtaken ≥ once"),
    "waktu_layanan.ot.by_reguler": ("Disalip reguler", "Overtaken by regular"),
    "waktu_layanan.ot.by_percepatan": ("Disalip percepatan", "Overtaken by accelerated"),
    "waktu_layanan.ot.definition": (
        "Tersalip = ada tiket reguler atau percepatan di kantor yang sama, diambil lebih lambat pada hari yang sama, "
        "yang dipanggil lebih dulu. Total {overtakers} penyalipan; paling banyak {most} pada satu tiket. Tiket "
        "prioritas yang tidak pernah dipanggil tidak dihitung. Saringan kelompok, layanan dan kanal memilih tiket "
        "prioritas; semua tiket reguler dan percepatan dihitung sebagai penyalip.",
        "Overtaken = a regular or accelerated ticket of the same office, issued later the same day, was called "
        "first. {overtakers} overtakings in all; at most {most} on one ticket. Priority tickets never called are "
        "excluded. The group, service and channel filters choose the priority tickets; every regular and "
        "accelerated ticket counts as a possible overtaker.",
    ),
    "waktu_layanan.ot.day_caption": (
        "Bagian tiket prioritas yang tersalip per tanggal ambil tiket, {period}; abu-abu = n < 30 tiket prioritas.",
        "Share of priority tickets overtaken per day of issue, {period}; grey = n < 30 priority tickets.",
    ),
    "waktu_layanan.ot.hour_caption": (
        "Bagian tiket prioritas yang tersalip per jam ambil tiket, {period}; n = tiket prioritas yang dipanggil; "
        "abu-abu = n < 30.",
        "Share of priority tickets overtaken by hour of issue, {period}; n = priority tickets called; grey = n < 30.",
    ),
    # walk tab
    "waktu_layanan.walk.caption": (
        "Waktu dari dipanggil sampai layanan dimulai di loket, per kelompok pemohon, tiket {period}: batang = "
        "median dengan interval 95%, belah ketupat = p90; arsir abu-abu = n < 30. Jalan yang lama bagi lansia, "
        "pengguna kursi roda, atau pemohon tunarungu/tunanetra menandakan masalah tata letak atau pengumuman.",
        "Time from the call to the start of service at the counter, per applicant group, tickets of {period}: bar = "
        "median with its 95% interval, diamond = p90; grey hatching = n < 30. A long walk for elderly, wheelchair "
        "or hearing- or sight-impaired applicants points at the layout or the announcements.",
    ),
    # staff tab
    "waktu_layanan.staff.counter_title": ("Per loket", "Per counter"),
    "waktu_layanan.staff.officer_title": ("Per petugas (kode samaran)", "Per officer (pseudonymous code)"),
    "waktu_layanan.staff.caption": (
        "Tiket yang dipanggil {period}. Tunggu di atas target = lebih lama dari target jalur tiketnya (prioritas "
        "{target_prioritas}, reguler {target_reguler}, percepatan {target_percepatan} menit). Tunggu terutama "
        "bergantung pada antrean, bukan pada petugas: bandingkan dengan hati-hati.",
        "Tickets called {period}. Wait above target = longer than the ticket's lane target (priority "
        "{target_prioritas}, regular {target_reguler}, accelerated {target_percepatan} minutes). A wait depends "
        "mostly on the queue, not the officer: compare with care.",
    ),
    "waktu_layanan.staff.officer_refused": ("Angka per petugas hanya untuk supervisor dan auditor.",
                                    "Per-officer figures are for supervisors and auditors only."),
}
