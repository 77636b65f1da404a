"""Enterprise matcher: which 专栏, sections and support measures of the plan fit a company's profile."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from rag.answering.query import Synonyms
from rag.core.progress import Progress
from rag.core.types import Answer, Citation
from rag.core.zh import Tokenizer, normalize
from rag.index.embedding import Embedder
from rag.index.substrings import Containing
from rag.matching.lexicon import Concept, Lexicon
from rag.matching.measures import UNSTATED, Measure, derive, relevant
from rag.matching.targets import Target, Unit, build_targets, item_vectors, load_sections
from rag.retrieval.search import HybridSearcher, embed_once

MAX_ITEMS = 4
UNSEEN_WEIGHT = 2.0  # a profile word the plan never uses: it dilutes coverage, at less than a rare word
MIN_COVERAGE = 0.15  # below this share of the profile's words, nothing in the plan is about this company
RELATIVE_FLOOR = 0.35  # further directions must score at least this share of the best one
DENSE_WEIGHT = 0.25
DENSE_SCALE = 0.05  # cosine above the median item, per unit of evidence
LOOSE_WORDS = 2  # words outside the lexicon tie a profile to a direction only when this many agree
FREE_WORD = 0.5  # a profile word outside the lexicon counts half: it may be just how the company talks
LISTED_BONUS = 0.05
ITEM_FLOOR = 0.2  # a further item must add this much (words of the profile, or closeness in meaning)
COVERED = 0.5  # a word already shown by an earlier item counts half for the next one
ANSWER_DIRECTIONS = 2
ANSWER_MEASURES = 5
MAX_MEASURES = 12  # measures a match lists: those the profile's words point to first, then the others
NO_MATCH = "《规划》中没有与该企业业务直接对应的重点方向或专栏。以下是面向各类企业的普惠性支持措施，供参考。"


@dataclass(frozen=True)
class Profile:
    """What a company says about itself: free text plus optional structured fields."""

    description: str
    industry: str = ""
    products: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Every field as one text, the way the matcher reads it."""
        parts = [self.description, self.industry, *self.products, *self.tags]
        return "，".join(p.strip() for p in parts if p and p.strip())


@dataclass(frozen=True)
class Direction:
    """A 专栏 or section that fits: its items quoted verbatim (one Citation each) and why it fits."""

    title: str
    section: str
    items: tuple[Citation, ...]
    reason: str
    score: float
    doc: str = ""  # the document the 专栏 or section is in


@dataclass(frozen=True)
class MatchResult:
    """Ranked directions (empty when nothing fits), the support measures, and a one-line summary."""

    directions: tuple[Direction, ...]
    measures: tuple[Measure, ...]
    kb_version: str
    message: str


