"""Fit the answering scorers from the tuning question sets and write rag/data/answer_model.json.

    python -m evals.fit [--home DIR]

Tuning data: the fixed set (evals/questions.jsonl), the fresh set, the tuning halves of the blind sets
(evals/blind/*.jsonl, split "tune") and the questions of the tuning documents (evals/documents, split
"tune"), each asked of its own document as the engine does with several documents present; the check
halves are never read here. The tuning documents' questions join the answerability fit (`--plan-only` leaves them out). For every question the engine's
own stages produce candidates and features; a candidate is labelled correct when it holds an evidence
string or most of the answer's keys. Each model is the mean of the logistic regression and the boosted-tree
ensemble (scikit-learn) with the lowest cross-validated log loss, the folds grouped by the section that holds the answer so that near-duplicate questions about one
passage never sit on both sides of a fold. The answerability threshold is the one nearest 0.5 within one
standard error of the best out-of-fold accuracy; the second-quote threshold is the value that does best on
the out-of-fold predictions.

Then the follow-up reading scorer (`rag/answering/followup.py`): every reading of each tuning conversation's
last message (and of as many single questions asked after an unrelated one) is answered with the fitted
model and labelled by whether that answer is right and concise; the folds are grouped by conversation. It
is written to the model only when its out-of-fold picks are right more often than the follow-up rules'."""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from evals.doc_scorer import QUESTIONS as DOC_QUESTIONS
from evals.doc_scorer import SEED, build_home
from evals.scorer import (
    BLIND_CONVERSATIONS,
    BLIND_CONVERSATIONS2,
    BLIND_CONVERSATIONS3,
    BLIND_CONVERSATIONS4,
    BLIND_CONVERSATIONS5,
    BLIND_CONVERSATIONS6,
    BLIND_PLAN,
    FRESH,
    QUESTIONS,
    REFUSE_TYPES,
    concise_limit,
    load_questions,
    replay,
)
from rag.answering.answer import Answerer, Inspection
from rag.answering.intent import classify
from rag.answering.model import MODEL_FILE, AnswerModel, scorer_of
from rag.core.data import data_path
from rag.core.types import Answer
from rag.core.zh import squeeze
from rag.ingest.loader import read_manifest

FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
DEPTHS = (2, 3, 4)
TREES = 150
MEAN = "mean of the best logistic and the best trees"


@dataclass
class Example:
    """One tuning question as the engine sees it (one entry per compound part)."""

    q: dict[str, Any]
    ins: Inspection
    labels: list[int]
    group: str
    answerer: Answerer


def label(q: dict[str, Any], text: str) -> int:
    """Whether a candidate's text answers: it holds an evidence string, or at least half of the keys, and
    is no longer than a concise answer of the question's type may be."""
    t = squeeze(text)
    if len(text) > concise_limit(q):
        return 0
    keys = q.get("keys", [])
    if any(squeeze(e) in t for e in q.get("evidence", [])):
        return 1
    return int(bool(keys) and sum(squeeze(k) in t for k in keys) * 2 >= len(keys))


def tuning_questions(*, documents: bool = False) -> list[dict[str, Any]]:
    rows = load_questions(QUESTIONS) + load_questions(FRESH)
    rows += [q for q in load_questions(BLIND_PLAN) + load_questions(BLIND_CONVERSATIONS)
              + load_questions(BLIND_CONVERSATIONS2) + load_questions(BLIND_CONVERSATIONS3)
              + load_questions(BLIND_CONVERSATIONS4) + load_questions(BLIND_CONVERSATIONS5)
              + load_questions(BLIND_CONVERSATIONS6) if q.get("split") == "tune"]
    if documents:
        rows += [q for q in load_questions(DOC_QUESTIONS) if q.get("split") == "tune"]
    return rows


def examples(answerer_of: Callable[[dict[str, Any]], Answerer], questions: list[dict[str, Any]]) -> Iterator[Example]:
    for q in questions:
        answerer = answerer_of(q)
        u = answerer.understand(q["question"], replay(answerer, q))
        if u.act != "question":
            continue  # greetings and injections are decided before any score
        for part in u.parts or (u.question,):
            ins = answerer.inspect(part, classify(part) if u.parts else u.intent, suspect=bool(u.suspect))
            labels = [label(q, c.text) for c in ins.candidates] if q["type"] not in REFUSE_TYPES else [0] * len(ins.candidates)
            gold = next((c.chunk.section for c, y in zip(ins.candidates, labels, strict=True) if y), "")
            group = " › ".join(gold.split(" › ")[:2]) if gold else f"q:{q['id']}"
            if "doc" in q:  # sections of different documents share names (第一条): keep the document
                group = f"{q['doc']} › {group}"
            yield Example(q, ins, labels, group, answerer)


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    return np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=float)


