"""The real server (`policy-rag serve`: API + Gradio on one port) over real HTTP on loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import CJK, Ingested, served

pytestmark = pytest.mark.slow

CITATION_KEYS = {"id", "doc", "section", "text", "quote", "score"}
PAGE_KEYS = {"page", "page_end"}


@pytest.fixture(scope="module")
def server(ingested: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`policy-rag serve` in a subprocess over the session's index; yields the base URL."""
    with served(ingested.home, tmp_path_factory.mktemp("server")) as base:
        yield base


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60) as c:
        yield c


# -- contract ---------------------------------------------------------------------------------------
def test_health_reports_the_live_version(client: httpx.Client, ingested: Ingested) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["kb_version"] == ingested.report.kb_version
    assert body["chunks"] == ingested.report.chunks


def test_ask_returns_the_answer_contract(client: httpx.Client, ingested: Ingested) -> None:
    response = client.post("/api/v1/ask", json={"question": "辣椒精深加工有哪些重点技术？", "top_k": 3})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"answer", "answerable", "citations", "kb_version", "generated_by"}
    assert body["answerable"] is True and isinstance(body["answer"], str) and "辣椒" in body["answer"]
    assert body["kb_version"] == ingested.report.kb_version
    assert 1 <= len(body["citations"]) <= 3
    for citation in body["citations"]:
        assert CITATION_KEYS <= set(citation) <= CITATION_KEYS | PAGE_KEYS  # the page where the source has pages
        assert all(isinstance(citation[k], str) for k in CITATION_KEYS - {"score"})
        assert isinstance(citation["page"], int) and citation.get("page_end", citation["page"]) >= citation["page"]
        assert isinstance(citation["score"], float)
        assert citation["quote"] and citation["text"]
        assert citation["doc"] == "zunyi-sti-plan"
    assert "专栏5-3" in body["citations"][0]["section"]


def test_ask_matches_the_engine(client: httpx.Client, ingested: Ingested) -> None:
    question = "高企到2025年要达到多少家？"
    body = client.post("/api/v1/ask", json={"question": question}).json()
    expected = ingested.engine.ask(question)
    assert body["answer"] == expected.answer and body["answerable"] == expected.answerable
    assert [c["id"] for c in body["citations"]] == [c.chunk.id for c in expected.citations]


def test_ask_unanswerable_question_says_so(client: httpx.Client) -> None:
    body = client.post("/api/v1/ask", json={"question": "遵义市科技局的办公电话是多少？"}).json()
    assert body["answerable"] is False and "没有找到" in body["answer"]


def test_ask_uses_history_for_a_follow_up(client: httpx.Client) -> None:
    payload = {"question": "那辣椒呢？", "history": [{"role": "user", "content": "茶产业要重点发展哪些技术？"}]}
    body = client.post("/api/v1/ask", json=payload).json()
    assert body["answerable"] is True
    assert any("辣椒" in c["section"] for c in body["citations"])


def test_search_returns_the_result_contract(client: httpx.Client) -> None:
    response = client.post("/api/v1/search", json={"query": "辣椒精深加工", "top_k": 4})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"results"} and len(body["results"]) == 4
    for result in body["results"]:
        assert {"id", "doc", "section", "text", "score"} <= set(result) <= {"id", "doc", "section", "text", "score"} | PAGE_KEYS
        assert isinstance(result["page"], int)
    assert body["results"][0]["section"].endswith("专栏5-3：辣椒科技发展重点")
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_gradio_chat_is_served_at_the_root(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "gradio" in response.text.lower()


# -- bad input: always a 4xx JSON error with a Chinese message, never a 500 -------------------------
JSON_BODIES: dict[str, tuple[str, Any]] = {
    "empty question": ("/api/v1/ask", {"question": ""}),
    "whitespace question": ("/api/v1/ask", {"question": " \t\u3000\n "}),
    "missing question": ("/api/v1/ask", {"top_k": 3}),
    "question is a number": ("/api/v1/ask", {"question": 123}),
    "question is null": ("/api/v1/ask", {"question": None}),
    "top_k is text": ("/api/v1/ask", {"question": "茶", "top_k": "x"}),
    "top_k is zero": ("/api/v1/ask", {"question": "茶", "top_k": 0}),
    "top_k is huge": ("/api/v1/ask", {"question": "茶", "top_k": 1000}),
    "question too long": ("/api/v1/ask", {"question": "问" * 1001}),
    "unknown field": ("/api/v1/ask", {"question": "茶", "temperature": 0.2}),
    "history bad role": ("/api/v1/ask", {"question": "那辣椒呢？", "history": [{"role": "system", "content": "x"}]}),
    "history not a list": ("/api/v1/ask", {"question": "茶", "history": "茶产业"}),
    "body is a list": ("/api/v1/ask", ["茶"]),
    "empty query": ("/api/v1/search", {"query": ""}),
    "search top_k zero": ("/api/v1/search", {"query": "茶", "top_k": 0}),
}
RAW_BODIES: dict[str, tuple[str, bytes]] = {
    "not JSON": ("/api/v1/ask", b"question=hello"),
    "truncated JSON": ("/api/v1/ask", b'{"question": "\xe8\x8c\xb6"'),
    "invalid UTF-8": ("/api/v1/ask", b'{"question": "\xff\xfe\xfa"}'),
    "empty body": ("/api/v1/ask", b""),
}
EXPECTED_CODES = {
    "empty question": "empty_question",
    "whitespace question": "empty_question",
    "missing question": "missing_field",
    "question too long": "too_long",
    "unknown field": "unknown_field",
    "not JSON": "invalid_json",
}


def _assert_chinese_client_error(response: httpx.Response, case: str) -> None:
    assert 400 <= response.status_code < 500, (case, response.status_code, response.text)
    body = response.json()
    assert set(body) == {"code", "message", "request_id"}
    assert body["request_id"] == response.headers["x-request-id"]
    assert re.search(CJK, body["message"]), body
    if case in EXPECTED_CODES:
        assert body["code"] == EXPECTED_CODES[case]


@pytest.mark.parametrize("case", list(JSON_BODIES))
def test_bad_json_input_gives_a_chinese_4xx(client: httpx.Client, case: str) -> None:
    path, payload = JSON_BODIES[case]
    _assert_chinese_client_error(client.post(path, json=payload), case)


@pytest.mark.parametrize("case", list(RAW_BODIES))
def test_malformed_body_gives_a_chinese_4xx(client: httpx.Client, case: str) -> None:
    path, raw = RAW_BODIES[case]
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    _assert_chinese_client_error(response, case)


def test_the_server_survives_bad_input(client: httpx.Client) -> None:
    assert client.get("/api/v1/health").status_code == 200


@pytest.mark.parametrize(("method", "path", "status"), [("get", "/api/v1/nope", 404), ("get", "/api/v1/ask", 405), ("post", "/api/v1/health", 405)])
def test_unknown_paths_and_methods_get_the_api_error_shape(client: httpx.Client, method: str, path: str, status: int) -> None:
    response = client.request(method.upper(), path)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"code", "message", "request_id"} and re.search(CJK, body["message"])
