#!/usr/bin/env bash
# Install aqwal, ingest the bundled sample article, answer two questions, then start the web chat.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[web]" -c constraints.txt
STORE="${AQWAL_STORE:-$PWD/.aqwal-sample}"
PORT="${AQWAL_WEB_PORT:-8000}"
.venv/bin/aqwal ingest ingest/data/sample --store "$STORE"
.venv/bin/aqwal ask "ماذا قالت منظمة معاهدة الأمن الجماعي؟" --store "$STORE"
.venv/bin/aqwal ask "What did France say about the clashes?" --store "$STORE"
echo
echo "Web chat on the sample: http://127.0.0.1:$PORT   (Ctrl-C to stop)"
exec .venv/bin/aqwal web --store "$STORE" --port "$PORT"
