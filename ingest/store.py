"""The store: Chroma collections for articles, chunks and statements, plus the lexical index.

Consistency without transactions: chunk and statement ids carry the article *version*
(a content hash). An ingest writes the new version's chunks and statements first and the
article record last; the article record is the commit. Readers keep only rows whose
version equals their article's committed version, so a query running during an ingest
sees the old or the new article, never a mix, and a process killed half-way leaves only
uncommitted rows that the next ingest of that article deletes.
"""

from __future__ import annotations

import fcntl
import json
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

from ingest.embeddings import get_embedder
from ingest.embeddings.chroma_function import AqwalEmbeddingFunction
from ingest.lease import LeaseBusy, LeaseLost, ServerLease
from ingest.lexical import LexicalIndex
from ingest.locks import file_lock
from ingest.records import Article, Chunk, Statement
from ingest.settings import Settings

log = logging.getLogger(__name__)

ARTICLES = "aqwal_articles"
CHUNKS = "aqwal_chunks"
STATEMENTS = "aqwal_statements"
META = "aqwal_meta"
_UNIT = [1.0]  # records that are looked up by id only carry a 1-d placeholder vector
_GET_PAGE = 5000


ArticleRows = tuple[Article, list[Chunk], Sequence[Sequence[float]], list[Statement], Sequence[Sequence[float]]]


def _upsert(col: Any, ids: list[str], docs: list[str], vecs: list[list[float]], metas: list[dict]) -> None:
    """Upsert in slices below Chroma's maximum batch size (a 5 MB article makes ~15k chunks)."""
    for i in range(0, len(ids), _GET_PAGE):
        col.upsert(ids=ids[i : i + _GET_PAGE], documents=docs[i : i + _GET_PAGE],
                   embeddings=vecs[i : i + _GET_PAGE], metadatas=metas[i : i + _GET_PAGE])


class StoreError(RuntimeError):
    """The store cannot be opened or written (clear message for the CLI)."""


@dataclass
class ChunkHit:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    title: str
    score: float


def chunk_id(article_id: str, version: str, index: int) -> str:
    return f"{article_id}::{version}::c{index:04d}"


def statement_row_id(statement: Statement, version: str) -> str:
    return f"{statement.id}::{version}"


def _article_meta(article: Article, n_chunks: int, n_statements: int) -> dict[str, Any]:
    return {
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "source": article.source,
        "version": article.version,
        "meta_json": json.dumps(article.meta, ensure_ascii=False, default=str),
        "n_chunks": n_chunks,
        "n_statements": n_statements,
        "length": len(article.text),
    }


_INT_FIELDS = ("speaker_start", "speaker_end", "cue_start", "start", "end")


def _statement_meta(st: Statement, version: str) -> dict[str, Any]:
    """Chroma drops None values: store -1 for absent offsets and "" for absent strings."""
    meta = {k: (-1 if k in _INT_FIELDS else "") if v is None else v for k, v in st.to_dict().items() if k != "via"}
    meta["via_json"] = json.dumps(st.via, ensure_ascii=False)
    meta["version"] = version
    return meta


def statement_from_meta(meta: dict[str, Any]) -> Statement:
    fields = {k: meta.get(k, -1 if k in _INT_FIELDS else "") for k in Statement.__dataclass_fields__ if k != "via"}
    return Statement(**fields, via=json.loads(meta.get("via_json") or "[]"))


