"""Query understanding: every question form in both languages, and follow-ups."""

from __future__ import annotations

import pytest

from retriever.followup import resolve_query
from retriever.query import ACCUSATION, FOLLOW_MORE, FOLLOW_SPEAKER, SEARCH, SPEAKER, WHO_SAID, parse_query


@pytest.mark.parametrize(
    ("question", "kind", "speaker", "topic"),
    [
        ("What did the CSTO say?", SPEAKER, "the CSTO", ""),
        ("What did France say about the clashes?", SPEAKER, "France", "the clashes"),
        ("What is Qatar's position on Iran?", SPEAKER, "Qatar", "Iran"),
        ("Russia's reaction to the clashes", SPEAKER, "Russia", "the clashes"),
        ("How did Russia react to the renewed fighting?", SPEAKER, "Russia", "the renewed fighting"),
        ("Did Pashinyan say that Azerbaijan distorts the statement?", SPEAKER, "Pashinyan",
         "Azerbaijan distorts the statement"),
        ("Who said that Yemeni ministers had arrived in Aden?", WHO_SAID, "", "Yemeni ministers had arrived in Aden"),
        ("Who accused whom of violating the truce?", ACCUSATION, "", "violating the truce"),
        ("ماذا قالت منظمة معاهدة الأمن الجماعي؟", SPEAKER, "منظمة معاهدة الأمن الجماعي", ""),
        ("ماذا قال باشينيان عن الممر عبر أراضي أرمينيا؟", SPEAKER, "باشينيان", "الممر عبر أراضي أرمينيا"),
        ("ما موقف فرنسا من التصعيد؟", SPEAKER, "فرنسا", "التصعيد"),
        ("بماذا صرح باشينيان؟", SPEAKER, "باشينيان", ""),
        ("هل قال باشينيان إن أذربيجان تشوه البيان؟", SPEAKER, "باشينيان", "أذربيجان تشوه البيان"),
        ("كيف ردت روسيا على الاشتباكات؟", SPEAKER, "روسيا", "الاشتباكات"),
        ("من قال إن الوزراء وصلوا إلى عدن؟", WHO_SAID, "", "الوزراء وصلوا إلى عدن"),
        ("من اتهم من بخرق الهدنة؟", ACCUSATION, "", "بخرق الهدنة"),
        ("and Russia?", FOLLOW_SPEAKER, "Russia", ""),
        ("وماذا عن روسيا؟", FOLLOW_SPEAKER, "روسيا", ""),
        ("what else did he say?", FOLLOW_MORE, "", ""),
        ("ماذا أضاف؟", FOLLOW_MORE, "", ""),
        ("oil prices in Saudi Arabia", SEARCH, "", "oil prices in Saudi Arabia"),
    ],
)
def test_question_forms(question, kind, speaker, topic):
    q = parse_query(question)
    assert (q.kind, q.speaker, q.topic) == (kind, speaker, topic)


def test_language_from_script():
    assert parse_query("ماذا قالت فرنسا؟").language == "ar"
    assert parse_query("What did France say?").language == "en"


def _known(*names):
    return lambda x: x.lower() in {n.lower() for n in names}


def test_follow_up_switches_speaker_and_keeps_topic():
    q = resolve_query("and Russia?", ["What did France say about the clashes?"], _known("Russia", "France"))
    assert (q.kind, q.speaker, q.topic) == (SPEAKER, "Russia", "the clashes")
    q = resolve_query("وماذا عن روسيا؟", ["ماذا قالت فرنسا؟"], _known("روسيا"))
    assert (q.kind, q.speaker) == (SPEAKER, "روسيا")


def test_follow_up_with_a_topic_keeps_speaker():
    q = resolve_query("وماذا عن الهدنة؟", ["ماذا قال فان در كلاوو؟"], _known("فان در كلاوو"))
    assert (q.kind, q.speaker, q.topic) == (SPEAKER, "فان در كلاوو", "الهدنة")


def test_what_else_excludes_what_was_shown():
    shown = ["a-q1", "a-q2"]
    q = resolve_query("what else did he say?", ["What did Pashinyan say about the corridor?"], _known(),
                      lambda prev: shown if prev.speaker == "Pashinyan" else [])
    assert (q.kind, q.speaker, q.topic, q.exclude_ids) == (SPEAKER, "Pashinyan", "", shown)
    q = resolve_query("ماذا أضاف؟", ["ماذا قال باشينيان؟", "and France?"], _known("France"))
    assert q.speaker == "France"


def test_pronoun_speaker_uses_previous_turn():
    q = resolve_query("What did he say about the corridor?", ["What did Pashinyan say?"], _known())
    assert (q.kind, q.speaker, q.topic) == (SPEAKER, "Pashinyan", "the corridor")
