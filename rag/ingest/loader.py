"""Load the corpus folder: manifest metadata plus each document run through repair → tables → outline."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from rag.core.types import Chunk, Record
from rag.core.zh import digit_dates, squeeze, zh_date
from rag.ingest.chunking import record_chunk, split_section
from rag.ingest.formats import GRID, SUPPORTED, CorpusError, Grid, RawDocument, read_raw
from rag.ingest.metadata import SIGNED_LABEL, drop_signature, read_metadata
from rag.ingest.outline import parse_outline
from rag.ingest.pages import PageFinder
from rag.ingest.repair import clean_lines, lift_figures
from rag.ingest.tables import Table, extract_tables

PREAMBLE = "正文"
DOC_FIELDS = ("issuer", "issued", "validity", "region")  # besides title and number

__all__ = ["CorpusError", "DocInfo", "load_document", "parse_document", "read_documents", "read_manifest", "read_uploads"]


@dataclass(frozen=True)
class DocInfo:
    """A document's metadata from the manifest."""

    id: str
    title: str
    path: Path
    meta: dict[str, str]


def read_manifest(corpus: Path) -> list[DocInfo]:
    """Documents listed in corpus/manifest.json, or every supported file when there is no manifest."""
    if not corpus.is_dir():
        raise CorpusError(f"语料目录不存在：{corpus}")
    manifest = corpus / "manifest.json"
    if not manifest.exists():
        files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in SUPPORTED)
        return [DocInfo(p.stem, p.stem, p, {}) for p in files]
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    except (ValueError, KeyError) as exc:
        raise CorpusError(f"manifest.json 格式错误：{exc}") from exc
    return [
        DocInfo(e.get("id", Path(e["file"]).stem), e.get("title", e["file"]), corpus / e["file"], e)
        for e in entries
    ]


def read_uploads(uploads: Path | None) -> list[dict[str, object]]:
    """The entries of the data home's own manifest (none when nothing was ever uploaded)."""
    manifest = uploads / "manifest.json" if uploads else None
    if manifest is None or not manifest.exists():
        return []
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
        if not all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in entries):
            raise ValueError("每个条目需要 id")
    except (ValueError, KeyError, TypeError) as exc:
        raise CorpusError(f"上传文档清单 {manifest} 格式错误：{exc}") from exc
    return list(entries)


def read_documents(corpus: Path, uploads: Path | None = None) -> list[DocInfo]:
    """The knowledge base's documents: the seed corpus with the data home's uploads applied. An upload
    adds a document or takes the place of a seed document with its id; a `removed` entry hides one. The
    seed folder is what a deployment ships and is never written at run time."""
    docs = {d.id: d for d in read_manifest(corpus)}
    for entry in read_uploads(uploads):
        doc_id = str(entry["id"])
        if entry.get("removed"):
            docs.pop(doc_id, None)
        elif uploads is not None and entry.get("file"):
            meta = {k: str(v) for k, v in entry.items()}
            docs[doc_id] = DocInfo(doc_id, meta.get("title", meta["file"]), uploads / meta["file"], meta)
    return list(docs.values())


def load_document(info: DocInfo) -> list[Chunk]:
    """Parse one document (any supported format) into chunks: sections, 专栏 and table rows."""
    return parse_document(info)[0]


def parse_document(info: DocInfo) -> tuple[list[Chunk], dict[str, str]]:
    """Chunks and metadata (what the document states, overridden by the manifest's entry)."""
    raw = read_raw(info.path)
    lines = lift_figures(clean_lines(raw.text))
    stated = read_metadata(lines)
    lines = drop_signature(lines, stated)
    signed = zh_date(stated.get("issued", ""))
    if signed and not any(signed in squeeze(digit_dates(x)) for x in lines):  # kept as written (二〇二五年…) it is cited
        # The closing signature is dropped (it is no policy text), its date kept as a line a question about
        # when the document was issued (落款日期, 哪天发的) can cite.
        lines = [f"{SIGNED_LABEL}{signed}", *lines]
    # The page's own <title>/date is surer than a guess from its first lines; the manifest overrides both.
    stated = {**stated, **{k: v for k, v in raw.meta.items() if k == "title" or k not in stated}}
    meta = {**stated, **_stated(info), "source": info.path.name}
    lines, tables = extract_tables(lines)
    lines = _place_grids(lines, raw, first=len(tables))
    outline = parse_outline(lines, preamble=PREAMBLE, paragraphs=raw.paragraphs)
    if not outline.sections and not raw.grids:
        raise CorpusError(f"文档中没有可用的正文：{info.path.name}")
    chunks = [c for section in outline.sections for c in split_section(section, doc=info.id)]
    finder = PageFinder(raw.pages) if raw.pages else None
    for n, table in enumerate(tables):
        path = outline.table_paths.get(n, ())
        chunks += [record_chunk(r, doc=info.id) for r in table_records(table, path)]
    for n, grid in enumerate(raw.grids):
        path = outline.table_paths.get(len(tables) + n, ())
        chunks += [record_chunk(r, doc=info.id) for r in grid_records(grid, path)]
    # Every chunk carries its document's metadata: citations name the document, and kb_version changes
    # when only the metadata does.
    tag = {"doc_title": meta.get("title", info.title), "doc_number": meta.get("number", ""),
           **{f"doc_{k}": meta[k] for k in DOC_FIELDS if meta.get(k)}}
    return [replace(c, meta={**c.meta, **tag, **_pages(finder, c)}) for c in chunks], meta


def _pages(finder: PageFinder | None, chunk: Chunk) -> dict[str, int]:
    """The page a chunk starts on (and ends on, when another), for citations a reader can check."""
    cells = [str(v) for v in chunk.meta.get("fields", {}).values()]
    span = finder.span(chunk.text, cells) if finder else None
    if span is None:
        return {}
    return {"page": span[0]} if span[0] == span[1] else {"page": span[0], "page_end": span[1]}


def _stated(info: DocInfo) -> dict[str, str]:
    """Manifest fields that override what the document says (id and file are not metadata)."""
    return {k: str(v) for k, v in info.meta.items() if k not in ("id", "file") and v}


def _place_grids(lines: list[str], raw: RawDocument, *, first: int) -> list[str]:
    """Number structured tables after the ones recovered from text, as table placeholders."""
    out = []
    for line in lines:
        grid = GRID.match(line)
        out.append(f"⟦TABLE:{first + int(grid.group(1))}⟧" if grid else line)
    return out


def grid_records(grid: Grid, path: tuple[str, ...]) -> list[Record]:
    """One record per data row, each cell named by its column header."""
    title = grid.title or "表格"
    where = path + (title,) if path else (title,)
    records = []
    for row in grid.rows:
        header = [h or f"第{n + 1}列" for n, h in enumerate(grid.header)] + [f"第{n + 1}列" for n in range(len(grid.header), len(row))]
        fields = dict(zip(header, row, strict=False))
        text = f"{title}｜" + "；".join(f"{k}：{v}" for k, v in fields.items() if v) + "。"
        records.append(Record(title, where, fields, text))
    return records


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
