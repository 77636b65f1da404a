"""X-Degraded is per request: a request that lost the vector store says so, one running beside it that
did not lose it does not (the server's threads answer requests concurrently)."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from rag.engine import Engine
from rag.index.store import StoreUnavailable, VectorStore
from rag.retrieval.search import HybridSearcher, begin_request, lexical_only


class PartlyDown:
    """The real Chroma collection, unreachable from threads named "down" (a server going away mid-traffic)."""

    def __init__(self, store: VectorStore) -> None:
        self.store = store

    def query(self, vector: list[float], k: int, docs: Sequence[str] = ()) -> list[tuple[str, float]]:
        if threading.current_thread().name.startswith("down"):
            raise StoreUnavailable("向量库不可达")
        return self.store.query(vector, k, docs)


def test_lexical_only_is_reported_to_the_request_that_lost_the_store(engine: Engine) -> None:
    assert engine.store is not None
    searcher = HybridSearcher(engine.chunks(), engine.tokenizer, engine.synonyms,
                              store=PartlyDown(engine.store), embedder=engine.embedder)  # type: ignore[arg-type]
    seen: dict[str, tuple[bool, bool]] = {}
    barrier = threading.Barrier(2)

    def request(name: str) -> None:
        begin_request()
        barrier.wait()
        hits = searcher.search("辣椒精深加工有哪些重点技术？", 5)
        barrier.wait()  # both searches done before either reads its flag
        seen[name] = (lexical_only(), bool(hits))

    threads = [threading.Thread(target=request, args=(n,), name=n) for n in ("down-1", "up-1")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert seen == {"down-1": (True, True), "up-1": (False, True)}  # both answered; only one degraded

    begin_request()  # a new request on a thread that was degraded before starts clean
    assert not lexical_only()


def test_engine_requests_start_clean(engine: Engine) -> None:
    engine.search("科技创新券", 3)
    assert not engine.degraded
