"""The OpenAI-compatible surface (/v1/models, /v1/chat/completions): the knowledge base as a chat model.

Dify, Open WebUI, LangChain's ChatOpenAI or the `openai` SDK plug in with a base URL. The last user message
is the question and the earlier turns are the history, as in /api/v1/ask; keys, limits and the engine are
the same. Errors use OpenAI's shape ({"error": {"message", "type", "code"}}, ui.api.middleware).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import iterate_in_threadpool, run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from rag.answering.query import Turn
from rag.core.types import Answer, Citation
from rag.core.zh import normalize
from rag.engine import Engine
from ui.api import examples
from ui.api.access import ApiError, read_access
from ui.api.middleware import error_payload
from ui.api.schemas import MAX_CHARS, CitationOut
from ui.api.stream import answer_pieces
from ui.web.render import document_name

MODEL_ID = "policy-rag"
SOURCES = "参考来源："
RELATED = "相关内容："
MAX_MESSAGES = 41  # the question and up to 20 exchanges, as /api/v1/ask's history allows


class ContentPart(BaseModel):
    """One part of a message in the list form some clients send ([{"type": "text", "text": …}])."""

    model_config = ConfigDict(extra="allow")
    type: str = Field(max_length=40)
    text: str | None = Field(default=None, max_length=8000)


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = Field(default=None)

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content if p.type in ("text", "input_text"))
        return self.content or ""


class ChatCompletionRequest(BaseModel):
    # Clients send many more fields (n, stop, user, stream_options, presence_penalty…): accepted and ignored.
    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "model": MODEL_ID, "messages": [{"role": "user", "content": "高企到2025年要达到多少家？"}],
    }]})
    model: str = Field(min_length=1, max_length=100, description=f"固定为 {MODEL_ID}（见 /v1/models）")
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_MESSAGES, description="最后一条 user 消息是问题，之前的是对话历史")
    stream: bool = False
    temperature: float | None = Field(default=None, ge=0, le=2, description="接受但不使用（答案取自原文）")
    max_tokens: int | None = Field(default=None, ge=1, description="接受但不使用")
    docs: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(
        default_factory=list, max_length=50, description="扩展字段：只在这些文档中查找（文档编号）；默认全部")


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class ReplyMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class Choice(BaseModel):
    index: int = 0
    message: ReplyMessage
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage
    citations: list[CitationOut] = Field(description="与回答中的 [n] 对应的引用原文（OpenAI 客户端会忽略此字段）")
    answerable: bool
    generated_by: Literal["llm", "extractive"]
    kb_version: str


class OpenAIErrorBody(BaseModel):
    message: str = Field(description="中文说明", examples=["模型 gpt-4o 不存在，可用的模型：policy-rag。"])
    type: str = Field(examples=["not_found_error"])
    code: str = Field(examples=["model_not_found"])
    param: str | None = None
    request_id: str = Field(description="与响应头 X-Request-ID 相同")


class OpenAIError(BaseModel):
    """OpenAI's error shape, which its clients parse (openai.NotFoundError and the like)."""

    error: OpenAIErrorBody


def _error_example(status: int) -> dict[str, Any]:
    code, message = (("model_not_found", "模型 gpt-4o 不存在，可用的模型：policy-rag。") if status == 404
                     else examples.ERRORS[status])
    return error_payload(code, message, examples.error_example(status)["request_id"], path="/v1/", status=status)


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": OpenAIError, "content": examples.json_example(_error_example(code))} for code in (400, 401, 404, 413, 422, 429, 500)
}
_ANSWER = examples.ASK["answer"]
_CITATION = examples.ASK["citations"][0]
COMPLETION_EXAMPLE: dict[str, Any] = {
    "id": "chatcmpl-3f2a9c0e5b7d4e1f8a6b2c9d", "object": "chat.completion", "created": 1764547200, "model": MODEL_ID,
    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": (
        f"{_ANSWER}\n\n{SOURCES}\n[1] 《规划》 › {_CITATION['section']}：“{_CITATION['quote']}”")}}],
    "usage": {"prompt_tokens": 13, "completion_tokens": 120, "total_tokens": 133},
    "citations": [_CITATION], "answerable": True, "generated_by": "extractive", "kb_version": examples.KB,
}
STREAM_EXAMPLE = (
    'data: {"id": "chatcmpl-…", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}\n\n'
    f'data: {{"id": "chatcmpl-…", "object": "chat.completion.chunk", "choices": [{{"index": 0, "delta": {{"content": "{_ANSWER}"}}}}]}}\n\n'
    'data: {"id": "chatcmpl-…", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "citations": […]}\n\n'
    "data: [DONE]\n\n"
)


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def conversation(body: ChatCompletionRequest) -> tuple[str, list[Turn]]:
    """The question (the last user message) and the earlier user/assistant turns as history."""
    last = body.messages[-1]
    if last.role != "user":
        raise ApiError(422, "last_message_not_user", "最后一条消息必须是用户的问题（role 为 user）。")
    question = normalize(last.text())
    if not question:
        raise ApiError(422, "empty_question", "问题不能为空。")
    if len(question) > MAX_CHARS:
        raise ApiError(422, "too_long", f"问题超过长度限制（最多 {MAX_CHARS} 字）。")
    history = [Turn(m.role, _answer_only(normalize(m.text()))[:4000]) for m in body.messages[:-1] if m.role in ("user", "assistant")]
    return question, [t for t in history if t.content]


