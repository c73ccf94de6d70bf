"""Follow-ups without an LLM: resolve "and Russia?", "what else did he say?" from earlier turns.

History is the list of earlier *questions* only (oldest first). That keeps every face
stateless: the web app, the Slack thread and ``aqwal chat`` all pass the questions they
have, and the previous turn is re-derived the same way each time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from retriever.query import FOLLOW_MORE, FOLLOW_SPEAKER, SEARCH, SPEAKER, Query, parse_query

_PRONOUN = re.compile(r"^(?:he|she|they|it|him|her|them|هو|هي|هم)$", re.I)


def resolve_query(
    question: str,
    history: list[str] | None,
    is_speaker: Callable[[str], bool],
    previous_ids: Callable[[Query], list[str]] | None = None,
) -> Query:
    """The effective query of ``question`` given the earlier questions.

    ``is_speaker(x)`` tells whether X names a known speaker (so "وماذا عن الهدنة؟" keeps
    the previous speaker with a new topic, while "وماذا عن روسيا؟" switches speaker).
    ``previous_ids(q)`` returns the statement ids the previous turn showed, so "what else"
    shows the rest.
    """
    q = parse_query(question)
    if q.kind not in (FOLLOW_MORE, FOLLOW_SPEAKER) and not (q.kind == SPEAKER and _PRONOUN.match(q.speaker)):
        return q
    prev: Query | None = None
    if history:
        prev = resolve_query(history[-1], history[:-1], is_speaker, None)
    if q.kind == SPEAKER:  # "what did he say about Y?"
        if prev and prev.speaker:
            return Query(question, q.language, SPEAKER, prev.speaker, q.topic)
        return Query(question, q.language, SEARCH, topic=q.topic)
    if q.kind == FOLLOW_SPEAKER:
        if is_speaker(q.speaker) or not (prev and prev.speaker):
            topic = prev.topic if prev and prev.kind == SPEAKER else (prev.topic if prev else "")
            return Query(question, q.language, SPEAKER, q.speaker, topic)
        return Query(question, q.language, SPEAKER, prev.speaker, q.speaker)
    # FOLLOW_MORE
    if prev and prev.speaker:
        shown = previous_ids(prev) if previous_ids else []
        return Query(question, q.language, SPEAKER, prev.speaker, "", exclude_ids=shown)
    return Query(question, q.language, SEARCH, topic=prev.topic if prev else "")
