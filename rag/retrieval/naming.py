"""Which document a question names by its title's words (a short form of the title, its city without 市),
so that a question about one notice is answered from it even when another document shares its vocabulary."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rag.core.types import Chunk

# What a title says about the kind of document, not what it is about.
DOCUMENT_KINDS = frozenset("关于 印发 通知 办法 细则 实施 实施细则 管理 管理办法 规定 意见 方案 措施 若干 决定 公告 条例 规划 试行 暂行 "
                           "实施办法 市政府 进一步 做好 加强 开展 有关 工作 市 省 县 区".split())
MIN_SHARED = 2  # one shared word (a city, 补助) is not a name: another document may share it
_QUOTED = re.compile(r"《([^》]+)》")
_PLACE = "市省县区"  # how the name of a place ends (X市 is also named as X)
_LEADING_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,3}?[市省县]")


class DocumentNames:
    """Each document's title words, and which one document a question names."""

    def __init__(self, chunks: Iterable[Chunk], words: Callable[[str], list[str]], generic: frozenset[str]) -> None:
        self.words: dict[str, frozenset[str]] = {}
        self._cut = words
        doc_names: dict[str, str] = {}
        texts: dict[str, list[str]] = {}
        chunks = list(chunks)
        for c in chunks:
            texts.setdefault(c.doc, []).append(c.text)
            if c.doc in self.words:
                continue
            title = str(c.meta.get("doc_title", ""))
            inner = _QUOTED.search(title)
            name = inner.group(1) if inner else title
            place = _LEADING_PLACE.match(name)  # 南通市政府采购… is cut 南通/市政府/采购: the place its title opens with,
            rest = name[place.end():] if place else ""  # and the rest read on its own (政府/采购, as another title's)
            found = {w for w in [*words(name), *words(rest)] if len(w) >= 2 and w not in DOCUMENT_KINDS and w not in generic}
            self.words[c.doc] = frozenset(found | ({place.group(0)} if place else set()))
            doc_names[c.doc] = name
        # The place a title opens with (洛阳市); one only its title opens with tells its document from another
        # city's on the same topic.
        self.place = {doc: frozenset(w for w in ws if _LEADING_PLACE.fullmatch(w) and _opens(doc_names[doc], w))
                      for doc, ws in self.words.items()}
        self.own = {doc: frozenset(w for w in ws if sum(w in other for other in self.place.values()) == 1)
                    for doc, ws in self.place.items()}
        # Title words no other document uses, in its title or its text (稳岗 of one notice; not 研发, which
        # the plan's text uses too): each names its document.
        joined = {doc: "".join(t) for doc, t in texts.items()}
        self.unique = {doc: frozenset(w for w in ws if not any(w in joined[o] or w in self.words[o] for o in self.words if o != doc))
                       for doc, ws in self.words.items()}

    def named(self, question: str) -> str:
        """The document of the city the question names when only one title opens with it, else the document
        whose title words the question uses most (at least MIN_SHARED, more than any other document's or as many
        but with a place no other title opens with, and either more than half of them, such a place or a word no
        other document uses), or "" when it names none."""
        if len(self.words) < 2:
            return ""
        at = self._at(question)
        if len(at) == 1 and self.own[at[0]]:  # "株洲有人才补贴吗": 株洲's one notice, which may say it has none
            return at[0]
        best, tied, placed = self._most(question)
        # Titles that tie on a topic (two cities' procurement notices) are told apart by the place only one names.
        doc = placed[0] if len(placed) == 1 else tied[0]
        # Most of the name, or a place only its title names: a question sharing two common words with a long
        # title names nothing.
        # So does a word of its title no other document uses (稳岗 of a 稳岗扩岗补贴 notice), when nothing ties.
        only = len(tied) == 1 and any(_used(w, question) for w in self.unique[doc])
        most = 2 * best > len(self.words[doc]) or doc in placed or only
        return doc if best >= MIN_SHARED and most and (len(tied) == 1 or len(placed) == 1) else ""

    def city(self, question: str) -> list[str]:
        """The documents of the one city the question names, when several titles open with it ("芜湖的人才
        公寓租金" beside 芜湖's talent and 专精特新 notices): the question is about one of them."""
        at = self._at(question)
        return at if len(at) > 1 else []

    def _at(self, question: str) -> list[str]:
        # The documents whose opening place the question names, when it names one place only.
        at = [d for d, ws in self.place.items() if any(_used(w, question) for w in ws)]
        return at if at and len({self.place[d] for d in at}) == 1 else []

    def tied(self, question: str) -> list[str]:
        """Two documents whose titles the question names equally (at least MIN_SHARED words each, no place
        telling one from the other): "人才安居补贴的咨询电话" beside two cities' talent-housing notices."""
        if len(self.words) < 3:
            return []
        best, docs, placed = self._most(question)
        return docs if best >= MIN_SHARED and len(docs) == 2 and len(placed) != 1 else []

    def _most(self, question: str) -> tuple[int, list[str], list[str]]:
        """How many title words the best documents share with the question, those documents, and the ones
        among them whose own place the question names."""
        # A title word inside a longer word of the question is not named by it (出口 in 进出口).
        inside = {w for w in self._cut(question) if len(w) > 2}
        shared = {doc: sum(_used(w, question) and not any(w in t and w != t for t in inside) for w in ws)
                  for doc, ws in self.words.items()}
        best = max(shared.values())
        docs = sorted(d for d, n in shared.items() if n == best)
        return best, docs, [d for d in docs if any(_used(w, question) for w in self.own[d])]


def _used(word: str, question: str) -> bool:
    # A city (X市) is named without its 市 as often as in full.
    return word in question or (len(word) >= 3 and word[-1] in _PLACE and word[:-1] in question)


def _opens(name: str, place: str) -> bool:
    # 襄阳市 and its short form 襄阳 both open 襄阳市外贸…; 上市 inside a title is not a place.
    return name.startswith(place) or name.startswith(place[:-1])
