"""Thumbs up/down from the web chat, kept in SQLite next to the store.

Chainlit only shows its feedback buttons when a data layer exists, and hands feedback to
``BaseDataLayer.upsert_feedback`` with nothing but the message id. So the app records each
answer (question, framing text, quote ids) under its message id when it sends it, and the
feedback row copies them: one table answers "what did the reader judge" without joins, and
nothing leaves the machine. Thread history is not persisted (every other hook is a no-op).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chainlit.data.base import BaseDataLayer
from chainlit.types import Feedback, PageInfo, PaginatedResponse, Pagination, ThreadDict, ThreadFilter
from chainlit.user import PersistedUser, User

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    message_id TEXT PRIMARY KEY,
    thread_id  TEXT,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    quote_ids  TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id         TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    thread_id  TEXT,
    value      INTEGER NOT NULL,
    comment    TEXT,
    question   TEXT,
    answer     TEXT,
    quote_ids  TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS feedback_message ON feedback(message_id);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedbackStore:
    """A tiny SQLite file; one connection per call so Chainlit's threads never share one."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        return db

    def record_answer(self, message_id: str, thread_id: str | None, question: str, answer: str,
                      quote_ids: list[str]) -> None:
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                (message_id, thread_id, question, answer, json.dumps(quote_ids, ensure_ascii=False), _now()),
            )

    def upsert(self, message_id: str, value: int, comment: str | None, thread_id: str | None = None,
               feedback_id: str | None = None) -> str:
        """Insert or replace the one feedback row of a message; returns its id."""
        with self._lock, self._connect() as db:
            row = db.execute("SELECT id FROM feedback WHERE message_id = ?", (message_id,)).fetchone()
            fid = feedback_id or (row["id"] if row else str(uuid.uuid4()))
            ans = db.execute("SELECT question, answer, quote_ids FROM answers WHERE message_id = ?",
                             (message_id,)).fetchone()
            if ans is None:
                log.warning("feedback for unknown message %s (answer not recorded)", message_id)
            now = _now()
            db.execute("DELETE FROM feedback WHERE message_id = ? OR id = ?", (message_id, fid))
            db.execute(
                "INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (fid, message_id, thread_id, int(value), comment or None,
                 ans["question"] if ans else None, ans["answer"] if ans else None,
                 ans["quote_ids"] if ans else None, now, now),
            )
        return fid

    def delete(self, feedback_id: str) -> bool:
        with self._lock, self._connect() as db:
            return db.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,)).rowcount > 0

    def all(self) -> list[dict[str, Any]]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM feedback ORDER BY created_at").fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["quote_ids"] = json.loads(d["quote_ids"]) if d["quote_ids"] else []
            out.append(d)
        return out


class LocalDataLayer(BaseDataLayer):
    """Chainlit data layer that stores feedback only; threads and steps stay in memory."""

    def __init__(self, store: FeedbackStore) -> None:
        self.store = store
        self._users: dict[str, PersistedUser] = {}

    async def get_user(self, identifier: str) -> PersistedUser | None:
        return self._users.get(identifier)

    async def create_user(self, user: User) -> PersistedUser | None:
        persisted = PersistedUser(id=str(uuid.uuid5(uuid.NAMESPACE_URL, user.identifier)),
                                  identifier=user.identifier, display_name=user.display_name,
                                  metadata=user.metadata, createdAt=_now())
        self._users[user.identifier] = persisted
        return persisted

    async def upsert_feedback(self, feedback: Feedback) -> str:
        return self.store.upsert(feedback.forId, feedback.value, feedback.comment, feedback.threadId, feedback.id)

    async def delete_feedback(self, feedback_id: str) -> bool:
        return self.store.delete(feedback_id)

    async def create_element(self, element: Any) -> None:
        return None

    async def get_element(self, thread_id: str, element_id: str) -> None:
        return None

    async def delete_element(self, element_id: str, thread_id: str | None = None) -> None:
        return None

    async def create_step(self, step_dict: Any) -> None:
        return None

    async def update_step(self, step_dict: Any) -> None:
        return None

    async def delete_step(self, step_id: str) -> None:
        return None

    async def get_thread_author(self, thread_id: str) -> str:
        return ""

    async def delete_thread(self, thread_id: str) -> None:
        return None

    async def list_threads(self, pagination: Pagination, filters: ThreadFilter) -> PaginatedResponse[ThreadDict]:
        return PaginatedResponse(data=[], pageInfo=PageInfo(hasNextPage=False, startCursor=None, endCursor=None))

    async def get_thread(self, thread_id: str) -> ThreadDict | None:
        return None

    async def update_thread(self, thread_id: str, name: str | None = None, user_id: str | None = None,
                            metadata: dict | None = None, tags: list[str] | None = None) -> None:
        return None

    async def build_debug_url(self) -> str:
        return ""

    async def close(self) -> None:
        return None

    async def get_favorite_steps(self, user_id: str) -> list:
        return []
