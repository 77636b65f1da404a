"""Line-level repair of PDF-extraction damage: page numbers, broken lines, figure labels."""

from __future__ import annotations

import pytest

from rag.ingest.repair import clean_lines, join_lines, lift_figures
from tests.conftest import PLAN


@pytest.fixture(scope="module")
def plan_paragraphs() -> list[str]:
    return join_lines(lift_figures(clean_lines(PLAN.read_text(encoding="utf-8"))))


# -- hand-written damage ----------------------------------------------------------------------------
def test_page_numbers_and_blank_lines_are_dropped() -> None:
    raw = "第一行文字，\r\n\r\n  13  \n- 14 -\n—15—\n\n 第二行文字。\n"
    assert clean_lines(raw) == ["第一行文字，", "第二行文字。"]


def test_numbers_inside_text_are_not_page_numbers() -> None:
    raw = "高新技术企业 212 家，\n2025\n营业收入 406 亿元。"
    lines = clean_lines(raw)
    assert "高新技术企业 212 家，" in lines and "营业收入 406 亿元。" in lines


def test_lines_broken_mid_sentence_are_joined_into_paragraphs() -> None:
    lines = ["全市共有国家高新技术企业 212 家，高新技术企业从业人", "员达 29595 人。", "第二段落！", "没有句号的尾巴"]
    assert join_lines(lines) == ["全市共有国家高新技术企业212家，高新技术企业从业人员达29595人。", "第二段落！", "没有句号的尾巴"]


def test_a_clause_mark_does_not_end_a_paragraph() -> None:
    assert join_lines(["主要包括：", "甲、乙；", "丙。"]) == ["主要包括：甲、乙；丙。"]


def test_figure_labels_are_lifted_out_of_the_sentence_they_split() -> None:
    lines = [
        "图 2 示意协同区",
        "瞄准产业前端研发、中端中试、",
        "甲地",
        "甲乙创新区",
        "丙丁创新区",
        "后端产业化，布局创新机构。",
    ]
    lifted = lift_figures(lines)
    assert lifted[0] == "图2示意协同区（甲地、甲乙创新区、丙丁创新区）"
    assert join_lines(lifted[1:]) == ["瞄准产业前端研发、中端中试、后端产业化，布局创新机构。"]


def test_a_short_line_after_a_finished_sentence_is_not_a_figure_label() -> None:
    lines = ["图 3 某图", "这是一句完整的话。", "则", "下文。"]
    assert lift_figures(lines) == ["图3某图", "这是一句完整的话。", "则", "下文。"]


def test_lines_without_figures_pass_through_unchanged() -> None:
    lines = ["一、指导思想", "正文，", "遵义", "继续。"]
    assert lift_figures(lines) == lines


# -- the real plan ------------------------------------------------------------------------------------
def test_plan_page_number_lines_are_gone() -> None:
    lines = clean_lines(PLAN.read_text(encoding="utf-8"))
    assert not [line for line in lines if line.isdigit()]


def test_plan_sentences_broken_by_page_numbers_are_rejoined(plan_paragraphs: list[str]) -> None:
    text = "\n".join(plan_paragraphs)
    assert "深化白酒生产、勾贮、包装、物流等环节大数据应用，创新营销模式转型升级" in text
    assert "全社会和国民经济发展总体规划实施" in text
    assert "全市共有国家高新技术企业212家，高新技术企业从业人员达29595人" in text


def test_plan_figure_labels_no_longer_split_the_sentence(plan_paragraphs: list[str]) -> None:
    assert "瞄准产业前端研发、中端中试、后端产业化，持续在遵义市布局科技创新机构" in "\n".join(plan_paragraphs)


def test_plan_figure_caption_keeps_its_labels_on_one_line() -> None:
    lines = lift_figures(clean_lines(PLAN.read_text(encoding="utf-8")))
    caption = next(line for line in lines if line.startswith("图1"))
    assert caption == "图1遵义科技协同创新区（遵义、遵渝创新区、遵筑创新区、遵蓉创新区）"
    assert [line for line in lines if "遵渝创新区" in line] == [caption]
