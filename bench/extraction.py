"""Statement extraction speed over SaudiNewsNet politics articles (no store, no embedding).

    python bench/extraction.py [--n 2208] [--passes 3]
    python bench/extraction.py --corpus all --n 0     # all 31,030 SaudiNewsNet articles (the zips)

Prints articles/s and statements/s; extraction must never be the ingest bottleneck. Every
statement is checked to be verbatim; an article the extractor fails on is counted and
named (robustness over text it was not written for), not fatal.
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
    ap.add_argument("--n", type=int, default=2208, help="articles to take (0: all)")
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "snn-politics.jsonl"),
                    help="a file, or 'all' for the SaudiNewsNet zips")
    ap.add_argument("--passes", type=int, default=1,
                    help="passes over the articles; the figures are the fastest pass (the first "
                         "is slower: the tokeniser's and cue lexicon's caches fill in it)")
    args = ap.parse_args()
    if args.corpus == "all":
        loader, paths = Loader(text_field="content"), sorted((SHARED / "corpus" / "saudinewsnet").glob("*.zip"))
    else:
        loader, paths = Loader(), [args.corpus]
    articles = []
    for art in loader.load(paths):
        articles.append(art)
        if args.n and len(articles) >= args.n:
            break
    extract_statements(articles[0].id, articles[0].text)  # warm lexicons
    pass_seconds: list[float] = []
    for _ in range(max(1, args.passes)):
        t = time.perf_counter()
        n_st = 0
        chars = 0
        failed: list[str] = []
        for art in articles:
            try:
                sts = extract_statements(art.id, art.text)
            except Exception as exc:  # noqa: BLE001 - a benchmark over foreign text reports, not stops
                failed.append(f"{art.id}: {type(exc).__name__}: {exc}")
                continue
            n_st += len(sts)
            chars += len(art.text)
            for s in sts:
                assert art.text[s.start : s.end] == s.quote
        pass_seconds.append(time.perf_counter() - t)
    dt = min(pass_seconds)
    print(json.dumps({
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} python {platform.python_version()}",
        "articles": len(articles), "statements": n_st, "seconds": round(dt, 2),
        "articles_per_s": round(len(articles) / dt, 1), "statements_per_s": round(n_st / dt, 1),
        "chars_per_s": round(chars / dt), "failed": failed,
        "passes_articles_per_s": [round(len(articles) / x, 1) for x in pass_seconds],
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
