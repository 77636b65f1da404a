"""Page numbers in citations: derived from a PDF's pages, or from a text's page marks when its printed numbers agree."""

from __future__ import annotations

import re
from pathlib import Path

from rag.core.types import Chunk
from rag.ingest.loader import DocInfo, parse_document, read_manifest
from rag.ingest.pages import PageFinder, Pages, text_pages
from tests.builders import PLAN_PDF_HEADER, plan_lines, write_pdf, write_pdf_notice
from tests.conftest import CORPUS, PLAN


def _squeeze(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text)


def _holding(chunks: list[Chunk], line: str) -> Chunk:
    return next(c for c in chunks if _squeeze(line) in _squeeze(c.text))


def _pages_of(chunk: Chunk) -> range:
    return range(chunk.meta["page"], chunk.meta.get("page_end", chunk.meta["page"]) + 1)


def test_page_marks_count_pages_and_the_printed_numbers_anchor_them() -> None:
    page = ["第一段正文写在这一页上。", "它还有第二行。"]
    text = "\n".join([" " + page[0], page[1], " " + page[0].replace("一", "二"), page[1], "2",
                      "紧接页码之后的一页。", " 第四页从空格开始。", "又一行。", "4", "最后一页。"])
    pages = text_pages(text)
    assert pages is not None and len(pages.texts) == 5 and pages.first == 1  # 2 and 4 close their pages
    finder = PageFinder(pages)
    assert finder.span("紧接页码之后的一页。") == (3, 3) and finder.span("第四页从空格开始。又一行。") == (4, 4)
    assert finder.span("第一段正文写在这一页上。它还有第二行。") == (1, 1)
    assert finder.span("这句话不在文档里。") is None


def test_printed_numbers_that_disagree_with_the_count_give_no_pages() -> None:
    lines = [" 一页。", "3", " 又一页。", "9", " 再一页。"]  # 3 then 9: no single offset
    assert text_pages("\n".join(lines)) is None
    assert text_pages(" 缩进的段落。\n 另一个缩进的段落。\n 第三段。") is None  # indentation alone is no page mark


def test_form_feeds_are_pages() -> None:
    pages = text_pages("第一页的文字内容。\f第二页的文字内容，跨到\f第三页的结尾。")
    assert pages is not None and PageFinder(pages).span("第二页的文字内容，跨到第三页的结尾。") == (2, 3)


def test_a_table_row_is_found_by_its_cells_where_the_row_stands() -> None:
    pages = Pages(["前文提到创新平台数量。", "表1 指标\n2 创新平台（个） 263 300"])
    assert PageFinder(pages).span("表1第2项：创新平台（个），2020年263，2025年300。", ["2", "创新平台（个）", "263", "300"]) == (2, 2)


def test_the_plan_text_pages_agree_with_its_printed_numbers() -> None:
    chunks, _ = parse_document(read_manifest(CORPUS)[0])
    assert all("page" in c.meta for c in chunks)
    text = PLAN.read_text(encoding="utf-8").split("\n")
    # Each bare printed number closes its page: the line above it is on that page, the line after on the next.
    for at in (n for n, line in enumerate(text) if re.fullmatch(r"\d{1,3}", line.strip())):
        before = next(x for x in reversed(text[:at]) if len(_squeeze(x)) >= 12)
        after = next(x for x in text[at + 1 :] if len(_squeeze(x)) >= 12)
        number = int(text[at])
        assert number in _pages_of(_holding(chunks, before)), (number, before)
        assert number + 1 in _pages_of(_holding(chunks, after)), (number, after)
    assert [c.page_label for c in chunks[:1]] == ["第2页"]


def test_a_pdf_citation_carries_its_page(tmp_path: Path) -> None:
    lines = plan_lines(PLAN)
    pdf = write_pdf(lines, tmp_path / "plan.pdf", header=PLAN_PDF_HEADER, per_page=40)
    chunks, _ = parse_document(DocInfo("plan", "plan", pdf, {}))
    checked = 0
    for n in range(45, len(lines), 41):
        if len(_squeeze(lines[n])) < 12 or not any(_squeeze(lines[n]) in _squeeze(c.text) for c in chunks):
            continue
        assert n // 40 + 1 in _pages_of(_holding(chunks, lines[n])), (n, lines[n])
        checked += 1
    assert checked >= 10


def test_rows_of_a_pdf_table_running_over_pages_carry_their_own_page(tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = write_pdf_notice(tmp_path / "notice.pdf", projects=60)
    chunks, _ = parse_document(DocInfo("notice", "notice", pdf, {}))
    pages = [_squeeze(p.extract_text()) for p in PdfReader(pdf).pages]
    rows = [c for c in chunks if c.kind == "table-row" and "项目名称" in c.meta["fields"]]
    assert len(rows) == 60 and len({c.meta["page"] for c in rows}) == len(pages) == 3
    for row in rows:
        name = _squeeze(row.meta["fields"]["项目名称"] + row.meta["fields"]["承担单位"])
        assert [n for n, text in enumerate(pages, start=1) if name in text] == [row.meta["page"]], row.text
