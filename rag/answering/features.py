"""The general features a fitted model scores: of a question (what it asks), of a candidate answer (how
well it covers the question, whether it is the kind of answer wanted, where it was found), and of the
question's best candidates (whether the documents answer at all). No feature knows one document."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from rag.answering.candidates import Candidate
from rag.answering.evidence import Evidence, Weights
from rag.answering.guard import Guard
from rag.answering.intent import Intent
from rag.answering.ranges import Family, label_relation, labels, relation, stated_amounts
from rag.core.data import data_lines
from rag.core.zh import folded, normalize

_DIGIT = re.compile(r"\d")
# A year, not an amount that looks like one (合同价2000万元).
_YEAR_ASKED = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.]|\s*(?:万|亿|千|百|元|多|余|个|家|项|件|人|台|套|亩|%))")
_WHEN = re.compile(r"哪一?年|什么时候|何时|哪个时间|几月|哪一?天|几号|日期|多久|多长时间")
# What a "when" question is answered with: a year, a month or a date, or a period or deadline (每季度, 15个工作日内).
_TIME = re.compile(r"(?:19|20)\d\d年|\d{1,2}月|[一二三四五六七八九十]{1,2}月|季度|每年|每月|工作日|[日天周]内|个月|日起|年内")
_DURATION = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:年|个月|天|日|周)")
_FIGURE = re.compile(r"^\d+(?:\.\d+)?%?$")
_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:至|到|—|-|～|~|－)\s*((?:19|20)\d\d)")
_LIST_MARK = re.compile(r"[、；]")
# A stated name: a quoted one of four characters or more (not “十三五”), or an organisation's own name.
_QUOTED = re.compile(r"[“《][^”》]{4,30}[”》]")
_ORGANISATION = re.compile(r"([\u4e00-\u9fff]{2})(?:大学|学院|研究院|研究所|公司|集团|医院|酒厂|银行)")
RETRIEVERS = ("words", "bigrams", "dense")
SHAPES = ("sentence", "row", "column", "leads", "heading")
_NAME_WORD = re.compile(r"(?:市|省|县|区|镇|乡|公司|集团|大学|学院|研究院|医院|银行|局|委员会)$")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]")


@dataclass(frozen=True)
class Ask:
    """What a question asks: its weighted terms and the specific things the answer must state."""

    text: str
    intent: Intent
    weights: Weights
    years: tuple[str, ...]
    when: bool
    name: bool
    attributes: tuple[str, ...]
    unseen: float  # share of the question's weight in words no document uses
    unseen_words: tuple[str, ...] = ()
    where: bool = False  # asks for the chapter or part something is in
    suspect: bool = False
    wording: str = ""  # the question's words without stopwords, generic words kept (for heading overlap)
    amounts: tuple[tuple[Family, float], ...] = ()  # amounts the question states (…N万): which row holds them
    tiers: frozenset[str] = frozenset()  # tier labels the question names (B类, 第三档)
    unstated: tuple[str, ...] = ()  # asked kinds of information whose wording no document uses (电话 in a plan)
    kinds: tuple[str, ...] = ()  # kinds of answer asked for (penalty, ratio …, rag/data/answer_kinds.tsv)
    amount_words: tuple[frozenset[str], ...] = ()  # the characters before each amount (新贷了800万: 贷)

    @cached_property
    def top_term(self) -> str:
        return max(self.weights, key=lambda k: self.weights[k], default="")


def states_time(text: str) -> bool:
    """Whether a text states a time: a year, a month or a date, a period or deadline, or a duration (租期5年)."""
    return bool(_TIME.search(text) or _DURATION.search(text))


def states_year(year: str, text: str) -> bool:
    """Whether a text is about a year: it names it, or a span of years holding it ("2016年至2020年…分别为")."""
    if year in text:
        return True
    return any(int(a) <= int(year) <= int(b) for a, b in _YEAR_SPAN.findall(text))


class Featurizer:
    """Feature rows over one searcher's index statistics."""

    def __init__(self, ev: Evidence, guard: Guard) -> None:
        self.ev, self.guard = ev, guard
        self.kinds = frozenset(w for line in data_lines("name_kinds.txt") for w in line.split())
        self.answer_kinds = AnswerKinds.load()
        self.answer_units = AnswerKinds.load("answer_units.tsv")  # checked on the chosen quotes, not a feature

    def ask(self, question: str, intent: Intent, *, suspect: bool = False) -> Ask:
        # A figure in a yes/no question is a guess to check ("是不是500家"), not something to match.
        weights = self.ev.weights(question, skip=lambda w: intent == "yesno" and bool(_FIGURE.match(w)))
        total = sum(weights.values()) or 1.0
        # Unseen: a word of the question the documents never use and the synonym table does not translate (a
        # thesaurus synonym found for it does not change that: it may be a looser sense).
        searcher = self.ev.searcher
        new = {w for w in searcher.unseen_words(question) if not searcher.synonyms.expansions(w)}
        attributes = tuple(self.guard.asked_attributes(question))
        stated = stated_amounts(normalize(question))
        unseen = [k for k in weights if k.split("|")[0] in new]
        return Ask(question, intent, weights, tuple(_YEAR_ASKED.findall(normalize(question))), bool(_WHEN.search(question)),
                   self.guard.asks_for_name(question), attributes,
                   sum(weights[k] for k in unseen) / total, tuple(unseen), self.guard.asks_where(question), suspect,
                   "".join(self.ev.searcher.tokenizer.words(question, fine=False)), tuple((f, v) for f, v, _ in stated),
                   frozenset(labels(normalize(question))), tuple(a for a in attributes if searcher.unseen_words(a)),
                   self.answer_kinds.asked(question), tuple(w for _, _, w in stated))

    def states_name(self, text: str) -> bool:
        return bool(_QUOTED.search(text)) or any(m.group(1) not in self.kinds for m in _ORGANISATION.finditer(text))

    def candidate(self, ask: Ask, cand: Candidate, best_fused: float) -> dict[str, float]:
        """One candidate's features."""
        w, ev, text, chunk = ask.weights, self.ev, cand.text, cand.chunk
        hit = cand.parts[0].hit
        context = chunk.text + chunk.section
        cov = ev.coverage(w, text, cand.where)
        f = {
            "cov": cov,
            "cov_text": ev.coverage(w, text),
            "cov_chunk": ev.coverage(w, chunk.text, chunk.section),
            "title": ev.title_coverage(w, chunk.section),
            "top_term": float(any(t in text or t in cand.where for t in ask.top_term.split("|"))) if ask.top_term else 0.0,
            "rank": 1.0 / (1 + cand.rank),
            "fused": hit.score / best_fused if best_fused else 0.0,
            "position": 1.0 / (1 + cand.position),
            "length": math.log1p(len(text)) / 6,
            "digit": float(bool(_DIGIT.search(text))),
            "items": min(len(_LIST_MARK.findall(text)), 8) / 8,
            "year_miss": float(any(not states_year(y, context) for y in ask.years)),
            "when_miss": float(ask.when and not states_time(text)),
            "name_miss": float(ask.name and not self.states_name(text)),
            "attr_miss": float(any(a not in chunk.text for a in ask.attributes)),
            "kind_miss": self.answer_kinds.missed(ask.kinds, text),
            "heading": _bigram_share(ask.wording, cand.where.split(" › ")[-1]),
            "miss_max": self.missing(w, text + cand.where),
            "miss_max_chunk": self.missing(w, context),
        }
        f["in_range"], f["out_range"] = relation(list(ask.amounts), text, ask.amount_words)
        f["tier_hit"], f["tier_other"] = label_relation(set(ask.tiers), text)
        for r in RETRIEVERS:
            f[f"r_{r}"] = 1.0 / (1 + hit.ranks[r]) if r in hit.ranks else 0.0
        for s in SHAPES:
            f[f"shape_{s}"] = float(cand.shape == s)
        # Whether the candidate is the kind of answer wanted, as products with the question's kind.
        f["where_x_heading"] = float(ask.where and cand.shape == "heading")
        for kind in ("number", "list", "yesno", "eligibility"):
            on = float(ask.intent == kind)
            f[f"{kind}_x_cov"] = on * cov
            f[f"{kind}_x_digit"] = on * f["digit"]
            f[f"{kind}_x_items"] = on * f["items"]
            f[f"{kind}_x_list"] = on * float(cand.shape in ("column", "leads"))
        return f

    def missing(self, weights: Weights, text: str) -> float:
        """The largest share of the question's weight held by one term the text does not state."""
        total = sum(weights.values()) or 1.0
        body = folded(text)
        return max((w / total for k, w in weights.items() if not any(t in body for t in k.split("|"))), default=0.0)

    def question(self, ask: Ask, scored: Sequence[tuple[float, dict[str, float]]], hits_text: str = "") -> dict[str, float]:
        """Whether the documents answer: the question's own features, its best candidates', and the heaviest
        question term absent from every hit (`hits_text`)."""
        ranked = sorted(scored, key=lambda x: -x[0])
        best = ranked[0][1] if ranked else {}
        f = {
            "p_best": ranked[0][0] if ranked else 0.0,
            "p_second": ranked[1][0] if len(ranked) > 1 else 0.0,
            "cov_max": max((x[1]["cov"] for x in ranked), default=0.0),
            "cov_chunk_max": max((x[1]["cov_chunk"] for x in ranked), default=0.0),
            "unseen": ask.unseen,
            "terms": math.log1p(len(ask.weights)) / 3,
            "suspect": float(ask.suspect),
            "asks_year": float(bool(ask.years)),
            # Not whether a kind of information (补贴, 电话) is asked at all: fit on a plan that states no subsidy,
            # that taught the model that every 补贴 question is unanswerable. Only a kind no document words.
            "attr_unstated": float(bool(ask.unstated)),
            "unseen_n": min(len(ask.unseen_words), 3) / 3,
            "unseen_name": float(any(_NAME_WORD.search(k.split("|")[0]) for k in ask.unseen_words)),
            "absent_all": self.missing(ask.weights, hits_text) if hits_text else 0.0,
            "in_range_any": max((x[1].get("in_range", 0.0) for x in ranked), default=0.0),
        }
        for key in ("cov", "title", "top_term", "fused", "year_miss", "when_miss", "name_miss", "attr_miss", "kind_miss", "digit", "r_dense",
                    "miss_max", "miss_max_chunk", "cov_chunk", "in_range", "out_range", "tier_hit", "tier_other"):
            if key in best or not best:  # a feature left out of the rows (unknown) stays out
                f[f"best_{key}"] = best.get(key, 0.0)
        f["number_miss"] = float(ask.intent == "number") * (1 - best.get("digit", 0.0))
        return f


