"""Retrieval quality on XQuAD: question → the chunk that holds the answer.

240 Arabic paragraphs are chunked and embedded into a real store; the 1,190 Arabic
questions and their parallel English questions are asked through the hybrid searcher.
"""

from __future__ import annotations

import json

import pytest
from conftest import shared_path

from ingest.pipeline import ingest_articles
from ingest.records import Article
from ingest.settings import Settings
from ingest.store import Store
from retriever.search import HybridSearcher


def _load():
    ar = json.loads(shared_path("eval", "xquad", "xquad.ar.json").read_text(encoding="utf-8"))
    en = json.loads(shared_path("eval", "xquad", "xquad.en.json").read_text(encoding="utf-8"))
    en_q = {qa["id"]: qa["question"] for d in en["data"] for p in d["paragraphs"] for qa in p["qas"]}
    articles, questions = [], []
    for di, doc in enumerate(ar["data"]):
        for pi, par in enumerate(doc["paragraphs"]):
            aid = f"xq-{di:02d}-{pi:02d}"
            articles.append(Article(id=aid, text=par["context"], title=doc.get("title", "")))
            for qa in par["qas"]:
                questions.append((aid, qa["answers"][0]["answer_start"], qa["question"], en_q[qa["id"]]))
    return articles, questions


@pytest.fixture(scope="module")
def xquad(tmp_path_factory):
    articles, questions = _load()
    store = Store(Settings(store=tmp_path_factory.mktemp("xquad") / "store"))
    ingest_articles(articles, store, extractor=False)
    return store, questions


def _recall_at(store: Store, questions, lang: int, k: int = 5) -> float:
    searcher = HybridSearcher(store)
    hits = 0
    for aid, ans_start, q_ar, q_en in questions:
        results = searcher.search(q_ar if lang == 0 else q_en, k)
        if any(r.article_id == aid and r.start <= ans_start < r.end + 1 for r in results):
            hits += 1
    return hits / len(questions)


def test_xquad_counts(xquad):
    store, questions = xquad
    assert len(questions) == 1190
    assert store.articles.count() == 240


def test_xquad_arabic_recall_at_5(xquad):
    store, questions = xquad
    r5 = _recall_at(store, questions, 0)
    print(f"XQuAD Arabic chunk R@5 = {r5:.3f}")
    assert r5 >= 0.93


def test_xquad_english_recall_at_5(xquad):
    store, questions = xquad
    r5 = _recall_at(store, questions, 1)
    print(f"XQuAD English chunk R@5 = {r5:.3f}")
    assert r5 >= 0.85
