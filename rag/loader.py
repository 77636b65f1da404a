"""Load the corpus folder: manifest metadata plus each document run through repair → tables → outline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rag.chunking import record_chunk, split_section
from rag.outline import parse_outline
from rag.repair import clean_lines, lift_figures
from rag.tables import Table, extract_tables
from rag.types import Chunk, Record


class CorpusError(ValueError):
    """The corpus folder or a document in it cannot be read."""


@dataclass(frozen=True)
class DocInfo:
    """A document's metadata from the manifest."""

    id: str
    title: str
    path: Path
    meta: dict[str, str]


def read_manifest(corpus: Path) -> list[DocInfo]:
    """Documents listed in corpus/manifest.json, or every .txt file when there is no manifest."""
    if not corpus.is_dir():
        raise CorpusError(f"语料目录不存在：{corpus}")
    manifest = corpus / "manifest.json"
    if not manifest.exists():
        return [DocInfo(p.stem, p.stem, p, {}) for p in sorted(corpus.glob("*.txt"))]
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    except (ValueError, KeyError) as exc:
        raise CorpusError(f"manifest.json 格式错误：{exc}") from exc
    return [
        DocInfo(e.get("id", Path(e["file"]).stem), e.get("title", e["file"]), corpus / e["file"], e)
        for e in entries
    ]


def load_document(info: DocInfo) -> list[Chunk]:
    """Parse one plain-text document into chunks: sections, 专栏 and table rows."""
    try:
        raw = info.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"无法读取文档 {info.path}：{exc}") from exc
    if not raw.strip():
        raise CorpusError(f"文档为空：{info.path}")
    lines, tables = extract_tables(lift_figures(clean_lines(raw)))
    outline = parse_outline(lines)
    chunks = [c for section in outline.sections for c in split_section(section, doc=info.id)]
    for n, table in enumerate(tables):
        path = outline.table_paths.get(n, ())
        chunks += [record_chunk(r, doc=info.id) for r in table_records(table, path)]
    return chunks


def table_records(table: Table, path: tuple[str, ...]) -> list[Record]:
    """Rows as records: an indicator row per indicator, a 表3.1-style row per direction × region."""
    where = (*path, table.title if table.title.startswith("表") else f"{table.title}表")
    if table.title == "主要指标":
        return [_indicator_record(row, where) for row in table.rows]
    return [rec for row in table.rows for rec in _region_records(table, row, where)]


def _indicator_record(row: dict[str, str], where: tuple[str, ...]) -> Record:
    years = [k for k in row if k.endswith("年")]
    unit = f"（{row['单位']}）" if row["单位"] else ""
    start = "无数据" if row[years[0]] == "-" else row[years[0]]
    text = f"主要指标第{row['序号']}项：{row['指标']}{unit}，{years[0]}基期值{start}，{years[1]}目标值{row[years[1]]}。"
    return Record("主要指标", where, row, text)


def _region_records(table: Table, row: dict[str, str], where: tuple[str, ...]) -> list[Record]:
    direction, regions, route = (row[k] for k in list(row)[:3])
    records = []
    for segment in [s for s in regions.split("。") if s]:
        text = f"{table.title}｜{direction}｜{segment}。外延路径：{route}"
        place = segment.split("：")[0]
        fields = {"方向": direction, "区域": place.replace("重点合作区域", "") or place, "合作区域": segment, "外延路径": route}
        records.append(Record(table.title, where, fields, text))
    return records
