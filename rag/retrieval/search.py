"""Hybrid search: jieba BM25 + character-bigram BM25 + dense vectors, fused by reciprocal rank."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from rag.answering.query import Synonyms
from rag.answering.thesaurus import used_synonyms
from rag.core.types import Chunk, Hit
from rag.core.zh import Tokenizer
from rag.index.embedding import Embedder
from rag.index.lexical import Lexicon
from rag.index.store import StoreUnavailable, VectorStore
from rag.index.vocabulary import vocabulary
from rag.retrieval.fusion import rrf

log = logging.getLogger(__name__)

CANDIDATES = 30
# Measured on the question set (see README): lexical rankers carry rank 1; e5 only rescues paraphrases.
DEFAULT_WEIGHTS = {"words": 1.0, "bigrams": 1.0, "dense": 0.2}
FUSION_K = 10
_thread = threading.local()  # one request runs on one thread: its searches report there


EMBED_MEMO = 32


def begin_request() -> None:
    """A request starts on this thread: forget whether an earlier one had to skip the vector store, and the
    query embeddings it computed."""
    _thread.lexical_only = False
    _thread.embedded = {}


def embed_once(embedder: Embedder, text: str) -> list[float]:
    """A query text's embedding, computed once per request: a compound question, the scoped re-answer of a
    several-document base, follow-up resolution and the matcher ask for the same texts again."""
    memo: dict[tuple[str, str], list[float]] | None = getattr(_thread, "embedded", None)
    if memo is None or len(memo) >= EMBED_MEMO:
        memo = _thread.embedded = {}
    key = (embedder.name, text)
    if key not in memo:
        memo[key] = embedder.embed_query(text)
    return memo[key]


def lexical_only() -> bool:
    """Whether a search on this thread since `begin_request()` had to skip the vector store."""
    return bool(getattr(_thread, "lexical_only", False))


def index_text(chunk: Chunk) -> str:
    """What the indexes see: the chunk with the last two steps of its section path as a title."""
    titles = chunk.section.split(" › ")[-2:]
    return f"{' '.join(titles)}：{chunk.text}"


@dataclass
class SearchOptions:
    """Which retrievers take part and how much each counts."""

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    thesaurus: bool = True  # words the documents never use are also searched as their thesaurus synonyms


class HybridSearcher:
    """Searches the live chunks of one knowledge-base version."""

    def __init__(
        self,
        chunks: list[Chunk],
        tokenizer: Tokenizer,
        synonyms: Synonyms,
        *,
        store: VectorStore | None = None,
        embedder: Embedder | None = None,
        extra_in_store: int = 0,
        options: SearchOptions | None = None,
        lexicon: Lexicon | None = None,
        scope: Sequence[str] = (),
    ) -> None:
        self.chunks = chunks
        self.tokenizer, self.synonyms = tokenizer, synonyms
        self.store, self.embedder = store, embedder
        self.options = options or SearchOptions()
        self._by_id = {c.id: c for c in chunks}
        self._by_section: dict[str, list[Chunk]] = {}
        for c in chunks:
            self._by_section.setdefault(c.section, []).append(c)
        tokenizer.learn(vocabulary(chunks))  # before indexing, so documents and questions are cut alike
        lexicon = lexicon or Lexicon(None, tokenizer.words)
        self.words, self.bigrams = lexicon.indexes([(c.id, index_text(c)) for c in chunks], tokenizer.learned)
        self._extra = extra_in_store  # vectors in the store that no live chunk uses (a stale ingest's)
        self.scope = tuple(scope)  # the documents this searcher covers, when not the whole knowledge base

    def rankings(self, query: str) -> dict[str, list[str]]:
        """Each retriever's ranked chunk ids for the (synonym-expanded) query."""
        expanded = self.synonyms.expand(query)
        extra = [s for w in self.unseen_words(query) for s in self.related(w)[:2]]
        if extra:
            expanded = f"{expanded} {' '.join(extra)}"
        out = {
            "words": [self.chunks[i].id for i, _ in self.words.search(expanded, CANDIDATES)],
            "bigrams": [self.chunks[i].id for i, _ in self.bigrams.search(expanded, CANDIDATES)],
        }
        if self.store is not None and self.embedder is not None and self.options.weights.get("dense", 0) > 0:
            try:
                found = self.store.query(embed_once(self.embedder, expanded), CANDIDATES + self._extra, docs=self.scope)
                out["dense"] = [cid for cid, _ in found if cid in self._by_id][:CANDIDATES]
            except StoreUnavailable as exc:
                log.warning("dense retrieval skipped: %s", exc)
                _thread.lexical_only = True
        return out

    def dense_ran(self) -> bool:
        """Whether this request's searches had the dense retriever (not lexical only, the store reachable)."""
        return (self.store is not None and self.embedder is not None and self.options.weights.get("dense", 0) > 0
                and not lexical_only())

    def search(self, query: str, k: int, *, kinds: Sequence[str] = (), section: str = "") -> list[Hit]:
        """The k best chunks, optionally only of the given kinds or under a section containing `section`."""
        fused = rrf(self.rankings(query), self.options.weights, k=FUSION_K)
        hits = []
        for cid, score, ranks in fused:
            chunk = self._by_id[cid]
            if (kinds and chunk.kind not in kinds) or (section and section not in chunk.section):
                continue
            hits.append(Hit(chunk, round(score, 6), ranks))
            if len(hits) >= k:
                break
        return hits

    def unseen_words(self, text: str) -> list[str]:
        """Whole words of `text` (two characters or more) that no indexed chunk uses."""
        return [w for w in self.tokenizer.words(text, fine=False) if len(w) > 1 and self.words.idf(w) <= 0]

    def related(self, word: str) -> list[str]:
        """The thesaurus synonyms of a word that the indexed chunks use (none when the option is off)."""
        if not self.options.thesaurus or self.tokenizer.function_word(word):
            return []  # an adverb's or a pronoun's synonyms are other senses (比较 "rather" ↔ 同比, 今年 ↔ 当年)
        return used_synonyms(word, self.words.idf)

    def chunks_of(self, section: str) -> list[Chunk]:
        """The chunks of one section (its own, not its subsections'), in reading order."""
        return self._by_section.get(section, [])

    def chunk(self, cid: str) -> Chunk | None:
        return self._by_id.get(cid)
