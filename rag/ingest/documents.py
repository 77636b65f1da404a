"""Managing the knowledge base: list, add, replace and remove documents, each change swapping the index atomically.

Changes live in the data home (`home/documents/` and its manifest); the seed `corpus/` a deployment ships
is only read. Replacing a seed document stores the new version there under the same id; removing one
records that it is removed.

Order of a change: parse and validate the new file (a bad file changes nothing), embed its new chunks and
swap the index manifest (the commit point: until it is renamed into place the old version serves), then
write the file and the uploads manifest, each by temporary file + rename.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.core.progress import Progress, notify
from rag.engine import Engine, IngestReport
from rag.index.kb import WriteFailed
from rag.ingest.formats import SUPPORTED, CorpusError
from rag.ingest.loader import DocInfo, parse_document, read_documents, read_uploads

MANIFEST = "manifest.json"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class DocumentInfo:
    """A document in the knowledge base: its id, metadata and number of live chunks."""

    id: str
    meta: dict[str, str]
    chunks: int


@dataclass(frozen=True)
class Change:
    """What a document change did to the knowledge base."""

    doc: DocumentInfo
    report: IngestReport


class DocumentLibrary:
    """The documents of one engine: its seed corpus with the uploads of its data home applied."""

    # One change at a time: each reads the live chunk set and commits a new one.
    _write_lock = threading.Lock()

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.corpus = engine.settings.corpus
        self.uploads = engine.settings.documents_dir

    def documents(self) -> list[DocumentInfo]:
        """Every document with the metadata it states (manifest overrides applied) and its live chunk count."""
        counts = Counter(c.doc for c in self.engine.chunks())
        return [DocumentInfo(d.id, parse_document(d)[1], counts[d.id]) for d in self._live()]

    def get(self, doc_id: str) -> DocumentInfo:
        return next((d for d in self.documents() if d.id == doc_id), None) or _missing(doc_id)

    def add(
        self, path: Path, *, doc_id: str = "", meta: dict[str, str] | None = None, progress: Progress | None = None
    ) -> Change:
        """Add a new document; its id defaults to the file name without extension."""
        doc_id = doc_id or _slug(path.stem)
        with self._write_lock:
            if doc_id in self._live_ids():
                raise CorpusError(f"文档已存在：{doc_id}（如需更新请使用替换）")
            return self._put(doc_id, path, meta or {}, progress)

    def replace(
        self, doc_id: str, path: Path, *, meta: dict[str, str] | None = None, progress: Progress | None = None
    ) -> Change:
        """Swap a document for a new version; the old one serves until the new one is fully indexed."""
        with self._write_lock:
            if doc_id not in self._live_ids():
                _missing(doc_id)
            return self._put(doc_id, path, meta or {}, progress)

    def reingest(self, *, progress: Progress | None = None) -> IngestReport:
        """Re-read the whole corpus folder into the index, as one change among the others."""
        with self._write_lock:
            return self.engine.ingest(progress=progress)

    def remove(self, doc_id: str) -> IngestReport:
        """Take a document out of the index; an upload's file goes too, a seed document is marked removed."""
        with self._write_lock:
            live = self._live_ids()
            if doc_id not in live:
                _missing(doc_id)
            if len(live) == 1:
                raise CorpusError("不能删除知识库中唯一的文档。")
            report = self.engine.commit([c for c in self.engine.chunks() if c.doc != doc_id])
            entries = self._entries_by_id()
            old = entries.pop(doc_id, None)
            if doc_id in self._seed_ids():
                entries[doc_id] = {"id": doc_id, "removed": True}
            self._write_manifest(list(entries.values()))
            if old and old.get("file"):
                (self.uploads / str(old["file"])).unlink(missing_ok=True)
            return report

    # -- internals ----------------------------------------------------------------------------------
    def _put(self, doc_id: str, source: Path, meta: dict[str, str], progress: Progress | None) -> Change:
        if not _ID.match(doc_id):
            raise CorpusError(f"文档编号不合法：{doc_id}（只能使用字母、数字、点、横线和下划线）")
        if source.suffix.lower() not in SUPPORTED:
            raise CorpusError(f"不支持的文件格式“{source.suffix or '无扩展名'}”：{source.name}")
        entry = {"id": doc_id, "file": f"{doc_id}{source.suffix.lower()}", **{k: v for k, v in meta.items() if v}}
        if any(e.get("file") == entry["file"] and i != doc_id for i, e in self._entries_by_id().items()):
            raise CorpusError(f"文件名与已有文档冲突：{entry['file']}")
        notify(progress, "parse", 0, 1)
        chunks, stated = parse_document(DocInfo(doc_id, meta.get("title", doc_id), source, entry))
        notify(progress, "parse", 1, 1)
        live = [c for c in self.engine.chunks() if c.doc != doc_id]
        target = self.uploads / entry["file"]
        _write(lambda: self.uploads.mkdir(parents=True, exist_ok=True))
        # The file is copied in beside its place first: a full disk fails here, before the index changes.
        with _staged(source, target) as staged:
            report = self.engine.commit(live + chunks, progress=progress)
            entries = self._entries_by_id()
            old = entries.get(doc_id)
            if staged is not None:
                _write(lambda: os.replace(staged, target))
            entries[doc_id] = entry
            self._write_manifest(list(entries.values()))
        if old and old.get("file") and old["file"] != entry["file"]:
            (self.uploads / str(old["file"])).unlink(missing_ok=True)
        return Change(DocumentInfo(doc_id, {**stated, "source": entry["file"]}, len(chunks)), report)

    def _live(self) -> list[DocInfo]:
        return read_documents(self.corpus, self.uploads)

    def _live_ids(self) -> set[str]:
        return {d.id for d in self._live()}

    def _seed_ids(self) -> set[str]:
        return {d.id for d in read_documents(self.corpus)}

    def _entries_by_id(self) -> dict[str, dict[str, Any]]:
        """The uploads manifest's entries: uploaded documents and removed seed documents."""
        return {str(e["id"]): e for e in read_uploads(self.uploads)}

    def _write_manifest(self, entries: list[dict[str, Any]]) -> None:
        tmp = self.uploads / f".{MANIFEST}.{os.getpid()}.tmp"
        text = json.dumps({"documents": entries}, ensure_ascii=False, indent=2) + "\n"
        try:
            _write(lambda: self.uploads.mkdir(parents=True, exist_ok=True))
            _write(lambda: tmp.write_text(text, encoding="utf-8"))
            _write(lambda: os.replace(tmp, self.uploads / MANIFEST))
        finally:
            tmp.unlink(missing_ok=True)


@contextmanager
def _staged(source: Path, target: Path) -> Iterator[Path | None]:
    """A copy of `source` under a temporary name beside `target` (None when it already is the target);
    removed on the way out unless it was renamed into place."""
    if source.resolve() == target.resolve():
        yield None
        return
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        _write(lambda: shutil.copyfile(source, tmp))
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def _write(action: Callable[[], object]) -> None:
    """Run a file write; an OS error (full disk, no permission) becomes a WriteFailed with a Chinese message."""
    try:
        action()
    except OSError as exc:
        raise WriteFailed(f"写入文档目录失败（{exc.strerror or exc}，如磁盘已满或没有写权限）。") from exc


def _slug(stem: str) -> str:
    """An ASCII id from a file name; a Chinese name gets a short hash of itself."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")
    return slug[:64] if len(slug) >= 3 else f"doc-{hashlib.sha1(stem.encode()).hexdigest()[:8]}"


def _missing(doc_id: str) -> DocumentInfo:
    raise CorpusError(f"文档不存在：{doc_id}")