class AnswerKinds:
    """Kinds of answer a question asks for (a penalty, a ratio, the materials …) and how a text states each
    (rag/data/answer_kinds.tsv): general usage of policy documents, weighed by the fitted models."""

    def __init__(self, rules: list[tuple[str, re.Pattern[str], re.Pattern[str]]]) -> None:
        self.rules = rules
        self._answers = {kind: answer for kind, _, answer in rules}

    @classmethod
    def load(cls, name: str = "answer_kinds.tsv") -> AnswerKinds:
        rows = [line.split("\t") for line in data_lines(name)]
        return cls([(kind, re.compile(asked), re.compile(answer)) for kind, asked, answer in rows])

    def asked(self, question: str) -> tuple[str, ...]:
        text = normalize(question)
        return tuple(kind for kind, asked, _ in self.rules if asked.search(text))

    def missed(self, kinds: Sequence[str], text: str) -> float:
        """The share of the asked kinds the text states no answer of."""
        if not kinds:
            return 0.0
        return sum(not self._answers[k].search(text) for k in kinds) / len(kinds)


def _bigram_share(question: str, heading: str) -> float:
    """Share of the question's character bigrams that the heading holds (its wording, generic words too)."""
    q = _NOT_CJK.sub("", question)
    grams = {q[i : i + 2] for i in range(len(q) - 1)}
    return sum(g in heading for g in grams) / len(grams) if grams else 0.0
