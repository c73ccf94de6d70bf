"""The `aqwal` command as users and other tools call it (real subprocesses, real store)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE

CSTO_QUOTE = "تعتبر استخدام القوة غير مقبول لتسوية النزاعات"


def aqwal(*args: str, input: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chat.cli", *args], capture_output=True, text=True, input=input,
        timeout=300, env={**os.environ, **(env or {})},
    )


def test_ingest_json_twice_and_search(tmp_path):
    store = str(tmp_path / "store")
    runs = [aqwal("ingest", str(SAMPLE), "--store", store, "--json") for _ in range(2)]
    for r in runs:
        assert r.returncode == 0, r.stderr
    first, second = (json.loads(r.stdout) for r in runs)
    assert first["articles"] == second["articles"] == 1
    assert first["chunks"] == second["chunks"] > 10
    assert first["skipped"] == second["skipped"] == []

    r = aqwal("search", "ماذا قالت منظمة معاهدة الأمن الجماعي؟", "--store", store, "--json")
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)
    assert set(hits[0]) == {"article_id", "title", "start", "end", "text", "score"}
    text = SAMPLE.read_text(encoding="utf-8")
    for h in hits:
        assert text[h["start"] : h["end"]] == h["text"]
    assert any(CSTO_QUOTE in h["text"] for h in hits[:3])

    r = aqwal("search", "What did the CSTO say?", "--store", store, "--json", "--k", "5")
    hits = json.loads(r.stdout)
    rank = next(i for i, h in enumerate(hits, 1) if CSTO_QUOTE in h["text"])
    print(f"rank of the CSTO chunk for 'What did the CSTO say?': {rank}")
    assert rank <= 5


def test_ingest_stdin_and_skips_in_json(tmp_path):
    store = str(tmp_path / "store")
    lines = json.dumps({"id": "s1", "text": "قالت فرنسا إنها ستتجه إلى مجلس الأمن."}, ensure_ascii=False) + "\n{bad\n"
    r = aqwal("ingest", "-", "--store", store, "--json", input=lines)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["articles"] == 1
    assert report["skipped"] == [{"path": "<stdin>:2", "reason": report["skipped"][0]["reason"]}]
    assert "line 2" in report["skipped"][0]["reason"]


def test_unwritable_store_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = aqwal("ingest", str(SAMPLE), "--store", str(blocker / "store"), "--json")
    assert r.returncode != 0
    assert "error:" in r.stderr and "store" in r.stderr
    assert "Traceback" not in r.stderr


def test_search_without_store_is_a_clear_error(tmp_path):
    r = aqwal("search", "سؤال", "--store", str(tmp_path / "nothing"))
    assert r.returncode == 1 and "no store" in r.stderr


def test_human_output(tmp_path):
    store = str(tmp_path / "store")
    r = aqwal("ingest", str(SAMPLE), "--store", store)
    assert "1 articles" in r.stdout
    r = aqwal("search", "فرنسا مجلس الأمن", "--store", store, "--k", "2")
    assert r.returncode == 0 and "seed-000" in r.stdout and "فرنسا" in r.stdout


def test_store_from_environment(tmp_path):
    env = {"AQWAL_STORE": str(tmp_path / "envstore")}
    r = aqwal("ingest", str(SAMPLE), "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert (Path(env["AQWAL_STORE"]) / "chroma").exists()
