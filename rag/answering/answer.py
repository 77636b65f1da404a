"""Grounded extractive answers, as typed stages: understand → retrieve → candidates → features → fitted
scores (select and answerability) → render."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from rag.answering.candidates import (
    CANDIDATE_HITS,
    FACT_CHARS,
    Candidate,
    blank_for,
    candidates,
    named_row,
    whole_conditions,
)
from rag.answering.evidence import Evidence, Weights, trim
from rag.answering.facts import DocumentFacts
from rag.answering.features import Ask, Featurizer, states_time, states_year
from rag.answering.followup import Scored
from rag.answering.followup import features as reading_features
from rag.answering.guard import Guard, decline_injection, decline_offtopic
from rag.answering.intent import Intent, classify
from rag.answering.model import AnswerModel, load_model
from rag.answering.places import Places
from rag.answering.query import ANAPHORA, Turn, resolve_followup, tells_own_story, user_turns
from rag.answering.understand import Acts, Periods, Understanding, understand
from rag.core.types import Answer, Chunk, Citation, Hit
from rag.core.zh import normalize, split_clauses, squeeze
from rag.matching.match import Matcher, eligibility_answer
from rag.retrieval.search import HybridSearcher, embed_once

_QUOTED_NAME = re.compile(r"《([^》]+)》")
_ISSUED_NAME = re.compile(r"关于(?:印发|转发|公布)(.{4,}?)的通知$")  # 关于印发X办法的通知, the name unquoted
_NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十\d]+[章节部分条]\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]\s*|专栏\s*[\d-]+[：:]\s*)")
PLAN_LABEL = "《规划》"
HELP_EXAMPLES = 3
DENSE_FEATURES = ("r_dense",)  # unknown when the search ran without dense vectors


@dataclass(frozen=True)
class Inspection:
    """Everything the fitted scorers look at for one question: what it asks, the hits, the candidates
    and each candidate's feature row (the fitting script reads these too)."""

    ask: Ask
    hits: tuple[Hit, ...]
    candidates: tuple[Candidate, ...]
    rows: tuple[dict[str, float], ...]


_OWN_TITLE = re.compile(r"(?:按照?|根据|依据)?《([^》]{4,})》(?:里|中|的规定)?[，,]?")


def _within(quote: str, other: str) -> bool:
    """Whether a quote says nothing another does not (each of its "…"-joined pieces is in it)."""
    return all(piece.strip() in other for piece in quote.split("…") if piece.strip())


