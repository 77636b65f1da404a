"""With several documents: answers name the document they quote, refusals name what was searched, chat
cards and copied text carry the document's title and 文号, and metadata-only changes change kb_version."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.answering.answer import doc_label
from rag.core.types import Answer, Chunk, Citation
from rag.engine import Engine
from rag.ingest.documents import DocumentLibrary
from tests.builders import write_notices
from tests.conftest import Ingested, copy_corpus, copy_home, settings_for
from ui.web.render import answer_html, copy_text

pytestmark = pytest.mark.slow

VOUCHER_TITLE = "关于印发《遵义市科技创新券管理办法》的通知"


def _chunk(title: str, number: str = "") -> Chunk:
    return Chunk("c1", "d", "第一章 总则 › 第一条", "body", "为鼓励企业创新，制定本办法。", {"doc_title": title, "doc_number": number})


@pytest.mark.parametrize(("title", "label"), [
    ("遵义市“十四五”科技创新发展规划", "《规划》"),
    ("", "《规划》"),
    (VOUCHER_TITLE, "《遵义市科技创新券管理办法》"),
    ("遵义市人民政府办公室关于开展企业研发投入后补助的通知", "《遵义市人民政府办公室关于开展企业研发投入后补助的通知》"),
    ("市人民政府办公室关于印发某市总部企业认定和奖励办法的通知", "《某市总部企业认定和奖励办法》"),  # the name unquoted
])
def test_documents_are_named_as_readers_cite_them(title: str, label: str) -> None:
    assert doc_label(_chunk(title)) == label


def test_chat_card_and_copy_text_name_the_document() -> None:
    cited = _chunk(VOUCHER_TITLE, "遵市科通〔2024〕12号")
    answer = Answer("根据《遵义市科技创新券管理办法》，为鼓励企业创新[1]。", True, (Citation(cited, "为鼓励企业创新", 1.0),), "v2")
    page = answer_html("创新券是干什么的？", answer, lambda c: [c], titled=True)
    assert "<div class='card-doc'>关于印发《遵义市科技创新券管理办法》的通知（遵市科通〔2024〕12号）</div>" in page
    assert "card-doc" not in answer_html("创新券是干什么的？", answer, lambda c: [c])  # one document: no title line
    assert copy_text("创新券是干什么的？", answer).endswith("——关于印发《遵义市科技创新券管理办法》的通知（遵市科通〔2024〕12号）（知识库版本 v2）")


@pytest.fixture()
def library(ingested: Ingested, tmp_path: Path) -> tuple[DocumentLibrary, dict[str, Path]]:
    engine = Engine(settings_for(copy_home(ingested.home, tmp_path / "home"), copy_corpus(tmp_path / "corpus")))
    assert engine.load()
    return DocumentLibrary(engine), write_notices(tmp_path / "src")


def test_answers_name_their_document_and_refusals_the_whole_base(library: tuple[DocumentLibrary, dict[str, Path]]) -> None:
    docs, src = library
    engine = docs.engine
    assert engine.ask("遵义市科技局的办公电话是多少？").answer.startswith("《规划》中没有找到")  # one document
    docs.add(src["voucher"], doc_id="voucher")
    voucher = engine.ask("高企申领创新券，单张面额多少？")
    assert voucher.answerable and voucher.answer.startswith("根据《遵义市科技创新券管理办法》，")
    assert engine.ask("高企到2025年要达到多少家？").answer.startswith("根据《规划》，")
    refusal = engine.ask("遵义市科技局的办公电话是多少？")
    assert not refusal.answerable and refusal.answer.startswith("知识库中没有找到")
    scoped = engine.ask("遵义市科技局的办公电话是多少？", docs=["voucher"])
    assert scoped.answer.startswith("《遵义市科技创新券管理办法》中没有找到")


def test_metadata_only_change_changes_kb_version_and_nothing_is_embedded(library: tuple[DocumentLibrary, dict[str, Path]]) -> None:
    docs, src = library
    first = docs.add(src["voucher"], doc_id="voucher").report
    same = docs.replace("voucher", src["voucher"]).report
    assert not same.changed and same.kb_version == first.kb_version
    renumbered = docs.replace("voucher", src["voucher"], meta={"number": "遵市科通〔2025〕3号", "validity": "2028年4月30日止"}).report
    assert renumbered.changed and renumbered.embedded == 0 and renumbered.kb_version != first.kb_version
    cited = docs.engine.ask("高企申领创新券，单张面额多少？").citations[0].chunk
    assert cited.meta["doc_number"] == "遵市科通〔2025〕3号" and cited.meta["doc_validity"] == "2028年4月30日止"
    assert docs.get("voucher").meta["number"] == "遵市科通〔2025〕3号"
    back = docs.replace("voucher", src["voucher"]).report  # the stated metadata again
    assert back.kb_version == first.kb_version
