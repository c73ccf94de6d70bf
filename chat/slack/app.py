"""The bolt app: which Slack events aqwal answers, and how.

``create_app`` takes the answering object as an argument (anything with
``ask(question, history) -> Answer``), so tests drive the real Slack plumbing with a fake
assistant and the server injects the real one.

Slack gives an HTTP request three seconds before it retries, and a question can take longer,
so every listener acknowledges at once and answers in a bolt *lazy* listener (a thread from
the app's executor). Retries that do arrive are dropped by event id before authorisation, and
bot messages (our own included) are never answered, so the bot can neither answer twice nor
talk to itself or to another bot in a loop.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from chat.answer import Answer
from chat.slack.blocks import SlackMessage, notice, render_answer
from chat.slack.config import SlackConfig

log = logging.getLogger(__name__)

MAX_HISTORY = 10
"""Earlier questions passed on; follow-ups refer to the last few turns, not to a whole long thread."""
MAX_THREAD_PAGES = 5
"""conversations.replies pages (200 messages each) read for a follow-up's context."""
USER_SUBTYPES = frozenset({None, "file_share", "thread_broadcast"})
"""Message subtypes a person produces; edits, joins, deletions and bot posts are not questions."""
USAGE = (
    "Ask me who said what in the news, for example: “What did the CSTO say?” or «ماذا قالت فرنسا؟». "
    "I answer with verbatim quotes and their speakers."
)
SORRY = "Sorry, I could not answer that just now. Please try again in a moment."

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


class Asker(Protocol):
    """What the Slack face needs from the answer engine (``chat.assistant.Assistant`` fits)."""

    def ask(self, question: str, history: list[str] | None = None) -> Answer: ...


# --------------------------------------------------------------------------- pure helpers


class SeenCache:
    """A bounded, thread-safe set of keys that forgets them after ``ttl`` seconds.

    Slack retries an event up to three times within minutes (and Socket Mode redelivers
    unacknowledged envelopes), so an hour of memory is ample; the size bound keeps a flood of
    distinct events from growing memory without limit.
    """

    def __init__(self, ttl: float = 3600.0, max_size: int = 10_000, clock: Callable[[], float] = time.monotonic):
        self.ttl = ttl
        self.max_size = max_size
        self._clock = clock
        self._items: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def seen(self, key: str) -> bool:
        """True when ``key`` was recorded within the TTL; otherwise record it now (atomic check-and-set)."""
        now = self._clock()
        with self._lock:
            while self._items:
                oldest, stamp = next(iter(self._items.items()))
                if now - stamp < self.ttl:
                    break
                del self._items[oldest]
            if key in self._items:
                return True
            self._items[key] = now
            while len(self._items) > self.max_size:
                self._items.popitem(last=False)
            return False

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


def strip_mentions(text: str, bot_user_id: str | None = None) -> str:
    """The question without the bot's ``<@U…>`` mention (without any leading mention if the id is unknown)."""
    if bot_user_id:
        text = _MENTION.sub(lambda m: "" if m.group(1) == bot_user_id else m.group(0), text)
    else:
        text = re.sub(r"^(?:\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>)+", "", text)
    return " ".join(text.split())


def mentions(text: str, user_id: str | None) -> bool:
    return bool(user_id) and any(m.group(1) == user_id for m in _MENTION.finditer(text or ""))


def is_bot_message(event: dict[str, Any], bot_user_id: str | None = None) -> bool:
    """Posted by a bot (any bot, this one included) or an automatic message: never a question."""
    return bool(
        event.get("bot_id")
        or event.get("bot_profile")
        or event.get("subtype") == "bot_message"
        or (bot_user_id and event.get("user") == bot_user_id)
    )


def is_user_question(event: dict[str, Any], bot_user_id: str | None = None) -> bool:
    """A person's new message (not an edit, join or deletion) that the bot should read."""
    return (
        not is_bot_message(event, bot_user_id)
        and event.get("subtype") in USER_SUBTYPES
        and bool(event.get("user"))
        and bool(event.get("channel"))
        and bool(event.get("ts"))
    )