class Answerer:
    """Composes an Answer for one message from the searcher's hits."""

    def __init__(
        self,
        searcher: HybridSearcher,
        kb_version: str,
        guard: Guard | None = None,
        matcher: Callable[[], Matcher] | None = None,
        model: AnswerModel | None = None,
    ) -> None:
        self.searcher = searcher
        self.matcher = matcher
        self.kb_version = kb_version
        self.guard = guard or Guard.load()
        self.acts = Acts.load()
        self.periods = Periods.load().with_documents({str(c.meta.get("doc_title", "")) for c in searcher.chunks})
        self.evidence = Evidence(searcher)
        self.features = Featurizer(self.evidence, self.guard)
        self.facts = DocumentFacts(searcher.chunks)
        self.places = Places(searcher.chunks)
        self._model = model

    @property
    def model(self) -> AnswerModel:
        """The fitted scorers, loaded on first use (the fitting script inspects candidates before one exists)."""
        if self._model is None:
            self._model = load_model()
        return self._model

    # -- stages ---------------------------------------------------------------------------------
    def understand(self, message: str, history: Sequence[Turn] = ()) -> Understanding:
        return understand(message, history, guard=self.guard, acts=self.acts, periods=self.periods, rank_terms=self.evidence.rank_terms,
                          closest=self.closest_term, known=self.known)

    def known(self, word: str) -> bool:
        """Whether the documents use a word, or what it abbreviates (高企)."""
        return self.searcher.words.idf(word) > 0 or any(self.searcher.words.idf(t) > 0 for t in self.searcher.synonyms.expansions(word))

    def inspect(self, question: str, intent: Intent, *, suspect: bool = False, top_k: int = 5) -> Inspection:
        """Retrieve, build candidates and their features for one (resolved) question."""
        question = self.without_own_titles(question)
        ask = self.features.ask(question, intent, suspect=suspect)
        hits = tuple(self.searcher.search(question, max(top_k, CANDIDATE_HITS)))
        cands = tuple(candidates(hits, ask.weights, self.evidence, numbers=intent == "number", locate=ask.where,
                                      parts=ask.where and "部分" in question))
        best = hits[0].score if hits else 0.0
        rows = [self.features.candidate(ask, c, best) for c in cands]
        if not self.searcher.dense_ran():
            # Without dense vectors (lexical only, or the store down) its rank is unknown, not last: left out,
            # the fitted models take its training mean instead of reading a 0 as "no dense match".
            rows = [{k: v for k, v in r.items() if k not in DENSE_FEATURES} for r in rows]
        return Inspection(ask, hits, cands, tuple(rows))

    @cached_property
    def own_titles(self) -> frozenset[str]:
        return frozenset(t for t in (str(c.meta.get("doc_title", "")) for c in self.searcher.chunks) if len(t) > 4)

    def without_own_titles(self, question: str) -> str:
        """The question with a searched document's own quoted title taken out ("按《X办法》，企业挪用贷款会怎么
        处罚？"): the title says which document, already chosen; left in, its words find the title's lines."""
        def drop(m: re.Match[str]) -> str:
            quoted = m.group(1)
            return "" if any(quoted in t or t in quoted for t in self.own_titles) else m.group(0)
        rest = _OWN_TITLE.sub(drop, question)
        return rest if len(re.sub(r"\W", "", rest)) >= 6 else question

    def probabilities(self, ins: Inspection) -> list[float]:
        """The fitted candidate scorer's probability for each candidate."""
        return [self.model.candidate.prob(row) for row in ins.rows]

    def question_features(self, ins: Inspection, probs: Sequence[float]) -> dict[str, float]:
        """The answerability model's features for one inspected question and its candidates' scores."""
        hits_text = "".join(h.chunk.text + h.chunk.section for h in ins.hits)
        return self.features.question(ins.ask, list(zip(probs, ins.rows, strict=True)), hits_text)

    def answerability(self, ins: Inspection, probs: Sequence[float]) -> float:
        """The calibrated probability that the documents answer the question."""
        return self.model.answerable.prob(self.question_features(ins, probs))

    # -- the whole pipeline ---------------------------------------------------------------------
    def answer(self, question: str, *, top_k: int = 5, history: Sequence[Turn] = ()) -> Answer:
        u = self.understand(self.places.resolve(question, history, lambda: self.previous_answer(history)), history)
        if u.act in ("greeting", "thanks", "capabilities"):
            return Answer(self.help_text(u.act), False, (), self.kb_version, intent="chitchat")
        if u.act == "injection":
            return Answer(decline_injection(self.source_label), False, (), self.kb_version, intent="injection")
        chosen = self.choose_reading(question, history, u)
        if chosen != u.question:
            u = self.understand(chosen)
        answer = self.extract_parts(u, top_k) if u.parts else self.extract(u.question, u.intent, top_k, suspect=bool(u.suspect))
        stated = self.about_document(u.question, answer)
        if stated is not None:
            return stated
        if answer.answerable and self.repeats_unasked(question, history, answer):
            return self.not_found(question, answer.related[:top_k], u.intent)
        if (u.intent == "eligibility" and self.matcher is not None and (not answer.answerable or _from_columns(answer))
                and not _QUALIFIES.search(u.question)):
            # "我们是做仿制药的，规划对我们有什么方向？": the enterprise matcher ranks the directions and
            # adds the support measures; a question about one passage keeps the passage's answer, and one asking
            # whether the user qualifies for something ("…能申请扶持吗？") is not answered with directions.
            matched = eligibility_answer(self.matcher(), u.question, self.kb_version)
            if matched.answerable:
                return matched
        if not answer.answerable:
            if u.suspect == "injection":
                return Answer(decline_injection(self.source_label), False, (), self.kb_version, intent="injection")
            if u.suspect == "offtopic":
                return Answer(decline_offtopic(self.source_label), False, (), self.kb_version, intent="offtopic")
            return self.not_found(question, answer.related[:top_k], u.intent)
        return answer

    def repeats_unasked(self, message: str, history: Sequence[Turn], answer: Answer) -> bool:
        """Whether an answer to a follow-up only repeats the previous reply's first quote and holds none of the
        words the follow-up adds ("申报院士工作站需要什么条件？" after "院士工作站有多少个？"): it answers the
        previous question, not this one."""
        replies = [t.content for t in history if t.role == "assistant"]
        users = user_turns(history)
        if not replies or not users or not answer.citations or tells_own_story(users):
            return False  # a reply to what the user told of themselves is no answer they asked for
        quote = squeeze(answer.citations[0].quote).rstrip("。；，")
        if not quote or quote not in squeeze(replies[-1]):
            return False
        idf = self.searcher.words.idf  # a word no document uses cannot be looked for in a quote (还打算设什么)
        new = [t for t in self.evidence.rank_terms(self.periods.apply(normalize(message))) if t not in users[-1] and idf(t) > 0
               and not ANAPHORA.fullmatch(t)]
        said = squeeze(answer.answer)
        return bool(new) and not any(t in said for t in new)

    def previous_answer(self, history: Sequence[Turn]) -> str:
        """The answer to the last user turn, asked again in its own context (a client that sends only the
        user's turns)."""
        last = max((n for n, t in enumerate(history) if t.role == "user"), default=-1)
        return self.answer(history[last].content, history=history[:last]).answer if last >= 0 else ""

    def score_readings(self, message: str, history: Sequence[Turn], u: Understanding) -> list[Scored]:
        """How well the documents answer each reading of a follow-up, read on its own, and how much of the
        message's and of the previous question's words its best candidate holds."""
        previous = (user_turns(history) or [""])[-1]
        said = self.evidence.weights(message), self.evidence.weights(previous)
        scored = []
        for r in u.readings:
            v = self.understand(r.text)
            if v.act != "question":
                scored.append(Scored(r, 0.0, 0.0))
                continue
            ins = self.inspect(v.question, v.intent, suspect=bool(v.suspect))
            if not ins.candidates:
                scored.append(Scored(r, 0.0, 0.0))
                continue
            probs = self.probabilities(ins)
            top = ins.candidates[max(range(len(probs)), key=lambda i: probs[i])]
            covers = [self.evidence.coverage(w, top.text, top.where) for w in said]
            scored.append(Scored(r, self.answerability(ins, probs), max(probs), *covers))
        return scored

    def reading_rows(self, message: str, history: Sequence[Turn], u: Understanding) -> tuple[list[Scored], list[dict[str, float]]]:
        """The readings of a follow-up, scored, and their feature rows for the fitted reading scorer."""
        scored = self.score_readings(message, history, u)
        return scored, reading_features(scored, message, history, self.evidence.rank_terms)

    def choose_reading(self, message: str, history: Sequence[Turn], u: Understanding) -> str:
        """The reading of a follow-up to answer: the fitted scorer's pick, else the rules' resolution."""
        chooser = self.model.followup
        if len(u.readings) < 2 or chooser is None:
            return u.question
        scored, rows = self.reading_rows(message, history, u)
        probs = [chooser.prob(r) for r in rows]
        return scored[max(range(len(probs)), key=lambda i: probs[i])].reading.text

    def extract_parts(self, u: Understanding, top_k: int) -> Answer:
        """A compound question ("…是多少，…目标又是多少？") answered part by part, each part read in the
        context of the first; the parts' citations are joined under one set of markers."""
        context = [Turn("user", u.parts[0])]
        answers = [
            self.extract(p if n == 0 else resolve_followup(p, context, self.evidence.rank_terms, self.closest_term), classify(p), top_k)
            for n, p in enumerate(u.parts)
        ]
        found = [a for a in answers if a.answerable]
        if not found:
            return self.extract(u.question, u.intent, top_k, suspect=bool(u.suspect))
        citations: list[Citation] = []
        for a in found:
            citations += [c for c in a.citations if not any(_within(c.quote, d.quote) for d in citations)]
        citations = citations[: max(top_k, len(found))]
        return Answer(render("multi", citations), True, tuple(citations), self.kb_version, intent=u.intent)

    def extract(self, question: str, intent: Intent, top_k: int, *, suspect: bool = False) -> Answer:
        """The extractive answer (unanswerable: `related` holds the hits)."""
        ins = self.inspect(question, intent, suspect=suspect, top_k=top_k)
        probs = self.probabilities(ins)
        confidence = self.answerability(ins, probs) if ins.candidates else 0.0
        if confidence < self.model.threshold:
            return Answer("", False, (), self.kb_version, intent=intent, related=ins.hits, confidence=confidence)
        chosen = self.select(ins, probs)
        if _QUALIFIES.search(question):  # "…能申请吗？": whether one qualifies is read from every condition listed
            chosen = [whole_conditions(c) for c in chosen]
        if intent != "yesno" and chosen[0].shape == "row" and blank_for(chosen[0].chunk, ins.ask.years):
            # The asked year's cell is blank: no figure to give (asked whether there is one, the row shows it).
            return Answer("", False, (), self.kb_version, intent=intent, related=ins.hits)
        asked = [y for y in ins.ask.years if y != self.periods.plan_end] if intent == "number" else []
        said = " ".join(f"{p.hit.chunk.section} {p.quote}" for c in chosen for p in c.parts) if asked else ""
        if any(not states_year(y, said) for y in asked):
            # "2021年财政科技支出是多少？" answered with 2016年至2020年…: the year asked is not the one stated. (The
            # end of the plan's own period is implicit in its targets: "实施不少于15项" is by 2025.)
            return Answer("", False, (), self.kb_version, intent=intent, related=ins.hits)
        if ins.ask.when and not any(states_time(p.quote) for c in chosen for p in c.parts):
            # "哪一年…？" answered with a passage that names no time: what it says is not what was asked.
            return Answer("", False, (), self.kb_version, intent=intent, related=ins.hits)
        stated = [k for k in ins.ask.kinds if k in STATED_KINDS]
        if stated and self.features.answer_kinds.missed(stated, "".join(p.quote for c in chosen for p in c.parts)):
            # "完成了百分之多少？" answered with passages that state no share: not what was asked. (A place asked
            # for, "建在哪个区？", was tried too: districts are named without 区 as often as with it.)
            return Answer("", False, (), self.kb_version, intent=intent, related=ins.hits)
        units = self.features.answer_units.asked(question)
        if units and self.features.answer_units.missed(units, "".join(f"{p.hit.chunk.section} {p.quote}" for c in chosen for p in c.parts)):
            # "每年技术合同登记要达到多少项？" answered with a row of 亿元: a figure, but not in what was asked.
            return Answer("", False, (), self.kb_version, intent=intent, related=ins.hits)
        citations = [Citation(p.hit.chunk, p.quote, p.hit.score) for c in chosen for p in c.parts]
        if intent in SHORT_INTENTS and chosen[0].shape == "sentence":
            citations = within_budget(citations, ins.ask.weights, numbers=intent == "number")
        limit = max(top_k, 8) if intent == "list" or chosen[0].shape in ("column", "leads") else top_k
        return Answer(render(intent, citations[:limit]), True, tuple(citations[:limit]), self.kb_version, intent=intent,
                      related=ins.hits, confidence=confidence)  # the retrieved passages, which an optional LLM is given beside the quotes

    def select(self, ins: Inspection, probs: Sequence[float], *, second: float | None = None) -> list[Candidate]:
        """The best candidate, and a second one when the model rates it highly too (p ≥ `second`, the fitted
        value by default) and it adds words of the question the first does not cover (a two-part answer)."""
        second = self.model.second if second is None else second
        order = sorted(range(len(probs)), key=lambda i: -probs[i])
        first = ins.candidates[order[0]]
        chosen = [first]
        if first.shape in ("column", "leads", "heading"):
            return chosen
        ask, covered, rest = ins.ask, ins.rows[order[0]]["cov"], order[1:6]
        row = named_row(first, self.evidence, ask.amounts, set(ask.tiers), ask.weights, numbers=ask.intent == "number",
                        words=ask.amount_words)
        if row is not None:
            # The question names another row of the chosen table: that row answers, and its neighbours do not.
            table = first.chunk.meta.get("table"), first.chunk.section
            first, chosen = row, [row]
            covered = self.evidence.coverage(ask.weights, row.text, row.where)
            rest = [i for i in order if ins.candidates[i].shape != "row"
                    or (ins.candidates[i].chunk.meta.get("table"), ins.candidates[i].chunk.section) != table][:5]
        for i in rest:
            cand = ins.candidates[i]
            if probs[i] < second or cand.shape in ("column", "leads", "heading"):
                break
            if row is None:  # a second quote from a table is the row the question names, as a first one is
                cand = named_row(cand, self.evidence, ask.amounts, set(ask.tiers), ask.weights, numbers=ask.intent == "number",
                                 words=ask.amount_words) or cand
            if cand.text in first.text or first.text in cand.text:
                continue
            joined = self.evidence.coverage(ins.ask.weights, first.text + cand.text, first.where)
            if joined > covered:
                chosen.append(cand)
                break
        return chosen

    def about_document(self, question: str, answer: Answer) -> Answer | None:
        """A question about the document itself (文号, 发文机关, 施行 and 有效期, 咨询电话) answered from the
        lines of the best passage's document that state it, unless the answer found already quotes them."""
        top = answer.citations or tuple(Citation(h.chunk, "", h.score) for h in answer.related)
        if not top or not self.facts.asked(question):
            return None
        stated = self.facts.answer(question, top[0].chunk.doc)
        if not stated or (answer.answerable and all(c.quote in answer.answer for c in stated)):
            return None
        return Answer(render("fact", stated), True, tuple(stated), self.kb_version, intent="fact", related=answer.related)

    # -- helpers --------------------------------------------------------------------------------
    def closest_term(self, terms: list[str], topic: str) -> str:
        """Of the previous question's terms, the one a follow-up's new topic replaces: the most
        similar by embedding when an embedder is configured, else the most specific."""
        if len(terms) < 2:
            return terms[0]
        # A term that shares characters with the new topic (前沿技术研究 → 基础研究) is the one it replaces.
        shared = [len(set(t) & set(topic)) for t in terms]
        if max(shared) > 0 and shared.count(max(shared)) == 1:
            return terms[shared.index(max(shared))]
        embedder = self.searcher.embedder
        if embedder is None:
            return terms[0]
        target = embed_once(embedder, topic)
        sims = [sum(a * b for a, b in zip(target, embed_once(embedder, t), strict=False)) for t in terms]
        return terms[max(range(len(terms)), key=lambda i: sims[i])]

    @cached_property
    def source_label(self) -> str:
        """What replies name as their source: the one document searched, else the knowledge base."""
        labels = {doc_label(c) for c in self.searcher.chunks}
        return labels.pop() if len(labels) == 1 else "知识库"

    @cached_property
    def help_examples(self) -> list[str]:
        """Example questions from the documents' own headings (the first 专栏 or section titles)."""
        titles: list[str] = []
        for kind in ("column", "body"):
            for c in self.searcher.chunks:
                title = _NUMBERING.sub("", c.title).strip()
                if c.kind == kind and 2 < len(title) <= 16 and title not in titles:
                    titles.append(title)
        return [f"“{t}”有哪些内容？" for t in titles[:HELP_EXAMPLES]]

    def help_text(self, act: str) -> str:
        opening = "不客气！" if act == "thanks" else "您好！"
        examples = "".join(f"\n{n}. {q}" for n, q in enumerate(self.help_examples, start=1))
        return (f"{opening}我是政策文件问答助手，根据{self.source_label}的原文回答问题，每个回答都标出出处（章 › 节 › 专栏）；"
                f"原文没有的内容会直接说明没有找到。可以这样问：{examples}")

    def not_found(self, question: str, hits: Sequence[Hit], intent: str) -> Answer:
        shown = normalize(question)[:40]
        message = f"{self.source_label}中没有找到关于“{shown}”的明确内容。下面是最接近的段落，供参考。"
        related = tuple(Citation(h.chunk, "", h.score) for h in hits[:3])
        return Answer(message, False, related, self.kb_version, intent=intent, related=tuple(hits[:3]))


