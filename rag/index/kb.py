"""The knowledge-base manifest: which chunks are live, under which version; swapped atomically."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from rag.core.types import Chunk

MANIFEST = "current.json"


class IndexCorrupt(RuntimeError):
    """The index on disk is missing or unreadable."""


class WriteFailed(RuntimeError):
    """The data or corpus folder could not be written (full disk, no permission); the live version is unchanged."""


def kb_version(chunks: list[Chunk], embedder_name: str) -> str:
    """Changes when and only when the live content (or the embedder) changes: the chunks (ids hash
    their text and place), the metadata of the documents they belong to (title, 文号, dates …) and their pages."""
    digest = hashlib.sha1(embedder_name.encode())
    for cid, meta in sorted((c.id, document_meta(c)) for c in chunks):
        digest.update(cid.encode())
        digest.update(meta.encode())
    return digest.hexdigest()[:12]


def document_meta(chunk: Chunk) -> str:
    """What a citation shows beside the text (meta keys `doc_*` and the page) as one canonical string."""
    shown = {k: v for k, v in chunk.meta.items() if k.startswith(("doc_", "page"))}
    return json.dumps(shown, ensure_ascii=False, sort_keys=True)


def save(index_dir: Path, version: str, embedder_name: str, chunks: list[Chunk]) -> None:
    """Write the manifest to a temporary file and rename it over the old one (atomic on POSIX)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    payload = {"kb_version": version, "embedder": embedder_name, "chunks": [asdict(c) for c in chunks]}
    tmp = index_dir / f".{MANIFEST}.{os.getpid()}.tmp"
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, index_dir / MANIFEST)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteFailed(f"索引写入失败（{exc.strerror or exc}，如磁盘已满或没有写权限）：{index_dir}。当前版本继续服务。") from exc


def load(index_dir: Path) -> tuple[str, str, list[Chunk]] | None:
    """(kb_version, embedder name, chunks), or None when nothing has been ingested yet."""
    path = index_dir / MANIFEST
    if not path.exists():
        return None
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        chunks = [Chunk(**c) for c in payload["chunks"]]
        return payload["kb_version"], payload["embedder"], chunks
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupt(f"索引文件损坏（{path}）：{exc}。请运行 policy-rag ingest 重建索引。") from exc
