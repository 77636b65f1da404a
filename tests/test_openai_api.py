"""The OpenAI-compatible endpoint through the real clients over real HTTP: the `openai` SDK (plain and
streamed) and langchain-openai's ChatOpenAI; OpenAI's error shape; the same keys, per-key quotas and limits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from langchain_openai import ChatOpenAI

from tests.conftest import CJK, Ingested
from tests.portal import portal, portal_settings
from ui.api.keys import create_key, list_keys
from ui.cli.main import run

pytestmark = pytest.mark.slow
QUESTION = "高企到2025年要达到多少家？"
MODEL = "policy-rag"


@pytest.fixture(scope="module")
def api(ingested: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    with portal(ingested.engine, portal_settings(tmp_path_factory.mktemp("openai"), rate_per_minute=0)) as client:
        yield client


def _client(api: httpx.Client, key: str = "EMPTY") -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{api.base_url}/v1", api_key=key, max_retries=0, timeout=60)


def test_the_knowledge_base_is_listed_as_a_model(api: httpx.Client) -> None:
    assert [m.id for m in _client(api).models.list()] == [MODEL]


def test_a_chat_completion_answers_with_markers_and_a_sources_block(api: httpx.Client) -> None:
    reply = _client(api).chat.completions.create(model=MODEL, messages=[{"role": "user", "content": QUESTION}],
                                                 temperature=0.3, max_tokens=200)
    assert reply.object == "chat.completion" and reply.choices[0].finish_reason == "stop"
    content = reply.choices[0].message.content or ""
    answer, sources = content.split("\n\n参考来源：\n")
    plain = api.post("/api/v1/ask", json={"question": QUESTION}).json()
    assert answer == plain["answer"] and "400" in answer and "[1]" in answer
    assert sources.startswith("[1] 《") and " › " in sources and plain["citations"][0]["quote"] in sources
    extra = reply.model_extra or {}
    assert [c["id"] for c in extra["citations"]] == [c["id"] for c in plain["citations"]]
    assert extra["generated_by"] == "extractive" and extra["answerable"] is True
    assert reply.usage is not None and reply.usage.total_tokens > 0


def test_the_stream_is_chat_completion_chunks_ending_with_done(api: httpx.Client) -> None:
    messages = [{"role": "user", "content": QUESTION}]
    whole = _client(api).chat.completions.create(model=MODEL, messages=messages).choices[0].message.content
    chunks = list(_client(api).chat.completions.create(model=MODEL, messages=messages, stream=True))
    assert all(c.object == "chat.completion.chunk" for c in chunks) and len(chunks) >= 3
    assert chunks[0].choices[0].delta.role == "assistant" and chunks[-1].choices[0].finish_reason == "stop"
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == whole
    assert (chunks[-1].model_extra or {})["citations"]
    with api.stream("POST", "/v1/chat/completions", json={"model": MODEL, "messages": messages, "stream": True}) as response:
        lines = [line for line in response.iter_lines() if line]
    assert lines[-1] == "data: [DONE]" and all(line.startswith("data: ") for line in lines)


def test_earlier_messages_are_the_history_of_a_follow_up(api: httpx.Client) -> None:
    client = _client(api)
    first = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "高新技术企业2025年目标是多少家？"}])
    messages = [
        {"role": "system", "content": "你是政策助手。"},
        {"role": "user", "content": "高新技术企业2025年目标是多少家？"},
        {"role": "assistant", "content": first.choices[0].message.content},  # sent back whole, sources block and all
        {"role": "user", "content": [{"type": "text", "text": "那2020年呢？"}]},  # the list form some clients use
    ]
    follow = client.chat.completions.create(model=MODEL, messages=messages)  # type: ignore[arg-type]
    assert "212" in (follow.choices[0].message.content or "")


def test_langchain_chat_openai_plugs_in_with_a_base_url(api: httpx.Client) -> None:
    chat = ChatOpenAI(base_url=f"{api.base_url}/v1", api_key="EMPTY", model=MODEL, max_retries=0)  # type: ignore[arg-type]
    reply = chat.invoke(QUESTION)
    assert "400" in str(reply.content) and "参考来源" in str(reply.content)
    streamed = "".join(str(piece.content) for piece in chat.stream(QUESTION))
    assert streamed == reply.content


def _openai_error(exc: openai.APIStatusError, status: int, code: str) -> None:
    assert exc.status_code == status
    body = exc.response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and re.search(CJK, body["error"]["message"])
    assert {"message", "type", "code"} <= set(body["error"])


def test_errors_come_in_openais_shape_with_a_chinese_message(api: httpx.Client) -> None:
    client = _client(api)
    with pytest.raises(openai.NotFoundError) as unknown:
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": QUESTION}])
    _openai_error(unknown.value, 404, "model_not_found")
    with pytest.raises(openai.UnprocessableEntityError) as last:
        client.chat.completions.create(model=MODEL, messages=[{"role": "assistant", "content": "你好"}])
    _openai_error(last.value, 422, "last_message_not_user")
    with pytest.raises(openai.UnprocessableEntityError) as blank:
        client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "  "}])
    _openai_error(blank.value, 422, "empty_question")
    with pytest.raises(openai.UnprocessableEntityError) as none:
        client.chat.completions.create(model=MODEL, messages=[])
    assert none.value.response.json()["error"]["type"] == "invalid_request_error"
    too_large = api.post("/v1/chat/completions", content=b"x" * (65 * 1024), headers={"content-type": "application/json"})
    assert too_large.status_code == 413 and too_large.json()["error"]["code"] == "too_large"
    assert api.get("/v1/nope").json()["error"]["code"] == "not_found"


def test_the_same_keys_guard_the_openai_routes(ingested: Ingested, tmp_path: Path) -> None:
    key, _ = create_key(tmp_path / "api_keys.json", "门户")
    with portal(ingested.engine, portal_settings(tmp_path, require_key=True, rate_per_minute=0)) as api:
        with pytest.raises(openai.AuthenticationError) as refused:
            _client(api, "EMPTY").models.list()
        _openai_error(refused.value, 401, "unauthorized")
        assert refused.value.response.json()["error"]["type"] == "authentication_error"
        assert [m.id for m in _client(api, key).models.list()] == [MODEL]
    with portal(ingested.engine, portal_settings(tmp_path, rate_per_minute=0)) as api:
        # Open deployment: a client's placeholder key is anonymous, but a wrong portal key is still refused.
        assert [m.id for m in _client(api, "sk-anything").models.list()] == [MODEL]
        with pytest.raises(openai.AuthenticationError):
            _client(api, "prk_not-a-key").models.list()


def test_a_key_carries_its_own_rate_per_minute(ingested: Ingested, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = tmp_path / "api_keys.json"
    assert run(["--home", str(tmp_path), "keys", "create", "--name", "门户服务器", "--rate-per-minute", "2"]) == 0
    slow_key = capsys.readouterr().out.strip()
    assert slow_key.startswith("prk_") and [r.rate_per_minute for r in list_keys(keys)] == [2]
    assert run(["--home", str(tmp_path), "keys", "list"]) == 0 and "2/分钟" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        run(["--home", str(tmp_path), "keys", "create", "--rate-per-minute", "很多"])
    assert "非负整数" in capsys.readouterr().err
    fast_key, _ = create_key(keys, "批量", rate_per_minute=0)
    with portal(ingested.engine, portal_settings(tmp_path, rate_per_minute=600, rate_burst=60)) as api:
        statuses = [api.get("/v1/models", headers={"Authorization": f"Bearer {slow_key}"}).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        with pytest.raises(openai.RateLimitError) as limited:
            _client(api, slow_key).models.list()
        _openai_error(limited.value, 429, "rate_limited")
        limited_v1 = api.post("/api/v1/search", json={"query": "茶"}, headers={"X-API-Key": slow_key})
        assert limited_v1.status_code == 429 and limited_v1.json()["code"] == "rate_limited"
        # Another key, and anonymous callers, keep their own buckets.
        assert all(api.get("/v1/models", headers={"Authorization": f"Bearer {fast_key}"}).status_code == 200 for _ in range(70))
        assert api.get("/v1/models").status_code == 200


def test_the_openapi_page_documents_the_endpoint_and_how_to_authorise(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    assert {"/v1/chat/completions", "/v1/models"} <= set(spec["paths"])
    schemes = spec["components"]["securitySchemes"]
    assert schemes["X-API-Key"]["type"] == "apiKey" and schemes["Bearer"]["scheme"].lower() == "bearer"
    assert spec["paths"]["/api/v1/ask"]["post"]["security"]
