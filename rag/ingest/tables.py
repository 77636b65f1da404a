"""Pull tables whose cells the PDF extraction interleaved with body text out into structured rows.

Each table is replaced by a placeholder line `⟦TABLE:n⟧` where it starts, so the outline parser can
attribute its rows to the section that holds it; the body sentence the rows interrupted joins up again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.core.zh import normalize

PLACEHOLDER = re.compile(r"^⟦TABLE:(\d+)⟧$")
_INDICATOR_HEADER = re.compile(r"^序号\s+指标\s+(\d{4})\s*年\s+(\d{4})\s*年$")
_INDICATOR_ROW = re.compile(r"^(\d{1,2})\s+(\S.*?)\s+(-|[\d.]+%?)\s+(-|[\d.]+%?)$")
_TITLED = re.compile(r"^表\s*(\d+(?:\.\d+)?)\s*(\S.*)$")
_SECTION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部])")
_SEGMENT_START = re.compile(r"^[\u4e00-\u9fff]{2,4}重点合作区域[：:]")
_LABEL_PART = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
ROW_SEARCH_WINDOW = 80


@dataclass
class Table:
    """A table lifted out of the text: its title, header and rows as field dicts."""

    title: str
    header: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)


def extract_tables(lines: list[str]) -> tuple[list[str], list[Table]]:
    """Remove the indicator table and titled two-column tables, leaving placeholders."""
    tables: list[Table] = []
    lines = _extract_indicator_table(lines, tables)
    lines = _extract_titled_tables(lines, tables)
    return lines, tables


def _extract_indicator_table(lines: list[str], tables: list[Table]) -> list[str]:
    out = list(lines)
    for i, line in enumerate(lines):
        head = _INDICATOR_HEADER.match(line)
        if not head:
            continue
        y0, y1 = head.groups()
        table = Table("主要指标", ["序号", "指标", "单位", f"{y0}年", f"{y1}年"])
        expected, taken = 1, set()
        for j in range(i + 1, min(len(lines), i + ROW_SEARCH_WINDOW)):
            row = _INDICATOR_ROW.match(lines[j])
            if row and int(row.group(1)) == expected:
                table.rows.append(_indicator_fields(row.groups(), y0, y1))
                taken.add(j)
                expected += 1
        if table.rows:
            out[i] = f"⟦TABLE:{len(tables)}⟧"
            tables.append(table)
            out = [x for k, x in enumerate(out) if k not in taken]
        break
    return out


def _indicator_fields(groups: tuple[str, ...], y0: str, y1: str) -> dict[str, str]:
    seq, label, v0, v1 = groups
    label = normalize(label)
    unit_match = re.search(r"（([^（）]+)）$", label)
    unit = unit_match.group(1) if unit_match else ""
    name = label[: unit_match.start()] if unit_match else label
    return {"序号": seq, "指标": name, "单位": unit, f"{y0}年": v0, f"{y1}年": v1}


def _extract_titled_tables(lines: list[str], tables: list[Table]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        title = _TITLED.match(lines[i])
        if not title:
            out.append(lines[i])
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not _SECTION_HEADING.match(lines[end]):
            end += 1
        table = _parse_two_column_block(f"表{title.group(1)} {normalize(title.group(2))}", lines[i + 1 : end])
        out.append(f"⟦TABLE:{len(tables)}⟧")
        tables.append(table)
        i = end
    return out


def _parse_two_column_block(title: str, block: list[str]) -> Table:
    """Parse a label | segmented-cell | free-text-cell table printed with its columns interleaved.

    The header runs to the first line holding two space-separated cells. A row starts at short label
    lines (a label may wrap: 现代服务 / 业科技). Within a row the middle cell is a run of segments that
    each open with `X重点合作区域：`; once it has closed with 。, text goes to the last cell, and any
    text after a space on the same line belongs to the next column.
    """
    k = next((n for n, line in enumerate(block) if len(line.split()) >= 2), 0)
    header_cells = [normalize("".join(block[:k]))] + block[k].split() if block else []
    table = Table(title, header_cells)
    label, mid, last = "", "", ""
    for line in block[k + 1 :]:
        parts = line.split()
        if _LABEL_PART.match(parts[0]) and (not mid or (mid.endswith("。") and last)):
            if mid:
                table.rows.append(_row(header_cells, label, mid, last))
                label, mid, last = "", "", ""
            label += parts.pop(0)
            if not parts:
                continue
        for n, part in enumerate(parts):
            if n == 0 and (not mid.endswith("。") or _SEGMENT_START.match(part)):
                mid += part
            else:
                last += part
    if label:
        table.rows.append(_row(header_cells, label, mid, last))
    return table


def _row(header: list[str], label: str, mid: str, last: str) -> dict[str, str]:
    names = header + ["", "", ""]
    return {names[0] or "方向": label, names[1] or "区域": normalize(mid), names[2] or "路径": normalize(last)}
