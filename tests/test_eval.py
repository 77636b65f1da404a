"""Quality gate: the fixed question set, the fresh set and both halves of the blind sets on the real engine must not fall below
evals.scorer.FLOORS."""

from __future__ import annotations

import json

import pytest

from evals.scorer import BLIND_PLAN, FLOORS, FRESH, below_thresholds, evaluate_sets, load_questions
from rag.engine import Engine

pytestmark = pytest.mark.slow


def test_question_set_scores_stay_above_the_floors(engine: Engine) -> None:
    report = evaluate_sets(engine)
    assert report["all"]["questions"] == len(load_questions())
    assert report["fresh"]["questions"] == len(load_questions(FRESH))
    assert report["tune"]["questions"] + report["check"]["questions"] == len(load_questions(BLIND_PLAN))
    assert report["tune"]["chitchat"] == report["check"]["chitchat"] == 1.0  # every greeting gets the help reply
    misses = [f"{split}: {m}" for split, floors in FLOORS.items() for m in below_thresholds(report[split], floors)]
    failures = json.dumps(report["failures"][:15], ensure_ascii=False, indent=1)  # none of the check halves
    assert misses == [], f"{misses}\nall: {report['all']}\nholdout: {report['holdout']}\nfresh: {report['fresh']}\nfirst failures:\n{failures}"

