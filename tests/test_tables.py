"""Tables the PDF interleaved with body text come out as structured rows; the body joins up again."""

from __future__ import annotations

import pytest

from rag.core.types import Chunk
from rag.ingest.loader import table_records
from rag.ingest.repair import clean_lines, join_lines, lift_figures
from rag.ingest.tables import PLACEHOLDER, Table, extract_tables
from tests.conftest import PLAN

INDICATORS = [
    ("全社会研究与发展经费投入占GDP比重", "%", "0.5", "1.2"),
    ("财政科技经费占财政总支出比重", "%", "1.47", "3"),
    ("国家级重点实验室", "个", "1", "2"),
    ("省级重点实验室和工程技术研究中心", "个", "25", "30"),
    ("科技创新平台", "个", "263", "300"),
    ("高新技术企业", "家", "212", "400"),
    ("高新技术企业营业收入", "亿元", "406", "1000"),
    ("科技型企业", "家", "300", "500"),
    ("创新人才团队", "个", "70", "100"),
    ("省级以上科技人才", "人", "160", "300"),
    ("有效发明专利拥有量", "件/万人", "2.99", "4"),
    ("蓉渝筑与遵义市企业技术合同成交金额", "亿元", "-", "50"),
    ("蓉渝筑企业协同科技创新中心", "个", "1", "10"),
]
REGION_TABLE = "表3.1 开放式蓉渝筑融合创新基地"


# -- hand-written imitations ------------------------------------------------------------------------
def test_indicator_rows_are_lifted_out_and_the_interrupted_sentence_rejoins() -> None:
    lines = [
        "目标段落。",
        "序号 指标 2020 年 2025 年",
        "1 研发经费投入占 GDP 比重（%） 0.5 1.2",
        "2 国家级重点实验室（个） 1 2",
        "培育壮大农作物育种、多品种高端",
        "3 技术合同成交金额（亿元） - 50",
        "特种装备批量制造等产业。",
    ]
    body, tables = extract_tables(lines)
    assert body == ["目标段落。", "⟦TABLE:0⟧", "培育壮大农作物育种、多品种高端", "特种装备批量制造等产业。"]
    assert join_lines(body[2:]) == ["培育壮大农作物育种、多品种高端特种装备批量制造等产业。"]
    [table] = tables
    assert table.header == ["序号", "指标", "单位", "2020年", "2025年"]
    assert table.rows[0] == {"序号": "1", "指标": "研发经费投入占GDP比重", "单位": "%", "2020年": "0.5", "2025年": "1.2"}
    assert table.rows[2]["2020年"] == "-"


def test_indicator_records_read_as_sentences() -> None:
    table = Table("主要指标", ["序号", "指标", "单位", "2020年", "2025年"])
    table.rows.append({"序号": "3", "指标": "技术合同成交金额", "单位": "亿元", "2020年": "-", "2025年": "50"})
    [record] = table_records(table, ("第二章 路径", "三、目标"))
    assert record.path == ("第二章 路径", "三、目标", "主要指标表")
    assert record.text == "主要指标第3项：技术合同成交金额（亿元），2020年基期值无数据，2025年目标值50。"


def test_rows_out_of_sequence_are_left_in_the_body() -> None:
    lines = ["序号 指标 2020 年 2025 年", "1 甲指标（个） 1 2", "3 这行不是第二行（个） 5 6"]
    body, tables = extract_tables(lines)
    assert len(tables[0].rows) == 1
    assert "3 这行不是第二行（个） 5 6" in body


INTERLEAVED = [
    "二、拓展基地",
    "正文。",
    "表 9.2 测试融合创新基地",
    "产业科技",
    "方向",
    "外延目的区域 外延路径",
    "农业科技",
    "成都重点合作区域：甲区、",
    "乙区等。",
    "重庆重点合作区域：丙区等。",
    "将农业资源融合，",
    "提升能力。",
    "工业科技 成都重点合作区域：丁区 将工业研发端",
    "、戊区等。",
    "重庆重点合作区域：己区等。",
    "向外拓展。",
    "现代服务",
    "业科技",
    "成都重点合作区域：庚区等。",
    "将服务业外延。",
    "三、下一节",
    "下一节正文。",
]


