"""Messages of the satisfaction page (Kepuasan, IKM of PermenPANRB 14/2017)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "kepuasan.intro": (
        "Indeks Kepuasan Masyarakat (IKM, PermenPANRB 14/2017): rata-rata jawaban (NRR, skala 1–4) tiap unsur, "
        "dijumlah dengan bobot 1/9 lalu dikali 25 (skor 25–100). Jawaban kosong tidak dihitung.",
        "Community Satisfaction Index (IKM, PermenPANRB 14/2017): the mean answer (NRR, 1–4 scale) of each element, "
        "summed with weight 1/9 and multiplied by 25 (score 25–100). Unanswered questions are left out.",
    ),
    "kepuasan.period": ("{start} – {end}", "{start} – {end}"),
    "kepuasan.small_n": ("n < 30", "n < 30"),
    "kepuasan.small_suffix": (", n < 30", ", n < 30"),
    "kepuasan.label_n": ("{label} (n = {n}{note})", "{label} (n = {n}{note})"),
    "kepuasan.unknown": ("Tidak diketahui", "Unknown"),
    "kepuasan.yes": ("ya", "yes"),
    "kepuasan.no": ("tidak", "no"),
    "kepuasan.service_type_note": (
        "Saringan jenis layanan hanya berlaku untuk jumlah pemohon (permohonan): jawaban survei tidak memiliki "
        "kolom jenis layanan, jadi IKM dan jumlah jawaban mencakup semua jenis layanan.",
        "The service type filter only applies to the number of applicants (applications): survey responses have no "
        "service type column, so the IKM and the number of responses cover every service type.",
    ),
    # categories (PermenPANRB 14/2017)
    "kepuasan.category.A": ("Sangat Baik", "Very good"),
    "kepuasan.category.B": ("Baik", "Good"),
    "kepuasan.category.C": ("Kurang Baik", "Poor"),
    "kepuasan.category.D": ("Tidak Baik", "Bad"),
    # KPI cards
    "kepuasan.kpi.score": ("IKM (bobot 1/9)", "IKM (weight 1/9)"),
    "kepuasan.kpi.score_value": ("{score} ({category})", "{score} ({category})"),
    "kepuasan.kpi.score_help": (
        "Skor konversi 25–100 dengan bobot tepat 1/9. Perubahan dibanding periode sebelumnya ({previous}).",
        "Converted score 25–100 with the exact weight 1/9. Change against the previous period ({previous}).",
    ),
    "kepuasan.kpi.category": ("Mutu pelayanan", "Service quality"),
    "kepuasan.kpi.category_value": ("{letter} — {name}", "{letter} — {name}"),
    "kepuasan.kpi.category_help": (
        "A 88,31–100 Sangat Baik · B 76,61–88,30 Baik · C 65,00–76,60 Kurang Baik · D 25,00–64,99 Tidak Baik "
        "(pada skor yang dibulatkan dua desimal).",
        "A 88.31–100 Very good (Sangat Baik) · B 76.61–88.30 Good (Baik) · C 65.00–76.60 Poor (Kurang Baik) · "
        "D 25.00–64.99 Bad (Tidak Baik) (on the score rounded to two decimals).",
    ),
    "kepuasan.kpi.category_before": ("sebelumnya: {letter}", "before: {letter}"),
    "kepuasan.kpi.responses": ("Jawaban survei", "Survey responses"),
    "kepuasan.kpi.responses_help": (
        "Semua jawaban survei dalam periode, juga yang tidak menjawab semua unsur. Perubahan dibanding periode "
        "sebelumnya ({previous}).",
        "Every survey response of the period, including those that left an element blank. Change against the "
        "previous period ({previous}).",
    ),
    "kepuasan.kpi.sample": ("Jawaban / sampel minimal", "Responses / needed"),
    "kepuasan.kpi.sample_value": ("{responses} / {required}", "{responses} / {required}"),
    "kepuasan.kpi.enough": ("cukup", "enough"),
    "kepuasan.kpi.short": ("kurang {short}", "{short} short"),
    "kepuasan.kpi.sample_help": (
        "Ukuran sampel Krejcie & Morgan (tingkat kepercayaan 95%, galat 5%) untuk {applicants} pemohon "
        "(permohonan diajukan dalam periode, dengan saringan yang sama).",
        "Krejcie & Morgan sample size (95% confidence, 5% margin) for {applicants} applicants (applications "
        "submitted in the period, under the same filters).",
    ),
    "kepuasan.kpi.vs_previous": ("vs sebelumnya", "vs previous"),
    "kepuasan.weight_note": (
        "Bobot dibulatkan 0,11 (seperti contoh hitung di PermenPANRB 14/2017): Σ NRR × 0,11 × 25 = {score}. "
        "Angka ini hanya untuk dibandingkan dengan laporan resmi yang memakai pembulatan itu; skor di atas memakai "
        "bobot tepat 1/9.",
        "Weight rounded to 0.11 (as in the worked example of PermenPANRB 14/2017): Σ NRR × 0.11 × 25 = {score}. "
        "Use it only to compare with official reports that round the weight; the score above uses the exact 1/9.",
    ),
    "kepuasan.sample_caption": (
        "{applicants} pemohon dalam periode → sampel minimal {required} jawaban; terkumpul {responses}.",
        "{applicants} applicants in the period → at least {required} responses needed; {responses} collected.",
    ),
    # the nine elements
    "kepuasan.elements.title": ("Sembilan unsur pelayanan", "The nine service elements"),
    "kepuasan.elements.x": ("NRR (skala 1–4)", "NRR (1–4 scale)"),
    "kepuasan.elements.floor": ("3,0 = Sesuai", "3.0 = Satisfactory"),
    "kepuasan.elements.caption": (
        "Nilai rata-rata (NRR) jawaban tiap unsur dari {n} jawaban survei, {period}; terendah di atas. Jawaban "
        "kosong tidak dihitung. Merah: di bawah 3,0.",
        "Mean answer (NRR) of each element over {n} survey responses, {period}; lowest at the top. Blank answers "
        "are left out. Red: below 3.0.",
    ),
    "kepuasan.col.element": ("Unsur", "Element"),
    "kepuasan.col.nrr": ("NRR", "NRR"),
    "kepuasan.col.below_floor": ("Di bawah 3,0", "Below 3.0"),
    # trend
    "kepuasan.trend.title": ("IKM per periode", "IKM by period"),
    "kepuasan.trend.bucket": ("Per", "By"),
    "kepuasan.bucket.month": ("Bulan", "Month"),
    "kepuasan.bucket.quarter": ("Triwulan", "Quarter"),
    "kepuasan.bucket.semester": ("Semester", "Semester"),
    "kepuasan.quarter_label": ("Triwulan {n} {year}", "Q{n} {year}"),
    "kepuasan.semester_label": ("Semester {n} {year}", "H{n} {year}"),
    "kepuasan.trend.y": ("Skor IKM (interval 95%)", "IKM score (95% interval)"),
    "kepuasan.trend.x": ("Periode", "Period"),
    "kepuasan.trend.partial": ("*", "*"),
    "kepuasan.trend.caption": (
        "Skor IKM jawaban survei per {bucket}, {period}, dengan interval 95% (bootstrap; di atas 5.000 jawaban "
        "pendekatan normal) dan n di bawah label; "
        "penanda kosong: n < 30. * = hanya sebagian periode itu yang masuk rentang tanggal terpilih. "
        "Garis putus-putus: batas kategori B (76,61) dan A (88,31).",
        "IKM score of the survey responses per {bucket}, {period}, with a 95% interval (bootstrap; above 5,000 "
        "responses the normal approximation) and n under the label; open marker: n < 30. * = only part of that "
        "period falls in the chosen date range. Dashed lines: the category limits B (76.61) and A (88.31).",
    ),
    "kepuasan.trend.one_period": (
        "Hanya satu periode dalam rentang tanggal ini: pilih periode lebih panjang (mis. Tahun ini) untuk "
        "melihat tren.",
        "Only one period in this date range: choose a longer period (e.g. This year) to see a trend.",
    ),
    "kepuasan.threshold": ("batas {letter}", "{letter} limit"),
    "kepuasan.col.period": ("Periode", "Period"),
    "kepuasan.col.from": ("Dari", "From"),
    "kepuasan.col.to": ("Sampai", "To"),
    "kepuasan.col.partial": ("Sebagian", "Partial"),
    "kepuasan.col.responses": ("Jawaban", "Responses"),
    "kepuasan.col.score": ("Skor IKM", "IKM score"),
    "kepuasan.col.category": ("Kategori", "Category"),
    "kepuasan.col.ci_low": ("Batas bawah 95%", "95% lower"),
    "kepuasan.col.ci_high": ("Batas atas 95%", "95% upper"),
    "kepuasan.col.small_n": ("n < 30", "n < 30"),
    # lanes and groups
    "kepuasan.compare.title": ("IKM per jalur dan kelompok pemohon", "IKM by lane and applicant group"),
    "kepuasan.compare.lane": ("Per jalur", "By lane"),
    "kepuasan.compare.group": ("Per kelompok pemohon", "By applicant group"),
    "kepuasan.compare.x": ("Skor IKM (interval 95%)", "IKM score (95% interval)"),
    "kepuasan.compare.caption": (
        "Skor IKM jawaban survei per {by}, {period}, dengan interval 95% bootstrap (1.000 sampel ulang jawaban; "
        "di atas 5.000 jawaban pendekatan normal) dan n; penanda kosong: n < 30. Tidak diketahui = jawaban tanpa "
        "jalur/kelompok.",
        "IKM score of the survey responses per {by}, {period}, with a 95% bootstrap interval (1,000 resamples of "
        "the responses; above 5,000 responses the normal approximation) and n; open marker: n < 30. Unknown = "
        "responses without a lane/group.",
    ),
    "kepuasan.by.lane": ("jalur", "lane"),
    "kepuasan.by.group": ("kelompok pemohon", "applicant group"),
    "kepuasan.col.lane": ("Jalur", "Lane"),
    "kepuasan.col.group": ("Kelompok pemohon", "Applicant group"),
    # U3 against the actual wait
    "kepuasan.u3.title": ("Penilaian waktu (U3) dan waktu tunggu sebenarnya",
                          "Rating of time (U3) and the actual wait"),
    "kepuasan.u3.by": ("Menurut", "By"),
    "kepuasan.u3.x": ("Waktu tunggu sebenarnya (menit)", "Actual wait (minutes)"),
    "kepuasan.u3.y": ("Rata-rata U3 (1–4)", "Mean U3 (1–4)"),
    "kepuasan.u3.bucket_60": ("60+", "60+"),
    "kepuasan.u3.caption": (
        "Rata-rata jawaban U3 (waktu penyelesaian) dari {n} jawaban yang terhubung ke tiket antrean, menurut waktu "
        "tunggu tiket itu (ambil tiket → dipanggil) dan {by} tiket, {period}; interval 95%; n di dasar batang; "
        "batang bergaris: n < 30.",
        "Mean U3 answer (completion time) of the {n} responses linked to a queue ticket, by that ticket's wait "
        "(ticket issued → called) and the ticket's {by}, {period}; 95% interval; n at the foot of the bars; "
        "hatched bars: n < 30.",
    ),
    "kepuasan.u3.none": ("Tidak ada jawaban yang terhubung ke tiket antrean dalam periode ini.",
                         "No response of this period is linked to a queue ticket."),
    "kepuasan.col.wait": ("Tunggu (menit)", "Wait (minutes)"),
    "kepuasan.col.mean_u3": ("Rata-rata U3", "Mean U3"),
    # socialisation channels
    "kepuasan.info.title": ("Sumber informasi (sosialisasi)", "Information sources (socialisation)"),
    "kepuasan.info.x": ("Jawaban", "Responses"),
    "kepuasan.info.blank": ("Tidak diisi", "Not answered"),
    "kepuasan.info.caption": (
        "Jawaban survei per sumber informasi (sosialisasi), {period}, dengan bagiannya dari semua {n} jawaban.",
        "Survey responses per information source (socialisation), {period}, with their share of all {n} "
        "responses.",
    ),
    "kepuasan.col.source": ("Sumber informasi", "Information source"),
    "kepuasan.col.share": ("Bagian", "Share"),
    # comments
    "kepuasan.comments.title": ("Komentar pemohon", "Applicants' comments"),
    "kepuasan.comments.search": ("Cari dalam komentar", "Search the comments"),
    "kepuasan.comments.placeholder": ("mis. parkir, laktasi, lama", "e.g. parking, lactation, slow"),
    "kepuasan.comments.count": ("{matches} komentar cocok, {period}; ditampilkan {first}–{last}, yang terbaru dulu.",
                                "{matches} matching comments, {period}; showing {first}–{last}, newest first."),
    "kepuasan.comments.page": ("Halaman komentar (dari {pages})", "Comments page (of {pages})"),
    "kepuasan.comments.none": ("Tidak ada komentar yang cocok.", "No matching comment."),
    "kepuasan.comments.privacy": (
        "Hanya tanggal, jalur dan komentar yang ditampilkan: kelompok pemohon (mis. disabilitas, sakit) tidak "
        "pernah ditampilkan di samping komentar.",
        "Only the date, lane and comment are shown: the applicant group (e.g. disability, illness) is never shown "
        "next to a comment.",
    ),
    "kepuasan.comments.sensitive": (
        "Komentar tidak ditampilkan bila disaring pada kelompok {group}: setiap komentar akan diketahui berasal dari "
        "pemohon kelompok itu (data pribadi spesifik, UU 27/2022).",
        "Comments are not shown when filtered on the group {group}: every comment would be known to come from an "
        "applicant of that group (specific personal data, UU 27/2022).",
    ),
    "kepuasan.col.date": ("Tanggal", "Date"),
    "kepuasan.col.comment": ("Komentar", "Comment"),
}
