"""An optional LLM (any OpenAI-compatible server) that rewrites a grounded answer fluently, verified.

The engine has already decided that the question is answerable and retrieved the passages; the LLM only
gets those passages, numbered, and writes a short answer whose sentences carry [n] markers. Each sentence is
checked against the passages it cites (rag.answering.verify) before it is shown. When nothing verified is
left, or the server is slow, failing or absent, the extractive answer stands: the LLM is never required.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from rag.answering.query import Turn
from rag.answering.verify import MARKERS, Checked, NameFinder, check, finished, markers, sentences
from rag.core.types import Answer, Chunk, Citation
from rag.core.zh import char_ngrams, split_sentences

if TYPE_CHECKING:
    from openai import OpenAI

    from rag.core.settings import Settings

log = logging.getLogger(__name__)
SYSTEM = (
    "你是政策文件问答助手。只依据用户消息里编号的原文回答，不使用原文以外的任何知识。"
    "用简短的中文回答（一般不超过150字），每句话末尾用方括号标明所依据原文的编号，如[1]或[1][2]。"
    "数字、年份、百分比、文件名称、文号、地名和机构名称必须与原文一字不差。原文没有的内容不要写。"
)
HISTORY_TURNS = 6
HISTORY_CHARS = 600
PASSAGE_CHARS = 1200


@dataclass(frozen=True)
class Generation:
    """What one LLM call produced: the verified sentences, how many were dropped, and the time spent waiting
    for the server (the rest of the request is the engine's own)."""

    kept: tuple[Checked, ...]
    dropped: int
    waited: float


def passages_of(answer: Answer, limit: int) -> list[Citation]:
    """The passages the LLM is given: the extractive answer's cited ones first (with their quotes), then the
    other retrieved ones, each chunk once."""
    seen: dict[str, Citation] = {}
    for c in answer.citations:
        seen.setdefault(c.chunk.id, c)
    for h in answer.related:
        seen.setdefault(h.chunk.id, Citation(h.chunk, "", h.score))
    return list(seen.values())[:limit]


def prompt(question: str, history: Sequence[Turn], passages: Sequence[Citation]) -> list[dict[str, str]]:
    """The chat messages: instructions, the recent turns, then the numbered passages and the question."""
    numbered = "\n\n".join(
        f"[{n}] {document_of(p.chunk)} › {p.chunk.section}\n{p.chunk.text[:PASSAGE_CHARS]}" for n, p in enumerate(passages, start=1)
    )
    turns = [{"role": t.role, "content": t.content[:HISTORY_CHARS]} for t in history[-HISTORY_TURNS:] if t.content.strip()]
    return [{"role": "system", "content": SYSTEM}, *turns, {"role": "user", "content": f"原文：\n{numbered}\n\n问题：{question}"}]


def document_of(chunk: Chunk) -> str:
    title = str(chunk.meta.get("doc_title") or chunk.doc)
    return title if "《" in title else f"《{title}》"


def best_quote(chunk: Chunk, said: Sequence[str]) -> str:
    """The passage's sentence that shares most with what the generated sentences citing it say."""
    grams = {g for s in said for g in char_ngrams(s)}
    pieces = split_sentences(chunk.text) or [chunk.text]
    return max(pieces, key=lambda s: len(grams.intersection(char_ngrams(s))))


def compose(answer: Answer, passages: Sequence[Citation], kept: Sequence[Checked]) -> Answer:
    """The verified sentences as an answer: markers renumbered in order of first use, one citation each."""
    order: dict[int, int] = {}
    for c in kept:
        for n in c.sources:
            order.setdefault(n, len(order) + 1)
    text = "".join(_renumber(c.text, order) for c in kept)
    citations = []
    for n in order:
        p = passages[n - 1]
        quote = p.quote or best_quote(p.chunk, [c.body for c in kept if n in c.sources])
        citations.append(Citation(p.chunk, quote, p.score))
    return replace(answer, answer=text, citations=tuple(citations), generated_by="llm")


def _renumber(sentence: str, order: dict[int, int]) -> str:
    def one(m: Any) -> str:
        return "".join(f"[{order[n]}]" for n in markers(m.group(0)) if n in order)

    return MARKERS.sub(one, sentence)


class Generator:
    """The configured OpenAI-compatible server, called through the `openai` client."""

    def __init__(self, client: OpenAI, model: str, names: NameFinder, *, timeout: float, passages: int = 5) -> None:
        self.client, self.model, self.names, self.timeout, self.limit = client, model, names, timeout, passages
        self.last: Generation | None = None  # the latest call's figures (the benchmark reads them)

    @classmethod
    def of(cls, settings: Settings, names: NameFinder) -> Generator | None:
        if not settings.llm_base_url:
            return None
        from openai import OpenAI

        # No retries: one slow call already costs the whole timeout, and the extractive answer is ready.
        client = OpenAI(base_url=settings.llm_base_url, api_key=settings.llm_api_key or "EMPTY",
                        timeout=settings.llm_timeout_s, max_retries=0)
        return cls(client, settings.llm_model or "default", names, timeout=settings.llm_timeout_s, passages=settings.llm_passages)

    def reachable(self) -> bool:
        """Whether the server answers its model list (logged at startup; never required)."""
        try:
            self.client.with_options(timeout=min(self.timeout, 3.0)).models.list()
            return True
        except Exception as exc:  # any failure means "not now": the extractive answerer serves
            log.warning("LLM at %s not reachable: %s", self.client.base_url, exc)
            return False

    @staticmethod
    def applies(answer: Answer) -> bool:
        # A refusal or a greeting's help text is never handed to the LLM: it cannot turn either into an answer.
        return answer.answerable and bool(answer.citations) and answer.intent != "chitchat"

    def rewrite(self, question: str, history: Sequence[Turn], answer: Answer) -> Answer:
        """The LLM's verified answer, or `answer` unchanged when nothing verified came back."""
        final = answer
        for item in self.stream(question, history, answer, streaming=False):
            if isinstance(item, Answer):
                final = item
        return final

    def stream(self, question: str, history: Sequence[Turn], answer: Answer, *, streaming: bool = True) -> Iterator[str | Answer]:
        """Verified sentences as they complete (markers already renumbered), then the final Answer: the
        generated one, or the extractive `answer` when no sentence held."""
        if not self.applies(answer):
            yield answer
            return
        passages = passages_of(answer, self.limit)
        texts = [p.chunk.text for p in passages]
        kept: list[Checked] = []
        order: dict[int, int] = {}
        dropped, waited, started = 0, 0.0, time.perf_counter()
        replies = self._sentences(prompt(question, history, passages), streaming, started)
        try:
            while True:
                asked = time.perf_counter()
                sentence = next(replies, None)
                waited += time.perf_counter() - asked
                if sentence is None:
                    break
                checked = check(sentence, texts, self.names)
                if not checked.ok:
                    dropped += 1
                    log.info("LLM sentence dropped (unsupported: %s)", "、".join(checked.unsupported)[:200])
                    continue
                kept.append(checked)
                for n in checked.sources:
                    order.setdefault(n, len(order) + 1)
                if streaming:
                    yield _renumber(checked.text, order)
        except Exception as exc:  # timeout, refused connection, bad reply: keep what verified, else extractive
            log.warning("LLM call failed after %.1f s: %s", time.perf_counter() - started, exc)
        self.last = Generation(tuple(kept), dropped, waited)
        yield compose(answer, passages, kept) if kept else answer

    def _sentences(self, messages: list[dict[str, str]], streaming: bool, started: float) -> Iterator[str]:
        """The reply's sentences; streamed ones as soon as each is complete. Gives up past the timeout."""
        if not streaming:
            reply = self.client.chat.completions.create(model=self.model, messages=cast(Any, messages), temperature=0)
            yield from sentences(reply.choices[0].message.content or "")
            return
        stream = self.client.chat.completions.create(model=self.model, messages=cast(Any, messages), temperature=0, stream=True)
        buffer, sent = "", 0
        with stream:
            for event in stream:
                if time.perf_counter() - started > self.timeout:
                    raise TimeoutError(f"no complete reply within {self.timeout:g} s")
                if event.choices and event.choices[0].delta.content:
                    buffer += event.choices[0].delta.content
                    done = finished(buffer)
                    yield from done[sent:]
                    sent = max(sent, len(done))
        yield from sentences(buffer)[sent:]
