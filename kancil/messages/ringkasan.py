"""Messages of the morning briefing page and the printable briefing."""

MESSAGES: dict[str, tuple[str, str]] = {
    "ringkasan.day": ("Hari", "Day"),
    "ringkasan.day_caption": ("Ringkasan untuk {day}. Saringan periode di samping tidak berlaku di halaman ini.",
                          "Briefing for {day}. The period filter in the sidebar does not apply on this page."),
    "ringkasan.not_workday": ("{day} bukan hari kerja.", "{day} is not a working day."),
    "ringkasan.lanes": ("Per jalur", "Per lane"),
    "ringkasan.tickets_quota": ("Tiket/kuota", "Tickets/quota"),
    "ringkasan.units": (
        "Tunggu dalam menit (target: prioritas {prioritas}, reguler {reguler}, percepatan {percepatan}); "
                    "penyelesaian = median hari kerja permohonan 30 hari terakhir (standar {standard} hk, "
                    "percepatan di hari yang sama).",
                    "Waits in minutes (targets: priority {prioritas}, regular {reguler}, accelerated {percepatan}); "
                    "completion = median working days of the last 30 days' applications (standard {standard} wd, "
                    "accelerated the same day)."),
    "ringkasan.target": ("target {target}", "target {target}"),
    "ringkasan.no_quota": ("tanpa kuota hari itu", "no quota that day"),
    "ringkasan.over_by": ("{n} di atas kuota", "{n} over quota"),
    "ringkasan.under_by": ("sisa {n}", "{n} left"),
    "ringkasan.no_show": ("Tdk hadir", "No-shows"),
    "ringkasan.wait_median": ("Tunggu median", "Median wait"),
    "ringkasan.wait_p90": ("Tunggu p90", "p90 wait"),
    "ringkasan.completion": ("Selesai median", "Median completion"),
    "ringkasan.bap": ("BAP", "BAP"),
    "ringkasan.minutes_value": ("{value} mnt", "{value} min"),
    "ringkasan.days_value": ("{value} hk", "{value} wd"),
    "ringkasan.above_target": ("di atas target", "above target"),
    "ringkasan.within_target": ("sesuai target", "within target"),
    "ringkasan.ikm": ("IKM 30 hari", "IKM, last 30 days"),
    "ringkasan.ikm_value": ("{score} ({category})", "{score} ({category})"),
    "ringkasan.responses": ("{n} responden", "{n} responses"),
    "ringkasan.facilities": ("Pemakaian fasilitas, {day}", "Facility uses, {day}"),
    "ringkasan.all_offices": ("Semua kantor", "All offices"),
    "ringkasan.not_workday_moved": ("{chosen} bukan hari kerja; ringkasan ini untuk hari kerja terakhir sebelumnya, "
                                    "{day}.",
                                    "{chosen} is not a working day; this briefing is for the last working day before "
                                    "it, {day}."),
    "ringkasan.scope_note": ("Saringan {names} tidak berlaku di sini: ringkasan pagi selalu mencakup seluruh kantor "
                             "dan hari itu.",
                             "The {names} filter does not apply here: the morning briefing always covers the whole "
                             "office and the day."),
    "ringkasan.history.day": ("Hari yang sama, 4 minggu terakhir", "The same weekday, last 4 weeks"),
    "ringkasan.history.tickets": ("Tiket", "Tickets"),
    "ringkasan.history.caption": ("Tiket per jalur pada hari ringkasan dan pada hari {weekday} empat minggu "
                                  "sebelumnya; "
                                  "garis = kuota hari itu. Batang gelap = hari ringkasan.",
                                  "Tickets per lane on this day and on the {weekday} of each of the four weeks "
                                  "before; line = that day's quota. Dark bar = the briefing's day."),
    "ringkasan.ikm_by_lane": ("Per jalur: {lanes}", "By lane: {lanes}"),
    "ringkasan.coverage": ("Cakupan prioritas (30 hari)", "Priority coverage (30 days)"),
    "ringkasan.coverage_n": ("{prioritas} dari {n} pemohon rentan", "{prioritas} of {n} vulnerable applicants"),
    "ringkasan.open_as_of": ("per akhir {day}", "as of the end of {day}"),
    "ringkasan.offices.title": ("Kantor berdampingan", "Offices side by side"),
    "ringkasan.offices.caption": (
        "Per kantor, diurutkan dari yang paling jauh dari target: tiket {day}, hari di atas kuota prioritas dalam "
        "5 hari kerja terakhir, p90 tunggu prioritas {day} (target {target} menit), dan 30 hari terakhir: median "
        "penyelesaian, cakupan prioritas, IKM.",
        "Per office, furthest from target first: tickets on {day}, priority over-quota days in the last 5 working "
        "days, the priority p90 wait on {day} (target {target} minutes), and over the last 30 days: median "
        "completion, priority coverage, IKM."),
    "ringkasan.offices.tickets": ("Tiket prioritas", "Priority tickets"),
    "ringkasan.offices.daily_caption": ("Tiket prioritas per hari (batang; merah = di atas kuota) dan kuota (garis), "
                                        "28 hari terakhir, per kantor (paling banyak 12 kantor teratas).",
                                        "Priority tickets per day (bars; red = over quota) and quota (line), the last "
                                        "28 days, per office (at most the top 12 offices)."),
    "ringkasan.open_mismatch": ("Kasus ketidaksesuaian terbuka", "Open mismatch cases"),
    "ringkasan.attention": ("Perlu perhatian", "Needs attention"),
    "ringkasan.nothing": ("Tidak ada temuan yang melewati ambang.", "No finding crosses its threshold."),
    "ringkasan.see": ("Lihat", "See"),
    "ringkasan.rule.over_quota": (
        "Kuota prioritas terlampaui pada {days} dari {window} hari kuota dalam 5 hari kerja terakhir (ambang: 3).",
        "Priority quota exceeded on {days} of {window} quota days in the last 5 working days (threshold: 3)."),
    "ringkasan.rule.priority_not_faster": (
        "Penyelesaian prioritas tidak lebih cepat dari reguler: median {prioritas} vs {reguler} hari kerja "
        "(30 hari terakhir).",
        "Priority completion no shorter than regular: median {prioritas} vs {reguler} working days "
        "(last 30 days)."),
    "ringkasan.rule.priority_wait": (
        "Waktu tunggu prioritas p90 {p90} menit, di atas target {target} menit.",
        "Priority p90 wait {p90} minutes, above the {target}-minute target."),
    "ringkasan.rule.facility_idle": (
        "{facility} tidak dipakai selama {days} hari kerja terakhir.",
        "{facility} unused for the last {days} working days."),
    "ringkasan.rule.ikm_element": (
        "Unsur IKM {element} bernilai {nrr} (di bawah 3,00; 30 hari terakhir).",
        "IKM element {element} scores {nrr} (below 3.00; last 30 days)."),
    "ringkasan.rule.vulnerable_reguler": (
        "{share} pemohon rentan ({count} orang) dilayani di jalur reguler, bukan prioritas (ambang 5%; "
        "30 hari terakhir).",
        "{share} of vulnerable applicants ({count} people) were served in the regular lane, not priority "
        "(threshold 5%; last 30 days)."),
    "ringkasan.rule.open_mismatch": (
        "{count} kasus ketidaksesuaian hasil belum selesai.",
        "{count} mismatch cases are still open."),
    "ringkasan.rule.over_quota_offices": (
        "Kuota prioritas terlampaui di {n} kantor: {list} (ambang: 3 dari 5 hari kerja).",
        "Priority quota exceeded at {n} offices: {list} (threshold: 3 of 5 working days)."),
    "ringkasan.rule.over_quota_item": ("{office} {days} dari {window} hari kuota",
                                       "{office} {days} of {window} quota days"),
    "ringkasan.rule.priority_not_faster_offices": (
        "Penyelesaian prioritas tidak lebih cepat dari reguler di {n} kantor (30 hari terakhir): {list}.",
        "Priority completion no shorter than regular at {n} offices (last 30 days): {list}."),
    "ringkasan.rule.priority_not_faster_item": ("{office} {prioritas} vs {reguler} hk",
                                                "{office} {prioritas} vs {reguler} wd"),
    "ringkasan.rule.priority_wait_offices": (
        "Waktu tunggu prioritas p90 di atas target di {n} kantor: {list}.",
        "Priority p90 wait above target at {n} offices: {list}."),
    "ringkasan.rule.priority_wait_item": ("{office} {p90} menit (target {target})",
                                          "{office} {p90} min (target {target})"),
    "ringkasan.rule.vulnerable_reguler_offices": (
        "Pemohon rentan dilayani di jalur reguler di {n} kantor (ambang 5%; 30 hari terakhir): {list}.",
        "Vulnerable applicants served in the regular lane at {n} offices (threshold 5%; last 30 days): {list}."),
    "ringkasan.rule.vulnerable_reguler_item": ("{office} {share} ({count} orang)", "{office} {share} ({count} people)"),
    "ringkasan.print": ("Unduh ringkasan cetak (HTML)", "Download printable briefing (HTML)"),
}