class Matcher:
    """Scores a profile against every target: the profile's words (through the lexicon and synonyms)
    found in a target's items, plus the embedding similarity of the profile to those items."""

    def __init__(self, searcher: HybridSearcher, *, cache_dir: Path | None = None) -> None:
        self.chunks = searcher.chunks
        self.tokenizer: Tokenizer = searcher.tokenizer
        self.synonyms: Synonyms = searcher.synonyms
        self.embedder: Embedder | None = searcher.embedder
        self.cache_dir = cache_dir
        self.lexicon = Lexicon.load()
        self.targets = build_targets(self.chunks, load_sections())
        self.units = [u for t in self.targets for u in t.units]
        # Words are looked up in the distinct item texts (a text repeated across documents counts each time).
        texts = list(dict.fromkeys(u.text.lower() for u in self.units))
        row = {t: n for n, t in enumerate(texts)}
        self._items = Containing(texts)
        self._repeats = np.bincount([row[u.text.lower()] for u in self.units], minlength=len(texts))
        self._in_targets = Containing([t.lowered for t in self.targets])
        self._df: dict[str, int] = {}
        # Units by document, and each unit's row among the distinct raw texts the vectors are kept for.
        raw = list(dict.fromkeys(u.text for u in self.units))
        raw_row = {t: n for n, t in enumerate(raw)}
        self._raw = raw
        self._unit_row = np.fromiter((raw_row[u.text] for u in self.units), dtype=np.int64, count=len(self.units))
        doc_units: dict[str, list[int]] = {}
        for n, u in enumerate(self.units):
            doc_units.setdefault(u.chunk.doc, []).append(n)
        self._doc_units = {d: np.asarray(v, dtype=np.int64) for d, v in doc_units.items()}
        ends = np.cumsum([len(t.units) for t in self.targets])
        self._spans = [range(int(e) - len(t.units), int(e)) for t, e in zip(self.targets, ends, strict=True)]
        self._vectors: np.ndarray | None = None

    def prepare(self, progress: Progress | None = None) -> None:
        """Embed the items not embedded before (at ingest, so a server's first match is at full speed)."""
        if self.embedder is not None and self._vectors is None and self.units:
            self._vectors = item_vectors(self.embedder, self.cache_dir).of(self._raw, progress)
        _ = self.measures  # read from the text once, before the first request needs them

    @cached_property
    def measures(self) -> list[Measure]:
        """The support measures the documents state (read from their text, not from a catalogue)."""
        return derive(self.chunks, self.tokenizer.tags)

    # -- public ---------------------------------------------------------------------------------
    def match(self, profile: Profile, top_k: int = 5, *, kb_version: str = "") -> MatchResult:
        """The directions that fit the profile, best first, and the measures it can use."""
        if top_k <= 0:
            raise ValueError("top_k 必须大于 0")
        text = normalize(profile.text)
        concepts = self.concepts(text)
        # Only a target holding one of the profile's plan words can score (see _Evidence.score).
        found = sorted({i for c in concepts for t in c.terms if self.df(t.lower()) for i in self._in_targets.find(t.lower())})
        candidates = [self.targets[i] for i in found]
        evidence = _Evidence(self, concepts, self._similarity(text, found))
        scored = [(score, t) for t in candidates if (score := evidence.score(t)) is not None]
        scored.sort(key=lambda x: -x[0])
        directions = [
            self._direction(t, score, evidence, text) for score, t in scored if score >= RELATIVE_FLOOR * scored[0][0]
        ][:top_k]
        measures = tuple(relevant(self.measures, [w for c in concepts for w in (c.said, *c.terms)], MAX_MEASURES))
        summary = f"找到 {len(directions)} 个相关方向。" if directions else NO_MATCH
        return MatchResult(tuple(directions), measures, kb_version, summary)

    # -- understanding the profile --------------------------------------------------------------
    def concepts(self, text: str) -> list[Concept]:
        """The profile's content words, each with the plan words it may appear as."""
        return self.lexicon.concepts(text, self.tokenizer, self.synonyms, known=lambda t: bool(self.df(t.lower())))

    def df(self, term: str) -> int:
        """In how many items (of all targets) a plan word occurs."""
        if term not in self._df:
            self._df[term] = int(self._repeats[list(self._items.find(term))].sum())
        return self._df[term]

    def idf(self, term: str) -> float:
        """How rare a plan word is among the items (0 when the plan never uses it)."""
        df = self.df(term.lower())
        return math.log(1 + len(self.units) / df) if df else 0.0

    # -- scoring --------------------------------------------------------------------------------
    def _similarity(self, text: str, targets: list[int]) -> dict[Unit, float]:
        """For the items of `targets`: how far each one's cosine to the profile lies above the median item
        of its document, in DENSE_SCALE units (a document's scores do not move when another is added)."""
        if self.embedder is None or not targets:
            return {}
        self.prepare()
        assert self._vectors is not None
        query = np.asarray(embed_once(self.embedder, text), dtype=np.float32)
        docs = dict.fromkeys(self.targets[i].doc for i in targets)
        rows = np.unique(self._unit_row[np.concatenate([self._doc_units[d] for d in docs])])
        cos = np.zeros(len(self._raw), dtype=np.float32)
        cos[rows] = self._vectors[rows] @ query  # only the distinct items of the documents concerned
        median = {d: float(np.median(cos[self._unit_row[self._doc_units[d]]])) for d in docs}
        similar: dict[Unit, float] = {}
        for i in targets:
            span = self._spans[i]
            rel = np.clip((cos[self._unit_row[span.start : span.stop]] - median[self.targets[i].doc]) / DENSE_SCALE, 0.0, 2.0)
            similar.update(zip(self.targets[i].units, rel.tolist(), strict=True))
        return similar

    def _direction(self, target: Target, score: float, evidence: _Evidence, text: str) -> Direction:
        picked = evidence.items(target)
        items = tuple(Citation(u.chunk, u.text, round(gain, 4)) for u, gain in picked)
        reason = self._reason(target, evidence, items, text)
        return Direction(target.title, target.section, items, reason, round(score, 4), target.doc)

    def _reason(self, target: Target, evidence: _Evidence, items: tuple[Citation, ...], text: str) -> str:
        _, hits = evidence.credit(target.text)
        words = [_quoted(c.said) + ("" if term == c.said.lower() else f"（规划用语：{term}）") for c, term in hits]
        reason = f"描述中的{'、'.join(words)}见于{target.title}" if words else f"描述与{target.title}的条目语义相近"
        unmatched = [c.quote for c in items if not evidence.credit(c.quote)[1]]
        if words and unmatched:
            reason += f"；条目“{unmatched[0]}”与描述语义相近"
        places = [p for p in self.lexicon.places if p in text and p in target.text]
        if places:
            reason += f"；《规划》在该方向提到{'、'.join(places)}"
        return reason + "。"


