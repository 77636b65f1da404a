"""Score the enterprise matcher on evals/match_profiles.jsonl: precision@1, recall@3, items, no-match.

Run: python -m evals.match_scorer [--home DATA_DIR] [--out evals/match_results.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.core.zh import squeeze
from rag.engine import Engine
from rag.matching.match import Direction, MatchResult, Profile

PROFILES = Path(__file__).with_name("match_profiles.jsonl")
THRESHOLDS = {"precision@1": 0.85, "recall@3": 0.9, "no_match_accuracy": 0.9}
TOP = 3


def load_profiles(path: Path = PROFILES) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def profile_of(row: dict[str, Any]) -> Profile:
    return Profile(row["description"], row.get("industry", ""), tuple(row.get("products", ())), tuple(row.get("tags", ())))


def fits(direction: Direction, expected: str) -> bool:
    """An expected "5-3" names 专栏5-3; anything else is part of a section path."""
    if expected[:1].isdigit():
        return f"专栏{expected}：" in direction.title
    return expected in direction.section


def item_found(expected: str, quoted: list[str]) -> bool:
    """The key item is one of the quoted items, contains one, or is contained in one."""
    want = squeeze(expected)
    return any(want in squeeze(q) or (len(squeeze(q)) >= len(want) / 2 and squeeze(q) in want) for q in quoted)


@dataclass
class Outcome:
    """One profile's result."""

    row: dict[str, Any]
    titles: list[str] = field(default_factory=list)
    precision1: float = 0.0
    recall3: float = 0.0
    items: float = 0.0
    no_match_ok: bool = False


def score(row: dict[str, Any], result: MatchResult) -> Outcome:
    top = list(result.directions[:TOP])
    out = Outcome(row, [d.title for d in result.directions])
    out.no_match_ok = (not result.directions) == bool(row["no_match"])
    if row["no_match"]:
        return out
    expected = row["expect"]
    out.precision1 = float(bool(top) and any(fits(top[0], e) for e in expected))
    out.recall3 = sum(any(fits(d, e) for d in top) for e in expected) / len(expected)
    quoted = [c.quote for d in top for c in d.items]
    out.items = sum(item_found(i, quoted) for i in row["items"]) / len(row["items"]) if row["items"] else 1.0
    return out


def summarize(outcomes: list[Outcome]) -> dict[str, Any]:
    matched = [o for o in outcomes if not o.row["no_match"]]

    def mean(xs: list[float]) -> float:
        return round(statistics.fmean(xs), 4) if xs else 0.0

    return {
        "profiles": len(outcomes),
        "no_match_profiles": len(outcomes) - len(matched),
        "precision@1": mean([o.precision1 for o in matched]),
        "recall@3": mean([o.recall3 for o in matched]),
        "item_recall": mean([o.items for o in matched]),
        "no_match_accuracy": mean([float(o.no_match_ok) for o in outcomes]),
    }


def evaluate(engine: Engine, rows: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Scores for all profiles and for each split, plus the profiles that missed."""
    rows = rows or load_profiles()
    outcomes = [score(r, engine.match(profile_of(r), top_k=5)) for r in rows]
    report: dict[str, Any] = {"all": summarize(outcomes)}
    for split in sorted({r.get("split", "dev") for r in rows}):
        report[split] = summarize([o for o in outcomes if o.row.get("split", "dev") == split])
    report["failures"] = [
        {"id": o.row["id"], "split": o.row.get("split", "dev"), "description": o.row["description"],
         "expect": o.row["expect"], "got": o.titles[:TOP], "items": o.items}
        for o in outcomes
        if not o.no_match_ok or (not o.row["no_match"] and (o.precision1 < 1 or o.recall3 < 1 or o.items < 1))
    ]
    return report


def below_thresholds(summary: dict[str, Any]) -> list[str]:
    """Which targets a summary misses."""
    return [f"{k} {summary[k]} < {v}" for k, v in THRESHOLDS.items() if summary[k] < v]


def main() -> None:
    from evals.scorer import save_report
    from rag.core.settings import Settings, force_offline

    force_offline()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", type=Path, help="数据目录（默认 $POLICY_RAG_HOME 或 ./data）")
    parser.add_argument("--out", type=Path, default=Path("evals/match_results.json"))
    args = parser.parse_args()
    engine = Engine(Settings(home=args.home) if args.home else Settings())
    engine.ensure_ready()
    report = evaluate(engine)
    save_report(report, args.out)
    print(f"{len(report['failures'])} profiles with misses (details in {args.out})")


if __name__ == "__main__":
    main()
