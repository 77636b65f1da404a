"""Faults: `policy-rag ingest`, and `policy-rag serve`'s first-start ingest, SIGKILLed mid-embedding. The
previous index keeps serving, nothing is half-written, and the retry reuses the vectors stored before the kill."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import CLI, Ingested, cli_env, copy_corpus, copy_home, free_port, served, stored_vectors

pytestmark = pytest.mark.slow

QUESTION = "辣椒精深加工有哪些重点技术？"
OLD_COLUMN, NEW_COLUMN = "专栏5-3：辣椒科技发展重点", "专栏5-3：辣椒科学技术发展重点"


def _rewrite_plan(corpus: Path) -> None:
    """“科技” → “科学技术” from chapter 3 on: ~100 of 140 chunks change (headings are part of the ids), so the
    ingest embeds for many seconds, one store batch after another."""
    plan = next(corpus.glob("*.txt"))
    text = plan.read_text(encoding="utf-8")
    start = text.index("第三章 遵义市科技发展重点方向")
    plan.write_text(text[:start] + text[start:].replace("科技", "科学技术"), encoding="utf-8")


def _ids(manifest: bytes) -> set[str]:
    return {c["id"] for c in json.loads(manifest)["chunks"]}


def _env(home: Path, corpus: Path) -> dict[str, str]:
    return {**cli_env(home), "POLICY_RAG_CORPUS": str(corpus)}


def _cli(home: Path, corpus: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(CLI), *args], env=_env(home, corpus), cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _kill_once_vectors_land(proc: subprocess.Popen[bytes], home: Path, log: Path, seconds: float = 300) -> None:
    """SIGKILL `proc` as soon as its first batch of new vectors is in the store, i.e. mid-embedding."""
    before, deadline = stored_vectors(home), time.monotonic() + seconds
    while stored_vectors(home) <= before:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"no vectors written before exit {proc.poll()}:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.05)
    proc.kill()
    assert proc.wait(timeout=30) == -9, "the process finished before it could be killed"


def _asked(home: Path, corpus: Path, cwd: Path) -> dict[str, Any]:
    return dict(json.loads(_cli(home, corpus, cwd, "ask", QUESTION, "--json").stdout))


def _sections(body: dict[str, Any]) -> list[str]:
    return [str(c["section"]) for c in body["citations"]]


def test_an_ingest_killed_mid_embedding_keeps_the_old_version_and_the_retry_reuses_its_vectors(
    ingested: Ingested, tmp_path: Path
) -> None:
    home, corpus = copy_home(ingested.home, tmp_path / "home"), copy_corpus(tmp_path / "corpus")
    _rewrite_plan(corpus)
    index = home / "index"
    manifest, listing = (index / "current.json").read_bytes(), sorted(p.name for p in index.iterdir())
    old = json.loads(manifest)["kb_version"]

    log = tmp_path / "ingest.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(CLI), "ingest"], env=_env(home, corpus), cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
        _kill_once_vectors_land(proc, home, log)

    # Nothing half-written: the same manifest, byte for byte, and no temporary file beside it.
    assert (index / "current.json").read_bytes() == manifest
    assert sorted(p.name for p in index.iterdir()) == listing
    body = _asked(home, corpus, tmp_path)  # a new process serves the old version
    assert body["kb_version"] == old and body["answerable"] is True and any(OLD_COLUMN in s for s in _sections(body))
    with served(home, tmp_path, env={"POLICY_RAG_CORPUS": str(corpus)}) as base:
        ready = httpx.get(f"{base}/api/v1/ready", timeout=30)
        assert ready.status_code == 200 and ready.json()["kb_version"] == old

    retry = _cli(home, corpus, tmp_path, "ingest").stdout
    embedded = int(re.search(r"新向量化 (\d+) 个", retry).group(1))  # type: ignore[union-attr]
    changed = _ids((index / "current.json").read_bytes()) - _ids(manifest)
    assert 0 < embedded < len(changed), retry  # the batches stored before the kill were not embedded again
    body = _asked(home, corpus, tmp_path)
    assert body["kb_version"] != old and body["answerable"] is True
    assert any(NEW_COLUMN in s for s in _sections(body)) and not any(OLD_COLUMN in s for s in _sections(body))


def test_a_server_killed_during_its_first_start_ingest_comes_up_on_restart(tmp_path: Path) -> None:
    home = tmp_path / "home"  # a new home, with an empty store of its own: the first start embeds everything
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(CLI), "serve", "--host", "127.0.0.1", "--port", str(free_port())], env=cli_env(home),
                                cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
        _kill_once_vectors_land(proc, home, log)
    assert not (home / "index" / "current.json").exists()  # killed before any version existed

    with served(home, tmp_path) as base:
        assert httpx.get(f"{base}/api/v1/ready", timeout=30).status_code == 200
        body = httpx.post(f"{base}/api/v1/ask", json={"question": QUESTION}, timeout=60).json()
        assert body["answerable"] is True and any(OLD_COLUMN in s for s in _sections(body))
    done = re.search(r"ingested (\d+) chunks \((\d+) embedded\)", (tmp_path / "server.log").read_text(encoding="utf-8"))
    assert done and 0 < int(done[2]) < int(done[1])  # the restart embedded only what the killed start had not
