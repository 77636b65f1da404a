"""API keys for the portal, kept only as SHA-256 digests: from POLICY_RAG_API_KEYS and a keys file under home."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PREFIX = "prk_"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class KeyRecord:
    """One issued key: its public id (for logs and revoking), its digest, a label, when it was made, and its
    own rate limit (None: the server's default; 0: unlimited)."""

    id: str
    sha256: str
    name: str = ""
    created: str = ""
    rate_per_minute: int | None = None


@dataclass(frozen=True)
class Caller:
    """A recognised key: its public id and its own rate (None: the default)."""

    id: str
    rate_per_minute: int | None = None


def _rate(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else None


def _read(path: Path) -> list[KeyRecord]:
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [KeyRecord(**{k: str(r.get(k, "")) for k in ("id", "sha256", "name", "created")}, rate_per_minute=_rate(r.get("rate_per_minute")))
            for r in data.get("keys", [])]


def _write(path: Path, records: list[KeyRecord]) -> None:
    """Atomic and private: a temp file (mode 600) renamed over the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"keys": [asdict(r) for r in records]}, out, ensure_ascii=False, indent=2)
    os.replace(tmp, path)


def create_key(path: Path, name: str = "", rate_per_minute: int | None = None) -> tuple[str, KeyRecord]:
    """A new random key (returned once, never stored) and its record, appended to the keys file."""
    if rate_per_minute is not None and rate_per_minute < 0:
        raise ValueError("rate_per_minute must be >= 0")
    key = PREFIX + secrets.token_urlsafe(32)
    h = digest(key)
    record = KeyRecord(id=h[:12], sha256=h, name=name, created=time.strftime("%Y-%m-%dT%H:%M:%S%z"), rate_per_minute=rate_per_minute)
    _write(path, [*_read(path), record])
    return key, record


def revoke_key(path: Path, key_id: str) -> bool:
    records = _read(path)
    kept = [r for r in records if r.id != key_id]
    if len(kept) == len(records):
        return False
    _write(path, kept)
    return True


def list_keys(path: Path) -> list[KeyRecord]:
    return _read(path)


class KeyRing:
    """Checks presented keys; re-reads the keys file when it changes, so a revoke applies without a restart."""

    def __init__(self, path: Path, env_digests: str = "") -> None:
        self.path = path
        self._env = {d.strip().lower(): Caller("env-" + d.strip().lower()[:8]) for d in env_digests.split(",") if d.strip()}
        self._file: dict[str, Caller] = {}
        self._stamp: tuple[int, int] | None = None
        self._lock = threading.Lock()

    @property
    def configured(self) -> bool:
        return bool(self._env or self._known_file())

    def identify(self, key: str) -> Caller | None:
        """Who the key belongs to when it is valid, else None."""
        h = digest(key)
        return self._env.get(h) or self._known_file().get(h)

    def _known_file(self) -> dict[str, Caller]:
        try:
            st = self.path.stat()
            stamp: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
        with self._lock:
            if stamp != self._stamp:
                self._file = {r.sha256: Caller(r.id, r.rate_per_minute) for r in _read(self.path)} if stamp is not None else {}
                self._stamp = stamp
            return self._file
