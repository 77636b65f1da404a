"""Progress of long knowledge-base work (parse → embed → match → commit), reported through an optional callback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Stage = Literal["parse", "embed", "match", "commit"]
STAGES: tuple[Stage, ...] = ("parse", "embed", "match", "commit")
LABELS: dict[Stage, str] = {"parse": "解析文档", "embed": "向量化", "match": "企业匹配条目向量化", "commit": "更新索引"}


@dataclass(frozen=True)
class ProgressEvent:
    """`done` of `total` units of one stage: documents (parse), chunks (embed),
    items of the enterprise matcher (match) or the index swap (commit)."""

    stage: Stage
    done: int
    total: int

    @property
    def label(self) -> str:
        return LABELS[self.stage]

    @property
    def finished(self) -> bool:
        return self.done >= self.total


Progress = Callable[[ProgressEvent], None]


def notify(progress: Progress | None, stage: Stage, done: int, total: int) -> None:
    """Call `progress` when there is one (None: the work runs exactly as without progress reporting)."""
    if progress is not None:
        progress(ProgressEvent(stage, done, total))
