"""Messages of the morning briefing page and the printable briefing."""

MESSAGES: dict[str, tuple[str, str]] = {
    "brief.day": ("Hari", "Day"),
    "brief.day_caption": ("Ringkasan untuk {day}. Saringan periode di samping tidak berlaku di halaman ini.",
                          "Briefing for {day}. The period filter in the sidebar does not apply on this page."),
    "brief.not_workday": ("{day} bukan hari kerja.", "{day} is not a working day."),
    "brief.lanes": ("Per jalur", "Per lane"),
    "brief.tickets_quota": ("Tiket/kuota", "Tickets/quota"),
    "brief.units": ("Tunggu dalam menit (target: prioritas {prioritas}, reguler {reguler}, percepatan {percepatan}); "
                    "penyelesaian = median hari kerja permohonan 30 hari terakhir (standar {standard} hk, "
                    "percepatan di hari yang sama).",
                    "Waits in minutes (targets: priority {prioritas}, regular {reguler}, accelerated {percepatan}); "
                    "completion = median working days of the last 30 days' applications (standard {standard} wd, "
                    "accelerated the same day)."),
    "brief.target": ("target {target}", "target {target}"),
    "brief.no_quota": ("tanpa kuota hari ini", "no quota today"),
    "brief.over_by": ("{n} di atas kuota", "{n} over quota"),
    "brief.under_by": ("sisa {n}", "{n} left"),
    "brief.no_show": ("Tdk hadir", "No-shows"),
    "brief.wait_median": ("Tunggu median", "Median wait"),
    "brief.wait_p90": ("Tunggu p90", "p90 wait"),
    "brief.completion": ("Selesai median", "Median completion"),
    "brief.bap": ("BAP", "BAP"),
    "brief.minutes_value": ("{value} mnt", "{value} min"),
    "brief.days_value": ("{value} hk", "{value} wd"),
    "brief.above_target": ("di atas target", "above target"),
    "brief.within_target": ("sesuai target", "within target"),
    "brief.ikm": ("IKM 30 hari", "IKM, last 30 days"),
    "brief.ikm_value": ("{score} ({category})", "{score} ({category})"),
    "brief.responses": ("{n} responden", "{n} responses"),
    "brief.facilities": ("Pemakaian fasilitas hari ini", "Facility uses today"),
    "brief.open_mismatch": ("Kasus ketidaksesuaian terbuka", "Open mismatch cases"),
    "brief.attention": ("Perlu perhatian", "Needs attention"),
    "brief.nothing": ("Tidak ada temuan yang melewati ambang.", "No finding crosses its threshold."),
    "brief.see": ("Lihat", "See"),
    "brief.rule.over_quota": (
        "Kuota prioritas terlampaui pada {days} dari {window} hari kerja terakhir (ambang: 3 dari 5).",
        "Priority quota exceeded on {days} of the last {window} working days (threshold: 3 of 5)."),
    "brief.rule.priority_not_faster": (
        "Penyelesaian prioritas tidak lebih cepat dari reguler: median {prioritas} vs {reguler} hari kerja "
        "(30 hari terakhir).",
        "Priority completion no shorter than regular: median {prioritas} vs {reguler} working days "
        "(last 30 days)."),
    "brief.rule.priority_wait": (
        "Waktu tunggu prioritas p90 {p90} menit, di atas target {target} menit.",
        "Priority p90 wait {p90} minutes, above the {target}-minute target."),
    "brief.rule.facility_idle": (
        "{facility} tidak dipakai selama {days} hari kerja terakhir.",
        "{facility} unused for the last {days} working days."),
    "brief.rule.ikm_element": (
        "Unsur IKM {element} bernilai {nrr} (di bawah 3,00; 30 hari terakhir).",
        "IKM element {element} scores {nrr} (below 3.00; last 30 days)."),
    "brief.rule.vulnerable_reguler": (
        "{share} pemohon rentan ({count} orang) dilayani di jalur reguler, bukan prioritas (ambang 5%; "
        "30 hari terakhir).",
        "{share} of vulnerable applicants ({count} people) were served in the regular lane, not priority "
        "(threshold 5%; last 30 days)."),
    "brief.rule.open_mismatch": (
        "{count} kasus ketidaksesuaian hasil belum selesai.",
        "{count} mismatch cases are still open."),
    "brief.print": ("Unduh ringkasan cetak (HTML)", "Download printable briefing (HTML)"),
}
