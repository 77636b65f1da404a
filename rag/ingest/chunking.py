"""Cut sections into sentence-aligned chunks and turn table rows into one chunk each."""

from __future__ import annotations

import hashlib

from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.core.types import Chunk, Record, Section

PATH_SEP = " › "
BODY_CHARS = 260
COLUMN_CHARS = 420


def chunk_id(doc: str, section: str, text: str) -> str:
    """Content hash: the same text at the same place always gets the same id."""
    return hashlib.sha1(f"{doc}\x1f{section}\x1f{text}".encode()).hexdigest()[:20]


def _splitter(max_chars: int, *, clauses: bool) -> RecursiveCharacterTextSplitter:
    # Paragraphs first, then sentences. Body text is never cut inside a sentence (an over-long one stays
    # whole); a 专栏 is one long list, so it may also be cut between clauses.
    separators = ["\n", "。", "；", "，"] if clauses else ["\n", "。", "；"]
    return RecursiveCharacterTextSplitter(
        separators=separators, keep_separator="end", chunk_size=max_chars, chunk_overlap=0
    )


def section_label(path: tuple[str, ...]) -> str:
    """Breadcrumb shown in citations: from the chapter down (the 部分 is kept in metadata)."""
    shown = path[1:] if len(path) > 1 and "部分" in path[0] else path
    return PATH_SEP.join(shown)


def split_section(section: Section, *, doc: str) -> list[Chunk]:
    """A section's paragraphs as chunks of at most BODY_CHARS (COLUMN_CHARS for a 专栏), or one over-long sentence."""
    limit = COLUMN_CHARS if section.kind == "column" else BODY_CHARS
    label = section_label(section.path)
    pieces = _splitter(limit, clauses=section.kind == "column").split_text("\n".join(section.paragraphs))
    meta = {"path": list(section.path), "part": section.path[0]}
    return [
        Chunk(chunk_id(doc, label, text), doc, label, section.kind, text, {**meta, "seq": n})
        for n, text in enumerate(p.strip() for p in pieces)
        if text
    ]


def record_chunk(record: Record, *, doc: str) -> Chunk:
    """One table row as its own chunk, with its fields kept as metadata."""
    label = section_label(record.path)
    meta = {"path": list(record.path), "part": record.path[0], "table": record.table, "fields": record.fields}
    return Chunk(chunk_id(doc, label, record.text), doc, label, "table-row", record.text, meta)
