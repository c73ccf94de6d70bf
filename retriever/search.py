"""Hybrid passage search: BM25 + dense, fused by reciprocal rank for Arabic queries.

English queries use the dense ranking alone: measured on XQuAD, fusing BM25 (which can
only match Latin tokens in Arabic text: names, numbers) into English queries dropped
R@1 from .75 to .34.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from ingest.arabic import detect_language
from ingest.store import Store

log = logging.getLogger(__name__)

RRF_K = 60


@dataclass
class Passage:
    id: str
    article_id: str
    title: str
    start: int
    end: int
    text: str
    score: float

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("id")
        return d


def rrf(rankings: list[list[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: sum of 1/(k + rank) over the rankings an id appears in."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores


class HybridSearcher:
    def __init__(self, store: Store, depth: int = 50) -> None:
        self.store = store
        self.depth = depth

    def dense(self, query: str, n: int) -> list[tuple[str, float]]:
        total = self.store.chunks.count()
        if not total:
            return []
        qv = self.store.embedder.embed_queries([query])[0]
        got = self.store.chunks.query(
            query_embeddings=[qv.tolist()], n_results=min(n, total), include=["distances"]
        )
        return [(i, 1.0 - d) for i, d in zip(got["ids"][0], got["distances"][0])]

    def search(self, query: str, k: int = 5, lexical: bool | None = None) -> list[Passage]:
        """Best ``k`` passages; ``lexical`` forces BM25 fusion on or off (default: Arabic script)."""
        if lexical is None:
            lexical = detect_language(query) == "ar"
        dense = self.dense(query, self.depth)
        if lexical:
            lexical = self.store.lexical().search(query, self.depth)
            fused = rrf([[i for i, _ in lexical], [i for i, _ in dense]])
        else:
            fused = dict(dense)
        ranked = sorted(fused, key=lambda i: -fused[i])
        return self._materialise(ranked, fused, k)

    def _materialise(self, ranked: list[str], scores: dict[str, float], k: int) -> list[Passage]:
        """Fetch rows for the best ids, keeping only committed article versions."""
        out: list[Passage] = []
        pos = 0
        while len(out) < k and pos < len(ranked):
            window = ranked[pos : pos + 2 * k]
            pos += len(window)
            got = self.store.chunks.get(ids=window, include=["documents", "metadatas"])
            rows = {i: (d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])}
            versions = self.store.article_versions([m["article_id"] for _, m in rows.values()])
            for cid in window:
                if cid not in rows:
                    continue
                doc, m = rows[cid]
                if versions.get(m["article_id"]) != m["version"]:
                    continue
                out.append(Passage(cid, m["article_id"], m.get("title", ""), int(m["start"]),
                                   int(m["end"]), doc, round(scores[cid], 6)))
                if len(out) == k:
                    break
        return out
