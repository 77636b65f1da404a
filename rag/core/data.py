"""One loader for the data files that ship in rag/data (synonyms, rules, dictionaries, fitted models)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """The path of a shipped data file."""
    return Path(str(resources.files("rag") / "data" / name))


def data_lines(name: str, path: Path | None = None) -> list[str]:
    """The non-blank lines of a data file that are not `#` comments (`path` overrides the shipped file)."""
    text = (path or data_path(name)).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
