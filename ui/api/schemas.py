"""Request and response schemas of the portal API (/api/v1), separate from the engine's types."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rag.core.types import Answer, Chunk, Citation, Hit
from rag.core.zh import normalize
from rag.matching.match import Direction, MatchResult, Profile
from rag.matching.measures import Measure

MAX_CHARS = 1000
# At least one character that is neither white space nor a control character: the published schema then
# says what _clean enforces, so "schema-valid" and "accepted" agree.
VISIBLE = r"[^\s\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"


def _clean(value: str) -> str:
    """Control characters dropped, spacing folded; blank text is rejected."""
    value = normalize(value)
    if not value:
        raise ValueError("blank")
    return value


def doc_fields(chunk: Chunk) -> dict[str, str]:
    """The title and 文号 of the document a chunk comes from."""
    return {"doc_title": str(chunk.meta.get("doc_title", "")), "doc_number": str(chunk.meta.get("doc_number", ""))}


class HistoryTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    content: str = Field(max_length=4000)

    @field_validator("content")
    @classmethod
    def _strip_control(cls, v: str) -> str:
        return normalize(v)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"question": "高企到2025年要达到多少家？", "top_k": 5}]})
    question: str = Field(min_length=1, max_length=MAX_CHARS, pattern=VISIBLE, description="问题（中文）")
    top_k: int = Field(default=5, ge=1, le=20)
    history: list[HistoryTurn] = Field(default_factory=list, max_length=20)
    docs: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(
        default_factory=list, max_length=50, description="只在这些文档中查找（文档编号，见 /api/v1/documents）；默认全部"
    )

    @field_validator("question")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        return _clean(v)


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"query": "辣椒 精深加工", "top_k": 10}]})
    query: str = Field(min_length=1, max_length=MAX_CHARS, pattern=VISIBLE)
    top_k: int = Field(default=10, ge=1, le=50)
    docs: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(
        default_factory=list, max_length=50, description="只在这些文档中查找（文档编号，见 /api/v1/documents）；默认全部"
    )

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
    # Only when the knowledge base holds several documents: the single-plan contract keeps its keys.
    doc_title: str | None = Field(default=None, exclude_if=lambda v: v is None, description="所属文档标题（多文档时）")
    doc_number: str | None = Field(default=None, exclude_if=lambda v: v is None, description="所属文档文号（多文档时）")
    page: int | None = Field(default=None, exclude_if=lambda v: v is None, description="原文页码（有页码的文档）")
    page_end: int | None = Field(default=None, exclude_if=lambda v: v is None, description="跨页时的末页页码")

    @classmethod
    def of(cls, c: Citation, *, titled: bool = False) -> CitationOut:
        return cls(id=c.chunk.id, doc=c.chunk.doc, section=c.chunk.section, text=c.chunk.text, quote=c.quote, score=c.score,
                   page=c.chunk.meta.get("page"),
                   page_end=c.chunk.meta.get("page_end"), **(doc_fields(c.chunk) if titled else {}))


class AskResponse(BaseModel):
    answer: str
    answerable: bool
    citations: list[CitationOut]
    kb_version: str
    generated_by: Literal["llm", "extractive"] = Field(
        default="extractive", description="extractive：摘录原文；llm：配置的大模型据引用原文改写，且每句的数字与名称已核对")

    @classmethod
    def of(cls, a: Answer, *, titled: bool = False) -> AskResponse:
        return cls(answer=a.answer, answerable=a.answerable, citations=[CitationOut.of(c, titled=titled) for c in a.citations],
                   kb_version=a.kb_version, generated_by=a.generated_by)


class SearchResult(BaseModel):
    id: str
    doc: str
    section: str
    text: str
    score: float
    # Only when the knowledge base holds several documents: the single-plan contract keeps its keys.
    doc_title: str | None = Field(default=None, exclude_if=lambda v: v is None, description="所属文档标题（多文档时）")
    doc_number: str | None = Field(default=None, exclude_if=lambda v: v is None, description="所属文档文号（多文档时）")
    page: int | None = Field(default=None, exclude_if=lambda v: v is None, description="原文页码（有页码的文档）")
    page_end: int | None = Field(default=None, exclude_if=lambda v: v is None, description="跨页时的末页页码")

    @classmethod
    def of(cls, h: Hit, *, titled: bool = False) -> SearchResult:
        return cls(id=h.chunk.id, doc=h.chunk.doc, section=h.chunk.section, text=h.chunk.text, score=h.score,
                   page=h.chunk.meta.get("page"),
                   page_end=h.chunk.meta.get("page_end"), **(doc_fields(h.chunk) if titled else {}))


class SearchResponse(BaseModel):
    results: list[SearchResult]


class HealthResponse(BaseModel):
    status: str
    kb_version: str
    chunks: int


class ReadyResponse(BaseModel):
    status: Literal["ready"]
    index: bool
    vector_store: Literal["ok", "none"] = Field(description="ok：向量库可达；none：未配置向量库（仅关键词检索）")
    kb_version: str


class ErrorResponse(BaseModel):
    code: str = Field(examples=["empty_question"])
    message: str = Field(description="中文说明", examples=["字段 question 不能为空。"])
    request_id: str = Field(description="与响应头 X-Request-ID 相同，便于排查", examples=["3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b"])


class MatchRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"description": "我们是做辣椒酱和油辣椒的食品企业，在新蒲，想上自动化灌装线", "top_k": 5}]},
    )
    description: str = Field(min_length=1, max_length=MAX_CHARS, pattern=VISIBLE, description="企业情况：主营业务、产品、技术、打算")
    industry: str | None = Field(default=None, max_length=100, description="所属行业")
    products: list[Annotated[str, Field(max_length=100)]] | None = Field(default=None, max_length=20, description="主要产品或技术")
    tags: list[Annotated[str, Field(max_length=100)]] | None = Field(default=None, max_length=20, description="资质或阶段，如 高新技术企业、初创期")
    top_k: int = Field(default=5, ge=1, le=20)

    @field_validator("description")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        return _clean(v)

    def profile(self) -> Profile:
        products, tags = (tuple(t for t in map(normalize, v or ()) if t) for v in (self.products, self.tags))
        return Profile(self.description, normalize(self.industry or ""), products, tags)


class MatchCitationOut(BaseModel):
    id: str
    section: str
    text: str
    quote: str

    @classmethod
    def grouped(cls, cites: tuple[Citation, ...]) -> list[MatchCitationOut]:
        """One entry per cited passage, its quoted items joined with "；"."""
        quotes: dict[str, list[Citation]] = {}
        for c in cites:
            quotes.setdefault(c.chunk.id, []).append(c)
        return [
            cls(id=cid, section=cs[0].chunk.section, text=cs[0].chunk.text, quote="；".join(dict.fromkeys(c.quote for c in cs)))
            for cid, cs in quotes.items()
        ]


class MatchOut(BaseModel):
    title: str
    section: str
    doc: str = Field(description="所在文档的 id")
    items: list[str]
    reason: str
    score: float
    citations: list[MatchCitationOut]

    @classmethod
    def of(cls, d: Direction) -> MatchOut:
        return cls(title=d.title, section=d.section, doc=d.doc, items=[c.quote for c in d.items], reason=d.reason, score=d.score,
                   citations=MatchCitationOut.grouped(d.items))


class MeasureOut(BaseModel):
    name: str
    condition: str
    citations: list[MatchCitationOut]

    @classmethod
    def of(cls, m: Measure) -> MeasureOut:
        return cls(name=m.name, condition=m.condition, citations=MatchCitationOut.grouped(m.citations))


class MatchResponse(BaseModel):
    matches: list[MatchOut]
    measures: list[MeasureOut]
    kb_version: str
    message: str = Field(description="一句话结论；没有对应方向时如实说明")

    @classmethod
    def of(cls, r: MatchResult) -> MatchResponse:
        return cls(matches=[MatchOut.of(d) for d in r.directions], measures=[MeasureOut.of(m) for m in r.measures],
                   kb_version=r.kb_version, message=r.message)
