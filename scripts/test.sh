#!/usr/bin/env bash
# Install everything the tests need (pip and apt), then lint, type-check and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
. .venv/bin/activate
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False GRADIO_ANALYTICS_ENABLED=False
ruff check rag ui evals tests scripts
mypy
pytest -q "$@"
