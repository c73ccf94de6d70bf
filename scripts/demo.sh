#!/usr/bin/env bash
# Install aqwal, ingest the bundled sample article and answer sample questions.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e . -c constraints.txt
STORE="${AQWAL_STORE:-$PWD/.aqwal-sample}"
.venv/bin/aqwal ingest ingest/data/sample --store "$STORE"
.venv/bin/aqwal ask "ماذا قالت منظمة معاهدة الأمن الجماعي؟" --store "$STORE"
.venv/bin/aqwal ask "What did France say about the clashes?" --store "$STORE"
