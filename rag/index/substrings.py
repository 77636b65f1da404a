"""Which of many texts contain a word, through a character-bigram index instead of a scan of every text.

The matcher looks a profile's words up as substrings (a word inside a longer item), not as jieba tokens, so a
token index does not serve it; this one answers in time proportional to the texts that share the word's
rarest bigram, whatever the size of the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

LOOKUPS_KEPT = 4096  # distinct words remembered: a profile's words recur across requests
# Each character pair is one integer (code points fit in 21 bits); single characters are marked by the top bit.
SINGLE = np.uint64(1 << 63)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)




class Containing:
    """An index over `texts`, asked which of them contain a word (case as given: pass lowered texts)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        lengths = np.array([len(t) for t in self.texts], dtype=np.int64)
        codes = _codes("".join(self.texts))
        owners = np.repeat(np.arange(len(self.texts), dtype=np.int32), lengths)
        pairs = (codes[:-1] << np.uint64(21)) | codes[1:]
        within = owners[:-1] == owners[1:] if len(codes) > 1 else np.empty(0, bool)  # no pair across two texts
        keys = np.concatenate([pairs[within], codes | SINGLE])
        owners = np.concatenate([owners[:-1][within], owners])
        order = np.argsort(keys, kind="stable")  # owners enter ascending per kind of gram: lists stay ascending
        keys, owners = keys[order], owners[order]
        fresh = np.ones(len(keys), bool)
        fresh[1:] = (keys[1:] != keys[:-1]) | (owners[1:] != owners[:-1])  # a text once per gram
        self._keys, self._owners = keys[fresh], owners[fresh]
        self.find = lru_cache(maxsize=LOOKUPS_KEPT)(self._find)

    def __len__(self) -> int:
        return len(self.texts)

    def _postings(self, gram: np.uint64) -> np.ndarray:
        lo = int(np.searchsorted(self._keys, gram, side="left"))
        hi = int(np.searchsorted(self._keys, gram, side="right"))
        return self._owners[lo:hi]

    def _find(self, word: str) -> tuple[int, ...]:
        """Indices (ascending) of the texts that contain `word`."""
        if not word or not self.texts:
            return ()
        codes = _codes(word)
        grams = np.unique((codes[:-1] << np.uint64(21)) | codes[1:]) if len(codes) > 1 else codes | SINGLE
        lists = sorted((self._postings(g) for g in grams), key=len)
        found = lists[0]
        for more in lists[1:]:
            if not len(found):
                break
            found = np.intersect1d(found, more, assume_unique=True)
        # Every bigram present does not mean the word is (AB and BC apart ≠ ABC): check the candidates.
        return tuple(int(i) for i in found if word in self.texts[i])
