"""Checking generated text against the passages it cites, sentence by sentence, before anything is shown.

A sentence is kept only when it carries the marker of a passage that was given, and every figure (number with
its unit, percentage, year, 文号), every 《…》/“…” name and every place or organisation name in it appears in
the passages that sentence cites. Everything else is dropped: an LLM may rephrase, never add facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.core.zh import normalize, squeeze

NameFinder = Callable[[str], list[str]]

MARKERS = re.compile(r"[\[【［]\s*(\d{1,2}(?:\s*[,，、]\s*\d{1,2})*)\s*[\]】］]")
_ONLYMARKERS = re.compile(rf"^(?:\s*{MARKERS.pattern})+\s*")
_PARTIAL_TAIL = re.compile(r"^[\s\[【［\d,，、\]】］]*$")  # what a marker still arriving looks like
_SENTENCE = re.compile(r"[^。！？；!?\n]*(?:[。！？；!?]+|\n|$)")
_UNITS = ("个百分点|百分点|平方公里|平方米|万元|亿元|千元|元|万人|万户|万|亿|%|‰|家|个|项|人|名|年|月|日|天|倍|所|座|条|亩|吨|"
          "公里|户|次|件|台|套|篇|部|种|期|批|类|处|级|位|岁|小时|周")
_NUMBER = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*({_UNITS})?")
_CN_FIGURE = re.compile(rf"[两二三四五六七八九十百千万亿][一二三四五六七八九十百千万亿两零]*(?:{_UNITS})")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d+号")
_QUOTED = re.compile(r"《([^《》]{1,60})》|“([^“”]{1,60})”|「([^「」]{1,60})」|\"([^\"]{1,60})\"")
_BRACKETS = str.maketrans({"［": "〔", "[": "〔", "(": "〔", "（": "〔", "］": "〕", "]": "〕", ")": "〕", "）": "〕"})


@dataclass(frozen=True)
class Checked:
    """One generated sentence: its text, the passage numbers it cites (1-based), and the claims that none
    of those passages supports (empty: verified)."""

    text: str
    sources: tuple[int, ...]
    unsupported: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return bool(self.sources) and not self.unsupported

    @property
    def body(self) -> str:
        """The sentence without its markers."""
        return MARKERS.sub("", self.text).strip()


def sentences(text: str) -> list[str]:
    """Sentences of generated text, each with the markers written after its full stop ("…。[1]")."""
    out: list[str] = []
    for piece in _SENTENCE.findall(text):
        lead = _ONLYMARKERS.match(piece)
        if lead and out:
            out[-1] += lead.group(0).rstrip()
            piece = piece[lead.end():]
        if piece.strip():
            out.append(piece.rstrip("\n").strip())
    return out


def finished(buffer: str) -> list[str]:
    """While a reply streams: its sentences that are complete, markers included (the last one is complete
    only once something other than a marker follows it)."""
    parts = sentences(buffer)
    done = 0
    while done < len(parts) - 1 and not _PARTIAL_TAIL.match(parts[done + 1]):
        done += 1
    return parts[:done]


def markers(sentence: str) -> tuple[int, ...]:
    return tuple(dict.fromkeys(int(n) for group in MARKERS.findall(sentence) for n in re.split(r"[,，、]", group) if n.strip()))


def _plain(text: str) -> str:
    """Text compared as the reader sees it: normalised, without white space or thousands separators."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", squeeze(normalize(text))).translate(_BRACKETS)


def claims(sentence: str, names: NameFinder) -> list[tuple[str, str]]:
    """The checkable claims of a sentence as (kind, text): figures, document numbers, names."""
    body = _plain(MARKERS.sub("", sentence))
    found: list[tuple[str, str]] = [("doc_number", m.group(0)) for m in _DOC_NUMBER.finditer(body)]
    rest = _DOC_NUMBER.sub("", body)
    found += [("figure", m.group(0)) for m in _NUMBER.finditer(rest)]
    found += [("figure", m.group(0)) for m in _CN_FIGURE.finditer(rest) if not m.group(0).startswith("一")]
    found += [("name", next(g for g in m.groups() if g)) for m in _QUOTED.finditer(body)]
    found += [("name", w) for w in names(_QUOTED.sub("，", rest))]
    return list(dict.fromkeys(found))


