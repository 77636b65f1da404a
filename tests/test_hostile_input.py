"""Hostile input over real HTTP (tests/hostile.py: 300+ cases on every read endpoint): each gets a 4xx JSON
error or a grounded answer / refusal — never a 5xx, never the configuration or keys, never a dump of the plan."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from tests.conftest import CJK, Ingested
from tests.hostile import CASES, INJECTIONS
from tests.portal import portal, portal_settings
from ui.api.keys import create_key, digest

pytestmark = pytest.mark.slow
ENV_KEY = "prk_env_secret_never_shown"
MAX_ANSWER_CHARS = 1500  # a few quoted passages at most, never the plan


@dataclass(frozen=True)
class Target:
    client: httpx.Client
    secrets: tuple[str, ...]


@pytest.fixture(scope="module")
def target(ingested: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    home = tmp_path_factory.mktemp("hostile")
    file_key, record = create_key(home / "api_keys.json", "门户")
    settings = portal_settings(home, api_keys=digest(ENV_KEY), rate_per_minute=0)
    secrets = (ENV_KEY, digest(ENV_KEY), file_key, record.sha256, str(home), str(ingested.home), "POLICY_RAG", "api_keys", "Traceback")
    with portal(ingested.engine, settings) as client:
        yield Target(client, secrets)


def test_there_are_at_least_200_cases() -> None:
    assert len(CASES) >= 200


def _check_success(path: str, body: bytes, text: str) -> None:
    if path.endswith("/stream"):
        assert text.rstrip().endswith("}") and "event: done" in text
        return
    data = json.loads(text)
    if path.endswith("/ask"):
        assert len(data["answer"]) <= MAX_ANSWER_CHARS and len(data["citations"]) <= 20
        if any(i.encode() in body for i in INJECTIONS):
            assert data["answerable"] is False, data["answer"]  # injections are refused, not followed
    elif path.endswith("/search"):
        assert len(data["results"]) <= 50


@pytest.mark.parametrize(("name", "path", "body", "ctype"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input_never_breaks_or_leaks(target: Target, name: str, path: str, body: bytes, ctype: str) -> None:
    response = target.client.post(path, content=body, headers={"content-type": ctype} if ctype else {})
    assert response.status_code < 500, (name, response.status_code, response.text[:300])
    assert response.headers.get("x-request-id")
    text = response.text
    assert not any(secret in text for secret in target.secrets), name
    if response.status_code >= 400:
        error = response.json()
        assert set(error) == {"code", "message", "request_id"} and re.search(CJK, error["message"]), error
    else:
        _check_success(path, body, text)


def test_the_server_is_healthy_after_the_barrage(target: Target) -> None:
    assert target.client.get("/api/v1/health").status_code == 200
    answer = target.client.post("/api/v1/ask", json={"question": "高企到2025年要达到多少家？"}).json()
    assert answer["answerable"] is True and "400" in answer["answer"]


def test_injection_prompts_are_refused_in_both_languages(target: Target) -> None:
    for prompt in INJECTIONS:
        data = target.client.post("/api/v1/ask", json={"question": prompt}).json()
        assert data["answerable"] is False, prompt


def test_large_bodies_are_rejected_before_parsing(target: Target) -> None:
    body = b'{"question": "' + "茶".encode() * 40_000 + b'"}'
    response = target.client.post("/api/v1/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["code"] == "too_large"
