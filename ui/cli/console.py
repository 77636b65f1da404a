"""Progress of long ingests on a console: a bar on a terminal, plain lines in logs (CLI and first start)."""

from __future__ import annotations

import time
from typing import Any, TextIO

from rag.core.progress import ProgressEvent


class ConsoleProgress:
    """Progress on stderr: a tqdm bar per stage on a terminal; otherwise plain lines (“向量化 64/412”),
    at most one every `interval` seconds besides each stage's first and last, so logs stay readable."""

    UNITS = {"parse": "篇", "embed": "段", "match": "条", "commit": "步"}

    def __init__(self, stream: TextIO, *, interval: float = 2.0) -> None:
        self.stream, self.interval = stream, interval
        self.tty = stream.isatty()
        self._stage = ""
        self._bar: Any = None
        self._last = 0.0
        self._began = 0.0

    def __call__(self, event: ProgressEvent) -> None:
        first = event.stage != self._stage
        self._stage = event.stage
        if first:
            self._began = time.monotonic()
        if self.tty:
            self._draw(event, first)
        elif first or event.finished or time.monotonic() - self._last >= self.interval:
            self.stream.write(f"{event.label} {event.done}/{event.total}{self._pace(event)}\n")
            self.stream.flush()
            self._last = time.monotonic()

    def _pace(self, event: ProgressEvent) -> str:
        """Throughput and time left, once a stage has run long enough to say (a log has no bar for them)."""
        elapsed = time.monotonic() - self._began
        if event.finished or event.done <= 0 or elapsed < 1.0:
            return ""
        rate = event.done / elapsed
        left = (event.total - event.done) / rate
        return f"（{rate:.1f} {self.UNITS[event.stage]}/秒，预计还需 {left:.0f} 秒）"

    def _draw(self, event: ProgressEvent, first: bool) -> None:
        from tqdm import tqdm

        if first:
            self.close()
            self._bar = tqdm(total=event.total, desc=event.label, unit=self.UNITS[event.stage], file=self.stream)
        if self._bar is not None:
            self._bar.update(event.done - self._bar.n)
            if event.finished:
                self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
