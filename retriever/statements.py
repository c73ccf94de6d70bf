"""Statement retrieval: a speaker's statements on a topic, accusations, "who said …", search.

Reads the statements ingest wrote (committed article versions only), keeps an in-memory
view keyed by the store generation, and ranks with dense similarity (statement vectors
from Chroma) plus BM25 over the quotes for Arabic topics.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ingest.arabic import has_arabic, normalize
from ingest.lexical import LexicalIndex
from ingest.records import Statement
from ingest.store import Store, statement_from_meta
from retriever.lexicon import EN_AR_TOPICS
from retriever.query import ACCUSATION, SEARCH, SPEAKER, WHO_SAID, Query
from retriever.search import HybridSearcher
from retriever.speakers import SpeakerIndex

log = logging.getLogger(__name__)

# Accusation: the cue itself, or accusation vocabulary in the content (normalised forms).
ACCUSATION_CUES = re.compile(r"^(?:ا?تهم|يتهم|تتهم|اتهمت|اتهموا|حمل|حملت|يحمل|تحمل|ندد|نددت|دان|دانت|ادان|ادانت|"
                             r"استنكر|استنكرت|هاجم|هاجمت|انتقد|انتقدت)")
ACCUSATION_WORDS = re.compile(
    r"(?:اتهام|يتهم|تتهم|اتهم|خرق|انتهاك|ينتهك|تنتهك|استفزاز|عدوان|اعتداء|هجوم|هجومي|قصف|تعطيل|يعطل|تعرقل|يعرقل|"
    r"عرقل|تقويض|ارتكب|مسوولي|جريم|تشويه|تشوه|كاذب|يقود|حمله|دكتاتوري|ترفض\s+تنفيذ|تتحمل)"
)


@dataclass
class Retrieval:
    query: Query
    statements: list[Statement] = field(default_factory=list)
    speaker_ids: list[str] = field(default_factory=list)
    unresolved: bool = False
    scores: dict[str, float] = field(default_factory=dict)


class StatementIndex:
    """All committed statements, their speakers, and article metadata, per store generation."""

    def __init__(self, store: Store, catalog: Any | None = None) -> None:
        self.store = store
        self.catalog = catalog
        self.generation = -1
        self.refresh()

    def refresh(self) -> None:
        gen = self.store.generation()
        if gen == self.generation:
            return
        versions: dict[str, str] = {}
        self.articles: dict[str, dict[str, Any]] = {}
        for aid, _, meta in self.store.iter_rows(self.store.articles, include=["metadatas"]):
            versions[aid] = meta["version"]
            self.articles[aid] = meta
        self.statements: list[Statement] = []
        self.row_ids: dict[str, str] = {}
        for rid, _, meta in self.store.iter_rows(self.store.statements, include=["metadatas"]):
            if versions.get(meta.get("article_id")) != meta.get("version"):
                continue
            st = statement_from_meta(meta)
            self.statements.append(st)
            self.row_ids[st.id] = rid
        self.statements.sort(key=self.order_key)
        self.by_id = {s.id: s for s in self.statements}
        self.lexical = LexicalIndex.build([s.id for s in self.statements], [s.quote for s in self.statements])
        self.speakers = SpeakerIndex(self.statements, self.catalog)
        self.generation = gen

    def order_key(self, st: Statement) -> tuple:
        """By date, then article, then position in the article."""
        published = (self.articles.get(st.article_id) or {}).get("published") or "9999"
        return (published, st.article_id, st.start)

    def entity_key(self, st: Statement) -> str:
        return st.entity_id or normalize(st.speaker_canonical or st.speaker)

    def dense_scores(self, text: str, statements: list[Statement]) -> dict[str, float]:
        if not statements:
            return {}
        qv = self.store.embedder.embed_queries([text])[0]
        rows = [self.row_ids[s.id] for s in statements]
        got = self.store.statements.get(ids=rows, include=["embeddings"])
        vec = dict(zip(got["ids"], got["embeddings"]))
        return {s.id: float(np.dot(vec[r], qv)) for s, r in zip(statements, rows) if r in vec}

    def nearest(self, text: str, language: str, n: int = 50) -> list[Statement]:
        """Candidate statements for a free-text query: dense ANN top-n ∪ BM25 top-n.

        Scoring every statement is fine for hundreds, not for an archive; the ANN index in
        Chroma and the BM25 index narrow the pool first.
        """
        ids: list[str] = []
        total = self.store.statements.count()
        if total:
            qv = self.store.embedder.embed_queries([text])[0]
            got = self.store.statements.query(query_embeddings=[qv.tolist()], n_results=min(n * 2, total),
                                              include=["metadatas"])
            for meta in got["metadatas"][0]:
                sid = meta.get("id")
                if sid in self.by_id and self.row_ids.get(sid, "").endswith(meta.get("version", "")):
                    ids.append(sid)
        ids.extend(i for i, _ in self.lexical.search(text, n))
        return [self.by_id[i] for i in dict.fromkeys(ids) if i in self.by_id]

    def lexical_scores(self, text: str, among: set[str]) -> dict[str, float]:
        """BM25 scores of the candidates, relative to the best candidate (1.0)."""
        hits = [(i, s) for i, s in self.lexical.search(text, k=max(1, len(self.statements))) if i in among]
        if not hits:
            return {}
        top = hits[0][1]
        return {i: s / top for i, s in hits}


class StatementSearch:
    """Turns a parsed :class:`Query` into the statements that answer it."""

    def __init__(
        self, index: StatementIndex, margin: float = 0.045, topic_margin: float = 0.1, lexical_weight: float = 0.15
    ) -> None:
        self.index = index
        self.margin = margin
        self.topic_margin = topic_margin
        self.lexical_weight = lexical_weight
        self.passages = HybridSearcher(index.store)

    def focus_article(self, topic: str, language: str, depth: int = 6) -> str | None:
        """The article that discusses the topic most: where "who accused whom of X" is asked about.

        Each article scores the sum of its passages' fused scores among the top ``depth``.
        One article, because an accusation question is about one dispute; mixing in others
        that merely share a word ("truce" in another war) lowers precision.
        """
        bridged = bridge_topic(topic) if language != "ar" else topic
        totals: dict[str, float] = {}
        for h in self.passages.search(bridged, k=depth, lexical=has_arabic(bridged)):
            totals[h.article_id] = totals.get(h.article_id, 0.0) + h.score
        return max(totals, key=lambda a: totals[a]) if totals else None

    def relevance(self, topic: str, language: str, cands: list[Statement]) -> dict[str, float]:
        """Dense similarity plus a BM25 bonus (topic words, and their Arabic glosses for English)."""
        bridged = bridge_topic(topic) if language != "ar" else topic
        dense = self.index.dense_scores(bridged, cands)
        lex = self.index.lexical_scores(bridged, {s.id for s in cands})
        return {i: d + self.lexical_weight * lex.get(i, 0.0) for i, d in dense.items()}

    def select(self, scores: dict[str, float], margin: float | None = None, limit: int = 12) -> list[str]:
        if not scores:
            return []
        margin = self.margin if margin is None else margin
        best = max(scores.values())
        ranked = sorted(scores, key=lambda i: -scores[i])
        return [i for i in ranked if scores[i] >= best - margin][:limit]

    def retrieve(self, q: Query) -> Retrieval:
        self.index.refresh()
        idx = self.index
        out = Retrieval(q)
        pool = [s for s in idx.statements if s.id not in set(q.exclude_ids)]
        if q.kind == SPEAKER:
            resolved = idx.speakers.resolve(q.speaker)
            out.speaker_ids = [k for k, _ in resolved]
            if not resolved:
                out.unresolved = True
                return out
            keys = set(out.speaker_ids)
            cands = [s for s in pool if idx.entity_key(s) in keys]
            if q.topic and len(cands) > 1:
                out.scores = self.relevance(q.topic, q.language, cands)
                chosen = set(self.select(out.scores, margin=self.topic_margin))
                cands = [s for s in cands if s.id in chosen]
            out.statements = cands
        elif q.kind == ACCUSATION:
            # Accusations in the articles that discuss the topic; all of them when no topic.
            cands = [s for s in pool if is_accusation(s)]
            if q.topic:
                focus = self.focus_article(q.topic, q.language)
                cands = [s for s in cands if s.article_id == focus]
                out.scores = self.relevance(q.topic, q.language, cands)
            out.statements = cands
        elif q.kind in (WHO_SAID, SEARCH):
            text = q.topic or q.text
            bridged = bridge_topic(text) if q.language != "ar" else text
            excluded = set(q.exclude_ids)
            pool = [s for s in idx.nearest(bridged, q.language) if s.id not in excluded]
            out.scores = self.relevance(text, q.language, pool)
            chosen = set(self.select(out.scores, margin=self.margin / 2, limit=5 if q.kind == WHO_SAID else 8))
            out.statements = [s for s in pool if s.id in chosen]
        out.statements.sort(key=idx.order_key)
        return out


def bridge_topic(topic: str) -> str:
    """An English topic with the Arabic glosses of its words appended (kept for the dense side too)."""
    glosses: list[str] = []
    for w in re.findall(r"[A-Za-z]+", topic.lower()):
        glosses.extend(EN_AR_TOPICS.get(w, ()))
    return f"{topic} {' '.join(dict.fromkeys(glosses))}".strip()


def is_accusation(st: Statement) -> bool:
    cue = normalize(st.cue)
    return bool(ACCUSATION_CUES.match(cue) or ACCUSATION_WORDS.search(normalize(st.quote)))


__all__ = ["ACCUSATION", "SEARCH", "SPEAKER", "WHO_SAID", "Retrieval", "StatementIndex", "StatementSearch"]
