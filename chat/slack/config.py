"""Slack credentials and endpoints, read from Slack's own variable names.

``ingest.settings.Settings`` owns everything ``AQWAL_*`` about answering; the Slack tokens keep
the names Slack's documentation and hosting guides use (``SLACK_BOT_TOKEN`` …) so an operator can
paste them unchanged, which is why they live in this separate small settings class.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_API_URL = "https://slack.com/api/"


class SlackConfig(BaseSettings):
    """What the bot needs to talk to Slack; every field has one environment variable."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    bot_token: str | None = Field(
        None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "bot_token"), description="xoxb- bot token."
    )
    signing_secret: str | None = Field(
        None,
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "signing_secret"),
        description="Verifies that HTTP requests come from Slack (HTTP mode).",
    )
    app_token: str | None = Field(
        None,
        validation_alias=AliasChoices("SLACK_APP_TOKEN", "app_token"),
        description="xapp- app-level token; when set the bot runs in Socket Mode.",
    )
    api_url: str = Field(
        DEFAULT_API_URL,
        validation_alias=AliasChoices("AQWAL_SLACK_API_URL", "api_url"),
        description="Slack Web API base URL; tests point it at a local stand-in.",
    )
    bot_user_id: str | None = Field(
        None,
        validation_alias=AliasChoices("SLACK_BOT_USER_ID", "bot_user_id"),
        description="The bot's user id (U…); looked up once with auth.test when unset.",
    )

    @property
    def socket_mode(self) -> bool:
        """Socket Mode needs no public URL, so an app token wins over HTTP mode."""
        return bool(self.app_token)

    @property
    def base_url(self) -> str:
        """slack_sdk joins method names onto the base URL, which therefore must end with a slash."""
        return self.api_url if self.api_url.endswith("/") else self.api_url + "/"
