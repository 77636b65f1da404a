"""Chroma behind a small VectorStore Protocol, through langchain-chroma, embedded or client/server.

The collection is a content-addressed cache of chunk vectors: ids are chunk hashes, so a chunk that is
already there is never embedded again. Which chunks are *live* is decided by the knowledge-base manifest
(rag.kb), not by the collection, so an interrupted ingest never changes what is served.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from rag.embedding import Embedder, LangChainEmbeddings
from rag.types import Chunk

WRITE_BATCH = 64


class StoreUnavailable(RuntimeError):
    """The vector store cannot be reached."""


class VectorStore(Protocol):
    """What the engine needs from a vector store."""

    def existing(self, ids: list[str]) -> set[str]: ...

    def add(self, chunks: list[Chunk], index_texts: list[str]) -> None: ...

    def all_ids(self) -> list[str]: ...

    def delete(self, ids: list[str]) -> None: ...

    def query(self, vector: list[float], k: int) -> list[tuple[str, float]]: ...


class ChromaStore:
    """langchain-chroma over a PersistentClient (default) or an HttpClient (`chroma run`)."""

    def __init__(self, embedder: Embedder, *, path: Path | None = None, url: str | None = None) -> None:
        if (path is None) == (url is None):
            raise ValueError("ChromaStore needs exactly one of path or url")
        self.embedder, self.path, self.url = embedder, path, url
        self.collection_name = "chunks-" + re.sub(r"[^A-Za-z0-9-]", "-", embedder.name)[:50]

    @cached_property
    def _client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False)
        if self.url:
            parsed = urlparse(self.url)
            return chromadb.HttpClient(
                host=parsed.hostname or "localhost", port=parsed.port or 8000, ssl=parsed.scheme == "https", settings=settings
            )
        assert self.path is not None
        self.path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(self.path), settings=settings)

    @cached_property
    def _vs(self) -> Any:
        from langchain_chroma import Chroma

        try:
            return Chroma(
                collection_name=self.collection_name,
                embedding_function=LangChainEmbeddings(self.embedder),
                client=self._client,
                collection_metadata={"hnsw:space": "cosine"},
            )
        except Exception as exc:  # chromadb raises many transport errors; all mean "not reachable"
            self.__dict__.pop("_client", None)
            raise StoreUnavailable(f"向量库不可用：{exc}") from exc

    def existing(self, ids: list[str]) -> set[str]:
        return set(self._vs.get(ids=ids, include=[])["ids"]) if ids else set()

    def add(self, chunks: list[Chunk], index_texts: list[str]) -> None:
        for start in range(0, len(chunks), WRITE_BATCH):
            part = chunks[start : start + WRITE_BATCH]
            metas = [{"doc": c.doc, "section": c.section, "kind": c.kind} for c in part]
            self._vs.add_texts(index_texts[start : start + WRITE_BATCH], metadatas=metas, ids=[c.id for c in part])

    def all_ids(self) -> list[str]:
        return list(self._vs.get(include=[])["ids"])

    def delete(self, ids: list[str]) -> None:
        if ids:
            self._vs.delete(ids=ids)

    def query(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) best first."""
        try:
            found = self._vs.similarity_search_by_vector_with_relevance_scores(vector, k=k)
        except Exception as exc:
            raise StoreUnavailable(f"向量库查询失败：{exc}") from exc
        return [(doc.id, 1.0 - float(distance)) for doc, distance in found]

    def heartbeat(self) -> bool:
        try:
            self._client.heartbeat()
            return True
        except Exception:
            return False