# A question asking whether someone qualifies (general usage, not one document's).
_QUALIFIES = re.compile(r"(?:能|可以|可不可以|能不能|能否|是否可以)(?:申请|申报|享受|拿到?|领取?|报名|参加)|符合条件|够条件|有资格|够格|算不算")
STATED_KINDS = ("ratio",)  # kinds of answer a quote must state to answer (rag/data/answer_kinds.tsv)


# A short answer (a figure, a fact, yes or no) is read at a glance: its quotes together stay within what one
# quote may hold and a little more; a second quote keeps the clauses that carry the question's words.
SHORT_INTENTS = ("number", "fact", "yesno")
_FIGURE = re.compile(r"\d(?:\.\d+)?\s*[%％\u4e00-\u9fff]")  # a figure with its unit (15项, 1.2%), not a name (5G)
SHORT_BUDGET = FACT_CHARS + 40
MIN_QUOTE = 40


def within_budget(citations: list[Citation], weights: Weights, *, numbers: bool) -> list[Citation]:
    """The citations, every quote after the first cut to the room the earlier ones leave; it keeps the
    clauses with the question's words the earlier quotes lack (why it was added)."""
    out: list[Citation] = []
    for c in citations:
        said = "".join(o.quote for o in out)
        if not out or len(said) + len(c.quote) <= SHORT_BUDGET:
            out.append(c)
            continue
        lacking = {t: w for t, w in weights.items() if not any(a in said for a in t.split("|"))} or weights
        room = max(SHORT_BUDGET - len(said), MIN_QUOTE)
        quote = trim(c.quote, lacking, room, numbers=numbers)
        if numbers and _FIGURE.search(c.quote) and not _FIGURE.search(quote):
            # A figure asked for: the clauses stating one (as many as fit).
            kept: list[str] = []
            for clause in (cl for cl in split_clauses(c.quote) if _FIGURE.search(cl)):
                if kept and len("".join(kept)) + len(clause) > room:
                    break
                kept.append(clause)
            quote = "".join(kept).rstrip("，、：；")
        out.append(Citation(c.chunk, quote, c.score) if quote != c.quote else c)
    return out


