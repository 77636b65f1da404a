"""One process, one port: the API under /api/v1 and the Gradio chat at /, over one engine."""

from __future__ import annotations

import logging
import sys

from fastapi import FastAPI

from rag.core.progress import Progress
from rag.core.settings import Settings, force_offline
from rag.engine import Engine
from rag.matching.match import Profile
from ui.api.api import create_app
from ui.cli.console import ConsoleProgress

log = logging.getLogger(__name__)


def build_app(settings: Settings, *, with_chat: bool = True, progress: Progress | None = None) -> FastAPI:
    """Build (and warm up) the engine, the API, and mount the chat UI; a first start's ingest is told to
    `progress`."""
    force_offline()
    engine = Engine(settings)
    engine.warm_up(progress=progress)
    # The matcher embeds its items on first use (seconds; cached under home): do it before the first
    # request, or concurrent first requests all pay for it.
    engine.match(Profile("预热"), top_k=1)
    report_llm(engine)
    app = create_app(engine)
    if with_chat:
        import gradio as gr

        from ui.web.chat import build_chat

        # No run history: it would keep questions in the browser's storage on shared office PCs.
        app = gr.mount_gradio_app(app, build_chat(engine), path="/", run_history=False, footer_links=[])
    return app


def report_llm(engine: Engine) -> None:
    """Say at startup whether answers may be rewritten by an LLM (never required: extractive otherwise)."""
    generator = engine.generator
    if generator is None:
        log.info("LLM: not configured (POLICY_RAG_LLM_BASE_URL unset); answers are extractive")
    elif generator.reachable():
        log.info("LLM: %s at %s, reachable; answers verified against their passages", generator.model, generator.client.base_url)
    else:
        log.warning("LLM: %s at %s configured but not reachable now; extractive answers until it is", generator.model, generator.client.base_url)


def serve(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    app = build_app(settings, progress=ConsoleProgress(sys.stderr))  # the first start ingests: show how far
    log.info("serving on http://%s:%d/ (API: /api/v1, docs: /docs)", host, port)
    print(f"遵义科技规划问答已启动：http://{host}:{port}/  （API：http://{host}:{port}/api/v1/ask）", flush=True)  # noqa: T201
    # access_log off: ui.api.middleware writes one structured line per request (with latency and request id).
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)
