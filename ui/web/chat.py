"""The Gradio app for civil servants: the chat with cited passages and feedback, and the plan's outline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from rag.answering.query import Turn
from rag.core.types import Answer, Chunk
from rag.core.zh import normalize
from rag.engine import Engine
from rag.feedback import Feedback, FeedbackStore
from ui.web.outline_tab import build_outline_tab
from ui.web.render import answer_html
from ui.web.style import COPY_JS, CSS

TITLE = "遵义市“十四五”科技创新发展规划 · 智能问答"
EXAMPLES = [
    "到2025年高新技术企业要达到多少家？",
    "茶产业要重点发展哪些技术？",
    "规划对孵化器有什么支持？",
    "新型研发机构怎么建设？",
]
HISTORY_EXCHANGES = 4
PENDING = "正在检索《规划》原文…"
PLACEHOLDER = (
    "<div class='welcome'><h3>您好！我可以回答关于《遵义市“十四五”科技创新发展规划》的问题。</h3>"
    "<p>每条答案都摘自规划原文，并标注出处（章 › 节 › 专栏）。可以接着追问，例如先问“茶产业要重点发展哪些技术？”，再问“那辣椒呢？”。</p>"
    "<p>点击下面的示例问题开始：</p></div>"
)


@dataclass
class Exchange:
    """A question, the engine's answer to it, and the id of the feedback given on it (if any)."""

    question: str
    answer: Answer
    feedback_id: int | None = None


Exchanges = dict[int, Exchange]  # keyed by the index of the answer's message in the chat


def history_of(exchanges: Exchanges, before: int | None = None) -> list[Turn]:
    """The last few exchanges as engine history, so follow-ups are read against them."""
    keys = sorted(k for k in exchanges if before is None or k < before)[-HISTORY_EXCHANGES:]
    return [t for k in keys for t in (Turn("user", exchanges[k].question), Turn("assistant", exchanges[k].answer.answer))]


class ChatHandlers:
    """The chat's event handlers over one engine and one feedback store."""

    def __init__(self, engine: Engine, store: FeedbackStore) -> None:
        self.engine = engine
        self.store = store

    def context_of(self, chunk: Chunk) -> list[Chunk]:
        """The passages around a cited one: its whole section (its whole table, for a table row)."""
        row = chunk.kind == "table-row"
        return [c for c in self.engine.chunks() if c.doc == chunk.doc and c.section == chunk.section and (c.kind == "table-row") == row]

    def respond(self, message: str, chat: list[dict[str, Any]], exchanges: Exchanges) -> Iterator[tuple[Any, ...]]:
        """Show the question at once with a progress line, then the answer with its citation cards."""
        question = normalize(message or "")
        if not question or len(question) > self.engine.settings.max_question_chars:
            gr.Warning("请输入问题。" if not question else f"问题过长，请控制在 {self.engine.settings.max_question_chars} 字以内。", title="注意")
            yield gr.skip(), gr.skip(), gr.skip()
            return
        chat = [*chat, {"role": "user", "content": question},
                {"role": "assistant", "content": "", "metadata": {"title": PENDING, "status": "pending"}}]
        yield "", chat, exchanges
        answer = self.engine.ask(question, history=history_of(exchanges))
        chat[-1] = {"role": "assistant", "content": answer_html(question, answer, self.context_of, titled=self.engine.several_documents,
                                                                  llm=self.engine.generator is not None)}
        yield "", chat, {**exchanges, len(chat) - 1: Exchange(question, answer)}

    def rate(self, exchanges: Exchanges, data: gr.LikeData) -> tuple[Any, ...]:
        """👍/👎 on an answer: stored at once; clicking the same thumb again takes it back."""
        index = data.index if isinstance(data.index, int) else data.index[0]
        exchange = exchanges.get(index)
        if exchange is None:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        if data.liked == "":
            if exchange.feedback_id is not None:
                self.store.remove(exchange.feedback_id)
                exchange.feedback_id = None
            gr.Info("已撤销评价。", title="提示")
            return exchanges, gr.update(visible=False), "", None
        rating = "up" if data.liked is True else "down"
        if exchange.feedback_id is None:
            context = [t.content for t in history_of(exchanges, before=index) if t.role == "user"]
            exchange.feedback_id = self.store.add(Feedback.of(exchange.question, exchange.answer, rating, context=context))
        else:
            self.store.rate(exchange.feedback_id, rating)
        gr.Info("感谢反馈，已记录。可以在下方补充意见（可选）。", title="提示")
        return exchanges, gr.update(visible=True), "", exchange.feedback_id

    def comment(self, feedback_id: int | None, text: str) -> tuple[Any, ...]:
        """Attach the optional comment to the rating just given."""
        if feedback_id is None:
            gr.Warning("请先在回答下方点“赞”或“踩”。", title="注意")
            return gr.skip(), gr.skip(), gr.skip()
        if not (text or "").strip():
            gr.Warning("意见内容为空。", title="注意")
            return gr.skip(), gr.skip(), gr.skip()
        self.store.comment(feedback_id, text)
        gr.Info("意见已提交，谢谢！", title="提示")
        return gr.update(visible=False), "", None


