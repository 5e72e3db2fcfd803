"""The benchmark harness (``make bench``): how fast the dashboard is at 1, 10 and 125 offices, measured, never
asserted. Outside the product package: nothing in ``kancil/`` imports it."""
