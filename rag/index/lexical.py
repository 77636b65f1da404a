"""Lexical indexes: BM25 over jieba words and BM25 over character bigrams."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from rank_bm25 import BM25Okapi

from rag.core.zh import char_ngrams


class BM25Index:
    """Okapi BM25 over one tokenisation of the chunks' index texts."""

    def __init__(self, texts: list[str], tokenize: Callable[[str], list[str]]) -> None:
        self._tokenize = tokenize
        docs = [tokenize(t) for t in texts]
        self._bm25 = BM25Okapi([d or ["∅"] for d in docs])
        self._vocab = {w for d in docs for w in d}

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """(position, score) of the best k chunks with a positive score."""
        terms = [t for t in self._tokenize(query) if t in self._vocab]
        if not terms:
            return []
        scores = self._bm25.get_scores(terms)
        top = np.argsort(-scores)[:k]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def idf(self, term: str) -> float:
        """Inverse document frequency of a term (0 when unseen)."""
        return float(self._bm25.idf.get(term, 0.0))


def bigram_index(texts: list[str]) -> BM25Index:
    """Character-bigram BM25: robust to jieba segmenting a query differently from the text."""
    return BM25Index(texts, char_ngrams)
