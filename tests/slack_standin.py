"""A local stand-in for Slack's Web API, for tests: a real HTTP server on 127.0.0.1 in a thread.

It records every call, keeps the messages of each channel (the bot's posts included) so
``conversations.replies`` returns a thread the way Slack does, accepts ``response_url`` posts
for slash commands, and can answer the next N calls of a method with 429 + ``Retry-After`` to
check that the bot waits and retries.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0001"
BOT_TOKEN = "xoxb-test"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    status: int = 200
    at: float = field(default_factory=time.monotonic)


def sign(body: bytes, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """The two headers Slack sends: ``v0=HMAC-SHA256(secret, "v0:{ts}:{body}")`` and the timestamp."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


class SlackStandIn:
    """Start with ``start()``; ``api_url`` is what the bot's ``AQWAL_SLACK_API_URL`` should be."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.responses: list[Call] = []  # response_url posts
        self.channels: dict[str, list[dict[str, Any]]] = {}
        self.rate_limit: dict[str, tuple[int, int]] = {}  # method -> (times, retry_after seconds)
        self.socket_url: str | None = None  # what apps.connections.open hands out (SocketModeStandIn.url)
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> SlackStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _handle(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                params: dict[str, Any] = dict(parse_qsl(url.query))
                ctype = self.headers.get("Content-Type") or ""
                if raw and "json" in ctype:
                    params.update(json.loads(raw))
                elif raw:
                    params.update(parse_qsl(raw.decode()))
                if isinstance(params.get("blocks"), str):
                    params["blocks"] = json.loads(params["blocks"])
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, extra_headers, payload = standin.dispatch(url.path, params, headers)
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for k, v in extra_headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="slack-standin", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    # ------------------------------------------------------------------ Slack's side

    def next_ts(self) -> str:
        n = next(self._ts)
        return f"{1_700_000_000 + n}.{n:06d}"

    def add_message(self, channel: str, text: str, *, user: str = "UHUMAN", thread_ts: str | None = None,
                    **extra: Any) -> dict[str, Any]:
        """A message a person posted (the test then delivers the matching event to the bot)."""
        msg = {"type": "message", "user": user, "text": text, "ts": self.next_ts(), **extra}
        if thread_ts:
            msg["thread_ts"] = thread_ts
        with self._cond:
            self.channels.setdefault(channel, []).append(msg)
        return msg

    def dispatch(self, path: str, params: dict[str, Any], headers: dict[str, str]) -> tuple[int, dict, dict]:
        with self._cond:
            if path.startswith("/response/"):
                self.responses.append(Call(path.rsplit("/", 1)[1], params, headers))
                self._cond.notify_all()
                return 200, {}, {"ok": True}
            method = path.removeprefix("/api/")
            times, retry_after = self.rate_limit.get(method, (0, 0))
            call = Call(method, params, headers)
            self.calls.append(call)
            self._cond.notify_all()
            if times > 0:
                self.rate_limit[method] = (times - 1, retry_after)
                call.status = 429
                return 429, {"Retry-After": str(retry_after)}, {"ok": False, "error": "ratelimited"}
            if method == "apps.connections.open":  # Socket Mode: the app-level token, not the bot token
                if not headers.get("authorization", "").startswith("Bearer xapp-") or not self.socket_url:
                    return 200, {}, {"ok": False, "error": "invalid_auth"}
                return 200, {}, {"ok": True, "url": self.socket_url}
            if headers.get("authorization", "") != f"Bearer {BOT_TOKEN}" and method != "api.test":
                return 200, {}, {"ok": False, "error": "invalid_auth"}
            handler: Callable[[dict[str, Any]], dict[str, Any]] | None = getattr(
                self, "_" + method.replace(".", "_"), None
            )
            if handler is None:
                return 200, {}, {"ok": False, "error": "unknown_method"}
            return 200, {}, handler(params)

    def _auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": "https://standin.slack.com/", "team": "Stand-in", "user": "aqwal",
                "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID}

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = params.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        msg = {"type": "message", "subtype": "bot_message", "bot_id": BOT_ID, "user": BOT_USER_ID,
               "text": params.get("text", ""), "blocks": params.get("blocks") or [], "ts": self.next_ts()}
        if params.get("thread_ts"):
            msg["thread_ts"] = params["thread_ts"]
        self.channels.setdefault(channel, []).append(msg)
        return {"ok": True, "channel": channel, "ts": msg["ts"], "message": msg}

    def _chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "message_ts": self.next_ts()}

    def _conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = params.get("channel"), params.get("ts")
        if channel not in self.channels:
            return {"ok": False, "error": "channel_not_found"}
        thread = [m for m in self.channels[channel] if m["ts"] == ts or m.get("thread_ts") == ts]
        if not thread:
            return {"ok": False, "error": "thread_not_found"}
        return {"ok": True, "messages": sorted(thread, key=lambda m: float(m["ts"])), "has_more": False}

    # ------------------------------------------------------------------ what the tests read

    def posts(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Successful chat.postMessage calls (as the bot sent them), optionally for one channel."""
        with self._cond:
            return [c.params for c in self.calls if c.method == "chat.postMessage" and c.status == 200
                    and (channel is None or c.params.get("channel") == channel)]

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 60.0) -> Any:
        """Wait until ``predicate()`` is truthy (re-checked on every recorded call); return its value."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    return value
                self._cond.wait(min(left, 0.5))


class SocketModeStandIn:
    """Slack's Socket Mode WebSocket endpoint: says hello, pushes envelopes, records the bot's acks."""

    def __init__(self) -> None:
        from websockets.sync.server import serve

        self.acks: list[dict[str, Any]] = []
        self.connections: list[Any] = []
        self._cond = threading.Condition()
        self._server = serve(self._handler, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, name="socket-standin", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/link/?ticket=test"

    def _handler(self, ws: Any) -> None:
        ws.send(json.dumps({"type": "hello", "num_connections": 1, "debug_info": {"host": "standin"},
                            "connection_info": {"app_id": "A0AQWAL"}}))
        with self._cond:
            self.connections.append(ws)
            self._cond.notify_all()
        from websockets.exceptions import ConnectionClosed

        try:
            for raw in ws:  # ends when the bot disconnects
                with self._cond:
                    self.acks.append(json.loads(raw))
                    self._cond.notify_all()
        except ConnectionClosed:  # the bot process was stopped without a close frame
            pass

    def send_event(self, payload: dict[str, Any], *, retry_attempt: int = 0) -> str:
        """Push an Events API payload as Slack does (new envelope id per delivery); return the envelope id."""
        envelope_id = f"env-{time.monotonic_ns()}"
        with self._cond:
            ws = self.connections[-1]
        ws.send(json.dumps({"envelope_id": envelope_id, "type": "events_api", "accepts_response_payload": False,
                            "retry_attempt": retry_attempt, "retry_reason": "timeout" if retry_attempt else "",
                            "payload": payload}, ensure_ascii=False))
        return envelope_id

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 60.0) -> Any:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not (value := predicate()) and time.monotonic() < deadline:
                self._cond.wait(min(deadline - time.monotonic(), 0.5))
            return value

    def stop(self) -> None:
        self._server.shutdown()


# ---------------------------------------------------------------------- what Slack sends the bot


def event_body(event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
    """An Events API ``event_callback`` envelope around ``event``."""
    return {
        "token": "legacy-token", "team_id": TEAM_ID, "api_app_id": "A0AQWAL", "type": "event_callback",
        "event_id": event_id or f"Ev{time.monotonic_ns()}", "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        "event": {"event_ts": event.get("ts"), **event},
    }


def mention_event(msg: dict[str, Any], channel: str) -> dict[str, Any]:
    """The ``app_mention`` Slack sends for a message recorded with ``SlackStandIn.add_message``."""
    return {"type": "app_mention", "channel": channel, **{k: v for k, v in msg.items() if k != "type"}}


def dm_event(msg: dict[str, Any], channel: str) -> dict[str, Any]:
    rest = {k: v for k, v in msg.items() if k != "type"}
    return {"type": "message", "channel": channel, "channel_type": "im", **rest}


def signed_json(payload: dict[str, Any], secret: str, *, timestamp: int | None = None,
                retry: int | None = None) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", **sign(body, secret, timestamp)}
    if retry is not None:
        headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"})
    return body, headers


def signed_form(fields: dict[str, str], secret: str) -> tuple[bytes, dict[str, str]]:
    from urllib.parse import urlencode

    body = urlencode(fields).encode()
    return body, {"Content-Type": "application/x-www-form-urlencoded", **sign(body, secret)}


def slash_command(text: str, response_url: str, channel: str = "C0SLASH") -> dict[str, str]:
    return {
        "token": "legacy-token", "team_id": TEAM_ID, "team_domain": "standin", "channel_id": channel,
        "channel_name": "news", "user_id": "UHUMAN", "user_name": "reader", "command": "/aqwal", "text": text,
        "api_app_id": "A0AQWAL", "response_url": response_url, "trigger_id": "1.2.abc",
    }


def all_texts(obj: Any) -> list[str]:
    """Every string under a ``text`` key in a block structure (the way a reader would see it)."""
    if isinstance(obj, dict):
        out = [obj["text"]] if isinstance(obj.get("text"), str) else []
        return out + [t for k, v in obj.items() if not (k == "text" and isinstance(v, str)) for t in all_texts(v)]
    if isinstance(obj, list):
        return [t for x in obj for t in all_texts(x)]
    return []


def quoted(blocks: list[dict[str, Any]]) -> list[str]:
    """The texts inside the quote elements of a reply (rich_text_quote, or ``>`` lines of mrkdwn)."""
    out: list[str] = []
    for b in blocks:
        if b.get("type") == "rich_text":
            for part in b["elements"]:
                if part["type"] == "rich_text_quote":
                    out.append("".join(e.get("text", "") for e in part["elements"]))
        elif b.get("type") == "section":
            lines = [ln[1:].lstrip() for ln in b["text"]["text"].split("\n") if ln.startswith(">")]
            if lines:
                out.append("\n".join(lines))
    return out
