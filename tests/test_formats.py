"""Every supported format through the same repair → tables → outline → chunk pipeline; clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.core.types import Chunk
from rag.ingest.formats import CorpusError, drop_running_lines, read_raw
from rag.ingest.loader import DocInfo, parse_document, read_manifest
from rag.ingest.metadata import read_metadata
from rag.ingest.outline import heading_level, parse_outline
from rag.ingest.pdf_tables import cell_text
from tests.builders import (
    PLAN_PDF_HEADER,
    SPANNED_TABLE,
    TRANSFER_HEADER,
    TRANSFER_TABLE,
    plan_lines,
    transfer_projects,
    write_docx,
    write_notices,
    write_pdf,
    write_pdf_notice,
    write_pdf_spanned,
)
from tests.conftest import CORPUS, PLAN


def _shape(chunks: list[Chunk]) -> list[tuple[str, str, str]]:
    return [(c.section, c.kind, c.text) for c in chunks]


def _parse(path: Path, doc: str = "doc") -> tuple[list[Chunk], dict[str, str]]:
    return parse_document(DocInfo(doc, doc, path, {}))


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_notices(tmp_path_factory.mktemp("notices"))


def test_plan_rendered_to_pdf_parses_to_the_same_chunks(plan_chunks: list[Chunk], tmp_path: Path) -> None:
    pdf = write_pdf(plan_lines(PLAN), tmp_path / "plan.pdf", header=PLAN_PDF_HEADER)
    chunks, meta = _parse(pdf, "zunyi-sti-plan")
    assert _shape(chunks) == _shape(plan_chunks)
    assert [c.id for c in chunks] == [c.id for c in plan_chunks]
    assert not any(PLAN_PDF_HEADER in c.text or "— 3 —" in c.text for c in chunks)
    assert meta["source"] == "plan.pdf"


def test_plan_rendered_to_docx_parses_to_the_same_chunks(plan_chunks: list[Chunk], tmp_path: Path) -> None:
    chunks, _ = _parse(write_docx(list(plan_lines(PLAN)), tmp_path / "plan.docx"), "zunyi-sti-plan")
    assert _shape(chunks) == _shape(plan_chunks)


def test_plan_txt_keeps_its_manifest_metadata(plan_chunks: list[Chunk]) -> None:
    chunks, meta = parse_document(read_manifest(CORPUS)[0])
    assert [c.id for c in chunks] == [c.id for c in plan_chunks]
    assert meta["title"] == "遵义市“十四五”科技创新发展规划" and meta["region"] == "贵州省遵义市"
    assert {c.meta["doc_title"] for c in chunks} == {meta["title"]}


def test_docx_notice_articles_table_and_metadata(notices: dict[str, Path]) -> None:
    chunks, meta = _parse(notices["voucher"])
    assert meta["number"] == "遵市科通〔2024〕12号"
    assert meta["issuer"] == "遵义市科学技术局" and meta["issued"] == "2024-04-10"
    assert meta["title"].endswith("《遵义市科技创新券管理办法》的通知")
    assert meta["validity"] == "本办法自2024年5月1日起施行，有效期三年。"
    sections = {c.section for c in chunks}
    assert {"第一章 总则 › 第一条", "第二章 申领与使用 › 第三条", "第三章 附则 › 第七条"} <= sections
    rows = [c for c in chunks if c.kind == "table-row"]
    assert [r.meta["fields"]["单张面额"] for r in rows] == ["5000元", "1万元"]
    assert rows[0].section == "第二章 申领与使用 › 第五条 › 表1 创新券支持标准"
    assert all(c.meta["doc_number"] == "遵市科通〔2024〕12号" for c in chunks)
    assert chunks[-3].text == "本办法自2024年5月1日起施行，有效期三年。"  # the signature is metadata, not text


def test_html_notice_numbering_table_attachment_and_metadata(notices: dict[str, Path]) -> None:
    chunks, meta = _parse(notices["subsidy"])
    assert meta["number"] == "遵府办发〔2023〕35号" and meta["issuer"] == "遵义市人民政府办公室"
    assert meta["issued"] == "2023-09-01" and meta["validity"].startswith("本通知自印发之日起施行")
    by_section = {c.section: c for c in chunks}
    assert "按企业上年度研发费用增量的10%" in by_section["二、补助标准 › （一）补助比例"].text
    assert "营业执照复印件" in by_section["附件1"].text
    assert "通知如下" in by_section["正文"].text  # the opening before the first heading is kept
    limits = [c.meta["fields"]["单家补助上限"] for c in chunks if c.section == "二、补助标准 › （二）补助上限 › 表1 后补助额度上限"]
    assert limits == ["200万元", "80万元"]
    assert not any("首页" in c.text or "政府网站" in c.text for c in chunks)  # nav and footer dropped


def test_markdown_headings_and_pipe_table(tmp_path: Path) -> None:
    md = tmp_path / "rules.md"
    md.write_text("# 某某办法\n\n## 第一章 总则\n\n**第一条** 为规范管理，制定本办法。\n\n表1 标准\n\n"
                  "| 类型 | 金额 |\n|---|---|\n| 甲类 | 10万元 |\n", encoding="utf-8")
    chunks, _ = _parse(md)
    assert ("第一章 总则 › 第一条", "body", "为规范管理，制定本办法。") in _shape(chunks)
    assert [c.meta["fields"] for c in chunks if c.kind == "table-row"] == [{"类型": "甲类", "金额": "10万元"}]


# -- tables in PDF and DOCX ------------------------------------------------------------------------------
def _fields(rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def pdf_notice(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Chunk], dict[str, str]]:
    return _parse(write_pdf_notice(tmp_path_factory.mktemp("pdf") / "transfer.pdf"))


def test_pdf_ruled_table_rows_are_records_under_their_article(pdf_notice: tuple[list[Chunk], dict[str, str]]) -> None:
    chunks, meta = pdf_notice
    assert meta["number"] == "遵市科通〔2024〕18号" and meta["issuer"] == "遵义市科学技术局"
    rows = [c for c in chunks if c.section == "第二章 奖补标准 › 第五条 › 表1 技术合同奖补标准"]
    assert [c.kind for c in rows] == ["table-row"] * 3
    # the second row's first cell wraps onto two lines in the PDF: joined with nothing in between
    assert [c.meta["fields"] for c in rows] == _fields(TRANSFER_TABLE)
    assert rows[1].text.startswith("表1 技术合同奖补标准｜合同类型：技术转让合同（含专利权转让、专利实施许可）；")


def test_pdf_table_cells_stay_out_of_the_body_text_around_them(pdf_notice: tuple[list[Chunk], dict[str, str]]) -> None:
    chunks, _ = pdf_notice
    body = {c.section: c.text for c in chunks if c.kind != "table-row"}
    assert body["第二章 奖补标准 › 第五条"] == "技术合同奖补按合同类型确定，具体标准见下表。\n奖补资金由市级科技专项资金列支，按年度统一拨付。"
    assert body["第二章 奖补标准 › 第六条"].startswith("申报单位对申报材料的真实性负责")
    assert body["第三章 申报与附则 › 第七条"] == "2024年度第一批拟奖补项目见下表。"
    assert body["第三章 申报与附则 › 第八条"] == "本细则由遵义市科学技术局负责解释。"
    cells = {cell for rows in (TRANSFER_TABLE, transfer_projects()) for row in rows[1:] for cell in row if len(cell) > 3}
    text = "\n".join(body.values())
    assert not [cell for cell in cells if cell in text]
    assert "表1" not in text and "表2" not in text  # the captions became the tables' titles
    assert TRANSFER_HEADER not in text and "— 2 —" not in text


@pytest.mark.parametrize(("repeat_header", "projects"), [(False, 60), (True, 60), (False, 36)])
def test_pdf_table_running_across_page_breaks_is_one_table(repeat_header: bool, projects: int, tmp_path: Path) -> None:
    """60 projects run over three pages, 36 over two (where the running header is too rare to drop)."""
    pdf = write_pdf_notice(tmp_path / "transfer.pdf", repeat_header=repeat_header, projects=projects)
    chunks, _ = _parse(pdf)
    rows = [c for c in chunks if c.kind == "table-row" and "表2" in c.section]
    assert {c.section for c in rows} == {"第三章 申报与附则 › 第七条 › 表2 2024年度第一批科技成果转化奖补项目"}
    assert [c.meta["fields"] for c in rows] == _fields(transfer_projects(projects))
    assert [g.title for g in read_raw(pdf).grids] == ["表1 技术合同奖补标准", "表2 2024年度第一批科技成果转化奖补项目"]


def test_pdf_merged_cell_repeats_and_blank_cell_stays_blank(tmp_path: Path) -> None:
    chunks, _ = _parse(write_pdf_spanned(tmp_path / "spanned.pdf"))
    rows = [c for c in chunks if c.kind == "table-row"]
    assert [c.meta["fields"] for c in rows] == [
        {**fields, "类别": fields["类别"] or "研发平台"} for fields in _fields(SPANNED_TABLE)
    ]
    assert rows[-1].text == "表1 分类支持标准｜类别：人才团队；项目：省级创新人才团队。"
    assert {c.section for c in rows} == {"第一条 › 表1 分类支持标准"}


def test_docx_merged_and_blank_cells(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("第一条 市级科技计划对研发平台和人才团队给予支持，支持标准见下表。")
    document.add_paragraph("表1 分类支持标准")
    table = document.add_table(rows=len(SPANNED_TABLE), cols=3)
    for r, row in enumerate(SPANNED_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    document.save(str(tmp_path / "spanned.docx"))
    chunks, _ = _parse(tmp_path / "spanned.docx")
    assert [c.meta["fields"]["类别"] for c in chunks if c.kind == "table-row"] == ["研发平台", "研发平台", "人才团队"]
    assert [c.meta["fields"]["支持金额"] for c in chunks if c.kind == "table-row"] == ["500万元", "100万元", ""]


def test_docx_header_of_two_rows_with_merged_cells_is_one_header(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("第一条 安居补贴标准见下表。")
    document.add_paragraph("表1 安居补贴标准")
    rows = [("人才类别", "租房补贴", ""), ("", "每月标准", "最长享受期限"), ("A类", "6000元", "5年"), ("B类", "4000元", "3年")]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(0, 0).merge(table.cell(1, 0))  # 人才类别 spans both header rows, 租房补贴 both of its columns
    table.cell(0, 1).merge(table.cell(0, 2))
    document.save(str(tmp_path / "two-row-header.docx"))
    chunks, _ = _parse(tmp_path / "two-row-header.docx")
    assert [c.meta["fields"] for c in chunks if c.kind == "table-row"] == [
        {"人才类别": "A类", "租房补贴每月标准": "6000元", "租房补贴最长享受期限": "5年"},
        {"人才类别": "B类", "租房补贴每月标准": "4000元", "租房补贴最长享受期限": "3年"},
    ]


def test_pdf_rule_that_is_no_table_leaves_the_text_as_it_was(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = ["遵义市科学技术局文件", "遵市科通〔2024〕12号", "第一条 为规范科技计划项目管理，制定本办法。"]
    out = tmp_path / "red-head.pdf"
    pdf = canvas.Canvas(str(out))
    pdf.setFont("STSong-Light", 10)
    for n, line in enumerate(lines):
        pdf.drawString(30, 700 - 16 * n, line)
    pdf.setStrokeColorRGB(1, 0, 0)
    pdf.line(30, 690, 500, 690)  # the red rule under a 红头 document's issuer
    pdf.showPage()
    pdf.save()
    raw = read_raw(out)
    assert raw.text == "\n".join(lines) and raw.grids == []


@pytest.mark.parametrize(
    ("cell", "text"),
    [("技术转让合同（含专利\n权转让、专利实施许可）", "技术转让合同（含专利权转让、专利实施许可）"),
     ("合同成交额的\n 5%", "合同成交额的5%"), ("R&D\nproject", "R&D project"), (" 50万元 ", "50万元"), ("序  号", "序号")],
)
def test_wrapped_cell_lines_join_without_spaces_between_chinese(cell: str, text: str) -> None:
    assert cell_text(cell) == text


@pytest.mark.parametrize(
    ("line", "level"),
    [("第二节 申报条件", 1.5), ("（一）补助比例", 2.5), ("（1）大型企业", 3.5), ("第十二条", 2.8), ("附件2", 0), ("附 则", 1)],
)
def test_government_heading_patterns(line: str, level: float) -> None:
    assert heading_level(line) == level


def test_inline_article_and_sentence_numbering() -> None:
    outline = parse_outline(["第一章 总则", "第一条　为了规范管理，", "制定本办法。", "（一）申报主体应当依法登记；"])
    assert [(s.path, s.paragraphs) for s in outline.sections] == [
        (("第一章 总则", "第一条"), ("为了规范管理，制定本办法。", "（一）申报主体应当依法登记；"))
    ]


def test_running_headers_and_footers_are_dropped() -> None:
    pages = [["某某规划", f"正文第{n}页。", "内部资料 注意保存"] for n in range(4)]
    assert drop_running_lines(pages) == [[f"正文第{n}页。"] for n in range(4)]


def test_metadata_is_read_only_where_stated() -> None:
    assert read_metadata(["前 言", "“十四五”时期是我国……。"]) == {}


def test_validity_is_not_read_from_a_table_marker_before_it() -> None:
    lines = ["第一条 奖补标准见下表。", "⟦GRID:0⟧", "第二条 本办法自印发之日起施行。"]
    assert read_metadata(lines)["validity"] == "本办法自印发之日起施行。"


# -- errors ---------------------------------------------------------------------------------------------
def _encrypted_pdf(tmp_path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(["第一条 为规范管理，制定本办法。"] * 3, tmp_path / "plain.pdf")
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    out = tmp_path / "locked.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def _image_only_pdf(tmp_path: Path) -> Path:
    from reportlab.pdfgen import canvas

    out = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(out))
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    return out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "a.xlsx").write_bytes(b"PK") and d / "a.xlsx", "不支持的文件格式"),
        (lambda d: (d / "e.txt").write_text("", encoding="utf-8") or d / "e.txt", "文档为空"),
        (lambda d: (d / "b.txt").write_text(" \n\n ", encoding="utf-8") and d / "b.txt", "文档为空"),
        (lambda d: (d / "x.docx").write_bytes(b"not a zip") and d / "x.docx", "文档已损坏"),
        (lambda d: (d / "x.pdf").write_bytes(b"%PDF-1.7 cut short") and d / "x.pdf", "文档已损坏"),
        (lambda d: (d / "g.txt").write_bytes("规划".encode("gbk")) and d / "g.txt", "无法读取文档"),
        (_encrypted_pdf, "PDF 已加密"),
        (_image_only_pdf, "没有可提取的文字"),
    ],
)
def test_bad_files_get_a_chinese_error_naming_the_problem(make, message: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CorpusError, match=message):
        read_raw(make(tmp_path))
