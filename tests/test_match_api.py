"""POST /api/v1/match over real HTTP: a real uvicorn server around the session's engine and real index."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from rag.core.zh import squeeze
from rag.engine import Engine
from tests.conftest import CJK, free_port
from ui.api.api import create_app

pytestmark = pytest.mark.slow

CHILI = "我们是做辣椒酱和油辣椒的食品企业，在新蒲，想上自动化灌装线"
SALON = "我们是一家美发沙龙，在汇川区有三家门店，想做会员营销"
CITATION_KEYS = {"id", "section", "text", "quote"}


@pytest.fixture(scope="module")
def client(engine: Engine) -> Iterator[httpx.Client]:
    """uvicorn serving the API app in a thread on a free loopback port, and a client for it."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as c:
        yield c
    server.should_exit = True
    thread.join(timeout=10)


def match(client: httpx.Client, **body: Any) -> dict[str, Any]:
    response = client.post("/api/v1/match", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_match_returns_the_contract(client: httpx.Client, engine: Engine) -> None:
    body = match(client, description=CHILI)
    assert {"matches", "measures", "kb_version"} <= set(body) and body["kb_version"] == engine.kb_version
    first = body["matches"][0]
    assert set(first) == {"title", "section", "doc", "items", "reason", "score", "citations"}
    assert first["title"] == "专栏5-3：辣椒科技发展重点" and "专栏5-3" in first["section"]
    assert "食用辣椒制品机械化生产技术与设备提升" in first["items"]
    assert first["reason"] and isinstance(first["score"], float) and first["doc"] == engine.chunks()[0].doc
    assert all(set(c) == CITATION_KEYS for m in body["matches"] for c in m["citations"])
    assert body["measures"] and all(set(m) == {"name", "condition", "citations"} for m in body["measures"])
    assert all(set(c) == CITATION_KEYS for m in body["measures"] for c in m["citations"])


def test_every_quoted_item_and_condition_is_in_a_cited_passage(client: httpx.Client) -> None:
    body = match(client, description="我们做冻干水果零食，也想做果蔬脆片")
    for m in body["matches"]:
        texts = [squeeze(c["text"]) for c in m["citations"]]
        assert all(any(squeeze(item) in t for t in texts) for item in m["items"]), m["title"]
        assert all(squeeze(q) in squeeze(c["text"]) for c in m["citations"] for q in c["quote"].split("；"))
    for measure in body["measures"]:
        passages = "".join(c["text"] for c in measure["citations"])
        assert measure["condition"].startswith("《规划》未明确") or measure["condition"] in passages, measure["name"]
    assert "真空冷冻干燥技术" in body["matches"][0]["items"]


def test_structured_fields_are_part_of_the_profile(client: httpx.Client) -> None:
    body = match(client, description="我们是一家食品企业", industry="休闲食品", products=["冻干草莓", "果蔬脆片"], tags=["初创期"])
    assert body["matches"][0]["title"] == "专栏5-4：果蔬科技发展重点"
    assert "创业" in body["measures"][0]["citations"][0]["text"]  # the 初创期 tag points to a start-up measure first


def test_a_company_the_plan_does_not_cover_gets_an_honest_answer(client: httpx.Client) -> None:
    body = match(client, description=SALON)
    assert body["matches"] == []
    assert "没有" in body["message"]
    names = {m["name"] for m in body["measures"]}
    assert {"研发费用加计扣除", "高新技术企业税收优惠", "科技创新券"} <= names and "创业孵化" not in names


def test_top_k_caps_the_matches(client: httpx.Client) -> None:
    assert len(match(client, description="我们做三元正极材料，也回收废旧动力电池", top_k=1)["matches"]) == 1


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "missing_field"),
        ({"description": "   "}, "empty_question"),
        ({"description": "辣椒酱", "size": 3}, "unknown_field"),
        ({"description": "辣椒酱" * 400}, "too_long"),
        ({"description": "辣椒酱", "products": ["辣" * 101]}, "too_long"),
        ({"description": "辣椒酱", "top_k": 0}, "invalid_request"),
    ],
)
def test_bad_requests_get_a_json_error_in_chinese(client: httpx.Client, body: dict[str, Any], code: str) -> None:
    response = client.post("/api/v1/match", json=body)
    assert response.status_code == 422
    error = response.json()
    assert error["code"] == code and re.search(CJK, error["message"])
