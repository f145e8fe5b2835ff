"""Hybrid logical clock and time-ordered ids for synced rows (SYNC.md).

A timestamp is one integer: 48 bits of milliseconds since the epoch and a
16-bit counter, so it sorts like time but never goes backwards, even when the
PC's clock does. Ties between offices are broken by the writer id.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(millis: int, counter: int) -> int:
    return (millis << COUNTER_BITS) | counter


def unpack(stamp: int) -> tuple[int, int]:
    return stamp >> COUNTER_BITS, stamp & COUNTER_MASK


def wall_millis() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues strictly increasing timestamps for one replica."""

    def __init__(self, last: int = 0, wall: Callable[[], int] = wall_millis) -> None:
        self._last = last
        self._wall = wall
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        with self._lock:
            wall = self._wall()
            last_ms, counter = unpack(self._last)
            if wall > last_ms:
                stamp = pack(wall, 0)
            elif counter < COUNTER_MASK:
                stamp = pack(last_ms, counter + 1)
            else:  # 65,536 stamps in one millisecond: borrow the next one
                stamp = pack(last_ms + 1, 0)
            self._last = stamp
            return stamp

    def observe(self, remote: int) -> None:
        """Move past a timestamp seen elsewhere (sync), so later edits sort after it."""
        with self._lock:
            if remote > self._last:
                self._last = remote


def uuid7(millis: int | None = None) -> str:
    """A UUIDv7 (RFC 9562) as text: sorts by creation time, random below."""
    import uuid  # here, not at the top: it loads `platform`, and start-up is timed

    ms = wall_millis() if millis is None else millis
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (rand >> 68) << 64 & (0xFFF << 64)
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))
