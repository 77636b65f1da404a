"""Lexical indexes: Okapi BM25 over jieba words and over character bigrams, as sparse matrices.

A query costs one sparse vector × matrix product (scipy), not a Python loop over chunks, and the scores are
rank_bm25's BM25Okapi exactly (k1 1.5, b 0.75, negative idf floored at a quarter of the mean), which the
question sets were measured with. Tokens are kept per chunk id in a `TokenCache` persisted under the index
folder, so a start loads them instead of re-tokenising, and adding a document tokenises only its chunks.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

from rag.core.zh import char_ngrams

log = logging.getLogger(__name__)
K1, B, EPSILON = 1.5, 0.75, 0.25
EMPTY = "∅"  # an empty text still counts as a document, as rank_bm25 was given it
Tokenize = Callable[[str], list[str]]


class TokenCache:
    """Token ids per chunk id for one tokenisation, with its vocabulary; saved as one .npz + .json pair.

    `depends_on` lists the learned words the tokenisation used: when they change (a document brought new
    headings or table labels), only the chunks whose text contains a changed word are tokenised again.
    """

    def __init__(self, path: Path | None, tokenize: Tokenize) -> None:
        self.path, self.tokenize = path, tokenize
        self.terms: list[str] = []
        self.term_ids: dict[str, int] = {}
        self.tokens: dict[str, np.ndarray] = {}
        self.learned: frozenset[str] = frozenset()
        self._dirty = False
        self._lock = threading.Lock()
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            with np.load(path.with_suffix(".npz"), allow_pickle=False) as data:
                ids, offsets = data["ids"], data["offsets"]
            self.terms, self.learned = list(meta["terms"]), frozenset(meta["learned"])
            self.term_ids = {t: i for i, t in enumerate(self.terms)}
            self.tokens = {cid: ids[offsets[n] : offsets[n + 1]] for n, cid in enumerate(meta["chunks"])}
        except Exception as exc:  # none yet, or unreadable (a truncated .npz is a BadZipFile): tokenise again
            if path.with_suffix(".json").exists():
                log.warning("token cache %s unreadable, rebuilding: %s", path, exc)

    def ids_of(self, items: Sequence[tuple[str, str]], learned: frozenset[str] = frozenset()) -> list[np.ndarray]:
        """Token ids of each (chunk id, text), tokenising only what the cache does not hold. `learned` is
        the tokeniser's learned vocabulary now: chunks containing a word learned or unlearned since the
        cache was made are cut again, and cached chunks not asked for are dropped (they cannot be checked)."""
        with self._lock:
            changed = learned ^ self.learned
            if changed:
                pattern = re.compile("|".join(re.escape(w) for w in sorted(changed, key=len, reverse=True)))
                asked = {cid for cid, _ in items}
                self.tokens = {cid: ids for cid, ids in self.tokens.items() if cid in asked}
                for cid, text in items:
                    if cid in self.tokens and pattern.search(text):
                        del self.tokens[cid]
                self.learned, self._dirty = learned, True
            out = []
            for cid, text in items:
                ids = self.tokens.get(cid)
                if ids is None:
                    ids = np.fromiter((self._term_id(t) for t in (self.tokenize(text) or [EMPTY])), dtype=np.int32)
                    self.tokens[cid] = ids
                    self._dirty = True
                out.append(ids)
            return out

    def _term_id(self, term: str) -> int:
        tid = self.term_ids.get(term)
        if tid is None:
            tid = self.term_ids[term] = len(self.terms)
            self.terms.append(term)
        return tid

    def keep_only(self, live: set[str]) -> None:
        """Forget chunks that are no longer live (a removed or replaced document)."""
        with self._lock:
            gone = [cid for cid in self.tokens if cid not in live]
            for cid in gone:
                del self.tokens[cid]
            self._dirty = self._dirty or bool(gone)

    def save(self) -> None:
        """Write the cache atomically when it changed (tokens of chunks not live any more were dropped)."""
        if self.path is None or not self._dirty:
            return
        with self._lock:
            chunks = list(self.tokens)
            arrays = [self.tokens[c] for c in chunks]
            offsets = np.zeros(len(arrays) + 1, dtype=np.int64)
            np.cumsum([len(a) for a in arrays], out=offsets[1:])
            ids = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int32)
            meta = {"terms": self.terms, "learned": sorted(self.learned), "chunks": chunks}
            self._dirty = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tag = f".{os.getpid()}.{threading.get_ident()}.tmp"
        npz, js = self.path.with_suffix(".npz"), self.path.with_suffix(".json")
        try:
            with open(str(npz) + tag, "wb") as fh:
                np.savez(fh, ids=ids, offsets=offsets)
            Path(str(js) + tag).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            os.replace(str(npz) + tag, npz)
            os.replace(str(js) + tag, js)
        except OSError as exc:  # a cache: the index serves without it
            log.warning("token cache not saved: %s", exc)
            for leftover in (str(npz) + tag, str(js) + tag):
                Path(leftover).unlink(missing_ok=True)


class BM25Index:
    """Okapi BM25 over the chunks' token ids: one weight per (term, chunk), queried as a sparse product."""

    def __init__(self, docs: Sequence[np.ndarray], terms: dict[str, int], tokenize: Tokenize) -> None:
        self._tokenize, self._terms = tokenize, terms
        n = len(docs)
        lengths = np.array([len(d) for d in docs], dtype=np.float64)
        cols = np.repeat(np.arange(n, dtype=np.int32), lengths.astype(np.int64))
        rows = np.concatenate(docs) if n else np.zeros(0, dtype=np.int32)
        width = max(len(terms), int(rows.max()) + 1 if rows.size else 0)
        tf = sparse.csr_matrix((np.ones(rows.size, dtype=np.float64), (rows, cols)), shape=(width, max(n, 1)))
        tf.sum_duplicates()
        df = np.diff(tf.indptr).astype(np.float64)
        present = df > 0
        idf = np.zeros(width)
        idf[present] = np.log(n - df[present] + 0.5) - np.log(df[present] + 0.5)
        mean = idf[present].mean() if present.any() else 0.0
        idf[present & (idf < 0)] = EPSILON * mean
        self.n = n
        avgdl = lengths.mean() if n else 1.0
        norm = K1 * (1 - B + B * lengths / avgdl) if n else np.ones(1)
        data = tf.data
        doc_of = tf.indices
        term_of = np.repeat(np.arange(width), np.diff(tf.indptr))
        tf.data = idf[term_of] * data * (K1 + 1) / (data + norm[doc_of])
        self._weights = tf
        self._idf = {t: float(idf[i]) for t, i in terms.items() if i < width and present[i]}

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk (zeros when no query term is indexed)."""
        ids = [self._terms[t] for t in self._tokenize(query) if t in self._idf]
        if not ids:
            return np.zeros(self.n)
        # The query terms' rows (repeated terms count again, as in rank_bm25): cost ∝ their postings.
        return np.asarray(self._weights[ids].sum(axis=0)).ravel()[: self.n]

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(position, score) of the best k chunks with a positive score (only where `mask` is True)."""
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores)[:k]  # as rank_bm25 was used: the same order among equal scores
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def idf(self, term: str) -> float:
        """Inverse document frequency of a term (0 when unseen)."""
        return self._idf.get(term, 0.0)


def bigram_tokens(text: str) -> list[str]:
    """Character bigrams: robust to jieba segmenting a query differently from the text."""
    return char_ngrams(text)


class Lexicon:
    """The two token caches of one knowledge base (jieba words, character bigrams), under `folder`."""

    def __init__(self, folder: Path | None, words: Tokenize) -> None:
        self.words = TokenCache(folder / "words" if folder else None, words)
        self.bigrams = TokenCache(folder / "bigrams" if folder else None, bigram_tokens)

    def indexes(self, items: Sequence[tuple[str, str]], learned: frozenset[str]) -> tuple[BM25Index, BM25Index]:
        """BM25 over words and over bigrams of (chunk id, index text) items, tokenising only new texts."""
        words = BM25Index(self.words.ids_of(items, learned), self.words.term_ids, self.words.tokenize)
        bigrams = BM25Index(self.bigrams.ids_of(items), self.bigrams.term_ids, self.bigrams.tokenize)
        return words, bigrams

    def keep_only(self, live: set[str]) -> None:
        self.words.keep_only(live)
        self.bigrams.keep_only(live)

    def save(self) -> None:
        self.words.save()
        self.bigrams.save()
