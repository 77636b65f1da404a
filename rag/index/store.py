"""Chroma behind a small VectorStore Protocol, through langchain-chroma, embedded or client/server.

The collection is a content-addressed cache of chunk vectors: ids are chunk hashes, so a chunk that is
already there is never embedded again. Which chunks are *live* is decided by the knowledge-base manifest
(rag.index.kb), not by the collection, so an interrupted ingest never changes what is served.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import urlparse

from rag.core.types import Chunk
from rag.index.embedding import Embedder, LangChainEmbeddings

WRITE_BATCH = 64
# Chroma turns an id list into one SQL statement; SQLite refuses more than 32,766 variables, which a
# few hundred documents' chunks exceed.
ID_BATCH = 4096
T = TypeVar("T")


class StoreUnavailable(RuntimeError):
    """The vector store cannot be reached."""


class VectorStore(Protocol):
    """What the engine needs from a vector store."""

    def existing(self, ids: list[str]) -> set[str]: ...

    def add(self, chunks: list[Chunk], index_texts: list[str]) -> None: ...

    def all_ids(self) -> list[str]: ...

    def delete(self, ids: list[str]) -> None: ...

    def query(self, vector: list[float], k: int, docs: Sequence[str] = ()) -> list[tuple[str, float]]: ...


class ChromaStore:
    """langchain-chroma over a PersistentClient (default) or an HttpClient (`chroma run`)."""

    def __init__(
        self, embedder: Embedder, *, path: Path | None = None, url: str | None = None,
        timeout: float = 5.0, cooldown: float = 5.0, collection: str = "chunks",
    ) -> None:
        if (path is None) == (url is None):
            raise ValueError("ChromaStore needs exactly one of path or url")
        if timeout <= 0 or cooldown < 0:
            raise ValueError("timeout must be positive and cooldown non-negative")
        self.embedder, self.path, self.url = embedder, path, url
        self.timeout, self.cooldown = timeout, cooldown
        self.collection_name = f"{collection}-" + re.sub(r"[^A-Za-z0-9-]", "-", embedder.name)[:50]
        self._down_until = 0.0
        self._guard = threading.Lock()

    @property
    def available(self) -> bool:
        """False while a recent failure's cool-down runs: callers then skip the store instead of waiting."""
        return time.monotonic() >= self._down_until

    def _call(self, what: str, fn: Callable[[], T], *, serving: bool = False) -> T:
        """Run one store operation; any failure becomes StoreUnavailable. Serving calls (queries) also
        start a cool-down, so while the store is down questions skip it instead of waiting on it."""
        if serving and not self.available:
            raise StoreUnavailable(f"向量库暂不可用（{what}）")
        try:
            result = fn()
        except Exception as exc:  # chromadb raises many transport errors; all mean "not reachable"
            if serving:
                with self._guard:
                    self._down_until = time.monotonic() + self.cooldown
            raise StoreUnavailable(f"向量库{what}失败：{exc}") from exc
        if serving:
            self._down_until = 0.0
        return result

    @cached_property
    def _client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False)
        if self.url:
            import httpx

            parsed = urlparse(self.url)
            client = chromadb.HttpClient(
                host=parsed.hostname or "localhost", port=parsed.port or 8000, ssl=parsed.scheme == "https", settings=settings
            )
            # chromadb's HTTP session has no timeout at all: a hung server would hang every question.
            session = getattr(getattr(client, "_server", None), "_session", None)
            if isinstance(session, httpx.Client):
                session.timeout = httpx.Timeout(self.timeout)
            return client
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
        found: set[str] = set()
        for start in range(0, len(ids), ID_BATCH):
            part = ids[start : start + ID_BATCH]
            found |= self._call("读取", lambda: set(self._vs.get(ids=part, include=[])["ids"]))  # noqa: B023
        return found

    def add(self, chunks: list[Chunk], index_texts: list[str]) -> None:
        for start in range(0, len(chunks), WRITE_BATCH):
            part = chunks[start : start + WRITE_BATCH]
            metas = [{"doc": c.doc, "section": c.section, "kind": c.kind} for c in part]
            texts = index_texts[start : start + WRITE_BATCH]
            self._call("写入", lambda: self._vs.add_texts(texts, metadatas=metas, ids=[c.id for c in part]))  # noqa: B023

    def all_ids(self) -> list[str]:
        return self._call("读取", lambda: list(self._vs.get(include=[])["ids"]))

    def delete(self, ids: list[str]) -> None:
        for start in range(0, len(ids), ID_BATCH):
            part = ids[start : start + ID_BATCH]
            self._call("删除", lambda: self._vs.delete(ids=part))  # noqa: B023

    def query(self, vector: list[float], k: int, docs: Sequence[str] = ()) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) best first; only chunks of `docs` when given (a filter inside the
        store, so a scoped question does not fetch the whole knowledge base's nearest vectors)."""
        where = ({"doc": docs[0]} if len(docs) == 1 else {"doc": {"$in": list(docs)}}) if docs else None
        found = self._call("查询", lambda: self._vs.similarity_search_by_vector_with_relevance_scores(vector, k=k, filter=where),
                           serving=True)
        return [(doc.id, 1.0 - float(distance)) for doc, distance in found]

    def heartbeat(self) -> bool:
        """Probe the store now (ignoring any cool-down); success ends the cool-down."""
        try:
            self._client.heartbeat()
            self._vs  # noqa: B018 - also (re)opens the collection after the server came back
        except Exception:
            self._down_until = time.monotonic() + self.cooldown
            return False
        self._down_until = 0.0
        return True
