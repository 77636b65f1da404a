"""The engine's search through LangChain's retriever interface."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from rag.engine import Engine
from rag.retrieval.retriever import PlanRetriever


def test_retriever_returns_documents_with_section_paths(engine: Engine) -> None:
    docs = PlanRetriever(engine=engine, k=3).invoke("辣椒精深加工关键技术")
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert "专栏5-3" in docs[0].metadata["section"]
    assert docs[0].id and docs[0].metadata["doc"] == "zunyi-sti-plan"


def test_retriever_rejects_a_non_positive_k(engine: Engine) -> None:
    with pytest.raises(ValueError):
        PlanRetriever(engine=engine, k=0)
