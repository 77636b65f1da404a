"""Amounts a question states ("…费用N万", "年薪N万", "不到N万") and the ranges a passage or table
row states ("500万元（含）—1000万元", "2000万元（含）以上", "500万元以下"), so that the row whose range holds
the asked value can be told from its neighbours, which share every word with it."""

from __future__ import annotations

import math
import re
from typing import Literal

Family = Literal["money", "percent", "age"]
_NUM = r"(\d+(?:\.\d+)?)"
_UNIT = r"\s*(?P<pct>%|％|个百分点)|\s*(?P<age>周岁|岁)|(?:个)?\s*(?P<scale>亿|万|千)?\s*(?P<yuan>元|块)?"
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
    if m.group("scale") or m.group("yuan"):  # 万/亿 or 元: money
        return "money", number * _SCALE[m.group("scale")]
    return None


def amounts(question: str) -> list[tuple[Family, float]]:
    """The amounts a question states; "不到500万" is read as just under 500万, "超过5亿" as just over."""
    out: list[tuple[Family, float]] = []
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
        out.append((family, number))
    return out


def ranges(text: str) -> list[tuple[Family, float, float]]:
    """The ranges a text states, as [low, high) with the unit of the upper bound carried to the lower."""
    found: list[tuple[Family, float, float]] = []
    pair = re.compile(_NUM + r"\s*(?:" + _UNIT + r")?" + _JOIN + r"(?=\d)")
    for m in pair.finditer(text):
        upper = _AMOUNT.match(text, m.end())
        if upper is None or (value := _value(upper)) is None:
            continue
        family, high = value
        low = float(m.group(1))
        low_value = _value(m) if any(m.group(g) for g in ("pct", "age", "scale", "yuan")) else None
        low = low_value[1] if low_value else low * (high / float(upper.group(1)) if float(upper.group(1)) else 1.0)
        found.append((family, low, high))
    for m in _AMOUNT.finditer(text):
        value = _value(m)
        if value is None:
            continue
        family, number = value
        after, before = text[m.end() : m.end() + 6], text[max(0, m.start() - 4) : m.start()]
        if _TAIL_ABOVE.match(after) or _HEAD_ABOVE.search(before):
            found.append((family, number, math.inf))
        elif _TAIL_BELOW.match(after) or _HEAD_BELOW.search(before):
            found.append((family, 0.0, number))
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


def relation(asked: list[tuple[Family, float]], text: str) -> tuple[float, float]:
    """(holds, misses): 1.0 when a range of `text` holds an asked amount; 1.0 when `text` states ranges of
    an asked amount's kind and none holds it."""
    if not asked:
        return 0.0, 0.0
    stated = ranges(text)
    holds = misses = False
    for family, value in asked:
        same = [(lo, hi) for f, lo, hi in stated if f == family]
        if any(lo <= value < hi for lo, hi in same):
            holds = True
        elif same:
            misses = True
    return float(holds), float(misses and not holds)
