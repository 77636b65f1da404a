"""A real uvicorn server in a thread over the session's engine, with per-test Settings (keys, limits, logs)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from rag.core.settings import Settings
from rag.engine import Engine
from tests.conftest import free_port, settings_for
from ui.api.api import create_app


def portal_settings(home: Path, **overrides: Any) -> Settings:
    return settings_for(home).model_copy(update=overrides)


@contextmanager
def portal(engine: Engine, settings: Settings) -> Iterator[httpx.Client]:
    """The API (no chat) served by uvicorn on a free loopback port; yields a client bound to it."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(engine, settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=20)
