"""Enterprise vocabulary (rag/data/industries.tsv): how companies name their business → the plan's words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rag.answering.query import Synonyms
from rag.core.data import data_path
from rag.core.zh import Tokenizer


@dataclass(frozen=True)
class Concept:
    """A word of the profile and the plan's words that stand for it (冻干 → 真空冷冻干燥)."""

    said: str
    terms: tuple[str, ...]
    curated: bool  # from the lexicon or the synonyms, not just a word the profile happens to use


class Lexicon:
    """rag/data/industries.tsv: company words → plan words, words every business uses, places."""

    def __init__(self, concepts: dict[str, tuple[str, ...]], generic: set[str], places: list[str]) -> None:
        self.terms = {k.lower(): v for k, v in concepts.items()}
        self.generic = frozenset(g.lower() for g in generic)
        self.places = places
        ordered = sorted(self.terms, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, ordered)), re.IGNORECASE) if ordered else None

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        """Read the TSV: kind, term, and (for a concept) the plan's words, | separated."""
        path = path or data_path("industries.tsv")
        concepts: dict[str, tuple[str, ...]] = {}
        generic: set[str] = set()
        places: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, term, *rest = [f.strip() for f in line.split("\t")]
            if kind == "concept":
                concepts[term] = tuple(t for t in (rest[0] if rest else "").split("|") if t)
            elif kind == "generic":
                generic.add(term)
            elif kind == "place":
                places.append(term)
        return cls(concepts, generic, places)

    def concepts(self, text: str, tokenizer: Tokenizer, synonyms: Synonyms, *, known: Callable[[str], bool]) -> list[Concept]:
        """The content words of a profile, each with the plan words it may appear as: lexicon terms
        first (longest wins), then the project's synonyms, then jieba words of what is left.
        Concepts that reach the same plan words are one concept; `known` tells which words the plan uses."""
        found: list[Concept] = []

        def take(m: re.Match[str]) -> str:
            said = m.group(0).lower()
            found.append(Concept(m.group(0), tuple(dict.fromkeys([said, *self.terms[said]])), True))
            return "，"

        rest = self.pattern.sub(take, text) if self.pattern else text
        for alias, terms in synonyms.table.items():
            if alias in rest.lower():
                found.append(Concept(alias, tuple(dict.fromkeys([alias, *terms])), True))
                rest = re.sub(re.escape(alias), "，", rest, flags=re.IGNORECASE)
        found += [Concept(w, (w,), False) for w in tokenizer.words(rest, fine=False) if self._content(w)]
        merged: dict[tuple[str, ...], Concept] = {}
        for c in found:
            said = c.said.lower()
            if said in self.generic or any(said in k.said.lower() for k in merged.values()):
                continue
            key = tuple(sorted(t.lower() for t in c.terms if known(t))) or (said,)
            same = merged.get(key)
            merged[key] = Concept(f"{same.said}、{c.said}", same.terms, same.curated or c.curated) if same else c
        return list(merged.values())

    def _content(self, word: str) -> bool:
        lowered = word.lower()
        return not (
            lowered in self.generic
            or any(p in word for p in self.places)
            or len(word) < 2
            or re.fullmatch(r"[\d.%]+|[a-z]", lowered)
        )
