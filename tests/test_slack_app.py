"""The Slack face with a fake assistant: helpers, then the bolt app behind the HTTP layer.

The bot's Web API calls go over real HTTP to the local stand-in; Slack's requests to the bot go
through Starlette's test client, so these tests are fast and deterministic. The real process with
the real assistant is exercised in ``test_slack_http.py``.
"""

from __future__ import annotations

import threading
import time

import pytest
from slack_standin import (
    BOT_ID,
    BOT_TOKEN,
    BOT_USER_ID,
    SlackStandIn,
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
from starlette.testclient import TestClient

from chat.answer import Answer, Quote
from chat.slack.app import (
    BotIdentity,
    SeenCache,
    create_app,
    is_bot_message,
    is_user_question,
    make_client,
    strip_mentions,
    thread_history,
)
from chat.slack.config import SlackConfig
from chat.slack.server import create_asgi_app

SECRET = "test-signing-secret"
CSTO = "تعتبر استخدام القوة غير مقبول لتسوية النزاعات"
FRANCE = "ستتجه إلى مجلس الأمن الدولي لمناقشة التصعيد الحدودي بين أرمينياوأذربيجان"


# --------------------------------------------------------------------------- pure helpers


def test_seen_cache_check_and_set_ttl_and_bound():
    now = [0.0]
    cache = SeenCache(ttl=10, max_size=3, clock=lambda: now[0])
    assert cache.seen("a") is False and cache.seen("a") is True
    now[0] = 9.9
    assert cache.seen("a") is True
    now[0] = 10.0  # "a" was recorded at 0 and has expired
    assert cache.seen("a") is False
    for key in "bcd":
        cache.seen(key)
    assert len(cache) == 3  # bounded: the oldest ("a") was evicted
    assert cache.seen("a") is False


def test_seen_cache_is_atomic_across_threads():
    cache = SeenCache()
    results: list[bool] = []
    barrier = threading.Barrier(16)

    def hit() -> None:
        barrier.wait()
        results.append(cache.seen("Ev1"))

    threads = [threading.Thread(target=hit) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(False) == 1


def test_strip_mentions():
    assert strip_mentions("<@UBOT> What did the CSTO say?", "UBOT") == "What did the CSTO say?"
    assert strip_mentions("<@UBOT|aqwal>   ماذا قالت  فرنسا؟ <@UBOT>", "UBOT") == "ماذا قالت فرنسا؟"
    assert strip_mentions("what did <@U999> say, <@UBOT>?", "UBOT") == "what did <@U999> say, ?"
    # bot id not known yet: the leading mention(s) are the address, not the question
    assert strip_mentions("<@UBOT> <@WX1> and France?", None) == "and France?"
    assert strip_mentions("<@UBOT>", "UBOT") == ""


def test_bot_messages_are_never_questions():
    person = {"type": "message", "user": "U1", "text": "hi", "ts": "1.0", "channel": "D1", "channel_type": "im"}
    assert is_user_question(person, BOT_USER_ID)
    assert is_user_question({**person, "subtype": "thread_broadcast"}, BOT_USER_ID)
    for event in (
        {**person, "bot_id": "B999"},
        {**person, "subtype": "bot_message"},
        {**person, "user": BOT_USER_ID},
        {**person, "bot_profile": {"id": "B2"}},
    ):
        assert is_bot_message(event, BOT_USER_ID) and not is_user_question(event, BOT_USER_ID)
    for subtype in ("message_changed", "message_deleted", "channel_join"):
        assert not is_user_question({**person, "subtype": subtype}, BOT_USER_ID)


def test_thread_history_channel_and_dm():
    thread = [
        {"ts": "100.1", "user": "U1", "text": "<@UBOT> What did the CSTO say?"},
        {"ts": "100.2", "user": BOT_USER_ID, "bot_id": BOT_ID, "text": "The CSTO said…"},
        {"ts": "100.3", "user": "U2", "text": "interesting, thanks"},  # people talking to each other
        {"ts": "100.4", "user": "U1", "subtype": "message_changed", "text": "<@UBOT> edited"},
        {"ts": "100.5", "user": "U1", "text": "<@UBOT> and Russia?"},
        {"ts": "100.6", "user": "UOTHERBOT", "bot_id": "B9", "text": "<@UBOT> spam"},
        {"ts": "100.7", "user": "U1", "text": "<@UBOT> and France?"},  # the current question
        {"ts": "100.8", "user": "U1", "text": "<@UBOT> later"},
    ]
    assert thread_history(thread, "100.7", BOT_USER_ID, mentions_only=True) == [
        "What did the CSTO say?", "and Russia?"]
    assert thread_history(thread, "100.7", BOT_USER_ID, mentions_only=False) == [
        "What did the CSTO say?", "interesting, thanks", "and Russia?"]
    assert thread_history(list(reversed(thread)), "100.7", BOT_USER_ID, mentions_only=True, limit=1) == [
        "and Russia?"]
    assert thread_history(thread, "100.1", BOT_USER_ID, mentions_only=True) == []


# --------------------------------------------------------------------------- against the stand-in


@pytest.fixture
def standin():
    s = SlackStandIn().start()
    yield s
    s.stop()


def config_for(standin: SlackStandIn, **kw) -> SlackConfig:
    return SlackConfig(bot_token=BOT_TOKEN, signing_secret=SECRET, api_url=standin.api_url, **kw)


def test_client_waits_out_429_retry_after(standin):
    standin.rate_limit["chat.postMessage"] = (1, 1)
    client = make_client(config_for(standin))
    started = time.monotonic()
    resp = client.chat_postMessage(channel="C1", text="hello")
    elapsed = time.monotonic() - started
    assert resp["ok"] is True
    attempts = standin.calls_to("chat.postMessage")
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 0.95 and elapsed >= 0.95


def test_bot_identity_is_lazy_cached_and_survives_failure(standin):
    client = make_client(config_for(standin))
    identity = BotIdentity(client)
    assert standin.calls_to("auth.test") == []
    assert identity.get() == (BOT_USER_ID, BOT_ID)
    assert identity.get() == (BOT_USER_ID, BOT_ID)
    assert len(standin.calls_to("auth.test")) == 1

    dead = make_client(SlackConfig(bot_token=BOT_TOKEN, api_url="http://127.0.0.1:9/api/"), timeout=2)
    assert BotIdentity(dead, user_id="UCONF").get() == ("UCONF", None)
    assert BotIdentity(dead).get() == (None, None)


class FakeAssistant:
    """Answers about the CSTO or France, and records what it was asked."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[str, list[str]]] = []
        self.fail = fail

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        self.calls.append((question, list(history or [])))
        if self.fail:
            raise RuntimeError("store unavailable")
        france = "france" in question.lower() or "فرنسا" in question
        speaker, quote = ("فرنسا", FRANCE) if france else ("الأمانة العامة لمنظمة معاهدة الأمن الجماعي", CSTO)
        q = Quote(id="s1", article_id="seed-000", title="t", speaker=speaker, speaker_canonical=speaker,
                  cue="قالت", kind="indirect", quote=quote, start=0, end=len(quote))
        return Answer(question=question, language="en", answer=f"{speaker} said:", quotes=[q])


class Harness:
    def __init__(self, standin: SlackStandIn, assistant: FakeAssistant) -> None:
        self.standin = standin
        self.assistant = assistant
        self.bolt = create_app(assistant, config_for(standin))
        self.http = TestClient(create_asgi_app(self.bolt, SECRET))

    def send(self, payload: dict, *, retry: int | None = None, timestamp: int | None = None):
        body, headers = signed_json(payload, SECRET, retry=retry, timestamp=timestamp)
        return self.http.post("/slack/events", content=body, headers=headers)

    def replies(self, channel: str, n: int = 1, timeout: float = 10) -> list[dict]:
        return self.standin.wait_for(lambda: (lambda p: p if len(p) >= n else None)(self.standin.posts(channel)),
                                     timeout) or self.standin.posts(channel)


@pytest.fixture
def harness(standin):
    return Harness(standin, FakeAssistant())


def test_creating_the_app_calls_no_api(standin):
    create_app(FakeAssistant(), config_for(standin))
    assert standin.calls == []


def test_mention_is_acked_then_answered_in_its_thread(harness):
    msg = harness.standin.add_message("C1", "<@UBOT> What did the CSTO say?")
    started = time.monotonic()
    resp = harness.send(event_body(mention_event(msg, "C1")))
    ack_seconds = time.monotonic() - started
    assert resp.status_code == 200 and ack_seconds < 3
    (reply,) = harness.replies("C1")
    assert reply["thread_ts"] == msg["ts"]
    assert CSTO in quoted(reply["blocks"])
    assert harness.assistant.calls == [("What did the CSTO say?", [])]
    assert reply["text"] and reply["unfurl_links"] is False


def test_follow_up_in_thread_passes_earlier_questions(harness):
    root = harness.standin.add_message("C2", "<@UBOT> What did the CSTO say?")
    harness.send(event_body(mention_event(root, "C2")))
    harness.replies("C2", 1)
    follow = harness.standin.add_message("C2", "<@UBOT> and France?", thread_ts=root["ts"])
    harness.send(event_body(mention_event(follow, "C2")))
    replies = harness.replies("C2", 2)
    assert len(replies) == 2
    assert replies[1]["thread_ts"] == root["ts"]
    assert FRANCE in quoted(replies[1]["blocks"])
    assert harness.assistant.calls[1] == ("and France?", ["What did the CSTO say?"])
    (history_call,) = harness.standin.calls_to("conversations.replies")
    assert history_call.params["ts"] == root["ts"] and history_call.params["channel"] == "C2"


def test_dm_is_answered_in_thread_and_dm_follow_up_uses_all_turns(harness):
    root = harness.standin.add_message("D1", "What did the CSTO say?")
    assert harness.send(event_body(dm_event(root, "D1"))).status_code == 200
    (reply,) = harness.replies("D1")
    assert reply["thread_ts"] == root["ts"]
    follow = harness.standin.add_message("D1", "and France?", thread_ts=root["ts"])
    harness.send(event_body(dm_event(follow, "D1")))
    harness.replies("D1", 2)
    assert harness.assistant.calls[1] == ("and France?", ["What did the CSTO say?"])


def test_retries_and_double_deliveries_answer_once(harness):
    msg = harness.standin.add_message("C3", "<@UBOT> What did the CSTO say?")
    payload = event_body(mention_event(msg, "C3"), event_id="EvRetry1")
    assert harness.send(payload).status_code == 200
    assert harness.send(payload, retry=1).status_code == 200
    assert harness.send(payload, retry=2).status_code == 200
    # the same message as a message event with another event id (both subscriptions fire)
    assert harness.send(event_body({**mention_event(msg, "C3"), "type": "message", "channel_type": "im"})).status_code \
        == 200
    harness.replies("C3", 1)
    control = harness.standin.add_message("C3b", "<@UBOT> What did the CSTO say?")
    harness.send(event_body(mention_event(control, "C3b")))
    harness.replies("C3b", 1)
    assert len(harness.standin.posts("C3")) == 1
    assert len(harness.assistant.calls) == 2


def test_bots_and_edits_get_200_and_no_reply(harness):
    channel = "C4"
    for extra in ({"bot_id": "B999"}, {"subtype": "bot_message", "bot_id": "B999"}, {"user": BOT_USER_ID},
                  {"subtype": "message_changed"}):
        msg = harness.standin.add_message(channel, "<@UBOT> What did the CSTO say?", **extra)
        assert harness.send(event_body(mention_event(msg, channel))).status_code == 200
        assert harness.send(event_body(dm_event(msg, channel))).status_code == 200
    # a channel message (not a DM) without a mention is not for us either
    chatter = harness.standin.add_message(channel, "What did the CSTO say?")
    assert harness.send(event_body({**dm_event(chatter, channel), "channel_type": "channel"})).status_code == 200
    control = harness.standin.add_message("C4b", "<@UBOT> What did the CSTO say?")
    harness.send(event_body(mention_event(control, "C4b")))
    harness.replies("C4b", 1)
    assert harness.standin.posts(channel) == []
    assert len(harness.assistant.calls) == 1


def test_failures_and_empty_questions_get_a_message(standin):
    h = Harness(standin, FakeAssistant(fail=True))
    msg = standin.add_message("C5", "<@UBOT> What did the CSTO say?")
    h.send(event_body(mention_event(msg, "C5")))
    (reply,) = h.replies("C5")
    assert "Sorry" in reply["text"] and reply["thread_ts"] == msg["ts"]
    empty = standin.add_message("C6", "<@UBOT>")
    h.send(event_body(mention_event(empty, "C6")))
    (usage,) = h.replies("C6")
    assert "verbatim quotes" in usage["text"]


def test_http_layer_rejects_forgeries_and_garbage(harness):
    msg = harness.standin.add_message("C7", "<@UBOT> What did the CSTO say?")
    payload = event_body(mention_event(msg, "C7"))
    body, headers = signed_json(payload, "wrong-secret")
    assert harness.http.post("/slack/events", content=body, headers=headers).status_code == 401
    assert harness.send(payload, timestamp=int(time.time()) - 6 * 60).status_code == 401
    garbage = b'{"type": "event_callback", "event": '
    assert harness.http.post("/slack/events", content=garbage, headers={
        "Content-Type": "application/json", **sign(garbage, "wrong")}).status_code == 401
    assert harness.http.post("/slack/events", content=garbage, headers={
        "Content-Type": "application/json", **sign(garbage, SECRET)}).status_code == 400
    challenge = harness.send({"type": "url_verification", "token": "t", "challenge": "abc123"})
    assert challenge.status_code == 200 and challenge.json() == {"challenge": "abc123"}
    assert harness.http.get("/healthz").text == "ok"
    assert harness.standin.posts("C7") == [] and harness.assistant.calls == []


def test_slash_command_acks_then_responds_in_channel(harness):
    body, headers = signed_form(slash_command("What did the CSTO say?", harness.standin.response_url("r1")), SECRET)
    started = time.monotonic()
    resp = harness.http.post("/slack/events", content=body, headers=headers)
    assert resp.status_code == 200 and time.monotonic() - started < 3
    assert resp.json()["response_type"] == "ephemeral"
    responses = harness.standin.wait_for(lambda: harness.standin.responses, 10)
    (posted,) = responses
    assert posted.method == "r1"
    assert posted.params["response_type"] == "in_channel"
    assert CSTO in quoted(posted.params["blocks"])
    assert "<@UHUMAN> /aqwal What did the CSTO say?" in all_texts(posted.params["blocks"])
    # no text: usage in the ack, nothing asked
    body, headers = signed_form(slash_command("  ", harness.standin.response_url("r2")), SECRET)
    resp = harness.http.post("/slack/events", content=body, headers=headers)
    assert "verbatim quotes" in resp.json()["text"]
    assert len(harness.assistant.calls) == 1


def test_run_picks_socket_mode_with_an_app_token(monkeypatch, tmp_path):
    import slack_bolt.adapter.socket_mode as socket_mode

    from chat.slack import server
    from ingest.settings import Settings

    started: list[tuple[object, str]] = []

    class FakeHandler:
        def __init__(self, app, app_token):
            self.app, self.app_token = app, app_token

        def start(self):
            started.append((self.app, self.app_token))

        def close(self):
            started.append(("closed", self.app_token))

    monkeypatch.setattr(socket_mode, "SocketModeHandler", FakeHandler)
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-test")
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    server.run(Settings(store=tmp_path), assistant=FakeAssistant())
    assert [s[1] for s in started] == ["xapp-1-test", "xapp-1-test"] and started[1][0] == "closed"


def test_run_refuses_http_mode_without_signing_secret(monkeypatch, tmp_path):
    import typer

    from chat.slack import server
    from ingest.settings import Settings

    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    with pytest.raises(typer.Exit) as exc:
        server.run(Settings(store=tmp_path), assistant=FakeAssistant())
    assert exc.value.exit_code == 2


def test_manifest_declares_what_the_bot_uses():
    import yaml
    from conftest import ROOT

    manifest = yaml.safe_load((ROOT / "slack" / "manifest.yaml").read_text(encoding="utf-8"))
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert set(manifest["oauth_config"]["scopes"]["bot"]) >= {
        "app_mentions:read", "chat:write", "im:history", "channels:history", "groups:history", "commands"}
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/aqwal"]
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True  # people can DM the bot


def test_ack_returns_before_the_answer_is_computed(standin):
    """The answer runs after the 200: a question that takes long never makes Slack retry."""
    release = threading.Event()

    class SlowAssistant(FakeAssistant):
        def ask(self, question, history=None):
            assert release.wait(30), "never released"
            return super().ask(question, history)

    h = Harness(standin, SlowAssistant())
    msg = standin.add_message("C8", "<@UBOT> What did the CSTO say?")
    started = time.monotonic()
    assert h.send(event_body(mention_event(msg, "C8"))).status_code == 200
    assert time.monotonic() - started < 3
    assert standin.posts("C8") == []  # acknowledged while the answer is still being computed
    release.set()
    assert len(h.replies("C8")) == 1


def test_aqwal_slack_without_a_store_is_a_clear_error(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "AQWAL_"))}
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET, HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "chat.cli", "slack", "--port", "0", "--store", str(tmp_path / "none")],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "no store" in r.stderr and "Traceback" not in r.stderr
    env.pop("SLACK_BOT_TOKEN")
    r = subprocess.run([sys.executable, "-m", "chat.cli", "slack", "--store", str(tmp_path / "none")],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "SLACK_BOT_TOKEN" in r.stderr


def test_follow_up_without_readable_thread_is_still_answered(harness):
    # the thread is unknown to Slack (deleted, or a missing scope): answer without context
    event = {"type": "app_mention", "channel": "C9", "user": "UHUMAN", "text": "<@UBOT> and France?",
             "ts": "1800000000.000002", "thread_ts": "1800000000.000001"}
    assert harness.send(event_body(event)).status_code == 200
    (reply,) = harness.replies("C9")
    assert reply["thread_ts"] == "1800000000.000001"
    assert harness.assistant.calls == [("and France?", [])]
    assert harness.standin.calls_to("conversations.replies")
