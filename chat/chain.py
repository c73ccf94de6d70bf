"""The answer chain (LCEL): question + history → query → statements → quotes → composer → Answer.

Quotes are cut from the stored article text by the statements' offsets here, and only
here; composers (the default one or an LLM) receive them ready-made and can only choose
among them by id.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from chat.answer import Answer, Quote
from chat.compose import compose, more_note
from ingest.records import Statement
from ingest.store import Store
from retriever.followup import resolve_query
from retriever.query import Query
from retriever.statements import Retrieval, StatementIndex, StatementSearch

Composer = Callable[[Query, list[Quote], list[str], bool], Answer]


class QuoteFactory:
    """Builds :class:`Quote`s whose text is ``article.text[start:end]`` from the store.

    Article texts are read in one batch per answer and kept in a small LRU keyed by
    (article id, version), so a re-ingested article is never sliced with old offsets.
    """

    def __init__(self, store: Store, index: StatementIndex, cache_size: int = 256) -> None:
        self.store = store
        self.index = index
        self.cache_size = cache_size
        self._texts: OrderedDict[tuple[str, str], str] = OrderedDict()

    def _prefetch(self, statements: list[Statement]) -> None:
        want = {st.article_id: (self.index.articles.get(st.article_id) or {}).get("version", "")
                for st in statements}
        missing = [a for a, v in want.items() if (a, v) not in self._texts]
        for aid, (version, text) in self.store.article_texts(missing).items():
            self._texts[(aid, version)] = text
        for key in want.items():
            if key in self._texts:
                self._texts.move_to_end(key)
        while len(self._texts) > max(self.cache_size, len(want)):
            self._texts.popitem(last=False)

    def quotes(self, statements: list[Statement]) -> list[Quote]:
        self._prefetch(statements)
        return [q for q in (self.quote(s) for s in statements) if q is not None]

    def quote(self, st: Statement) -> Quote | None:
        info = self.index.articles.get(st.article_id) or {}
        key = (st.article_id, info.get("version", ""))
        if key not in self._texts:
            self._prefetch([st])
        text = self._texts.get(key, "")
        if not (0 <= st.start < st.end <= len(text)):
            return None
        return Quote(
            id=st.id, article_id=st.article_id, title=info.get("title", ""), published=info.get("published", ""),
            source=info.get("source", ""), url=info.get("url", ""), speaker=st.speaker,
            speaker_canonical=st.speaker_canonical or st.speaker, speaker_en=st.speaker_en, role=st.role,
            cue=st.cue, kind=st.kind, quote=text[st.start : st.end], start=st.start, end=st.end,
            speaker_start=st.speaker_start, speaker_end=st.speaker_end, via=list(st.via),
        )


def build_prepare(store: Store, index: StatementIndex, max_quotes: int = 30) -> Runnable:
    """Question + history → {query, retrieval, quotes, known, unresolved}: everything but composing."""
    search = StatementSearch(index, limit=max_quotes)
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
        qs = quotes.quotes(r.statements)
        known = [p.canonical for p in index.speakers.top_speakers()]
        return {**inp, "quotes": qs, "known": known, "unresolved": r.unresolved, "total": r.total}

    return RunnableLambda(understand) | RunnableLambda(retrieve) | RunnableLambda(evidence)


def finish(ans: Answer, inp: dict[str, Any]) -> Answer:
    """Set the question, and say so when the quotes are the latest of a longer list."""
    ans.question = inp["question"]
    if inp.get("total") and not ans.no_answer:
        ans.total = inp["total"]
        ans.answer += "\n\n" + more_note(ans.language, len(ans.quotes), inp["total"])
    return ans


def build_chain(
    store: Store, index: StatementIndex, composer: Composer = compose, max_quotes: int = 30
) -> Runnable:
    """The whole answer chain: :func:`build_prepare` followed by a composer."""

    def answer(inp: dict[str, Any]) -> Answer:
        return finish(composer(inp["query"], inp["quotes"], inp["known"], inp["unresolved"]), inp)

    return (build_prepare(store, index, max_quotes) | RunnableLambda(answer)).with_config(run_name="aqwal_answer")
