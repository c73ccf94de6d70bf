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
    total: int = 0  # statements that matched before the answer's cap (0: not capped)


class StatementIndex:
    """Committed statements, indexed by speaker and article, per store generation.

    Holds only what answering needs in memory (statement metadata, per-speaker and
    per-article lists, speaker profiles); vectors stay in Chroma and the BM25 over quotes
    is the store's persisted ``statements`` lexical index, so a process opening a large
    archive neither re-embeds nor re-tokenises it.
    """

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
            self.articles[aid] = {k: meta.get(k, "") for k in ("title", "published", "source", "url", "version")}
        statements: list[Statement] = []
        self.row_ids: dict[str, str] = {}
        for rid, _, meta in self.store.iter_rows(self.store.statements, include=["metadatas"]):
            if versions.get(meta.get("article_id")) != meta.get("version"):
                continue
            st = statement_from_meta(meta)
            statements.append(st)
            self.row_ids[st.id] = rid
        statements.sort(key=self.order_key)
        self.statements = statements
        self.rank = {s.id: n for n, s in enumerate(statements)}  # chronological position
        self.by_id = {s.id: s for s in statements}
        self.by_row = {r: i for i, r in self.row_ids.items()}
        self.by_entity: dict[str, list[Statement]] = {}
        self.by_article: dict[str, list[Statement]] = {}
        self.accusations: set[str] = set()
        for st in statements:
            self.by_entity.setdefault(self.entity_key(st), []).append(st)
            self.by_article.setdefault(st.article_id, []).append(st)
            if is_accusation(st):
                self.accusations.add(st.id)
        self.speakers = SpeakerIndex(statements, self.catalog)
        self.generation = gen

    @property
    def lexical(self) -> LexicalIndex:
        """BM25 over the quotes (ids are statement row ids), shared with other processes."""
        return self.store.lexical("statements", self.generation)

    def order_key(self, st: Statement) -> tuple:
        """By date, then article, then position in the article."""
        published = (self.articles.get(st.article_id) or {}).get("published") or "9999"
        return (published, st.article_id, st.start)

    def entity_key(self, st: Statement) -> str:
        return st.entity_id or normalize(st.speaker_canonical or st.speaker)

    def dense_scores(self, text: str, statements: list[Statement], limit: int = 200) -> dict[str, float]:
        """Cosine similarity of the query to each statement (vectors read from Chroma).

        Up to ``limit`` candidates are scored exactly; a larger set (a speaker with
        thousands of statements) is narrowed by Chroma's ANN search filtered to those
        speakers, so the cost does not grow with the speaker's archive.
        """
        if not statements:
            return {}
        qv = self.store.embedder.embed_queries([text])[0]
        if len(statements) > limit:
            return self._filtered_nearest(qv, statements, limit)
        rows = [self.row_ids[s.id] for s in statements]
        got = self.store.statements.get(ids=rows, include=["embeddings"])
        vec = dict(zip(got["ids"], got["embeddings"]))
        return {s.id: float(np.dot(vec[r], qv)) for s, r in zip(statements, rows) if r in vec}

    def _filtered_nearest(self, qv: np.ndarray, statements: list[Statement], n: int) -> dict[str, float]:
        entity_ids = sorted({s.entity_id for s in statements if s.entity_id})
        names = sorted({s.speaker_canonical for s in statements if not s.entity_id and s.speaker_canonical})
        clauses: list[dict] = []
        if entity_ids:
            clauses.append({"entity_id": {"$in": entity_ids}})
        if names:
            clauses.append({"speaker_canonical": {"$in": names}})
        where = clauses[0] if len(clauses) == 1 else {"$or": clauses}
        wanted = {s.id for s in statements}
        got = self.store.statements.query(query_embeddings=[qv.tolist()], n_results=n, where=where,
                                          include=["distances"])
        out: dict[str, float] = {}
        for rid, dist in zip(got["ids"][0], got["distances"][0]):
            sid = self.by_row.get(rid)
            if sid in wanted:
                out[sid] = 1.0 - float(dist)
        return out

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
                                              include=[])
            ids.extend(self.by_row[r] for r in got["ids"][0] if r in self.by_row)
        ids.extend(self.by_row[r] for r, _ in self.lexical.search(text, n) if r in self.by_row)
        return [self.by_id[i] for i in dict.fromkeys(ids)]

    def lexical_scores(self, text: str, among: set[str]) -> dict[str, float]:
        """BM25 scores of the candidates, relative to the best candidate (1.0)."""
        rows = [self.row_ids[i] for i in among if i in self.row_ids]
        raw = self.lexical.scores_for(text, rows)
        if not raw:
            return {}
        top = max(raw.values())
        return {self.by_row[r]: v / top for r, v in raw.items()}


class StatementSearch:
    """Turns a parsed :class:`Query` into the statements that answer it.

    ``limit`` caps a list answer ("what did the UN say?" over an archive): the latest
    ``limit`` statements are kept and :attr:`Retrieval.total` says how many matched, so
    a face can offer the rest (a follow-up "what else?" pages back through them).
    """

    def __init__(
        self, index: StatementIndex, margin: float = 0.045, topic_margin: float = 0.1, lexical_weight: float = 0.15,
        limit: int = 30,
    ) -> None:
        self.index = index
        self.margin = margin
        self.topic_margin = topic_margin
        self.lexical_weight = lexical_weight
        self.limit = limit
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
        lex = self.index.lexical_scores(bridged, set(dense))
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
        excluded = set(q.exclude_ids)
        if q.kind == SPEAKER:
            resolved = idx.speakers.resolve(q.speaker)
            out.speaker_ids = [k for k, _ in resolved]
            if not resolved:
                out.unresolved = True
                return out
            cands = [s for k in out.speaker_ids for s in idx.by_entity.get(k, ()) if s.id not in excluded]
            if q.topic and len(cands) > 1:
                out.scores = self.relevance(q.topic, q.language, cands)
                chosen = set(self.select(out.scores, margin=self.topic_margin))
                cands = [s for s in cands if s.id in chosen]
            out.statements = self._latest(cands, out)
        elif q.kind == ACCUSATION:
            # Accusations in the article that discusses the topic; the latest ones when no topic.
            if q.topic:
                focus = self.focus_article(q.topic, q.language)
                cands = [s for s in idx.by_article.get(focus or "", ()) if s.id in idx.accusations]
                cands = [s for s in cands if s.id not in excluded]
                out.scores = self.relevance(q.topic, q.language, cands)
            else:
                cands = [idx.by_id[i] for i in idx.accusations if i not in excluded]
            out.statements = self._latest(cands, out)
        elif q.kind in (WHO_SAID, SEARCH):
            text = q.topic or q.text
            bridged = bridge_topic(text) if q.language != "ar" else text
            pool = [s for s in idx.nearest(bridged, q.language) if s.id not in excluded]
            out.scores = self.relevance(text, q.language, pool)
            chosen = set(self.select(out.scores, margin=self.margin / 2, limit=5 if q.kind == WHO_SAID else 8))
            out.statements = [s for s in pool if s.id in chosen]
        out.statements.sort(key=lambda s: idx.rank[s.id])
        return out

    def _latest(self, cands: list[Statement], out: Retrieval) -> list[Statement]:
        if len(cands) <= self.limit:
            return cands
        out.total = len(cands)
        return sorted(cands, key=lambda s: self.index.rank[s.id])[-self.limit:]


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
