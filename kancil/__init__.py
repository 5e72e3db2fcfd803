"""Kancil Nari: the store, ingest, metrics and demo data behind the supervisory dashboard."""
