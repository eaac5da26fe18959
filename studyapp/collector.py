"""Pausing Python's cycle collector around work that makes many objects and next to no
cycles: reading a text into its outline, reading the word tables, making and writing decks.

The collector runs whenever enough new container objects have been made, and each round walks
every young object again; these steps make hundreds of thousands of small ones (lines, words,
phrases, drafts, YAML events) that are freed by their reference counts, so its rounds find
nothing and only cost time (about 1 % of the instructions of generating decks from 1 MB).
The collector is left as it was found, so a caller that has paused it keeps it paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector meanwhile (objects are still freed by their counts)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
