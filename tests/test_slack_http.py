"""End to end: the real ``aqwal slack`` process, the real assistant on a real store, over real HTTP.

The bot runs in HTTP mode on a free 127.0.0.1 port; its Web API calls go to the stand-in (a
thread in this process) through ``AQWAL_SLACK_API_URL``. Tests share the server and tell their
traffic apart by channel id. "No reply" is checked after a later control question has been
answered, never after a fixed sleep.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE
from slack_standin import (
    BOT_TOKEN,
    SlackStandIn,
    SocketModeStandIn,
    all_texts,
    dm_event,
    event_body,
    mention_event,
    quoted,
    sign,
    signed_form,
    signed_json,
    slash_command,
)

SECRET = "e2e-signing-secret"
# gold seed-000-q12 and seed-000-q13 (/work/shared/eval/gold.jsonl)
CSTO_QUOTE = (
    "تعتبر استخدام القوة غير مقبول لتسوية النزاعات ،و يجب استخدام الأساليب والاتفاقيات السياسية الدبلوماسية فقط، "
    "المحددة في تصريحات قادة أرمينياوأذربيجانوروسيا في 9 نوفمبر 2020 و11 يناير 2021 و26 نوفمبر 2021"
)
CSTO_SPEAKER = "الأمانة العامة لمنظمة معاهدة الأمن الجماعي"
FRANCE_QUOTE = "ستتجه إلى مجلس الأمن الدولي لمناقشة التصعيد الحدودي بين أرمينياوأذربيجان"
FRANCE_SPEAKER = "فرنسا"
ANSWER_TIMEOUT = 120.0
START_TIMEOUT = 300.0


@pytest.fixture(scope="session")
def slack_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample ingested once, in a store only the bot process opens."""
    from ingest.pipeline import ingest_paths
    from ingest.settings import Settings

    store = tmp_path_factory.mktemp("slack") / "store"
    report = ingest_paths([SAMPLE], Settings(store=store))
    assert report.articles == 1, report
    return store


@pytest.fixture(scope="session")
def standin() -> Iterator[SlackStandIn]:
    s = SlackStandIn().start()
    yield s
    s.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Bot:
    def __init__(self, port: int, standin: SlackStandIn, log: Path) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.standin = standin
        self.log = log
        self._n = 0

    def request(self, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes, float]:
        req = urllib.request.Request(self.url + path, data=body, headers=headers, method="POST" if body else "GET")
        started = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, resp.read(), time.monotonic() - started
        except urllib.error.HTTPError as err:
            return err.code, err.read(), time.monotonic() - started

    def send(self, payload: dict, **kw) -> tuple[int, bytes, float]:
        body, headers = signed_json(payload, SECRET, **kw)
        return self.request("/slack/events", body, headers)

    def replies(self, channel: str, n: int = 1, timeout: float = ANSWER_TIMEOUT) -> list[dict]:
        def enough() -> list[dict] | None:
            posts = self.standin.posts(channel)
            return posts if len(posts) >= n else None

        return self.standin.wait_for(enough, timeout) or self.standin.posts(channel)

    def ask(self, question: str, channel: str | None = None) -> tuple[dict, list[dict]]:
        """Mention the bot with ``question`` in a fresh channel and wait for the answer."""
        self._n += 1
        channel = channel or f"CQ{self._n:04d}"
        msg = self.standin.add_message(channel, f"<@UBOT> {question}")
        status, _, _ = self.send(event_body(mention_event(msg, channel)))
        assert status == 200
        return msg, self.replies(channel)

    def settle(self) -> None:
        """Return once a fresh question has been answered: anything sent before it has run by now."""
        _, replies = self.ask("What did the CSTO say?")
        assert replies, f"control question unanswered; server log:\n{self.log.read_text()[-3000:]}"


