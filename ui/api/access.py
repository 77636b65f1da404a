"""Who may call the API: API keys (X-API-Key or Authorization: Bearer) and per-key / per-IP rate limits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Request, Security
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from rag.core.settings import Settings
from ui.api.keys import PREFIX, KeyRing
from ui.api.middleware import OPENAI_PREFIX
from ui.api.ratelimit import RateLimiter, retry_after

UNAUTHORIZED = "需要有效的 API 密钥。"
# Declared so /docs shows how to authorise (its "Authorize" button); the checks themselves are ours, so
# a missing key on an open deployment is not an error and every refusal has the API's error shape.
API_KEY_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="X-API-Key",
                              description="门户 API 密钥（`policy-rag keys create` 生成）")
BEARER = HTTPBearer(auto_error=False, scheme_name="Bearer", description="同一密钥，以 Authorization: Bearer 方式提交（OpenAI 客户端用这种方式）")
HeaderKey = Annotated[str | None, Security(API_KEY_HEADER)]
BearerKey = Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]


class ApiError(Exception):
    """An error response in the API's shape, raised from a dependency."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


@dataclass(frozen=True)
class Gate:
    """The app's key ring and rate limiter, built once from Settings."""

    keys: KeyRing
    limiter: RateLimiter
    require_key: bool

    @classmethod
    def of(cls, settings: Settings) -> Gate:
        return cls(KeyRing(settings.keys_file, settings.api_keys), RateLimiter(settings.rate_per_minute, settings.rate_burst),
                   settings.require_key)


def presented_key(request: Request) -> str | None:
    key = request.headers.get("x-api-key")
    if key is None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        key = token.strip() if scheme.lower() == "bearer" else None
    return key


def _admit(request: Request, *, needs_key: bool) -> None:
    gate: Gate = request.app.state.gate
    key = presented_key(request)
    caller = gate.keys.identify(key) if key else None
    if key is not None and caller is None and not needs_key and _placeholder(request, key):
        key = None
    # Missing, malformed, unknown or revoked keys all get the same answer: no hint which part was wrong.
    if (key is not None and caller is None) or (needs_key and caller is None):
        raise ApiError(401, "unauthorized", UNAUTHORIZED, {"WWW-Authenticate": "Bearer"})
    request.state.key_id = caller.id if caller else ""
    who = f"key:{caller.id}" if caller else f"ip:{request.client.host if request.client else '-'}"
    wait = gate.limiter.check(who, caller.rate_per_minute if caller else None)
    if wait > 0:
        raise ApiError(429, "rate_limited", f"请求过于频繁，请 {retry_after(wait)} 秒后重试。", {"Retry-After": retry_after(wait)})


def _placeholder(request: Request, key: str) -> bool:
    """OpenAI clients always send a key ("EMPTY", "sk-…"): on an open deployment a token that is not one of
    ours counts as no key on the OpenAI routes. A `prk_` key that fails is still refused, so a revoked or
    mistyped portal key never passes silently as anonymous."""
    return request.url.path.startswith(OPENAI_PREFIX) and not key.startswith(PREFIX)


def read_access(request: Request, _header: HeaderKey = None, _bearer: BearerKey = None) -> None:
    """Reads (ask, search, match): a key only when POLICY_RAG_REQUIRE_KEY=true; always rate-limited."""
    _admit(request, needs_key=request.app.state.gate.require_key)


def write_access(request: Request, _header: HeaderKey = None, _bearer: BearerKey = None) -> None:
    """Anything that changes the knowledge base: always a valid key."""
    _admit(request, needs_key=True)


def declare_optional_reads(app: FastAPI, routers: Sequence[APIRouter]) -> None:
    """On an open deployment the reads take a key but do not need one: say so in /openapi.json (an empty
    security requirement), so clients and fuzzers read the spec as the server behaves."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            if not app.state.gate.require_key:
                reads = {(r.path, m.lower()) for router in routers for r in router.routes if isinstance(r, APIRoute)
                         for m in r.methods or () if any(d.call is read_access for d in r.dependant.dependencies)}
                for path, ops in schema.get("paths", {}).items():
                    for method, op in ops.items():
                        if (path, method) in reads and op.get("security") and {} not in op["security"]:
                            op["security"].append({})
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
