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
    def build(cls, ids: list[str], texts: list[str], generation: int = 0) -> LexicalIndex:
        if not ids:
            return cls([], None, generation)
        bm25 = bm25s.BM25()
        bm25.index([lexical_tokens(t) or ["\u2205"] for t in texts], show_progress=False)
        return cls(list(ids), bm25, generation)

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
