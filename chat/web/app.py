"""The Chainlit app: a thin layer over :class:`chat.assistant.Assistant`.

Started by :func:`chat.web.server.run` (``aqwal web``), which sets ``AQWAL_STORE`` and the
Chainlit app root before Chainlit loads this file. Everything shown is built by
:mod:`chat.web.render`; the cards and the source panel are JSX elements in ``public/elements``.
"""

from __future__ import annotations

import asyncio
import hmac
import importlib
import logging
import os
import threading
from pathlib import Path
from typing import Any

import chainlit as cl

from chat.answer import Answer
from chat.web import render
from chat.web.config import get_web_settings
from chat.web.feedback import FeedbackStore, LocalDataLayer
from chat.web.uploads import Upload, stage
from ingest.settings import Settings, get_settings

log = logging.getLogger("chat.web.app")

SETTINGS = get_settings()
WEB = get_web_settings()
AUTHOR = "aqwal"  # also names public/avatars/aqwal.svg (Chainlit only accepts ASCII avatar names)
FEEDBACK = FeedbackStore(Path(SETTINGS.store) / "feedback.sqlite3")

STARTERS = [
    ("ماذا قالت منظمة معاهدة الأمن الجماعي؟", "ماذا قالت منظمة معاهدة الأمن الجماعي؟"),
    ("What did France say about the clashes?", "What did France say about the clashes?"),
    ("ماذا قال باشينيان عن الممر؟", "ماذا قال باشينيان عن الممر عبر أراضي أرمينيا؟"),
    ("Who accused whom of violating the truce?", "Who accused whom of violating the truce?"),
]


def _factory(spec: str) -> Any:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name or "Assistant")


class Engine:
    """One assistant per process, built once, used by one thread at a time.

    Chainlit serves every chat session from one event loop; the assistant is synchronous and
    an ingest refreshes the indexes a question reads, so calls run in a worker thread under a
    lock rather than concurrently.
    """

    def __init__(self, settings: Settings, spec: str) -> None:
        self.settings = settings
        self.spec = spec
        self._assistant: Any = None
        self._lock = threading.RLock()

    def get(self) -> Any:
        with self._lock:
            if self._assistant is None:
                self._assistant = _factory(self.spec)(self.settings)
            return self._assistant

    def ask(self, question: str, history: list[str]) -> Answer:
        with self._lock:
            return self.get().ask(question, history)

    def streams(self) -> bool:
        """True when answers come from an LLM composer whose framing can be streamed."""
        return callable(getattr(getattr(self.get(), "composer", None), "stream", None))

    def stream(self, question: str, history: list[str]) -> Any:
        """Framing pieces, then the Answer (a generator; run it in a worker thread)."""
        with self._lock:
            yield from self.get().stream(question, history)

    def article(self, article_id: str) -> Any:
        with self._lock:
            return self.get().article(article_id)

    def ingest(self, paths: list[Path]) -> Any:
        with self._lock:
            return self.get().ingest(paths)


ENGINE = Engine(SETTINGS, WEB.web_assistant)


def _warm_up() -> None:
    try:
        ENGINE.get()
    except Exception:  # the first question reports it to the user
        log.exception("could not open the assistant on %s", SETTINGS.store)


threading.Thread(target=_warm_up, name="aqwal-warm-up", daemon=True).start()


@cl.data_layer
def _data_layer() -> LocalDataLayer:
    return LocalDataLayer(FEEDBACK)


if WEB.web_password:

    @cl.password_auth_callback
    async def _login(username: str, password: str) -> cl.User | None:
        expected = (WEB.web_password or "").encode()
        if hmac.compare_digest(password.encode(), expected):
            return cl.User(identifier=(username or "reader").strip() or "reader", metadata={"provider": "password"})
        log.warning("failed web login for %r", username)
        return None


@cl.set_starters
async def _starters(user: cl.User | None = None, language: str | None = None) -> list[cl.Starter]:
    return [cl.Starter(label=label, message=message) for label, message in STARTERS]