def _ts(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def thread_history(
    messages: Iterable[dict[str, Any]],
    before_ts: str,
    bot_user_id: str | None,
    *,
    mentions_only: bool,
    limit: int = MAX_HISTORY,
) -> list[str]:
    """The earlier questions in a thread, oldest first, as ``Assistant.ask`` expects them.

    The bot's replies are skipped (they are answers, not turns). In a channel only messages that
    mention the bot are questions to it — people also talk to each other in a thread — while in
    a DM every message from the person is a turn.
    """
    cutoff = _ts(before_ts)
    turns: list[tuple[float, str]] = []
    for m in messages:
        ts = _ts(m.get("ts"))
        if ts >= cutoff or is_bot_message(m, bot_user_id) or m.get("subtype") not in USER_SUBTYPES:
            continue
        raw = m.get("text") or ""
        if mentions_only and bot_user_id and not mentions(raw, bot_user_id):
            continue
        question = strip_mentions(raw, bot_user_id)
        if question:
            turns.append((ts, question))
    turns.sort(key=lambda t: t[0])
    return [q for _, q in turns][-limit:]


def make_client(config: SlackConfig, timeout: int = 30) -> WebClient:
    """A WebClient on the configured API URL that waits out 429s (``Retry-After``) and retries resets."""
    return WebClient(
        token=config.bot_token,
        base_url=config.base_url,
        timeout=timeout,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1), RateLimitErrorRetryHandler(max_retry_count=3)],
    )


class BotIdentity:
    """The bot's user id and bot id, from config or one cached ``auth.test``.

    bolt would call ``auth.test`` itself at construction (and again on the first event when token
    verification is off), failing the whole app when Slack is unreachable; asking lazily here,
    once, and retrying at most every ``retry_after`` seconds keeps start-up offline-safe.
    """

    def __init__(self, client: WebClient, user_id: str | None = None, retry_after: float = 30.0):
        self._client = client
        self._configured_user_id = user_id
        self._user_id: str | None = None
        self._bot_id: str | None = None
        self._resolved = False
        self._last_try = float("-inf")
        self._retry_after = retry_after
        self._lock = threading.Lock()

    def get(self) -> tuple[str | None, str | None]:
        """``(bot_user_id, bot_id)``; either may be None while ``auth.test`` has not succeeded."""
        with self._lock:
            if not self._resolved and time.monotonic() - self._last_try >= self._retry_after:
                self._last_try = time.monotonic()
                try:
                    resp = self._client.auth_test()
                    self._user_id = resp.get("user_id")
                    self._bot_id = resp.get("bot_id")
                    self._resolved = True
                    log.info("authenticated as %s (bot %s, team %s)", self._user_id, self._bot_id, resp.get("team_id"))
                except Exception as exc:  # network or token errors: answer anyway, filter by bot_id
                    log.warning("auth.test failed, bot user id unknown for now: %s", exc)
            return self._configured_user_id or self._user_id, self._bot_id


class SerialAsker:
    """Runs one question at a time: lazy listeners share one assistant (store, model) across threads."""

    def __init__(self, assistant: Asker):
        self._assistant = assistant
        self._lock = threading.Lock()

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        with self._lock:
            return self._assistant.ask(question, history or [])


# --------------------------------------------------------------------------- the app


