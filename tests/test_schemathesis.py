"""Schemathesis against the app's own OpenAPI spec over real HTTP: no 5xx, no schema violations."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import CJK, Ingested
from tests.portal import portal, portal_settings

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402 - only once schemathesis (and so hypothesis) is there

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def portal_url(ingested: Ingested, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with portal(ingested.engine, portal_settings(tmp_path_factory.mktemp("schemathesis"), rate_per_minute=0)) as client:
        yield str(client.base_url)


def _operations(portal_url: str) -> list[Any]:
    schema = schemathesis.openapi.from_url(f"{portal_url}/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("label", ["POST /api/v1/ask", "POST /api/v1/ask/stream", "POST /api/v1/search", "POST /api/v1/match",
                                   "GET /api/v1/health", "GET /api/v1/ready", "POST /v1/chat/completions", "GET /v1/models"])
def test_the_api_honours_its_own_openapi_spec(portal_url: str, label: str) -> None:
    # Driven through hypothesis directly: schemathesis' pytest plugin does not run under this pytest version.
    operation = {op.label: op for op in _operations(portal_url)}[label]

    @given(case=operation.as_strategy())
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.call_and_validate(base_url=portal_url)

    check()


def test_the_spec_has_chinese_examples_for_every_json_request_body(portal_url: str) -> None:
    spec = httpx.get(f"{portal_url}/openapi.json").json()
    for path, ops in spec["paths"].items():
        for op in ops.values():
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                ref = body["schema"]["$ref"].rsplit("/", 1)[-1]
                examples = spec["components"]["schemas"][ref].get("examples")
                assert examples and re.search(CJK, json.dumps(examples, ensure_ascii=False)), path


def test_the_spec_has_chinese_examples_for_every_response(portal_url: str) -> None:
    """Every documented response of every /api/v1 operation (success and error) shows an example, and
    each operation's examples are in Chinese (health checks have no text to show beyond their status)."""
    spec = httpx.get(f"{portal_url}/openapi.json").json()
    missing, english = [], []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            shown_by_op = []
            for status, response in op["responses"].items():
                shown = [m.get("example", m.get("examples")) for m in (response.get("content") or {}).values()]
                if not any(shown):
                    missing.append(f"{method.upper()} {path} {status}")
                shown_by_op += shown
            if not re.search(CJK, json.dumps(shown_by_op, ensure_ascii=False)):
                english.append(f"{method.upper()} {path}")
    assert not missing, missing
    assert not english, english
