"""Chunking: sentence-aligned body chunks, whole 专栏 items, one chunk per table row, stable ids."""

from __future__ import annotations

import hashlib
import re
from itertools import groupby
from pathlib import Path

from rag.core.types import Chunk, Record, Section
from rag.ingest.chunking import BODY_CHARS, COLUMN_CHARS, chunk_id, record_chunk, section_label, split_section
from rag.ingest.loader import load_document, read_manifest
from tests.conftest import CORPUS, copy_corpus

SENTENCE_END = re.compile(r"[。！？；]$")
DOC = "plan"


def _sentence(n: int, length: int = 60) -> str:
    return f"第{n}句" + "科" * (length - 4) + "。"


def test_body_chunks_are_cut_between_sentences_and_stay_under_the_limit() -> None:
    paragraph = "".join(_sentence(n) for n in range(12))
    chunks = split_section(Section(("第一章 总述", "一、概况"), "body", (paragraph,)), doc=DOC)
    assert len(chunks) > 2
    assert all(len(c.text) <= BODY_CHARS and SENTENCE_END.search(c.text) for c in chunks)
    assert "".join(c.text for c in chunks) == paragraph
    assert [c.meta["seq"] for c in chunks] == list(range(len(chunks)))


def test_an_over_long_body_sentence_is_kept_whole() -> None:
    long_sentence = "，".join(["坚持创新驱动发展"] * 45) + "。"
    assert len(long_sentence) > BODY_CHARS
    chunks = split_section(Section(("第二章 路径", "一、指导思想"), "body", (_sentence(1), long_sentence)), doc=DOC)
    assert [c.text for c in chunks] == [_sentence(1), long_sentence]


def test_column_chunks_may_cut_a_long_list_between_clauses() -> None:
    items = "，".join(f"第{n}项关键技术研究" for n in range(80)) + "。"
    chunks = split_section(Section(("第三章 方向", "1.茶", "专栏5-2：茶重点"), "column", (items,)), doc=DOC)
    assert len(chunks) > 1
    assert all(c.kind == "column" and len(c.text) <= COLUMN_CHARS for c in chunks)
    assert all(re.search(r"[，。]$", c.text) for c in chunks)


def test_breadcrumb_drops_the_part_but_metadata_keeps_it() -> None:
    path = ("第一部分 迈向创新型城市", "第一章 态势", "一、投入")
    assert section_label(path) == "第一章 态势 › 一、投入"
    [chunk] = split_section(Section(path, "body", ("正文。",)), doc=DOC)
    assert chunk.section == "第一章 态势 › 一、投入"
    assert chunk.meta["part"] == "第一部分 迈向创新型城市" and chunk.meta["path"] == list(path)
    assert chunk.title == "一、投入"


def test_chunk_ids_are_content_hashes_of_doc_place_and_text() -> None:
    expected = hashlib.sha1(f"{DOC}\x1f第一章 态势\x1f正文。".encode()).hexdigest()[:20]
    assert chunk_id(DOC, "第一章 态势", "正文。") == expected
    assert chunk_id(DOC, "第二章 路径", "正文。") != expected  # same text elsewhere is another chunk
    assert chunk_id("other", "第一章 态势", "正文。") != expected


def test_table_row_chunks_keep_their_fields() -> None:
    fields = {"序号": "6", "指标": "高新技术企业", "单位": "家", "2020年": "212", "2025年": "400"}
    record = Record("主要指标", ("第一部分 总体", "第二章 路径", "三、目标", "主要指标表"), fields, "主要指标第6项：…")
    chunk = record_chunk(record, doc=DOC)
    assert chunk.kind == "table-row" and chunk.section == "第二章 路径 › 三、目标 › 主要指标表"
    assert chunk.meta["fields"] == fields and chunk.meta["table"] == "主要指标"
    assert chunk.id == chunk_id(DOC, chunk.section, record.text)


# -- the real plan ------------------------------------------------------------------------------------
def test_plan_body_chunks_never_end_mid_sentence(plan_chunks: list[Chunk]) -> None:
    body = [c for c in plan_chunks if c.kind == "body"]
    cut = [
        (section, c.text[-20:])
        for section, group in groupby(body, key=lambda c: c.section)
        for c in list(group)[:-1]
        if not SENTENCE_END.search(c.text)
    ]
    assert cut == []


def test_plan_guiding_thought_is_one_whole_sentence(plan_chunks: list[Chunk]) -> None:
    [chunk] = [c for c in plan_chunks if c.section.endswith("一、指导思想")]
    assert chunk.text.startswith("全面贯彻党的十九大") and chunk.text.endswith("提供科技支撑。")


def test_plan_chunks_have_unique_ids_that_match_their_content(plan_chunks: list[Chunk]) -> None:
    assert len({c.id for c in plan_chunks}) == len(plan_chunks)
    assert all(c.id == chunk_id(c.doc, c.section, c.text) for c in plan_chunks)
    assert {c.doc for c in plan_chunks} == {"zunyi-sti-plan"}


def test_plan_reparse_gives_the_same_ids(plan_chunks: list[Chunk]) -> None:
    again = load_document(read_manifest(CORPUS)[0])
    assert [c.id for c in again] == [c.id for c in plan_chunks]


def test_editing_one_paragraph_changes_only_that_chunks_id(plan_chunks: list[Chunk], tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    plan = next(corpus.glob("*.txt"))
    plan.write_text(plan.read_text(encoding="utf-8").replace("上缴\n\n税费达 10亿元", "上缴\n\n税费达 11亿元"), encoding="utf-8")
    edited = load_document(read_manifest(corpus)[0])
    before, after = {c.id for c in plan_chunks}, {c.id for c in edited}
    assert len(before - after) == 1 and len(after - before) == 1
    [new] = [c for c in edited if c.id in after - before]
    assert "上缴税费达11亿元" in new.text


def test_plan_numbers_are_findable_in_body_and_table_chunks(plan_chunks: list[Chunk]) -> None:
    assert [c.kind for c in plan_chunks if "营业收入达340.68亿元" in c.text] == ["body"]
    assert [c.kind for c in plan_chunks if "基期值406" in c.text] == ["table-row"]


def test_plan_chunk_counts(plan_chunks: list[Chunk]) -> None:
    kinds = [c.kind for c in plan_chunks]
    assert kinds.count("table-row") == 13 + 9
    assert len({c.section for c in plan_chunks if c.kind == "column"}) == 13
