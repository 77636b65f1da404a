"""Answers and plan text as HTML for the chat: [n] markers, citation cards, highlighted quotes, tables.

Everything here is a pure function of engine types, so it is tested without a browser. The HTML stays on
one line: the chatbot runs messages through Markdown, and a blank line would end a raw HTML block.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from rag.core.types import Answer, Chunk, Citation
from rag.core.zh import split_clauses
from rag.ingest.chunking import PATH_SEP

NOT_FOUND = "未找到"
DECLINED = "无法回答"
COPY_LABEL = "复制答案及出处"
MIN_PIECE = 4
PLAN_TITLE = "遵义市“十四五”科技创新发展规划"
_MARKER = re.compile(r"\[(\d{1,2})\]")

ContextOf = Callable[[Chunk], Sequence[Chunk]]


GENERATED_NOTE = "由大模型依据引用原文生成，句中数字与名称已逐句核对原文"
EXTRACTED_NOTE = "原文摘录"


def answer_html(question: str, answer: Answer, context_of: ContextOf, *, titled: bool = False, llm: bool = False) -> str:
    """One chat bubble: the answer (or the plain 未找到 notice) and the cited passages as cards (each
    naming its document when `titled`, i.e. when the knowledge base holds several). With an LLM
    configured (`llm`), a line says which of the two wrote the answer."""
    if answer.answerable or answer.intent == "chitchat":  # a greeting's help reply is shown as text
        head = f"<div class='answer-text'>{_paragraphs(answer.answer, markers=answer.answerable)}</div>"
        if answer.generated_by == "llm" or (llm and answer.answerable):
            note = GENERATED_NOTE if answer.generated_by == "llm" else EXTRACTED_NOTE
            head += f"<div class='answer-by answer-by-{answer.generated_by}'>{note}</div>"
        title = "引用原文"
    else:
        label = NOT_FOUND if answer.citations else DECLINED
        head = f"<div class='notice'><p><b class='notice-tag'>{label}</b>{html.escape(answer.answer)}</p></div>"
        title = "相关内容"
    cards = "".join(
        card_html(c, n if answer.answerable else 0, context_of(c.chunk), titled=titled) for n, c in enumerate(answer.citations, start=1)
    )
    cites = f"<div class='cites'><div class='cites-title'>{title}</div>{cards}</div>" if cards else ""
    # Chat HTML is sanitised (data-* attributes and inline handlers go), so the text to copy rides in a
    # hidden element that the page's copy script reads.
    copy = f"<span class='copy-text'>{_lines(copy_text(question, answer))}</span>"
    tools = f"<div class='answer-tools'><button type='button' class='copy-answer'>{COPY_LABEL}</button>{copy}</div>"
    kind = "ok" if answer.answerable else "help" if answer.intent == "chitchat" else "notfound" if answer.citations else "declined"
    return f"<div class='answer answer-{kind}'>{head}{cites}{tools}</div>"


def card_html(citation: Citation, n: int, context: Sequence[Chunk], *, titled: bool = False) -> str:
    """A cited passage: its document (when `titled`), section path, the text with the quote marked, and
    its surrounding section."""
    chunk = citation.chunk
    marker = f"<span class='card-n'>[{n}]</span>" if n else ""
    doc = f"<div class='card-doc'>{html.escape(document_name(chunk))}</div>" if titled else ""
    page = f"<span class='card-page'>{chunk.page_label}</span>" if chunk.page_label else ""
    path = f"{doc}<div class='card-path'>{marker}{path_html(chunk.section)}{page}</div>"
    if chunk.kind == "table-row":
        quote = f"<div class='card-quote'><mark>{html.escape(citation.quote)}</mark></div>" if citation.quote else ""
        body = quote + table_html([chunk], marked=chunk.id)
        around = table_html(context or [chunk], marked=chunk.id)
    else:
        body = f"<div class='card-text'>{highlight(chunk.text, citation.quote)}</div>"
        around = "".join(
            f"<p class='{'ctx-cited' if c.id == chunk.id else 'ctx'}'>"
            f"{highlight(c.text, citation.quote) if c.id == chunk.id else html.escape(c.text)}</p>"
            for c in (context or [chunk])
        )
    where = f"本节全文，{chunk.page_label}" if chunk.page_label else "本节全文"
    details = f"<details class='card-context'><summary>查看上下文（{where}）</summary><div class='ctx-body'>{around}</div></details>"
    return f"<div class='card'>{path}{body}{details}</div>"


def path_html(section: str) -> str:
    """章 › 节 › 专栏 breadcrumb, each step in its own span."""
    steps = [f"<span class='step'>{html.escape(s)}</span>" for s in section.split(PATH_SEP)]
    return "<span class='sep'> › </span>".join(steps)


def highlight(text: str, *quotes: str) -> str:
    """Escaped text with the quoted sentences marked; a trimmed quote is marked clause by clause."""
    spans = _merge([span for quote in quotes for span in _quote_spans(text, quote)])
    out, at = [], 0
    for start, end in spans:
        out.append(html.escape(text[at:start]) + "<mark>" + html.escape(text[start:end]) + "</mark>")
        at = end
    return "".join(out) + html.escape(text[at:])


def _quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    quote = quote.strip().rstrip("。；，")
    if not quote:
        return []
    if quote in text:
        start = text.index(quote)
        return [(start, start + len(quote))]
    spans = []
    for piece in split_clauses(quote):
        piece = piece.rstrip("。；，、：")
        at = text.find(piece)
        if len(piece) >= MIN_PIECE and at >= 0:
            spans.append((at, at + len(piece)))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def table_html(rows: Sequence[Chunk], *, marked: str = "") -> str:
    """Table-row chunks as a real table, columns from their fields in order; row `marked` highlighted."""
    columns = list(dict.fromkeys(k for r in rows for k in r.meta.get("fields", {})))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        ("<tr class='row-cited'>" if r.id == marked else "<tr>")
        + "".join(f"<td>{html.escape(str(r.meta.get('fields', {}).get(c, '')))}</td>" for c in columns)
        + "</tr>"
        for r in rows
    )
    return f"<table class='plan-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def copy_text(question: str, answer: Answer) -> str:
    """The answer with its citations as plain text, for pasting into a document or a message."""
    lines = [f"问：{question}", f"答：{answer.answer}"]
    if answer.citations:
        lines += ["", "出处：" if answer.answerable else "相关内容："]
        for n, c in enumerate(answer.citations, start=1):
            lines.append(f"[{n}] {c.chunk.section}" + (f"（{c.chunk.page_label}）" if c.chunk.page_label else ""))
            lines.append(f"“{c.quote or c.chunk.text}”")
    sources = "；".join(dict.fromkeys(document_name(c.chunk) for c in answer.citations)) or f"《{PLAN_TITLE}》"
    lines += ["", f"——{sources}（知识库版本 {answer.kb_version}）"]
    return "\n".join(lines)


def document_name(chunk: Chunk) -> str:
    """The chunk's document as a reader cites it: 《title》 and its 文号 when it has one."""
    title = str(chunk.meta.get("doc_title") or PLAN_TITLE)
    number = str(chunk.meta.get("doc_number") or "")
    name = title if "《" in title else f"《{title}》"  # 关于印发《…》的通知 is already marked
    return f"{name}（{number}）" if number else name


def _paragraphs(text: str, *, markers: bool = False) -> str:
    parts = []
    for line in text.split("\n"):
        escaped = html.escape(line)
        if markers:
            escaped = _MARKER.sub(r"<sup class='ref'>[\1]</sup>", escaped)
        parts.append(f"<p>{escaped}</p>")
    return "".join(parts)


def _lines(value: str) -> str:
    """Escaped text whose newlines survive as character references (a blank line would end the HTML block)."""
    return html.escape(value).replace("\n", "&#10;")