def test_two_column_table_with_interleaved_cells_is_parsed_into_rows() -> None:
    body, [table] = extract_tables(INTERLEAVED)
    assert body == ["二、拓展基地", "正文。", "⟦TABLE:0⟧", "三、下一节", "下一节正文。"]
    assert table.title == "表9.2 测试融合创新基地"
    assert table.header == ["产业科技方向", "外延目的区域", "外延路径"]
    assert [r["产业科技方向"] for r in table.rows] == ["农业科技", "工业科技", "现代服务业科技"]
    assert table.rows[1] == {
        "产业科技方向": "工业科技",
        "外延目的区域": "成都重点合作区域：丁区、戊区等。重庆重点合作区域：己区等。",
        "外延路径": "将工业研发端向外拓展。",
    }


def test_two_column_table_gives_one_record_per_direction_and_region() -> None:
    _, [table] = extract_tables(INTERLEAVED)
    records = table_records(table, ("第六章 体系", "二、拓展基地"))
    assert [(r.fields["方向"], r.fields["合作区域"].split("：")[0]) for r in records] == [
        ("农业科技", "成都重点合作区域"),
        ("农业科技", "重庆重点合作区域"),
        ("工业科技", "成都重点合作区域"),
        ("工业科技", "重庆重点合作区域"),
        ("现代服务业科技", "成都重点合作区域"),
    ]
    assert records[1].fields["合作区域"] == "重庆重点合作区域：丙区等"
    assert records[1].fields["外延路径"] == "将农业资源融合，提升能力。"
    assert records[1].path == ("第六章 体系", "二、拓展基地", "表9.2 测试融合创新基地")


# -- the real plan ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def plan_tables() -> tuple[list[str], list[Table]]:
    return extract_tables(lift_figures(clean_lines(PLAN.read_text(encoding="utf-8"))))


def _rows(chunks: list[Chunk], table: str) -> list[Chunk]:
    return [c for c in chunks if c.kind == "table-row" and c.meta["table"] == table]


def test_plan_has_the_indicator_table_and_table_3_1(plan_tables: tuple[list[str], list[Table]]) -> None:
    body, tables = plan_tables
    assert [t.title for t in tables] == ["主要指标", REGION_TABLE]
    assert sum(bool(PLACEHOLDER.match(line)) for line in body) == 2


def test_plan_indicator_table_gives_13_records_with_the_right_values(plan_chunks: list[Chunk]) -> None:
    rows = _rows(plan_chunks, "主要指标")
    got = [(r.meta["fields"]["指标"], r.meta["fields"]["单位"], r.meta["fields"]["2020年"], r.meta["fields"]["2025年"]) for r in rows]
    assert got == INDICATORS
    assert {r.section for r in rows} == {"第二章 遵义市新时代科技创新发展新路径 › 三、发展目标与主要指标 › 主要指标表"}
    by_name = {r.meta["fields"]["指标"]: r.text for r in rows}
    assert "2020年基期值212，2025年目标值400" in by_name["高新技术企业"]
    assert "2020年基期值406，2025年目标值1000" in by_name["高新技术企业营业收入"]


def test_plan_body_sentence_split_by_the_indicator_table_is_rejoined(plan_chunks: list[Chunk]) -> None:
    body = [c for c in plan_chunks if c.kind == "body"]
    [chunk] = [c for c in body if "多品种高端特种装备批量制造" in c.text]
    assert chunk.section.endswith("四、科技创新总体部署")
    assert not [c for c in body if "高新技术企业（家）" in c.text or "序号" in c.text]


def _region_records(chunks: list[Chunk]) -> dict[tuple[str, str], Chunk]:
    return {(r.meta["fields"]["方向"], r.meta["fields"]["合作区域"][:2]): r for r in _rows(chunks, REGION_TABLE)}