def _from_columns(answer: Answer) -> bool:
    return bool(answer.citations) and answer.citations[0].chunk.kind == "column"


def render(intent: str, citations: Sequence[Citation]) -> str:
    """Quotes joined with [n] markers; a numbered list when several items are listed."""
    parts = []
    for n, c in enumerate(citations, start=1):
        label = c.chunk.section.split(" › ")[-1]
        lead = f"{label}：" if c.chunk.kind == "column" else ""
        parts.append(f"{lead}{c.quote.rstrip('。；，')}[{n}]。")
    if intent in ("list", "eligibility") and len(parts) > 1:
        text = "\n".join(f"{n}. {p}" for n, p in enumerate(parts, start=1))
    else:
        text = "".join(parts)
    source = doc_label(citations[0].chunk) if citations else PLAN_LABEL
    return (f"{source}提到：" if intent == "yesno" else f"根据{source}，") + text


def doc_label(chunk: Chunk) -> str:
    """How an answer names its source document: a plan as its readers say it, 《规划》; any other
    document by its own name (the 《…》 inside 关于印发《…》的通知, or the unquoted one, else its title)."""
    title = str(chunk.meta.get("doc_title", ""))
    inner = _QUOTED_NAME.search(title) or _ISSUED_NAME.search(title)
    name = inner.group(1) if inner else title
    return PLAN_LABEL if not name or name.endswith("规划") else f"《{name}》"


__all__ = ["Answerer", "Inspection", "Weights", "doc_label", "render"]
