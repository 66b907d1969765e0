"""Per-key write limits: a sliding window of one minute, kept in this process."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """At most ``limit`` events per key in any 60 seconds; ``limit == 0`` turns it off."""

    WINDOW_SECONDS = 60.0

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def acquire(self, key: str) -> float | None:
        """Record an event for ``key``; ``None`` if allowed, else seconds until it would be."""
        if self.limit <= 0:
            return None
        now = self._clock()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and now - events[0] >= self.WINDOW_SECONDS:
                events.popleft()
            if len(events) >= self.limit:
                return max(events[0] + self.WINDOW_SECONDS - now, 0.0)
            events.append(now)
            return None

    @staticmethod
    def retry_after_header(seconds: float) -> str:
        return str(max(1, math.ceil(seconds)))