def _folds(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    return list(GroupKFold(n_splits=FOLDS).split(x, y, groups))


def _logistic(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000))


def _trees(depth: int) -> Any:
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(n_estimators=TREES, max_depth=depth, learning_rate=0.1, subsample=0.8, random_state=0)


def fit_scorer(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, names: list[str], questions: np.ndarray | None = None,
) -> tuple[dict[str, Any], np.ndarray, float]:
    """The mean of two models: the logistic regression (over a range of regularisation) and the boosted trees
    (of a few depths) with the lowest grouped cross-validated log loss (for candidates, `questions` gives
    each row's question, and how often its top-scored candidate is a correct one breaks ties). Log loss, not
    top-1: top-1 rates differ by a few questions between members and the choice swung with them. Returns it
    refit on all data, its out-of-fold probabilities and its log loss."""
    from sklearn.base import clone
    from sklearn.metrics import log_loss

    folds = _folds(x, y, groups)
    family = {f"logistic C={c}": _logistic(c) for c in C_GRID} | {f"trees depth={d}": _trees(d) for d in DEPTHS}

    def oof(model: Any) -> np.ndarray:
        out = np.zeros(len(y))
        for train, test in folds:
            out[test] = clone(model).fit(x[train], y[train]).predict_proba(x[test])[:, 1]
        return out

    predictions = {name: oof(m) for name, m in family.items()}

    def rank(p: dict[str, np.ndarray]) -> tuple[dict[str, float], dict[str, float]]:
        losses = {name: log_loss(y, np.clip(v, 1e-6, 1 - 1e-6)) for name, v in p.items()}
        top1 = {name: top1_rate(v, y, questions) for name, v in p.items()} if questions is not None else {}
        return losses, top1

    losses, top1 = rank(predictions)

    def best_of(kind: str) -> str:
        return min((n for n in losses if n.startswith(kind)), key=lambda n: (losses[n], -top1.get(n, 0.0)))

    # Always the two families' best members averaged: the mean was best or within noise of the best in every
    # fit, while a choice between it and a single member flipped when one question was left out.
    pair = (best_of("logistic"), best_of("trees"))
    predictions[MEAN] = (predictions[pair[0]] + predictions[pair[1]]) / 2
    losses, top1 = rank(predictions)
    spec = {"kind": "mean", "parts": [export(clone(family[n]).fit(x, y), names) for n in pair], "of": list(pair)}
    spec["chosen_by_cv"] = {n: {"log_loss": round(v, 4), **({"top1": round(top1[n], 4)} if top1 else {})} for n, v in losses.items()}
    return spec, predictions[MEAN], losses[MEAN]


def one_standard_error(accuracy: dict[float, float], n: int) -> float:
    """The threshold nearest 0.5 (where a calibrated probability decides best) whose out-of-fold accuracy is
    within one standard error of the best: the accuracy curve is flat near its top, and its arg-max moves
    from 0.36 to 0.54 when one question is left out of the fit, while this choice stays put."""
    best = max(accuracy.values())
    error = float(np.sqrt(best * (1 - best) / max(n, 1)))
    return min((t for t, a in accuracy.items() if a >= best - error), key=lambda t: (abs(t - 0.5), t))


def top1_rate(p: np.ndarray, y: np.ndarray, questions: np.ndarray) -> float:
    """Share of the questions with a correct candidate whose top-scored candidate is correct."""
    hits, total = 0, 0
    for q in np.unique(questions):
        rows = questions == q
        if y[rows].any():
            total += 1
            hits += int(y[rows][np.argmax(p[rows])])
    return hits / total if total else 0.0


