"""BM25 over Arabic-normalised text (light stems + character 4-grams), persisted on disk.

The index is a cache of what the Chroma store holds: it records the store generation it
was built from, and is rebuilt whenever the store has moved on, so several processes
(and a Chroma server) always agree on what exists.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import bm25s
import numpy as np

from ingest.arabic import lexical_tokens

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)


class LexicalIndex:
    def __init__(self, ids: list[str], bm25: bm25s.BM25 | None, generation: int = 0) -> None:
        self.ids = ids
        self.bm25 = bm25
        self.generation = generation
        self._pos: dict[str, int] | None = None

    @classmethod
    def build(cls, ids: Iterable[str], texts: Iterable[str], generation: int = 0) -> LexicalIndex:
        """Index ``texts`` (any iterable, consumed once) under ``ids``.

        The BM25 matrix (bm25s's Lucene variant, k1=1.5, b=0.75) is computed here from
        per-document unique token ids and counts, then handed to bm25s for search and
        persistence. Building it with ``bm25s.index`` over token strings held a Python
        string per token: 3.2 GB at 100k chunks, the ingest's peak. This keeps 4 bytes a
        token and ends near 1/4 of that.
        """
        vocab: dict[str, int] = {}
        voc_parts: list[np.ndarray] = []
        tf_parts: list[np.ndarray] = []
        lengths: list[int] = []
        for text in texts:
            toks = lexical_tokens(text) or ["\u2205"]
            tid = np.fromiter((vocab.setdefault(t, len(vocab)) for t in toks), dtype=np.int32, count=len(toks))
            u, c = np.unique(tid, return_counts=True)
            voc_parts.append(u.astype(np.int32))
            tf_parts.append(c.astype(np.float32))
            lengths.append(len(toks))
        ids = list(ids)
        if not lengths:
            return cls([], None, generation)
        bm25 = bm25s.BM25()
        bm25.scores = _bm25_matrix(voc_parts, tf_parts, np.asarray(lengths, dtype=np.float32), len(vocab),
                                   bm25.k1, bm25.b)
        vocab[""] = len(vocab)  # as bm25s.index does: the empty token closes the vocabulary
        bm25.vocab_dict = vocab
        bm25.unique_token_ids_set = set(vocab.values())
        bm25.nonoccurrence_array = None
        return cls(ids, bm25, generation)

    def search(self, query: str, k: int = 50) -> list[tuple[str, float]]:
        """Best ``k`` ids with BM25 scores > 0, best first."""
        if self.bm25 is None:
            return []
        vocab = self.bm25.vocab_dict
        tokens = [t for t in lexical_tokens(query) if t in vocab]
        if not tokens:
            return []
        scores = self.bm25.get_scores(tokens)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def scores_for(self, query: str, ids: list[str]) -> dict[str, float]:
        """BM25 scores of the given ids only (those > 0): no ranking of the whole index."""
        if self.bm25 is None or not ids:
            return {}
        vocab = self.bm25.vocab_dict
        tokens = [t for t in lexical_tokens(query) if t in vocab]
        if not tokens:
            return {}
        if self._pos is None:
            self._pos = {i: n for n, i in enumerate(self.ids)}
        pos = [(i, self._pos[i]) for i in ids if i in self._pos]
        scores = self.bm25.get_scores(tokens)
        return {i: float(scores[n]) for i, n in pos if scores[n] > 0}

    def save(self, directory: Path) -> None:
        """Write atomically: a reader never sees half an index."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".lexical-", dir=directory.parent))
        try:
            if self.bm25 is not None:
                self.bm25.save(str(tmp / "bm25"), show_progress=False)
            (tmp / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")
            (tmp / "manifest.json").write_text(
                json.dumps({"generation": self.generation, "count": len(self.ids)}), encoding="utf-8"
            )
            old = directory.with_name(directory.name + ".old")
            if directory.exists():
                os.replace(directory, old)
            os.replace(tmp, directory)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex | None:
        try:
            manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
            ids = json.loads((directory / "ids.json").read_text(encoding="utf-8"))
            bm25 = None
            if ids:
                bm25 = bm25s.BM25.load(str(directory / "bm25"), show_progress=False)
            return cls(ids, bm25, int(manifest["generation"]))
        except (OSError, ValueError, KeyError) as exc:
            log.debug("no usable lexical index at %s: %s", directory, exc)
            return None


def _bm25_matrix(voc_parts: list[np.ndarray], tf_parts: list[np.ndarray], lengths: np.ndarray, n_vocab: int,
                 k1: float, b: float) -> dict:
    """Documents × terms BM25 weights in bm25s's CSC layout (one column per term)."""
    n_docs = len(lengths)
    counts = np.fromiter((len(u) for u in voc_parts), dtype=np.int64, count=n_docs)
    voc = np.concatenate(voc_parts)
    voc_parts.clear()
    tf = np.concatenate(tf_parts)
    tf_parts.clear()
    doc = np.repeat(np.arange(n_docs, dtype=np.int32), counts)
    df = np.bincount(voc, minlength=n_vocab)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    norm = (k1 * ((1 - b) + b * lengths / lengths.mean())).astype(np.float32)
    weights = idf[voc] * tf / (norm[doc] + tf)
    del tf
    order = np.argsort(voc, kind="stable")
    del voc
    indptr = np.zeros(n_vocab + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    return {"data": weights[order].astype(np.float32), "indices": doc[order], "indptr": indptr, "num_docs": n_docs}
