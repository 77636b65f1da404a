"""Decline what is not a question about the documents: prompt injections and off-topic requests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rag.core.data import data_lines
from rag.core.zh import normalize


def decline_injection(source: str) -> str:
    """The reply to a request that tries to change the assistant's rules or dump the knowledge base."""
    return f"这个请求试图更改系统设定或导出知识库内容，无法处理。我只能根据{source}的原文回答有关问题。"


def decline_offtopic(source: str) -> str:
    """The reply to a question the documents have nothing to do with."""
    return f"这个问题不在{source}的范围内，我只能回答与{source}内容有关的问题。"


@dataclass(frozen=True)
class Verdict:
    """Which rule a message trips: "injection" (always declined), "offtopic" or "suspect" (declined only
    when nothing answers), or "" for none."""

    kind: str


class Guard:
    """Regular-expression rules kept as data (rag/data/guard.tsv)."""

    def __init__(self, rules: list[tuple[str, re.Pattern[str]]]) -> None:
        self.rules = rules

    @classmethod
    def load(cls, path: Path | None = None) -> Guard:
        rules = []
        for line in data_lines("guard.tsv", path):
            kind, pattern = line.split("\t", 1)
            rules.append((kind.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
        return cls(rules)

    def check(self, question: str) -> Verdict:
        text = normalize(question)
        for kind, pattern in self.rules:
            if kind in ("injection", "offtopic", "suspect") and pattern.search(text):
                return Verdict(kind)
        return Verdict("")

    def asks_for_name(self, question: str) -> bool:
        """Whether the question asks for a name (叫什么名字, 是哪个单位, 具体是哪几家企业)."""
        text = normalize(question)
        return any(kind == "name" and pattern.search(text) for kind, pattern in self.rules)

    def asks_where(self, question: str) -> bool:
        """Whether the question asks where in the document something is (第几章, 属于哪部分)."""
        text = normalize(question)
        return any(kind == "locate" and pattern.search(text) for kind, pattern in self.rules)

    def asked_attributes(self, question: str) -> list[str]:
        """Specific kinds of information asked for (a phone number, a deadline, an amount …)."""
        text = normalize(question)
        return [m.group(0) for kind, pattern in self.rules if kind == "attribute" for m in pattern.finditer(text)]
