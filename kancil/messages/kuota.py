"""Messages of the quota page (Kuota)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "kuota.intro": (
        "Tiket per hari dihitung dengan semua status (selesai, tidak hadir, batal). Hari kuota = hari kerja dengan "
        "kuota yang berlaku; tiket hari layanan Sabtu (Paspor Simpatik) ditampilkan, tetapi tidak masuk hari kuota "
        "maupun tingkat keterisian. Tingkat keterisian = tiket hari kuota ÷ jumlah kuota hari-hari itu.",
        "Tickets per day count every status (completed, no-show, cancelled). A quota day is a working day with a "
        "valid quota; tickets of a Saturday service day (Paspor Simpatik) are shown but are neither quota days nor "
        "part of the fill rate. Fill rate = tickets on quota days ÷ the sum of those days' quotas.",
    ),
    "kuota.ticket_filters": (
        "Saringan {names} aktif: hanya tiket yang cocok yang dihitung terhadap kuota seluruh jalur.",
        "{names} filter on: only the matching tickets are counted against the whole lane's quota.",
    ),
    "kuota.period": ("{start} – {end}", "{start} – {end}"),
    "kuota.small_suffix": (", n < 30", ", n < 30"),
    "kuota.lane_n": ("{lane} (n = {n})", "{lane} (n = {n})"),
    "kuota.pp": ("{value} poin", "{value} pts"),
    # KPI cards
    "kuota.kpi.over": ("Hari di atas kuota {lane}", "Over-quota days, {lane}"),
    "kuota.kpi.over_caption": ("dari hari kuota", "of quota days"),
    "kuota.kpi.deltas": ("Perubahan: dibanding periode sebelumnya dengan panjang sama ({previous}); keterisian "
                         "dan cakupan dalam poin persentase.",
                         "Changes: against the previous period of the same length ({previous}); fill rate and "
                         "coverage in percentage points."),
    "kuota.kpi.over_value": ("{over} dari {days}", "{over} of {days}"),
    "kuota.kpi.over_delta": ("{value} hari", "{value} day(s)"),
    "kuota.kpi.over_help": (
        "Hari kerja dengan tiket lebih banyak dari kuota harian. Periode sebelumnya ({previous}): {over} dari {days}.",
        "Working days with more tickets than the daily quota. Previous period ({previous}): {over} of {days}.",
    ),
    "kuota.kpi.fill": ("Keterisian {lane}", "Fill rate, {lane}"),
    "kuota.kpi.fill_help": (
        "Tiket hari kuota ÷ kuota. Periode sebelumnya ({previous}): {before}. Perubahan dalam poin persentase.",
        "Tickets on quota days ÷ quota. Previous period ({previous}): {before}. Change in percentage points.",
    ),
    "kuota.kpi.coverage": ("Cakupan jalur prioritas", "Priority lane coverage"),
    "kuota.kpi.coverage_help": (
        "Pemohon rentan (selain umum) di jalur prioritas ÷ di jalur prioritas atau reguler. Periode sebelumnya "
        "({previous}): {before}. Perubahan dalam poin persentase.",
        "Vulnerable applicants (all but general) in the priority lane ÷ in the priority or the regular lane. "
        "Previous period ({previous}): {before}. Change in percentage points.",
    ),
    "kuota.kpi.days_caption": ("{days} hari kuota", "{days} quota days"),
    "kuota.kpi.n_caption": ("n = {n}{note}", "n = {n}{note}"),
    # the finding
    "kuota.finding": (
        "Permohonan prioritas melebihi kuota harian prioritas pada {over} dari {days} hari kuota ({share}); "
        "pada hari-hari itu kuota sudah tercapai sekitar pukul {time} (median).",
        "Priority applications exceeded the daily priority quota on {over} of {days} quota days ({share}); on those "
        "days the quota was reached at about {time} (median).",
    ),
    "kuota.finding_none": (
        "Tiket prioritas tidak melebihi kuota harian prioritas pada hari kuota mana pun dalam periode ini.",
        "Priority tickets did not exceed the daily priority quota on any quota day of this period.",
    ),
    # daily chart
    "kuota.daily.title": ("Tiket harian terhadap kuota", "Daily tickets against the quota"),
    "kuota.lane_pick": ("Jalur untuk grafik harian dan kalender", "Lane for the daily chart and the calendar"),
    "kuota.trace.tickets": ("Tiket (hari kuota)", "Tickets (quota day)"),
    "kuota.trace.over": ("Tiket, hari di atas kuota", "Tickets, over-quota day"),
    "kuota.trace.no_quota": ("Tiket, hari tanpa kuota (mis. Sabtu layanan)",
                             "Tickets, day without quota (e.g. Saturday service)"),
    "kuota.trace.quota": ("Kuota harian", "Daily quota"),
    "kuota.axis.date": ("Tanggal", "Date"),
    "kuota.axis.tickets": ("Tiket per hari", "Tickets per day"),
    "kuota.hover.day": ("{day}: {tickets} tiket, kuota {quota}", "{day}: {tickets} tickets, quota {quota}"),
    "kuota.hover.no_quota": ("{day}: {tickets} tiket, bukan hari kuota", "{day}: {tickets} tickets, not a quota day"),
    "kuota.daily.caption": (
        "Tiket jalur {lane} per tanggal ambil tiket (semua status), {period}; garis bertangga = kuota harian yang "
        "berlaku (perubahan kuota terlihat sebagai anak tangga). Merah = hari di atas kuota; abu-abu bergaris = "
        "tiket pada hari tanpa kuota (hari layanan Sabtu), tidak dihitung dalam keterisian. {offices}",
        "Tickets of the {lane} lane by issue date (every status), {period}; the step line is the daily quota in "
        "force (a quota change shows as a step). Red = over-quota day; hatched grey = tickets on a day without quota "
        "(Saturday service day), not part of the fill rate. {offices}",
    ),
    "kuota.all_offices": ("Jumlah semua kantor (tiket dan kuota dijumlahkan per hari).",
                          "Sum over all offices (tickets and quotas added per day)."),
    # calendar
    "kuota.calendar.title": ("Kalender keterisian kuota", "Quota fill-rate calendar"),
    "kuota.axis.week": ("Minggu mulai", "Week starting"),
    "kuota.colorbar": ("Keterisian", "Fill rate"),
    "kuota.calendar.caption": (
        "Keterisian kuota jalur {lane} per hari kuota (tiket ÷ kuota), per minggu (kolom) dan hari (baris), "
        "{period}. Merah = di atas 100%; sel kosong = bukan hari kuota (akhir pekan, libur, cuti bersama).",
        "Fill rate of the {lane} lane per quota day (tickets ÷ quota), by week (column) and weekday (row), {period}. "
        "Red = above 100%; an empty cell is not a quota day (weekend, holiday, collective leave).",
    ),
    # time the priority quota was reached
    "kuota.reached.title": ("Jam kuota prioritas tercapai", "Time the priority quota was reached"),
    "kuota.reached.trace": ("Hari di atas kuota", "Over-quota day"),
    "kuota.reached.median": ("median {time}", "median {time}"),
    "kuota.axis.time": ("Jam kuota tercapai", "Time the quota was reached"),
    "kuota.reached.hover": ("{day}: tiket ke-{quota} pukul {time}; {tickets} tiket hari itu",
                            "{day}: ticket no. {quota} at {time}; {tickets} tickets that day"),
    "kuota.reached.caption": (
        "Pada setiap hari di atas kuota prioritas: jam ambil tiket dari tiket prioritas yang urutannya pada hari itu "
        "sama dengan kuota harian (tiket sesudahnya di atas kuota), {period}. Garis putus-putus = median.",
        "On each over-quota day of the priority lane: the issue time of the priority ticket whose rank that day "
        "equals the daily quota (later tickets are over quota), {period}. Dashed line = median.",
    ),
    "kuota.reached.lane": (
        "Grafik jam kuota tercapai hanya menyangkut jalur prioritas; saringan jalur memilih jalur lain.",
        "The time-the-quota-was-reached chart is about the priority lane only; the lane filter picks another lane.",
    ),
    "kuota.reached.none": ("Tidak ada hari di atas kuota prioritas dalam periode ini.",
                           "No over-quota day of the priority lane in this period."),
    # mix
    "kuota.mix.title": ("Komposisi kelompok pemohon dan kanal per jalur", "Applicant groups and channels per lane"),
    "kuota.mix.groups": ("Kelompok pemohon", "Applicant group"),
    "kuota.mix.channels": ("Kanal", "Channel"),
    "kuota.mix.caption": (
        "Bagian setiap kelompok pemohon (kiri) dan kanal (kanan) dari tiket tiap jalur (semua status), {period}; "
        "n = tiket jalur itu.",
        "Share of each applicant group (left) and channel (right) in each lane's tickets (every status), {period}; "
        "n = the lane's tickets.",
    ),
    # coverage
    "kuota.coverage.title": ("Cakupan: pemohon rentan yang dilayani di jalur prioritas",
                             "Coverage: vulnerable applicants served in the priority lane"),
    "kuota.coverage.total": ("Semua kelompok rentan", "All vulnerable groups"),
    "kuota.coverage.label": ("{share} ({prioritas}/{n})", "{share} ({prioritas}/{n})"),
    "kuota.axis.coverage": ("Bagian di jalur prioritas (bukan reguler)", "Share in the priority (not regular) lane"),
    "kuota.coverage.caption": (
        "Per kelompok rentan: tiket di jalur prioritas ÷ tiket di jalur prioritas atau reguler (semua status; "
        "percepatan tidak dihitung), {period}; label = bagian (prioritas/n). Abu-abu bergaris = n < 30, terlalu "
        "sedikit untuk disimpulkan. Saringan jalur tidak berlaku di sini (cakupan membandingkan dua jalur).",
        "Per vulnerable group: tickets in the priority lane ÷ tickets in the priority or the regular lane (every "
        "status; accelerated left out), {period}; label = share (priority/n). Hatched grey = n < 30, too few to draw "
        "conclusions. The lane filter does not apply here (coverage compares two lanes).",
    ),
    "kuota.coverage.none": ("Tidak ada tiket pemohon rentan di jalur prioritas atau reguler untuk saringan ini.",
                            "No vulnerable applicant's ticket in the priority or regular lane for these filters."),
    # table columns
    "kuota.col.group": ("Kelompok", "Group"),
    "kuota.col.prioritas": ("Di prioritas", "In priority"),
    "kuota.col.reguler": ("Di reguler", "In regular"),
    "kuota.col.coverage": ("Cakupan", "Coverage"),
    "kuota.col.note": ("Catatan", "Note"),
}
