"""Compose cited quotes for a question from scored hits: table rows, 专栏 items, section lists, sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answering.evidence import Evidence, Weights, trim
from rag.core.types import Chunk, Citation, Hit
from rag.core.zh import split_sentences

FACT_CHARS = 140
LIST_CHARS = 460
LEAD_CHARS = 24
# A 专栏 the question names by its industry is preferred to the best passage, unless that passage is the
# 专栏's own section text and covers this much more of the question.
SECTION_MARGIN = 0.2
_DIGIT = re.compile(r"\d")
_PATH_QUESTION = re.compile(r"路径|怎么做|怎么延伸|如何")
_COLUMN_ASK = re.compile(r"重点|技术方向|发展方向")
_LEAD = re.compile(r"^([^。，；]{2,24})。")


@dataclass
class Scored:
    """A hit with the share of the question it covers."""

    hit: Hit
    rank: int
    coverage: float
    title: float = 0.0  # share of the question named by the section heading

    @property
    def chunk(self) -> Chunk:
        return self.hit.chunk

    @property
    def merit(self) -> float:
        """How well it answers: coverage, a little less the further down it was ranked."""
        return self.coverage + 0.1 * self.title - 0.03 * self.rank


class Composer:
    """Turns scored hits into the citations an answer quotes, in answer order."""

    def __init__(self, evidence: Evidence) -> None:
        self.ev = evidence

    def compose(self, intent: str, question: str, weights: Weights, scored: list[Scored]) -> list[Citation]:
        top = max(scored, key=lambda s: s.merit)
        if intent in ("list", "eligibility"):
            top = self.named_column(question, scored, top) or top
        if top.chunk.kind == "table-row":
            return self.from_table(question, weights, scored, top)
        if top.chunk.kind == "column":
            # "生产性服务业的科技重点是什么？" asks for the 专栏's list, not one of its items.
            general = intent == "fact" and _COLUMN_ASK.search(question)
            return self.from_columns("list" if general else intent, weights, scored, top)
        if intent == "list" and self._titled(question, top):
            listed = self.section_leads(top, [w for w in self.ev.content_words(question) if len(w) > 1])
            if listed:
                return listed
        return self.from_sentences(intent, weights, sorted(scored, key=lambda s: -s.merit))

    def named_column(self, question: str, scored: list[Scored], top: Scored) -> Scored | None:
        """The 专栏 whose industry (from its heading, 6.畜牧 → 畜牧) the question names as a word."""
        words = set(self.ev.searcher.tokenizer.words(question, fine=False))
        words |= {t for _, canon in self.ev.searcher.synonyms.aliases(question) for t in canon}
        for s in scored:
            steps = s.chunk.section.split(" › ")
            if s.chunk.kind != "column" or len(steps) < 2 or s.coverage < top.coverage * 0.5:
                continue
            if top.chunk.section == " › ".join(steps[:-1]) and top.coverage - s.coverage >= SECTION_MARGIN:
                return None  # worded after the 专栏's own section text (…重点聚焦哪些领域): that text answers
            topic = re.sub(r"^\d+[.．]\s*", "", steps[-2])
            if any(topic in w for w in words):
                return s
        return None

    def from_table(self, question: str, weights: Weights, scored: list[Scored], top: Scored) -> list[Citation]:
        table = top.chunk.meta.get("table", "")
        named = question + " " + " ".join(weights).replace("|", " ")
        rows = [top] + [
            s for s in scored
            if s is not top and s.chunk.meta.get("table") == table and s.coverage >= top.coverage * 0.8
            and _names_row(s.chunk, named, top.chunk)
            and s.chunk.meta["fields"].get("方向") == top.chunk.meta["fields"].get("方向")
        ]
        cites = [Citation(s.chunk, row_quote(question, s.chunk), s.hit.score) for s in rows[:3]]
        # The body text may state the same figure differently (高企营收 340.68 in the text, 406 in the
        # table): when a body passage answers as fully as the row, quote it too.
        body = [s for s in scored if s.chunk.kind == "body" and s.coverage >= top.coverage * 0.9]
        if body:
            extra = self.from_sentences("number", weights, body[:1])
            if extra and _DIGIT.search(extra[0].quote):
                cites.append(extra[0])
        return cites

    def from_columns(self, intent: str, weights: Weights, scored: list[Scored], top: Scored) -> list[Citation]:
        if intent in ("yesno", "fact", "number"):
            return [Citation(top.chunk, trim(top.chunk.text, weights, FACT_CHARS - 40), top.hit.score)]
        same = [s for s in scored if s.chunk.section == top.chunk.section and s is not top]
        others = [s for s in scored if s.chunk.kind == "column" and s.chunk.section != top.chunk.section
                  and intent == "eligibility" and s.coverage >= top.coverage * 0.9]
        column = sorted([top, *same], key=lambda x: x.chunk.meta.get("seq", 0))
        if intent == "list":
            # The whole 专栏, each of its chunks given a share of the length budget.
            total = sum(len(s.chunk.text) for s in column)
            return [Citation(s.chunk, compact(s.chunk.text, LIST_CHARS * len(s.chunk.text) // total), s.hit.score) for s in column]
        budget, cites = LIST_CHARS, []
        for s in [*column, *others][:3]:
            if budget < 60:
                break
            quote = trim(s.chunk.text, weights, budget)
            budget -= len(quote)
            cites.append(Citation(s.chunk, quote, s.hit.score))
        return cites

    def _titled(self, question: str, top: Scored) -> bool:
        """The question names the section itself (规划的基本原则有哪几条 → 二、基本原则)."""
        title = top.chunk.section.split(" › ")[-1]
        return any(len(w) > 1 and w in title for w in self.ev.content_words(question))

    def section_leads(self, top: Scored, words: list[str]) -> list[Citation]:
        """A section whose paragraphs open with a short lead sentence (以重大需求作为战略任务。…):
        the leads are the list the question asks for."""
        chunks = [c for c in self.ev.searcher.chunks if c.section == top.chunk.section and c.kind == "body"]
        leads = [(c, m.group(0)) for c in chunks for p in c.text.split("\n") if (m := _LEAD.match(p.strip()))]
        if len(leads) < 3 or any(w in lead for w in words for _, lead in leads):
            return []  # the question asks about one of the items (工业资源考察), not for the list
        return [Citation(c, lead, top.hit.score) for c, lead in leads[:8]]

    def from_sentences(self, intent: str, weights: Weights, scored: list[Scored]) -> list[Citation]:
        numbers = intent == "number"
        ranked = sorted(
            ((self.ev.coverage(weights, sent, where) - 0.03 * s.rank + (0.1 if numbers and _DIGIT.search(sent) else 0), sent, s)
             for s in scored for sent, where in _sentences(s.chunk)),
            key=lambda x: -x[0],
        )
        if not ranked:
            return []
        _, sent, s = ranked[0]
        first = trim(sent, weights, FACT_CHARS, numbers=numbers)
        cites = [Citation(s.chunk, first, s.hit.score)]
        covered = self.ev.coverage(weights, first, s.chunk.section)
        listing = intent in ("list", "eligibility")
        if covered >= 0.8 and not listing:
            return cites  # one sentence already answers: stay short
        room = (LIST_CHARS if listing else FACT_CHARS + 40) - len(first)
        for _, other, s2 in ranked[1:8]:
            second = trim(other, weights, max(room, 40), numbers=numbers)
            if second in first or first in second or len(second) > room:
                continue
            if self.ev.coverage(weights, first + second, s.chunk.section) - covered >= 0.2:
                cites.append(Citation(s2.chunk, second, s2.hit.score))
                break
        return cites


def _sentences(chunk: Chunk) -> list[tuple[str, str]]:
    """(sentence, heading path) pairs; a paragraph's short lead sentence (基础研究。) heads the
    sentences after it, the way a run-in heading does."""
    out = []
    for paragraph in chunk.text.split("\n"):
        lead = _LEAD.match(paragraph.strip())
        where = f"{chunk.section} › {lead.group(1)}" if lead else chunk.section
        for sent in split_sentences(paragraph):
            out.append((sent, chunk.section if lead and sent == lead.group(0) else where))
    return out


def compact(text: str, limit: int) -> str:
    """A 专栏 that does not fit, shortened evenly: the leading items of every ；-group, so each
    sub-field it lists is still named (items are quoted as printed, only fewer of them)."""
    if len(text) <= limit:
        return text
    groups = [g for g in re.split(r"(?<=；)", text) if g]
    share = limit // max(len(groups), 1)
    out = []
    for group in groups:
        items = re.split(r"(?<=[，、])", group)
        kept = items[0]
        for item in items[1:]:
            if len(kept) + len(item) > share:
                break
            kept += item
        out.append(kept.rstrip("，、；") + ("；" if group.endswith("；") or kept != group else ""))
    return "".join(out).rstrip("；") + "等"


def row_quote(question: str, chunk: Chunk) -> str:
    """A table row as a sentence: an indicator's 2020 value and 2025 target, or a 表3.1 cell."""
    fields = chunk.meta.get("fields", {})
    if "指标" in fields:
        years = [k for k in fields if k.endswith("年")]
        unit = fields.get("单位", "")
        start = "（无基期数据）" if fields[years[0]] == "-" else f"{fields[years[0]]}{unit}"
        return f"{fields['指标']}：{years[0]}为{start}，{years[1]}目标为{fields[years[1]]}{unit}"
    if "合作区域" in fields:
        if _PATH_QUESTION.search(question):
            return f"{fields['方向']}的外延路径：{fields['外延路径']}"
        return f"{fields['方向']}｜{fields['合作区域']}"
    return chunk.text


def _names_row(row: Chunk, question: str, top: Chunk) -> bool:
    """A further row is cited only when the question names (most of) that row's indicator or region,
    and it is not just a more general form of the row already cited (高新技术企业 ⊂ 高新技术企业营业收入)."""
    fields = row.meta.get("fields", {})
    name = fields.get("指标") or fields.get("区域", "")
    if not name or name in (top.meta.get("fields", {}).get("指标") or ""):
        return False
    grams = [name[i : i + 2] for i in range(len(name) - 1)] or [name]
    return name in question or sum(g in question for g in grams) / len(grams) >= 0.7
