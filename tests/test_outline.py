"""The outline parser: heading levels, breadcrumbs, split headings restored, tables placed."""

from __future__ import annotations

import pytest

from rag.core.types import Chunk
from rag.ingest.outline import format_heading, heading_level, parse_outline

CH2 = "第二章 遵义市新时代科技创新发展新路径"
COLUMNS = {
    "5-1": "一、现代农业科技重点发展方向 › 1.酒 › 专栏5-1：酒科技发展重点",
    "5-2": "一、现代农业科技重点发展方向 › 2.茶 › 专栏5-2：茶科技发展重点",
    "5-3": "一、现代农业科技重点发展方向 › 3.辣椒 › 专栏5-3：辣椒科技发展重点",
    "5-4": "一、现代农业科技重点发展方向 › 4.果蔬 › 专栏5-4：果蔬科技发展重点",
    "5-5": "一、现代农业科技重点发展方向 › 5.中药材 › 专栏5-5：中药材及加工科技发展重点",
    "5-6": "一、现代农业科技重点发展方向 › 6.畜牧 › 专栏5-6：畜牧科技发展重点",
    "5-7": "二、现代工业科技重点发展方向 › 1.高端装备 › 专栏5-7：高端装备科技发展重点",
    "5-8": "二、现代工业科技重点发展方向 › 2.数字新基建 › 专栏5-8：数字新基建科技发展重点",
    "5-9": "二、现代工业科技重点发展方向 › 3.新材料 › 专栏5-9：新材料科技发展重点",
    "5-10": "二、现代工业科技重点发展方向 › 4.清洁高效能源与资源综合利用 › 专栏5-10：清洁高效能源与资源综合利用科技发展重点",
    "5-11": "二、现代工业科技重点发展方向 › 5.现代生物制药与中草药 › 专栏5-11：现代生物制药与中草药科技发展重点",
    "5-12": "三、现代服务业科技重点发展方向 › 1.生产性服务业 › 专栏5-12：生产性服务业科技发展重点",
    "5-13": "三、现代服务业科技重点发展方向 › 2.大数据与实体经济深度融合 › 专栏5-13：大数据与实体经济深度融合科技发展重点",
}


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("前 言", 0),
        ("第一部分 迈向创新型城市", 0),
        ("第三章 遵义市科技发展重点方向", 1),
        ("第十二章 落实和完善创新政策", 1),
        ("一、指导思想", 2),
        ("二、基本原", 2),
        ("四、构建“走出去”开放式科技创新主体", 2),
        ("2.茶", 3),
        ("3、辣椒", 3),
        ("专栏 5-2：茶科技发展重点", 4),
        ("专栏 5-10：清洁高效能源与资源综合利用科技发展重点", 4),
    ],
)
def test_heading_levels(line: str, level: int) -> None:
    assert heading_level(line) == level


@pytest.mark.parametrize(
    "line",
    [
        "一、加强组织领导，完善工作机制。",  # ends like a sentence
        "2020 年，企业科技创新对经济社会发展的支撑作用显著，以企",
        "3 国家级重点实验室（个） 1 2",  # an indicator-table row, not "3." heading
        "则",
        "一、" + "很长的标题" * 10,
    ],
)
def test_body_lines_are_not_headings(line: str) -> None:
    assert heading_level(line) is None


def test_headings_are_formatted_canonically() -> None:
    assert format_heading("第三章遵义市科技发展重点方向") == "第三章 遵义市科技发展重点方向"
    assert format_heading("专栏 5-2：茶科技发展重点") == "专栏5-2：茶科技发展重点"
    assert format_heading("第一部分  迈向创新型城市") == "第一部分 迈向创新型城市"


def test_breadcrumbs_nest_and_close() -> None:
    lines = ["第三章 重点方向", "一、农业", "农业总述。", "1.茶", "茶的正文。", "专栏 5-2：茶重点", "甲技术，乙技术。", "二、工业", "工业正文。"]
    sections = parse_outline(lines).sections
    assert [(s.path, s.kind, s.paragraphs) for s in sections] == [
        (("第三章 重点方向", "一、农业"), "body", ("农业总述。",)),
        (("第三章 重点方向", "一、农业", "1.茶"), "body", ("茶的正文。",)),
        (("第三章 重点方向", "一、农业", "1.茶", "专栏5-2：茶重点"), "column", ("甲技术，乙技术。",)),
        (("第三章 重点方向", "二、工业"), "body", ("工业正文。",)),
    ]