class _Evidence:
    """One profile's concepts and item similarities, and what they credit a target or an item with."""

    def __init__(self, matcher: Matcher, concepts: list[Concept], similar: dict[Unit, float]) -> None:
        self.similar = similar
        self.factor = {c: 1.0 if c.curated else FREE_WORD for c in concepts}
        self.idf = {t.lower(): matcher.idf(t) for c in concepts for t in c.terms}
        self.concepts = concepts
        weights = [self.factor[c] * max((self.idf[t.lower()] for t in c.terms), default=0.0) for c in concepts]
        self.total = sum(w or UNSEEN_WEIGHT * self.factor[c] for c, w in zip(concepts, weights, strict=True))

    def credit(self, text: str, covered: frozenset[Concept] = frozenset(), *, lowered: str | None = None
               ) -> tuple[float, list[tuple[Concept, str]]]:
        """Share of the profile found in `text`, and every concept found with the plan word it is found as.

        A concept counts with the IDF of the most specific plan word it is found as (less when already
        `covered`), and a plan word counts once however many concepts lead to it."""
        lowered = text.lower() if lowered is None else lowered
        hits: list[tuple[Concept, str]] = []
        best: dict[str, float] = {}
        for c in self.concepts:
            found = [t.lower() for t in c.terms if self.idf[t.lower()] and t.lower() in lowered]
            if not found:
                continue
            term = max(found, key=lambda t: (self.idf[t], len(t)))  # the longest of equally rare words
            hits.append((c, term))
            gain = self.factor[c] * self.idf[term] * (COVERED if c in covered else 1.0)
            best[term] = max(best.get(term, 0.0), gain)
        return (sum(best.values()) / self.total if self.total else 0.0), hits

    def score(self, target: Target) -> float | None:
        """How well the target fits, or None without evidence: too little of the profile found in it,
        or found only through one loose word (a word outside the lexicon, like 开发 or 龙头企业)."""
        lexical, hits = self.credit(target.text, lowered=target.lowered)
        loose = {term for c, term in hits if not c.curated}
        if lexical < MIN_COVERAGE or not (any(c.curated for c, _ in hits) or len(loose) >= LOOSE_WORDS):
            return None
        return lexical + DENSE_WEIGHT * max((self.similar.get(u, 0.0) for u in target.units), default=0.0)

    def items(self, target: Target) -> list[tuple[Unit, float]]:
        """The target's items that best cover the profile, picked greedily so each adds something new;
        the prose around a 专栏 is quoted only for what none of its items mentions."""
        listed_hits = {c for u in target.units if u.listed for c, _ in self.credit(u.text)[1]}
        covered: set[Concept] = set()
        picked: list[tuple[Unit, float]] = []
        pool = list(target.units)
        while pool and len(picked) < MAX_ITEMS:
            gains = [(self._gain(u, frozenset(covered), listed_hits), u) for u in pool]
            gain, unit = max(gains, key=lambda g: g[0])
            if picked and gain <= ITEM_FLOOR:
                break
            picked.append((unit, gain))
            covered |= {c for c, _ in self.credit(unit.text)[1]}
            pool.remove(unit)
        return picked

    def _gain(self, unit: Unit, covered: frozenset[Concept], listed_hits: set[Concept]) -> float:
        new, hits = self.credit(unit.text, covered)
        if not unit.listed and not {c for c, _ in hits} - listed_hits:
            return 0.0
        return new + DENSE_WEIGHT * self.similar.get(unit, 0.0) + (LISTED_BONUS if unit.listed else 0.0)


