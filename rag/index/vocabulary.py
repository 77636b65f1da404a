"""The knowledge base's own vocabulary, read from its chunks at index time: the names a document uses as
units (short headings, table labels and headers, quoted names), so jieba keeps them whole."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.core.types import Chunk

_NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[章节部分条篇]\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[.．、]\s*|专栏\s*[\d-]+[：:]\s*|表\s*[\d.]+\s*)")
_QUOTED = re.compile(r"[“\"]([\u4e00-\u9fffA-Za-z0-9·]{2,10})[”\"]")
# Longer headings are phrases (科技投入强度不断加大), not names: kept whole they would hide their words.
MIN_CHARS, MAX_CHARS = 2, 8


def vocabulary(chunks: Iterable[Chunk]) -> list[str]:
    """Words to add to the tokenizer: heading topics, table labels and headers, quoted names."""
    words: dict[str, None] = {}
    for c in chunks:
        for step in c.section.split(" › "):
            _add(words, _NUMBERING.sub("", step).strip())
        for header, cell in c.meta.get("fields", {}).items():
            _add(words, str(header))
            _add(words, str(cell))
        for m in _QUOTED.finditer(c.text):
            _add(words, m.group(1))
    return list(words)


def _add(words: dict[str, None], word: str) -> None:
    if MIN_CHARS <= len(word) <= MAX_CHARS and re.search(r"[\u4e00-\u9fff]", word) and not word.isdigit():
        words[word] = None
