"""Quality gate: the fixed question set and the blind fresh set on the real engine must not fall below
evals.scorer.FLOORS."""

from __future__ import annotations

import json

import pytest

from evals.scorer import FLOORS, FRESH, below_thresholds, evaluate_sets, load_questions
from rag.engine import Engine

pytestmark = pytest.mark.slow


def test_question_set_scores_stay_above_the_floors(engine: Engine) -> None:
    report = evaluate_sets(engine)
    assert report["all"]["questions"] == len(load_questions())
    assert report["fresh"]["questions"] == len(load_questions(FRESH))
    misses = [f"{split}: {m}" for split, floors in FLOORS.items() for m in below_thresholds(report[split], floors)]
    failures = json.dumps(report["failures"][:15], ensure_ascii=False, indent=1)
    assert misses == [], f"{misses}\nall: {report['all']}\nholdout: {report['holdout']}\nfresh: {report['fresh']}\nfirst failures:\n{failures}"

