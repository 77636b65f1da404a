"""Questions about a document itself (文号, 发文机关, 施行日期 and 有效期, 咨询电话), answered from the line of
the document that states it, with that line cited. The cue words are general usage (rag/data/doc_fields.tsv);
the values are what each ingested document says about itself."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rag.core.data import data_lines
from rag.core.types import Chunk, Citation
from rag.core.zh import digit_dates, normalize, squeeze, zh_date

Field = Literal["number", "issuer", "issued", "validity", "contact"]
FIELDS: tuple[Field, ...] = ("number", "issuer", "issued", "validity", "contact")
_LABELED = ("发布日期：", "成文日期：", "印发日期：")  # a web page's info box, kept as lines at ingest (rag/ingest/formats.py)
# A word by which a question names a document rather than a measure in it (这个办法, 实施细则, 该通知).
_DAY = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_DOCUMENT_WORD = re.compile(r"办法|细则|通知|措施|规定|方案|意见|规划|政策|文件|条例|决定|公告|这个|该")
_CONTACT = re.compile(r"(?:咨询|联系|服务|监督|举报)?电话[：:]?\s*[\d（(][\d\-－—（）()\s、，,]{6,}[^\n。；]*")


@dataclass(frozen=True)
class Cue:
    field: Field
    needs_document_word: bool
    words: tuple[str, ...]


def load_cues(path: Path | None = None) -> list[Cue]:
    cues = []
    for line in data_lines("doc_fields.tsv", path):
        name, needs, words = line.split("\t")
        assert name in FIELDS, f"doc_fields.tsv: unknown field {name}"
        cues.append(Cue(name, needs.strip() == "1", tuple(w for w in words.split("|") if w)))  # type: ignore[arg-type]
    return cues


@dataclass(frozen=True)
class Fact:
    """One statement a document makes about itself: the line quoted and the chunk holding it."""

    field: Field
    chunk: Chunk
    quote: str


class DocumentFacts:
    """What each document of a searcher's chunks states about itself, by field."""

    def __init__(self, chunks: Sequence[Chunk], cues: list[Cue] | None = None) -> None:
        self.cues = cues if cues is not None else load_cues()
        self.facts: dict[tuple[str, Field], Fact] = {}
        self.issued: dict[str, list[Fact]] = {}
        by_doc: dict[str, list[Chunk]] = {}
        for c in chunks:
            by_doc.setdefault(c.doc, []).append(c)
        for doc, members in by_doc.items():
            meta = members[0].meta
            for name, key in (("number", "doc_number"), ("issuer", "doc_issuer"), ("validity", "doc_validity")):
                value = str(meta.get(key, ""))
                fact = _stated(name, value, members) if value else None  # type: ignore[arg-type]
                if fact is not None:
                    self.facts[(doc, fact.field)] = fact
            # The signed date is the signature's, at the end (an info box above may state the same day).
            issued = _stated("issued", zh_date(str(meta.get("doc_issued", ""))), members, last=True)
            labeled = [Fact("issued", c, line.strip()) for c in members for line in c.text.split("\n")
                       if line.strip().startswith(_LABELED)]
            # Signed one day, put on the site another: both dates answer "哪天发布的" (成文日期 and 发布日期 alike).
            self.issued[doc] = []
            for fact in [issued, *labeled]:  # one line per date: the signature's as written, then other days
                if fact is not None and all(_day(fact.quote) != _day(f.quote) for f in self.issued[doc]):
                    self.issued[doc].append(fact)
            contact = next(((c, m.group(0)) for c in members if c.kind != "table-row" for m in [_CONTACT.search(c.text)] if m), None)
            if contact is not None:
                self.facts[(doc, "contact")] = Fact("contact", contact[0], contact[1].strip("，。； "))

    def asked(self, question: str) -> list[Field]:
        """The fields a question asks about, in the order the cues are listed."""
        text = normalize(question)
        named = bool(_DOCUMENT_WORD.search(text))
        return [c.field for c in self.cues if (named or not c.needs_document_word) and any(w in text for w in c.words)]

    def answer(self, question: str, doc: str) -> list[Citation]:
        """The cited lines of `doc` that answer a question about the document itself (empty: not such a
        question, or the document does not state it)."""
        found = [fact for f in self.asked(question)
                 for fact in (self.issued.get(doc, []) if f == "issued" else [self.facts.get((doc, f))])]
        out: list[Citation] = []
        for fact in found:
            if fact is not None and all(fact.quote != c.quote for c in out):
                out.append(Citation(fact.chunk, fact.quote, 1.0))
        return out


def _stated(field: Field, value: str, chunks: list[Chunk], *, last: bool = False) -> Fact | None:
    """The first line of the document (`last`: the last) that holds `value` (a field with no such line is not
    answered: nothing to cite)."""
    want = squeeze(value)
    if not want:
        return None
    for c in reversed(chunks) if last else chunks:
        for line in reversed(c.text.split("\n")) if last else c.text.split("\n"):
            if want and want in squeeze(digit_dates(line)):  # a date signed in Chinese numerals too
                quote = _sentence(line, value) if len(line) > len(value) + 40 else line
                return Fact(field, c, quote.strip())
    return None


def _sentence(line: str, value: str) -> str:
    for sentence in re.split(r"(?<=[。；])", line):
        if squeeze(value) in squeeze(digit_dates(sentence)):
            return sentence
    return value


def _day(quote: str) -> str:
    """The date a line states (二〇二五年五月二十日 and 2025年5月20日 alike), else the line."""
    m = _DAY.search(squeeze(digit_dates(quote)))
    return m.group(0) if m else quote