def test_heading_split_across_pages_is_restored_with_each_body_in_its_place() -> None:
    # The PDF prints "二、基本原" right after "一、指导思想", then 指导思想's body, then the orphan "则".
    lines = ["第二章 路径", "一、指导思想", "二、基本原", "指导思想正文第一行，", "正文结束。", "则", "原则正文。"]
    sections = parse_outline(lines).sections
    assert [(s.path[-1], s.paragraphs) for s in sections] == [
        ("一、指导思想", ("指导思想正文第一行，正文结束。",)),
        ("二、基本原则", ("原则正文。",)),
    ]


def test_table_placeholder_is_attributed_to_the_section_that_holds_it() -> None:
    lines = ["第二章 路径", "三、目标", "目标正文。", "⟦TABLE:0⟧", "四、部署", "部署正文。"]
    outline = parse_outline(lines)
    assert outline.table_paths == {0: ("第二章 路径", "三、目标")}
    assert all("⟦" not in p for s in outline.sections for p in s.paragraphs)


# -- the real plan ------------------------------------------------------------------------------------
def _sections(chunks: list[Chunk]) -> list[str]:
    return list(dict.fromkeys(c.section for c in chunks))


def test_plan_split_heading_is_restored(plan_chunks: list[Chunk]) -> None:
    sections = _sections(plan_chunks)
    assert f"{CH2} › 二、基本原则" in sections
    assert not [s for s in sections if s.endswith("基本原")]
    assert sections.index(f"{CH2} › 一、指导思想") + 1 == sections.index(f"{CH2} › 二、基本原则")


def test_plan_bodies_sit_under_the_right_heading(plan_chunks: list[Chunk]) -> None:
    guiding = " ".join(c.text for c in plan_chunks if c.section == f"{CH2} › 一、指导思想")
    principles = " ".join(c.text for c in plan_chunks if c.section == f"{CH2} › 二、基本原则")
    assert guiding.startswith("全面贯彻党的十九大和十九届历次全会精神")
    assert guiding.endswith("为建设红色传承引领地、绿色发展示范区、美丽幸福新遵义提供科技支撑。")
    assert principles.startswith("以重大需求作为战略任务。")
    assert "以科技引领作为逻辑起点" in principles
    assert "全面贯彻党的十九大" not in principles
    assert "以重大需求作为战略任务" not in guiding


def test_plan_has_all_13_columns_with_their_breadcrumbs(plan_chunks: list[Chunk]) -> None:
    columns = _sections([c for c in plan_chunks if c.kind == "column"])
    expected = [f"第三章 遵义市科技发展重点方向 › {tail}" for tail in COLUMNS.values()]
    assert columns == expected
    assert "第三章 遵义市科技发展重点方向 › 一、现代农业科技重点发展方向 › 2.茶 › 专栏5-2：茶科技发展重点" in columns


def test_plan_column_text_belongs_to_its_column(plan_chunks: list[Chunk]) -> None:
    text = {s: " ".join(c.text for c in plan_chunks if c.section == s) for s in _sections(plan_chunks)}
    base = "第三章 遵义市科技发展重点方向 › "
    assert "辣椒精深加工关键技术及新产品开发" in text[base + COLUMNS["5-3"]]
    assert "密闭连续式逆流萃取" in text[base + COLUMNS["5-2"]]
    assert "人工鼻" in text[base + COLUMNS["5-1"]]
    # The body of 1.酒 stays out of its 专栏, and the 专栏 text out of the body.
    assert "白酒生产微生物多样性" not in text[base + "一、现代农业科技重点发展方向 › 1.酒"]


def test_plan_part_headings_are_kept_in_metadata_not_in_the_breadcrumb(plan_chunks: list[Chunk]) -> None:
    chunk = next(c for c in plan_chunks if c.section.startswith("第一章"))
    assert chunk.meta["part"] == "第一部分 迈向创新型城市"
    assert "部分" not in chunk.section



def test_a_line_opening_with_a_comma_continues_the_numbered_line_before_it() -> None:
    """A PDF wrapped "（十二）…的" before "，由…": one sentence, not a heading over a quote that opens with "，"."""
    outline = parse_outline(["五、监管措施", "（十二）竞买人提供虚假材料骗取地价优惠的", "，由主管部门收回土地使用权。"])
    assert [s.path for s in outline.sections] == [("五、监管措施",)]
    assert outline.sections[0].paragraphs == ("（十二）竞买人提供虚假材料骗取地价优惠的，由主管部门收回土地使用权。",)
