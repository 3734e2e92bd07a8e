"""When Python's cyclic garbage collector may walk an agreement's rows.

A full collection walks every object that can hold references. With an agreement of 10 000
measures open the pages hold about 200 000 (each page its own rows), and a full collection took
100–200 ms during which the window did not answer; Python starts one whenever enough objects have
survived since the last, which while typing in a filter was every 60 or so keystrokes
(``make bench``). So around each time pages read an agreement's rows, :func:`reading_rows` hands
everything back to the collector first (``gc.unfreeze``: rows of an agreement read earlier that are
now garbage in reference cycles, a plan tree's parents and children, are collected with the next
full collection, which a long read brings about) and afterwards moves everything alive out of its
sight (``gc.freeze``). Frozen objects are still freed when nothing refers to them; only cycles
among them wait for the next read.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def reading_rows() -> Iterator[None]:
    """Around pages reading an agreement: the collector sees the old rows during the read, not the
    new ones after it."""
    gc.unfreeze()
    try:
        yield
    finally:
        gc.freeze()
