#!/usr/bin/env bash
# Install, then start API + chat on one port (embedded Chroma; the corpus is ingested on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. .venv/bin/activate
exec policy-rag serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
