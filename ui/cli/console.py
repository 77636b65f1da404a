"""Progress of long ingests on a console: a bar on a terminal, plain lines in logs (CLI and first start)."""

from __future__ import annotations

import time
from typing import Any, TextIO

from rag.core.progress import ProgressEvent


class ConsoleProgress:
    """Progress on stderr: a tqdm bar per stage on a terminal; otherwise plain lines (“向量化 64/412”),
    at most one every `interval` seconds besides each stage's first and last, so logs stay readable."""

    UNITS = {"parse": "篇", "embed": "段", "commit": "步"}

    def __init__(self, stream: TextIO, *, interval: float = 2.0) -> None:
        self.stream, self.interval = stream, interval
        self.tty = stream.isatty()
        self._stage = ""
        self._bar: Any = None
        self._last = 0.0

    def __call__(self, event: ProgressEvent) -> None:
        first = event.stage != self._stage
        self._stage = event.stage
        if self.tty:
            self._draw(event, first)
        elif first or event.finished or time.monotonic() - self._last >= self.interval:
            self.stream.write(f"{event.label} {event.done}/{event.total}\n")
            self.stream.flush()
            self._last = time.monotonic()

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
