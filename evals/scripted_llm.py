"""A scripted OpenAI-protocol server, for testing the optional LLM backend over real HTTP without an LLM.

It reads the numbered passages and the question from the prompt the engine sends and replies in one of a
few behaviours: `honest` restates the sentence of passage [1] that fits the question best and cites [1];
the `liar-*` behaviours add what the passages do not say (a changed figure, an invented document name or
place, a passage number that was not given, an extra invented sentence); `hang` never answers in time.
Used by tests/test_llm.py, and by evals/llm_check.py to measure how many lies the verification catches.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

from rag.core.zh import char_ngrams, split_sentences

PASSAGE = re.compile(r"^\[(\d+)\] [^\n]*\n(.*?)(?=\n\n\[\d+\] |\n\n问题：)", re.S | re.M)
LIES = ("liar-number", "liar-name", "liar-place", "liar-marker", "liar-extra")
INVENTED_NAME = "《关于加快建设区域科技创新高地的若干意见》"
INVENTED_PLACE = "杭州市"
INVENTED_EXTRA = "另安排专项资金6800万元"


@dataclass
class Script:
    """The server's behaviour (changeable between requests) and the requests it received."""

    mode: str = "honest"
    hang_seconds: float = 60.0
    requests: list[dict[str, Any]] = field(default_factory=list)


def parse(prompt: str) -> tuple[dict[int, str], str]:
    """The numbered passages' texts and the question, as the engine's prompt lays them out."""
    passages = {int(m.group(1)): m.group(2).strip() for m in PASSAGE.finditer(prompt)}
    question = prompt.rsplit("问题：", 1)[-1].strip()
    return passages, question


def honest_sentence(passage: str, question: str) -> str:
    grams = set(char_ngrams(question))
    pieces = split_sentences(passage) or [passage]
    best = max(pieces, key=lambda s: len(grams.intersection(char_ngrams(s))))
    return best.rstrip("。；;！？!?，, ")


def reply(mode: str, prompt: str) -> str:
    """What the scripted model writes for a prompt."""
    passages, question = parse(prompt)
    if not passages:
        return "没有提供原文。"
    said = honest_sentence(passages[min(passages)], question)
    if mode == "liar-number":
        m = re.search(r"\d+(?:\.\d+)?", said)
        lie = (said[: m.start()] + _shifted(m.group(0)) + said[m.end():]) if m else said + "，总投资38.6亿元"
        return f"{lie}[1]。"
    if mode == "liar-name":
        return f"{said}，依据{INVENTED_NAME}[1]。"
    if mode == "liar-place":
        return f"{said}，并在{INVENTED_PLACE}设立分中心[1]。"
    if mode == "liar-marker":
        return f"{said}[{len(passages) + 4}]。"
    if mode == "liar-extra":
        return f"{said}[1]。{INVENTED_EXTRA}[1]。"
    return f"{said}[1]。"


def _shifted(number: str) -> str:
    return str(round(float(number) + 7, 2)).removesuffix(".0") if "." in number else str(int(number) + 7)


def lie_of(mode: str, prompt: str) -> str:
    """The invented claim a liar put in (for checking that it was not shown)."""
    passages, question = parse(prompt)
    said = honest_sentence(passages[min(passages)], question) if passages else ""
    if mode == "liar-number":  # with the words before it: the bare number may be stated elsewhere, truly
        m = re.search(r"\d+(?:\.\d+)?", said)
        return said[max(0, m.start() - 6) : m.start()] + _shifted(m.group(0)) if m else "38.6亿元"
    return {"liar-name": INVENTED_NAME, "liar-place": INVENTED_PLACE, "liar-extra": INVENTED_EXTRA}.get(mode, f"[{len(passages) + 4}]")


def build_app(script: Script) -> FastAPI:
    app = FastAPI()

    @app.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": "scripted", "object": "model", "created": 0, "owned_by": "tests"}]}

    @app.post("/v1/chat/completions", response_model=None)
    async def complete(request: Request) -> JSONResponse | StreamingResponse:
        body = await request.json()
        script.requests.append(body)
        mode = script.mode
        if mode == "hang":
            await asyncio.sleep(script.hang_seconds)
        text = reply(mode, str(body["messages"][-1]["content"]))
        created = int(time.time())
        if not body.get("stream"):
            return JSONResponse({
                "id": "chatcmpl-scripted", "object": "chat.completion", "created": created, "model": body.get("model", "scripted"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": len(text), "total_tokens": 1 + len(text)},
            })

        async def events() -> AsyncIterator[str]:
            def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
                return "data: " + json.dumps({"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": created,
                                              "model": "scripted", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]},
                                             ensure_ascii=False) + "\n\n"

            yield chunk({"role": "assistant", "content": ""})
            for i in range(0, len(text), 4):  # a few characters at a time, as real servers stream tokens
                yield chunk({"content": text[i : i + 4]})
                await asyncio.sleep(0)
            yield chunk({}, "stop")
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


@dataclass(frozen=True)
class Running:
    base_url: str
    script: Script


@contextmanager
def scripted_llm(mode: str = "honest", *, port: int = 0, hang_seconds: float = 60.0) -> Iterator[Running]:
    """The scripted server on loopback in a thread; yields its base URL (…/v1) and its script."""
    import socket

    import uvicorn

    if not port:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
    script = Script(mode=mode, hang_seconds=hang_seconds)
    server = uvicorn.Server(uvicorn.Config(build_app(script), host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("scripted LLM server did not start")
        time.sleep(0.05)
    try:
        yield Running(f"http://127.0.0.1:{port}/v1", script)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