def supported(kind: str, claim: str, passage: str) -> bool:
    """Whether one passage (already `_plain`) states the claim."""
    if kind == "doc_number":
        # The issuer's abbreviation may pick up a word before it ("按遵府发〔2021〕12号"): its last two
        # characters and the 〔year〕number must be stated together.
        core = claim.translate(_BRACKETS)
        year = core.index("〔")
        return core[max(0, year - 2):] in passage
    if kind != "figure" or not claim[0].isdigit():
        return _plain(claim) in passage
    m = _NUMBER.match(claim)
    assert m is not None
    number, unit = m.group(1), m.group(2) or ""
    at = [x for x in re.finditer(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", passage)]
    # A table row states its unit once, in the header ("比重（%），…目标值1.2"): the unit anywhere in
    # the same passage is enough, the number itself must be there.
    return bool(at) and (not unit or unit in passage)


_CLAUSE = re.compile(r"[^，、；。：,;:！？!?（）()]+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?=年)")


def _subject(clause: str) -> set[str]:
    """The character bigrams of a clause once its figures are taken out: what the figures are about."""
    words = _NUMBER.sub(" ", clause)
    return {run[i : i + 2] for run in _CJK_RUN.findall(words) for i in range(len(run) - 1)}


def _verdict(number: str, unit: str, said: str, passage: str) -> str:
    """"supports", "contradicts" or "silent": what the passage clause most like `said` (the generated
    clause) gives its subject. Clauses about another year say nothing either way."""
    subject, years = _subject(said), set(_YEAR.findall(said))
    scored = []
    for clause in _CLAUSE.findall(passage):
        other = _subject(clause)
        union = len(subject | other)
        scored.append((len(subject & other) / union if union else 0.0, clause))
    best = max((score for score, _ in scored), default=0.0)
    closest = [c for score, c in scored if score == best and set(_YEAR.findall(c)) == years]
    if best < 0.5 or not closest:
        return "silent"
    figures = [set(_NUMBER.findall(c)) for c in closest]
    if any((number, unit) in f for f in figures):
        return "supports"
    return "contradicts" if any(u == unit for f in figures for _, u in f) else "silent"


def contradicted(claim: str, said: str, passages: Sequence[str]) -> bool:
    """Whether the cited passages give the claim's subject another figure and none gives it this one:
    "国家级农业科技园区9个" against a clause "国家级农业科技园区2个" (a 9 elsewhere, about something else,
    is no support)."""
    m = _NUMBER.fullmatch(claim)
    if m is None or not m.group(2) or (m.group(2) == "年" and _YEAR.fullmatch(m.group(1))):
        return False  # no unit to compare, or a year: years are what a figure is about, not figures
    number, unit = m.group(1), m.group(2)
    at = re.compile(rf"(?<![\d.]){re.escape(number)}\s*{re.escape(unit)}")
    for clause in _CLAUSE.findall(said):
        if len(_subject(clause)) >= 2 and at.search(clause):
            verdicts = {_verdict(number, unit, clause, p) for p in passages}
            if "contradicts" in verdicts and "supports" not in verdicts:
                return True
    return False


def check(sentence: str, passages: Sequence[str], names: NameFinder) -> Checked:
    """Verify one sentence against the given passages (numbered from 1)."""
    cited = markers(sentence)
    sources = tuple(n for n in cited if 1 <= n <= len(passages))
    if not sources or len(sources) != len(cited):
        return Checked(sentence, sources, ("marker",) if not sources else tuple(f"[{n}]" for n in cited if n not in sources))
    texts = [_plain(passages[n - 1]) for n in sources]
    said = _plain(MARKERS.sub("", sentence))
    missing = tuple(
        c for k, c in claims(sentence, names)
        if not any(supported(k, c, t) for t in texts) or (k == "figure" and contradicted(c, said, texts))
    )
    return Checked(sentence, sources, missing)
