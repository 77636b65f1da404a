"""Quality gate: the fixed question set, the fresh set and both halves of the blind sets on the real engine must not fall below
evals.scorer.FLOORS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.scorer import BLIND_PLAN, FLOORS, FRESH, below_thresholds, evaluate_sets, load_questions
from rag.engine import Engine
from tests.conftest import Ingested, copy_home, settings_for

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



def test_blind_documents_stay_above_their_floors(ingested: Ingested, tmp_path: Path) -> None:
    """The eighteen blind documents (evals/documents) added beside the plan through the document library, as an
    operator adds them; every question asked of the whole base, so the right document must be found too."""
    from evals.doc_scorer import DOC_FLOORS, evaluate
    from evals.doc_scorer import build_home as with_documents

    home = copy_home(ingested.home, tmp_path / "home")
    report = evaluate(with_documents(home, settings=settings_for))
    misses = [f"{split} {key} {report[split][key]} < {floor}" for split, floors in DOC_FLOORS.items()
              for key, floor in floors.items() if report[split][key] < floor]
    assert misses == [], f"{misses}\ntune: {report['tune']}\ncheck: {report['check']}"
