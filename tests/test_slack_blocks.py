"""Block Kit rendering of answers: what a reader sees in Slack, and Slack's size limits."""

from __future__ import annotations

import json

import pytest

from chat.answer import Answer, Quote
from chat.slack.blocks import (
    MAX_BLOCKS,
    SECTION_TEXT_LIMIT,
    chunk_text,
    escape_mrkdwn,
    fallback_text,
    render_answer,
)

CSTO = (
    "تعتبر استخدام القوة غير مقبول لتسوية النزاعات ،و يجب استخدام الأساليب والاتفاقيات السياسية الدبلوماسية فقط، "
    "المحددة في تصريحات قادة أرمينياوأذربيجانوروسيا في 9 نوفمبر 2020 و11 يناير 2021 و26 نوفمبر 2021"
)
CSTO_SPEAKER = "الأمانة العامة لمنظمة معاهدة الأمن الجماعي"


def make_quote(**kw) -> Quote:
    base = dict(
        id="seed-000:s12", article_id="seed-000", title="أرمينيا وأذربيجان: تصعيد حدودي",
        published="2022-09-13", source="Example News", url="https://news.example/a?x=1&y=2",
        speaker=CSTO_SPEAKER, speaker_canonical=CSTO_SPEAKER,
        speaker_en="CSTO Secretariat", role="المتحدث الرسمي", cue="قالت", kind="indirect",
        quote=CSTO, start=3990, end=4192,
    )
    base.update(kw)
    return Quote(**base)


def make_answer(quotes: list[Quote], text: str = "The CSTO said force is unacceptable.", lang: str = "en") -> Answer:
    return Answer(question="What did the CSTO say?", language=lang, answer=text, quotes=quotes)


def texts(obj) -> list[str]:
    """Every text string anywhere in a block structure, in order."""
    if isinstance(obj, dict):
        out = [obj["text"]] if isinstance(obj.get("text"), str) else []
        for k, v in obj.items():
            if k != "text" or not isinstance(v, str):
                out.extend(texts(v))
        return out
    if isinstance(obj, list):
        return [t for x in obj for t in texts(x)]
    return []


def quote_elements(blocks: list[dict]) -> list[str]:
    return [
        el["text"]
        for b in blocks if b["type"] == "rich_text"
        for part in b["elements"] if part["type"] == "rich_text_quote"
        for el in part["elements"]
    ]


def test_one_quote_renders_speaker_role_cue_quote_source_date_context():
    messages = render_answer(make_answer([make_quote()]))
    assert len(messages) == 1
    blocks = messages[0]["blocks"]
    assert [b["type"] for b in blocks] == ["section", "rich_text", "context"]
    assert blocks[0]["text"] == {"type": "mrkdwn", "text": "The CSTO said force is unacceptable."}

    speaker_line, quote, source_line = blocks[1]["elements"]
    assert speaker_line["type"] == "rich_text_section"
    assert speaker_line["elements"][0] == {"type": "text", "text": CSTO_SPEAKER, "style": {"bold": True}}
    line = "".join(e["text"] for e in speaker_line["elements"])
    assert "المتحدث الرسمي" in line and "(CSTO Secretariat)" in line
    assert {"type": "text", "text": "قالت", "style": {"italic": True}} in speaker_line["elements"]

    # the quote is a rich_text_quote holding the exact characters, unescaped
    assert quote == {"type": "rich_text_quote", "elements": [{"type": "text", "text": CSTO}]}

    link = source_line["elements"][0]
    assert link == {"type": "link", "url": "https://news.example/a?x=1&y=2", "text": "أرمينيا وأذربيجان: تصعيد حدودي"}
    assert "Example News" in source_line["elements"][1]["text"] and "2022-09-13" in source_line["elements"][1]["text"]

    context = blocks[2]["elements"][0]["text"]
    assert "1 quote" in context and "1 article" in context and "verbatim" in context

    # notification text: the answer and the quote with its speaker
    assert messages[0]["text"].startswith("The CSTO said force is unacceptable.")
    assert f"{CSTO_SPEAKER}: «{CSTO}»" in messages[0]["text"]
    json.dumps(messages)  # postable as JSON


def test_quote_with_mrkdwn_characters_stays_verbatim_and_bot_text_is_escaped():
    raw = "قال *إن* <b>الاتفاق</b> & _الحل_ ~قريب~ <@U123>"
    messages = render_answer(make_answer([make_quote(quote=raw)], text="a <b> & c"))
    blocks = messages[0]["blocks"]
    assert quote_elements(blocks) == [raw]
    assert blocks[0]["text"]["text"] == "a &lt;b&gt; &amp; c"
    assert "&lt;b&gt;" in messages[0]["text"] and "<b>" not in messages[0]["text"]


