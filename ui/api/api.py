"""The portal's HTTP API: thin routes that build engine calls; every error is JSON with a Chinese message."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.concurrency import iterate_in_threadpool, run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rag.answering.query import Turn
from rag.core.settings import Settings
from rag.core.types import Answer
from rag.engine import Engine, UnknownDocument
from ui.api import examples
from ui.api.access import ApiError, Gate, declare_optional_reads, read_access
from ui.api.documents_api import JOB_LIMIT
from ui.api.documents_api import router as documents_router
from ui.api.jobs import JobBoard
from ui.api.middleware import RequestEnvelope, error_payload, request_id_of
from ui.api.openai_api import router as openai_router
from ui.api.schemas import (
    AskRequest,
    AskResponse,
    ErrorResponse,
    HealthResponse,
    MatchRequest,
    MatchResponse,
    ReadyResponse,
    SearchRequest,
    SearchResponse,
    SearchResult,
)
from ui.api.stream import SSE_EXAMPLE, answer_events

log = logging.getLogger(__name__)
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "content": examples.json_example(examples.error_example(code))}
    for code in (400, 401, 404, 413, 422, 429, 500)
}
DEGRADED = "X-Degraded"
_STATUS_MESSAGES = {
    404: ("not_found", "请求的地址不存在。"),
    405: ("method_not_allowed", "不支持该请求方法。"),
    413: ("too_large", "请求内容过大。"),
}


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def error(request: Request, status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    """An error in the API's one shape, carrying the request's id."""
    payload = error_payload(code, message, request_id_of(request.scope), path=request.url.path, status=status, **extra)
    return JSONResponse(payload, status_code=status)


def mark_degraded(engine: Engine, request: Request, response: Response) -> None:
    """Say so (header + access log) when the answer came from lexical retrieval only."""
    if engine.degraded:
        response.headers[DEGRADED] = "lexical-only"
        request.state.degraded = True


EngineDep = Annotated[Engine, Depends(get_engine)]
router = APIRouter(prefix="/api/v1", responses={422: ERRORS[422]})
READ = [Depends(read_access)]


ASK_EXAMPLES: dict[int | str, dict[str, Any]] = {200: {"content": {"application/json": {"examples": {
    "answered": {"summary": "有答案：引用原文", "value": examples.ASK},
    "not_found": {"summary": "原文没有答案：明确说明未找到", "value": examples.ASK_NOT_FOUND},
}}}}}


@router.post("/ask", response_model=AskResponse, summary="提问：返回简短答案与引用原文", dependencies=READ, responses=ASK_EXAMPLES)
def ask(body: AskRequest, engine: EngineDep, request: Request, response: Response) -> AskResponse:
    history = [Turn(t.role, t.content) for t in body.history]
    answer = engine.ask(body.question, top_k=body.top_k, history=history, docs=body.docs)
    mark_degraded(engine, request, response)
    return AskResponse.of(answer, titled=engine.several_documents)


@router.post("/ask/stream", summary="提问（流式）：Server-Sent Events，先答案后引用", dependencies=READ, response_class=StreamingResponse,
             responses={200: {"content": {"text/event-stream": {"example": SSE_EXAMPLE}}, "description": "answer → citation… → done"}})
async def ask_stream(body: AskRequest, engine: EngineDep, request: Request) -> StreamingResponse:
    history = [Turn(t.role, t.content) for t in body.history]
    def extract_marked() -> tuple[Answer, bool]:  # the degraded flag is per thread: read it where ask ran
        return engine.extract(body.question, top_k=body.top_k, history=history, docs=body.docs), engine.degraded

    # The extractive answer first (errors are still JSON); then the optional LLM's verified sentences stream.
    answer, degraded = await run_in_threadpool(extract_marked)
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **({DEGRADED: "lexical-only"} if degraded else {})}
    titled = engine.several_documents
    generated = iterate_in_threadpool(engine.generate_stream(body.question, history, answer))
    return StreamingResponse(answer_events(generated, titled=titled, degraded=degraded), media_type="text/event-stream", headers=headers)


@router.post("/search", response_model=SearchResponse, summary="检索：返回最相关的段落", dependencies=READ,
             responses={200: {"content": examples.json_example(examples.SEARCH)}})
def search(body: SearchRequest, engine: EngineDep, request: Request, response: Response) -> SearchResponse:
    hits = engine.search(body.query, body.top_k, docs=body.docs)
    mark_degraded(engine, request, response)
    return SearchResponse(results=[SearchResult.of(h, titled=engine.several_documents) for h in hits])


@router.post("/match", response_model=MatchResponse, summary="企业匹配：返回适用的规划方向、原文条目与支持措施", dependencies=READ,
             responses={200: {"content": examples.json_example(examples.MATCH)}})
def match(body: MatchRequest, engine: EngineDep, request: Request, response: Response) -> MatchResponse:
    result = engine.match(body.profile(), top_k=body.top_k)
    mark_degraded(engine, request, response)
    return MatchResponse.of(result)


@router.get("/health", response_model=HealthResponse, summary="存活检查：进程在运行",
            responses={200: {"content": examples.json_example(examples.HEALTH)}})
def health(engine: EngineDep) -> HealthResponse:
    return HealthResponse(status="ok", kb_version=engine.kb_version, chunks=len(engine.chunks()))


@router.get("/ready", response_model=ReadyResponse, summary="就绪检查：索引已加载、向量库可达",
            responses={200: {"content": examples.json_example(examples.READY)},
                       503: {"model": ErrorResponse, "description": "未就绪（索引未加载或向量库不可达）",
                             "content": examples.json_example({**examples.error_example(503), "index": True, "vector_store": "down"})}})
def ready(engine: EngineDep, request: Request) -> ReadyResponse | JSONResponse:
    checks = engine.readiness()
    store_up = checks["vector_store"]
    if not checks["index"] or store_up is False:
        why = "索引尚未加载。" if not checks["index"] else "向量库不可达，问答暂以关键词检索降级提供。"
        return error(request, 503, "not_ready", why, index=bool(checks["index"]), vector_store="down" if store_up is False else "none")
    return ReadyResponse(status="ready", index=True, vector_store="ok" if store_up else "none", kb_version=engine.kb_version)


@router.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
def unknown(path: str, request: Request) -> JSONResponse:
    """Unknown API paths and wrong methods answer in the API's JSON error shape, not the chat's."""
    known = {str(getattr(r, "path", "")) for r in router.routes} - {"/api/v1/{path:path}"}
    if f"/api/v1/{path}" in known:
        return error(request, 405, "method_not_allowed", f"该接口不支持 {request.method} 请求。")
    return error(request, 404, "not_found", f"接口不存在：/api/v1/{path[:200]}")


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    errors = exc.errors()
    first = errors[0] if errors else {}
    kind, where = str(first.get("type", "")), ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    if kind == "json_invalid" or "json" in kind:
        return "invalid_json", "请求体不是合法的 JSON。"
    if kind in ("missing",):
        return "missing_field", f"缺少必填字段：{where}。"
    if kind in ("string_too_short", "string_pattern_mismatch", "value_error"):
        return "empty_question", f"字段 {where} 不能为空。"
    if kind in ("string_too_long", "too_long"):
        return "too_long", f"字段 {where} 超过长度限制（问题最多 1000 字）。"
    if kind in ("extra_forbidden",):
        return "unknown_field", f"不支持的字段：{where}。"
    return "invalid_request", f"请求参数不合法：{where}（{kind}）。"


def create_app(engine: Engine, settings: Settings | None = None) -> FastAPI:
    """The API app around one engine (no work at import: the engine is built and passed in)."""
    settings = settings or engine.settings
    app = FastAPI(title="遵义市“十四五”科技创新规划问答 API", version="1.0", responses=ERRORS)
    app.state.engine = engine
    app.state.gate = Gate.of(settings)
    app.state.jobs = JobBoard(JOB_LIMIT)
    app.include_router(documents_router)  # before `router`, whose catch-all would shadow it
    app.include_router(router)
    app.include_router(openai_router)
    declare_optional_reads(app, [documents_router, router, openai_router])
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-API-Key", "Authorization", "X-Request-ID"], expose_headers=["X-Request-ID"])
    app.add_middleware(RequestEnvelope, max_body_bytes=settings.max_body_bytes, max_upload_bytes=settings.max_upload_bytes,
                       log_questions=settings.log_questions)

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> JSONResponse:
        response = error(request, exc.status, exc.code, exc.message)
        response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        code, message = _validation_message(exc)
        return error(request, 422, code, message)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = 413 if getattr(request.state, "body_too_large", False) else exc.status_code
        code, message = _STATUS_MESSAGES.get(status, ("http_error", "请求无法处理。"))
        return error(request, status, code, message)

    @app.exception_handler(UnknownDocument)
    async def on_unknown_document(request: Request, exc: UnknownDocument) -> JSONResponse:
        return error(request, 404, "unknown_document", str(exc))

    @app.exception_handler(Exception)
    async def on_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return error(request, 500, "internal_error", "服务内部错误，请稍后重试。")

    return app
