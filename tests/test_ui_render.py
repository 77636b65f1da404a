"""What the chat shows, without a browser: citation cards, highlighted quotes, copy text, the outline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from rag.core.types import Answer, Chunk, Citation
from rag.ingest.loader import load_document, read_manifest
from ui.web.outline_tab import TocEntry, build_toc, read_html
from ui.web.render import EXTRACTED_NOTE, GENERATED_NOTE, answer_html, copy_text, highlight, table_html

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
COLUMN = "第三章 遵义市科技发展重点方向 › 一、现代农业科技重点发展方向 › 2.茶 › 专栏5-2：茶科技发展重点"


@pytest.fixture(scope="module")
def chunks() -> list[Chunk]:
    return load_document(read_manifest(CORPUS)[0])


@pytest.fixture(scope="module")
def toc(chunks: list[Chunk]) -> list[TocEntry]:
    return build_toc(chunks)


def _chunk(text: str, section: str = COLUMN, kind: str = "column", cid: str = "a") -> Chunk:
    return Chunk(cid, "plan", section, kind, text)


def test_quote_is_marked_and_text_escaped() -> None:
    assert highlight("甲<乙>。加快建设茶园。其余。", "加快建设茶园。") == "甲&lt;乙&gt;。<mark>加快建设茶园</mark>。其余。"


def test_trimmed_quote_is_marked_clause_by_clause() -> None:
    text = "一是财政投入稳步增加，二是研发投入趋势上升，三是人才队伍壮大。"
    marked = highlight(text, "一是财政投入稳步增加，三是人才队伍壮大")
    assert marked.count("<mark>") == 2 and "<mark>二是" not in marked


def test_answer_has_markers_cards_with_path_and_surrounding_context() -> None:
    cited = _chunk("适宜机械化采摘的茶树新品种选育，抹茶适制品种筛选。", cid="b")
    before = _chunk("前一段。", cid="a")
    answer = Answer("根据《规划》，茶：适宜机械化采摘的茶树新品种选育[1]。", True,
                    (Citation(cited, "适宜机械化采摘的茶树新品种选育", 1.0),), "v1")
    page = answer_html("茶产业要重点发展哪些技术？", answer, lambda c: [before, cited])
    assert "<sup class='ref'>[1]</sup>" in page and "引用原文" in page
    assert "<span class='step'>专栏5-2：茶科技发展重点</span>" in page
    assert "<mark>适宜机械化采摘的茶树新品种选育</mark>" in page
    assert "查看上下文" in page and "前一段。" in page
    assert "\n" not in page  # one line: a blank line would end the raw HTML block in Markdown


def test_a_card_and_the_copy_text_show_the_page_the_passage_is_on() -> None:
    cited = replace(_chunk("适宜机械化采摘的茶树新品种选育。"), meta={"page": 13, "page_end": 14})
    answer = Answer("茶：适宜机械化采摘的茶树新品种选育[1]。", True, (Citation(cited, "适宜机械化采摘的茶树新品种选育", 1.0),), "v1")
    page = answer_html("茶产业要重点发展哪些技术？", answer, lambda c: [cited])
    assert "<span class='card-page'>第13–14页</span>" in page and "查看上下文（本节全文，第13–14页）" in page
    assert "专栏5-2：茶科技发展重点（第13–14页）" in copy_text("茶？", answer)
    assert "card-page" not in answer_html("茶？", replace(answer, citations=(Citation(_chunk("无页码。"), "", 1.0),)), lambda c: [])


def test_not_found_is_plain_with_related_passages_and_no_markers() -> None:
    related = Citation(_chunk("建立市政府领导、市科技局统筹的管理机制。"), "", 0.1)
    answer = Answer("《规划》中没有找到关于“办公电话”的明确内容。", False, (related,), "v1")
    page = answer_html("科技局电话？", answer, lambda c: [c])
    assert "未找到" in page and "相关内容" in page and "没有找到" in page
    assert "card-n" not in page and "<mark>" not in page


def test_the_bubble_says_which_answerer_wrote_the_answer() -> None:
    cited = _chunk("适宜机械化采摘的茶树新品种选育。")
    extractive = Answer("根据《规划》，茶：适宜机械化采摘的茶树新品种选育[1]。", True, (Citation(cited, "适宜机械化采摘的茶树新品种选育", 1.0),), "v1")
    generated = replace(extractive, answer="规划支持选育适宜机械化采摘的茶树新品种[1]。", generated_by="llm")
    assert GENERATED_NOTE in answer_html("茶？", generated, lambda c: [c], llm=True)
    assert EXTRACTED_NOTE in answer_html("茶？", extractive, lambda c: [c], llm=True)
    assert "answer-by" not in answer_html("茶？", extractive, lambda c: [c])  # no LLM configured: nothing to tell apart


def test_declined_question_has_no_cards() -> None:
    page = answer_html("今天天气？", Answer("这个问题不在《规划》的范围内。", False, (), "v1"), lambda c: [c])
    assert "无法回答" in page and "class='card'" not in page


def test_copy_text_carries_answer_and_citations() -> None:
    cited = _chunk("适宜机械化采摘的茶树新品种选育。")
    answer = Answer("根据《规划》，……[1]。", True, (Citation(cited, "适宜机械化采摘的茶树新品种选育", 1.0),), "v9")
    text = copy_text("茶产业要重点发展哪些技术？", answer)
    assert text.splitlines()[:2] == ["问：茶产业要重点发展哪些技术？", "答：根据《规划》，……[1]。"]
    assert f"[1] {COLUMN}" in text and "“适宜机械化采摘的茶树新品种选育”" in text and "v9" in text


def test_toc_follows_the_plan_outline(toc: list[TocEntry]) -> None:
    titles = [e.title for e in toc]
    assert titles[0] == "前言"
    assert [e.title for e in toc if e.kind == "part"][1].startswith("第一部分")
    columns = [e.title for e in toc if e.kind == "column"]
    assert len(columns) == 13 and columns[0].startswith("专栏5-1") and columns[-1].startswith("专栏5-13")
    # The indicator table sits under the section that holds it, not at the end of the document.
    table = next(e for e in toc if e.title == "主要指标表")
    assert table.kind == "table" and toc[toc.index(table) - 1].title == "三、发展目标与主要指标"
    tea = next(e for e in toc if e.title.startswith("专栏5-2"))
    assert tea.path[-2] == "2.茶" and tea.depth == 4


def test_reading_a_column_and_a_chapter(chunks: list[Chunk], toc: list[TocEntry]) -> None:
    pepper = next(e for e in toc if e.title.startswith("专栏5-3"))
    page = read_html(chunks, toc, pepper.path)
    assert "<h2>专栏5-3：辣椒科技发展重点</h2>" in page and "辣椒精深加工关键技术及新产品开发" in page
    chapter = next(e for e in toc if e.title.startswith("第三章"))
    page = read_html(chunks, toc, chapter.path)
    assert page.index("1.酒") < page.index("专栏5-1") < page.index("2.茶") < page.index("专栏5-2")


def test_indicator_table_is_a_real_table(chunks: list[Chunk], toc: list[TocEntry]) -> None:
    table = next(e for e in toc if e.title == "主要指标表")
    page = read_html(chunks, toc, table.path)
    assert "<th>指标</th>" in page and "<th>2020年</th>" in page and "<th>2025年</th>" in page
    assert "<td>高新技术企业</td><td>家</td><td>212</td><td>400</td>" in page
    assert page.count("<tr>") == 14  # header + 13 indicators


def test_table_row_marks_the_cited_row() -> None:
    rows = [Chunk(str(n), "plan", "表", "table-row", "", {"fields": {"指标": name, "2025年": v}})
            for n, (name, v) in enumerate([("甲", "1"), ("乙", "2")])]
    page = table_html(rows, marked="1")
    assert "<tr class='row-cited'><td>乙</td><td>2</td></tr>" in page
