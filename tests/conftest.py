"""Shared fixtures: the read-only shared data, an isolated store and HOME per test, a network guard.

Like simonw/llm's suite, every test gets its own user directory so nothing leaks between
tests or into the developer's real store.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import netguard  # noqa: E402
from fake_llm import make_fake_llm  # noqa: E402,F401  (re-exported for tests)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "ingest" / "data" / "sample" / "seed-000.txt"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path}")
    return path


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(autouse=True)
def isolated_user_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    for var in ("AQWAL_STORE", "AQWAL_CHROMA_URL", "AQWAL_LLM", "AQWAL_EMBEDDINGS"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def no_network():
    """Any TCP/UDP connection attempt inside the test raises and is recorded."""
    netguard.ATTEMPTS.clear()
    netguard.install()
    try:
        yield netguard.ATTEMPTS
    finally:
        netguard.uninstall()


@pytest.fixture
def settings(tmp_path: Path):
    from ingest.settings import Settings

    return Settings(store=tmp_path / "store")


@pytest.fixture(scope="session")
def eval_articles() -> list[dict]:
    return read_jsonl(shared_path("eval", "articles.jsonl"))


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory):
    """The bundled sample ingested once per session (read-only use)."""
    from ingest.pipeline import ingest_paths
    from ingest.settings import Settings

    s = Settings(store=tmp_path_factory.mktemp("seed") / "store")
    ingest_paths([SAMPLE], s)
    return s


def gold_statements(article_id: str, text: str):
    """The hand-checked gold statements of an eval article, as an extractor.

    Lets answer tests run on real, correct statements independently of the extraction
    rules (which have their own tests and scores).
    """
    from ingest.arabic import normalize
    from ingest.records import Statement

    out = []
    for g in read_jsonl(shared_path("eval", "gold.jsonl")):
        if g["article_id"] != article_id:
            continue
        assert text[g["start"] : g["end"]] == g["quote"]
        en, _, role = g["speaker_en"].partition(" (")
        out.append(Statement(
            id=g["quote_id"], article_id=article_id, speaker=g["speaker"], speaker_start=g["speaker_start"],
            speaker_end=g["speaker_end"], speaker_canonical=g["speaker_canonical"], speaker_en=en,
            role=role.rstrip(")"), entity_id=normalize(g["speaker_canonical"]), cue=g["cue"],
            cue_start=g["cue_start"], kind=g["kind"], quote=g["quote"], start=g["start"], end=g["end"],
            via=list(g["via"]),
        ))
    return out


@pytest.fixture(scope="session")
def gold_assistant(tmp_path_factory: pytest.TempPathFactory):
    """An assistant over the 8 eval articles with their gold statements."""
    from chat.assistant import Assistant
    from ingest.loaders import Loader
    from ingest.pipeline import ingest_articles
    from ingest.settings import Settings
    from ingest.store import Store

    s = Settings(store=tmp_path_factory.mktemp("gold") / "store")
    store = Store(s)
    ingest_articles(Loader().load([shared_path("eval", "articles.jsonl")]), store, extractor=gold_statements)
    return Assistant(s, store=store)


@pytest.fixture(scope="session")
def sample_assistant(seed_store):
    """An assistant over the bundled sample, ingested with the real extractor."""
    from chat.assistant import Assistant

    return Assistant(seed_store)
