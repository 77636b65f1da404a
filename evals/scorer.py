"""Score the engine on evals/questions.jsonl: retrieval recall, hit@1, correctness, refusals, latency."""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.answering.query import Turn
from rag.core.types import Chunk
from rag.core.zh import squeeze
from rag.engine import Engine

QUESTIONS = Path(__file__).with_name("questions.jsonl")
# A second set written later, blind (from the plan's text only, by someone who never ran the engine): a
# check of how the mechanisms generalise, scored and gated on its own. Its odd ids have since been used
# with dev to choose mechanisms; the even ids have not been looked at.
FRESH = Path(__file__).with_name("fresh.jsonl")
# Written blind for the fitted answering pipeline: 380 questions and 54 conversations, split once (by type,
# seeded) into a tuning half ("tune": fitting and choosing mechanisms) and a check half ("check": reported only).
BLIND_PLAN = Path(__file__).with_name("blind") / "plan.jsonl"
BLIND_CONVERSATIONS = Path(__file__).with_name("blind") / "conversations.jsonl"
# 70 more conversations written blind later (for the fitted follow-up reading), split once the same way.
BLIND_CONVERSATIONS2 = Path(__file__).with_name("blind") / "conversations2.jsonl"
# 48 more written blind at stop 22 (the first two sets' tuning halves had been worked to near their ceiling while
# their check halves lagged): split once at random by id (seed 3) into tune and check.
BLIND_CONVERSATIONS3 = Path(__file__).with_name("blind") / "conversations3.jsonl"
BLIND_CONVERSATIONS4 = Path(__file__).with_name("blind") / "conversations4.jsonl"
BLIND_CONVERSATIONS5 = Path(__file__).with_name("blind") / "conversations5.jsonl"
# 48 written blind at stop 25, split once at random by id (seed 6).
BLIND_CONVERSATIONS6 = Path(__file__).with_name("blind") / "conversations6.jsonl"
REFUSE_TYPES = {"unanswerable", "offtopic", "injection", "chitchat"}
SHORT_TYPES = {"number", "fact", "yesno", "table"}


def concise_limit(q: dict[str, Any]) -> int:
    """The longest answer that counts as concise for a question's type."""
    return 200 if q["type"] in SHORT_TYPES else 500

# The product targets (issue: the engine end to end).
THRESHOLDS = {"recall@5": 0.97, "hit@1": 0.85, "concise": 0.85, "refusal_accuracy": 0.95}
MAX_FALSE_REFUSALS = 3
# What the test suite enforces: no regression below the scores measured when this was committed
# (evals/results.json), with a question or two of slack and under the scores with the blind documents
# beside the plan (the test engine has two test notices). The targets are reported, not pretended.
FLOORS: dict[str, dict[str, float]] = {
    "all": {"recall@5": 0.96, "hit@1": 0.86, "concise": 0.78, "refusal_accuracy": 0.94},
    "holdout": {"recall@5": 0.95, "hit@1": 0.86, "concise": 0.76, "refusal_accuracy": 0.92},
    "fresh": {"recall@5": 0.98, "hit@1": 0.87, "concise": 0.71, "refusal_accuracy": 0.80, "max_false_refusals": 3},
    "tune": {"recall@5": 0.86, "hit@1": 0.78, "concise": 0.84, "refusal_accuracy": 0.90, "max_false_refusals": 4},
    "check": {"recall@5": 0.89, "hit@1": 0.86, "concise": 0.84, "refusal_accuracy": 0.90, "max_false_refusals": 4},
    "conv_tune": {"recall@5": 0.85, "hit@1": 0.69, "concise": 0.69, "refusal_accuracy": 0.78, "max_false_refusals": 3},
    "conv_check": {"recall@5": 0.93, "hit@1": 0.52, "concise": 0.55, "refusal_accuracy": 0.72, "max_false_refusals": 3},
    "conv2_tune": {"recall@5": 0.87, "hit@1": 0.59, "concise": 0.80, "refusal_accuracy": 0.86, "max_false_refusals": 2},
    "conv2_check": {"recall@5": 0.90, "hit@1": 0.59, "concise": 0.66, "refusal_accuracy": 0.74, "max_false_refusals": 3},
    "conv3_tune": {"recall@5": 0.94, "hit@1": 0.60, "concise": 0.50, "refusal_accuracy": 0.70, "max_false_refusals": 3},
    "conv3_check": {"recall@5": 0.84, "hit@1": 0.65, "concise": 0.65, "refusal_accuracy": 0.70, "max_false_refusals": 2},
    "conv4_tune": {"recall@5": 0.90, "hit@1": 0.55, "concise": 0.55, "refusal_accuracy": 0.75, "max_false_refusals": 3},
    "conv4_check": {"recall@5": 0.95, "hit@1": 0.58, "concise": 0.58, "refusal_accuracy": 0.87, "max_false_refusals": 1},
    "conv5_tune": {"recall@5": 0.95, "hit@1": 0.80, "concise": 0.58, "refusal_accuracy": 0.87, "max_false_refusals": 2},
    "conv5_check": {"recall@5": 0.88, "hit@1": 0.60, "concise": 0.52, "refusal_accuracy": 0.70, "max_false_refusals": 3},
}

