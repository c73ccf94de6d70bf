"""The answer record every face (CLI, web, Slack) renders.

Quote text is never written by a model: each ``Quote.quote`` is
``article.text[start:end]`` read from the store by statement id.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class Quote(BaseModel):
    id: str
    article_id: str
    title: str = ""
    published: str = ""
    source: str = ""
    url: str = ""
    speaker: str
    speaker_canonical: str
    speaker_en: str = ""
    role: str = ""
    cue: str
    kind: str
    quote: str
    start: int
    end: int
    speaker_start: int = -1
    speaker_end: int = -1
    via: list[str] = Field(default_factory=list)
    gloss: str | None = Field(None, description="Machine translation (LLM only), shown beside the quote.")


class Answer(BaseModel):
    question: str
    language: str
    answer: str
    quotes: list[Quote] = Field(default_factory=list)
    no_answer: bool = False
    total: int | None = Field(None, description="Statements that matched when more than the quotes shown.")
