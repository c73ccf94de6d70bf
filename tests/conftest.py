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
