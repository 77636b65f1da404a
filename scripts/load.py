"""Bounded loopback load test: N concurrent clients for S seconds of mixed ask/search/match.

    python scripts/load.py                          # starts `policy-rag serve` on ./data (embedded Chroma)
    python scripts/load.py --chroma-url http://127.0.0.1:8001   # same, over a `chroma run` server
    python scripts/load.py --url http://127.0.0.1:8000          # an already running server (loopback only)

Prints p50/p95 latency, throughput and errors per endpoint; exits 1 on any error. The server it starts has
rate limits off (POLICY_RAG_RATE_PER_MINUTE=0): the point is the engine's capacity, not the limiter's.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import httpx

MAX_CLIENTS, MAX_SECONDS = 32, 600
MIX = [
    ("/api/v1/ask", {"question": "高企到2025年要达到多少家？"}),
    ("/api/v1/ask", {"question": "辣椒精深加工有哪些重点技术？"}),
    ("/api/v1/ask", {"question": "遵义市科技局的办公电话是多少？"}),
    ("/api/v1/ask", {"question": "那辣椒呢？", "history": [{"role": "user", "content": "茶产业要重点发展哪些技术？"}]}),
    ("/api/v1/search", {"query": "孵化器", "top_k": 5}),
    ("/api/v1/search", {"query": "研发投入强度"}),
    ("/api/v1/match", {"description": "我们是做辣椒酱和油辣椒的食品企业，在新蒲，想上自动化灌装线"}),
    ("/api/v1/match", {"description": "我们是做冻干水果的", "tags": ["高新技术企业"]}),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serve(chroma_url: str | None) -> Iterator[str]:
    """`policy-rag serve` on a free loopback port (rate limits off); stopped afterwards."""
    port = _free_port()
    cmd = [str(Path(sys.executable).with_name("policy-rag")), "serve", "--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "POLICY_RAG_RATE_PER_MINUTE": "0", "OMP_WAIT_POLICY": "PASSIVE"}
    proc = subprocess.Popen([*cmd, *(["--chroma-url", chroma_url] if chroma_url else [])], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{base}/api/v1/ready", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not become ready (exit {proc.poll()})")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _client(base: str, stop_at: float, offset: int, results: list[tuple[str, float, int]], lock: threading.Lock) -> None:
    with httpx.Client(base_url=base, timeout=30) as http:
        n = offset
        while time.monotonic() < stop_at:
            path, body = MIX[n % len(MIX)]
            n += 1
            started = time.perf_counter()
            try:
                status = http.post(path, json=body).status_code
            except httpx.HTTPError:
                status = 0
            with lock:
                results.append((path, time.perf_counter() - started, status))


def warm_up(base: str) -> float:
    """One request of each kind first (the matcher embeds its items on first use); not timed in the run."""
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=600) as http:
        for path, body in MIX:
            http.post(path, json=body).raise_for_status()
    return time.perf_counter() - started


def run(base: str, clients: int, seconds: float) -> list[tuple[str, float, int]]:
    results: list[tuple[str, float, int]] = []
    lock, stop_at = threading.Lock(), time.monotonic() + seconds
    threads = [threading.Thread(target=_client, args=(base, stop_at, i, results, lock)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def report(results: list[tuple[str, float, int]], seconds: float) -> str:
    lines = [f"{'endpoint':<16}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"]
    for path in [*dict.fromkeys(p for p, _, _ in results), "all"]:
        rows = [r for r in results if path in ("all", r[0])]
        ms = sorted(r[1] * 1000 for r in rows)
        p95 = statistics.quantiles(ms, n=20)[18] if len(ms) > 1 else ms[0]
        errors = sum(1 for r in rows if r[2] != 200)
        lines.append(f"{path.removeprefix('/api/v1'):<16}{len(rows):>9}{errors:>8}{statistics.median(ms):>9.1f}{p95:>9.1f}")
    lines.append(f"throughput: {len(results) / seconds:.1f} requests/s over {seconds:.0f} s")
    return "\n".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--url", help="an already running server (must be on loopback)")
    p.add_argument("--chroma-url", help="start the server over this `chroma run` server")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--seconds", type=float, default=60)
    args = p.parse_args()
    if not (1 <= args.clients <= MAX_CLIENTS and 0 < args.seconds <= MAX_SECONDS):
        p.error(f"clients must be 1..{MAX_CLIENTS} and seconds 0..{MAX_SECONDS}")
    if args.url and urlparse(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        p.error("load tests run against loopback only")
    with _serve(args.chroma_url) if not args.url else _given(args.url) as base:
        sys.stdout.write(f"warm-up: {warm_up(base):.1f} s\n")
        results = run(base, args.clients, args.seconds)
    store = "chroma server " + args.chroma_url if args.chroma_url else ("given server" if args.url else "embedded Chroma")
    sys.stdout.write(f"{args.clients} clients, {store}\n{report(results, args.seconds)}\n")
    return 1 if any(status != 200 for _, _, status in results) else 0


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url.rstrip("/")


if __name__ == "__main__":
    sys.exit(main())
