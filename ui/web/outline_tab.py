"""The outline tab: the plan's table of contents (部分 › 章 › 节 › 专栏 › 表); click a heading to read it in full."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import gradio as gr

from rag.core.types import Chunk
from rag.engine import Engine
from rag.ingest.chunking import PATH_SEP
from ui.web.render import table_html

_CHAPTER = re.compile(r"^第[一二三四五六七八九十百]+章")


@dataclass(frozen=True)
class TocEntry:
    """One heading of the outline: its full path (部分 first), depth and kind."""

    path: tuple[str, ...]
    kind: str  # "part" | "chapter" | "section" | "column" | "table"

    @property
    def title(self) -> str:
        return self.path[-1]

    @property
    def depth(self) -> int:
        return len(self.path) - 1


def chunk_path(chunk: Chunk) -> tuple[str, ...]:
    """The chunk's full outline path (the citation label leaves out the 部分)."""
    return tuple(chunk.meta.get("path") or chunk.section.split(PATH_SEP))


def build_toc(chunks: Sequence[Chunk]) -> list[TocEntry]:
    """Every heading in reading order; a table stands as the last entry under the section that holds it."""
    tree: dict[str, Any] = {}
    tables: set[tuple[str, ...]] = set()
    for chunk in chunks:
        node = tree
        for step in chunk_path(chunk):
            node = node.setdefault(step, {})
        if chunk.kind == "table-row":
            tables.add(chunk_path(chunk))
    entries: list[TocEntry] = []

    def walk(node: dict[str, Any], prefix: tuple[str, ...]) -> None:
        for title, children in node.items():
            path = (*prefix, title)
            entries.append(TocEntry(path, _kind(path, path in tables)))
            walk(children, path)

    walk(tree, ())
    return entries


def _kind(path: tuple[str, ...], is_table: bool) -> str:
    title = path[-1]
    if is_table:
        return "table"
    if title.startswith("专栏"):
        return "column"
    if len(path) == 1 and ("部分" in title or title == "前言"):
        return "part"
    return "chapter" if _CHAPTER.match(title) else "section"


def read_html(chunks: Sequence[Chunk], toc: Sequence[TocEntry], path: tuple[str, ...]) -> str:
    """A heading's full text, its subsections and tables included, in reading order."""
    order = {e.path: n for n, e in enumerate(toc)}
    kinds = {e.path: e.kind for e in toc}
    inside = [c for c in chunks if chunk_path(c)[: len(path)] == path]
    groups: dict[tuple[str, ...], list[Chunk]] = {}
    for chunk in sorted(inside, key=lambda c: order.get(chunk_path(c), len(order))):
        groups.setdefault(chunk_path(chunk), []).append(chunk)
    parts = [f"<div class='reader-path'>{html.escape(PATH_SEP.join(path))}</div><h2>{html.escape(path[-1])}</h2>"]
    written = {path}
    for sub, members in groups.items():
        # Headings between the one clicked and this group's own, so nested sections read as a document.
        for depth in range(len(path) + 1, len(sub) + 1):
            if sub[:depth] not in written:
                written.add(sub[:depth])
                level = min(depth - len(path) + 2, 5)
                parts.append(f"<h{level}>{html.escape(sub[depth - 1])}</h{level}>")
        if kinds.get(sub) == "table":
            parts.append(table_html(members))
        else:
            parts.extend(f"<p>{html.escape(line)}</p>" for c in members for line in c.text.split("\n") if line.strip())
    if len(parts) == 1:
        parts.append("<p class='muted'>本节没有正文。</p>")
    return f"<article class='reader'>{''.join(parts)}</article>"


def intro_html(title: str, toc: Sequence[TocEntry]) -> str:
    count = {k: sum(e.kind == k for e in toc) for k in ("chapter", "column", "table")}
    counted = "、".join(f"{count[k]} {unit}" for k, unit in (("chapter", "章"), ("column", "个专栏"), ("table", "张表")) if count[k])
    name = title if "《" in title else f"《{title}》"
    return (
        f"<article class='reader'><h2>{html.escape(name)}目录</h2>"
        + (f"<p>全文共 {counted}。</p>" if counted else "")
        + "<p>点击左侧目录中的任一标题，即可在此阅读该部分的完整原文，表格按原表展示。</p></article>"
    )


class Outlines:
    """Each document's chunks and table of contents, for the live knowledge-base version (rebuilt when it
    changes, so an uploaded document appears without a restart)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._version = ""
        self._docs: dict[str, tuple[str, list[Chunk], list[TocEntry]]] = {}

    def documents(self) -> dict[str, tuple[str, list[Chunk], list[TocEntry]]]:
        if self._version != self.engine.kb_version or not self._docs:
            grouped: dict[str, list[Chunk]] = {}
            for chunk in self.engine.chunks():
                grouped.setdefault(chunk.doc, []).append(chunk)
            self._docs = {doc: (str(cs[0].meta.get("doc_title") or doc), cs, build_toc(cs)) for doc, cs in grouped.items()}
            self._version = self.engine.kb_version
        return self._docs

    def choices(self) -> list[tuple[str, str]]:
        return [(title, doc) for doc, (title, _, _) in self.documents().items()]


def build_outline_tab(engine: Engine) -> None:
    """The tab's components and events; call inside a `gr.Tab` context. One document's outline at a time
    (a picker when there are several), its buttons made when shown: a hundred documents' headings as
    components at startup took seconds and grew with the corpus."""
    outlines = Outlines(engine)
    choices = outlines.choices()
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=300, elem_id="toc"):
            picker = gr.Dropdown(choices=choices, value=choices[0][1] if choices else None, label="文档",
                                 visible=len(choices) > 1, elem_id="toc-doc")

            @gr.render(inputs=picker)
            def headings(doc: str | None) -> None:
                docs = outlines.documents()
                if doc not in docs:
                    return
                _, chunks, toc = docs[doc]
                for entry in toc:
                    button = gr.Button(entry.title, size="sm", elem_classes=["toc-item", f"toc-{entry.kind}", f"toc-d{entry.depth}"])
                    button.click(partial(read_html, chunks, toc, entry.path), None, reader, show_progress="hidden", queue=False)

        with gr.Column(scale=3, min_width=400):
            first = outlines.documents().get(choices[0][1]) if choices else None
            reader = gr.HTML(intro_html(first[0], first[2]) if first else "", elem_id="reader", js_on_load=None)

    def show_intro(doc: str | None) -> str:
        entry = outlines.documents().get(doc or "")
        return intro_html(entry[0], entry[2]) if entry else ""

    picker.change(show_intro, picker, reader, show_progress="hidden", queue=False)
