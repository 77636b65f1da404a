"""A full disk while the knowledge base changes: a clear Chinese error, the old version keeps serving, no
temporary files left behind, and the retry reuses the vectors already stored."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rag.engine import Engine
from rag.index import kb
from rag.index.kb import WriteFailed
from rag.ingest.documents import DocumentLibrary
from tests.builders import write_notices
from tests.conftest import Ingested, copy_corpus, copy_home, settings_for

pytestmark = pytest.mark.slow

VOUCHER_Q = "高企申领创新券，单张面额多少？"


def _disk_full(*_: Any, **__: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture()
def library(ingested: Ingested, tmp_path: Path) -> tuple[DocumentLibrary, dict[str, Path]]:
    engine = Engine(settings_for(copy_home(ingested.home, tmp_path / "home"), copy_corpus(tmp_path / "corpus")))
    assert engine.load()
    return DocumentLibrary(engine), write_notices(tmp_path / "src")


def _snapshot(docs: DocumentLibrary) -> tuple[str, bytes, bytes, bytes, list[str]]:
    settings = docs.engine.settings

    def read(path: Path) -> bytes:
        return path.read_bytes() if path.exists() else b""

    uploads = list(docs.uploads.iterdir()) if docs.uploads.exists() else []
    return (docs.engine.kb_version, (settings.index_dir / kb.MANIFEST).read_bytes(),
            read(docs.corpus / "manifest.json"), read(docs.uploads / "manifest.json"),
            sorted(p.name for p in (*docs.corpus.iterdir(), *uploads, *settings.index_dir.iterdir())))


def test_a_full_disk_while_copying_the_file_changes_nothing(library: tuple[DocumentLibrary, dict[str, Path]],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    docs, src = library
    before = _snapshot(docs)
    monkeypatch.setattr(shutil, "copyfile", _disk_full)
    with pytest.raises(WriteFailed, match="磁盘已满"):
        docs.add(src["voucher"], doc_id="voucher")
    assert _snapshot(docs) == before  # index, manifests and folders exactly as they were: no .tmp left
    assert [d.id for d in docs.documents()] == ["zunyi-sti-plan"]


def test_a_full_disk_while_swapping_the_index_keeps_the_old_version_and_the_retry_reuses_vectors(
        library: tuple[DocumentLibrary, dict[str, Path]], monkeypatch: pytest.MonkeyPatch) -> None:
    docs, src = library
    before = _snapshot(docs)
    with monkeypatch.context() as patch:
        patch.setattr(kb.os, "fsync", _disk_full)  # the new vectors are stored; writing the new manifest fails
        with pytest.raises(WriteFailed, match="当前版本继续服务"):
            docs.add(src["voucher"], doc_id="voucher")
    assert _snapshot(docs) == before
    assert docs.engine.ask("高企到2025年要达到多少家？").answerable  # the old version answers as before
    retry = docs.add(src["voucher"], doc_id="voucher").report
    assert retry.changed and retry.embedded == 0  # the vectors stored before the failure are reused
    assert docs.engine.ask(VOUCHER_Q).citations[0].chunk.doc == "voucher"


def test_the_api_answers_507_in_chinese(
        library: tuple[DocumentLibrary, dict[str, Path]], monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.api.api import create_app
    from ui.api.keys import digest

    docs, src = library
    key = "test-key-for-disk-full"
    settings = docs.engine.settings.model_copy(update={"api_keys": digest(key)})
    client = TestClient(create_app(docs.engine, settings))
    monkeypatch.setattr(shutil, "copyfile", _disk_full)
    response = client.post("/api/v1/documents", headers={"X-API-Key": key},
                           files={"file": ("voucher-rules.docx", src["voucher"].read_bytes())})
    assert response.status_code == 507
    body = response.json()
    assert body["code"] == "storage_error" and "磁盘已满" in body["message"] and body["request_id"]
    assert client.get("/api/v1/documents").json()["kb_version"] == docs.engine.kb_version
