"""Amounts a question states ("…费用N万", "年薪N万", "不到N万") and the ranges a passage or table
row states ("500万元（含）—1000万元", "2000万元（含）以上", "500万元以下"), so that the row whose range holds
the asked value can be told from its neighbours, which share every word with it."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Literal

Family = Literal["money", "usd", "percent", "age", "power", "area", "people"]
_NUM = r"(\d+(?:\.\d+)?)"
# Money, and the other quantities tiers are drawn by (展览面积3万平方米以上, 单桩功率120千瓦, 参会1000人), each its
# own kind: 120千瓦 is no 12万元.
_UNIT = (r"\s*(?P<pct>%|％|个百分点)|\s*(?P<age>周岁|岁)|\s*(?P<kw>千瓦|kW|KW)|(?:个)?\s*(?P<scale>亿|万|千)?\s*"
         r"(?:(?P<usd>美元|美金)|(?P<yuan>元|块)|(?P<area>平方米|平米|㎡)|(?P<people>人次|人(?![民才员])))?")
_UNIT_GROUPS = ("pct", "age", "kw", "scale", "yuan", "usd", "area", "people")
_SCALE = {"亿": 1e8, "万": 1e4, "千": 1e3, None: 1.0, "": 1.0}
_AMOUNT = re.compile(_NUM + r"\s*(?:" + _UNIT + r")")
_BELOW_Q = re.compile(r"(?:不到|不足|(?<!不)低于|(?<!不)少于|不超过|未满|不满)\s*$")
_ABOVE_Q = re.compile(r"(?:(?<!不)超过|(?<!不)高于|多于|大于|不低于|以上)\s*$")
_JOIN = r"\s*(?:（含）|\(含\))?\s*(?:—|–|-|－|~|～|至|到)\s*"
_TAIL_ABOVE = re.compile(r"^\s*(?:（含）|\(含\))?\s*(?:以上|及以上|或以上)")
_TAIL_BELOW = re.compile(r"^\s*(?:（含）|\(含\))?\s*(?:以下|及以下|以内)")
_HEAD_ABOVE = re.compile(r"(?:(?<!不)超过|(?<!不)高于|不低于|不少于|达到)\s*$")
_HEAD_BELOW = re.compile(r"(?:不超过|不高于|(?<!不)低于|不足|不到|(?<!不)少于|未满)\s*$")


def _value(m: re.Match[str]) -> tuple[Family, float] | None:
    number = float(m.group(1))
    if m.group("pct"):
        return "percent", number
    if m.group("age"):
        return "age", number
    if m.group("kw"):
        return "power", number
    for family in ("area", "people"):
        if m.group(family):
            return family, number * _SCALE[m.group("scale")]  # type: ignore[return-value]
    if m.group("usd"):  # 万美元: money of another currency, never compared with 元
        return "usd", number * _SCALE[m.group("scale")]
    if m.group("scale") or m.group("yuan"):  # 万/亿 or 元: money
        return "money", number * _SCALE[m.group("scale")]
    return None


def amounts(question: str) -> list[tuple[Family, float]]:
    """The amounts a question states; "不到500万" is read as just under 500万, "超过5亿" as just over."""
    return [(family, number) for family, number, _ in stated_amounts(question)]


_NEAR = 12  # how far before a range its measure is named (单户贷款金额500万元以下)
# Characters that say nothing about what an amount measures (去年…的, 上年度, 一共).
_FILLER = frozenset("的了是在有我们上去前今年度月日号一个家共总约近达到超过为和与及")


def stated_amounts(question: str) -> list[tuple[Family, float, frozenset[str]]]:
    """The amounts a question states, each with the characters of the words just before it ("新贷了800万":
    贷, "营收3个亿": 营 收), by which it is matched to the table column it is about."""
    out: list[tuple[Family, float, frozenset[str]]] = []
    for m in _AMOUNT.finditer(question):
        value = _value(m)
        if value is None:
            continue
        family, number = value
        before = question[max(0, m.start() - 4) : m.start()]
        if _BELOW_Q.search(before):
            number -= 1e-6 * max(number, 1.0)
        elif _ABOVE_Q.search(before) or _ABOVE_Q.search(question[m.end() : m.end() + 2]):
            number += 1e-6 * max(number, 1.0)
        words = re.split(r"[，,。；;？?！!、\d]", question[max(0, m.start() - 8) : m.start()])[-1]
        out.append((family, number, frozenset(words) - _FILLER))
    return out


def about(context: frozenset[str], header: str) -> bool:
    """Whether the words before an amount name what a column holds (贷 ↔ 单户贷款金额, 营收 ↔ 上年度营业收入)."""
    return bool(context & set(header))


def ranges(text: str) -> list[tuple[Family, float, float]]:
    """The ranges a text states, as [low, high) with the unit of the upper bound carried to the lower."""
    return [(family, low, high) for family, low, high, _ in _ranges_at(text)]


def _ranges_at(text: str) -> list[tuple[Family, float, float, int]]:
    """The ranges a text states, each with where it starts."""
    found: list[tuple[Family, float, float, int]] = []
    pair = re.compile(_NUM + r"\s*(?:" + _UNIT + r")?" + _JOIN + r"(?=\d)")
    for m in pair.finditer(text):
        upper = _AMOUNT.match(text, m.end())
        if upper is None or (value := _value(upper)) is None:
            continue
        family, high = value
        low = float(m.group(1))
        low_value = _value(m) if any(m.group(g) for g in _UNIT_GROUPS) else None
        low = low_value[1] if low_value else low * (high / float(upper.group(1)) if float(upper.group(1)) else 1.0)
        found.append((family, low, high, m.start()))
    for m in _AMOUNT.finditer(text):
        value = _value(m)
        if value is None:
            continue
        family, number = value
        after, before = text[m.end() : m.end() + 6], text[max(0, m.start() - 4) : m.start()]
        if _TAIL_ABOVE.match(after) or _HEAD_ABOVE.search(before):
            found.append((family, number, math.inf, m.start()))
        elif _TAIL_BELOW.match(after) or _HEAD_BELOW.search(before):
            found.append((family, 0.0, number, m.start()))
    return found


# A row's tier as users name it: A类, 乙类, 第三档, 二档, 一等奖, 三星级 — not 哪一档/每一档, which ask.
_LABEL = re.compile(r"[A-Ea-e甲乙丙丁]类|(?<![哪几每各])(?:第?[一二三四五六七八九十\d]{1,2}档|[一二三四五\d]等奖?|[一二三四五\d]星级?)")


def labels(text: str) -> set[str]:
    """The tier labels a text names, as written ("第三档" and "三档" alike)."""
    return {m.group(0).lstrip("第").upper() for m in _LABEL.finditer(text)}


def label_relation(asked: set[str], text: str) -> tuple[float, float]:
    """(names, other): whether `text` names a tier the question names; whether it names only other tiers."""
    if not asked:
        return 0.0, 0.0
    stated = labels(text)
    return float(bool(asked & stated)), float(bool(stated) and not asked & stated)


def relation(asked: list[tuple[Family, float]], text: str, words: Sequence[frozenset[str]] = ()) -> tuple[float, float]:
    """(holds, misses): 1.0 when a range of `text` holds an asked amount; 1.0 when `text` states ranges of
    an asked amount's kind and none holds it. An amount whose preceding `words` name what a range of the
    text measures (新贷了800万 ↔ 单户贷款超过5000万元) is read against those ranges only, and the question's
    other amounts (营收3个亿) not at all; when none does, every amount against every range."""
    if not asked:
        return 0.0, 0.0
    stated = _ranges_at(text)
    bound = [[(f, lo, hi) for f, lo, hi, at in stated if w and about(w, text[max(0, at - _NEAR) : at])]
             for w in [*words, *[frozenset()] * (len(asked) - len(words))][: len(asked)]]
    anything = any(bound)
    holds = misses = False
    for (family, value), own in zip(asked, bound, strict=True):
        if anything and not own:
            continue
        same = [(lo, hi) for f, lo, hi in (own or [(f, lo, hi) for f, lo, hi, _ in stated]) if f == family]
        if any(lo <= value < hi for lo, hi in same):
            holds = True
        elif same:
            misses = True
    return float(holds), float(misses and not holds)