def test_plan_table_3_1_gives_9_direction_by_region_records(plan_chunks: list[Chunk]) -> None:
    records = _region_records(plan_chunks)
    assert len(_rows(plan_chunks, REGION_TABLE)) == 9
    assert set(records) == {(d, r) for d in ("农业科技", "工业科技", "现代服务业科技") for r in ("成都", "重庆", "贵阳")}
    assert {c.section for c in _rows(plan_chunks, REGION_TABLE)} == {
        f"第六章 建设蓉渝筑遵高效协同开放区域创新体系 › 二、拓展开放创新基地 › {REGION_TABLE}"
    }


@pytest.mark.parametrize(
    ("direction", "region", "cell"),
    [
        ("农业科技", "成都", "成都重点合作区域：成都新津区中国农业博览核心区、成都崇州现代农业产业功能区、温江农业产业都市现代园区、蒲江现代农业产业区、四川农业大学等"),
        ("农业科技", "重庆", "重庆重点合作区域：北碚区、九龙坡区等农业科技创新中心"),
        ("农业科技", "贵阳", "贵阳重点合作区域：花溪区、贵州省农科院等"),
        ("工业科技", "成都", "成都重点合作区域：电子信息产业生态圈、医药健康产业生态圈、航空航天产业生态圈、智能制造产业生态圈、先进材料产业生态圈、绿色智能网联汽车产业生态圈等"),
        ("工业科技", "重庆", "重庆重点合作区域：渝北区、九龙坡区、北碚区等"),
        ("工业科技", "贵阳", "贵阳重点合作区域：观山湖区、花溪区、贵安新区等"),
        ("现代服务业科技", "成都", "成都重点合作区域：现代金融产业生态圈、现代物流产业生态圈、现代商贸产业生态圈、文旅（运动）产业生态圈"),
        ("现代服务业科技", "重庆", "重庆重点合作区域：江北区、南岸区、沙坪坝区等"),
        ("现代服务业科技", "贵阳", "贵阳重点合作区域：观山湖区、花溪区、综保区等"),
    ],
)
def test_plan_table_3_1_region_cells(plan_chunks: list[Chunk], direction: str, region: str, cell: str) -> None:
    record = _region_records(plan_chunks)[(direction, region)]
    assert record.meta["fields"]["合作区域"] == cell


@pytest.mark.parametrize(
    ("direction", "route"),
    [
        ("农业科技", "将遵义地区的烟酒茶等特色农业科技研发资源与外延目的区域的核心科技创新资源融合，鼓励本地农业龙头企业在外延区域建立研发中心，将科技成果转移到遵义进行本地转化，提升烟酒茶、金银花、花椒、黔北麻羊等重点农产品从育种、栽培、农产品深加工等领域的科技创新能力，提升烟酒茶在西南乃至国内的产业集中度。"),
        ("工业科技", "将遵义的航空航天、装备制造、电子信息、智能制造、生物医药、新材料等产业的龙头企业轻资产研发端，向成都、重庆和贵阳重点合作区域进行拓展，实现“蓉渝筑高端研发、遵义精益制造”的产业科技创新新格局。"),
        ("现代服务业科技", "将遵义红色文旅、生产性服务业、科技金融、现代物流与商贸等现代服务业科技圈，与成都、重庆和贵阳等地重点合作区域进行深度融合，将研发基地外延。"),
    ],
)
def test_plan_table_3_1_route_cells(plan_chunks: list[Chunk], direction: str, route: str) -> None:
    for region in ("成都", "重庆", "贵阳"):
        assert _region_records(plan_chunks)[(direction, region)].meta["fields"]["外延路径"] == route


def test_plan_table_3_1_cells_do_not_leak_into_the_body(plan_chunks: list[Chunk]) -> None:
    assert not [c for c in plan_chunks if c.kind != "table-row" and "重点合作区域：" in c.text]
