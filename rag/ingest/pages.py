"""Page numbers for citations: on which page of the source each chunk's text starts and ends.

A PDF has pages. A text extracted from one may keep them as form feeds, or only as page-start lines (a
line opening with one space) with some printed page numbers left as bare lines at a page's foot. Pages
derived from such lines are trusted only when every printed number agrees with the count (one offset for
all of them): an indented plain text then gets no pages rather than wrong ones.

Chunks are located by their own characters, not carried through repair and outline parsing: probes of a
chunk's clauses are looked up in the pages' text with spacing and punctuation dropped.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_BARE_NUMBER = re.compile(r"\s*[-—–]?\s*(\d{1,4})\s*[-—–]?\s*")
_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")
_CLAUSE = re.compile(r"[，,。；;：:、！？!?（）()《》“”\"'\n|｜]+")
PROBE = 12  # characters per probe: long enough to be unique in a document, short enough to fit a clause
MIN_PROBE = 5


@dataclass(frozen=True)
class Pages:
    """A document's pages as text, and the printed number of the first one."""

    texts: list[str]
    first: int = 1


def text_pages(text: str) -> Pages | None:
    """The pages of a plain text extracted from a PDF, or None when its page marks are absent or disagree."""
    if "\f" in text:
        sheets = text.split("\f")
        first = _first_number([_stated(p.split("\n")) for p in sheets])
        return Pages(sheets, first or 1)
    pages: list[list[str]] = [[]]
    stated: list[int | None] = [None]
    for line in text.split("\n"):
        bare = _BARE_NUMBER.fullmatch(line) if line.strip() else None
        if bare and any(x.strip() for x in pages[-1]):
            pages[-1].append(line)
            stated[-1] = int(bare.group(1))
            pages.append([])  # a printed number closes its page
            stated.append(None)
            continue
        if line.startswith(" ") and not line.startswith("  ") and line.strip() and any(x.strip() for x in pages[-1]):
            pages.append([])
            stated.append(None)
        pages[-1].append(line)
    first = _first_number(stated)
    if first is None or len(pages) < 3:
        return None
    return Pages(["\n".join(p) for p in pages], first)


def pdf_pages(pages: list[list[str]]) -> Pages:
    """A PDF's pages as the viewer numbers them (what jump-to-source and a reader's page box take)."""
    return Pages(["\n".join(lines) for lines in pages])


def _stated(lines: list[str]) -> int | None:
    """The printed number at the foot (or head) of one page's lines."""
    ends = [x for x in lines if x.strip()]
    for line in (ends[-1:] + ends[:1]) if ends else []:
        bare = _BARE_NUMBER.fullmatch(line)
        if bare:
            return int(bare.group(1))
    return None


def _first_number(stated: list[int | None]) -> int | None:
    """The printed number of the first page, when at least two pages state theirs and all agree."""
    firsts = {number - n for n, number in enumerate(stated) if number is not None}
    anchors = sum(number is not None for number in stated)
    return firsts.pop() if anchors >= 2 and len(firsts) == 1 else None


def _squeeze(text: str) -> str:
    return "".join(_KEEP.findall(unicodedata.normalize("NFKC", text)))


class PageFinder:
    """Locates texts in a document's pages."""

    def __init__(self, pages: Pages) -> None:
        parts = [_squeeze(t) for t in pages.texts]
        self.first = pages.first
        self.text = "".join(parts)
        self.starts: list[int] = []
        at = 0
        for part in parts:
            self.starts.append(at)
            at += len(part)

    def span(self, text: str, cells: Sequence[str] = ()) -> tuple[int, int] | None:
        """(first page, last page) of `text`, or None when none of it is found. A table row is looked up
        first by its cells run together, the way the row reads on the page."""
        row = _squeeze("".join(cells))
        probes = [row[i : i + 2 * PROBE] for i in range(0, max(1, len(row) - 2 * PROBE + 1), PROBE)] if cells else []
        probes += [p[i : i + PROBE] for c in _CLAUSE.split(text) if len(p := _squeeze(c)) >= MIN_PROBE
                   for i in range(0, max(1, len(p) - MIN_PROBE + 1), PROBE)]
        probes = [p for p in probes if len(p) >= MIN_PROBE]
        start = self._find(probes, 0)
        if start is None:
            return None
        end = self._find(probes[::-1], start[0]) or start
        return self._page(start[0]), self._page(end[0] + len(end[1]) - 1)

    def _find(self, probes: list[str], after: int) -> tuple[int, str] | None:
        """(where, probe) for the first probe found at or after `after`; one that occurs once wins over
        an earlier probe that repeats (a heading repeated in a table of contents)."""
        fallback = None
        for probe in probes:
            at = self.text.find(probe, after)
            if at < 0:
                continue
            if self.text.find(probe, at + 1) < 0:
                return at, probe
            fallback = fallback or (at, probe)
        return fallback

    def _page(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1 + self.first