def export(model: Any, names: list[str]) -> dict[str, Any]:
    """A fitted scikit-learn model as the JSON rag/answering/model.py evaluates (no scikit-learn at run time)."""
    if hasattr(model, "estimators_"):
        prior = float(np.clip(model.init_.class_prior_[1], 1e-6, 1 - 1e-6))
        trees = []
        for est in model.estimators_[:, 0]:
            t = est.tree_
            trees.append({"feature": t.feature.tolist(), "threshold": np.round(t.threshold, 6).tolist(),
                          "left": t.children_left.tolist(), "right": t.children_right.tolist(),
                          "value": np.round(t.value[:, 0, 0], 6).tolist()})
        return {"kind": "trees", "features": names, "init": round(float(np.log(prior / (1 - prior))), 6),
                "rate": model.learning_rate, "trees": trees}
    scaler, logistic = model[0], model[1]
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    return {"kind": "logistic", "features": names, "mean": scaler.mean_.round(6).tolist(), "scale": scale.round(6).tolist(),
            "coef": logistic.coef_[0].round(6).tolist(), "intercept": round(float(logistic.intercept_[0]), 6), "C": logistic.C}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="data directory for the fitting index (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=data_path(MODEL_FILE))
    parser.add_argument("--plan-only", action="store_true",
                        help="fit answerability on the plan's questions alone, without the tuning documents' (see README)")
    parser.add_argument("--candidates-on-documents", action="store_true",
                        help="fit the candidate scorer on the tuning documents' questions too")
    args = parser.parse_args(argv)
    from rag.core.settings import force_offline

    force_offline()
    with tempfile.TemporaryDirectory() as tmp:
        # The seed corpus, with the blind documents added when their questions are fit on.
        engine = build_home(args.home or Path(tmp), with_documents=not args.plan_only)
        engine.warm_up()
        seed = sorted(d.id for d in read_manifest(SEED))

        def answerer_of(q: dict[str, Any]) -> Answerer:
            return engine.scoped([Path(q["doc"]).stem] if "doc" in q else seed)[1]

        questions = tuning_questions(documents=not args.plan_only)
        report = fit(answerer_of, questions, candidates_on_documents=args.candidates_on_documents)
        followup, report["cv"]["followup"] = fit_followup(answerer_of, AnswerModel.of(report["model"]), questions)
        # The reading scorer replaces the follow-up rules only when, out of fold, it picks a right reading
        # more often than they do.
        cv = report["cv"]["followup"]
        cv["shipped"] = cv["picked_right"] > cv["rules_right"]
        if cv["shipped"]:
            report["model"]["followup"] = followup
    report["model"]["fitted_on"] = report.pop("data")
    args.out.write_text(json.dumps(report["model"], ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(report["cv"], ensure_ascii=False))


def fit(answerer_of: Callable[[dict[str, Any]], Answerer], questions: list[dict[str, Any]], *,
        candidates_on_documents: bool = False) -> dict[str, Any]:
    """Both models, their thresholds and cross-validated figures."""
    exs = [e for e in examples(answerer_of, questions) if e.ins.candidates]
    # The candidate scorer learns from the plan's questions; the documents' questions are too few to fit
    # it on (with them the choice of model swings between fits) but are what the answerability decision
    # must also hold on, so it is fit on all, the documents' candidates scored by the plan-fit scorer.
    plan = [e for e in exs if candidates_on_documents or "doc" not in e.q]
    cand_rows = [r for e in plan for r in e.ins.rows]
    names = sorted({k for e in exs for r in e.ins.rows for k in r})
    y = np.array([v for e in plan for v in e.labels])
    groups = np.array([e.group for e in plan for _ in e.labels])
    owners = np.array([n for n, e in enumerate(plan) for _ in e.labels])
    cand_spec, cand_oof, cand_loss = fit_scorer(matrix(cand_rows, names), y, groups, names, owners)

    # Question level, from out-of-fold candidate probabilities (what the model would say on unseen text).
    offsets = np.cumsum([0] + [len(e.labels) for e in plan])
    oof = {id(e): cand_oof[offsets[i] : offsets[i + 1]] for i, e in enumerate(plan)}
    scorer = scorer_of(cand_spec)
    probs = [oof[id(e)] if id(e) in oof else np.array([scorer.prob(r) for r in e.ins.rows]) for e in exs]
    q_rows = [e.answerer.question_features(e.ins, p.tolist()) for e, p in zip(exs, probs, strict=True)]
    q_names = sorted({k for r in q_rows for k in r})
    q_y = np.array([int(e.q["type"] not in REFUSE_TYPES) for e in exs])
    q_groups = np.array([e.group for e in exs])
    ans_spec, ans_oof, ans_loss = fit_scorer(matrix(q_rows, q_names), q_y, q_groups, q_names)
    thresholds = np.round(np.arange(0.2, 0.81, 0.02), 2)
    accuracy = {t: float(np.mean((ans_oof >= t) == q_y)) for t in thresholds}
    threshold = one_standard_error(accuracy, len(q_y))

    top1 = [bool(e.labels[int(np.argmax(p))]) for e, p in zip(exs, probs, strict=True) if e.q["type"] not in REFUSE_TYPES]
    second, keys_hit = second_threshold(exs, probs)
    return {
        "model": {"candidate": cand_spec, "answerable": ans_spec, "threshold": float(threshold), "second": second},
        "data": {"questions": len({e.q["id"] for e in exs}), "candidates": len(y), "positives": int(y.sum())},
        "cv": {"candidate_log_loss": round(cand_loss, 4), "top1_holds_answer": round(float(np.mean(top1)), 4),
               "answerable_log_loss": round(ans_loss, 4), "answerable_accuracy": round(accuracy[threshold], 4),
               "threshold": float(threshold), "second": second, "keys_in_selection": keys_hit,
               "accuracy_by_threshold": {str(t): round(a, 4) for t, a in accuracy.items()}},
    }


SYNTHETIC_PER_CONVERSATION = 1  # topic changes made from single questions, per written conversation


def answered(q: dict[str, Any], answer: Answer) -> int:
    """Whether an answer is right for a question as the scorer counts it concise: refused when it should
    be, else answerable with every key in a text no longer than a concise answer of its type (a reading
    that joins a new question to the previous one answers both, which is not what was asked)."""
    if q["type"] in REFUSE_TYPES:
        return int(not answer.answerable)
    keys = all(squeeze(k) in squeeze(answer.answer) for k in q.get("keys", []))
    return int(answer.answerable and keys and len(answer.answer) <= concise_limit(q))


def topic_changes(questions: list[dict[str, Any]], n: int, seed: int = 0) -> list[dict[str, Any]]:
    """Single questions asked after an unrelated earlier question (a user who changes the subject)."""
    rng = random.Random(seed)
    single = [q for q in questions if not q.get("history") and "doc" not in q and q["type"] != "chitchat"]
    picked = rng.sample(single, min(n, len(single)))
    return [{**q, "id": f"topic:{q['id']}", "history": [{"role": "user", "content": rng.choice(single)["question"]}]} for q in picked]


def fit_followup(
    answerer_of: Callable[[dict[str, Any]], Answerer], model: AnswerModel, questions: list[dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The reading scorer: for each tuning conversation (and as many topic changes made from single
    questions), every reading is answered with the fitted answer model and labelled by whether that
    answer is right; the folds are grouped by conversation. Also reports, on the written conversations, how
    often the out-of-fold pick and the rules' reading give a right answer."""
    written = [q for q in questions if q.get("history")]
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    owners: list[str] = []
    rule_right: dict[str, int] = {}
    for q in written + topic_changes(questions, len(written) * SYNTHETIC_PER_CONVERSATION):
        answerer = answerer_of(q)
        answerer._model = model
        history = replay(answerer, q)
        u = answerer.understand(q["question"], history)
        if u.act != "question" or len(u.readings) < 2:
            continue
        scored, feats = answerer.reading_rows(q["question"], history, u)
        for s, row in zip(scored, feats, strict=True):
            right = answered(q, answerer.answer(s.reading.text, top_k=5))
            rows.append(row)
            labels.append(right)
            owners.append(q["id"])
            if "rule" in s.reading.kinds:
                rule_right[q["id"]] = right
    names = sorted({k for r in rows for k in r})
    y, owner = np.array(labels), np.array(owners)
    spec, oof, loss = fit_scorer(matrix(rows, names), y, owner, names, owner)
    chosen = {o: int(y[owner == o][np.argmax(oof[owner == o])]) for o in np.unique(owner)}
    real = [o for o in chosen if not o.startswith("topic:")]
    cv = {"conversations": len(real), "topic_changes": len(chosen) - len(real), "readings": len(y),
          "log_loss": round(loss, 4), "picked_right": round(float(np.mean([chosen[o] for o in real])), 4),
          "rules_right": round(float(np.mean([rule_right.get(o, 0) for o in real])), 4),
          "topic_picked_right": round(float(np.mean([v for o, v in chosen.items() if o.startswith("topic:")] or [0])), 4)}
    return spec, cv


def second_threshold(exs: list[Example], probs: list[np.ndarray]) -> tuple[float, float]:
    """The probability a second candidate needs to be quoted beside the first: the value under which the
    answerer's own selection, on out-of-fold probabilities, holds all the keys within the concise length
    most often."""
    grid = [round(x, 2) for x in np.arange(0.05, 1.0, 0.05)]
    answerable = [(e, p) for e, p in zip(exs, probs, strict=True) if e.q["type"] not in REFUSE_TYPES and e.q.get("keys")]

    def hit_rate(t: float) -> float:
        ok = 0
        for e, p in answerable:
            text = "".join(c.text for c in e.answerer.select(e.ins, p.tolist(), second=t))
            ok += all(squeeze(k) in squeeze(text) for k in e.q["keys"]) and len(text) <= concise_limit(e.q)
        return ok / max(len(answerable), 1)

    rates = {t: hit_rate(t) for t in grid}
    # Ties go to the lower value: the curve is flat near its top, and a second quote is where the other half
    # of a two-part question's keys are.
    best = max(rates, key=lambda t: (rates[t], -t))
    return float(best), round(rates[best], 4)


if __name__ == "__main__":
    main()
