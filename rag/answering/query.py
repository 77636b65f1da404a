"""Query understanding: abbreviations and synonyms (kept as data), follow-ups resolved from history."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rag.core.data import data_lines
from rag.core.zh import normalize

ELLIPSIS = re.compile(r"^(?:那么?|还有|另外|再问一下)?[，,]?\s*(?P<topic>[^，,？?。]{1,16}?)(?:的呢|呢|怎么样|如何|咋样)[？?。！!]*$")
_YEAR = re.compile(r"(?:19|20)\d\d年?")
ANAPHORA = re.compile(r"这个|那个|这些|那些|该项|上述|(?<!其)它|其中|这方面|同样|这一|此项|前面|这种|那种|这样的|这项|那项|这类|那类"
                      r"|^这|^那(?!么)|上面|刚才|刚刚|[这那][一二两三四五六七八九十几]+[个项类种条家所]")
# "具体有哪些？", "展开说说", "详细一点": more of what was just asked.
ELABORATE = re.compile(r"^(?:那|那么)?(?:能不能|能否|可以|请|麻烦)?(?:再)?(?:具体|详细|展开|细说|仔细)")
FIRST_PERSON = re.compile(r"我|咱|本公司|本企业|本单位")
ASK_WORDS = r"[？?]|吗|什么|哪|多少|几|怎么|如何|是否|有没有|能不能|可不可以|呢"  # what makes a message ask
_ASKING = re.compile(f"{ASK_WORDS}|啥|咋")


@dataclass(frozen=True)
class Turn:
    """One turn of the conversation history."""

    role: str  # "user" | "assistant"
    content: str


class Synonyms:
    """alias → canonical terms, read from a TSV file; longest alias matches first."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = {alias.lower(): terms for alias, terms in table.items()}
        self._pattern = (
            re.compile("|".join(re.escape(a) for a in sorted(table, key=len, reverse=True)), re.IGNORECASE)
            if table
            else None
        )

    @classmethod
    def load(cls, path: Path | None = None) -> Synonyms:
        table: dict[str, list[str]] = {}
        for line in data_lines("synonyms.tsv", path):
            if "\t" in line:
                alias, canon = line.split("\t", 1)
                table[alias.strip()] = [c.strip() for c in canon.split("|") if c.strip()]
        return cls(table)

    def expansions(self, text: str) -> list[str]:
        """Canonical terms for every alias in `text` that the text does not already spell out."""
        if self._pattern is None:
            return []
        found = [t for m in self._pattern.finditer(text) for t in self.table[m.group(0).lower()]]
        return [t for t in dict.fromkeys(found) if t not in text]

    def aliases(self, text: str) -> list[tuple[str, list[str]]]:
        """Each alias found in `text` (longest first, non-overlapping) with its canonical terms."""
        if self._pattern is None:
            return []
        return [(m.group(0), self.table[m.group(0).lower()]) for m in self._pattern.finditer(text)]

    def expand(self, text: str) -> str:
        extra = self.expansions(text)
        return f"{text} {' '.join(extra)}" if extra else text


def user_turns(history: Sequence[Turn]) -> list[str]:
    """What the user said in a conversation, in order (empty turns left out)."""
    return [t.content.strip() for t in history if t.role == "user" and t.content.strip()]


def asks(text: str) -> bool:
    """Whether a turn asks something (a question word or mark), rather than tells."""
    return bool(_ASKING.search(text))


def describes_self(turn: str) -> bool:
    """Whether a user turn tells about the user ("我们是做辣椒深加工的企业") rather than asks."""
    return bool(FIRST_PERSON.search(turn)) and not asks(turn)


def tells_own_story(users: Sequence[str]) -> bool:
    """Whether the last user turn tells, in a conversation where the user has told about themselves
    ("我们是装备制造企业" … "想把研发团队放到成都去"), rather than asks or restates the documents."""
    return bool(users) and not asks(users[-1]) and any(describes_self(u) for u in users[-3:])


def resolve_followup(
    question: str,
    history: Sequence[Turn],
    rank_terms: Callable[[str], list[str]],
    closest: Callable[[list[str], str], str] = lambda terms, topic: terms[0],
    known: Callable[[str], bool] = lambda term: True,
) -> str:
    """Rewrite an elliptical follow-up ("那辣椒呢？", "这个目标是哪年的？") against the last user turn.

    `rank_terms` lists a text's content words, most specific first; `closest` picks which of the
    previous question's terms the elliptical question's new topic replaces; `known` whether any document
    uses a word (one none uses is no topic of its own: "到规划期末要建到几个？").
    """
    previous = (user_turns(history) or [""])[-1]
    if not previous:
        return question
    q = normalize(question)
    m = ELLIPSIS.match(q)
    if m and len(q) <= 20:
        topic = m.group("topic")
        if _YEAR.search(topic):  # "那2020年呢？": the same question about another year (named, or added)
            return _with_year(previous, topic) if _YEAR.search(previous) else f"{previous} {topic}"
        terms = [t for t in rank_terms(previous) if t in previous]
        if terms:
            return previous.replace(_compound(previous, closest(terms, topic), topic, terms), topic, 1)
        return f"{topic} {previous}"
    # What the user just told about themselves is what they ask about next: "我们是做智能终端的" → "有哪些园区可以
    # 依托？". (Joining every earlier self-description too was tried: it drowns the question; so was joining any
    # statement: "规划里提到科技创新券。" → "一张面额多少？" then answers from the stated passage.)
    story = _story(user_turns(history))
    if story:  # "我们是做酒包装的" · "主要做玻璃瓶，给几家酒厂供货" → "有啥能支持我们的？": the whole story
        return f"{story} {q}"
    # A year or a figure is not a topic of its own: "那2020年基数是多少？" asks the previous question's.
    topical = [t for t in rank_terms(q) if known(t) and not (re.fullmatch(r"[\d.]+", t) or _YEAR.fullmatch(t))]
    if ANAPHORA.search(q) or ELABORATE.match(q) or len(q) <= 6 or not topical:
        return f"{_with_year(previous, q)} {q}"  # the message's year, if it names one, replaces the previous question's
    return question


