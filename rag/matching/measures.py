"""Support measures for enterprises, read from the documents' text: the clauses that name an instrument
(补助, 贴息, 加计扣除 … in rag/data/support_terms.tsv), quoted from the text with the condition it sets."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rag.core.data import data_lines
from rag.core.types import Chunk, Citation
from rag.core.zh import split_clauses, split_sentences

UNSTATED = "《规划》未明确具体条件、标准和申报程序"
QUOTE_CHARS = 110


@dataclass(frozen=True)
class Measure:
    """A support measure as a document states it: its name as the text words it, the sentences that state
    it, and the condition its own sentence sets (对于…的，给予…), else UNSTATED."""

    name: str
    condition: str
    citations: tuple[Citation, ...]
    general: bool  # no condition of its own: open to any enterprise as far as the text says
    words: frozenset[str] = frozenset()  # the words of its sentences, which a profile's words point to
    listed: int = 1  # the most measures one of its sentences names: a list of policies is for every enterprise


@dataclass(frozen=True)
class SupportTerms:
    """rag/data/support_terms.tsv: the head words of measures' names and the words that govern them."""

    instruments: tuple[str, ...]
    governs: frozenset[str]
    excluded: tuple[str, ...] = ()  # words of a sentence that states no measure (不予补贴, 追回补贴)

    @classmethod
    def load(cls, path: Path | None = None) -> SupportTerms:
        kinds = {k: v.split() for k, v in (line.split("\t", 1) for line in data_lines("support_terms.tsv", path))}
        return cls(tuple(sorted(kinds.get("instrument", []), key=len, reverse=True)), frozenset(kinds.get("governs", [])),
                   tuple(kinds.get("not", [])))


Tagger = Callable[[str], list[tuple[str, str]]]  # text → (word, part of speech)
# Parts of speech that end a measure's name going leftwards: prepositions, conjunctions, particles,
# punctuation, numerals, adverbs, pronouns, place names (某市科技创新券 is the 科技创新券).
_BREAK_TAGS = ("p", "c", "u", "x", "m", "d", "r", "ns", "f", "q", "t")
NAME_WORDS = 5
NAME_CHARS = 14


def derive(chunks: Sequence[Chunk], tag: Tagger, terms: SupportTerms | None = None) -> list[Measure]:
    """The support measures the documents' body text states, in reading order: every clause holding an
    instrument word gives the measure its name words (研发费用加计扣除); a bare instrument word (给予后补助支持)
    joins the measure of that name the same document states in full nearby."""
    terms = terms or SupportTerms.load()
    found: dict[tuple[str, str], list[tuple[Citation, str]]] = {}
    listed: dict[tuple[str, str], int] = {}
    for chunk in (c for c in chunks if c.kind == "body"):
        for sentence in split_sentences(chunk.text):
            if any(w in sentence for w in terms.excluded):  # what is refused or clawed back is no measure to use
                continue
            clauses = split_clauses(sentence)
            named = [(n, name) for n, clause in enumerate(clauses) for name in _names(clause, tag, terms)]
            for n, name in named:
                cite = Citation(chunk, window(sentence, name if name in sentence else clauses[n], QUOTE_CHARS), 1.0)
                found.setdefault((chunk.doc, name), []).append((cite, _condition_of(clauses[:n + 1])))
                listed[(chunk.doc, name)] = max(listed.get((chunk.doc, name), 0), len(named))
    order = {c.id: n for n, c in enumerate(chunks)}
    merged: dict[tuple[str, str], list[tuple[Citation, str]]] = {}
    for (doc, name), cites in found.items():
        longer = [k for k in found if k[0] == doc and k[1] != name and k[1].endswith(name)]
        key = (doc, name)
        if longer and len(name) <= 3:  # 后补助 alone: the fuller name the same document gives nearest to it
            at = order[cites[0][0].chunk.id]
            key = min(longer, key=lambda k: min(abs(order[c.chunk.id] - at) for c, _ in found[k]))
        merged.setdefault(key, []).extend(cites)
        listed[key] = max(listed[key], listed[(doc, name)])
    out = []
    for (doc, name), cites in merged.items():
        unique = list({c.quote: c for c, _ in cites}.values())
        condition = next((cond for _, cond in cites if cond), "")
        words = frozenset(w for c in unique for w, _ in tag(c.quote))
        out.append(Measure(name, condition or UNSTATED, tuple(unique), not condition, words, listed[(doc, name)]))
    return out


def _names(clause: str, tag: Tagger, terms: SupportTerms) -> list[str]:
    """The measure names a clause holds: each instrument word with the name words before it."""
    if not any(t in clause for t in terms.instruments):
        return []
    tagged = tag(clause)
    names: list[str] = []
    for i, (word, _) in enumerate(tagged):
        if not any(word.endswith(t) for t in terms.instruments):
            continue
        parts = [word]
        for prev, flag in reversed(tagged[:i]):
            if prev in terms.governs or flag.startswith(_BREAK_TAGS) or prev.endswith(("市", "省", "县")) \
                    or len(parts) >= NAME_WORDS or len(prev) + sum(map(len, parts)) > NAME_CHARS:
                break
            parts.insert(0, prev)
        name = "".join(parts)
        if len(name) >= 3 and name not in names and not re.search(r"\s", name):
            names.append(name)
    return names


_CONDITION = re.compile(r"^(?:对于?|凡|符合)[^，,；;]{2,40}的(?:企业|单位|项目|人才|个人)?[，,]?$")


_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零]+条[\s　]*")


def _condition_of(clauses: Sequence[str]) -> str:
    """The clause before the measure's that says whom it is for ("对于取得重大创新成果的，给予后补助支持")."""
    for clause in reversed(clauses[:-1]):
        said = _ARTICLE.sub("", clause.strip())
        if _CONDITION.match(said):
            return said.rstrip("，,") + "，" + clauses[-1].strip().rstrip("，,。；;")
    return ""


def relevant(measures: Sequence[Measure], profile_words: Sequence[str], limit: int) -> list[Measure]:
    """The measures for a profile: those whose sentences use the profile's words first (the more words, the
    earlier), then those a list of policies names (open to every enterprise), then the rest in reading
    order, `limit` in all."""
    said = [w for w in dict.fromkeys(profile_words) if len(w) > 1]
    shared = [sum(w in m.words or w in m.name for w in said) for m in measures]
    order = sorted(range(len(measures)), key=lambda i: (-shared[i], -measures[i].listed, i))
    return [measures[i] for i in order[:limit]]


def window(sentence: str, phrase: str, limit: int) -> str:
    """The sentence if short, else the run of its clauses around `phrase`, grown while under `limit`."""
    if len(sentence) <= limit or phrase not in sentence:
        return sentence
    clauses = split_clauses(sentence)
    bounds, pos = [], 0
    for clause in clauses:
        bounds.append((pos, pos + len(clause)))
        pos += len(clause)
    start = sentence.index(phrase)
    first = next(i for i, (a, b) in enumerate(bounds) if a <= start < b)
    last = next(i for i, (a, b) in enumerate(bounds) if a < start + len(phrase) <= b)
    while last + 1 < len(clauses) and bounds[last + 1][1] - bounds[first][0] <= limit:
        last += 1
    while first > 0 and bounds[last][1] - bounds[first - 1][0] <= limit:
        first -= 1
    return sentence[bounds[first][0] : bounds[last][1]].rstrip("，、：")
