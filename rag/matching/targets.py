"""What a company can be matched to: each 专栏 as a record of its items, and the service sections."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from rag.core.data import data_path
from rag.core.types import Chunk
from rag.index.embedding import Embedder
from rag.ingest.chunking import PATH_SEP

log = logging.getLogger(__name__)
MEMO_SIZE = 4
# Vectors of the live items by content digest: one per knowledge-base version in practice.
_VECTORS: dict[str, np.ndarray] = {}

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
    topic: str  # 辣椒 for 专栏5-3, the heading for a section
    units: tuple[Unit, ...]

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
    every listed service section, in reading order."""
    by_section: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_section.setdefault(chunk.section, []).append(chunk)
    targets = []
    for section, members in by_section.items():
        if members[0].kind != "column":
            continue
        steps = section.split(PATH_SEP)
        parent = PATH_SEP.join(steps[:-1])
        items = [Unit(i, c, True) for c in members for i in split_items(c.text)]
        items += [
            Unit(i, c, False) for c in by_section.get(parent, []) if c.kind == "body" for i in split_items(c.text, listed=False)
        ]
        topic = _NUMBERED.sub("", steps[-2]) if len(steps) > 1 else steps[-1]
        targets.append(Target(steps[-1], section, topic, tuple(items)))
    for section in sections:
        members = [c for c in by_section.get(section, []) if c.kind == "body"]
        if members:
            title = section.split(PATH_SEP)[-1]
            units = tuple(Unit(i, c, True) for c in members for i in split_items(c.text, listed=False))
            targets.append(Target(title, section, re.sub(r"^[一二三四五六七八九十]+、", "", title), units))
    return targets


def load_sections(path: Path | None = None) -> list[str]:
    """Section paths listed in rag/data/match_sections.txt."""
    path = path or data_path("match_sections.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def unit_vectors(embedder: Embedder, texts: tuple[str, ...], cache_dir: Path | None) -> np.ndarray:
    """Item embeddings, computed once per embedder and text set: kept in memory for the process and,
    with `cache_dir`, on disk (a restarted server then matches at full speed from its first request)."""
    digest = hashlib.sha1("\x1f".join((embedder.name, *texts)).encode()).hexdigest()[:16]
    if digest in _VECTORS:
        return _VECTORS[digest]
    path = cache_dir / f"items-{digest}.npy" if cache_dir else None
    if path is not None and path.exists():
        vectors = np.load(path)
    else:
        log.info("embedding %d plan items for the matcher", len(texts))
        vectors = np.asarray(embedder.embed_passages(list(texts)), dtype=np.float32)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npy")
            np.save(tmp, vectors)
            os.replace(tmp, path)
            for stale in path.parent.glob("items-*.npy"):  # vectors of a previous version of the plan
                if stale != path:
                    stale.unlink(missing_ok=True)
    while len(_VECTORS) >= MEMO_SIZE:
        _VECTORS.pop(next(iter(_VECTORS)))
    _VECTORS[digest] = vectors
    return vectors
