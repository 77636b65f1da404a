"""Which document a question names by its title's words (a short form of the title, its city without 市),
so that a question about one notice is answered from it even when another document shares its vocabulary."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rag.core.types import Chunk

# What a title says about the kind of document, not what it is about.
DOCUMENT_KINDS = frozenset("关于 印发 通知 办法 细则 实施 实施细则 管理 管理办法 规定 意见 方案 措施 若干 决定 公告 条例 规划 试行 暂行 "
                           "进一步 做好 加强 开展 有关 工作 市 省 县 区".split())
MIN_SHARED = 2  # one shared word (a city, 补助) is not a name: another document may share it
_QUOTED = re.compile(r"《([^》]+)》")
_PLACE = "市省县区"  # how the name of a place ends (X市 is also named as X)


class DocumentNames:
    """Each document's title words, and which one document a question names."""

    def __init__(self, chunks: Iterable[Chunk], words: Callable[[str], list[str]], generic: frozenset[str]) -> None:
        self.words: dict[str, frozenset[str]] = {}
        for c in chunks:
            if c.doc in self.words:
                continue
            title = str(c.meta.get("doc_title", ""))
            inner = _QUOTED.search(title)
            name = inner.group(1) if inner else title
            self.words[c.doc] = frozenset(w for w in words(name) if len(w) >= 2 and w not in DOCUMENT_KINDS and w not in generic)
        # A place only one title names (洛阳市) tells the documents apart; a topic word only one title has
        # (研发, 投入) does not: the other documents' questions use it too.
        self.own = {doc: frozenset(w for w in ws if w[-1] in _PLACE and sum(w in other for other in self.words.values()) == 1)
                    for doc, ws in self.words.items()}

    def named(self, question: str) -> str:
        """The document whose title words the question uses most (at least MIN_SHARED, more than any other
        document's, and either more than half of them or a place no other title names), or "" when it names none."""
        if len(self.words) < 2:
            return ""
        shared = sorted(((sum(_used(w, question) for w in ws), doc) for doc, ws in self.words.items()), reverse=True)
        (best, doc), (runner_up, _) = shared[0], shared[1]
        # Most of the name, or a place only its title names: a question sharing two common words with a long
        # title names nothing.
        most = 2 * best > len(self.words[doc]) or any(_used(w, question) for w in self.own[doc])
        return doc if best >= MIN_SHARED and most and best > runner_up else ""


def _used(word: str, question: str) -> bool:
    # A city (X市) is named without its 市 as often as in full.
    return word in question or (len(word) >= 3 and word[-1] in _PLACE and word[:-1] in question)
