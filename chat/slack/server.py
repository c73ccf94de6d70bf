"""Run the Slack bot: Socket Mode with an app token, else HTTP mode under uvicorn.

bolt's own development server always binds 0.0.0.0; HTTP mode here is a small Starlette app
under uvicorn bound to ``--host`` (127.0.0.1 by default), with bolt's Starlette adapter
translating requests. bolt's ``dispatch`` is synchronous (and may call ``auth.test`` once), so
it runs in Starlette's thread pool instead of blocking the event loop that accepts Slack's next
request. Slack's three-second acknowledgement budget is spent only on verification and ``ack()``;
the answer itself runs later in a bolt lazy-listener thread.
"""

from __future__ import annotations

import logging
import threading

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from chat.slack.app import Asker, BotIdentity, create_app, make_client
from chat.slack.config import SlackConfig
from ingest.settings import Settings

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1_000_000
"""Slack's payloads are a few kilobytes; anything far larger is not from Slack."""


class SlackConfigError(RuntimeError):
    """The environment lacks what the chosen mode needs (tokens, secret, a store)."""


def create_asgi_app(bolt_app: App, signing_secret: str) -> Starlette:
    """The HTTP face: ``POST /slack/events`` for Slack, ``GET /healthz`` for load balancers and tests."""
    verifier = SignatureVerifier(signing_secret)

    async def events(request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return PlainTextResponse("payload too large", status_code=413)
        try:
            bolt_request = to_bolt_request(request, body)
        except (ValueError, UnicodeDecodeError):
            # bolt parses before verifying and would answer 500; unsigned garbage is 401, signed garbage 400
            if not verifier.is_valid_request(body, dict(request.headers)):
                return PlainTextResponse("invalid signature", status_code=401)
            log.warning("rejected a signed request with a malformed body (%d bytes)", len(body))
            return PlainTextResponse("malformed body", status_code=400)
        bolt_response = await run_in_threadpool(bolt_app.dispatch, bolt_request)
        return to_starlette_response(bolt_response)

    async def health(_: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route(EVENTS_PATH, events, methods=["POST"]), Route("/healthz", health, methods=["GET"])])


def build(
    settings: Settings, config: SlackConfig | None = None, assistant: Asker | None = None
) -> tuple[App, SlackConfig, BotIdentity]:
    """Check the configuration for the mode it selects, then make the assistant and the bolt app."""
    config = config or SlackConfig()
    if not config.bot_token:
        raise SlackConfigError("SLACK_BOT_TOKEN is not set (the xoxb- token from OAuth & Permissions)")
    if not config.socket_mode and not config.signing_secret:
        raise SlackConfigError(
            "HTTP mode needs SLACK_SIGNING_SECRET (Basic Information → App Credentials) to verify requests; "
            "or set SLACK_APP_TOKEN for Socket Mode"
        )
    if assistant is None:
        from chat.assistant import Assistant
        from ingest.store import Store, StoreError

        try:  # like `aqwal ask`: a missing store is an error, not an empty bot that never finds a quote
            assistant = Assistant(settings, store=Store(settings, create=False))
        except StoreError as exc:
            raise SlackConfigError(str(exc)) from exc
    # a short timeout: the first event waits for this call if the start-up warm-up has not finished
    identity = BotIdentity(make_client(config, timeout=5), config.bot_user_id)
    return create_app(assistant, config, identity=identity), config, identity


def run(settings: Settings, host: str = "127.0.0.1", port: int = 3000, *, assistant: Asker | None = None) -> None:
    """``aqwal slack``: serve until interrupted (``assistant`` lets tests skip loading the real one)."""
    try:
        bolt_app, config, identity = build(settings, assistant=assistant)
    except SlackConfigError as exc:
        # the CLI shows one clear line, not a traceback
        import typer

        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if logging.getLogger("chat.slack").getEffectiveLevel() > logging.INFO:
        # a server's log is its operator's only view: start-up and one line per answer, even without -v
        logging.getLogger("chat.slack").setLevel(logging.INFO)
    # learn the bot's user id in the background so the first event's ack does not wait for auth.test
    threading.Thread(target=identity.get, name="slack-auth-test", daemon=True).start()
    if config.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("aqwal Slack bot in Socket Mode via %s (store %s)", config.base_url, settings.store)
        handler = SocketModeHandler(bolt_app, config.app_token)
        try:
            handler.start()
        except KeyboardInterrupt:
            log.info("stopping")
        finally:
            handler.close()
        return

    import uvicorn

    log.info("aqwal Slack bot in HTTP mode on http://%s:%d%s (store %s)", host, port, EVENTS_PATH, settings.store)
    uvicorn.run(
        create_asgi_app(bolt_app, config.signing_secret or ""), host=host, port=port,
        log_level="info", access_log=False, timeout_graceful_shutdown=5,
    )