def _example(data: gr.SelectData) -> str:
    value = data.value
    return str(value.get("text", "")) if isinstance(value, dict) else str(value)


def _reset() -> tuple[Any, ...]:
    return "", [], {}, gr.update(visible=False), "", None


def build_chat(engine: Engine) -> gr.Blocks:
    """The Blocks app (chat, outline and enterprise tabs); built on demand by the server, never at import."""
    handlers = ChatHandlers(engine, FeedbackStore.at(engine.settings))
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        # Styles and the copy-button script travel with the app, whoever mounts it.
        gr.HTML(f"<header class='app-header'><h1>{TITLE}</h1><p>答案均摘自《规划》原文并标注出处；原文没有的内容会明确说明“未找到”。</p></header>",
                head=f"<style>{CSS}</style>", js_on_load=COPY_JS)
        with gr.Tabs():
            with gr.Tab("智能问答", id="chat"):
                _chat_tab(handlers)
            with gr.Tab("规划目录", id="outline"):
                build_outline_tab(engine)
            if hasattr(engine, "match"):  # the enterprise matcher (issue 3) may not be in every build
                from ui.web.enterprise_tab import build_enterprise_tab

                with gr.Tab("企业服务", id="enterprise"):
                    build_enterprise_tab(engine)
    return demo


def _chat_tab(handlers: ChatHandlers) -> None:
    """The conversation, the question box, the optional feedback comment, and their events."""
    chatbot = gr.Chatbot(
        label="对话", elem_id="chat", height="62vh", buttons=[], placeholder=PLACEHOLDER,
        examples=[{"text": q} for q in EXAMPLES], feedback_options=("Like", "Dislike"),
    )
    with gr.Row(equal_height=True):
        box = gr.Textbox(placeholder="请输入您的问题，例如：茶产业要重点发展哪些技术？", show_label=False,
                         elem_id="question", scale=8, max_lines=4, autofocus=True)
        send = gr.Button("提问", variant="primary", elem_id="send", scale=1, min_width=80)
        clear = gr.Button("清空对话", elem_id="clear", scale=1, min_width=80)
    with gr.Row(visible=False, elem_id="comment-row", equal_height=True) as comment_row:
        comment = gr.Textbox(label="补充意见（可选）", placeholder="哪里不对、缺了什么？您的意见将用于完善知识库。",
                             elem_id="comment", scale=8, max_lines=4)
        comment_send = gr.Button("提交意见", elem_id="comment-send", scale=1, min_width=80)
    gr.Markdown("提示：可在每条回答下方点“赞”或“踩”评价，并可补充意见；“复制答案及出处”可将答案连同引用原文复制为文本。",
                elem_classes=["hint"])
    exchanges = gr.State({})
    feedback_id = gr.State(None)

    ask = (handlers.respond, [box, chatbot, exchanges], [box, chatbot, exchanges])
    send.click(*ask)
    box.submit(*ask)
    chatbot.example_select(_example, None, box, queue=False).then(*ask)
    chatbot.like(handlers.rate, [exchanges], [exchanges, comment_row, comment, feedback_id])
    comment_send.click(handlers.comment, [feedback_id, comment], [comment_row, comment, feedback_id])
    comment.submit(handlers.comment, [feedback_id, comment], [comment_row, comment, feedback_id])
    resets = [box, chatbot, exchanges, comment_row, comment, feedback_id]
    clear.click(_reset, None, resets, queue=False)
    chatbot.clear(_reset, None, resets, queue=False)
