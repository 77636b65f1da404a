"""The few data types every stage shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

GeneratedBy = Literal["llm", "extractive"]


@dataclass(frozen=True)
class Section:
    """A titled stretch of the document: its breadcrumb path, kind and paragraphs."""

    path: tuple[str, ...]
    kind: str  # "body" | "column"
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Record:
    """One structured table row, attributed to the section that holds the table."""

    table: str
    path: tuple[str, ...]
    fields: dict[str, str]
    text: str


@dataclass(frozen=True)
class Chunk:
    """The unit we index and cite; `id` is a hash of its content and place."""

    id: str
    doc: str
    section: str
    kind: str  # "body" | "column" | "table-row"
    text: str
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def title(self) -> str:
        """The last breadcrumb step, which travels with the chunk into the indexes."""
        return self.section.split(" › ")[-1]

    @property
    def page_label(self) -> str:
        """第N页 (第N–M页 across a page break) when the source has pages, else empty."""
        first, last = self.meta.get("page"), self.meta.get("page_end")
        if first is None:
            return ""
        return f"第{first}–{last}页" if last not in (None, first) else f"第{first}页"


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the rank it got from each retriever."""

    chunk: Chunk
    score: float
    ranks: dict[str, int] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Citation:
    """A cited chunk and the sentence(s) of it the answer uses."""

    chunk: Chunk
    quote: str
    score: float


@dataclass(frozen=True)
class Answer:
    """A composed answer; `answer` carries [n] markers that index `citations` from 1."""

    answer: str
    answerable: bool
    citations: tuple[Citation, ...]
    kb_version: str
    intent: str = "fact"
    related: tuple[Hit, ...] = ()
    generated_by: GeneratedBy = "extractive"  # "llm": an optional LLM rewrote it and every sentence was verified
    confidence: float = 0.0  # the answerability model's probability, where the extractive answerer decided
