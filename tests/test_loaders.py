"""Every input shape and every bad input: bad ones are skipped with a reason, the rest load."""

from __future__ import annotations

import io
import json
import sys
import zipfile

from ingest.loaders import Loader

ARABIC = "قالت وزارة الخارجية إن الوضع مستقر على الحدود."


def _load(paths, **kw):
    loader = Loader(**kw)
    arts = list(loader.load(paths))
    return arts, loader.skipped


def test_txt_utf8_bom_and_cp1256(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(ARABIC.encode("cp1256"))
    arts, skipped = _load([tmp_path])
    assert [a.id for a in arts] == ["a", "b", "c"]
    assert all(a.text == ARABIC for a in arts)
    assert skipped == []


def test_text_kept_exactly(tmp_path):
    raw = "  سطر أول\r\n\tسطر ثانٍ  \n"
    (tmp_path / "x.txt").write_bytes(raw.encode("utf-8"))
    arts, _ = _load([tmp_path / "x.txt"])
    assert arts[0].text == raw


def test_bad_inputs_are_skipped_with_reasons(tmp_path):
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    lines = [
        json.dumps({"id": "j1", "text": ARABIC}, ensure_ascii=False),
        '{"id": "broken", "text": ',
        json.dumps({"id": "j3", "title": "no text"}),
        json.dumps({"id": "big", "text": "ا" * 4000}),
        json.dumps({"id": "j5", "text": ARABIC + " 2"}, ensure_ascii=False),
    ]
    (tmp_path / "recs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    arts, skipped = _load([tmp_path, tmp_path / "missing.txt", tmp_path / "notes.pdf"], max_bytes=5000)
    assert sorted(a.id for a in arts) == ["good", "j1", "j5"]
    reasons = {s.path.split("/")[-1]: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["blob.txt"]
    assert reasons["recs.jsonl:2"].startswith("malformed JSON on line 2")
    assert "no text" in reasons["recs.jsonl:3"]
    assert "over the 5,000-byte limit" in reasons["recs.jsonl:4"]
    assert "no such file" in reasons["missing.txt"]
    assert "unsupported file type .pdf" in reasons["notes.pdf"]


def test_json_record_array_metadata_and_text_field(tmp_path):
    recs = [
        {"id": "a1", "title": "T", "content": ARABIC, "url": "http://x/1", "published": "2015-07-01",
         "source": "spa", "author": "someone"},
        {"content": ARABIC + "!", "url": "http://x/2"},
    ]
    (tmp_path / "arr.json").write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"id": "solo", "text": ARABIC}, ensure_ascii=False), "utf-8")
    arts, skipped = _load([tmp_path / "arr.json"], text_field="content")
    assert arts[0].id == "a1" and arts[0].title == "T" and arts[0].published == "2015-07-01"
    assert arts[0].source == "spa" and arts[0].meta == {"author": "someone"}
    assert arts[1].id.startswith("arr-") and arts[1].text == ARABIC + "!"
    again, _ = _load([tmp_path / "arr.json"], text_field="content")
    assert again[1].id == arts[1].id  # ids are stable across runs
    arts, _ = _load([tmp_path / "one.json"])
    assert [a.id for a in arts] == ["solo"]
    (tmp_path / "bad.json").write_text('{"id": 1,', encoding="utf-8")
    _, skipped = _load([tmp_path / "bad.json"])
    assert "malformed JSON at line 1" in skipped[0].reason


def test_zip_of_files(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("dir/a.txt", ARABIC)
        zf.writestr("b.jsonl", json.dumps({"id": "zb", "text": ARABIC}, ensure_ascii=False) + "\nnot json\n")
        zf.writestr("c.bin", b"\x00\x01")
    (tmp_path / "bundle.zip").write_bytes(buf.getvalue())
    (tmp_path / "fake.zip").write_bytes(b"not a zip")
    arts, skipped = _load([tmp_path])
    assert sorted(a.id for a in arts) == ["a", "zb"]
    reasons = [s.reason for s in skipped]
    assert any("line 2" in r for r in reasons)
    assert any("not a readable zip" in r for r in reasons)
    assert any("unsupported" in r for r in reasons)


def test_stdin_jsonl(monkeypatch):
    data = (json.dumps({"id": "s1", "text": ARABIC}, ensure_ascii=False) + "\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    arts, _ = _load(["-"])
    assert [a.id for a in arts] == ["s1"]
