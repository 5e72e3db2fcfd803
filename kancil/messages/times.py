"""Messages of the time zones every time is shown in (kancil/web/times.py, kancil/store/clock.py)."""

MESSAGES = {
    "times.zone_office": ("Waktu dalam {zone}, zona waktu {office}", "Times in {zone}, the time zone of {office}"),
    "times.zone_main": ("Semua kantor: waktu dalam {zone}, zona waktu kantor utama {office}",
                        "All offices: times in {zone}, the time zone of the main office {office}"),
    "times.zone_default": ("Waktu dalam {zone}", "Times in {zone}"),
}
