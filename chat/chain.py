"""The answer chain (LCEL): question + history → query → statements → quotes → composer → Answer.

Quotes are cut from the stored article text by the statements' offsets here, and only
here; composers (the default one or an LLM) receive them ready-made and can only choose
among them by id.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from chat.answer import Answer, Quote
from chat.compose import compose
from ingest.records import Statement
from ingest.store import Store
from retriever.followup import resolve_query
from retriever.query import Query
from retriever.statements import Retrieval, StatementIndex, StatementSearch

Composer = Callable[[Query, list[Quote], list[str], bool], Answer]


class QuoteFactory:
    """Builds :class:`Quote`s whose text is ``article.text[start:end]`` from the store."""

    def __init__(self, store: Store, index: StatementIndex) -> None:
        self.store = store
        self.index = index
        self._text = lru_cache(maxsize=256)(self._article_text)

    def _article_text(self, article_id: str, version: str) -> str:
        art = self.store.get_article(article_id)
        return art.text if art else ""

    def quote(self, st: Statement) -> Quote | None:
        info = self.index.articles.get(st.article_id) or {}
        text = self._text(st.article_id, info.get("version", ""))
        if not (0 <= st.start < st.end <= len(text)):
            return None
        return Quote(
            id=st.id, article_id=st.article_id, title=info.get("title", ""), published=info.get("published", ""),
            source=info.get("source", ""), url=info.get("url", ""), speaker=st.speaker,
            speaker_canonical=st.speaker_canonical or st.speaker, speaker_en=st.speaker_en, role=st.role,
            cue=st.cue, kind=st.kind, quote=text[st.start : st.end], start=st.start, end=st.end,
            speaker_start=st.speaker_start, speaker_end=st.speaker_end, via=list(st.via),
        )


def build_prepare(store: Store, index: StatementIndex) -> Runnable:
    """Question + history → {query, retrieval, quotes, known, unresolved}: everything but composing."""
    search = StatementSearch(index)
    quotes = QuoteFactory(store, index)

    def is_speaker(x: str) -> bool:
        return bool(index.speakers.resolve(x))

    def previous_ids(q: Query) -> list[str]:
        return [s.id for s in search.retrieve(q).statements]

    def understand(inp: dict[str, Any]) -> dict[str, Any]:
        index.refresh()
        q = resolve_query(inp["question"], inp.get("history") or [], is_speaker, previous_ids)
        return {**inp, "query": q}

    def retrieve(inp: dict[str, Any]) -> dict[str, Any]:
        return {**inp, "retrieval": search.retrieve(inp["query"])}

    def evidence(inp: dict[str, Any]) -> dict[str, Any]:
        """What any composer gets: the query, stored quotes, the speakers the sources have."""
        r: Retrieval = inp["retrieval"]
        qs = [q for q in (quotes.quote(s) for s in r.statements) if q is not None]
        known = [p.canonical for p in index.speakers.top_speakers()]
        return {**inp, "quotes": qs, "known": known, "unresolved": r.unresolved}

    return RunnableLambda(understand) | RunnableLambda(retrieve) | RunnableLambda(evidence)


def build_chain(store: Store, index: StatementIndex, composer: Composer = compose) -> Runnable:
    """The whole answer chain: :func:`build_prepare` followed by a composer."""

    def answer(inp: dict[str, Any]) -> Answer:
        ans = composer(inp["query"], inp["quotes"], inp["known"], inp["unresolved"])
        ans.question = inp["question"]
        return ans

    return (build_prepare(store, index) | RunnableLambda(answer)).with_config(run_name="aqwal_answer")
