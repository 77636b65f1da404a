"""Follow-ups that point at the place the previous answer came from ("这个专栏里有没有提酒糟？", "对应哪个专栏？",
"这一章还讲了什么？"): the pointer is replaced by that place's own heading, found from the previous answer's
first citation, so that retrieval reaches the place and not every passage that says 专栏."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from rag.answering.query import Turn
from rag.core.types import Chunk
from rag.core.zh import normalize, squeeze

# A pointer: a demonstrative (这个专栏) or a question about the place something said belongs to (对应哪个专栏, 写在哪个专栏).
# So is the corresponding one (对应专栏里…) and a bare level word opening the message ("专栏里还提了什么？").
POINTER = re.compile(r"(?:这个|这一|该|此|那个|上述|刚才的?|上面的?|(?<=[应属于自在出])(?:的是|的)?哪一?个|(?<!应)(?:对应|相应)的?"
                     r"|^(?=(?:专栏|章|节)[里中内]))(?P<level>专栏|章|节|部分)")
_OPENING = re.compile(r"^(?:根据《[^》]*》，|《[^》]*》提到：)")
_MARKER = re.compile(r"\[\d+\]")
_PROBE = 16  # characters of a quote that identify its passage
EARLIER = 3  # the answers a pointer may mean, latest first


class Places:
    """Finds a previous answer's passage among the chunks and names the place a pointer means."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = list(chunks)
        self._text = [squeeze(c.text) for c in self.chunks]

    def cited(self, answer: str) -> Chunk | None:
        """The passage an answer's first quote comes from (quotes are verbatim; a 专栏 quote opens with its
        title, a list answer with its number)."""
        first = _MARKER.split(_OPENING.sub("", normalize(answer).strip()), 1)[0]
        first = re.sub(r"^\d+[.．]\s*", "", first)
        for start in [0, *[m.end() for m in re.finditer("：", first)][:2]]:
            probe = squeeze(first[start:])[:_PROBE]
            if len(probe) < 6:
                continue
            found = [c for c, t in zip(self.chunks, self._text, strict=True) if probe in t]
            if found:
                return found[0]
        return None

    def heading(self, chunk: Chunk, level: str) -> str:
        """The heading a pointer of `level` means for a passage: its chapter (章), its second level (节), its
        own section (部分), or the 专栏 it is or that its section holds."""
        steps = chunk.section.split(" › ")
        if level == "章":
            return steps[0]
        if level == "节":
            return steps[1] if len(steps) > 1 else steps[0]
        if level == "部分" or chunk.kind == "column":
            return steps[-1]
        for depth in (len(steps), len(steps) - 1):
            prefix = " › ".join(steps[:depth]) + " › "
            columns = [c for c in self.chunks if c.kind == "column" and c.doc == chunk.doc and c.section.startswith(prefix)]
            if columns:
                return columns[0].title
        return ""

    def resolve(self, message: str, history: Sequence[Turn], previous: Callable[[], str] | None = None) -> str:
        """`message` with its pointer replaced by the heading it means, when the previous answer (the last
        assistant turn, else `previous()`, the previous question answered again) cites a passage. A 专栏 the
        previous answer's passage has none of is the one an earlier answer quoted ("我们做辣椒酱的" → 专栏 → "规划
        对辣椒有什么安排？" → a sentence of another chapter → "专栏里跟加工相关的有哪些？")."""
        m = POINTER.search(normalize(message))
        if m is None or not any(t.role == "user" for t in history):
            return message
        title = ""
        for answer in self._answers(history, previous):
            chunk = self.cited(answer)
            title = self.heading(chunk, m.group("level")) if chunk else ""
            if title:
                break
        if not title:
            return message
        text = normalize(message)
        return f"{text[: m.start()]}{title}{text[m.end():]}"

    @staticmethod
    def _answers(history: Sequence[Turn], previous: Callable[[], str] | None) -> Iterator[str]:
        """The earlier answers, latest first, up to `EARLIER` of them: the last reply (or `previous()` when the
        client sent only the user's turns), then the replies before it."""
        reply = history[-1].content if history[-1].role == "assistant" else ""
        last = reply if reply.strip() else previous() if previous else ""
        if last:
            yield last
        earlier = [t.content for t in history[:-1] if t.role == "assistant" and t.content.strip()]
        yield from reversed(earlier[-(EARLIER - 1):])
