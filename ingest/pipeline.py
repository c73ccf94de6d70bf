"""Ingest: load → (skip unchanged) → chunk → extract statements → embed → write → index.

Articles are processed in groups so embedding batches stay full across short articles;
each article is committed on its own (see :mod:`ingest.store`), so a crash loses at most
the group in flight, and re-running finishes the job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ingest.chunker import chunk_article
from ingest.loaders import Loader, Skipped
from ingest.records import Article, Chunk, Statement
from ingest.settings import Settings
from ingest.store import LexicalUpdate, Store, chunk_id, statement_row_id

log = logging.getLogger(__name__)

Extractor = Callable[[str, str], list[Statement]]
Progress = Callable[[int, int], None]  # (articles done, chunks done)


@dataclass
class IngestReport:
    articles: int = 0
    chunks: int = 0
    statements: int = 0
    new: int = 0
    unchanged: int = 0
    embedded_texts: int = 0
    embedded_tokens: int = 0  # what the encoder actually read (benchmarks compare it to its raw rate)
    skipped: list[Skipped] = field(default_factory=list)
    # articles kept with their chunks but without statements: the extractor failed on them
    statements_skipped: list[Skipped] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "chunks": self.chunks,
            "statements": self.statements,
            "new": self.new,
            "unchanged": self.unchanged,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "statements_skipped": [{"article_id": s.path, "reason": s.reason} for s in self.statements_skipped],
        }


def default_extractor() -> Extractor | None:
    """The statement extractor, when the speech stage is installed."""
    try:
        from ingest.speech import extract_statements
    except ImportError:  # pragma: no cover - the stage ships with the package
        return None
    return extract_statements


def _group(items: Iterable[Article], size: int) -> Iterable[list[Article]]:
    batch: list[Article] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class VectorCache:
    """Vectors of texts already embedded in this run, so duplicated articles cost nothing.

    SaudiNewsNet, like most news feeds, repeats agency stories across outlets; a statement
    that equals its chunk's text reuses that vector too. Bounded (oldest dropped first).
    """

    def __init__(self, max_items: int = 50_000) -> None:
        self.max_items = max_items
        self._vecs: dict[str, np.ndarray] = {}

    def get(self, text: str) -> np.ndarray | None:
        return self._vecs.get(text)

    def put(self, text: str, vec: np.ndarray) -> None:
        if len(self._vecs) >= self.max_items:
            self._vecs.pop(next(iter(self._vecs)))
        self._vecs[text] = vec


def embed_unique(store: Store, texts: list[str], report: IngestReport, cache: VectorCache | None = None) -> np.ndarray:
    """Embed each distinct text once; texts seen earlier in the run come from ``cache``."""
    embedder = store.embedder
    cache = cache if cache is not None else VectorCache()
    if not texts:
        return np.zeros((0, getattr(embedder, "dim", 384)), dtype=np.float32)
    found = {t: cache.get(t) for t in dict.fromkeys(texts)}
    # similar lengths batched together: less padding for the encoder
    todo = sorted((t for t, v in found.items() if v is None), key=len)
    batch = max(1, store.settings.embed_batch)
    for i in range(0, len(todo), batch):
        part = todo[i : i + batch]
        for t, v in zip(part, embedder.embed_passages(part)):
            found[t] = v
            cache.put(t, v)
    report.embedded_texts += len(todo)
    counter = getattr(embedder, "token_count", None)
    if counter is not None:
        report.embedded_tokens += sum(counter(t) for t in todo)
    return np.stack([found[t] for t in texts])


# Lexical rows are staged into the index in batches of about this many texts: small enough
# that a long run never holds its texts to the end, large enough to keep segments few.
LEXICAL_STAGE_TEXTS = 20_000


def _extract(extractor: Extractor, art: Article, report: IngestReport) -> list[Statement]:
    """Statements of one article; an extractor failure on odd text keeps the article (its
    chunks are searchable) and is reported, instead of stopping the whole batch."""
    try:
        return extractor(art.id, art.text)
    except Exception as exc:
        log.warning("statement extraction failed on %s: %s", art.id, exc, exc_info=True)
        report.statements_skipped.append(Skipped(art.id, f"statement extraction failed: {type(exc).__name__}: {exc}"))
        return []


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    report: IngestReport | None = None,
    extractor: Extractor | None | bool = True,
    progress: Progress | None = None,
    group_size: int = 16,
) -> IngestReport:
    report = report or IngestReport()
    if extractor is True:
        extractor = default_extractor()
    settings = store.settings
    seen: set[str] = set()
    cache = VectorCache()
    since = store.generation()
    incremental = not store.writes_pending()  # a killed run left rows the indexes may lack
    lexical: LexicalUpdate | None = None  # started at the first write; None = rebuild at the end
    written: dict[str, None] = {}  # ids of the articles this run wrote, in order
    pending: dict[str, dict[str, list]] = {}  # their lexical rows not yet staged (last version wins)
    pending_texts = 0
    for group in _group(articles, group_size):
        # Last record wins when one batch holds the same id twice.
        uniq = {a.id: a for a in group}
        current = store.article_infos(uniq)
        todo: list[tuple[Article, list[Chunk], list[Statement]]] = []
        for art in uniq.values():
            info = current.get(art.id)
            if info and info.get("version") == art.version:
                report.unchanged += 1
                report.chunks += int(info.get("n_chunks", 0))
                report.statements += int(info.get("n_statements", 0))
            else:
                chunks = chunk_article(art.id, art.text, settings.chunk_chars)
                statements = _extract(extractor, art, report) if extractor else []
                todo.append((art, chunks, statements))
            if art.id not in seen:
                seen.add(art.id)
                report.articles += 1
        texts = [c.text for _, cs, _ in todo for c in cs] + [s.quote for _, _, ss in todo for s in ss]
        vectors = embed_unique(store, texts, report, cache)
        i = 0
        chunk_vecs: list[np.ndarray] = []
        for _, cs, _ in todo:
            chunk_vecs.append(vectors[i : i + len(cs)])
            i += len(cs)
        rows = []
        for (art, cs, ss), cv in zip(todo, chunk_vecs):
            rows.append((art, cs, cv, ss, vectors[i : i + len(ss)]))
            i += len(ss)
            report.new += 1
            report.chunks += len(cs)
            report.statements += len(ss)
        if rows and not written:
            store.begin_writes()
            lexical = store.lexical_update(since) if incremental else None
        store.write_articles(rows)
        for art, cs, _, ss, _ in rows:
            written[art.id] = None
            if lexical is None:
                continue  # the indexes are rebuilt from the store at the end
            pending[art.id] = {
                "chunks": [(chunk_id(art.id, art.version, n), c.text) for n, c in enumerate(cs)],
                "statements": [(statement_row_id(st, art.version), st.quote) for st in ss],
            }
            pending_texts += len(cs) + len(ss)
        if lexical is not None and pending_texts >= LEXICAL_STAGE_TEXTS:
            lexical.stage(pending)
            pending, pending_texts = {}, 0
        if progress:
            progress(report.articles, report.chunks)
    if written:
        if lexical is not None:
            lexical.stage(pending)
        store.record_changes(store.generation() + 1, list(written) if incremental else None)
        gen = store.bump_generation()
        if lexical is not None:
            lexical.commit(gen)
        else:
            store.rebuild_lexical(gen)
    return report


def ingest_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    text_field: str = "text",
    progress: Progress | None = None,
    extractor: Extractor | None | bool = True,
) -> IngestReport:
    """Ingest files/directories/zips/stdin into the store named by ``settings``."""
    loader = Loader(text_field=text_field, max_bytes=settings.max_article_bytes)
    store = Store(settings)
    report = IngestReport()
    with store.writer_lock():
        ingest_articles(loader.load(paths), store, report, extractor=extractor, progress=progress)
    report.skipped = loader.skipped
    return report
