"""Server-Sent Events for the portal's chat widget: the answer in pieces, then each citation, then done."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from rag.core.types import Answer
from rag.core.zh import split_sentences
from ui.api.schemas import AskResponse

SSE_EXAMPLE = (
    'event: answer\ndata: {"text": "根据《规划》，高新技术企业：2020年为212家，2025年目标为400家[1]。"}\n\n'
    'event: citation\ndata: {"n": 1, "id": "…", "doc": "zunyi-sti-plan", "section": "…", "text": "…", "quote": "…", "score": 0.2}\n\n'
    'event: done\ndata: {"answerable": true, "kb_version": "…", "citations": 1, "degraded": false, "generated_by": "extractive"}\n\n'
)


def event(name: str, data: Any) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def answer_pieces(generated: AsyncIterator[str | Answer]) -> AsyncIterator[str | Answer]:
    """The answer's text in pieces — an LLM's verified sentences as they arrive, else the extractive answer
    sentence by sentence — then the final Answer itself (both streams, /api/v1 and /v1, read it so)."""
    final: Answer | None = None
    shown = False
    async for item in generated:
        if isinstance(item, Answer):
            final = item
        else:
            shown = True
            yield item
    assert final is not None, "the generation stream ends with the final answer"
    if not shown:
        for piece in split_sentences(final.answer) or [final.answer]:
            yield piece
    yield final


async def answer_events(generated: AsyncIterator[str | Answer], *, titled: bool, degraded: bool) -> AsyncIterator[str]:
    """The answer in pieces, each citation numbered as in the [n] markers, then a closing summary."""
    async for item in answer_pieces(generated):
        if isinstance(item, str):
            yield event("answer", {"text": item})
            continue
        answer = AskResponse.of(item, titled=titled)
        for n, citation in enumerate(answer.citations, start=1):
            yield event("citation", {"n": n, **citation.model_dump()})
        yield event("done", {"answerable": answer.answerable, "kb_version": answer.kb_version,
                             "citations": len(answer.citations), "degraded": degraded, "generated_by": answer.generated_by})