def _quoted(said: str) -> str:
    return "“" + said.replace("、", "”“") + "”"


def eligibility_answer(matcher: Matcher, question: str, kb_version: str) -> Answer:
    """A short answer to "我们是做仿制药的，规划对我们有什么方向？" built from the matcher's result.

    `answerable` is False when no direction of the plan fits: the text then says so plainly and lists
    only the general support measures, so a caller may also fall back to its own answer.
    """
    result = matcher.match(Profile(question), top_k=ANSWER_DIRECTIONS, kb_version=kb_version)
    citations: list[Citation] = []
    lines = []
    for n, direction in enumerate(result.directions, start=1):
        items = direction.items[: MAX_ITEMS if n == 1 else 2]
        lines.append(f"{n}. {direction.title}：{_cited(items, citations)}。")
    measures = list(result.measures[:ANSWER_MEASURES])
    shown = "、".join(m.name for m in measures)
    tail = f"可关注的支持措施：{shown}" + _cited([m.citations[0] for m in measures], citations, names=False)
    stated = [m for m in measures if m.condition != UNSTATED]
    for m in stated:
        source = next(c for c in m.citations if m.condition in c.chunk.text)
        tail += f"；其中{m.name}：{m.condition}" + _cited([source], citations, names=False)
    tail += f"；{'其余措施' if stated else ''}的具体条件、标准和程序《规划》未明确。".replace("；的", "；这些措施的")
    if not lines:
        text = f"《规划》中没有与贵单位业务直接对应的重点方向或专栏。{tail}"
        return Answer(text, False, tuple(citations), kb_version, intent="eligibility")
    text = "根据《规划》，与贵单位相关的方向：\n" + "\n".join(lines) + "\n" + tail
    return Answer(text, True, tuple(citations), kb_version, intent="eligibility")


def _cited(quotes: Sequence[Citation], citations: list[Citation], *, names: bool = True) -> str:
    """Quotes grouped by chunk, each group followed by its [n] marker; new citations are appended."""
    groups: dict[str, list[Citation]] = {}
    for c in quotes:
        groups.setdefault(c.chunk.id, []).append(c)
    parts = []
    for group in groups.values():
        known = next((n for n, c in enumerate(citations, start=1) if c.chunk.id == group[0].chunk.id), 0)
        if not known:
            citations.append(Citation(group[0].chunk, _joined(group), group[0].score))
            known = len(citations)
        text = _joined(group) if names else ""
        parts.append(f"{text}[{known}]")
    return "；".join(parts) if names else "".join(parts)


def _joined(quotes: Sequence[Citation]) -> str:
    return "；".join(dict.fromkeys(c.quote.rstrip("。；，") for c in quotes))
