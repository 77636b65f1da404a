"""Decline what is not a question about the documents: prompt injections and off-topic requests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rag.core.data import data_path
from rag.core.zh import normalize

DECLINE_INJECTION = "这个请求与《规划》内容无关或试图更改系统设定，无法处理。我只能根据《规划》原文回答有关问题。"
DECLINE_OFFTOPIC = "这个问题不在《规划》的范围内，我只能回答与遵义市“十四五”科技创新发展规划有关的问题。"


@dataclass(frozen=True)
class Verdict:
    """Why a question is declined ("injection" | "offtopic"), or kind "" when it may be answered."""

    kind: str
    message: str = ""


class Guard:
    """Regular-expression rules kept as data (rag/data/guard.tsv)."""

    def __init__(self, rules: list[tuple[str, re.Pattern[str]]]) -> None:
        self.rules = rules

    @classmethod
    def load(cls, path: Path | None = None) -> Guard:
        path = path or data_path("guard.tsv")
        rules = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                kind, pattern = line.split("\t", 1)
                rules.append((kind.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
        return cls(rules)

    def check(self, question: str) -> Verdict:
        text = normalize(question)
        for kind, pattern in self.rules:
            if kind in ("injection", "offtopic") and pattern.search(text):
                return Verdict(kind, DECLINE_INJECTION if kind == "injection" else DECLINE_OFFTOPIC)
        return Verdict("")

    def asks_for_name(self, question: str) -> bool:
        """Whether the question asks for a name (叫什么名字, 是哪个单位, 具体是哪几家企业)."""
        text = normalize(question)
        return any(kind == "name" and pattern.search(text) for kind, pattern in self.rules)

    def asked_attributes(self, question: str) -> list[str]:
        """Specific kinds of information asked for (a phone number, a deadline, an amount …)."""
        text = normalize(question)
        return [m.group(0) for kind, pattern in self.rules if kind == "attribute" for m in pattern.finditer(text)]
