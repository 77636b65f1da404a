"""Parse the outline of a Chinese government document: 部分 › 章 › 节 › 一、 › （一） › 第X条 › 1. › （1） › 专栏,
附件 and 附则, and place its tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.core.types import Section
from rag.core.zh import normalize
from rag.ingest.repair import join_lines
from rag.ingest.tables import PLACEHOLDER

_NUM = "一二三四五六七八九十百零〇"
# (level, pattern); a heading must also be short and must not end like a sentence. Fractional levels are
# the patterns other documents use between this plan's own five.
HEADINGS: tuple[tuple[float, re.Pattern[str]], ...] = (
    (0, re.compile(r"^前\s*言$")),
    (0, re.compile(rf"^第[{_NUM}]+部分\s*\S.*$")),
    (0, re.compile(r"^附\s*件\s*\d*$")),
    (1, re.compile(rf"^第[{_NUM}]+章\s*\S.*$")),
    (1, re.compile(r"^附\s*则$")),
    (1.5, re.compile(rf"^第[{_NUM}]+节\s*\S.*$")),
    (2, re.compile(rf"^[{_NUM}]+、\s*[\u4e00-\u9fff“].*$")),
    (2.5, re.compile(rf"^[（(][{_NUM}]+[）)]\s*[\u4e00-\u9fff“].*$")),
    (2.8, re.compile(rf"^第[{_NUM}]+条$")),
    (3, re.compile(r"^\d{1,2}[.．、]\s*[\u4e00-\u9fff].*$")),
    (3.5, re.compile(r"^[（(]\d{1,2}[）)]\s*[\u4e00-\u9fff].*$")),
    (4, re.compile(r"^专栏\s*\d+(?:-\d+)?\s*[：:].+$")),
)
COLUMN_LEVEL = 4
# "第三条　申报单位应当……。": the article number is the heading, the rest of the line its first text.
_ARTICLE = re.compile(rf"^(第[{_NUM}]+条)(?:[\s\u3000]+(\S.*))?$")
MAX_HEADING_CHARS = 40
_ORPHAN = re.compile(r"^[\u4e00-\u9fff]{1,3}$")


_CONTINUES = re.compile(r"^[，、；：,;]")


def format_heading(line: str) -> str:
    """Canonical heading text: `第三章 遵义市…`, `专栏5-2：茶…`, `2.茶`."""
    return re.sub(r"^(第[一二三四五六七八九十百]+(?:部分|章))\s*", r"\1 ", normalize(line))


def heading_level(line: str) -> float | None:
    """The outline level of a heading line, or None for body text."""
    if len(line) > MAX_HEADING_CHARS or re.search(r"[，。；]", line):
        return None
    return next((level for level, pattern in HEADINGS if pattern.match(line)), None)


@dataclass
class _Open:
    path: list[str]
    kind: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Outline:
    """The parsed document: sections in reading order and the path each table stands under."""

    sections: list[Section]
    table_paths: dict[int, tuple[str, ...]]


def parse_outline(lines: list[str], *, preamble: str = "", paragraphs: bool = False) -> Outline:
    """Walk cleaned lines, opening a section at every heading; restore headings split across pages.

    Text before the first heading (a notice's 文号, addressees and opening) is kept under `preamble`
    when one is given, and dropped otherwise. With `paragraphs` each line is already a whole paragraph
    (DOCX, web pages); otherwise lines broken mid-sentence are joined."""
    opened: list[_Open] = [_Open([preamble] if preamble else [], "body")]
    table_paths: dict[int, tuple[str, ...]] = {}
    stack: list[tuple[float, str]] = []
    for line in _split_articles(lines):
        placeholder = PLACEHOLDER.match(line)
        level = heading_level(line)
        if placeholder:
            table_paths[int(placeholder.group(1))] = tuple(t for _, t in stack)
        elif level is not None:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, format_heading(line)))
            opened.append(_Open([t for _, t in stack], "column" if level == COLUMN_LEVEL else "body"))
        elif _ORPHAN.match(line) and opened[-1].lines and opened[-1].lines[-1].endswith("。"):
            _restore_split_heading(opened, stack, line)
        else:
            opened[-1].lines.append(line)
    sections = [
        Section(tuple(o.path), o.kind, tuple(_paragraphs(o.lines) if paragraphs else join_lines(o.lines, alone=o is opened[0])))
        for o in opened if o.lines and o.path
    ]
    return Outline(sections, table_paths)


def _paragraphs(lines: list[str]) -> list[str]:
    return [p for p in (normalize(x) for x in lines) if p]


def _split_articles(lines: list[str]) -> list[str]:
    """Put an article's number on its own line, so it opens a section like any heading; a line that opens
    with a comma continues the one before (no printed line starts with one: the text wrapped there), so
    "（十二）…骗取地价优惠的" before "，由…收回土地使用权" is a sentence, not a heading."""
    out: list[str] = []
    for line in lines:
        if out and _CONTINUES.match(line):
            out[-1] += line
            continue
        article = _ARTICLE.match(line)
        out.extend([article.group(1), article.group(2)] if article and article.group(2) else [line])
    return out


def _restore_split_heading(opened: list[_Open], stack: list[tuple[float, str]], fragment: str) -> None:
    """A heading broken over a page ("二、基本原" … "则"): the PDF printed the first half before the
    previous section's body. Complete the title; the body read so far belongs to the section before
    it, and what follows the fragment to the completed heading."""
    last = opened[-1]
    level, title = stack[-1]
    stack[-1] = (level, title + fragment)
    previous = opened[-2] if len(opened) > 1 else None
    if previous is not None and not previous.lines and len(previous.path) == len(last.path):
        previous.lines, last.lines = last.lines, []
    last.path[-1] = title + fragment
