"""Ruled tables in text PDFs: found with pdfplumber, kept as rows, marked where they stand in the page's text.

Only pages whose content draws paths are opened with pdfplumber (a ruled table needs lines), so a
table-free document costs one scan of its content streams; on pages with a table the text outside it
comes from pdfplumber too, so the table's marker sits exactly between the lines above and below it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.ingest.repair import clean_lines

log = logging.getLogger(__name__)

Row = tuple[str, ...]
_MARK = re.compile(r"^⟦PDFTABLE:(\d+)⟧$")
# Literal and hex strings are cut out first so that text bytes are not read as path operators.
_STRINGS = re.compile(rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>")
_PATHS = re.compile(rb"(?:^|\s)(?:re|l|Do)\s")
_SPACE = re.compile(r"\s+")
_SAME_EDGE = 3.0  # points: the pieces of one table split by a page break share their left and right edges


@dataclass(frozen=True)
class PageTable:
    """One ruled table on one page: its rows (header first) and its horizontal extent."""

    rows: tuple[Row, ...]
    x0: float
    x1: float


def mark(n: int) -> str:
    """The line standing for table n in a page's text."""
    return f"⟦PDFTABLE:{n}⟧"


def marked_table(line: str) -> int | None:
    """The table number a mark line stands for, or None for a text line."""
    found = _MARK.match(line)
    return int(found.group(1)) if found else None


def pages_with_paths(pages: Iterable[Any]) -> list[int]:
    """Indexes of the pypdf pages whose content draws lines, rectangles or forms: where rules can be."""
    ruled = []
    for n, page in enumerate(pages):
        contents = page.get_contents()
        if contents is not None and _PATHS.search(_STRINGS.sub(b"", contents.get_data())):
            ruled.append(n)
    return ruled


def read_tables(path: Path, numbers: list[int]) -> tuple[dict[int, list[str]], list[PageTable]]:
    """For those pages (0-based) that hold ruled tables: their lines with a mark where each table stands.

    A PDF pypdf can read is not rejected because pdfminer cannot: its tables are then read as text.
    """
    import pdfplumber

    flows: dict[int, list[str]] = {}
    tables: list[PageTable] = []
    try:
        with pdfplumber.open(path, pages=[n + 1 for n in numbers]) as pdf:
            for number, page in zip(numbers, pdf.pages, strict=True):
                found = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
                if found:
                    flows[number] = _flow(page, found, tables)
                page.close()
    except Exception as exc:  # pdfminer raises many error types on damaged or unusual files
        log.warning("PDF 表格识别失败，按纯文本读取：%s（%s: %s）", path.name, type(exc).__name__, exc)
        return {}, []
    return flows, tables


def _flow(page: Any, found: list[Any], tables: list[PageTable]) -> list[str]:
    """The page's lines outside the tables, with each table's mark placed by its top edge."""
    boxes = [t.bbox for t in found]
    outside = page.filter(lambda obj: obj["object_type"] != "char" or not any(_inside(obj, b) for b in boxes))
    items = [(line["top"], line["text"]) for line in outside.extract_text_lines(return_chars=False)]
    for table in found:
        items.append((table.bbox[1], mark(len(tables))))
        tables.append(PageTable(_rows(table), table.bbox[0], table.bbox[2]))
    return [text for _, text in sorted(items, key=lambda item: item[0])]


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _rows(table: Any) -> tuple[Row, ...]:
    """Cell text by row; a position covered by a merged cell repeats that cell's text, as Word tables do."""
    values = table.extract()
    text = {box: value for row, cells in zip(table.rows, values, strict=True)
            for box, value in zip(row.cells, cells, strict=True) if box}
    lefts = sorted({box[0] for box in table.cells})
    rows = []
    for row, cells in zip(table.rows, values, strict=True):
        top = row.bbox[1]
        rows.append(tuple(
            cell_text(value if value is not None else _covering(text, lefts[n], top)) for n, value in enumerate(cells)
        ))
    return tuple(rows)


def _covering(text: dict[tuple[float, float, float, float], str | None], left: float, top: float) -> str:
    for (x0, y0, x1, y1), value in text.items():
        if x0 <= left + 1 < x1 and y0 <= top + 1 < y1:
            return value or ""
    return ""


def cell_text(value: str) -> str:
    """A cell's wrapped lines and spread-out characters joined: nothing next to Chinese, one space between
    Latin words (the spacing in a PDF is layout, not text)."""
    def joint(m: re.Match[str]) -> str:
        before, after = m.string[m.start() - 1], m.string[m.end()]
        return "" if max(ord(before), ord(after)) > 0x2E7F else " "  # CJK punctuation and ideographs

    return _SPACE.sub(joint, value.strip())


def join_tables(pages: list[list[str]], tables: list[PageTable]) -> tuple[list[str], list[list[Row]]]:
    """All pages' lines with one mark per table; a table running on across page breaks is one table.

    It runs on when it ends one page and starts the next with the same columns and edges; a header
    repeated on the next page is dropped.
    """
    lines: list[str] = []
    merged: list[list[Row]] = []
    ending: PageTable | None = None  # the table that ended the previous page, if one did
    edges: set[str] = set()  # a running header left in (too few pages to drop it) does not count either
    for page in pages:
        text = [n for n, line in enumerate(page) if clean_lines(line)]  # page numbers and blanks don't count
        body = [n for n in text if page[n].strip() not in edges]
        for n, line in enumerate(page):
            number = marked_table(line)
            if number is None:
                lines.append(line)
            elif ending is not None and n == body[0] and _runs_on(ending, tables[number]):
                rows = tables[number].rows
                merged[-1] += rows[1:] if rows[0] == merged[-1][0] else rows
            else:
                lines.append(mark(len(merged)))
                merged.append(list(tables[number].rows))
        last = marked_table(page[body[-1]]) if body else None
        ending = tables[last] if last is not None else None
        edges = {page[n].strip() for n in text[:2] + text[-2:]}
    return lines, merged


def _runs_on(ending: PageTable, table: PageTable) -> bool:
    return (len(ending.rows[0]) == len(table.rows[0]) and abs(ending.x0 - table.x0) <= _SAME_EDGE
            and abs(ending.x1 - table.x1) <= _SAME_EDGE)
