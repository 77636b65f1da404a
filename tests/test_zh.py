"""Chinese text handling: normalisation, sentence splitting, character n-grams, jieba words."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.core.zh import (
    Tokenizer,
    char_ngrams,
    cjk_len,
    digit_dates,
    folded,
    normalize,
    split_clauses,
    split_sentences,
    squeeze,
)


def test_normalize_folds_full_width_and_pdf_spacing_but_keeps_chinese_punctuation() -> None:
    assert normalize("全市共有国家高新技术企业 212 家，营业收入达 340.68亿元") == "全市共有国家高新技术企业212家，营业收入达340.68亿元"
    assert normalize("ＲＤ经费１．２") == "RD经费1．2"
    assert normalize("企业 R&D 经费支出") == "企业R&D经费支出"
    assert normalize("\u3000专栏\x07 5-2：茶\x1f ") == "专栏5-2：茶"
    assert normalize("“十四五”时期（2021—2025年）；") == "“十四五”时期（2021—2025年）；"


def test_normalize_keeps_spaces_between_latin_words() -> None:
    assert normalize("A man plays guitar") == "A man plays guitar"


def test_sentences_split_on_chinese_marks_and_keep_them() -> None:
    text = "以重大需求作为战略任务。聚焦主导产业！是否可行？甲；乙"
    assert split_sentences(text) == ["以重大需求作为战略任务。", "聚焦主导产业！", "是否可行？", "甲；", "乙"]


def test_sentences_are_not_cut_on_latin_periods_or_decimal_points() -> None:
    text = "营业收入达340.68亿元，增长1.2%。研发投入占GDP比重达1.2%。"
    assert split_sentences(text) == ["营业收入达340.68亿元，增长1.2%。", "研发投入占GDP比重达1.2%。"]


def test_clauses_split_on_commas_and_enumeration_marks() -> None:
    assert split_clauses("重点发展：抹茶，逆流萃取、超滤") == ["重点发展：", "抹茶，", "逆流萃取、", "超滤"]


def test_char_ngrams_are_cjk_bigrams_plus_whole_numbers_and_latin_words() -> None:
    assert char_ngrams("辣椒精深加工") == ["辣椒", "椒精", "精深", "深加", "加工"]
    grams = char_ngrams("研发投入 1.2% R&D")
    assert {"1.2%", "R", "D", "研发", "投入"} <= set(grams)
    assert char_ngrams("茶") == []


def test_lengths_count_characters_not_bytes() -> None:
    assert cjk_len("R&D经费1.2%") == 2
    assert squeeze(" 高新 技术\n企业 ") == "高新技术企业"


@pytest.fixture
def tokenizer(tmp_path: Path) -> Tokenizer:
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("高新技术企业 5000 n\n蓉渝筑 3000 n\n精深加工 3000 n\n", encoding="utf-8")
    return Tokenizer(userdict=userdict, extra_words=["逆流萃取"])


def test_tokenizer_keeps_user_dictionary_terms_whole(tokenizer: Tokenizer) -> None:
    words = tokenizer.words("高新技术企业与蓉渝筑协同开展逆流萃取")
    assert {"高新技术企业", "蓉渝筑", "逆流萃取"} <= set(words)


def test_tokenizer_drops_stopwords_and_punctuation(tokenizer: Tokenizer) -> None:
    words = tokenizer.words("请问遵义市的规划里，辣椒精深加工有哪些？")
    assert "辣椒" in words and "精深加工" in words
    # A city's name is a word like any other here; that it says which document, not what a question is
    # about, comes from the documents' titles (rag/answering/evidence.py), not from a stopword list.
    assert "遵义市" in words
    assert not {"请问", "的", "规划", "，", "？", "哪些"} & set(words)


def test_tokenizer_normalizes_before_cutting(tokenizer: Tokenizer) -> None:
    assert tokenizer.words("Ｒ＆Ｄ 经费 １．２%") == tokenizer.words("r&d经费1．2%")


def test_default_tokenizer_uses_the_project_dictionary() -> None:
    assert "高新技术企业" in Tokenizer().words("全市共有国家高新技术企业212家")


def test_folded_text_is_the_normalised_lower_case_text() -> None:
    text = "ＡＢＣ１２３ 研发 经费\u3000R&D"
    assert folded(text) == normalize(text).lower() == folded(text)  # the cached value is the same


def test_dates_in_chinese_numerals_read_as_digits() -> None:
    assert digit_dates("二〇二五年五月二十日") == "2025年5月20日"
    assert digit_dates("落款：二〇二四年十二月三十一日印发") == "落款：2024年12月31日印发"
    assert digit_dates("第十二条 本办法自2025年5月1日起施行") == "第十二条 本办法自2025年5月1日起施行"
