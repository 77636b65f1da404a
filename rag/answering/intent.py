"""What kind of answer a question wants: a number, a list, yes/no, eligibility, or a fact."""

from __future__ import annotations

import re
from typing import Literal

Intent = Literal["eligibility", "list", "number", "yesno", "fact"]

_RULES: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    ("eligibility", re.compile(r"(我们|我司|本公司|咱们|我们厂|我厂|我公司|我单位|我们单位|我们是|我是做|我们做|我家).{0,40}(方向|适用|对得上|对应|相关|支持|沾边|享受|哪些|什么|能不能|可以|机会|政策|扶持|有没有)")),
    ("list", re.compile(r"哪几|哪些|哪两|哪三|哪四")),  # "哪几个领域" asks for items, not a count
    ("number", re.compile(r"多少|几个|几家|几项|几件|几人|几成|比例|比重|占比|百分之|多少钱|金额|数量|规模|几倍|多大|多高|多少亿|达到.{0,6}[吗？?]|目标值|基数|基期")),
    ("yesno", re.compile(r"吗[？?]?$|是否|是不是|有没有|能不能|可不可以|算不算|会不会|要不要|提没提|提到过?.{0,8}[吗？?]")),
    ("list", re.compile(r"哪些|哪几|有什么|有啥|包括|包含|列举|列出|清单|都有|重点技术|技术方向|重点方向|发展重点|主要任务|几大")),
)


def classify(question: str) -> Intent:
    """The first matching kind in the order above; "fact" when none matches."""
    for kind, pattern in _RULES:
        if pattern.search(question):
            return kind
    return "fact"
