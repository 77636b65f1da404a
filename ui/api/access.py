"""Who may call the API: API keys (X-API-Key or Authorization: Bearer) and per-key / per-IP rate limits."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from rag.core.settings import Settings
from ui.api.keys import KeyRing
from ui.api.ratelimit import RateLimiter, retry_after

UNAUTHORIZED = "需要有效的 API 密钥。"


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
    key_id = gate.keys.identify(key) if key else None
    # Missing, malformed, unknown or revoked keys all get the same answer: no hint which part was wrong.
    if (key is not None and key_id is None) or (needs_key and key_id is None):
        raise ApiError(401, "unauthorized", UNAUTHORIZED, {"WWW-Authenticate": "Bearer"})
    request.state.key_id = key_id or ""
    who = f"key:{key_id}" if key_id else f"ip:{request.client.host if request.client else '-'}"
    wait = gate.limiter.check(who)
    if wait > 0:
        raise ApiError(429, "rate_limited", f"请求过于频繁，请 {retry_after(wait)} 秒后重试。", {"Retry-After": retry_after(wait)})


def read_access(request: Request) -> None:
    """Reads (ask, search, match): a key only when POLICY_RAG_REQUIRE_KEY=true; always rate-limited."""
    _admit(request, needs_key=request.app.state.gate.require_key)


def write_access(request: Request) -> None:
    """Anything that changes the knowledge base: always a valid key."""
    _admit(request, needs_key=True)
