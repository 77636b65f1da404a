"""Request and response schemas of the portal API (/api/v1), separate from the engine's types."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rag.zh import normalize

from rag.types import Answer, Citation, Hit

MAX_CHARS = 1000


def _clean(value: str) -> str:
    """Control characters dropped, spacing folded; blank text is rejected."""
    value = normalize(value)
    if not value:
        raise ValueError("blank")
    return value


class HistoryTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    content: str = Field(max_length=4000)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"question": "高企到2025年要达到多少家？", "top_k": 5}]})
    question: str = Field(min_length=1, max_length=MAX_CHARS, description="问题（中文）")
    top_k: int = Field(default=5, ge=1, le=20)
    history: list[HistoryTurn] = Field(default_factory=list, max_length=20)

    @field_validator("question")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        return _clean(v)


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"query": "辣椒 精深加工", "top_k": 10}]})
    query: str = Field(min_length=1, max_length=MAX_CHARS)
    top_k: int = Field(default=10, ge=1, le=50)

    @field_validator("query")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        return _clean(v)


class CitationOut(BaseModel):
    id: str
    doc: str
    section: str
    text: str
    quote: str
    score: float

    @classmethod
    def of(cls, c: Citation) -> CitationOut:
        return cls(id=c.chunk.id, doc=c.chunk.doc, section=c.chunk.section, text=c.chunk.text, quote=c.quote, score=c.score)


class AskResponse(BaseModel):
    answer: str
    answerable: bool
    citations: list[CitationOut]
    kb_version: str

    @classmethod
    def of(cls, a: Answer) -> AskResponse:
        return cls(answer=a.answer, answerable=a.answerable, citations=[CitationOut.of(c) for c in a.citations], kb_version=a.kb_version)


class SearchResult(BaseModel):
    id: str
    doc: str
    section: str
    text: str
    score: float

    @classmethod
    def of(cls, h: Hit) -> SearchResult:
        return cls(id=h.chunk.id, doc=h.chunk.doc, section=h.chunk.section, text=h.chunk.text, score=h.score)


class SearchResponse(BaseModel):
    results: list[SearchResult]


class HealthResponse(BaseModel):
    status: str
    kb_version: str
    chunks: int


class ErrorResponse(BaseModel):
    code: str
    message: str
