"""Grounded extractive answers: decide whether the plan answers, then quote and cite what does."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cached_property

from rag.answering.compose import Composer, Scored
from rag.answering.evidence import Evidence, Weights
from rag.answering.guard import Guard
from rag.answering.intent import classify
from rag.answering.query import Turn, resolve_followup, split_compound
from rag.core.types import Answer, Chunk, Citation, Hit
from rag.core.zh import normalize
from rag.matching.match import Matcher, eligibility_answer
from rag.retrieval.search import HybridSearcher

CANDIDATE_HITS = 6
MIN_COVERAGE = 0.45
_DIGIT = re.compile(r"\d")
_YEAR_IN_QUESTION = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.])")
_YEAR = re.compile(r"(?:19|20)\d\d年")
_WHEN = re.compile(r"哪一?年|什么时候|何时|哪个时间|几月")
_FIGURE = re.compile(r"^\d+(?:\.\d+)?%?$")
_QUOTED_NAME = re.compile(r"《([^》]+)》")
# A stated name: a quoted one of four characters or more (“遵义科技创新2025重大项目”, not “十三五”), or an
# organisation's (遵义医科大学, 茅台学院, …公司), not a kind of organisation (高水平大学).
_QUOTED = re.compile(r"“[^”]{4,30}”")
_ORGANISATION = re.compile(r"([\u4e00-\u9fff]{2})(?:大学|学院|研究院|研究所|公司|集团|医院|酒厂|银行)")
_KIND_OF = {"水平", "一流", "高等", "相关", "各类", "重点", "地方", "本地", "知名", "国内", "国外", "科研"}
PLAN_LABEL = "《规划》"


class Answerer:
    """Composes an Answer for one question from the searcher's hits."""

    def __init__(
        self,
        searcher: HybridSearcher,
        kb_version: str,
        guard: Guard | None = None,
        matcher: Callable[[], Matcher] | None = None,
    ) -> None:
        self.searcher = searcher
        self.matcher = matcher
        self.kb_version = kb_version
        self.guard = guard or Guard.load()
        self.evidence = Evidence(searcher)
        self.composer = Composer(self.evidence)

    def answer(self, question: str, *, top_k: int = 5, history: Sequence[Turn] = ()) -> Answer:
        verdict = self.guard.check(question)
        if verdict.kind:
            return Answer(verdict.message, False, (), self.kb_version, intent=verdict.kind)
        resolved = resolve_followup(question, history, self.evidence.rank_terms, self.closest_term)
        intent = classify(resolved)
        answer = self.extract_parts(resolved, intent, top_k)
        if intent == "eligibility" and self.matcher is not None and (not answer.answerable or _from_columns(answer)):
            # "我们是做仿制药的，规划对我们有什么方向？": the enterprise matcher ranks the directions and
            # adds the support measures; a question about one passage keeps the passage's answer.
            matched = eligibility_answer(self.matcher(), resolved, self.kb_version)
            if matched.answerable:
                return matched
        if not answer.answerable:
            return self.not_found(question, answer.related[:top_k], intent)
        return answer

    def extract_parts(self, question: str, intent: str, top_k: int) -> Answer:
        """A compound question ("…是多少，…目标又是多少？") answered part by part, each part read in
        the context of the first; the parts' citations are joined under one set of markers."""
        parts = split_compound(question)[:3]
        if len(parts) < 2:
            return self.extract(question, intent, top_k)
        context = [Turn("user", parts[0])]
        answers = [self.extract(p if n == 0 else resolve_followup(p, context, self.evidence.rank_terms, self.closest_term),
                                classify(p), top_k) for n, p in enumerate(parts)]
        found = [a for a in answers if a.answerable]
        if not found:
            return self.extract(question, intent, top_k)
        citations: list[Citation] = []
        for a in found:
            citations += [c for c in a.citations if all(c.quote != d.quote for d in citations)]
        citations = citations[: max(top_k, len(found))]
        return Answer(render("multi", citations), True, tuple(citations), self.kb_version, intent=intent)

    def extract(self, resolved: str, intent: str, top_k: int) -> Answer:
        """The extractive answer from the hybrid search hits (unanswerable: `related` holds the hits)."""
        hits = self.searcher.search(resolved, max(top_k, CANDIDATE_HITS))
        # A figure in a yes/no question is a guess to check ("是不是500家"), not something to match.
        weights = self.evidence.weights(resolved, skip=lambda w: intent == "yesno" and bool(_FIGURE.match(w)))
        scored = [
            Scored(h, n, self.evidence.coverage(weights, h.chunk.text, h.chunk.section), self.evidence.title_coverage(weights, h.chunk.section))
            for n, h in enumerate(hits)
        ]
        if not hits or not self.answerable(resolved, scored, intent):
            return Answer("", False, (), self.kb_version, intent=intent, related=tuple(hits))
        # A list (基本原则有哪几条) is cited item by item and may need more than top_k markers.
        citations = self.composer.compose(intent, resolved, weights, scored)[: max(top_k, 8) if intent == "list" else top_k]
        return Answer(render(intent, citations), True, tuple(citations), self.kb_version, intent=intent)

    def answerable(self, question: str, scored: list[Scored], intent: str) -> bool:
        """Some passage covers enough of the question, and the passages state what is specifically
        asked: each year the question names, a date for "哪一年", an attribute such as 电话 or 补贴标准,
        a name when one is asked for."""
        good = [s for s in scored if s.coverage >= MIN_COVERAGE]
        attributes = self.guard.asked_attributes(question)
        good = [s for s in good if all(a in s.chunk.text for a in attributes)]
        if self.guard.asks_for_name(question):  # 叫什么名字 / 是哪个单位: the best passage must state a name
            best = max(good, key=lambda s: s.merit, default=None)
            good = [best] if best is not None and states_name(best.chunk.text) else []
        if _WHEN.search(question):
            good = [s for s in good if _YEAR.search(s.chunk.text)]
        if intent == "number":
            good = [s for s in good if _DIGIT.search(s.chunk.text)]
        stated = " ".join(s.chunk.text + s.chunk.section for s in good)
        years = _YEAR_IN_QUESTION.findall(normalize(question))
        return bool(good) and all(y in stated for y in years)

    def closest_term(self, terms: list[str], topic: str) -> str:
        """Of the previous question's terms, the one a follow-up's new topic replaces: the most
        similar by embedding when an embedder is configured, else the most specific."""
        embedder = self.searcher.embedder
        if embedder is None or len(terms) < 2:
            return terms[0]
        target = embedder.embed_query(topic)
        sims = [sum(a * b for a, b in zip(target, embedder.embed_query(t), strict=False)) for t in terms]
        return terms[max(range(len(terms)), key=lambda i: sims[i])]

    @cached_property
    def source_label(self) -> str:
        """What "not found in …" names: the one document searched, else the knowledge base."""
        labels = {doc_label(c) for c in self.searcher.chunks}
        return labels.pop() if len(labels) == 1 else "知识库"

    def not_found(self, question: str, hits: Sequence[Hit], intent: str) -> Answer:
        shown = normalize(question)[:40]
        message = f"{self.source_label}中没有找到关于“{shown}”的明确内容。下面是最接近的段落，供参考。"
        related = tuple(Citation(h.chunk, "", h.score) for h in hits[:3])
        return Answer(message, False, related, self.kb_version, intent=intent, related=tuple(hits[:3]))


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


def states_name(text: str) -> bool:
    """Whether the text names something: a quoted name, or an organisation by its own name."""
    return bool(_QUOTED.search(text)) or any(m.group(1) not in _KIND_OF for m in _ORGANISATION.finditer(text))


def doc_label(chunk: Chunk) -> str:
    """How an answer names its source document: the plan as its readers say it, 《规划》; any other
    document by its own name (the 《…》 inside 关于印发《…》的通知, else its title)."""
    title = str(chunk.meta.get("doc_title", ""))
    inner = _QUOTED_NAME.search(title)
    name = inner.group(1) if inner else title
    return PLAN_LABEL if not name or name.endswith("规划") else f"《{name}》"


__all__ = ["Answerer", "Weights", "doc_label", "render"]