class Store:
    """Opens (creating if needed) the collections of one store directory or Chroma server."""

    def __init__(self, settings: Settings, create: bool = True) -> None:
        self.settings = settings
        self.path = Path(settings.store)
        self._lexical: dict[str, LexicalIndex] = {}
        self._lease: ServerLease | None = None  # held while an ingest writes (server mode)
        try:
            if settings.chroma_url:
                self.client = self._http_client(settings)
            else:
                if create:
                    self.path.mkdir(parents=True, exist_ok=True)
                elif not (self.path / "chroma").exists():
                    raise StoreError(f"no store at {self.path}; run `aqwal ingest` first")
                # two processes opening a new store at once race in Chroma's schema migration
                # ("table collections already exists"): open it one process at a time
                with file_lock(self.path / ".open.lock", create=create):
                    self.client = chromadb.PersistentClient(
                        path=str(self.path / "chroma"),
                        settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False),
                    )
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"cannot open store at {settings.chroma_url or self.path}: {exc}") from exc
        self.ef = AqwalEmbeddingFunction(settings.embeddings)
        self.articles = self.client.get_or_create_collection(ARTICLES, embedding_function=None)
        self.meta = self.client.get_or_create_collection(META, embedding_function=None)
        self.chunks = self._vector_collection(CHUNKS)
        self.statements = self._vector_collection(STATEMENTS)

    @staticmethod
    def _http_client(settings: Settings) -> Any:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url or "")
        headers = {"Authorization": f"Bearer {settings.chroma_token}"} if settings.chroma_token else None
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            headers=headers,
            settings=ChromaSettings(anonymized_telemetry=False),
        )

    def _vector_collection(self, name: str) -> Any:
        """Vector collections keep the embedder they were made with; a store never mixes models."""
        try:
            col = self.client.get_collection(name)
        except Exception:
            return self.client.create_collection(
                name, embedding_function=self.ef, configuration={"hnsw": {"space": "cosine"}}
            )
        ef = (col.configuration or {}).get("embedding_function")
        spec = getattr(ef, "spec", None)
        if spec and spec != self.settings.embeddings:
            log.warning("store was built with embeddings %r; using it, not %r", spec, self.settings.embeddings)
            self.ef = AqwalEmbeddingFunction(spec)
        return col

    @property
    def embedder(self) -> Any:
        return get_embedder(self.ef.spec)

    # --- generation & lexical index ------------------------------------------------------
    def _state(self) -> dict[str, Any]:
        got = self.meta.get(ids=["state"], include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else {}

    def generation(self) -> int:
        return int(self._state().get("generation", 0))

    def writes_pending(self) -> bool:
        """An ingest wrote rows since the last generation and has not finished (or died)."""
        return bool(self._state().get("writing", 0))

    def _check_writer(self) -> None:
        """In server mode, stop writing the moment this ingest cannot show it still holds
        the lease (another machine may have taken over a lease that lapsed)."""
        if self._lease is not None:
            try:
                self._lease.check()
            except LeaseLost as exc:
                raise StoreError(f"{exc}; this ingest stopped before writing more") from None

    def begin_writes(self) -> None:
        """Mark the store as being written; :meth:`bump_generation` clears the mark.

        The mark outlives a killed ingest, which tells the next one that the lexical
        indexes may be missing articles and must be rebuilt rather than updated.
        """
        self._check_writer()
        state = {"generation": self.generation(), "writing": 1}
        self.meta.upsert(ids=["state"], embeddings=[_UNIT], metadatas=[state], documents=[""])

    def bump_generation(self) -> int:
        self._check_writer()
        gen = self.generation() + 1
        self.meta.upsert(ids=["state"], embeddings=[_UNIT], metadatas=[{"generation": gen, "writing": 0}],
                         documents=[""])
        return gen

    LEXICAL = ("chunks", "statements")

    def lexical_dir(self, name: str = "chunks") -> Path:
        return self.path / "lexical" / name

    def lexical(self, name: str = "chunks", known_generation: int | None = None) -> LexicalIndex:
        """The BM25 index of ``chunks`` or ``statements`` for the current generation.

        Loaded from disk, or rebuilt from the collection when it is missing or stale. Its ids
        are the collection's row ids, committed article versions only. A caller that has just
        read the generation passes it as ``known_generation`` to save a second read of the
        store (per question) when the index in memory is at that generation.
        """
        cached = self._lexical.get(name)
        if cached is not None and known_generation is not None and cached.generation == known_generation:
            return cached
        gen = self.generation()
        if cached is not None and cached.generation == gen:
            return cached
        index = LexicalIndex.load(self.lexical_dir(name))
        if index is not None and index.generation < gen:
            index = self._catch_up(name, index, gen)
        if index is None or index.generation != gen:
            index = self.rebuild_lexical(gen, names=(name,))[name]
        self._lexical[name] = index
        return index

    def _catch_up(self, name: str, index: LexicalIndex, gen: int) -> LexicalIndex | None:
        """Apply the article changes of generations index+1 … gen, read from Chroma.

        Each ingest records which articles it wrote under its generation, so a process on
        another machine (server mode) whose local index is behind updates it in O(change)
        instead of rebuilding from the whole collection. None when the record is incomplete.
        """
        wanted = [f"changes-{g}" for g in range(index.generation + 1, gen + 1)]
        got = self.meta.get(ids=wanted, include=["documents"])
        if len(got["ids"]) != len(wanted):
            return None
        lists = [json.loads(doc or "[]") for doc in got["documents"]]
        if any(not isinstance(ids, list) for ids in lists):
            return None  # a generation that rebuilt after a killed run: its changes are unknown
        changed = list(dict.fromkeys(a for ids in lists for a in ids))
        versions = self.article_versions(changed)
        articles: dict[str, dict[str, list]] = {a: {name: []} for a in changed}
        for i in range(0, len(changed), 500):
            where = {"article_id": {"$in": changed[i : i + 500]}}
            for rid, doc, meta in self.iter_rows(self._collection(name), include=["documents", "metadatas"],
                                                 where=where):
                if versions.get(meta["article_id"]) == meta.get("version"):
                    articles[meta["article_id"]][name].append((rid, doc))
        return self._apply(name, index, gen, articles)

    def record_changes(self, generation: int, article_ids: Sequence[str] | None) -> None:
        """Which articles generation ``generation`` wrote (see :meth:`_catch_up`); None when
        that cannot be known (the run follows a killed one), which makes readers rebuild."""
        self._check_writer()
        doc = json.dumps(list(article_ids) if article_ids is not None else "*", ensure_ascii=False)
        self.meta.upsert(ids=[f"changes-{generation}"], embeddings=[_UNIT], documents=[doc],
                         metadatas=[{"kind": "changes", "generation": generation}])

    def rebuild_lexical(
        self, generation: int | None = None, names: Sequence[str] = LEXICAL
    ) -> dict[str, LexicalIndex]:
        gen = self.generation() if generation is None else generation
        versions = self.article_versions()
        out: dict[str, LexicalIndex] = {}
        for name in names:
            col = self._collection(name)
            ids: list[str] = []
            groups: list[str] = []

            def committed_texts(col: Any = col, ids: list[str] = ids, groups: list[str] = groups) -> Iterator[str]:
                for rid, doc, meta in self.iter_rows(col, include=["documents", "metadatas"]):
                    if versions.get(meta.get("article_id")) == meta.get("version"):
                        ids.append(rid)
                        groups.append(meta["article_id"])
                        yield doc

            index = LexicalIndex(gen)
            index.add(ids, committed_texts(), groups)
            out[name] = self._keep_lexical(name, index)
        return out

    def lexical_update(self, since: int) -> LexicalUpdate:
        """Start bringing the lexical indexes from generation ``since`` to the next one."""
        return LexicalUpdate(self, since)

    def _apply(self, name: str, index: LexicalIndex, generation: int,
               articles: dict[str, dict[str, list]]) -> LexicalIndex:
        """Replace these articles' rows in ``index`` and keep it as generation ``generation``."""
        replace_rows(index, name, articles)
        index.generation = generation
        return self._keep_lexical(name, index)

    def _collection(self, name: str) -> Any:
        return self.chunks if name == "chunks" else self.statements

    def _keep_lexical(self, name: str, index: LexicalIndex) -> LexicalIndex:
        self._lexical[name] = index
        try:
            index.save(self.lexical_dir(name))
        except OSError as exc:  # a read-only store still answers, from memory
            log.warning("cannot save lexical index: %s", exc)
        return index

    def iter_rows(self, col: Any, include: list[str], where: dict | None = None) -> Iterator[tuple]:
        """All rows of a collection, paged, as (id, document, metadata)."""
        offset = 0
        while True:
            got = col.get(include=include, limit=_GET_PAGE, offset=offset, where=where)
            n = len(got["ids"])
            if not n:
                return
            docs = got.get("documents") or [None] * n
            metas = got.get("metadatas") or [None] * n
            yield from zip(got["ids"], docs, metas)
            offset += n
            if n < _GET_PAGE:
                return

    # --- reads ---------------------------------------------------------------------------
    def article_versions(self, ids: Sequence[str] | None = None) -> dict[str, str]:
        if ids is not None:
            if not ids:
                return {}
            got = self.articles.get(ids=list(dict.fromkeys(ids)), include=["metadatas"])
            return {i: m["version"] for i, m in zip(got["ids"], got["metadatas"])}
        return {i: m["version"] for i, _, m in self.iter_rows(self.articles, include=["metadatas"])}

    def get_article(self, article_id: str) -> Article | None:
        got = self.articles.get(ids=[article_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        m = got["metadatas"][0]
        return Article(
            id=article_id,
            text=got["documents"][0],
            title=m.get("title", ""),
            url=m.get("url", ""),
            published=m.get("published", ""),
            source=m.get("source", ""),
            meta=json.loads(m.get("meta_json") or "{}"),
        )

    def article_texts(self, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """``{article_id: (version, text)}`` for several articles in one read."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        got = self.articles.get(ids=ids, include=["documents", "metadatas"])
        return {i: (m.get("version", ""), d) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])}

    def article_infos(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Metadata (title, url, published, source, version) without the article texts."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        got = self.articles.get(ids=ids, include=["metadatas"])
        return dict(zip(got["ids"], got["metadatas"]))

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.articles.count(),
            "chunks": self.chunks.count(),
            "statements": self.statements.count(),
        }

    def statements_for(self, article_id: str) -> list[Statement]:
        version = self.article_versions([article_id]).get(article_id)
        if version is None:
            return []
        rows = self.iter_rows(
            self.statements, include=["metadatas"],
            where={"$and": [{"article_id": article_id}, {"version": version}]},
        )
        return sorted((statement_from_meta(m) for _, _, m in rows), key=lambda s: s.start)

    # --- writes --------------------------------------------------------------------------
    def write_articles(self, items: Sequence[ArticleRows]) -> None:
        """Write article versions: all their rows first, then the article records (the commit).

        One upsert per collection for the whole group: Chroma's per-call cost, not the vectors,
        dominated ingest once embedding was out of the way (py-spy, 27k chunks: 76% in upsert).
        """
        if not items:
            return
        self._check_writer()
        chunk_ids, chunk_docs, chunk_vecs, chunk_metas = [], [], [], []
        st_ids, st_docs, st_vecs, st_metas = [], [], [], []
        for article, chunks, chunk_vectors, statements, statement_vectors in items:
            version = article.version
            for i, (c, v) in enumerate(zip(chunks, chunk_vectors)):
                chunk_ids.append(chunk_id(article.id, version, i))
                chunk_docs.append(c.text)
                chunk_vecs.append([float(x) for x in v])
                chunk_metas.append({"article_id": article.id, "version": version, "start": c.start, "end": c.end,
                                    "title": article.title})
            for st, v in zip(statements, statement_vectors):
                st_ids.append(statement_row_id(st, version))
                st_docs.append(st.quote)
                st_vecs.append([float(x) for x in v])
                st_metas.append(_statement_meta(st, version))
        _upsert(self.chunks, chunk_ids, chunk_docs, chunk_vecs, chunk_metas)
        _upsert(self.statements, st_ids, st_docs, st_vecs, st_metas)
        self._check_writer()  # the article records are the commit: never after losing the lease
        self.articles.upsert(
            ids=[a.id for a, *_ in items],
            documents=[a.text for a, *_ in items],
            embeddings=[_UNIT] * len(items),
            metadatas=[_article_meta(a, len(cs), len(ss)) for a, cs, _, ss, _ in items],
        )
        self.drop_stale_many([a.id for a, *_ in items], [a.version for a, *_ in items])

    def write_article(
        self,
        article: Article,
        chunks: list[Chunk],
        chunk_vectors: Sequence[Sequence[float]],
        statements: list[Statement],
        statement_vectors: Sequence[Sequence[float]],
    ) -> None:
        """Write one article version (see :meth:`write_articles`)."""
        self.write_articles([(article, chunks, chunk_vectors, statements, statement_vectors)])

    def drop_stale_many(self, article_ids: list[str], versions: list[str]) -> None:
        """Delete rows of these articles whose version is none of the versions just written."""
        where = {"$and": [{"article_id": {"$in": list(article_ids)}}, {"version": {"$nin": list(versions)}}]}
        for col in (self.chunks, self.statements):
            col.delete(where=where)

    def drop_stale(self, article_id: str, version: str) -> None:
        """Delete rows of other (older or never-committed) versions of this article."""
        self.drop_stale_many([article_id], [version])

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """One ingest at a time per store: a second one waits, then fails clearly.

        A file lock in the store directory orders the ingests of one machine; in server
        mode a lease record in the server (see :mod:`ingest.lease`) orders machines.
        """
        lock_path = self.path / ".ingest.lock"
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fh = lock_path.open("a+")
        except OSError as exc:
            raise StoreError(f"store {self.path} is not writable: {exc.strerror or exc}") from exc
        deadline = time.monotonic() + self.settings.lock_timeout
        warned = False
        try:
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreError(
                            f"another ingest holds {lock_path} (waited {self.settings.lock_timeout:.0f}s)"
                        ) from None
                    if not warned:
                        log.warning("another ingest is writing to %s; waiting", self.path)
                        warned = True
                    time.sleep(0.2)
            if not self.settings.chroma_url:
                yield
                return
            lease = ServerLease(self.meta, timeout=max(0.0, deadline - time.monotonic()), unit=_UNIT)
            try:
                lease.acquire()
            except LeaseBusy as exc:
                raise StoreError(f"{exc} at {self.settings.chroma_url}") from None
            self._lease = lease
            try:
                yield
            finally:
                self._lease = None
                lease.release()
        finally:
            fh.close()


def replace_rows(index: LexicalIndex, name: str, articles: dict[str, dict[str, list]]) -> None:
    """Mask these articles' rows in ``index`` and append their new ``name`` rows.

    ``articles`` maps an article id to ``{"chunks": [(row_id, text), …], "statements": […]}``.
    """
    index.remove_groups(articles)
    rows = [(aid, rid, text) for aid, parts in articles.items() for rid, text in parts.get(name, ())]
    index.add([r for _, r, _ in rows], (t for _, _, t in rows), [a for a, _, _ in rows])


class LexicalUpdate:
    """One ingest's changes to the lexical indexes: applied group by group, saved at commit.

    Why staged: holding a whole run's texts until its end cost the process that built a
    100k-chunk store 1.5 GB. The rows go into private copies loaded from disk, so queries
    in this process keep reading the committed index until :meth:`commit`. An index that
    is not exactly at ``since`` (missing, a killed run) is rebuilt from the collection at
    commit instead.
    """

    def __init__(self, store: Store, since: int) -> None:
        self.store = store
        self.since = since
        self.indexes: dict[str, LexicalIndex | None] = {}
        new_store = since == 0 and store.articles.count() == 0
        for name in store.LEXICAL:
            index = LexicalIndex.load(store.lexical_dir(name))
            if index is None and new_store:
                index = LexicalIndex(0)
            if index is not None and index.generation < since:
                # this machine's index is behind (another machine ingested into the server):
                # catch it up from the recorded changes, then stage into a private copy of it
                index = store._catch_up(name, index, since)
                index = LexicalIndex.load(store.lexical_dir(name)) if index is not None else None
            self.indexes[name] = index if index is not None and index.generation == since else None

    def stage(self, articles: dict[str, dict[str, list]]) -> None:
        """Apply these articles' rows (see :func:`replace_rows`); nothing is saved yet."""
        if not articles:
            return
        for name, index in self.indexes.items():
            if index is not None:
                replace_rows(index, name, articles)

    def commit(self, generation: int) -> None:
        """Save the staged indexes as ``generation`` (rebuilding those that could not stage,
        and all of them if another writer's generation came in between)."""
        for name, index in self.indexes.items():
            if index is None or generation != self.since + 1:
                self.store.rebuild_lexical(generation, names=(name,))
            else:
                index.generation = generation
                self.store._keep_lexical(name, index)
