"""The sparse-matrix BM25 indexes and their persisted token caches, on the real plan's chunks."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from rag.core.types import Chunk
from rag.core.zh import Tokenizer, char_ngrams
from rag.index.lexical import Lexicon, TokenCache
from rag.index.vocabulary import vocabulary
from rag.retrieval.search import index_text

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [json.loads(line)["question"] for line in (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()][:80]


@pytest.fixture(scope="module")
def tokenizer(plan_chunks: list[Chunk]) -> Tokenizer:
    tok = Tokenizer()
    tok.learn(vocabulary(plan_chunks))
    return tok


def _items(chunks: list[Chunk]) -> list[tuple[str, str]]:
    return [(c.id, index_text(c)) for c in chunks]


def test_scores_and_rankings_are_rank_bm25s_exactly(plan_chunks: list[Chunk], tokenizer: Tokenizer) -> None:
    words, bigrams = Lexicon(None, tokenizer.words).indexes(_items(plan_chunks), tokenizer.learned)
    for index, tokenize in ((words, tokenizer.words), (bigrams, char_ngrams)):
        docs = [tokenize(index_text(c)) for c in plan_chunks]
        reference, vocab = BM25Okapi([d or ["∅"] for d in docs]), {t for d in docs for t in d}
        for question in QUESTIONS:
            terms = [t for t in tokenize(question) if t in vocab]
            if not terms:
                continue
            expected = reference.get_scores(terms)
            assert np.allclose(index.scores(question), expected, rtol=0, atol=1e-9)
            top = [int(i) for i in np.argsort(-expected)[:30] if expected[i] > 0]
            assert [i for i, _ in index.search(question, 30)] == top
        assert all(abs(index.idf(t) - v) < 1e-12 for t, v in reference.idf.items())
        assert index.idf("从未出现的词") == 0.0


def test_a_mask_keeps_the_ranking_inside_the_chosen_chunks(plan_chunks: list[Chunk], tokenizer: Tokenizer) -> None:
    words, _ = Lexicon(None, tokenizer.words).indexes(_items(plan_chunks), tokenizer.learned)
    mask = np.array([c.kind == "table-row" for c in plan_chunks])
    hits = words.search("高新技术企业 2025年 目标", 10, mask=mask)
    assert hits and all(plan_chunks[i].kind == "table-row" for i, _ in hits)


class Counting:
    """A tokenizer that counts the texts it was asked to cut."""

    def __init__(self, tokenize: object) -> None:
        self.tokenize, self.calls, self.texts = tokenize, 0, list[str]()

    def __call__(self, text: str) -> list[str]:
        self.calls += 1
        self.texts.append(text)
        return self.tokenize(text)  # type: ignore[operator]


def test_a_start_loads_the_tokens_instead_of_cutting_again(plan_chunks: list[Chunk], tokenizer: Tokenizer, tmp_path: Path) -> None:
    first = Counting(tokenizer.words)
    cache = TokenCache(tmp_path / "words", first)
    before = cache.ids_of(_items(plan_chunks), tokenizer.learned)
    cache.save()
    assert first.calls == len(plan_chunks)
    again = Counting(tokenizer.words)
    loaded = TokenCache(tmp_path / "words", again).ids_of(_items(plan_chunks), tokenizer.learned)
    assert again.calls == 0 and all(np.array_equal(a, b) for a, b in zip(before, loaded, strict=True))


def test_a_new_document_is_cut_alone_and_a_new_word_recuts_only_the_chunks_containing_it(
        plan_chunks: list[Chunk], tokenizer: Tokenizer, tmp_path: Path) -> None:
    counting = Counting(tokenizer.words)
    cache = TokenCache(tmp_path / "words", counting)
    cache.ids_of(_items(plan_chunks), tokenizer.learned)
    added = Chunk("new-1", "notice", "第一条", "body", "申报科技创新券的企业应当在本市注册。")
    counting.calls = 0
    cache.ids_of(_items([*plan_chunks, added]), tokenizer.learned)
    assert counting.calls == 1
    word = "酒用高粱"
    containing = sum(word in index_text(c) for c in plan_chunks)
    assert 0 < containing < len(plan_chunks) // 4
    counting.calls = 0
    cache.ids_of(_items(plan_chunks), tokenizer.learned | {word})
    assert counting.calls == containing


def test_removed_chunks_leave_the_cache_and_a_broken_cache_is_rebuilt(plan_chunks: list[Chunk], tokenizer: Tokenizer,
                                                                     tmp_path: Path) -> None:
    cache = TokenCache(tmp_path / "bigrams", char_ngrams)
    cache.ids_of(_items(plan_chunks))
    cache.keep_only({c.id for c in plan_chunks[:10]})
    cache.save()
    assert len(TokenCache(tmp_path / "bigrams", char_ngrams).tokens) == 10
    (tmp_path / "bigrams.npz").write_bytes(b"not a zip")
    rebuilt = TokenCache(tmp_path / "bigrams", char_ngrams)
    assert rebuilt.tokens == {} and len(rebuilt.ids_of(_items(plan_chunks[:3]))) == 3


def test_a_restart_loads_the_tokens_and_a_scoped_question_stays_in_its_document(tmp_path: Path) -> None:
    from evals.synthetic import build
    from rag.core.settings import Settings
    from rag.engine import Engine

    corpus = build(ROOT / "corpus", tmp_path / "corpus", 3)
    settings = Settings(home=tmp_path / "home", corpus=corpus, embedder="none")
    Engine(settings).ingest()
    assert (tmp_path / "home" / "index" / "lexical" / "words.npz").exists()
    engine = Engine(settings)
    counting = Counting(engine.lexicon.words.tokenize)
    engine.lexicon.words.tokenize = counting
    question = "高企到2025年要达到多少家？"
    answer = engine.ask(question, docs=["variant-002"])
    assert all(t.startswith(question) for t in counting.texts)  # the (expanded) question only, no chunk again
    # Answered or refused (lexical only, the fitted models see no dense ranks), the passages are its own.
    assert answer.citations and {c.chunk.doc for c in answer.citations} == {"variant-002"}
    titles = {c.meta.get("doc_title") for c in engine.chunks()}
    assert len(titles) == 3 and all("“十四五”科技创新发展规划" in str(t) for t in titles)
