"""BLAKE2b, the hash behind card answer keys, sync digests and the scheduler's fuzz.

It is :func:`hashlib.blake2b` itself, taken from CPython's ``_blake2`` module, which
:mod:`hashlib` re-exports: importing :mod:`hashlib` loads OpenSSL (about 4 ms), which the app's
start otherwise never needs. An interpreter built without ``_blake2`` gets hashlib's.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - every CPython the app supports has it
    from hashlib import blake2b

__all__ = ["blake2b"]
