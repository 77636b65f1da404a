"""Repair PDF-extraction damage at the line level: page numbers, blank lines, figure labels, spacing."""

from __future__ import annotations

import re

from rag.core.zh import normalize

_PAGE_NUMBER = re.compile(r"^[-—\s]*\d{1,3}[-—\s]*$")
_FIGURE = re.compile(r"^图\s*\d+\s*\S+")
_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,6}$")
_SENTENCE_DONE = re.compile(r"[。！？；：]$")

_PUNCTUATED = re.compile(r"[，。；：、！？,;:]")

FIGURE_LABEL_WINDOW = 12


def clean_lines(raw: str) -> list[str]:
    """Non-empty stripped lines with page-number lines dropped (spacing is kept for table parsing)."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [line for line in lines if line and not _PAGE_NUMBER.match(line)]


def lift_figures(lines: list[str]) -> list[str]:
    """Move a figure's caption and its scattered labels out of the sentence they fall into.

    The caption becomes one line `图1 标题（标签、标签）` standing where the caption stood, so the
    labels stay findable without breaking the body sentence they were printed across.
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _FIGURE.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        caption = normalize(lines[i])
        labels: list[str] = []
        kept: list[str] = []
        for line in lines[i + 1 : i + 1 + FIGURE_LABEL_WINDOW]:
            is_label = _LABEL.match(line) and (not kept or not _SENTENCE_DONE.search(kept[-1]))
            (labels if is_label else kept).append(line)
        out.append(f"{caption}（{'、'.join(labels)}）" if labels else caption)
        out.extend(kept)
        i += 1 + FIGURE_LABEL_WINDOW
    return out


def join_lines(lines: list[str], *, alone: bool = False) -> list[str]:
    """Join lines broken mid-sentence into paragraphs; a line ending a sentence ends a paragraph. With
    `alone` (a letterhead: the lines before a document's first heading), a line with no punctuation at all
    (发文机关, 文号, the title) is a paragraph of its own, not the start of the sentence below it."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if alone and not _PUNCTUATED.search(line):
            if current:
                paragraphs.append(normalize(current))
                current = ""
            paragraphs.append(normalize(line))
            continue
        current += line
        if re.search(r"[。！？]$", line):
            paragraphs.append(normalize(current))
            current = ""
    if current:
        paragraphs.append(normalize(current))
    return paragraphs
