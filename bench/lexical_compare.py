"""Where the lexical side lives: aqwal's BM25 index vs what Chroma itself offers.

    python bench/lexical_compare.py [--server]

On XQuAD (240 Arabic paragraphs, 1,190 questions; question → the chunk holding the
answer), recall@5 and latency p50/p95 of:

- ``dense``: Chroma ANN alone;
- ``chroma-fts+dense``: Chroma's own full-text filter (``where_document`` ``$or`` of
  ``$contains`` over the question's words; Chroma 1.x keeps a trigram index for it) with
  dense ranking inside the filtered set: the best lexical signal single-node Chroma can
  give, since it has no ranked sparse/BM25 search (``Collection.search`` raises
  NotImplementedError locally, issue #6185; checked below, also against ``chroma run``);
- ``bm25``: aqwal's BM25 index alone (normalised words, light stems, char 4-grams);
- ``hybrid``: aqwal's default, BM25 and dense fused by RRF.

Figures only; record them in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from conftest import shared_path  # noqa: E402

from chat.evaluate import percentile  # noqa: E402
from ingest.arabic import words  # noqa: E402
from ingest.pipeline import ingest_articles  # noqa: E402
from ingest.records import Article  # noqa: E402
from ingest.settings import Settings  # noqa: E402
from ingest.store import Store  # noqa: E402
from retriever.lexicon import AR_STOPWORDS  # noqa: E402
from retriever.search import HybridSearcher  # noqa: E402


def load() -> tuple[list[Article], list[tuple[str, int, str]]]:
    ar = json.loads(shared_path("eval", "xquad", "xquad.ar.json").read_text(encoding="utf-8"))
    articles, questions = [], []
    for di, doc in enumerate(ar["data"]):
        for pi, par in enumerate(doc["paragraphs"]):
            aid = f"xq-{di:02d}-{pi:02d}"
            articles.append(Article(id=aid, text=par["context"], title=doc.get("title", "")))
            questions.extend((aid, qa["answers"][0]["answer_start"], qa["question"]) for qa in par["qas"])
    return articles, questions


def sparse_search_available(store: Store) -> str:
    try:
        from chromadb import Search

        store.chunks.search(Search().limit(1))
        return "available"
    except Exception as exc:  # noqa: BLE001 - the message is the finding
        return f"{type(exc).__name__}: {str(exc)[:80]}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", action="store_true", help="also run against a local `chroma run` server")
    args = ap.parse_args()
    articles, questions = load()
    out: dict = {"date": date.today().isoformat(),
                 "machine": f"{platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}",
                 "questions": len(questions)}
    with tempfile.TemporaryDirectory() as tmp:
        server = None
        url = None
        if args.server:
            port = 8765
            server = subprocess.Popen([str(Path(sys.executable).with_name("chroma")), "run", "--path",
                                       f"{tmp}/srv", "--port", str(port), "--host", "127.0.0.1"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            url = f"http://127.0.0.1:{port}"
            time.sleep(6)
        try:
            store = Store(Settings(store=Path(tmp) / "store", chroma_url=url))
            ingest_articles(articles, store, extractor=False)
            out["mode"] = "server" if url else "embedded"
            out["chroma_sparse_search"] = sparse_search_available(store)
            searcher = HybridSearcher(store)
            embed = store.embedder.embed_queries

            def dense(q: str) -> list[str]:
                return [i for i, _ in searcher.dense(q, 5)]

            def fts_dense(q: str) -> list[str]:
                terms = [w for w in words(q) if len(w) > 2 and w not in AR_STOPWORDS]
                if not terms:
                    return dense(q)
                where = {"$contains": terms[0]} if len(terms) == 1 else {"$or": [{"$contains": t} for t in terms]}
                got = store.chunks.query(query_embeddings=[embed([q])[0].tolist()], n_results=5,
                                         where_document=where, include=[])
                return got["ids"][0]

            def bm25(q: str) -> list[str]:
                return [i for i, _ in store.lexical().search(q, 5)]

            def hybrid(q: str) -> list[str]:
                return [p.id for p in searcher.search(q, 5)]

            chunk_span = {}
            got = store.chunks.get(include=["metadatas"])
            for cid, m in zip(got["ids"], got["metadatas"]):
                chunk_span[cid] = (m["article_id"], m["start"], m["end"])
            for name, fn in [("dense", dense), ("chroma-fts+dense", fts_dense), ("bm25", bm25), ("hybrid", hybrid)]:
                fn(questions[0][2])
                hits, lat = 0, []
                for aid, ans, q in questions:
                    t = time.perf_counter()
                    ids = fn(q)
                    lat.append((time.perf_counter() - t) * 1000)
                    if any(chunk_span[i][0] == aid and chunk_span[i][1] <= ans < chunk_span[i][2] + 1
                           for i in ids if i in chunk_span):
                        hits += 1
                out[name] = {"recall_at_5": round(hits / len(questions), 3),
                             "p50_ms": round(statistics.median(lat), 1), "p95_ms": round(percentile(lat, 95), 1)}
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
