"""Understand a message before retrieval: what act it is (a question, a greeting, thanks, "what can you do",
an injection), the follow-up it continues, the parts of a compound question, and the kind of answer wanted."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rag.answering.followup import Reading, readings
from rag.answering.guard import Guard
from rag.answering.intent import Intent, classify
from rag.answering.query import ASK_WORDS, Turn, resolve_followup, split_compound
from rag.core.data import data_lines
from rag.core.zh import normalize

Act = Literal["question", "greeting", "thanks", "capabilities", "injection"]
PLAN_END = ("规划期末", "规划末", "规划期结束时", "到规划期末")
_ACTS: tuple[Act, ...] = ("greeting", "thanks", "capabilities")
_ASKS = re.compile(ASK_WORDS)


@dataclass(frozen=True)
class Understanding:
    """One message, understood: its act, the question it stands for after follow-up resolution, the
    parts a compound question asks, the answer kind wanted, and whether a weak guard rule fired (a word
    that often starts an off-topic or manipulative request, which only counts when nothing answers)."""

    act: Act
    question: str
    parts: tuple[str, ...] = ()
    intent: Intent = "fact"
    suspect: Literal["", "offtopic", "injection"] = ""
    readings: tuple[Reading, ...] = ()  # a follow-up's possible readings, `question` the rules' choice


class Acts:
    """Conversation acts other than questions, as whole-message patterns kept as data (rag/data/acts.tsv)."""

    def __init__(self, rules: list[tuple[Act, re.Pattern[str]]]) -> None:
        self.rules = rules

    @classmethod
    def load(cls, path: Path | None = None) -> Acts:
        rules: list[tuple[Act, re.Pattern[str]]] = []
        for line in data_lines("acts.tsv", path):
            kind, pattern = line.split("\t", 1)
            if kind.strip() in _ACTS:
                rules.append((kind.strip(), re.compile(pattern.strip(), re.IGNORECASE)))  # type: ignore[arg-type]
        return cls(rules)

    def of(self, message: str) -> Act:
        """The act a message opens with, when what follows asks nothing ("在吗？我想问点事" is a greeting,
        "你好，高企目标是多少？" a question)."""
        text = normalize(message)
        for kind, pattern in self.rules:
            m = pattern.match(text)
            rest = text[m.end():] if m else ""
            if m and (not _ASKS.search(rest) or self.of(rest) != "question"):
                return kind
        return "question"


class Periods:
    """Phrases naming the end of a plan period (十四五末), read as the year they mean (rag/data/periods.tsv)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self._pattern = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))) if table else None

    @classmethod
    def load(cls, path: Path | None = None) -> Periods:
        return cls(dict(line.split("\t", 1) for line in data_lines("periods.tsv", path)))

    def with_documents(self, titles: set[str]) -> Periods:
        """Also read 规划期末 as the end of the plan period the documents' titles name (一个"十四五"规划 → 2025年),
        when they name exactly one."""
        ends = {year for phrase, year in self.table.items() if phrase.endswith("末") and any(phrase[:-1] in t for t in titles)}
        if len(ends) != 1:
            return self
        end = ends.pop()
        return Periods({**self.table, **{p: end for p in PLAN_END}})

    @property
    def plan_end(self) -> str:
        """The year 规划期末 reads as (the documents' own plan period's end, 2025), or "" when none is known."""
        return self.table.get(PLAN_END[0], "").strip().rstrip("年")

    def apply(self, text: str) -> str:
        return self._pattern.sub(lambda m: self.table[m.group(0)].strip(), text) if self._pattern else text


def understand(
    message: str,
    history: Sequence[Turn],
    *,
    guard: Guard,
    acts: Acts,
    periods: Periods | None = None,
    rank_terms: Callable[[str], list[str]],
    closest: Callable[[list[str], str], str],
    known: Callable[[str], bool] = lambda term: True,
) -> Understanding:
    """The message's act and, for a question, its resolved form, parts and intent."""
    act = acts.of(message)
    if act != "question":
        return Understanding(act, message)
    verdict = guard.check(message)
    if verdict.kind == "injection":
        return Understanding("injection", message)
    if periods is not None:
        message = periods.apply(message)
    resolved = resolve_followup(message, history, rank_terms, closest, known)
    if periods is not None:  # the earlier turn a follow-up borrows from names its period in words too (十四五末)
        resolved = periods.apply(resolved)
    if resolved != message and guard.check(resolved).kind == "injection":
        return Understanding("injection", resolved)  # a follow-up that continues an injection is one too
    parts = split_compound(resolved)[:3]
    suspect = verdict.kind if verdict.kind in ("offtopic", "suspect") else ""
    return Understanding(
        "question", resolved, tuple(parts) if len(parts) > 1 else (), classify(resolved),
        "injection" if suspect == "suspect" else "offtopic" if suspect else "",
        tuple(readings(message, history, resolved)) if history else (),
    )