@cl.on_chat_start
async def _start() -> None:
    cl.user_session.set("history", [])


def _cards(answer: Answer) -> list[cl.CustomElement]:
    lang = render.ui_language(answer)
    texts: dict[str, Any] = {}
    elements = []
    for i, quote in enumerate(answer.quotes, 1):
        if quote.article_id not in texts:
            try:
                texts[quote.article_id] = ENGINE.article(quote.article_id)
            except Exception:
                log.exception("cannot read article %s", quote.article_id)
                texts[quote.article_id] = None
        art = texts[quote.article_id]
        props = render.card_props(quote, lang, i, art.text if art else None, art.title if art else "")
        elements.append(cl.CustomElement(name="QuoteCard", props=props, display="inline"))
    return elements


async def _answer(question: str) -> None:
    history: list[str] = cl.user_session.get("history") or []
    msg = cl.Message(content="", author=AUTHOR)
    try:
        if await asyncio.to_thread(ENGINE.streams):
            answer = await _streamed(msg, question, list(history))
        else:
            answer = await asyncio.to_thread(ENGINE.ask, question, list(history))
        elements = await asyncio.to_thread(_cards, answer)
    except Exception as exc:
        log.exception("question failed: %s", question)
        await cl.ErrorMessage(content=f"Could not answer: {exc}").send()
        return
    history.append(question)
    cl.user_session.set("history", history)
    msg.content = render.framing_text(answer)  # the checked final text replaces what streamed
    await msg.send()  # also ends a stream (Chainlit's protocol)
    for element in elements:  # one by one: Chainlit sends a message's elements concurrently, out of order
        await element.send(for_id=msg.id)
    # Chainlit puts the thumbs on the run step (the on_message call) that holds the answer, and
    # reports feedback with that step's id; keep the answer under both ids.
    quote_ids = [q.id for q in answer.quotes]
    for key in dict.fromkeys(k for k in (msg.parent_id, msg.id) if k):
        FEEDBACK.record_answer(key, msg.thread_id, question, answer.answer, quote_ids)


async def _streamed(msg: cl.Message, question: str, history: list[str]) -> Answer:
    """Show an LLM's framing as it is written (whole, scrubbed sentences), return the Answer."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Any] = asyncio.Queue()

    def pump() -> None:
        try:
            for part in ENGINE.stream(question, history):
                loop.call_soon_threadsafe(queue.put_nowait, part)
        except Exception as exc:  # handed to the event loop, reported there
            loop.call_soon_threadsafe(queue.put_nowait, exc)
        loop.call_soon_threadsafe(queue.put_nowait, None)

    worker = asyncio.create_task(asyncio.to_thread(pump))
    answer: Answer | None = None
    while (item := await queue.get()) is not None:
        if isinstance(item, Exception):
            raise item
        if isinstance(item, Answer):
            answer = item
        else:
            await msg.stream_token(item)
    await worker
    if answer is None:
        raise RuntimeError("the answer stream ended without an answer")
    return answer


async def _upload(files: list[Any]) -> None:
    uploads = [Upload(name=f.name or Path(f.path).name, path=Path(f.path), size=os.path.getsize(f.path))
               for f in files]
    staged = stage(uploads, WEB)
    names = ", ".join(f"`{u.name}`" for u in uploads)
    progress = cl.Message(author=AUTHOR, content=f"⏳ Ingesting {names} … جارٍ الإضافة")
    await progress.send()
    report = None
    try:
        if staged.paths:
            report = await asyncio.to_thread(ENGINE.ingest, staged.paths)
    except Exception as exc:
        log.exception("upload ingest failed")
        progress.content = f"⛔ Ingest failed: {exc}"
        await progress.update()
        return
    finally:
        staged.cleanup()
    progress.content = render.upload_summary(report, staged.names, staged.rejected)
    await progress.update()


@cl.on_message
async def _message(message: cl.Message) -> None:
    files = [e for e in (message.elements or []) if getattr(e, "path", None)]
    if files:
        await _upload(files)
    question = (message.content or "").strip()
    if question:
        await _answer(question)
