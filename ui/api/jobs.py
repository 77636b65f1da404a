"""Background jobs for long knowledge-base changes: run in a thread, followed by polling their progress.

Jobs live in memory (the most recent `limit`); a restarted server forgets them, which is harmless: a change
either committed (the index shows it) or did not (the old version serves).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from rag.core.progress import LABELS, STAGES, Progress, ProgressEvent

log = logging.getLogger(__name__)
State = Literal["queued", "running", "done", "failed"]
# Share of the whole job each stage stands for in `percent`: embedding is the slow part.
WEIGHTS = {"parse": 10.0, "embed": 65.0, "match": 20.0, "commit": 5.0}
QUEUED = "排队中：等待前一个知识库变更完成。"
INTERNAL = "任务执行出错，请稍后重试或查看服务日志。"


class JobFailed(Exception):
    """A job's expected failure, with the API error code and Chinese message it should report."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class JobsFull(RuntimeError):
    """Too many jobs are still queued or running to accept another."""


@dataclass(frozen=True)
class Job:
    """A snapshot of one job. `done`/`total` count the current stage; `percent` is the whole job's."""

    id: str
    kind: str
    state: State = "queued"
    stage: str = ""
    done: int = 0
    total: int = 0
    percent: float = 0.0
    message: str = QUEUED
    result: dict[str, Any] | None = None
    error: dict[str, str] | None = None


def overall(event: ProgressEvent) -> float:
    """The whole job's percentage after `event` (stages weighted, earlier stages counted as complete)."""
    before = sum(WEIGHTS[s] for s in STAGES[: STAGES.index(event.stage)])
    share = event.done / event.total if event.total else 1.0
    return round(before + WEIGHTS[event.stage] * min(share, 1.0), 1)


class JobBoard:
    """The recent jobs of one app; each runs its work in a daemon thread."""

    def __init__(self, limit: int = 100) -> None:
        if limit <= 0:
            raise ValueError("limit must be positive")
        self.limit = limit
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def start(self, kind: str, work: Callable[[Progress], dict[str, Any]], *, cleanup: Callable[[], None] = lambda: None) -> Job:
        """Queue `work` (called with a progress callback, returning the result body); `cleanup` runs after it."""
        job = Job(uuid.uuid4().hex, kind)
        with self._lock:
            self._make_room()
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job.id, work, cleanup), name=f"job-{kind}-{job.id[:8]}", daemon=True).start()
        return job

    def _make_room(self) -> None:
        """Forget the oldest finished jobs beyond the limit; refuse when every kept job is still active."""
        while len(self._jobs) >= self.limit:
            finished = next((k for k, j in self._jobs.items() if j.state in ("done", "failed")), None)
            if finished is None:
                raise JobsFull(f"后台任务已满（{self.limit} 个未完成），请稍后重试。")
            del self._jobs[finished]

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _run(self, job_id: str, work: Callable[[Progress], dict[str, Any]], cleanup: Callable[[], None]) -> None:
        def progress(event: ProgressEvent) -> None:
            # The first event comes once the job holds the write lock: until then it stays queued.
            self._update(job_id, state="running", stage=event.stage, done=event.done, total=event.total,
                         percent=overall(event), message=f"{LABELS[event.stage]} {event.done}/{event.total}")

        try:
            result = work(progress)
        except JobFailed as exc:
            self._update(job_id, state="failed", message=exc.message, error={"code": exc.code, "message": exc.message})
        except Exception:
            log.exception("job %s failed", job_id)
            self._update(job_id, state="failed", message=INTERNAL, error={"code": "internal_error", "message": INTERNAL})
        else:
            self._update(job_id, state="done", percent=100.0, message="已完成。", result=result)
        finally:
            cleanup()
