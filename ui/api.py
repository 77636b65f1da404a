"""The portal's HTTP API: thin routes that build engine calls; every error is JSON with a Chinese message."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rag.engine import Engine
from rag.query import Turn
from ui.schemas import (
    AskRequest,
    AskResponse,
    ErrorResponse,
    HealthResponse,
    MatchRequest,
    MatchResponse,
    SearchRequest,
    SearchResponse,
    SearchResult,
)

log = logging.getLogger(__name__)
ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorResponse} for code in (400, 422, 500)}
_STATUS_MESSAGES = {
    404: ("not_found", "请求的地址不存在。"),
    405: ("method_not_allowed", "不支持该请求方法。"),
    413: ("too_large", "请求内容过大。"),
}


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(get_engine)]
router = APIRouter(prefix="/api/v1", responses={422: {"model": ErrorResponse}})


@router.post("/ask", response_model=AskResponse, summary="提问：返回简短答案与引用原文")
def ask(body: AskRequest, engine: EngineDep) -> AskResponse:
    history = [Turn(t.role, t.content) for t in body.history]
    return AskResponse.of(engine.ask(body.question, top_k=body.top_k, history=history))


@router.post("/search", response_model=SearchResponse, summary="检索：返回最相关的段落")
def search(body: SearchRequest, engine: EngineDep) -> SearchResponse:
    return SearchResponse(results=[SearchResult.of(h) for h in engine.search(body.query, body.top_k)])


@router.post("/match", response_model=MatchResponse, summary="企业匹配：返回适用的规划方向、原文条目与支持措施")
def match(body: MatchRequest, engine: EngineDep) -> MatchResponse:
    return MatchResponse.of(engine.match(body.profile(), top_k=body.top_k))


@router.get("/health", response_model=HealthResponse, summary="健康检查")
def health(engine: EngineDep) -> HealthResponse:
    return HealthResponse(status="ok", kb_version=engine.kb_version, chunks=len(engine.chunks()))


@router.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
def unknown(path: str, request: Request) -> JSONResponse:
    """Unknown API paths and wrong methods answer in the API's JSON error shape, not the chat's."""
    known = {str(getattr(r, "path", "")) for r in router.routes} - {"/api/v1/{path:path}"}
    if f"/api/v1/{path}" in known:
        return JSONResponse({"code": "method_not_allowed", "message": f"该接口不支持 {request.method} 请求。"}, status_code=405)
    return JSONResponse({"code": "not_found", "message": f"接口不存在：/api/v1/{path}"}, status_code=404)


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    errors = exc.errors()
    first = errors[0] if errors else {}
    kind, where = str(first.get("type", "")), ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    if kind == "json_invalid" or "json" in kind:
        return "invalid_json", "请求体不是合法的 JSON。"
    if kind in ("missing",):
        return "missing_field", f"缺少必填字段：{where}。"
    if kind in ("string_too_short", "value_error"):
        return "empty_question", f"字段 {where} 不能为空。"
    if kind in ("string_too_long", "too_long"):
        return "too_long", f"字段 {where} 超过长度限制（问题最多 1000 字）。"
    if kind in ("extra_forbidden",):
        return "unknown_field", f"不支持的字段：{where}。"
    return "invalid_request", f"请求参数不合法：{where}（{kind}）。"


def create_app(engine: Engine) -> FastAPI:
    """The API app around one engine (no work at import: the engine is built and passed in)."""
    app = FastAPI(title="遵义市“十四五”科技创新规划问答 API", version="1.0", responses=ERRORS)
    app.state.engine = engine
    app.include_router(router)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        code, message = _validation_message(exc)
        return JSONResponse({"code": code, "message": message}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _STATUS_MESSAGES.get(exc.status_code, ("http_error", "请求无法处理。"))
        return JSONResponse({"code": code, "message": message}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def on_error(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return JSONResponse({"code": "internal_error", "message": "服务内部错误，请稍后重试。"}, status_code=500)

    return app
