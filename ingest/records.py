"""Records that cross package boundaries: what ingest writes and retriever/chat read.

Every offset (``start``/``end``, ``speaker_start``, ``cue_start``) indexes the
article's ``text`` exactly as stored, so ``text[start:end]`` is the quote.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One news article, its text kept exactly as decoded from the source."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    published: str = ""
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """Content hash: a changed text (or title) is a new version of the article."""
        h = hashlib.sha256()
        for part in (self.text, self.title, self.url, self.published, self.source):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()[:16]


@dataclass
class Chunk:
    """A sentence-aware passage: ``article.text[start:end] == text``."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass
class Statement:
    """One reported statement (who said what), with exact offsets into the article text.

    ``quote == text[start:end]``; ``speaker`` is the mention as written at
    ``text[speaker_start:speaker_end]`` (or empty, with offsets -1, when the speaker is
    only implied, e.g. a subjectless continuation); ``speaker_canonical`` is the resolved
    full name, ``speaker_en`` an English display name where known, ``role`` a title or
    apposition, ``entity_id`` a stable id of the speaker across articles, ``kind``
    ``"direct"`` or ``"indirect"``, ``via`` the relaying sources outermost first.
    """

    id: str
    article_id: str
    speaker: str
    speaker_start: int
    speaker_end: int
    speaker_canonical: str
    speaker_en: str
    role: str
    entity_id: str
    cue: str
    cue_start: int
    kind: str
    quote: str
    start: int
    end: int
    via: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
