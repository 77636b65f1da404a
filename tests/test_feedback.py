"""Feedback on answers: stored durably in SQLite under the data directory, exported as CSV/JSONL by the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rag.core.settings import Settings
from rag.core.types import Answer, Chunk, Citation
from rag.feedback import FEEDBACK_FILE, Feedback, FeedbackStore, export

CLI = Path(sys.executable).with_name("policy-rag")
SECTION = "第三章 遵义市科技发展重点方向 › 一、现代农业科技重点发展方向 › 2.茶 › 专栏5-2：茶科技发展重点"


def _answer() -> Answer:
    chunk = Chunk("c1", "plan", SECTION, "column", "适宜机械化采摘的茶树新品种选育，抹茶适制品种筛选。")
    cite = Citation(chunk, "适宜机械化采摘的茶树新品种选育", 0.9)
    return Answer("根据《规划》，专栏5-2：茶科技发展重点：适宜机械化采摘的茶树新品种选育[1]。", True, (cite,), "kb123", intent="list")


def _store(home: Path) -> FeedbackStore:
    return FeedbackStore.at(Settings(home=home))


def test_feedback_keeps_question_answer_citations_and_kb_version(tmp_path: Path) -> None:
    store = _store(tmp_path)
    fid = store.add(Feedback.of("那茶呢？", _answer(), "up", context=["辣椒产业要发展哪些技术？"]))

    [item] = _store(tmp_path).all()  # a fresh store object: read back from disk, not from memory

    assert (tmp_path / FEEDBACK_FILE).is_file()
    assert item.id == fid and item.rating == "up" and item.question == "那茶呢？"
    assert item.context == ("辣椒产业要发展哪些技术？",)
    assert item.answer.startswith("根据《规划》") and item.answerable and item.kb_version == "kb123"
    assert item.citations == ({"n": 1, "id": "c1", "section": SECTION, "quote": "适宜机械化采摘的茶树新品种选育"},)
    assert item.created_at


def test_rating_can_change_take_a_comment_and_be_taken_back(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = store.add(Feedback.of("茶产业要重点发展哪些技术？", _answer(), "up"))
    second = store.add(Feedback.of("茶产业要重点发展哪些技术？", _answer(), "up"))

    store.rate(first, "down")
    store.comment(first, "  少了加工技术。 ")
    store.remove(second)

    assert [(f.id, f.rating, f.comment) for f in store.all()] == [(first, "down", "少了加工技术。")]


def test_invalid_ratings_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        Feedback.of("问题", _answer(), "meh")
    store = _store(tmp_path)
    fid = store.add(Feedback.of("问题", _answer(), "down"))
    with pytest.raises(ValueError):
        store.rate(fid, "sideways")


def test_no_feedback_yet_is_an_empty_list_and_creates_nothing(tmp_path: Path) -> None:
    assert _store(tmp_path / "home").all() == []
    assert not (tmp_path / "home").exists()


def test_export_formats_round_trip(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(Feedback.of("茶产业要重点发展哪些技术？", _answer(), "down", comment="希望列出加工技术"))
    items = store.all()

    out = io.StringIO()
    assert export(items, out, "jsonl") == 1
    record = json.loads(out.getvalue())
    assert record["comment"] == "希望列出加工技术" and record["citations"][0]["section"] == SECTION

    out = io.StringIO()
    export(items, out, "csv")
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["rating"] == "down" and row["kb_version"] == "kb123"
    assert json.loads(row["citations"])[0]["quote"] == "适宜机械化采摘的茶树新品种选育"

    with pytest.raises(ValueError):
        export(items, io.StringIO(), "xml")


def test_cli_exports_feedback_as_csv_and_jsonl(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _store(home).add(Feedback.of("茶产业要重点发展哪些技术？", _answer(), "up", comment="很好"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_RAG_")}
    env.update(POLICY_RAG_HOME=str(home), PYTHONIOENCODING="utf-8")

    out = tmp_path / "out" / "feedback.csv"
    done = subprocess.run([str(CLI), "feedback", "export", "--out", str(out)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "1 条反馈" in done.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:  # BOM so spreadsheet programs read the Chinese
        [row] = list(csv.DictReader(fh))
    assert row["question"] == "茶产业要重点发展哪些技术？" and row["comment"] == "很好"

    done = subprocess.run([str(CLI), "feedback", "export", "--format", "jsonl"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    assert json.loads(line)["rating"] == "up"
