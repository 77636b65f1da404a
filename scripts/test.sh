#!/usr/bin/env bash
# Install everything the tests need (pip and apt), then lint, type-check and run every test; then run the
# integration suite again with its vector store on a real `chroma run` server (tests/conftest.py).
# Arguments go to both pytest runs, e.g. `bash scripts/test.sh -k cli`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
. .venv/bin/activate
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False GRADIO_ANALYTICS_ENABLED=False
ruff check rag ui evals tests scripts
mypy
echo "== pass 1/2: all tests, embedded Chroma =="
POLICY_RAG_TEST_STORE=embedded pytest -q "$@"
echo "== pass 2/2: integration tests, Chroma on a local \`chroma run\` server =="
# Exit status 5: the arguments selected no integration test, so this pass has nothing to run.
POLICY_RAG_TEST_STORE=chroma-server pytest -q "$@" || [ $? -eq 5 ]
