"""The default composer: no LLM, answers in the question's language from stored spans only.

Statements are grouped by speaker; each quote is shown verbatim in «…» with the speaker and
the speech verb. English framing keeps the Arabic quote and gives the Arabic speaker name
beside the English one. With nothing relevant, it says so and names the speakers the
sources do have.
"""

from __future__ import annotations

from collections import OrderedDict

from chat.answer import Answer, Quote
from retriever.query import Query


def _speaker_label(q: Quote, lang: str) -> str:
    ar = q.speaker_canonical or q.speaker
    if lang == "en":
        return f"{q.speaker_en} ({ar})" if q.speaker_en and q.speaker_en != ar else ar
    return ar


def _line(q: Quote, lang: str) -> str:
    sep = ", " if lang == "en" else "، "
    role = f"{sep}{q.role}" if q.role and q.role not in (q.speaker_canonical or "") else ""
    return f"- {q.cue}{role}: «{q.quote}» — {q.title or q.article_id}"


def _header(n: int, n_speakers: int, lang: str) -> str:
    if lang == "en":
        return f"{n} statement{'s' if n != 1 else ''} in the sources" + (
            f" ({n_speakers} speakers):" if n_speakers > 1 else ":")
    return f"في المصادر {n} {'تصريح' if n == 1 or n > 10 else 'تصريحات'}" + (
        f" من {n_speakers} متحدثين:" if n_speakers > 1 else ":")


def compose(query: Query, quotes: list[Quote], known_speakers: list[str], unresolved: bool) -> Answer:
    lang = query.language
    if not quotes:
        return no_answer(query, known_speakers, unresolved)
    groups: OrderedDict[str, list[Quote]] = OrderedDict()
    for q in quotes:
        groups.setdefault(q.speaker_canonical or q.speaker, []).append(q)
    parts = [_header(len(quotes), len(groups), lang)]
    for qs in groups.values():
        parts.append(f"\n**{_speaker_label(qs[0], lang)}**")
        parts.extend(_line(q, lang) for q in qs)
    return Answer(question=query.text, language=lang, answer="\n".join(parts), quotes=quotes, no_answer=False)


def no_answer(query: Query, known_speakers: list[str], unresolved: bool) -> Answer:
    lang = query.language
    names = ("، " if lang == "ar" else ", ").join(known_speakers[:8])
    if lang == "en":
        if query.speaker and unresolved:
            text = f"The sources hold no statement by {query.speaker}."
        elif query.speaker:
            text = f"The sources hold no statement by {query.speaker} on this."
        else:
            text = "No statement in the sources answers this question."
        if names:
            text += f" Speakers in the sources: {names}."
    else:
        if query.speaker and unresolved:
            text = f"لا تتضمن المصادر أي تصريح لـ{query.speaker}."
        elif query.speaker:
            text = f"لا تتضمن المصادر تصريحا لـ{query.speaker} في هذا الشأن."
        else:
            text = "لا يوجد في المصادر تصريح يجيب عن هذا السؤال."
        if names:
            text += f" المتحدثون في المصادر: {names}."
    return Answer(question=query.text, language=lang, answer=text, quotes=[], no_answer=True)


def more_note(lang: str, shown: int, total: int) -> str:
    """Said under a capped list: how many matched, and how to see the rest."""
    if lang == "en":
        return (f"Showing the latest {shown} of {total} statements. Ask \"what else did they say?\" for earlier "
                "ones, or name a topic to narrow.")
    return f"هذه أحدث {shown} من {total} تصريحا. اسأل «ماذا قال أيضا؟» لما قبلها، أو حدد موضوعا لتضييق البحث."
