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


async def answer_events(generated: AsyncIterator[str | Answer], *, titled: bool, degraded: bool) -> AsyncIterator[str]:
    """The answer in pieces (an LLM's verified sentences as they arrive, else the extractive answer sentence
    by sentence), each citation numbered as in the [n] markers, then a closing summary."""
    final: Answer | None = None
    shown = False
    async for item in generated:
        if isinstance(item, Answer):
            final = item
        else:
            shown = True
            yield event("answer", {"text": item})
    assert final is not None, "the generation stream ends with the final answer"
    answer = AskResponse.of(final, titled=titled)
    if not shown:
        for piece in split_sentences(answer.answer) or [answer.answer]:
            yield event("answer", {"text": piece})
    for n, citation in enumerate(answer.citations, start=1):
        yield event("citation", {"n": n, **citation.model_dump()})
    yield event("done", {"answerable": answer.answerable, "kb_version": answer.kb_version,
                         "citations": len(answer.citations), "degraded": degraded, "generated_by": answer.generated_by})