def start_bot(store: Path, standin: SlackStandIn, home: Path, port: int, **env_extra: str) -> subprocess.Popen:
    """``aqwal -v slack`` as users run it, its output in ``home/server.log``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "AQWAL_"))}
    env.update(HOME=str(home), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", PYTHONUNBUFFERED="1",
               SLACK_BOT_TOKEN=BOT_TOKEN, AQWAL_SLACK_API_URL=standin.api_url, **env_extra)
    with (home / "server.log").open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "chat.cli", "-v", "slack", "--port", str(port), "--store", str(store)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )


def wait_until_up(proc: subprocess.Popen, ready, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if proc.poll() is not None:
            pytest.fail(f"aqwal slack exited with {proc.returncode}:\n{log.read_text()[-5000:]}")
        try:
            if ready():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"aqwal slack did not come up within {START_TIMEOUT}s:\n{log.read_text()[-5000:]}")
        time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def bot(slack_store: Path, standin: SlackStandIn, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    """``aqwal slack`` in HTTP mode on a free 127.0.0.1 port, ready once ``/healthz`` answers."""
    port = free_port()
    home = tmp_path_factory.mktemp("slack-home")
    proc = start_bot(slack_store, standin, home, port, SLACK_SIGNING_SECRET=SECRET)
    server = Bot(port, standin, home / "server.log")
    try:
        wait_until_up(proc, lambda: server.request("/healthz", None, {})[0] == 200, server.log)
        yield server
    finally:
        stop(proc)


def quote_block(reply: dict, quote: str) -> dict | None:
    """The block of ``reply`` whose quote element is exactly ``quote``."""
    for block in reply["blocks"]:
        if quote in quoted([block]):
            return block
    return None


def test_url_verification_returns_the_challenge(bot):
    status, body, _ = bot.send({"token": "t", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                                "type": "url_verification"})
    assert status == 200
    assert json.loads(body) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


def test_csto_mention_gets_one_threaded_reply_with_the_verbatim_quote(bot):
    msg = bot.standin.add_message("CCSTO", "<@UBOT> What did the CSTO say?")
    status, _, ack_seconds = bot.send(event_body(mention_event(msg, "CCSTO")))
    assert status == 200 and ack_seconds < 3.0, ack_seconds
    print(f"ack latency for app_mention: {ack_seconds * 1000:.1f} ms")
    replies = bot.replies("CCSTO")
    assert replies, f"no reply; server log:\n{bot.log.read_text()[-3000:]}"
    reply = replies[0]
    assert reply["thread_ts"] == msg["ts"]
    block = quote_block(reply, CSTO_QUOTE)
    assert block is not None, json.dumps(reply["blocks"], ensure_ascii=False)[:3000]
    assert CSTO_SPEAKER in " ".join(all_texts(block))
    assert reply["text"]  # notification fallback
    bot.settle()
    assert len(bot.standin.posts("CCSTO")) == 1


def test_bad_signature_and_stale_timestamp_are_401_with_no_reply(bot):
    msg = bot.standin.add_message("CFORGED", "<@UBOT> What did the CSTO say?")
    payload = event_body(mention_event(msg, "CFORGED"))
    body, headers = signed_json(payload, "not-the-secret")
    assert bot.request("/slack/events", body, headers)[0] == 401
    status, _, _ = bot.send(payload, timestamp=int(time.time()) - 5 * 60 - 30)
    assert status == 401
    body, headers = signed_json(payload, SECRET)
    assert bot.request("/slack/events", body, {"Content-Type": "application/json"})[0] == 401  # unsigned
    bot.settle()
    assert bot.standin.posts("CFORGED") == []


def test_retried_delivery_gets_no_second_reply(bot):
    msg = bot.standin.add_message("CRETRY", "<@UBOT> What did the CSTO say?")
    payload = event_body(mention_event(msg, "CRETRY"), event_id="Ev0RETRY0001")
    assert bot.send(payload)[0] == 200
    assert bot.send(payload, retry=1)[0] == 200  # while the first is being answered
    assert bot.replies("CRETRY")
    assert bot.send(payload, retry=2)[0] == 200  # after it was answered
    bot.settle()
    assert len(bot.standin.posts("CRETRY")) == 1


def test_bot_messages_get_no_reply(bot):
    for i, extra in enumerate(({"bot_id": "B0OTHER"}, {"bot_id": "B0OTHER", "subtype": "bot_message"})):
        msg = bot.standin.add_message("CBOTS", "<@UBOT> What did the CSTO say?", user=f"UOTHER{i}", **extra)
        assert bot.send(event_body(mention_event(msg, "CBOTS")))[0] == 200
        assert bot.send(event_body(dm_event(msg, "DBOTS")))[0] == 200
    bot.settle()
    assert bot.standin.posts("CBOTS") == [] and bot.standin.posts("DBOTS") == []


def test_malformed_json_is_4xx_and_the_server_keeps_answering(bot):
    garbage = b'{"type": "event_callback", "event": {"type": "app_mention", '
    status, _, _ = bot.request("/slack/events", garbage, {"Content-Type": "application/json", **sign(garbage, SECRET)})
    assert 400 <= status < 500
    status, _, _ = bot.request("/slack/events", garbage, {"Content-Type": "application/json"})
    assert 400 <= status < 500
    _, replies = bot.ask("What did the CSTO say?", channel="CAFTERBAD")
    assert len(replies) == 1 and quote_block(replies[0], CSTO_QUOTE) is not None


def test_follow_up_in_thread_answers_about_france(bot):
    root, replies = bot.ask("What did the CSTO say?", channel="CFOLLOW")
    assert len(replies) == 1
    follow = bot.standin.add_message("CFOLLOW", "<@UBOT> and France?", thread_ts=root["ts"])
    assert bot.send(event_body(mention_event(follow, "CFOLLOW")))[0] == 200
    replies = bot.replies("CFOLLOW", 2)
    assert len(replies) == 2, f"no follow-up reply; server log:\n{bot.log.read_text()[-3000:]}"
    reply = replies[1]
    assert reply["thread_ts"] == root["ts"]
    block = quote_block(reply, FRANCE_QUOTE)
    assert block is not None, json.dumps(reply["blocks"], ensure_ascii=False)[:3000]
    assert FRANCE_SPEAKER in " ".join(all_texts(block))
    history_calls = [c for c in bot.standin.calls_to("conversations.replies") if c.params.get("channel") == "CFOLLOW"]
    assert history_calls and history_calls[-1].params["ts"] == root["ts"]


def test_direct_message_is_answered_in_its_thread(bot):
    msg = bot.standin.add_message("DREADER", "What did the CSTO say?")
    status, _, ack_seconds = bot.send(event_body(dm_event(msg, "DREADER")))
    assert status == 200 and ack_seconds < 3.0
    (reply,) = bot.replies("DREADER")
    assert reply["thread_ts"] == msg["ts"] and quote_block(reply, CSTO_QUOTE) is not None


def test_slash_command_acks_and_answers(bot):
    url = bot.standin.response_url("slash-csto")
    body, headers = signed_form(slash_command("What did the CSTO say?", url), SECRET)
    status, ack_body, ack_seconds = bot.request("/slack/events", body, headers)
    assert status == 200 and ack_seconds < 3.0
    print(f"ack latency for /aqwal: {ack_seconds * 1000:.1f} ms")
    assert json.loads(ack_body)["response_type"] == "ephemeral"

    def answered() -> list:
        return [r for r in bot.standin.responses if r.method == "slash-csto"]

    responses = bot.standin.wait_for(answered, ANSWER_TIMEOUT)
    assert responses, f"no slash response; server log:\n{bot.log.read_text()[-3000:]}"
    params = responses[0].params
    assert params["response_type"] == "in_channel"
    block = next((b for b in params["blocks"] if CSTO_QUOTE in quoted([b])), None)
    assert block is not None and CSTO_SPEAKER in " ".join(all_texts(block))


def test_socket_mode_answers_once_in_thread(slack_store, standin, tmp_path):
    """With SLACK_APP_TOKEN the bot opens Slack's WebSocket (apps.connections.open) instead of listening."""
    sock = SocketModeStandIn()
    standin.socket_url = sock.url
    proc = start_bot(slack_store, standin, tmp_path, free_port(), SLACK_APP_TOKEN="xapp-1-test")
    log = tmp_path / "server.log"
    try:
        wait_until_up(proc, lambda: sock.connections, log)
        opened = standin.calls_to("apps.connections.open")
        assert opened and opened[-1].headers["authorization"] == "Bearer xapp-1-test"

        msg = standin.add_message("CSOCKET", "<@UBOT> What did the CSTO say?")
        payload = event_body(mention_event(msg, "CSOCKET"))
        sent = time.monotonic()
        first = sock.send_event(payload)
        assert sock.wait_for(lambda: any(a.get("envelope_id") == first for a in sock.acks), 3.0)
        print(f"socket mode ack latency: {(time.monotonic() - sent) * 1000:.1f} ms")
        replies = standin.wait_for(lambda: standin.posts("CSOCKET"), ANSWER_TIMEOUT)
        assert replies, f"no reply in Socket Mode; server log:\n{log.read_text()[-3000:]}"
        again = sock.send_event(payload, retry_attempt=1)  # Slack redelivers an envelope it thinks was lost
        assert sock.wait_for(lambda: any(a.get("envelope_id") == again for a in sock.acks), 3.0)
        control = standin.add_message("CSOCKET2", "<@UBOT> What did the CSTO say?")
        sock.send_event(event_body(mention_event(control, "CSOCKET2")))
        assert standin.wait_for(lambda: standin.posts("CSOCKET2"), ANSWER_TIMEOUT)

        (reply,) = standin.posts("CSOCKET")
        assert reply["thread_ts"] == msg["ts"]
        block = quote_block(reply, CSTO_QUOTE)
        assert block is not None, json.dumps(reply["blocks"], ensure_ascii=False)[:3000]
        assert CSTO_SPEAKER in " ".join(all_texts(block))
    finally:
        stop(proc)
        standin.socket_url = None
        sock.stop()