def _compound(previous: str, term: str, topic: str, terms: Sequence[str]) -> str:
    """The span of the previous question a new topic replaces. When the topic ends in the chosen term, that
    term is the head of a compound and the topic swaps its modifier: "应用技术研究…" → "基础研究呢？" replaces
    应用技术研究, not 研究 alone."""
    at = previous.find(term)
    if at <= 0 or topic == term or not topic.endswith(term):
        return term
    before = previous[:at]
    modifier = max((t for t in terms if t != term and before.endswith(t)), key=len, default="")
    return modifier + term


def _story(users: Sequence[str]) -> str:
    """The statements that end the conversation (up to three, no question among them), when one tells about
    the user: the story the next question is about; "" otherwise."""
    told: list[str] = []
    for turn in reversed(users):
        if _asks_in_story(turn) or len(told) == 3:
            break
        told.insert(0, turn)
    return " ".join(told) if any(describes_self(t) for t in told) else ""


# 几 before a noun, in a turn with no question mark, counts rather than asks: "给几家酒厂供货".
_SOME = re.compile(r"几[个家项位种名条款类所台间]?(?=[\u4e00-\u9fff])")


def _asks_in_story(turn: str) -> bool:
    """Whether a turn of a story the user tells asks something (a question mark, or a question word
    other than a counting 几)."""
    return asks(turn) and (bool(re.search(r"[？?]", turn)) or asks(_SOME.sub("", turn)))


def _with_year(previous: str, text: str) -> str:
    """The previous question asked of the year `text` names (unchanged when either names none)."""
    year, before = _YEAR.search(text), _YEAR.search(previous)
    return previous.replace(before.group(0), year.group(0), 1) if year and before else previous


_ASKS = re.compile(r"多少|几|哪|什么|吗|呢|是否|如何|怎么")


def split_compound(question: str) -> list[str]:
    """A question that asks two things ("2019年研发经费是多少，2025年目标又是多少？") as its parts;
    a part without a topic of its own borrows the first part's opening words."""
    text = normalize(question)
    parts = [p for p in re.split(r"[？?]", text) if p.strip()]
    if len(parts) < 2:
        parts = [p for p in re.split(r"[，,；;]", text) if p.strip()]
        if len(parts) < 2 or sum(bool(_ASKS.search(p)) for p in parts) < 2:
            return distribute(question)
    asking, context = [], ""
    for part in (p.strip() for p in parts):
        if _ASKS.search(part):
            asking.append(f"{context}{part}")
            if len(asking) == 1:  # what the user states before asking ("我们营收6个亿，…能申请吗？") holds for every part
                context += _stated(part)
        else:
            context += f"{part} "  # a leading topic ("研发投入强度，…") belongs to every part
    return asking if len(asking) > 1 else distribute(question)


def _stated(part: str) -> str:
    """The clauses of a question part before its first asking clause: facts the user gives."""
    clauses = re.split(r"(?<=[，,；;])", part)
    given = ""
    for clause in clauses[:-1]:
        if _ASKS.search(clause):
            break
        given += clause
    return given


_EACH = re.compile(r"各自|分别|各(?=[有是选拿提要占])")
_STOPS_BEFORE = set("在对把给从向里的，,、和与及：:")
_STOPS_AFTER = set("在的里，,、各分都")


def distribute(question: str) -> list[str]:
    """"茶和辣椒在采摘环节各自提了什么？" asks the same of two things: one question for each
    (茶在采摘环节提了什么？ / 辣椒在采摘环节提了什么？). Figures (2020年和2025年分别…) stay together:
    one table row states both."""
    text = normalize(question)
    each = _EACH.search(text)
    joints = list(re.finditer(r"[和与及、]", text[: each.start()])) if each else []
    if not each or not joints:
        return [question]
    joint = joints[-1].start()
    start, end = joint, joint + 1
    while start > 0 and text[start - 1] not in _STOPS_BEFORE:
        start -= 1
    while end < each.start() and text[end] not in _STOPS_AFTER:
        end += 1
    first, second = text[start:joint], text[joint + 1 : end]
    if not (0 < len(first) <= 12 and 0 < len(second) <= 12) or re.search(r"\d", first + second):
        return [question]
    rest = text[end : each.start()] + _EACH.sub("", text[each.start() :], count=1)
    return [f"{text[:start]}{first}{rest}", f"{text[:start]}{second}{rest}"]
