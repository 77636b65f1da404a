"""The LangChain seam: the engine's hybrid search as a `BaseRetriever`, droppable into any chain."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, field_validator

from rag.engine import Engine


class PlanRetriever(BaseRetriever):
    """Hybrid (BM25 + bigram + dense) retrieval over the plan; metadata carries the section path."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    engine: Engine
    k: int = 5

    @field_validator("k")
    @classmethod
    def _positive(cls, k: int) -> int:
        if k <= 0:
            raise ValueError("k must be positive")
        return k

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **_: Any) -> list[Document]:
        return [
            Document(
                page_content=hit.chunk.text,
                id=hit.chunk.id,
                metadata={"doc": hit.chunk.doc, "section": hit.chunk.section, "kind": hit.chunk.kind, "score": hit.score},
            )
            for hit in self.engine.search(query, self.k)
        ]
