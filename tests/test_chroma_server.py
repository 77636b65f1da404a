"""Client/server mode: the same engine over a real `chroma run` server, and what happens when it goes away."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from rag.core.settings import Settings
from rag.engine import Engine
from tests.chroma_run import ChromaRun
from tests.conftest import CORPUS, Ingested, free_port, served

pytestmark = pytest.mark.slow

QUESTION = "辣椒精深加工有哪些重点技术？"
FAST_FAULTS = {"POLICY_RAG_CHROMA_TIMEOUT": "2", "POLICY_RAG_CHROMA_COOLDOWN": "3"}  # fault tests in seconds, not minutes


@dataclass(frozen=True)
class Deployment:
    chroma: ChromaRun
    api: httpx.Client
    chunks: int
    home: Path


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """A `chroma run` server, the corpus ingested into it, and `policy-rag serve --chroma-url` over it."""
    work = tmp_path_factory.mktemp("chroma-server")
    chroma = ChromaRun(work / "chroma", free_port(), work / "chroma.log")
    chroma.start()
    try:
        home = work / "home"
        report = Engine(Settings(home=home, corpus=CORPUS, chroma_url=chroma.url)).ingest()
        with served(home, work, args=["--chroma-url", chroma.url], env=FAST_FAULTS) as base, httpx.Client(base_url=base, timeout=60) as api:
            yield Deployment(chroma, api, report.chunks, home)
    finally:
        chroma.stop()


def _wait_for(check: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.5)


def _recovered(api: httpx.Client) -> bool:
    return api.get("/api/v1/ready").status_code == 200 and "x-degraded" not in api.post("/api/v1/ask", json={"question": QUESTION}).headers


def test_the_chroma_server_holds_the_index(deployment: Deployment) -> None:
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=deployment.chroma.port)
    assert sum(c.count() for c in client.list_collections() if c.name.startswith("chunks-")) == deployment.chunks


def test_two_knowledge_bases_share_a_server_in_their_own_collections(deployment: Deployment, tmp_path: Path) -> None:
    import chromadb

    from tests.builders import write_notices

    corpus = tmp_path / "corpus"
    write_notices(corpus)
    other = Engine(Settings(home=tmp_path / "home", corpus=corpus, chroma_url=deployment.chroma.url, chroma_collection="notices"))
    report = other.ingest()
    assert report.removed == 0 and report.embedded == report.chunks > 0
    counts = {c.name: c.count() for c in chromadb.HttpClient(host="127.0.0.1", port=deployment.chroma.port).list_collections()}
    assert sorted(counts.values()) == sorted([deployment.chunks, report.chunks])  # the plan's vectors are all still there
    assert other.ask("高企申领创新券，单张面额多少？").answerable


def test_ready_and_answers_through_the_chroma_server(deployment: Deployment, ingested: Ingested) -> None:
    ready = deployment.api.get("/api/v1/ready")
    assert ready.status_code == 200 and ready.json()["vector_store"] == "ok"
    response = deployment.api.post("/api/v1/ask", json={"question": QUESTION})
    assert response.status_code == 200 and "x-degraded" not in response.headers
    body = response.json()
    assert set(body) == {"answer", "answerable", "citations", "kb_version", "generated_by"}
    # Same code path as the embedded store: same chunks, same vectors, so the same answer.
    expected = ingested.engine.ask(QUESTION)
    assert body["answer"] == expected.answer and body["kb_version"] == expected.kb_version
    assert [c["id"] for c in body["citations"]] == [c.chunk.id for c in expected.citations]


def test_a_stopped_chroma_server_degrades_to_lexical_then_recovers(deployment: Deployment) -> None:
    api = deployment.api
    deployment.chroma.stop()
    try:
        assert api.get("/api/v1/health").status_code == 200
        ready = api.get("/api/v1/ready")
        assert ready.status_code == 503 and ready.json()["vector_store"] == "down" and ready.json()["code"] == "not_ready"
        answer = api.post("/api/v1/ask", json={"question": QUESTION})
        assert answer.status_code == 200 and answer.headers["x-degraded"] == "lexical-only"
        assert answer.json()["answerable"] is True and "辣椒" in answer.json()["answer"]
        found = api.post("/api/v1/search", json={"query": "孵化器"})
        assert found.status_code == 200 and found.json()["results"]
        assert api.post("/api/v1/match", json={"description": "我们是做辣椒酱的食品企业"}).status_code == 200
    finally:
        deployment.chroma.start()
    _wait_for(lambda: _recovered(api))


def test_a_hung_chroma_server_times_out_instead_of_hanging(deployment: Deployment) -> None:
    api = deployment.api
    deployment.chroma.freeze()
    try:
        started = time.monotonic()
        answer = api.post("/api/v1/ask", json={"question": QUESTION}, timeout=30)
        assert answer.status_code == 200 and answer.headers["x-degraded"] == "lexical-only"
        assert time.monotonic() - started < 10  # the 2 s store timeout, not forever
        # Inside the cool-down the store is skipped at once: later questions do not pay the timeout.
        started = time.monotonic()
        assert api.post("/api/v1/search", json={"query": "孵化器"}).status_code == 200
        assert time.monotonic() - started < 1.5
        assert api.get("/api/v1/ready", timeout=30).status_code == 503
    finally:
        deployment.chroma.resume()
    _wait_for(lambda: _recovered(api))


def test_the_service_starts_while_chroma_is_down_and_recovers(deployment: Deployment, tmp_path: Path) -> None:
    deployment.chroma.stop()
    try:
        with served(deployment.home, tmp_path, args=["--chroma-url", deployment.chroma.url], env=FAST_FAULTS) as base, \
                httpx.Client(base_url=base, timeout=60) as api:
            assert api.get("/api/v1/ready").status_code == 503
            answer = api.post("/api/v1/ask", json={"question": QUESTION})
            assert answer.status_code == 200 and answer.headers["x-degraded"] == "lexical-only" and answer.json()["answerable"]
            deployment.chroma.start()
            _wait_for(lambda: _recovered(api))
    finally:
        if deployment.chroma.proc is None:
            deployment.chroma.start()