def load_questions(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Outcome:
    """One question's result."""

    q: dict[str, Any]
    recall: float = 0.0
    hit1: bool = False
    correct: bool = False
    concise: bool = False
    refused: bool = False
    ms: float = 0.0
    answer: str = ""
    sections: list[str] = field(default_factory=list)


def _contains(texts: Iterable[str], needle: str) -> bool:
    n = squeeze(needle)
    return any(n in squeeze(t) for t in texts)


def _bare(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def holds(chunk: Chunk, needle: str) -> bool:
    """Whether a passage holds an evidence string: in its text, or for a table row in its cells read in
    order, punctuation aside (evidence copied from the source's row line, 蓉渝筑企业协同科技创新中心（个）110,
    is the row the chunk states as 指标…（个），2020年1，2025年10)."""
    if _contains([chunk.text], needle):
        return True
    cells = "".join(str(v) for v in chunk.meta.get("fields", {}).values())
    return chunk.kind == "table-row" and bool(_bare(needle)) and _bare(needle) in _bare(cells)


def replay(answerer: Any, q: dict[str, Any], ask: Any = None) -> list[Turn]:
    """The question's history as turns; a user turn with no written reply gets the engine's own reply
    (`ask(question, history)`) when `ask` is given, as in a real conversation."""
    turns: list[Turn] = []
    written = q.get("history", [])
    for n, t in enumerate(written):
        turns.append(Turn(t["role"], t["content"]))
        reply_written = n + 1 < len(written) and written[n + 1]["role"] == "assistant"
        if t["role"] == "user" and not reply_written and ask is not None:
            turns.append(Turn("assistant", ask(t["content"], list(turns)).answer))
    return turns


def run_one(engine: Engine, q: dict[str, Any]) -> Outcome:
    history = replay(engine, q, lambda text, h: engine.ask(text, top_k=5, history=h))
    started = time.perf_counter()
    ans = engine.ask(q["question"], top_k=5, history=history)
    out = Outcome(q, ms=(time.perf_counter() - started) * 1000, answer=ans.answer, refused=not ans.answerable)
    out.sections = [c.chunk.section for c in ans.citations]
    if q["type"] == "chitchat":
        out.correct = out.concise = ans.intent == "chitchat"
    if q["type"] in REFUSE_TYPES:
        return out
    # Retrieval: what the engine retrieves for the (follow-up resolved) question, top 5.
    from rag.answering.query import resolve_followup

    resolved = resolve_followup(q["question"], history, lambda s: [])
    passages = [h.chunk for h in engine.search(resolved, 5)] + [c.chunk for c in ans.citations]
    ev = q["evidence"]
    out.recall = sum(any(holds(p, e) for p in passages) for e in ev) / len(ev) if ev else 1.0
    out.hit1 = bool(ans.citations) and ans.answerable and any(holds(ans.citations[0].chunk, e) for e in ev)
    out.correct = ans.answerable and all(squeeze(k) in squeeze(ans.answer) for k in q["keys"])
    out.concise = out.correct and len(ans.answer) <= concise_limit(q)
    return out


def summarize(outcomes: list[Outcome]) -> dict[str, Any]:
    answerable = [o for o in outcomes if o.q["type"] not in REFUSE_TYPES]
    refusals = [o for o in outcomes if o.q["type"] in REFUSE_TYPES]
    ms = sorted(o.ms for o in outcomes)

    def mean(xs: list[float]) -> float:
        return round(statistics.fmean(xs), 4) if xs else 0.0

    return {
        "questions": len(outcomes),
        "recall@5": mean([o.recall for o in answerable]),
        "hit@1": mean([float(o.hit1) for o in answerable]),
        "correct": mean([float(o.correct) for o in answerable]),
        "concise": mean([float(o.concise) for o in answerable]),
        "refusal_accuracy": mean([float(o.refused == (o.q["type"] in REFUSE_TYPES)) for o in outcomes]),
        "chitchat": mean([float(o.correct) for o in outcomes if o.q["type"] == "chitchat"]),
        "false_refusals": sum(o.refused for o in answerable),
        "missed_refusals": sum(not o.refused for o in refusals),
        "p50_ms": round(ms[len(ms) // 2], 1) if ms else 0.0,
        "p95_ms": round(ms[int(len(ms) * 0.95) - 1], 1) if ms else 0.0,
    }


def evaluate(engine: Engine, questions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Scores for all questions and for each split, plus the per-question failures."""
    questions = questions or load_questions()
    engine.warm_up()
    outcomes = [run_one(engine, q) for q in questions]
    report: dict[str, Any] = {"all": summarize(outcomes)}
    for split in sorted({q.get("split", "dev") for q in questions}):
        report[split] = summarize([o for o in outcomes if o.q.get("split", "dev") == split])
    report["failures"] = [
        {"id": o.q["id"], "split": o.q.get("split", "dev"), "type": o.q["type"], "question": o.q["question"], "answer": o.answer[:300],
         "recall": o.recall, "hit1": o.hit1, "correct": o.correct, "concise": o.concise, "refused": o.refused}
        for o in outcomes
        if (o.q["type"] in REFUSE_TYPES) != o.refused or (o.q["type"] not in REFUSE_TYPES and not (o.concise and o.hit1 and o.recall == 1))
    ]
    return report


def below_thresholds(summary: dict[str, Any], thresholds: dict[str, float] = THRESHOLDS) -> list[str]:
    """Which thresholds (the targets by default) a summary misses; `max_false_refusals` is a ceiling."""
    most = thresholds.get("max_false_refusals", MAX_FALSE_REFUSALS)
    misses = [f"{k} {summary[k]} < {v}" for k, v in thresholds.items() if k != "max_false_refusals" and summary[k] < v]
    if summary["false_refusals"] > most:
        misses.append(f"false_refusals {summary['false_refusals']} > {most:g}")
    return misses


def evaluate_sets(engine: Engine) -> dict[str, Any]:
    """The fixed question set (all, dev, holdout), the fresh set ("fresh") and both halves of the blind
    sets ("tune"/"check", "conv_tune"/"conv_check", "conv2_…", "conv3_…", "conv4_…", "conv5_…", "conv6_…"). Failures are listed for all but the
    check halves, which are only ever reported as figures."""
    report = evaluate(engine)
    fresh = evaluate(engine, load_questions(FRESH))
    report["fresh"] = fresh["all"]
    report["failures"] += fresh["failures"]
    for path, prefix in ((BLIND_PLAN, ""), (BLIND_CONVERSATIONS, "conv_"), (BLIND_CONVERSATIONS2, "conv2_"),
                         (BLIND_CONVERSATIONS3, "conv3_"), (BLIND_CONVERSATIONS4, "conv4_"),
                         (BLIND_CONVERSATIONS5, "conv5_"), (BLIND_CONVERSATIONS6, "conv6_")):
        blind = evaluate(engine, load_questions(path))
        for split in ("tune", "check"):
            report[prefix + split] = blind[split]
        report["failures"] += [f for f in blind["failures"] if f.get("split") != "check"]
    return report


def save_report(report: dict[str, Any], out: Path) -> None:
    """Write a report as JSON and print one summary line per split (shared by every eval command)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    for split in ("all", "dev", "holdout", "fresh", "tune", "check", "conv_tune", "conv_check", "conv2_tune", "conv2_check",
                  "conv3_tune", "conv3_check", "conv4_tune", "conv4_check", "conv5_tune", "conv5_check", "conv6_tune", "conv6_check"):
        if split in report:
            print(split, json.dumps(report[split], ensure_ascii=False))
