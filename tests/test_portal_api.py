"""What the government portal relies on, over real HTTP: request ids, error shape, body limits, access logs,
API keys, rate limits, Server-Sent Events and CORS."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import CJK, CLI, Ingested, cli_env
from tests.portal import portal, portal_settings
from ui.api.keys import create_key, digest, revoke_key

pytestmark = pytest.mark.slow
QUESTION = "高企到2025年要达到多少家？"


@pytest.fixture(scope="module")
def api(ingested: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """Open reads (no key needed), generous rate limit."""
    with portal(ingested.engine, portal_settings(tmp_path_factory.mktemp("open"), rate_per_minute=0)) as client:
        yield client


def _assert_error(response: httpx.Response, status: int, code: str) -> dict[str, str]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message", "request_id"} and body["code"] == code
    assert re.search(CJK, body["message"]) and body["request_id"] == response.headers["x-request-id"]
    return body


# -- request ids, error shape, body limits -------------------------------------------------------------
def test_every_response_carries_a_request_id(api: httpx.Client) -> None:
    responses = [api.get("/api/v1/health"), api.post("/api/v1/ask", json={"question": QUESTION}),
                 api.post("/api/v1/ask", json={"question": ""}), api.get("/api/v1/nope"), api.get("/openapi.json")]
    ids = [r.headers["x-request-id"] for r in responses]
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids) and len(set(ids)) == len(ids)


def test_a_sane_incoming_request_id_is_kept_and_a_hostile_one_replaced(api: httpx.Client) -> None:
    assert api.get("/api/v1/health", headers={"X-Request-ID": "portal-42.a"}).headers["x-request-id"] == "portal-42.a"
    replaced = api.get("/api/v1/health", headers={"X-Request-ID": "a b<script>" + "x" * 100}).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", replaced)


def test_errors_carry_code_chinese_message_and_request_id(api: httpx.Client) -> None:
    _assert_error(api.post("/api/v1/ask", json={"question": " "}), 422, "empty_question")
    _assert_error(api.post("/api/v1/search", content=b"{", headers={"content-type": "application/json"}), 422, "invalid_json")
    _assert_error(api.delete("/api/v1/ask"), 405, "method_not_allowed")


def test_a_body_over_the_limit_gets_413(api: httpx.Client) -> None:
    big = json.dumps({"question": "茶" * 40_000}).encode()
    _assert_error(api.post("/api/v1/ask", content=big, headers={"content-type": "application/json"}), 413, "too_large")

    def chunked() -> Iterator[bytes]:  # no Content-Length: the limit must hold on what actually arrives
        yield b'{"question": "'
        for _ in range(100):
            yield b"a" * 1024
        yield b'"}'

    _assert_error(api.post("/api/v1/ask", content=chunked(), headers={"content-type": "application/json"}), 413, "too_large")
    assert api.get("/api/v1/health").status_code == 200


def test_control_characters_are_stripped(api: httpx.Client) -> None:
    clean = api.post("/api/v1/ask", json={"question": QUESTION}).json()
    dirty = api.post("/api/v1/ask", json={"question": "\x00高企\x07到2025年\u200b要达到\x1b多少家？\x7f"}).json()
    assert dirty["answerable"] is True and dirty["answer"] == clean["answer"]


# -- access log ------------------------------------------------------------------------------------------
def _access_lines(caplog: pytest.LogCaptureFixture, count: int) -> list[dict[str, object]]:
    """The access lines, once `count` have arrived (the server logs just after the response is sent)."""
    deadline = time.monotonic() + 5
    while True:
        lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "policy_rag.access"]
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def test_one_structured_log_line_per_request_without_the_question(api: httpx.Client, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="policy_rag.access")
    ok = api.post("/api/v1/ask", json={"question": "辣椒有哪些技术？"})
    bad = api.post("/api/v1/ask", json={"question": ""})
    lines = _access_lines(caplog, 2)
    assert [line["request_id"] for line in lines] == [ok.headers["x-request-id"], bad.headers["x-request-id"]]
    assert [(line["status"], line["outcome"]) for line in lines] == [(200, "ok"), (422, "client_error")]
    assert all(isinstance(line["latency_ms"], float) and line["path"] == "/api/v1/ask" for line in lines)
    assert "辣椒" not in caplog.text


def test_questions_are_logged_only_when_enabled(ingested: Ingested, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="policy_rag.access")
    with portal(ingested.engine, portal_settings(tmp_path, log_questions=True)) as client:
        client.post("/api/v1/ask", json={"question": "辣椒有哪些技术？"})
    assert _access_lines(caplog, 1)[-1]["question"] == "辣椒有哪些技术？"


# -- API keys --------------------------------------------------------------------------------------------
def test_keys_are_required_when_configured(ingested: Ingested, tmp_path: Path) -> None:
    key, record = create_key(tmp_path / "api_keys.json", "门户")
    env_key = "env-secret-key"
    settings = portal_settings(tmp_path, require_key=True, api_keys=digest(env_key), rate_per_minute=0)
    assert key not in (tmp_path / "api_keys.json").read_text()
    with portal(ingested.engine, settings) as client:
        ask = {"question": QUESTION}
        missing = _assert_error(client.post("/api/v1/ask", json=ask), 401, "unauthorized")
        wrong = _assert_error(client.post("/api/v1/ask", json=ask, headers={"X-API-Key": key + "x"}), 401, "unauthorized")
        bad_scheme = _assert_error(client.post("/api/v1/ask", json=ask, headers={"Authorization": f"Basic {key}"}), 401, "unauthorized")
        assert missing["message"] == wrong["message"] == bad_scheme["message"]  # no hint which part was wrong
        assert client.post("/api/v1/ask", json=ask, headers={"X-API-Key": key}).status_code == 200
        assert client.post("/api/v1/search", json={"query": "茶"}, headers={"Authorization": f"Bearer {key}"}).status_code == 200
        assert client.post("/api/v1/ask", json=ask, headers={"X-API-Key": env_key}).status_code == 200
        assert client.get("/api/v1/health").status_code == 200  # probes never need a key
        assert revoke_key(tmp_path / "api_keys.json", record.id)
        _assert_error(client.post("/api/v1/ask", json=ask, headers={"X-API-Key": key}), 401, "unauthorized")


def test_a_wrong_key_is_refused_even_when_keys_are_optional(api: httpx.Client) -> None:
    assert api.post("/api/v1/ask", json={"question": QUESTION}).status_code == 200
    _assert_error(api.post("/api/v1/ask", json={"question": QUESTION}, headers={"X-API-Key": "guess"}), 401, "unauthorized")


def test_keys_cli_creates_lists_and_revokes(tmp_path: Path) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(CLI), "keys", *args], env=cli_env(tmp_path), capture_output=True, text=True, timeout=60)

    created = cli("create", "--name", "门户")
    key = created.stdout.strip()
    assert created.returncode == 0 and key.startswith("prk_")
    stored = (tmp_path / "api_keys.json").read_text(encoding="utf-8")
    assert key not in stored and digest(key) in stored
    listed = cli("list").stdout
    key_id = listed.split("\t")[0]
    assert "门户" in listed and key not in listed
    assert cli("revoke", key_id).returncode == 0 and cli("list").stdout == ""
    assert cli("revoke", key_id).returncode == 2


# -- rate limits -----------------------------------------------------------------------------------------
def test_rate_limits_per_key_and_per_ip(ingested: Ingested, tmp_path: Path) -> None:
    key, _ = create_key(tmp_path / "api_keys.json")
    with portal(ingested.engine, portal_settings(tmp_path, rate_per_minute=6, rate_burst=3)) as client:
        body = {"query": "茶"}
        assert [client.post("/api/v1/search", json=body).status_code for _ in range(3)] == [200] * 3
        limited = client.post("/api/v1/search", json=body)
        _assert_error(limited, 429, "rate_limited")
        assert 1 <= int(limited.headers["retry-after"]) <= 10
        # The key has its own bucket, not the IP's.
        assert client.post("/api/v1/search", json=body, headers={"X-API-Key": key}).status_code == 200
        assert client.get("/api/v1/health").status_code == 200


# -- streaming -------------------------------------------------------------------------------------------
def _events(text: str) -> list[tuple[str, dict[str, object]]]:
    out = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        out.append((fields["event"], json.loads(fields["data"])))
    return out


def test_ask_stream_sends_the_answer_then_its_citations(api: httpx.Client) -> None:
    plain = api.post("/api/v1/ask", json={"question": QUESTION}).json()
    with api.stream("POST", "/api/v1/ask/stream", json={"question": QUESTION}) as response:
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
        events = _events(response.read().decode())
    names = [name for name, _ in events]
    assert names == ["answer"] * names.count("answer") + ["citation"] * len(plain["citations"]) + ["done"]
    assert "".join(str(d["text"]) for n, d in events if n == "answer") == plain["answer"]
    assert [d["id"] for n, d in events if n == "citation"] == [c["id"] for c in plain["citations"]]
    assert events[-1][1]["answerable"] is True and events[-1][1]["kb_version"] == plain["kb_version"]


def test_ask_stream_rejects_bad_input_as_json(api: httpx.Client) -> None:
    _assert_error(api.post("/api/v1/ask/stream", json={"question": ""}), 422, "empty_question")


# -- readiness and CORS ----------------------------------------------------------------------------------
def test_ready_on_the_embedded_store(api: httpx.Client) -> None:
    body = api.get("/api/v1/ready").json()
    assert body["status"] == "ready" and body["vector_store"] == "ok" and body["index"] is True


def test_cors_allows_only_configured_origins(ingested: Ingested, tmp_path: Path) -> None:
    with portal(ingested.engine, portal_settings(tmp_path, cors_origins="https://www.zunyi.gov.cn")) as client:
        preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-api-key"}
        ok = client.options("/api/v1/ask", headers={"Origin": "https://www.zunyi.gov.cn", **preflight})
        assert ok.headers.get("access-control-allow-origin") == "https://www.zunyi.gov.cn"
        other = client.options("/api/v1/ask", headers={"Origin": "https://evil.example", **preflight})
        assert "access-control-allow-origin" not in other.headers


def test_document_uploads_have_their_own_larger_limit(ingested: Ingested, tmp_path: Path) -> None:
    with portal(ingested.engine, portal_settings(tmp_path, max_upload_bytes=200_000)) as client:
        # Over the 64 KB API limit but within the upload limit: reaches the route (which wants a key).
        assert client.post("/api/v1/documents", files={"file": ("a.txt", b"x" * 100_000)}).status_code == 401
        _assert_error(client.post("/api/v1/documents", files={"file": ("a.txt", b"x" * 300_000)}), 413, "too_large")

        def chunked() -> Iterator[bytes]:
            yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
            for _ in range(300):
                yield b"x" * 1000
            yield b"\r\n--b--\r\n"

        headers = {"content-type": "multipart/form-data; boundary=b"}
        _assert_error(client.post("/api/v1/documents", content=chunked(), headers=headers), 413, "too_large")
