"""Results kept by the content of their arguments, for builders that are pure but costly (a chart
of a hundred units): the same data frames, by value, give the same object back, built once for
every reader. Plain Python, no Streamlit: the press kit and the command line share the figures the
pages keep. Bounded per builder; thread-safe (one server, many sessions)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

import pandas as pd

_ALL: list[Kept] = []


class Kept:
    """A builder whose results are kept, at most `entries` of them, the least recently used dropped first."""

    def __init__(self, builder: Callable, entries: int = 128):
        self._builder, self._entries = builder, entries
        self._lock = threading.Lock()
        self._results: OrderedDict = OrderedDict()
        wraps(builder)(self)
        _ALL.append(self)

    def __call__(self, *args, **kwargs):
        key = (key_of(args), key_of(tuple(sorted(kwargs.items()))))
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = self._builder(*args, **kwargs)  # outside the lock: two first readers may both build
        with self._lock:
            self._results[key] = result
            while len(self._results) > self._entries:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()


def key_of(value) -> object:
    """A hashable stand-in for an argument: data frames and series by their values, index and types."""
    if isinstance(value, pd.DataFrame | pd.Series):
        columns = tuple(value.columns) if isinstance(value, pd.DataFrame) else (value.name,)
        types = tuple(map(str, value.dtypes)) if isinstance(value, pd.DataFrame) else (str(value.dtype),)
        rows = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
        return type(value).__name__, columns, types, rows
    if isinstance(value, list | tuple):
        return type(value).__name__, tuple(key_of(v) for v in value)
    if isinstance(value, dict):
        return "dict", tuple((k, key_of(v)) for k, v in value.items())
    return value


def forget_all() -> None:
    """Drop every kept result: the state of a server that has not yet drawn this data version."""
    for kept in _ALL:
        kept.clear()
