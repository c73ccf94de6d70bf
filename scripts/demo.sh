#!/usr/bin/env bash
# Install aqwal, ingest the bundled sample article and answer a sample question.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e . -c constraints.txt
STORE="${AQWAL_STORE:-$PWD/.aqwal-sample}"
.venv/bin/aqwal ingest ingest/data/sample --store "$STORE"
.venv/bin/aqwal search "ماذا قالت منظمة معاهدة الأمن الجماعي؟" --store "$STORE" --k 3
