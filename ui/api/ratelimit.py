"""Token-bucket rate limits per API key or client IP, in memory (one process serves the portal)."""

from __future__ import annotations

import math
import threading
import time

MAX_TRACKED = 10_000


class RateLimiter:
    """`per_minute` requests a minute on average, up to `burst` at once; per_minute=0 switches it off."""

    def __init__(self, per_minute: int, burst: int) -> None:
        if per_minute < 0 or burst < 1:
            raise ValueError("per_minute must be >= 0 and burst >= 1")
        self.per_minute, self.rate, self.burst = per_minute, per_minute / 60.0, float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, who: str, per_minute: int | None = None) -> float:
        """0 when the request may go ahead, else the seconds to wait before retrying. `per_minute` is a
        caller's own rate (a key issued with one); its burst is the default burst, at most that rate."""
        minute = self.per_minute if per_minute is None else per_minute
        if minute == 0:
            return 0.0
        rate, burst = minute / 60.0, min(self.burst, float(minute))
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(who, (burst, now))
            tokens = min(burst, tokens + (now - last) * rate)
            if tokens >= 1:
                self._buckets[who] = (tokens - 1, now)
                self._evict(now)
                return 0.0
            self._buckets[who] = (tokens, now)
            return (1 - tokens) / rate

    def _evict(self, now: float) -> None:
        # Buckets that have refilled completely carry no state; drop them so memory stays bounded.
        if len(self._buckets) > MAX_TRACKED:
            full = self.burst / (self.rate or 1 / 60)
            self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < full}


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
