"""What a company can be matched to: each 专栏 as a record of its items, and the service sections."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from rag.core.data import data_path
from rag.core.progress import Progress, notify
from rag.core.types import Chunk
from rag.index.embedding import Embedder
from rag.ingest.chunking import PATH_SEP

log = logging.getLogger(__name__)
SAVE_EVERY = 512  # items embedded between two saves of the table
_TABLES: dict[tuple[str, str], ItemVectors] = {}

MIN_UNIT_CHARS = 3
# How a whole item of a 专栏 list ends: 技术, 研究, 应用 …
ITEM_ENDS = ("技术", "研究", "应用", "产业化", "研发", "开发", "体系", "系统", "材料", "评价", "鉴定", "加工", "建设")
MIN_PART_CHARS = 5
_UNIT_END = re.compile(r"(?<=[，；。：])")
_ENUM = "、"
_COLUMN = re.compile(r"专栏\s*(\d+-\d+)")
_NUMBERED = re.compile(r"^\d+[.．、]\s*")


@dataclass(frozen=True)
class Unit:
    """One item of a 专栏 (or one clause of the prose around it), verbatim, with the chunk it is in."""

    text: str
    chunk: Chunk
    listed: bool  # an item of the 专栏 itself, not a clause of the surrounding prose


@dataclass(frozen=True)
class Target:
    """A 专栏 (5-1 … 5-13) or a service section, with everything a profile can be matched against."""

    title: str
    section: str
    topic: str  # what the heading above a 专栏 names, or a section's own heading
    units: tuple[Unit, ...]
    doc: str = ""

    @cached_property
    def text(self) -> str:
        """Title and items, for looking words up (made once: every profile looks every target up)."""
        return self.title + "\n" + "\n".join(u.text for u in self.units)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @property
    def column(self) -> str:
        """The 专栏 number ("5-3"), or "" for a section."""
        m = _COLUMN.search(self.title)
        return m.group(1) if m else ""


def split_items(text: str, *, listed: bool = True) -> list[str]:
    """Text cut into items at ，；。：. In a 专栏 list, a clause enumerating with 、 is cut further after
    each part that is a whole item (生物技术、膜分离技术…), not where parts share a tail
    (金钗石斛、铁皮石斛开发利用共性关键技术… stays one item); prose is never cut at 、."""
    items: list[str] = []
    for clause in (c.strip("，；。： ") for c in _UNIT_END.split(text)):
        items += _enumeration(clause.split(_ENUM)) if listed else [clause]
    return [i for i in items if len(i) >= MIN_UNIT_CHARS]


def _enumeration(parts: list[str]) -> list[str]:
    items: list[str] = []
    current = ""
    for n, part in enumerate(parts):
        current = f"{current}{_ENUM}{part}" if current else part
        following = parts[n + 1] if n + 1 < len(parts) else ""
        # A short next part (改造升级, 设计) continues a shared phrase rather than starting an item.
        if not following or (current.endswith(ITEM_ENDS) and len(following) >= MIN_PART_CHARS):
            items.append(current.strip())
            current = ""
    return items


def build_targets(chunks: list[Chunk], sections: list[str]) -> list[Target]:
    """Every 专栏 (its chunks grouped by section, with the prose of the heading it stands under) and
    every listed service section, in reading order, each within its own document."""
    by_section: dict[tuple[str, str], list[Chunk]] = {}
    for chunk in chunks:
        by_section.setdefault((chunk.doc, chunk.section), []).append(chunk)
    targets = []
    for (doc, section), members in by_section.items():
        if members[0].kind != "column":
            continue
        steps = section.split(PATH_SEP)
        parent = PATH_SEP.join(steps[:-1])
        items = [Unit(i, c, True) for c in members for i in split_items(c.text)]
        items += [
            Unit(i, c, False)
            for c in by_section.get((doc, parent), []) if c.kind == "body" for i in split_items(c.text, listed=False)
        ]
        topic = _NUMBERED.sub("", steps[-2]) if len(steps) > 1 else steps[-1]
        targets.append(Target(steps[-1], section, topic, tuple(items), doc))
    docs = dict.fromkeys(c.doc for c in chunks)
    for doc in docs:
        for section in sections:
            members = [c for c in by_section.get((doc, section), []) if c.kind == "body"]
            if members:
                title = section.split(PATH_SEP)[-1]
                units = tuple(Unit(i, c, True) for c in members for i in split_items(c.text, listed=False))
                targets.append(Target(title, section, re.sub(r"^[一二三四五六七八九十]+、", "", title), units, doc))
    return targets


def load_sections(path: Path | None = None) -> list[str]:
    """Section paths listed in rag/data/match_sections.txt."""
    path = path or data_path("match_sections.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class ItemVectors:
    """Item embeddings by content: each distinct text embedded once per embedder and kept on disk as one
    table, so a new document costs only its new items, an interrupted run resumes, and a restart reads."""

    def __init__(self, embedder: Embedder, cache_dir: Path | None) -> None:
        self.embedder = embedder
        name = re.sub(r"[^A-Za-z0-9.-]+", "-", embedder.name)
        self.path = cache_dir / f"items-{name}.npz" if cache_dir else None
        self._rows: dict[bytes, int] = {}
        self._lock = threading.Lock()  # two first requests, or an ingest beside a server thread
        self._vectors = np.empty((0, 0), dtype=np.float32)
        if self.path is not None and self.path.exists():
            try:
                with np.load(self.path) as table:
                    keys, self._vectors = table["keys"], table["vectors"].astype(np.float32)
                self._rows = {bytes(k): n for n, k in enumerate(keys)}
            except (OSError, ValueError, KeyError) as exc:  # a torn or foreign file: embed again
                log.warning("matcher item vectors unreadable, embedding again: %s", exc)

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.sha1(text.encode()).digest()

    def of(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        """One row per text (distinct texts), embedding only those not seen before, a batch at a time."""
        with self._lock:
            return self._of(texts, progress)

    def _of(self, texts: list[str], progress: Progress | None) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        todo = [n for n, k in enumerate(keys) if k not in self._rows]
        if todo:
            log.info("embedding %d new matcher items (%d known)", len(todo), len(texts) - len(todo))
        notify(progress, "match", 0, len(todo))
        for start in range(0, len(todo), SAVE_EVERY):
            part = todo[start : start + SAVE_EVERY]
            vectors = np.asarray(self.embedder.embed_passages([texts[n] for n in part]), dtype=np.float32)
            base = len(self._rows)
            self._vectors = vectors if not base else np.vstack([self._vectors, vectors])
            self._rows.update({keys[n]: base + i for i, n in enumerate(part)})
            self._save(list(self._rows))  # every batch kept: stopping here loses at most one batch
            notify(progress, "match", start + len(part), len(todo))
        rows = np.fromiter((self._rows[k] for k in keys), dtype=np.int64, count=len(keys))
        distinct = list(dict.fromkeys(keys))
        if todo and len(self._rows) > len(distinct):  # items of a previous version: dropped from the file
            self._vectors = self._vectors[[self._rows[k] for k in distinct]]
            self._rows = {k: n for n, k in enumerate(distinct)}
            rows = np.fromiter((self._rows[k] for k in keys), dtype=np.int64, count=len(keys))
            self._save(distinct)
        return self._vectors[rows] if len(keys) else np.empty((0, 0), dtype=np.float32)

    def _save(self, keys: list[bytes]) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, keys=np.array(keys, dtype="S20"), vectors=self._vectors)
        os.replace(tmp, self.path)
        for old in self.path.parent.glob("items-*.npy"):  # the one-file-per-version cache of earlier releases
            old.unlink(missing_ok=True)


def item_texts(chunks: list[Chunk]) -> list[str]:
    """The distinct item texts of every target, the ones the matcher embeds."""
    return list(dict.fromkeys(u.text for t in build_targets(chunks, load_sections()) for u in t.units))


def item_vectors(embedder: Embedder, cache_dir: Path | None) -> ItemVectors:
    """The process's table for this embedder and folder (every matcher of a server shares it)."""
    key = (embedder.name, str(cache_dir))
    if key not in _TABLES:
        _TABLES[key] = ItemVectors(embedder, cache_dir)
    return _TABLES[key]
