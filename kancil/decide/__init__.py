"""Decision support: a demand forecast against the quota, and replays of the office's own days under another order.

No Streamlit here: the CLI (``python -m kancil forecast`` / ``replay``), the pages and the speed measurements call
the same functions. SQL that reads the store lives in ``queries/decide_*.sql``; these modules shape and simulate.
"""
