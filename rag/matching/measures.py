"""Support measures for enterprises: a catalogue kept as data, found in the plan's text, quoted from it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from rag.core.data import data_path
from rag.core.types import Chunk, Citation
from rag.core.zh import split_clauses, split_sentences

log = logging.getLogger(__name__)

UNSTATED = "《规划》未明确具体条件、标准和申报程序"
ANY = "*"
QUOTE_CHARS = 110


@dataclass(frozen=True)
class MeasureSpec:
    """One catalogue row: the measure's name, phrases that find it in the plan, whom it concerns."""

    name: str
    locate: tuple[str, ...]
    applies_to: tuple[str, ...]  # () means any enterprise
    condition: str  # the plan's own phrase stating who qualifies; "" when it states none


@dataclass(frozen=True)
class Measure:
    """A support measure as the plan states it: the condition quoted from the text, or UNSTATED."""

    name: str
    condition: str
    citations: tuple[Citation, ...]
    general: bool


def load_specs(path: Path | None = None) -> list[MeasureSpec]:
    """Read rag/data/measures.tsv (name, locate, applies to, condition)."""
    path = path or data_path("measures.tsv")
    specs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, locate, applies, condition = (line.split("\t") + ["", "", ""])[:4]
        audience = tuple(a for a in applies.split("|") if a.strip() and a.strip() != ANY)
        specs.append(MeasureSpec(name.strip(), tuple(p for p in locate.split("|") if p), audience, condition.strip()))
    return specs


def locate(specs: list[MeasureSpec], chunks: list[Chunk]) -> list[Measure]:
    """Each measure with the sentences that state it; a measure the text no longer states is dropped."""
    body = [c for c in chunks if c.kind == "body"]
    measures = []
    for spec in specs:
        cites = [c for c in (_cite(phrase, body) for phrase in spec.locate) if c is not None]
        if not cites:
            log.warning("support measure %s not found in the plan: left out", spec.name)
            continue
        measures.append(Measure(spec.name, _condition(spec, cites), tuple(cites), not spec.applies_to))
    return measures


def relevant(measures: list[Measure], specs: list[MeasureSpec], profile_text: str) -> list[Measure]:
    """Measures for this profile: those its words point to first, then the ones open to any enterprise."""
    audience = {s.name: s.applies_to for s in specs}
    text = profile_text.lower()
    pointed = [m for m in measures if not m.general and any(a.lower() in text for a in audience.get(m.name, ()))]
    return pointed + [m for m in measures if m.general]


def _condition(spec: MeasureSpec, cites: list[Citation]) -> str:
    if not spec.condition:
        return UNSTATED
    for cite in cites:
        if spec.condition in cite.chunk.text:
            return spec.condition
    log.warning("condition of %s not found in the plan: reported as unstated", spec.name)
    return UNSTATED


def _cite(phrase: str, chunks: list[Chunk]) -> Citation | None:
    for chunk in chunks:
        if phrase in chunk.text:
            sentence = next((s for s in split_sentences(chunk.text) if phrase in s), phrase)
            return Citation(chunk, window(sentence, phrase, QUOTE_CHARS), 1.0)
    return None


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