def _answer_only(text: str) -> str:
    """Our own earlier reply as the client sends it back: the answer without its sources block."""
    for block in (SOURCES, RELATED):
        text = text.split(f"\n\n{block}", 1)[0]
    return text


def check_model(body: ChatCompletionRequest) -> None:
    if body.model != MODEL_ID:
        raise ApiError(404, "model_not_found", f"模型 {body.model[:100]} 不存在，可用的模型：{MODEL_ID}。")


def sources_block(answer: Answer) -> str:
    """The citations as text under the answer: document › section：“quote”, numbered as the markers."""
    if not answer.citations:
        return ""
    head = SOURCES if answer.answerable else RELATED
    lines = [f"[{n}] {document_name(c.chunk)} › {c.chunk.section}{_page(c)}：“{c.quote or c.chunk.text[:200]}”"
             for n, c in enumerate(answer.citations, start=1)]
    return f"\n\n{head}\n" + "\n".join(lines)


def _usage(question: str, history: list[Turn], content: str) -> Usage:
    # No tokenizer of an LLM here: characters are the honest count for Chinese text.
    prompt = len(question) + sum(len(t.content) for t in history)
    return Usage(prompt_tokens=prompt, completion_tokens=len(content), total_tokens=prompt + len(content))


def _chunk(cid: str, created: int, delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
    body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


router = APIRouter(prefix="/v1", tags=["OpenAI 兼容"], dependencies=[Depends(read_access)], responses=ERRORS)
EngineDep = Annotated[Engine, Depends(get_engine)]


@router.get("/models", response_model=ModelList, summary="OpenAI 兼容：可用模型（知识库本身）",
            responses={200: {"content": examples.json_example({"object": "list", "data": [
                {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "policy-rag"}]})}})
def models(engine: EngineDep) -> ModelList:
    return ModelList(data=[ModelCard(id=MODEL_ID, created=0, owned_by="policy-rag")])


@router.post("/chat/completions", response_model=ChatCompletion, summary="OpenAI 兼容：对话补全（答案 + 参考来源）",
             responses={200: {"description": "stream=false：chat.completion；stream=true：chat.completion.chunk 事件，最后 data: [DONE]",
                              "content": {**examples.json_example(COMPLETION_EXAMPLE), "text/event-stream": {"example": STREAM_EXAMPLE}}}})
async def chat_completions(body: ChatCompletionRequest, engine: EngineDep) -> ChatCompletion | StreamingResponse:
    check_model(body)
    question, history = conversation(body)
    titled = engine.several_documents
    cid, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
    # The engine decides answerability and citations first (errors still become JSON); only then may the
    # optional LLM rewrite, streamed when the client asked for a stream.
    extracted = await run_in_threadpool(engine.extract, question, 5, history, docs=body.docs)
    if not body.stream:
        final = await run_in_threadpool(engine.generate, question, history, extracted)
        content = final.answer + sources_block(final)
        return ChatCompletion(
            id=cid, created=created, model=MODEL_ID, choices=[Choice(message=ReplyMessage(content=content))],
            usage=_usage(question, history, content), citations=[CitationOut.of(c, titled=titled) for c in final.citations],
            answerable=final.answerable, generated_by=final.generated_by, kb_version=final.kb_version,
        )

    async def events() -> AsyncIterator[str]:
        yield _chunk(cid, created, {"role": "assistant", "content": ""})
        final = extracted
        async for item in answer_pieces(iterate_in_threadpool(engine.generate_stream(question, history, extracted))):
            if isinstance(item, Answer):
                final = item
            else:
                yield _chunk(cid, created, {"content": item})
        if final.citations:
            yield _chunk(cid, created, {"content": sources_block(final)})
        yield _chunk(cid, created, {}, "stop", citations=[CitationOut.of(c, titled=titled).model_dump() for c in final.citations],
                     answerable=final.answerable, generated_by=final.generated_by, kb_version=final.kb_version)
        yield "data: [DONE]\n\n"

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
def unknown(path: str, request: Request) -> JSONResponse:
    raise ApiError(404, "not_found", f"接口不存在：/v1/{path[:200]}")


def _page(c: Citation) -> str:
    return f"（{c.chunk.page_label}）" if c.chunk.page_label else ""
