"""The `policy-rag` console script as a user runs it, over the session's ingested home."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.builders import write_notices
from tests.conftest import CJK, CLI, Ingested, cli_env, copy_home

pytestmark = pytest.mark.slow


def _run(home: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args], env=cli_env(home), cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=180
    )


def test_ask_json_prints_the_answer_contract(ingested: Ingested, tmp_path: Path) -> None:
    done = _run(ingested.home, tmp_path, "ask", "辣椒精深加工有哪些重点技术？", "--json")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert set(body) == {"answer", "answerable", "citations", "kb_version", "generated_by"}
    assert body["answerable"] is True and body["kb_version"] == ingested.report.kb_version
    keys = {"id", "doc", "section", "text", "quote", "score"}
    assert body["citations"] and all(keys <= set(c) <= keys | {"page", "page_end"} for c in body["citations"])
    assert "专栏5-3" in body["citations"][0]["section"]


def test_ask_prints_a_readable_answer_with_sources(ingested: Ingested, tmp_path: Path) -> None:
    done = _run(ingested.home, tmp_path, "ask", "茶产业要重点发展哪些技术？")
    assert done.returncode == 0, done.stderr
    assert "[1]" in done.stdout and "专栏5-2：茶科技发展重点" in done.stdout


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_is_a_readable_chinese_error(ingested: Ingested, tmp_path: Path, question: str) -> None:
    done = _run(ingested.home, tmp_path, "ask", question)
    assert done.returncode != 0
    assert "错误" in done.stderr and "不能为空" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_ingest_prints_a_chinese_summary(ingested: Ingested, tmp_path: Path) -> None:
    done = _run(ingested.home, tmp_path, "ingest")
    assert done.returncode == 0, done.stderr
    assert "索引无变化" in done.stdout and ingested.report.kb_version in done.stdout
    assert re.search(rf"{ingested.report.chunks} 个片段，新向量化 0 个", done.stdout)


def test_ingest_shows_progress_on_stderr_unless_quiet(tmp_path: Path) -> None:
    corpus = tmp_path / "notices"
    write_notices(corpus)
    env = {**cli_env(tmp_path / "home"), "POLICY_RAG_CORPUS": str(corpus)}

    def ingest(*flags: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(CLI), "ingest", *flags], env=env, cwd=tmp_path, capture_output=True, text=True,
                              encoding="utf-8", timeout=180)

    done = ingest()
    assert done.returncode == 0, done.stderr
    progress = re.findall(r"^(解析文档|向量化|更新索引) (\d+)/(\d+)$", done.stderr, re.MULTILINE)
    assert progress[0] == ("解析文档", "0", "2") and ("向量化", "17", "17") in progress and progress[-1] == ("更新索引", "1", "1")
    # stdout holds only the summary, as before
    assert re.fullmatch(r"索引已更新：版本 \w{12}，17 个片段，新向量化 17 个，删除 0 个，用时 [\d.]+ 秒\n", done.stdout)
    quiet = ingest("--quiet")
    assert quiet.returncode == 0 and "索引无变化" in quiet.stdout
    assert not re.search(r"(解析文档|向量化|更新索引) \d+/\d+", quiet.stderr)


def test_missing_corpus_is_a_readable_chinese_error(tmp_path: Path) -> None:
    env_home = tmp_path / "home"
    done = subprocess.run(
        [str(CLI), "ingest"], env={**cli_env(env_home), "POLICY_RAG_CORPUS": str(tmp_path / "nope")},
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=180,
    )
    assert done.returncode != 0
    assert re.search(CJK, done.stderr) and "语料目录不存在" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_corrupt_index_gives_a_clear_message_and_ingest_rebuilds_it(ingested: Ingested, tmp_path: Path) -> None:
    home = copy_home(ingested.home, tmp_path / "home")
    (home / "index" / "current.json").write_text("{ not json", encoding="utf-8")
    broken = _run(home, tmp_path, "ask", "高企到2025年要达到多少家？")
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
    assert "索引文件损坏" in broken.stderr and "policy-rag ingest" in broken.stderr
    rebuilt = _run(home, tmp_path, "ingest")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert _run(home, tmp_path, "ask", "高企到2025年要达到多少家？").returncode == 0


def test_a_missing_data_directory_is_built_on_first_use(tmp_path: Path) -> None:
    done = _run(tmp_path / "nowhere", tmp_path, "ask", "高企到2025年要达到多少家？")
    assert done.returncode == 0, done.stderr
    assert "400" in done.stdout and (tmp_path / "nowhere" / "index" / "current.json").exists()
