#!/usr/bin/env bash
# Install everything the tests need (system packages too) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[test,st,web,slack]" -c constraints.txt
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
