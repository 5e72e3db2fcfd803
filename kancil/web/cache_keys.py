"""Cheap cache keys for Streamlit's result cache (``st.cache_data(hash_funcs=cache_keys.FAST)``) and the chart
kit's figure cache (charts/base.kept).

Streamlit hashes a DataFrame argument with pandas' per-value hashing and a dataclass by deep-copying it into a
dict; on a warm page run, with every figure served from the cache, that hashing was the largest cost after
building the charts (≈ 40 of ≈ 90 ms per run on Kepuasan at S, issue 14). Our keys read only what a frame holds:
its columns, dtypes and index, each column's values (pandas' own per-value hash, or the values themselves for
Python objects), in ~1 ms for 2,750 rows. The filters' repr lists every field.

Not a frame's pickle: that holds the state of its arrays too, such as the cache of a datetime column's unit that
pandas fills on the first ``iloc``, and which equal strings are one object in memory (pickle's memo writes an object
met twice as a back-reference). A frame fresh from the store and its copy out of the result cache then had
different keys, and on a fresh server the first two warm views of Ringkasan at L formatted the offices' daily table
(2,750 rows) and built their chart again: ~270 ms more than a ~70 ms run (measured 2026-12-07).
"""

from __future__ import annotations

import hashlib
import io
import pickle

import pandas as pd

from kancil.filters import Filters


def _plain(value: object, pickler: type[pickle.Pickler] = pickle.Pickler) -> bytes:
    """The pickle of plain values (lists, tuples, dicts, strings, numbers, dates) without its memo: equal values
    give equal bytes whichever of them are one object."""
    buffer = io.BytesIO()
    writer = pickler(buffer, protocol=5)
    writer.fast = True
    writer.dump(value)
    return buffer.getvalue()


def _index_values(index: pd.Index) -> object:
    return (index.start, index.stop, index.step) if isinstance(index, pd.RangeIndex) else index.tolist()


def frame_key(frame: pd.DataFrame) -> bytes:
    """A digest of what ``frame`` holds: equal frames give equal keys, any other value, dtype, column name or index
    another key."""
    h = hashlib.blake2b(digest_size=16)
    h.update(_plain((type(frame.index).__name__, list(frame.index.names), repr(frame.index.dtype),
                     _index_values(frame.index), list(frame.columns), [repr(t) for t in frame.dtypes])))
    objects = [i for i, dtype in enumerate(frame.dtypes) if pd.api.types.is_object_dtype(dtype)]
    typed = [i for i in range(frame.shape[1]) if i not in objects]
    if typed:  # one call for the typed columns: per column it cost ~0.1 ms more on a 20-column table
        h.update(pd.util.hash_pandas_object(frame.iloc[:, typed], index=False).to_numpy().tobytes())
    for position in objects:  # Python objects (dates, decimals, text): their values, exactly
        h.update(_plain(frame.iloc[:, position].tolist()))
    return h.digest()


def _frame(key: bytes) -> None:
    """Stands for a frame in ``digest``'s pickle (named by reference, never called)."""


def _series(name: object, key: bytes) -> None:
    """Stands for a series in ``digest``'s pickle (named by reference, never called)."""


class _ContentPickler(pickle.Pickler):
    """Writes a frame or a series as its ``frame_key``, everything else as plain pickle without a memo."""

    def reducer_override(self, obj: object) -> object:
        if isinstance(obj, pd.DataFrame):
            return _frame, (frame_key(obj),)
        if isinstance(obj, pd.Series):
            return _series, (obj.name, frame_key(obj.to_frame(name=0)))
        return NotImplemented


def digest(value: object, size: int = 16) -> bytes:
    """A digest of ``value``'s contents (a builder's arguments: frames, lists, strings, numbers): equal contents give
    equal digests, however they are laid out in memory."""
    return hashlib.blake2b(_plain(value, _ContentPickler), digest_size=size).digest()


FAST = {pd.DataFrame: frame_key, Filters: repr}
