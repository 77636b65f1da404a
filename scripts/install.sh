#!/usr/bin/env bash
# Create .venv and install the app (and, with --test, everything the tests need, apt packages included).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
. .venv/bin/activate
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ "${1:-}" = "--test" ]; then
  # Headless Chromium for the UI tests and a CJK font so Chinese renders (Debian packages, no browser download).
  if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
  # The CPU torch wheel first, pinned, so nothing pulls a CUDA build.
  pip install -q "torch==2.13.0"
  pip install -q -e ".[hf,test]"
else
  pip install -q -e .
fi
