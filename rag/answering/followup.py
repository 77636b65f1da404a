"""Readings of a message that follows earlier turns: the message alone, as the follow-up rules resolve it,
joined to the previous question, joined to the whole conversation. Each reading is answered; a fitted
scorer (rag/data/answer_model.json, `followup`) picks the one to answer, from how well the documents answer
each reading and from the message's own cues (ellipsis, pronouns, words of its own)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.answering.query import ANAPHORA, ELLIPSIS, Turn, user_turns
from rag.core.zh import normalize

KINDS = ("rule", "alone", "previous", "conversation")
CONVERSATION_TURNS = 3  # the earlier user turns a whole-conversation reading joins


@dataclass(frozen=True)
class Reading:
    """One way to read a message in its conversation; `kinds` are the constructions that give this text."""

    text: str
    kinds: frozenset[str]


def readings(message: str, history: Sequence[Turn], rule: str) -> list[Reading]:
    """The distinct readings of `message` after `history` (`rule`: the follow-up rules' resolution)."""
    users = user_turns(history)
    if not users:
        return [Reading(message, frozenset({"rule", "alone"}))]
    texts = {"rule": rule, "alone": message, "previous": f"{users[-1]} {message}"}
    if len(users) > 1:
        texts["conversation"] = " ".join([*users[-CONVERSATION_TURNS:], message])
    merged: dict[str, set[str]] = {}
    for kind, text in texts.items():
        merged.setdefault(text, set()).add(kind)
    return [Reading(text, frozenset(kinds)) for text, kinds in merged.items()]


@dataclass(frozen=True)
class Scored:
    """What the documents make of one reading: the answerability probability, the best candidate's
    probability and the share of the message's and of the previous question's words that candidate holds."""

    reading: Reading
    answerable: float
    best: float
    message_cover: float = 0.0
    previous_cover: float = 0.0


def features(
    scored: Sequence[Scored], message: str, history: Sequence[Turn], content_terms: Callable[[str], list[str]],
) -> list[dict[str, float]]:
    """One feature row per reading: its own scores, its answerability margin over the best other reading
    (the choice is between readings of one message) and the message's cues, crossed with the reading kind
    so a linear model can learn, say, that a message with words of its own stands alone. (Each score's
    distance from the mean of the message's readings was tried too: the same cross-validated picks, worse
    on the tuning conversations end to end.)"""
    q = normalize(message)
    users = user_turns(history)
    previous = users[-1] if users else ""
    terms = [t for t in content_terms(q) if t in q]
    new = [t for t in terms if t not in previous]
    cues = {
        "ellipsis": float(bool(ELLIPSIS.match(q))),
        "anaphora": float(bool(ANAPHORA.search(q))),
        "short": float(len(q) <= 8),
        "own_terms": min(len(terms), 6) / 6,
        "new_terms": len(new) / len(terms) if terms else 0.0,
        "turns": min(len(users), CONVERSATION_TURNS) / CONVERSATION_TURNS,
    }
    rows = []
    for s in scored:
        others = [o.answerable for o in scored if o is not s]
        row = {f"k_{k}": float(k in s.reading.kinds) for k in KINDS}
        own_scores = {"ans": s.answerable, "best": s.best, "msg_cov": s.message_cover, "prev_cov": s.previous_cover}
        row |= own_scores | {"ans_margin": s.answerable - max(others, default=s.answerable)}
        row |= {f"{k}×{c}": row[f"k_{k}"] * v for k in KINDS for c, v in (cues | own_scores).items()}
        rows.append(row)
    return rows