def create_app(
    assistant: Asker,
    config: SlackConfig,
    *,
    client: WebClient | None = None,
    seen: SeenCache | None = None,
    identity: BotIdentity | None = None,
) -> App:
    """A bolt ``App`` answering app mentions, DMs and ``/aqwal`` with ``assistant``."""
    client = client or make_client(config)
    seen = seen if seen is not None else SeenCache()
    identity = identity or BotIdentity(client, config.bot_user_id)
    asker = SerialAsker(assistant)

    def authorize(enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
        """Single-workspace authorisation without bolt's eager auth.test (see ``BotIdentity``)."""
        user_id, bot_id = identity.get()
        return AuthorizeResult(
            enterprise_id=enterprise_id, team_id=team_id, bot_token=config.bot_token,
            bot_user_id=user_id, bot_id=bot_id,
        )

    def drop_retries(req: BoltRequest, body: dict[str, Any], next: Callable[[], BoltResponse]) -> BoltResponse | None:
        """Acknowledge an event already seen (Slack's retry, or the same message twice) and do nothing.

        Runs after signature verification, so a forged request cannot poison the cache, and
        before authorisation, so a retry costs no API call.
        """
        retry = (req.headers.get("x-slack-retry-num") or [None])[0]
        if body.get("type") == "event_callback":
            event = body.get("event") or {}
            keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
            if event.get("type") in ("app_mention", "message") and event.get("channel") and event.get("ts"):
                keys.append(f"msg:{event['channel']}:{event['ts']}")
            # every key is recorded (no short-circuit) so a later duplicate matches on either
            hits = [seen.seen(k) for k in keys]
            if any(hits):
                log.info("dropping duplicate delivery %s (retry %s, reason %s)", body.get("event_id"), retry,
                         (req.headers.get("x-slack-retry-reason") or [None])[0])
                return BoltResponse(status=200, body="")
        return next()

    # bolt copies base URL and retry handlers from this client into each request's client and takes
    # the token from ``authorize``; a token here would only earn a "token will be ignored" warning
    app_client = WebClient(base_url=client.base_url, timeout=client.timeout, retry_handlers=client.retry_handlers)
    app = App(
        signing_secret=config.signing_secret or "",
        request_verification_enabled=not config.socket_mode,
        authorize=authorize,
        before_authorize=drop_retries,
        client=app_client,
        process_before_response=False,
        logger=logging.getLogger("chat.slack.bolt"),
    )

    def post(client: WebClient, channel: str, thread_ts: str, messages: list[SlackMessage]) -> None:
        for message in messages:
            client.chat_postMessage(
                channel=channel, thread_ts=thread_ts, text=message["text"], blocks=message["blocks"],
                unfurl_links=False, unfurl_media=False,
            )

    def history_for(client: WebClient, event: dict[str, Any], bot_user_id: str | None) -> list[str]:
        """Earlier questions when the message is a reply in a thread; none for a new thread."""
        thread_ts = event.get("thread_ts")
        if not thread_ts or thread_ts == event.get("ts"):
            return []
        messages: list[dict[str, Any]] = []
        cursor: str | None = None
        try:
            for _ in range(MAX_THREAD_PAGES):  # oldest first; a very long thread is read up to a bound
                resp = client.conversations_replies(channel=event["channel"], ts=thread_ts, limit=200, cursor=cursor)
                messages.extend(resp.get("messages") or [])
                cursor = (resp.get("response_metadata") or {}).get("next_cursor")
                if not resp.get("has_more") or not cursor:
                    break
        except (SlackApiError, OSError) as exc:  # missing scope, deleted thread, network: answer without context
            log.warning("conversations.replies failed for %s/%s: %s", event["channel"], thread_ts, exc)
        return thread_history(messages, event["ts"], bot_user_id, mentions_only=event.get("channel_type") != "im")

    def answer_event(event: dict[str, Any], client: WebClient, context: Any) -> None:
        """Lazy part: read the thread, ask, post the answer in the question's thread."""
        started = time.monotonic()
        channel, ts = event["channel"], event["ts"]
        thread_ts = event.get("thread_ts") or ts
        bot_user_id = context.bot_user_id
        question = strip_mentions(event.get("text") or "", bot_user_id)
        try:
            if not question:
                post(client, channel, thread_ts, [notice(USAGE)])
                return
            history = history_for(client, event, bot_user_id)
            answer = asker.ask(question, history)
            post(client, channel, thread_ts, render_answer(answer))
            log.info("answered %s/%s with %d quotes in %.2fs (history %d)", channel, ts, len(answer.quotes),
                     time.monotonic() - started, len(history))
        except Exception:
            log.exception("could not answer %s/%s", channel, ts)
            try:
                post(client, channel, thread_ts, [notice(SORRY)])
            except Exception:
                log.exception("could not post the apology to %s/%s", channel, ts)

    def ack_now(ack: Callable[..., None]) -> None:
        ack()

    def human_mention(event: dict[str, Any], context: Any) -> bool:
        return is_user_question(event, context.bot_user_id)

    def human_dm(event: dict[str, Any], context: Any) -> bool:
        return event.get("channel_type") == "im" and is_user_question(event, context.bot_user_id)

    app.event("app_mention", matchers=[human_mention])(ack=ack_now, lazy=[answer_event])
    app.event("message", matchers=[human_dm])(ack=ack_now, lazy=[answer_event])
    # Everything else we are sent (bot posts, edits, other bots' mentions): 200 and nothing more,
    # because a non-2xx answer would make Slack retry it.
    app.event("app_mention")(ack_now)
    app.event("message")(ack_now)

    def ack_command(ack: Callable[..., None], command: dict[str, Any]) -> None:
        question = (command.get("text") or "").strip()
        if not question:
            ack(response_type="ephemeral", text=USAGE)
        else:
            ack(response_type="ephemeral", text=f"Looking for quotes: {question}")

    def answer_command(command: dict[str, Any], respond: Callable[..., Any]) -> None:
        """Lazy part of /aqwal: answer through the response_url, visible in the channel."""
        question = (command.get("text") or "").strip()
        if not question:
            return
        try:
            answer = asker.ask(question, [])
            messages = render_answer(answer, asked_by=command.get("user_id"), question=question)
        except Exception:
            log.exception("could not answer /aqwal %r", question)
            messages = [notice(SORRY)]
        for message in messages:
            respond(text=message["text"], blocks=message["blocks"], response_type="in_channel",
                    replace_original=False)

    app.command("/aqwal")(ack=ack_command, lazy=[answer_command])
    return app
