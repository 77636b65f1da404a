"""The fitted scorers: logistic models or boosted trees over the general features, read from rag/data/answer_model.json
(written by `python -m evals.fit`, never edited by hand)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from rag.core.data import data_path

MODEL_FILE = "answer_model.json"


@dataclass(frozen=True)
class Logistic:
    """A standardised logistic model: p = σ(b + Σ wᵢ·(xᵢ − μᵢ)/σᵢ)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    @classmethod
    def of(cls, spec: dict[str, Any]) -> Logistic:
        return cls(tuple(spec["features"]), tuple(spec["mean"]), tuple(spec["scale"]), tuple(spec["coef"]), float(spec["intercept"]))

    def prob(self, row: dict[str, float]) -> float:
        # A feature absent from the row is unknown here (no dense retriever): its training mean adds nothing.
        z = self.intercept + sum(
            w * (row.get(name, m) - m) / s for name, m, s, w in zip(self.features, self.mean, self.scale, self.coef, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted regression trees on the log-odds: p = σ(init + rate · Σ leaf(tree, x))."""

    features: tuple[str, ...]
    init: float
    rate: float
    trees: tuple[tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]], ...]

    @classmethod
    def of(cls, spec: dict[str, Any]) -> Trees:
        trees = tuple((tuple(t["feature"]), tuple(t["threshold"]), tuple(t["left"]), tuple(t["right"]), tuple(t["value"]))
                      for t in spec["trees"])
        return cls(tuple(spec["features"]), float(spec["init"]), float(spec["rate"]), trees)

    def prob(self, row: dict[str, float]) -> float:
        x = [row.get(name, 0.0) for name in self.features]
        z = self.init
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while left[node] >= 0:  # a leaf has no children (-1)
                node = left[node] if x[feature[node]] <= threshold[node] else right[node]
            z += self.rate * value[node]
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Mean:
    """The average of several fitted scorers' probabilities (the fit picks it when it cross-validates best)."""

    parts: tuple[Logistic | Trees, ...]

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for p in self.parts for f in p.features))

    @cached_property
    def means(self) -> dict[str, float]:
        """The logistic parts' standardisation means, which are the training means."""
        return {n: m for p in self.parts if isinstance(p, Logistic) for n, m in zip(p.features, p.mean, strict=True)}

    def prob(self, row: dict[str, float]) -> float:
        full = {**self.means, **row}  # a feature absent from the row (unknown) takes its mean in the trees too
        return sum(p.prob(full) for p in self.parts) / len(self.parts)


Scorer = Logistic | Trees | Mean


def scorer_of(spec: dict[str, Any]) -> Scorer:
    if spec.get("kind") == "mean":
        return Mean(tuple(Trees.of(p) if p.get("kind") == "trees" else Logistic.of(p) for p in spec["parts"]))
    return Trees.of(spec) if spec.get("kind") == "trees" else Logistic.of(spec)


@dataclass(frozen=True)
class AnswerModel:
    """Which candidate answers (`candidate`), whether the documents answer at all (`answerable` ≥
    `threshold`), when a second candidate is quoted beside the first (its p ≥ `second`), and which reading
    of a follow-up is answered (`followup`; without it, the follow-up rules' reading)."""

    candidate: Scorer
    answerable: Scorer
    threshold: float
    second: float
    followup: Scorer | None = None

    @classmethod
    def of(cls, spec: dict[str, Any]) -> AnswerModel:
        followup = scorer_of(spec["followup"]) if spec.get("followup") else None
        return cls(scorer_of(spec["candidate"]), scorer_of(spec["answerable"]), float(spec["threshold"]), float(spec["second"]),
                   followup)


@cache
def load_model(path: Path | None = None) -> AnswerModel:
    """The shipped fitted model (or the one at `path`)."""
    return AnswerModel.of(json.loads((path or data_path(MODEL_FILE)).read_text(encoding="utf-8")))
