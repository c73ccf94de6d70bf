"""One object the faces (CLI, web, Slack) talk to: ask, read an article, ingest uploads."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chat.answer import Answer
from chat.chain import build_chain, build_prepare, finish
from chat.compose import compose
from ingest.pipeline import IngestReport, ingest_paths
from ingest.records import Article
from ingest.settings import Settings
from ingest.store import Store
from retriever.statements import StatementIndex

log = logging.getLogger(__name__)


def load_catalog() -> Any:
    """The shipped entity catalog (names, acronyms, adjective forms), shared per process."""
    from ingest.speech.entities import shared_catalog

    return shared_catalog()


class Assistant:
    def __init__(self, settings: Settings, store: Store | None = None, composer: Any | None = None) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        self.index = StatementIndex(self.store, load_catalog())
        if composer is None and settings.llm:
            from chat.llm import LLMComposer

            composer = LLMComposer.from_spec(settings.llm)
        self.composer = composer
        self.prepare = build_prepare(self.store, self.index, settings.max_quotes)
        self.chain = build_chain(self.store, self.index, composer or compose, settings.max_quotes)

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        """Answer one question; ``history`` holds the earlier questions, oldest first."""
        return self.chain.invoke({"question": question, "history": list(history or [])})

    def stream(self, question: str, history: list[str] | None = None) -> Iterator[str | Answer]:
        """Like :meth:`ask`, but an LLM composer's framing arrives in pieces before the Answer.

        Without an LLM the Answer is yielded at once (it takes milliseconds).
        """
        streamer = getattr(self.composer, "stream", None)
        if streamer is None:
            yield self.ask(question, history)
            return
        inp = self.prepare.invoke({"question": question, "history": list(history or [])})
        for part in streamer(inp["query"], inp["quotes"], inp["known"], inp["unresolved"]):
            yield finish(part, inp) if isinstance(part, Answer) else part

    def article(self, article_id: str) -> Article | None:
        return self.store.get_article(article_id)

    def ingest(self, paths: list[Path]) -> IngestReport:
        """Ingest files into this assistant's store; the next question sees them."""
        report = ingest_paths(paths, self.settings)
        self.index.refresh()
        return report
