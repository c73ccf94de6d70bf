"""Web-only settings, kept apart from :mod:`ingest.settings` so the web face can grow
without touching the shared settings object. Same ``AQWAL_`` environment prefix."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

UPLOAD_SUFFIXES: tuple[str, ...] = (".txt", ".json", ".jsonl", ".zip")


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AQWAL_", extra="ignore")

    web_password: str | None = Field(
        None, description="When set, the web chat asks for this password (any user name) before chatting."
    )
    web_max_upload_mb: int = Field(20, ge=1, description="Largest file accepted by the chat upload, in MB.")
    web_max_files: int = Field(10, ge=1, description="Most files accepted in one message.")
    web_assistant: str = Field(
        "chat.assistant:Assistant",
        description="'module:callable' building the answer engine from Settings; tests may point it at a stand-in.",
    )

    @property
    def max_upload_bytes(self) -> int:
        return self.web_max_upload_mb * 1024 * 1024


def get_web_settings() -> WebSettings:
    return WebSettings()
