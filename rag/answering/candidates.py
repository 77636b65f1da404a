"""Candidate answers from retrieved chunks: sentences, table rows, a 专栏's items, a section's lead list.

Each candidate is what would be quoted (one or more cited parts) with where it stands in the outline; which
one answers is decided by the fitted scorer (rag/answering/model.py), not here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rag.answering.evidence import Evidence, Weights, trim
from rag.answering.ranges import Family, label_relation, relation
from rag.core.types import Chunk, Hit
from rag.core.zh import split_sentences, squeeze

Shape = Literal["sentence", "row", "column", "leads", "heading"]
# Presentation limits, in characters: a short answer is read in the chat window at a glance (the product's
# concise answer is ≤ 200 characters for a fact, ≤ 500 for a list).
FACT_CHARS = 140
LIST_CHARS = 460
CANDIDATE_HITS = 8
_LEAD = re.compile(r"^([^。，；]{2,24})。")
_ITEM_MARK = r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,2}、)"  # （三） 3. 三、
_ITEM = re.compile(f"^{_ITEM_MARK}")
_OPENS_ITEMS = re.compile(f"^(.{{4,40}}?[：:])(?={_ITEM_MARK})")
OPENER_CHARS = 40  # a longer opening line is a sentence of its own, not a lead-in to the items
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
# Table conventions, not one table's headers: a unit column qualifies the row's figures, an index column
# numbers the rows.
UNIT_HEADERS = frozenset({"单位", "计量单位"})
INDEX_HEADERS = frozenset({"序号", "编号"})


@dataclass(frozen=True)
class Part:
    """One cited quote of a candidate."""

    hit: Hit
    quote: str


@dataclass(frozen=True)
class Candidate:
    """A possible answer: its parts, its shape, the heading path its text stands under, and the retrieval
    rank of its chunk."""

    parts: tuple[Part, ...]
    shape: Shape
    where: str
    rank: int
    position: int = 0  # the sentence's place in its chunk

    @property
    def text(self) -> str:
        return "".join(p.quote for p in self.parts)

    @property
    def chunk(self) -> Chunk:
        return self.parts[0].hit.chunk


_DATED = re.compile(r"^(?:成文日期|发布日期)：\d{4}年\d{1,2}月\d{1,2}日$")


def candidates(hits: Sequence[Hit], weights: Weights, ev: Evidence, *, numbers: bool, locate: bool = False,
               parts: bool = False) -> list[Candidate]:
    """Every candidate answer the first hits offer (with `locate`, also each hit's heading path, for
    questions that ask which chapter or part something is in; with `parts`, the path opens with the
    部分 that holds the chapter, which citations leave out)."""
    out: list[Candidate] = []
    seen_sections: set[str] = set()
    for rank, hit in enumerate(hits[:CANDIDATE_HITS]):
        chunk = hit.chunk
        if locate and chunk.section not in seen_sections:
            part = str(chunk.meta.get("part", ""))
            path = f"{part} › {chunk.section}" if parts and part and not chunk.section.startswith(part) else chunk.section
            out.append(Candidate((Part(hit, f"相关内容见“{path}”"),), "heading", chunk.section, rank))
        if chunk.kind == "table-row":
            seen_sections.add(chunk.section)
            out.append(Candidate((Part(hit, trim(row_line(chunk), weights, FACT_CHARS, numbers=numbers)),), "row", chunk.section, rank))
            continue
        opener = ""
        for pos, (sent, where) in enumerate(sentences(chunk)):
            sent = sent.strip()
            if _DATED.match(sent):
                continue  # a document's own date line, kept at ingest: questions about the document cite it (facts.py)
            if sent.endswith(("：", ":")):
                opener = sent  # a line that opens what follows (有下列情形之一的，不予补贴：) states nothing itself…
                continue
            text = trim(sent, weights, FACT_CHARS, numbers=numbers)
            if _ITEM.match(sent):
                # … but says what its items are: "（三）劳务派遣的" alone reads as a condition met, not an exclusion.
                text = f"{opener}…{text}" if opener and len(opener) <= OPENER_CHARS else text
            else:
                opened = _OPENS_ITEMS.match(sent)  # 有下列情形之一的，不予补贴：（一）…； in one sentence
                opener = opened.group(1) if opened else ""
            out.append(Candidate((Part(hit, text),), "sentence", where, rank, pos))
        if chunk.section in seen_sections:
            continue
        seen_sections.add(chunk.section)
        if chunk.kind == "column":
            out.append(column(hit, hits, ev, rank))
        elif (leads := section_leads(hit, ev, rank)) is not None:
            out.append(leads)
    return out


def named_row(cand: Candidate, ev: Evidence, amounts: Sequence[tuple[Family, float]], tiers: set[str],
              weights: Weights, *, numbers: bool, words: Sequence[frozenset[str]] = ()) -> Candidate | None:
    """The row of a chosen row's table that the question names, when it is another row: the one row whose
    range holds an amount the question states ("研发费用950万" → 500万元（含）—1000万元) or that names the
    tier it asks about (B类). Rows of one table share every other word, so the scores cannot tell them apart.
    Of several amounts ("营收3个亿…新贷了800万"), the one whose preceding `words` name a row's measure is the one
    it is read by."""
    chunk = cand.chunk
    if cand.shape != "row" or not (amounts or tiers):
        return None
    table = chunk.meta.get("table")
    rows = [c for c in ev.searcher.chunks_of(chunk.section) if c.kind == "table-row" and c.meta.get("table") == table]

    def named(c: Chunk) -> int:
        return int(relation(list(amounts), c.text, words)[0]) + int(label_relation(tiers, c.text)[0])

    best = max((named(c) for c in rows), default=0)
    picked = [c for c in rows if named(c) == best]
    if best <= named(chunk) or len(picked) != 1:
        return None  # the chosen row is named as well as any, or the question names no single row
    hit = Hit(picked[0], cand.parts[0].hit.score)
    return Candidate((Part(hit, trim(row_line(picked[0]), weights, FACT_CHARS, numbers=numbers)),), "row", chunk.section, cand.rank)


def column(hit: Hit, hits: Sequence[Hit], ev: Evidence, rank: int) -> Candidate:
    """The whole 专栏 a column chunk belongs to, each of its chunks given a share of the length budget."""
    section = hit.chunk.section
    by_id = {h.chunk.id: h for h in hits}
    chunks = sorted((c for c in ev.searcher.chunks_of(section) if c.kind == "column"), key=lambda c: c.meta.get("seq", 0))
    total = sum(len(c.text) for c in chunks) or 1
    parts = tuple(Part(by_id.get(c.id, Hit(c, hit.score)), compact(c.text, LIST_CHARS * len(c.text) // total)) for c in chunks)
    return Candidate(parts or (Part(hit, compact(hit.chunk.text, LIST_CHARS)),), "column", section, rank)


def section_leads(hit: Hit, ev: Evidence, rank: int) -> Candidate | None:
    """A section whose paragraphs open with short lead sentences (以重大需求作为战略任务。…): the leads
    are the list a question about the section asks for."""
    chunks = [c for c in ev.searcher.chunks_of(hit.chunk.section) if c.kind == "body"]
    leads = [Part(Hit(c, hit.score), m.group(0)) for c in chunks for p in c.text.split("\n") if (m := _LEAD.match(p.strip()))]
    if len(leads) < 3:
        return None
    return Candidate(tuple(leads[:8]), "leads", hit.chunk.section, rank)


_CONDITIONS = re.compile(r"(?:符合|具备|满足)(?:下列|以下|如下)(?:全部|所有|各项)?条件[：:]")


def whole_conditions(cand: Candidate) -> Candidate:
    """A candidate that is one item of a list of conditions ("应当同时具备以下条件：…（三）…") as the whole list:
    whether one qualifies is read from all of them. Any other candidate as it is."""
    if cand.shape != "sentence" or len(cand.parts) != 1:
        return cand
    said = squeeze(cand.text.split("…")[-1])
    for paragraph in cand.chunk.text.split("\n"):
        opener = _CONDITIONS.search(paragraph)
        if opener is None:
            continue
        start = max((m.end() for m in re.finditer(r"[。！？]", paragraph[: opener.start()])), default=0)
        text = paragraph[start:].strip()  # the sentence that opens the list, and the list to the paragraph's end
        if said and said in squeeze(text) and len(text) > len(cand.text):
            return Candidate((Part(cand.parts[0].hit, compact(text, LIST_CHARS)),), "sentence", cand.where, cand.rank, cand.position)
    return cand


def sentences(chunk: Chunk) -> list[tuple[str, str]]:
    """(sentence, heading path) pairs; a paragraph's short lead sentence (基础研究。) heads the sentences
    after it, the way a run-in heading does."""
    out = []
    for paragraph in chunk.text.split("\n"):
        lead = _LEAD.match(paragraph.strip())
        where = f"{chunk.section} › {lead.group(1)}" if lead else chunk.section
        for sent in split_sentences(paragraph):
            out.append((sent, chunk.section if lead and sent == lead.group(0) else where))
    return out


def compact(text: str, limit: int) -> str:
    """A list that does not fit, shortened evenly: the leading items of every ；-group, so each sub-field
    it lists is still named (items are quoted as printed, only fewer of them)."""
    if len(text) <= limit:
        return text
    groups = [g for g in re.split(r"(?<=；)", text) if g]
    share = limit // max(len(groups), 1)
    out = []
    for group in groups:
        items = re.split(r"(?<=[，、])", group)
        kept = items[0]
        for item in items[1:]:
            if len(kept) + len(item) > share:
                break
            kept += item
        out.append(kept.rstrip("，、；") + ("；" if group.endswith("；") or kept != group else ""))
    return "".join(out).rstrip("；") + "等"


_BLANK = re.compile(r"^[-—－/／…]*$|^无$")


def blank_for(chunk: Chunk, years: Sequence[str]) -> bool:
    """Whether a table row leaves every asked year's cell blank ("-"): the table states no figure for it."""
    if chunk.kind != "table-row" or not years:
        return False
    cells = [str(v).strip() for k, v in chunk.meta.get("fields", {}).items() if any(y.rstrip("年") in k for y in years)]
    return bool(cells) and all(_BLANK.match(v) for v in cells)


def row_line(chunk: Chunk) -> str:
    """A table row as one line: its label cell, then each header with its cell, figures with the row's unit
    (全社会研发经费投入占GDP比重：2020年0.5%，2025年1.2%)."""
    fields = [(k, str(v).strip()) for k, v in chunk.meta.get("fields", {}).items() if str(v).strip()]
    unit = next((v for k, v in fields if k in UNIT_HEADERS), "")
    cells = [(k, v) for k, v in fields if k not in UNIT_HEADERS and not (k in INDEX_HEADERS and _NUMBER.match(v))]
    if len(cells) < 2:
        return chunk.text
    (_, label), *rest = cells
    return f"{label}：" + "，".join(f"{k}{v}{unit if _NUMBER.match(v) else ''}" for k, v in rest) + "。"
