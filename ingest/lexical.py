"""BM25 over Arabic-normalised text (light stems + character 4-grams), updated in place.

Why not a precomputed score matrix (bm25s): BM25 weights depend on corpus-wide statistics
(document count, document frequency, mean length), so adding ten articles to an archive
meant re-tokenising all of it (35 s at 100k chunks, O(archive) per ingest, 3.2 GB peak).
Here the index keeps raw term frequencies in immutable *segments* (one per update) and a
liveness mask; the statistics are computed at query time for the query's terms only, so
the scores are exactly those of a fresh build (bm25s's Lucene variant, k1=1.5, b=0.75:
``idf = ln(1 + (N - df + .5)/(df + .5))``, ``tf / (tf + k1·(1 - b + b·len/avglen))``),
an update costs O(new text), and removal is a mask flip. Segments are merged when there
are many of them.

The index is a cache of what the Chroma store holds: it records the store generation it
reflects and is rebuilt whenever it is missing or out of step, so several processes (and
a Chroma server) always agree on what exists.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.arabic import lexical_tokens
from ingest.locks import file_lock

log = logging.getLogger(__name__)

K1 = 1.5
B = 0.75
MAX_SEGMENTS = 8


@dataclass
class Segment:
    """Postings of documents ``base .. base+n-1``: per term (CSC), document positions and tfs."""

    name: str
    indptr: np.ndarray  # int64, len = vocabulary size when built + 1
    docs: np.ndarray  # int32, global document positions
    tf: np.ndarray  # float32

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        if term + 1 >= len(self.indptr):
            return self.docs[:0], self.tf[:0]
        a, b = self.indptr[term], self.indptr[term + 1]
        return self.docs[a:b], self.tf[a:b]


class LexicalIndex:
    def __init__(self, generation: int = 0) -> None:
        self.generation = generation
        self.vocab: dict[str, int] = {}
        self.ids: list[str] = []
        self.groups: list[str] = []  # the article each document belongs to (for replacement)
        self.lengths = np.zeros(0, dtype=np.float32)
        self.alive = np.zeros(0, dtype=bool)
        self.segments: list[Segment] = []
        self._pos: dict[str, int] | None = None
        # (live documents, length normalisation per document): O(N) to compute, so kept
        # until the next change instead of recomputed per query
        self._stats: tuple[int, np.ndarray] | None = None
        self._dirty: set[str] = set()  # segments not yet written

    # --- building and updating -----------------------------------------------------------
    @classmethod
    def build(cls, ids: Iterable[str], texts: Iterable[str], generation: int = 0,
              groups: Iterable[str] | None = None) -> LexicalIndex:
        """A fresh index of ``texts`` (any iterable, consumed once) under ``ids``."""
        index = cls(generation)
        index.add(ids, texts, groups)
        return index

    def add(self, ids: Iterable[str], texts: Iterable[str], groups: Iterable[str] | None = None) -> None:
        """Append documents as one new segment (texts are tokenised one at a time)."""
        base = len(self.ids)
        voc_parts: list[np.ndarray] = []
        tf_parts: list[np.ndarray] = []
        lengths: list[int] = []
        for text in texts:
            toks = lexical_tokens(text) or ["\u2205"]
            tid = np.fromiter((self.vocab.setdefault(t, len(self.vocab)) for t in toks), dtype=np.int32,
                              count=len(toks))
            u, c = np.unique(tid, return_counts=True)
            voc_parts.append(u.astype(np.int32))
            tf_parts.append(c.astype(np.float32))
            lengths.append(len(toks))
        ids = list(ids)  # after the texts: ``ids`` may be filled while they are read
        if len(ids) != len(lengths):
            raise ValueError(f"{len(ids)} ids for {len(lengths)} texts")
        if not lengths:
            return
        self.ids.extend(ids)
        self.groups.extend(groups if groups is not None else [""] * len(ids))
        self.lengths = np.concatenate([self.lengths, np.asarray(lengths, dtype=np.float32)])
        self.alive = np.concatenate([self.alive, np.ones(len(lengths), dtype=bool)])
        counts = np.fromiter((len(u) for u in voc_parts), dtype=np.int64, count=len(voc_parts))
        docs = np.repeat(np.arange(base, base + len(lengths), dtype=np.int32), counts)
        self.segments.append(self._segment(np.concatenate(voc_parts), docs, np.concatenate(tf_parts)))
        if len(self.segments) > MAX_SEGMENTS:
            self.compact()

    def remove_groups(self, groups: Iterable[str]) -> int:
        """Mark every document of these articles deleted; returns how many were live."""
        wanted = set(groups)
        if not wanted:
            return 0
        hit = np.fromiter((g in wanted for g in self.groups), dtype=bool, count=len(self.groups))
        n = int((hit & self.alive).sum())
        self.alive &= ~hit
        self._pos = self._stats = None
        return n

    def compact(self) -> None:
        """Merge all segments into one and drop deleted documents (renumbering positions)."""
        keep = np.flatnonzero(self.alive)
        remap = np.full(len(self.ids), -1, dtype=np.int64)
        remap[keep] = np.arange(len(keep))
        voc_parts, doc_parts, tf_parts = [], [], []
        for seg in self.segments:
            terms = np.repeat(np.arange(len(seg.indptr) - 1, dtype=np.int32), np.diff(seg.indptr))
            live = self.alive[seg.docs]
            voc_parts.append(terms[live])
            doc_parts.append(remap[seg.docs[live]].astype(np.int32))
            tf_parts.append(seg.tf[live])
        voc = np.concatenate(voc_parts) if voc_parts else np.zeros(0, dtype=np.int32)
        docs = np.concatenate(doc_parts) if doc_parts else np.zeros(0, dtype=np.int32)
        tf = np.concatenate(tf_parts) if tf_parts else np.zeros(0, dtype=np.float32)
        self.ids = [self.ids[i] for i in keep]
        self.groups = [self.groups[i] for i in keep]
        self.lengths = self.lengths[keep]
        self.alive = np.ones(len(keep), dtype=bool)
        self._dirty.clear()  # the old segments go; the merged one is the only unsaved one
        self.segments = [self._segment(voc, docs, tf)]

    def _segment(self, voc: np.ndarray, docs: np.ndarray, tf: np.ndarray) -> Segment:
        """Postings (term, document, tf) as a new unsaved segment, by term then document.

        Callers pass postings whose documents never decrease within a term (a new batch in
        document order; merged segments in order, each sorted, earlier segments holding
        earlier documents), so a stable sort on the term alone orders them: it finds the
        sorted runs and is several times faster than a two-key sort on a merge.
        """
        order = np.argsort(voc, kind="stable")
        indptr = np.zeros(len(self.vocab) + 1, dtype=np.int64)
        np.cumsum(np.bincount(voc, minlength=len(self.vocab)), out=indptr[1:])
        seg = Segment(uuid.uuid4().hex[:12], indptr, docs[order], tf[order])
        self._dirty.add(seg.name)
        self._pos = self._stats = None
        return seg

    # --- scoring -------------------------------------------------------------------------
    def __len__(self) -> int:
        return int(self.alive.sum())

    def _scores(self, query: str) -> np.ndarray | None:
        terms = [self.vocab[t] for t in lexical_tokens(query) if t in self.vocab]
        if self._stats is None:
            n_live = int(self.alive.sum())
            avg = float(self.lengths[self.alive].mean()) if n_live else 1.0
            self._stats = (n_live, K1 * ((1 - B) + B * self.lengths / avg))
        n_live, norm = self._stats
        if not terms or not n_live:
            return None
        doc_parts, w_parts = [], []
        for term in terms:  # repeated query terms count again, as in bm25s
            postings = [seg.postings(term) for seg in self.segments]
            docs = np.concatenate([d for d, _ in postings])
            tf = np.concatenate([f for _, f in postings])
            live = self.alive[docs]
            docs, tf = docs[live], tf[live]
            if not len(docs):
                continue
            idf = np.log1p((n_live - len(docs) + 0.5) / (len(docs) + 0.5))
            doc_parts.append(docs)
            w_parts.append(idf * tf / (tf + norm[docs]))
        if not doc_parts:
            return None
        return np.bincount(np.concatenate(doc_parts), weights=np.concatenate(w_parts), minlength=len(self.ids))

    def search(self, query: str, k: int = 50) -> list[tuple[str, float]]:
        """Best ``k`` ids with BM25 scores > 0, best first."""
        scores = self._scores(query)
        if scores is None:
            return []
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def scores_for(self, query: str, ids: list[str]) -> dict[str, float]:
        """BM25 scores of the given ids only (those > 0): no ranking of the whole index."""
        if not ids:
            return {}
        scores = self._scores(query)
        if scores is None:
            return {}
        if self._pos is None:
            self._pos = {i: n for n, i in enumerate(self.ids) if self.alive[n]}
        pos = [(i, self._pos[i]) for i in ids if i in self._pos]
        return {i: float(scores[n]) for i, n in pos if scores[n] > 0}

    # --- persistence ---------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        """Write new segments, then swap in a manifest: a reader never sees half an index.

        Segment files are immutable and named uniquely; only the manifest and the small
        per-document arrays are rewritten, so saving after an update costs O(update).
        """
        directory.mkdir(parents=True, exist_ok=True)
        # one saver at a time per directory: each save deletes the files its manifest does not
        # name, so two processes saving at once (a writer's commit, a reader catching up)
        # could delete each other's new files
        with file_lock(directory / ".save.lock"):
            self._save(directory)

    def _save(self, directory: Path) -> None:
        for seg in self.segments:
            path = directory / f"seg-{seg.name}.npz"
            if seg.name in self._dirty or not path.exists():
                tmp = directory / f".seg-{seg.name}.tmp.npz"
                np.savez(tmp, indptr=seg.indptr, docs=seg.docs, tf=seg.tf)
                os.replace(tmp, path)
        state = f"state-{uuid.uuid4().hex[:12]}"
        np.savez(directory / f".{state}.tmp.npz", lengths=self.lengths, alive=self.alive)
        os.replace(directory / f".{state}.tmp.npz", directory / f"{state}.npz")
        (directory / f"{state}.json").write_text(
            json.dumps({"ids": self.ids, "groups": self.groups, "vocab": list(self.vocab)}, ensure_ascii=False),
            encoding="utf-8")
        manifest = {"generation": self.generation, "count": len(self), "state": state,
                    "segments": [s.name for s in self.segments], "format": 2}
        fd, tmp = tempfile.mkstemp(prefix=".manifest-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh)
        os.replace(tmp, directory / "manifest.json")
        self._dirty.clear()
        keep = {f"seg-{s.name}.npz" for s in self.segments} | {f"{state}.npz", f"{state}.json", "manifest.json"}
        for f in directory.iterdir():
            if f.name not in keep and not f.name.startswith("."):
                if f.is_dir():
                    shutil.rmtree(f, ignore_errors=True)
                else:
                    f.unlink(missing_ok=True)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex | None:
        try:
            manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
            if manifest.get("format") != 2:
                return None
            index = cls(int(manifest["generation"]))
            meta = json.loads((directory / f"{manifest['state']}.json").read_text(encoding="utf-8"))
            with np.load(directory / f"{manifest['state']}.npz") as arrays:
                index.lengths, index.alive = arrays["lengths"], arrays["alive"]
            index.ids, index.groups = meta["ids"], meta["groups"]
            index.vocab = {t: i for i, t in enumerate(meta["vocab"])}
            for name in manifest["segments"]:
                with np.load(directory / f"seg-{name}.npz") as arrays:
                    index.segments.append(Segment(name, arrays["indptr"], arrays["docs"], arrays["tf"]))
            return index
        except (OSError, ValueError, KeyError) as exc:
            log.debug("no usable lexical index at %s: %s", directory, exc)
            return None
