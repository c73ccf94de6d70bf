"""Chunks point into the article text by exact offsets, on every real article we have."""

import json

from conftest import SAMPLE, shared_path

from ingest.chunker import chunk_article, sentence_spans


def _check(article_id: str, text: str, max_chars: int = 350) -> int:
    chunks = chunk_article(article_id, text, max_chars)
    prev_end = 0
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert 0 < len(c.text) <= max_chars
        assert c.text == c.text.strip()
        assert c.start >= prev_end
        # nothing but whitespace is left between chunks
        assert not text[prev_end : c.start].strip()
        prev_end = c.end
    assert not text[prev_end:].strip()
    return len(chunks)


def test_sample_chunks_are_exact():
    text = SAMPLE.read_text(encoding="utf-8")
    assert _check("seed-000", text) >= 13


def test_eval_articles_chunks_exact(eval_articles):
    for art in eval_articles:
        _check(art["id"], art["text"])


def test_snn_politics_chunks_exact():
    n = 0
    with shared_path("corpus", "snn-politics.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            n += _check(rec["id"], rec["text"])
    assert n > 2208


def test_sentence_split_on_arabic_and_latin_punctuation():
    text = "قال الوزير إن الوضع مستقر. هل هذا صحيح؟ نعم؛ بالتأكيد! Version 3.5 is out.\nسطر جديد"
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ["قال الوزير إن الوضع مستقر.", "هل هذا صحيح؟", "نعم؛", "بالتأكيد!",
                     "Version 3.5 is out.", "سطر جديد"]


def test_long_sentence_split_at_commas_then_words():
    clause = "وقال المتحدث إن القوات تقدمت في عدة اتجاهات على طول الحدود"
    text = "، ".join([clause] * 12) + "."
    chunks = chunk_article("x", text, 120)
    assert len(chunks) > 3
    assert all(len(c.text) <= 120 for c in chunks)
    assert all(c.text.endswith(("،", ".")) for c in chunks[:-1])
    words = " ".join(["كلمة"] * 200)
    assert all(len(c.text) <= 50 and not c.text.startswith(" ") for c in chunk_article("y", words, 50))

