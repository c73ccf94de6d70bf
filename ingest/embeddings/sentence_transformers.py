"""Optional embedder: any sentence-transformers model by hub name or local path.

Hub names need network; ``HF_HUB_OFFLINE=1`` is set unless the user set it, so an
unreachable hub fails at once instead of retrying for a minute. E5-family models get
their ``query:``/``passage:`` prefixes.
"""

from __future__ import annotations

import os

import numpy as np

from ingest.embeddings import EmbeddingSpecError


class SentenceTransformerEmbedder:
    def __init__(self, name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise EmbeddingSpecError(
                "sentence-transformers is not installed: pip install 'aqwal[st]'"
            ) from exc
        self.spec = f"sentence-transformers:{name_or_path}"
        try:
            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as exc:
            raise EmbeddingSpecError(
                f"could not load sentence-transformers model {name_or_path!r} "
                f"(offline; give a local path or a cached model): {exc}"
            ) from exc
        dim_of = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim_of())
        self._e5 = "e5" in name_or_path.lower()

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._e5:
            texts = [prefix + t for t in texts]
        vecs = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def token_count(self, text: str) -> int:
        return len(self._model.tokenizer(text)["input_ids"])