def test_title_without_url_source_missing_gloss_and_via():
    q = make_quote(url="", source="", published="", role="", speaker_en="", gloss="Force is unacceptable.",
                   via=["وكالة الأنباء"])
    blocks = render_answer(make_answer([q]))[0]["blocks"]
    speaker_line, _, gloss, source_line = blocks[1]["elements"]
    line = "".join(e["text"] for e in speaker_line["elements"])
    assert "via وكالة الأنباء" in line and "(" not in line
    (gloss_text,) = gloss["elements"]
    assert gloss_text["style"] == {"italic": True} and "Force is unacceptable." in gloss_text["text"]
    assert source_line["elements"] == [{"type": "text", "text": "أرمينيا وأذربيجان: تصعيد حدودي"}]
    # no title either: the article id still says where the quote is from
    q2 = make_quote(url="", title="", source="", published="")
    blocks = render_answer(make_answer([q2]))[0]["blocks"]
    assert blocks[1]["elements"][-1]["elements"] == [{"type": "text", "text": "seed-000"}]


def test_no_answer_has_text_and_context_only_and_arabic_labels():
    ans = Answer(question="ماذا قال المريخ؟", language="ar", answer="لا تتضمن المصادر تصريحًا.", no_answer=True)
    messages = render_answer(ans)
    assert [b["type"] for b in messages[0]["blocks"]] == ["section", "context"]
    assert "لم يُعثر على اقتباس" in messages[0]["blocks"][1]["elements"][0]["text"]
    assert messages[0]["text"] == "لا تتضمن المصادر تصريحًا."
    ar = render_answer(make_answer([make_quote(), make_quote(id="x", article_id="seed-001")], lang="ar"))
    assert "اقتباسات: 2" in ar[0]["blocks"][-1]["elements"][0]["text"]
    assert "المقالات: 2" in ar[0]["blocks"][-1]["elements"][0]["text"]


def test_slash_command_header_names_the_asker():
    messages = render_answer(make_answer([make_quote()]), asked_by="U42", question="What did <the> CSTO say?")
    head = messages[0]["blocks"][0]
    assert head["type"] == "context"
    assert head["elements"][0]["text"] == "<@U42> /aqwal What did &lt;the&gt; CSTO say?"


@pytest.mark.parametrize("limit", [8, 50, 3000])
def test_chunk_text_is_lossless_and_bounded(limit):
    text = ("كلمة " * 900) + ("x" * 7000) + "\n" + ("&amp;" * 700) + "نهاية"
    pieces = chunk_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)
    if limit >= 50:  # entities made by escaping are never cut in two
        assert all(not p.endswith(("&", "&a", "&am", "&amp")) for p in pieces)
    assert chunk_text("", limit) == [""]


def test_long_answers_split_within_slack_limits():
    long_quote = "بدأ " + ("نص طويل جدا " * 700) + "انتهى"  # ~8,400 characters
    quotes = [make_quote(id=f"q{i}", article_id=f"a{i % 7}", quote=f"الاقتباس رقم {i}: {CSTO}") for i in range(70)]
    quotes.insert(3, make_quote(id="long", quote=long_quote))
    answer_text = "إجابة " * 1500  # ~9,000 characters of answer prose
    ans = make_answer(quotes, text=answer_text, lang="ar")
    messages = render_answer(ans)

    assert len(messages) >= 2
    for m in messages:
        assert 0 < len(m["blocks"]) <= MAX_BLOCKS
        assert 0 < len(m["text"]) <= 3000
        for b in m["blocks"]:
            if b["type"] == "section":
                assert len(b["text"]["text"]) <= SECTION_TEXT_LIMIT
            # no single block carries more than a section's worth of text
            assert sum(len(t) for t in texts(b)) <= SECTION_TEXT_LIMIT, b["type"]
        json.dumps(m)
    assert "(تتمة 2/" in messages[1]["text"]

    all_blocks = [b for m in messages for b in m["blocks"]]
    # nothing lost, nothing reordered: the answer prose and every quote come back exactly
    prose = "".join(b["text"]["text"] for b in all_blocks if b["type"] == "section")
    assert prose == escape_mrkdwn(answer_text)
    joined_quotes = "".join(quote_elements(all_blocks))
    assert joined_quotes == "".join(q.quote for q in quotes)
    assert len(quote_elements(all_blocks)) > len(quotes)  # the long quote really was cut
    # one speaker line per quote, the context line once, at the very end
    speakers = [b for b in all_blocks if b["type"] == "rich_text" and b["elements"][0]["type"] == "rich_text_section"
                and b["elements"][0]["elements"][0].get("style") == {"bold": True}]
    assert len(speakers) == len(quotes)
    assert [b["type"] for b in all_blocks].count("context") == 1 and all_blocks[-1]["type"] == "context"


def test_fallback_text_is_bounded():
    quotes = [make_quote(id=f"q{i}") for i in range(40)]
    text = fallback_text(make_answer(quotes))
    assert len(text) <= 3000 and text.endswith("…")


def test_surface_speaker_shown_when_canonical_differs():
    q = make_quote(speaker="الأمانة العامة للمنظمة", speaker_canonical="منظمة معاهدة الأمن الجماعي")
    line = render_answer(make_answer([q]))[0]["blocks"][1]["elements"][0]["elements"]
    assert line[0]["text"] == "منظمة معاهدة الأمن الجماعي"
    assert line[1]["text"] == " «الأمانة العامة للمنظمة»"
    q = make_quote(speaker="المنظمة", speaker_canonical="المنظمة")
    line = render_answer(make_answer([q]))[0]["blocks"][1]["elements"][0]["elements"]
    assert "«" not in "".join(e["text"] for e in line)
