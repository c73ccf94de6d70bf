"""Statement extraction speed over SaudiNewsNet politics articles (no store, no embedding).

    python bench/extraction.py [--n 2208]

Prints articles/s and statements/s; extraction must never be the ingest bottleneck.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from datetime import date
from pathlib import Path

from ingest.loaders import Loader
from ingest.speech import extract_statements

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2208)
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "snn-politics.jsonl"))
    args = ap.parse_args()
    articles = []
    for art in Loader().load([args.corpus]):
        articles.append(art)
        if len(articles) >= args.n:
            break
    extract_statements(articles[0].id, articles[0].text)  # warm lexicons
    t = time.perf_counter()
    n_st = 0
    chars = 0
    for art in articles:
        sts = extract_statements(art.id, art.text)
        n_st += len(sts)
        chars += len(art.text)
        for s in sts:
            assert art.text[s.start : s.end] == s.quote
    dt = time.perf_counter() - t
    print(json.dumps({
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} python {platform.python_version()}",
        "articles": len(articles), "statements": n_st, "seconds": round(dt, 2),
        "articles_per_s": round(len(articles) / dt, 1), "statements_per_s": round(n_st / dt, 1),
        "chars_per_s": round(chars / dt),
    }, indent=2))


if __name__ == "__main__":
    main()
