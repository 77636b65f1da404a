"""Answer feedback (👍/👎 with an optional comment), kept durably in SQLite under the data directory."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from rag.core.settings import Settings
from rag.core.types import Answer

FEEDBACK_FILE = "feedback.sqlite3"
RATINGS = ("up", "down")
FORMATS = ("csv", "jsonl")
MAX_COMMENT_CHARS = 2000
COLUMNS = ("id", "created_at", "rating", "comment", "question", "context", "answer", "answerable", "citations", "kb_version")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '[]',
    answer TEXT NOT NULL,
    answerable INTEGER NOT NULL,
    citations TEXT NOT NULL,
    kb_version TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Feedback:
    """One rating of one answer, with what was asked and what the answer cited."""

    rating: str  # "up" | "down"
    question: str
    answer: str
    answerable: bool
    citations: tuple[dict[str, Any], ...]
    kb_version: str
    comment: str = ""
    context: tuple[str, ...] = ()  # the earlier questions a follow-up was read against
    id: int = 0
    created_at: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, got {self.rating!r}")

    @classmethod
    def of(cls, question: str, answer: Answer, rating: str, *, context: Sequence[str] = (), comment: str = "") -> Feedback:
        """Feedback on an engine answer: its citations are kept as section path and quoted text."""
        cites = tuple(
            {"n": n, "id": c.chunk.id, "section": c.chunk.section, "quote": c.quote or c.chunk.text}
            for n, c in enumerate(answer.citations, start=1)
        )
        return cls(rating, question, answer.answer, answer.answerable, cites, answer.kb_version, comment, tuple(context))

    def row(self) -> dict[str, Any]:
        """A flat record for export, in COLUMNS order."""
        data = asdict(self)
        data["citations"], data["context"] = list(self.citations), list(self.context)
        return {k: data[k] for k in COLUMNS}


class FeedbackStore:
    """The feedback table in `<home>/feedback.sqlite3`; a connection per call, so any thread may write."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def at(cls, settings: Settings) -> FeedbackStore:
        return cls(settings.home / FEEDBACK_FILE)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as conn, conn:
            conn.execute(_SCHEMA)
            yield conn

    def add(self, item: Feedback) -> int:
        """Store a new rating; returns its id."""
        created = item.created_at or datetime.now(UTC).isoformat(timespec="seconds")
        with self._db() as db:
            cur = db.execute(
                "INSERT INTO feedback (created_at, rating, comment, question, context, answer, answerable, citations, kb_version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (created, item.rating, item.comment[:MAX_COMMENT_CHARS], item.question, _json(list(item.context)),
                 item.answer, int(item.answerable), _json(list(item.citations)), item.kb_version),
            )
            return int(cur.lastrowid or 0)

    def rate(self, feedback_id: int, rating: str) -> None:
        """Change a rating (the user switched 👍 to 👎 or back)."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, got {rating!r}")
        with self._db() as db:
            db.execute("UPDATE feedback SET rating = ? WHERE id = ?", (rating, feedback_id))

    def comment(self, feedback_id: int, comment: str) -> None:
        """Attach the optional comment to a rating already given."""
        with self._db() as db:
            db.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment.strip()[:MAX_COMMENT_CHARS], feedback_id))

    def remove(self, feedback_id: int) -> None:
        """Forget a rating the user took back."""
        with self._db() as db:
            db.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,))

    def all(self) -> list[Feedback]:
        """Every stored rating, oldest first (an empty list before the first one)."""
        if not self.path.exists():
            return []
        with self._db() as db:
            rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id").fetchall()
        return [
            Feedback(rating, question, answer, bool(answerable), tuple(json.loads(cites)), kb_version, comment,
                     tuple(json.loads(context)), fid, created)
            for fid, created, rating, comment, question, context, answer, answerable, cites, kb_version in rows
        ]


def export(items: Sequence[Feedback], out: TextIO, fmt: str = "csv") -> int:
    """Write feedback as CSV (lists as JSON text in their cells) or JSON Lines; returns the count."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    if fmt == "jsonl":
        for item in items:
            out.write(_json(item.row()) + "\n")
        return len(items)
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for item in items:
        row = item.row()
        writer.writerow({**row, "citations": _json(row["citations"]), "context": _json(row["context"])})
    return len(items)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
