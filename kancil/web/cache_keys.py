"""Cheap cache keys for Streamlit's result cache (``st.cache_data(hash_funcs=cache_keys.FAST)``).

Streamlit hashes a DataFrame argument with pandas' per-value hashing and a dataclass by deep-copying it into a
dict; on a warm page run, with every figure served from the cache, that hashing was the largest cost after
building the charts (≈ 40 of ≈ 90 ms per run on Kepuasan at S, issue 14). A frame's pickle holds its full content,
dtypes and index, so its digest tells two frames apart exactly like Streamlit's hash (0.1 ms instead of ≈ 3 ms for
a 120-row frame); the filters' repr lists every field. The pickle is only hashed, never loaded.
"""

from __future__ import annotations

import hashlib
import pickle

import pandas as pd

from kancil.filters import Filters


def frame_key(frame: pd.DataFrame) -> bytes:
    return hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=16).digest()


FAST = {pd.DataFrame: frame_key, Filters: repr}
