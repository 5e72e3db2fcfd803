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
    "ringkasan.no_quota": ("tanpa kuota hari ini", "no quota today"),
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
    "ringkasan.facilities": ("Pemakaian fasilitas hari ini", "Facility uses today"),
    "ringkasan.open_mismatch": ("Kasus ketidaksesuaian terbuka", "Open mismatch cases"),
    "ringkasan.attention": ("Perlu perhatian", "Needs attention"),
    "ringkasan.nothing": ("Tidak ada temuan yang melewati ambang.", "No finding crosses its threshold."),
    "ringkasan.see": ("Lihat", "See"),
    "ringkasan.rule.over_quota": (
        "Kuota prioritas terlampaui pada {days} dari {window} hari kerja terakhir (ambang: 3 dari 5).",
        "Priority quota exceeded on {days} of the last {window} working days (threshold: 3 of 5)."),
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
    "ringkasan.print": ("Unduh ringkasan cetak (HTML)", "Download printable briefing (HTML)"),
}
