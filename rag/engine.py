"""The one engine object every shell calls: ingest, search, ask."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rag import kb
from rag.answer import Answerer
from rag.chunking import PATH_SEP
from rag.embedding import Embedder, make_embedder
from rag.loader import load_document, read_manifest
from rag.match import Matcher, MatchResult, Profile
from rag.query import Synonyms, Turn
from rag.search import HybridSearcher, SearchOptions, index_text
from rag.settings import Settings
from rag.store import ChromaStore, StoreUnavailable, VectorStore
from rag.types import Answer, Chunk, Hit
from rag.zh import Tokenizer

log = logging.getLogger(__name__)
LEXICAL_ONLY = "lexical"


class NotIngested(RuntimeError):
    """No knowledge base has been built yet."""


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did."""

    kb_version: str
    chunks: int
    embedded: int
    removed: int
    changed: bool
    seconds: float


class Engine:
    """Owns the knowledge base and answers questions over it. Heavy parts load on first use."""

    def __init__(self, settings: Settings, *, options: SearchOptions | None = None) -> None:
        self.settings = settings
        self.options = options
        self._lock = threading.Lock()
        self._searcher: HybridSearcher | None = None
        self._answerer: Answerer | None = None
        self._matcher: Matcher | None = None
        self._version = ""

    @cached_property
    def tokenizer(self) -> Tokenizer:
        return Tokenizer()

    @cached_property
    def synonyms(self) -> Synonyms:
        return Synonyms.load()

    @cached_property
    def embedder(self) -> Embedder | None:
        return make_embedder(self.settings.embedder)

    @cached_property
    def store(self) -> VectorStore | None:
        if self.embedder is None:
            return None
        if self.settings.chroma_url:
            return ChromaStore(self.embedder, url=self.settings.chroma_url)
        return ChromaStore(self.embedder, path=self.settings.chroma_dir)

    @property
    def embedder_name(self) -> str:
        return self.embedder.name if self.embedder else LEXICAL_ONLY

    @property
    def kb_version(self) -> str:
        return self._version

    # -- ingest ---------------------------------------------------------------------------------
    def ingest(self, paths: Sequence[Path] = ()) -> IngestReport:
        """Parse the corpus (or the given files), embed only new chunks, then swap the manifest."""
        started = time.perf_counter()
        chunks = self._parse(paths)
        version = kb.kb_version(chunks, self.embedder_name)
        current = kb.load(self.settings.index_dir)
        with self._lock:
            embedded = self._embed_missing(chunks)
            if current and current[0] == version and not embedded:
                self._activate(version, chunks)
                return IngestReport(version, len(chunks), 0, 0, False, time.perf_counter() - started)
            kb.save(self.settings.index_dir, version, self.embedder_name, chunks)
            removed = self._drop_stale({c.id for c in chunks})
            self._activate(version, chunks)
        log.info("ingested %d chunks (%d embedded) as %s", len(chunks), embedded, version)
        return IngestReport(version, len(chunks), embedded, removed, True, time.perf_counter() - started)

    def _parse(self, paths: Sequence[Path]) -> list[Chunk]:
        docs = read_manifest(self.settings.corpus)
        if paths:
            wanted = {p.resolve() for p in paths}
            docs = [d for d in docs if d.path.resolve() in wanted]
            missing = wanted - {d.path.resolve() for d in docs}
            if missing:
                raise FileNotFoundError(f"文件不在语料清单中：{', '.join(map(str, sorted(missing)))}")
        return [chunk for doc in docs for chunk in load_document(doc)]

    def _embed_missing(self, chunks: list[Chunk]) -> int:
        if self.store is None:
            return 0
        have = self.store.existing([c.id for c in chunks])
        todo = [c for c in chunks if c.id not in have]
        self.store.add(todo, [index_text(c) for c in todo])
        return len(todo)

    def _drop_stale(self, live: set[str]) -> int:
        if self.store is None:
            return 0
        stale = [cid for cid in self.store.all_ids() if cid not in live]
        self.store.delete(stale)
        return len(stale)

    # -- serving --------------------------------------------------------------------------------
    def load(self) -> bool:
        """Load the persisted knowledge base; False when nothing has been ingested yet."""
        current = kb.load(self.settings.index_dir)
        if current is None:
            return False
        version, embedder_name, chunks = current
        if embedder_name != self.embedder_name:
            log.warning("index was built with %s, settings ask for %s: re-ingesting", embedder_name, self.embedder_name)
            self.ingest()
            return True
        with self._lock:
            self._activate(version, chunks)
        return True

    def ensure_ready(self) -> None:
        """Load the index, ingesting the corpus first when there is none (first start)."""
        if self._searcher is None and not self.load():
            self.ingest()

    def warm_up(self) -> None:
        """Load everything a first question needs, so it is answered at full speed."""
        self.ensure_ready()
        self.tokenizer.warm_up()
        self.search("预热", 1)

    def _activate(self, version: str, chunks: list[Chunk]) -> None:
        extra = 0
        if self.store is not None:
            try:
                extra = max(0, len(self.store.all_ids()) - len(chunks))
            except StoreUnavailable as exc:
                log.warning("vector store unavailable at load: %s", exc)
        self._searcher = HybridSearcher(
            chunks, self.tokenizer, self.synonyms, store=self.store, embedder=self.embedder,
            extra_in_store=extra, options=self.options,
        )
        self._version = version
        self._matcher = None
        self._answerer = Answerer(self._searcher, version, matcher=lambda: self.matcher)

    @property
    def searcher(self) -> HybridSearcher:
        self.ensure_ready()
        assert self._searcher is not None
        return self._searcher

    def search(self, query: str, top_k: int = 10, *, kinds: Sequence[str] = (), section: str = "") -> list[Hit]:
        """Hybrid search over the live chunks."""
        return self.searcher.search(query, top_k, kinds=kinds, section=section)

    def ask(self, question: str, top_k: int = 5, history: Sequence[Turn] = ()) -> Answer:
        """A short grounded answer with citations, or a plain statement that the plan has none."""
        self.ensure_ready()
        assert self._answerer is not None
        return self._answerer.answer(question, top_k=top_k, history=history)

    def match(self, profile: Profile, top_k: int = 5) -> MatchResult:
        """The 专栏, sections and support measures of the plan that fit a company profile."""
        return self.matcher.match(profile, top_k, kb_version=self.kb_version)

    @property
    def matcher(self) -> Matcher:
        """The enterprise matcher of the live knowledge base (item vectors cached under home/match)."""
        self.ensure_ready()
        if self._matcher is None:
            self._matcher = Matcher(self.searcher, cache_dir=self.settings.home / "match")
        return self._matcher

    def chunks(self) -> list[Chunk]:
        return self.searcher.chunks

    def sections(self) -> list[str]:
        """Every section path in reading order, for outlines and filters."""
        return list(dict.fromkeys(c.section for c in self.chunks()))

    def section_text(self, section: str) -> list[Chunk]:
        return [c for c in self.chunks() if c.section == section or c.section.startswith(section + PATH_SEP)]
