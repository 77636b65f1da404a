"""Request envelope for every response: a request id, a body-size limit, JSON errors and one log line."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("policy_rag.access")
REQUEST_ID = "X-Request-ID"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_LOGGED_FIELDS = ("question", "query", "description")
OPENAI_PREFIX = "/v1/"  # the OpenAI-compatible routes, whose clients expect OpenAI's error shape
_OPENAI_TYPES = {401: "authentication_error", 403: "permission_error", 404: "not_found_error", 429: "rate_limit_error"}


def error_payload(code: str, message: str, request_id: str, *, path: str = "", status: int = 400, **extra: Any) -> dict[str, Any]:
    """Every error response is built here: {"code", "message" (中文), "request_id"} under /api/v1, and
    OpenAI's {"error": {"message", "type", "code", "param"}} under /v1 (the same code and message)."""
    if path.startswith(OPENAI_PREFIX):
        kind = _OPENAI_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
        return {"error": {"message": message, "type": kind, "code": code, "param": None, "request_id": request_id}}
    return {"code": code, "message": message, "request_id": request_id, **extra}


def error_body(code: str, message: str, request_id: str, *, path: str = "", status: int = 400) -> bytes:
    """The error shape as a raw ASGI body (for responses sent before routing)."""
    return json.dumps(error_payload(code, message, request_id, path=path, status=status), ensure_ascii=False).encode()


def request_id_of(scope: Scope) -> str:
    return str(scope.get("state", {}).get("request_id", ""))


class RequestEnvelope:
    """Pure ASGI (so streamed answers pass through untouched): ids, size limit, crash guard, access log."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_upload_bytes: int, log_questions: bool = False,
                 api_prefixes: tuple[str, ...] = ("/api/", OPENAI_PREFIX), upload_prefix: str = "/api/v1/documents") -> None:
        self.app, self.max_body, self.max_upload, self.log_questions = app, max_body_bytes, max_upload_bytes, log_questions
        self.prefixes, self.upload_prefix = api_prefixes, upload_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = rid
        started, status = time.perf_counter(), [0]

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        body: bytes | None = None
        path = scope["path"]
        writes = scope["method"] in ("POST", "PUT", "PATCH") and path.startswith(self.prefixes)
        too_large = error_body("too_large", "请求内容过大。", rid, path=path, status=413)
        try:
            if writes and scope["path"].startswith(self.upload_prefix):
                # Uploads are streamed to the route, not buffered here; only their size is counted.
                if _declared(scope) > self.max_upload:
                    await _send_json(send_with_id, 413, too_large)
                    return
                receive = _counted(receive, self.max_upload, scope)
            elif writes:
                body = await self._read_limited(scope, receive)
                if body is None:
                    await _send_json(send_with_id, 413, too_large)
                    return
                receive = _replay(body, receive)
            await self.app(scope, receive, send_with_id)
        except _TooLarge:
            if status[0] == 0:
                await _send_json(send_with_id, 413, too_large)
        except Exception:
            log.exception("unhandled error (request %s)", rid)
            if status[0] == 0:
                await _send_json(send_with_id, 500, error_body("internal_error", "服务内部错误，请稍后重试。", rid, path=path, status=500))
        finally:
            self._log(scope, rid, status[0], started, body)

    async def _read_limited(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole body, or None once it passes the limit (declared or actually sent)."""
        if _declared(scope) > self.max_body:
            return None
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    def _log(self, scope: Scope, rid: str, status: int, started: float, body: bytes | None) -> None:
        state = scope.get("state", {})
        record: dict[str, Any] = {
            "request_id": rid, "method": scope["method"], "path": scope["path"], "status": status,
            "outcome": "ok" if 0 < status < 400 else ("client_error" if 400 <= status < 500 else "server_error"),
            "latency_ms": round((time.perf_counter() - started) * 1000, 1),
            "client": (scope.get("client") or ("", 0))[0], "key": state.get("key_id", ""),
        }
        if state.get("degraded"):
            record["degraded"] = True
        if self.log_questions and body:
            record.update(_question_fields(body))
        log.info(json.dumps(record, ensure_ascii=False))


def _question_fields(body: bytes) -> dict[str, str]:
    try:
        data = json.loads(body)
    except ValueError:
        return {}
    return {k: str(data[k])[:1000] for k in _LOGGED_FIELDS if isinstance(data, dict) and k in data}


class _TooLarge(Exception):
    """An upload went past its limit while being read."""


def _declared(scope: Scope) -> int:
    value = dict(scope["headers"]).get(b"content-length", b"0")
    return int(value) if value.isdigit() else 0


def _counted(original: Receive, limit: int, scope: Scope) -> Receive:
    """The request channel, failing once more than `limit` bytes arrived (flagged in the request state,
    since FastAPI turns errors while reading a form into a plain 400)."""
    size = 0

    async def receive() -> Message:
        nonlocal size
        message = await original()
        size += len(message.get("body", b""))
        if size > limit:
            scope["state"]["body_too_large"] = True
            raise _TooLarge
        return message

    return receive


def _replay(body: bytes, original: Receive) -> Receive:
    """The body already read, then the real channel (a streamed answer must see a real disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive


async def _send_json(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    head = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode()), *(headers or [])]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body})
