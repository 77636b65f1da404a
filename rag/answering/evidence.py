"""Weigh a question's words and measure how much of it a passage covers; trim passages to the point."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from rag.core.data import data_lines
from rag.core.zh import folded, normalize, split_clauses
from rag.retrieval.search import HybridSearcher

UNSEEN_WEIGHT = 0.7
# A name the plan never uses (another city, a company, a university) decides the question alone.
UNSEEN_NAME_WEIGHT = 4.0
_NAME = re.compile(r"[\u4e00-\u9fff]{0,8}(?:市|省|县|集团|公司|大学|学院|研究院|医院|银行|局|委员会)$")
TITLE_CREDIT = 0.75
_ASCII_LETTER = re.compile(r"[a-z]")
_HEADING_AFFIX = re.compile(r"^(?:\d+[.．]\s*|专栏\s*[\d-]+[：:]|[一二三四五六七八九十]+、)|(?:科技发展重点|发展重点|重点发展方向)$")
_DIGIT = re.compile(r"\d")
_QUESTION_WORDS = re.compile(r"是什么|什么是|指什么|是啥|啥是|有哪些|是哪些|怎么样|如何|吗|呢|[？?！!。，,、\s]")

# term key → weight; a key lists a word and its synonym expansions, separated by "|".
Weights = dict[str, float]


def load_generic(path: Path | None = None) -> frozenset[str]:
    """Words that say what kind of answer is wanted (目标, 哪些, 具体 …), not what it is about."""
    return frozenset(w for line in data_lines("generic.txt", path) for w in line.split())


class Evidence:
    """Question-term weighting (IDF from the live index) and passage coverage."""

    def __init__(self, searcher: HybridSearcher, generic: frozenset[str] | None = None) -> None:
        self.searcher = searcher
        generic = generic if generic is not None else load_generic()
        # The words of the documents' own titles and regions (a city, the plan period, the document type) say
        # which document, not what a question is about: nearly every question about it names them.
        words = searcher.tokenizer.words
        titles = {str(c.meta.get("doc_title", "")) for c in searcher.chunks}
        regions = {str(c.meta.get("doc_region", "")) for c in searcher.chunks}
        self.generic = generic | {w for t in titles for w in words(t, fine=False)} | {w for r in regions for w in words(r)}
        # Single-character industries the outline names (1.酒, 2.茶) are real topics, not noise.
        self.topics = {re.sub(r"^\d+[.．]\s*", "", step) for c in searcher.chunks for step in c.section.split(" › ")}

    def content_words(self, text: str) -> list[str]:
        """Whole content words of `text` that say what it is about."""
        return [
            w for w in self.searcher.tokenizer.words(text, fine=False)
            if w not in self.generic and not _ASCII_LETTER.fullmatch(w) and (len(w) > 1 or w in self.topics)
        ]

    def rank_terms(self, text: str) -> list[str]:
        """Content words of `text`, most specific (highest IDF) first."""
        return sorted(dict.fromkeys(self.content_words(text)), key=lambda w: -self.searcher.words.idf(w))

    def weights(self, question: str, *, skip: Callable[[str], bool] = lambda w: False) -> Weights:
        """IDF weight per content word; a word and its synonyms form one group that counts once.

        Aliases (市一级, 研发投入强度 …) are taken out of the question first, as whole phrases,
        so they are not cut into fragments that mean something else.
        """
        out: Weights = {}
        for alias, canon in self.searcher.synonyms.aliases(question):
            idf = max((self.searcher.words.idf(t) for t in canon), default=0.0)
            if alias not in self.generic:
                out["|".join([alias.lower(), *canon])] = idf if idf > 0 else UNSEEN_WEIGHT
            question = question.replace(alias, " ")
        for word in self.content_words(question):
            if skip(word):
                continue
            idf = self.searcher.words.idf(word)
            related = self.searcher.related(word)[:3] if idf <= 0 else []
            key = "|".join([word, *self.searcher.synonyms.expansions(word), *related])
            if related:  # a colloquial word found as its synonym weighs what that synonym does
                idf = max(self.searcher.words.idf(r) for r in related)
            out[key] = idf if idf > 0 else (UNSEEN_NAME_WEIGHT if _NAME.search(word) else UNSEEN_WEIGHT)
        if not out:
            # Nothing but short or common words ("遵义红是什么？"): the question's own wording is the term.
            bare = _QUESTION_WORDS.sub("", normalize(question))
            if len(bare) > 1:
                out[bare] = 1.0
        return out

    def presence(self, term: str, text: str) -> float:
        """1 if the term is in the text. A word the plan never uses (a colloquial variant) earns
        partial credit from its character bigrams; a word the plan does use must appear as it is."""
        if term in text:
            return 1.0
        if self.searcher.words.idf(term) > 0 or len(term) < 2 or _NAME.search(term):
            return 0.0  # a seen word, or a name (贵阳市 is not 贵阳), must appear as it is
        grams = [term[i : i + 2] for i in range(len(term) - 1)]
        return 0.8 * sum(g in text for g in grams) / len(grams)

    def coverage(self, weights: Weights, text: str, section: str = "") -> float:
        """Share of the question's weight found in `text` (partial credit for the section title)."""
        total = sum(weights.values())
        if not total:
            return 0.0
        steps = section.split(" › ")[-2:] if section else []
        title_credit = 1.0 if any("专栏" in s for s in steps) else TITLE_CREDIT  # a 专栏's heading names its industry
        body = folded(text)
        got = sum(
            w * max(max(self.presence(t, body), title_credit * self.in_title(t, steps)) for t in key.split("|"))
            for key, w in weights.items()
        )
        return got / total

    def title_coverage(self, weights: Weights, section: str) -> float:
        """Share of the question's weight named by the section's own heading."""
        total = sum(weights.values())
        steps = section.split(" › ")[-1:]
        got = sum(w * max(self.in_title(t, steps) for t in key.split("|")) for key, w in weights.items())
        return got / total if total else 0.0

    def in_title(self, term: str, steps: list[str]) -> float:
        """A heading names a term when it contains it, or when the heading's topic (6.畜牧 → 畜牧,
        专栏5-6：畜牧科技发展重点 → 畜牧) is part of the term (畜牧业)."""
        for step in steps:
            if term in step:
                return 1.0
            topic = _HEADING_AFFIX.sub("", step)
            if len(topic) > 1 and topic in term:
                return 1.0
        return 0.0


def trim(text: str, weights: Weights, limit: int, *, numbers: bool = False) -> str:
    """The text if it fits, else the window of clauses that holds most of the question's weight
    (clauses stating a figure count extra when a number is asked for)."""
    if len(text) <= limit:
        return text
    clauses = split_clauses(text)
    gains = [
        sum(w for t, w in weights.items() if any(a in c for a in t.split("|"))) + (0.5 if numbers and _DIGIT.search(c) else 0)
        for c in clauses
    ]
    best, best_gain = (0, 1), -1.0
    for start in range(len(clauses)):
        length, gain = 0, 0.0
        for end in range(start, len(clauses)):
            length += len(clauses[end])
            if length > limit:
                break
            gain += gains[end]
            if gain > best_gain:
                best, best_gain = (start, end + 1), gain
    return "".join(clauses[best[0] : best[1]]).rstrip("，、：") or text[:limit]
