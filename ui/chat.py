"""The Gradio chat for civil servants: answers with [n] markers and the cited passages under them."""

from __future__ import annotations

import html
from typing import Any

from rag.engine import Engine
from rag.query import Turn
from rag.types import Answer

EXAMPLES = ["高企到2025年要达到多少家？", "茶产业要重点发展哪些技术？", "研发投入强度的目标是多少？", "规划对孵化器有什么支持？"]


def render_citations(answer: Answer) -> str:
    """Citation cards as HTML: section path, the passage with the quoted sentence highlighted."""
    if not answer.citations:
        return ""
    title = "引用原文" if answer.answerable else "相关内容"
    cards = []
    for n, c in enumerate(answer.citations, start=1):
        text = html.escape(c.chunk.text)
        if c.quote and html.escape(c.quote) in text:
            text = text.replace(html.escape(c.quote), f"<mark>{html.escape(c.quote)}</mark>", 1)
        marker = f"[{n}] " if answer.answerable else ""
        cards.append(
            f"<details class='cite' open><summary>{marker}{html.escape(c.chunk.section)}</summary><p>{text}</p></details>"
        )
    return f"<div class='cites'><b>{title}</b>{''.join(cards)}</div>"


def to_history(messages: list[dict[str, Any]]) -> list[Turn]:
    """Chat messages as engine history turns (citation HTML stripped from answers)."""
    turns = []
    for m in messages:
        content = m.get("content")
        if isinstance(content, str):
            turns.append(Turn(m["role"], content.split("<div class='cites'>")[0]))
    return turns[-8:]


def build_chat(engine: Engine) -> Any:
    """The Blocks app; built on demand, never at import."""
    import gradio as gr

    def respond(message: str, messages: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
        question = (message or "").strip()
        if not question:
            return "", [*messages, {"role": "assistant", "content": "请输入问题。"}]
        if len(question) > 1000:
            return "", [*messages, {"role": "assistant", "content": "问题过长，请控制在 1000 字以内。"}]
        answer = engine.ask(question, history=to_history(messages))
        content = answer.answer + "\n\n" + render_citations(answer)
        return "", [*messages, {"role": "user", "content": question}, {"role": "assistant", "content": content}]

    with gr.Blocks(title="遵义市“十四五”科技创新规划问答") as demo:
        gr.Markdown("## 遵义市“十四五”科技创新发展规划 · 智能问答\n答案均摘自《规划》原文，并标注出处。")
        chatbot = gr.Chatbot(label="对话", height=520, elem_id="chat")
        box = gr.Textbox(placeholder="请输入您的问题，例如：高企到2025年要达到多少家？", label="问题", elem_id="question")
        with gr.Row():
            send = gr.Button("提问", variant="primary", elem_id="send")
            clear = gr.Button("清空对话", elem_id="clear")
        gr.Examples(EXAMPLES, inputs=box, label="示例问题")
        send.click(respond, [box, chatbot], [box, chatbot])
        box.submit(respond, [box, chatbot], [box, chatbot])
        clear.click(lambda: ("", []), None, [box, chatbot])
    return demo
