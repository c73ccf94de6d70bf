"""Unit tests of each extraction stage, the metrics and the entity catalog."""

from __future__ import annotations

import pytest

from ingest.arabic import skeleton
from ingest.records import Statement
from ingest.speech import cues, extract_statements, statement_id
from ingest.speech.content import find_content, is_complementizer
from ingest.speech.coreference import Discourse, is_short_reference, make_referent
from ingest.speech.entities import EntityCatalog, entity_id_for
from ingest.speech.metrics import match_article, score, span_iou, speaker_correct
from ingest.speech.source import parse_mention
from ingest.speech.tokens import make_doc

CAT = EntityCatalog.default()


# --- tokens -------------------------------------------------------------------------
def test_tokens_keep_offsets_and_pair_quotes():
    text = "وقال «نحن هنا». وأضاف: 12.5 مليون"
    doc = make_doc(text)
    for s, e in zip(doc.starts, doc.ends, strict=True):
        assert text[s:e].strip() == text[s:e]
    o = doc.keys.index("«")
    assert doc.keys[doc.quote_close[o]] == "»"
    assert len(doc.sent_bounds) == 2  # 12.5 does not split a sentence


@pytest.mark.parametrize("text, sentences", [
    ("وكالة الأنباء الألمانية (د.ب.أ) بأن الإطار", 1),  # an agency acronym
    ("الدفاع عن ثلاثة، وحسين.أ يبلغ من العمر 24 عامًا", 1),  # a name's initial
    ("الهلال الأحمر السعودي.و تم خلال الحفل", 2),  # a missing space before و
    ("في السابق.يُذكر أن الحادث", 2),
])
def test_dots_inside_acronyms_and_initials_do_not_end_a_sentence(text: str, sentences: int):
    assert len(make_doc(text).sent_bounds) == sentences


def test_a_straight_quote_that_can_only_open_starts_a_new_pair():
    doc = make_doc('وقال "يشكل هذا عاملا. وقال "هذه نسبة معتدلة".')
    o = [i for i, k in enumerate(doc.keys) if k == '"']
    assert doc.quote_close == {o[1]: o[2]}  # the first mark is left unpaired


def test_unpaired_quote_mark_is_ignored():
    doc = make_doc("أن إيران»ستفحم» منتقدين")
    assert doc.quote_close == {}


# --- cues ---------------------------------------------------------------------------
def test_cue_lookup_strips_conjunction_and_reads_gender():
    c, pre = cues.lookup("واضافت")
    assert c is not None and c.lemma == "أضاف" and c.gender == "f" and pre == 1
    assert cues.lookup("يقولون")[0].gender == "p"
    assert cues.lookup("اشار")[0].preps == ("الي",)
    assert cues.lookup("بين")[0] is None and cues.lookup("وبين")[0] is not None
    assert cues.lookup("مشيرا")[0] is None  # participles are not cues


# --- source -------------------------------------------------------------------------
def _mention(text: str):
    doc = make_doc(text)
    m = parse_mention(doc, 1, CAT)
    return doc, m


def test_source_title_then_name_and_honorific():
    doc, m = _mention(
        'وأعرب القيادي في حركة المقاومة الإسلامية "حماس" الدكتور صلاح البردويل عن أسفه')
    assert doc.surface(m.start, m.end) == "صلاح البردويل"
    assert doc.surface(m.role_start, m.role_end) == 'القيادي في حركة المقاومة الإسلامية "حماس"'


def test_source_name_then_title_apposition():
    doc, m = _mention("قال بيتر مورار رئيس اللجنة الدولية للصليب الأحمر اليوم الثلاثاء إن")
    assert doc.surface(m.start, m.end) == "بيتر مورار"
    assert doc.surface(m.role_start, m.role_end) == "رئيس اللجنة الدولية للصليب الأحمر"


def test_source_addressee_is_not_a_subject():
    assert _mention("وقال لرويترز في مقابلة")[1] is None
    assert _mention("وقال لـ«رويترز» إن")[1] is None


def test_source_catalog_entity():
    doc, m = _mention("وقالت منظمة هيومن رايتس ووتش أمس إن")
    assert m.entity_id == "hrw" and doc.surface(m.start, m.end) == "منظمة هيومن رايتس ووتش"


# --- content ------------------------------------------------------------------------
def test_content_after_long_adverbial_and_colon_inna():
    text = ("وأضاف دمرداش قائلا في تصريحات للصحفيين في مدينة فان بعد يوم من مقتل ستة أشخاص: "
            "إن على الحكومة أن توقف العمليات الأمنية.")
    doc = make_doc(text)
    c = find_content(doc, cues.lookup("واضاف")[0], 2)
    assert text[c.start : c.end] == "على الحكومة أن توقف العمليات الأمنية" and c.kind == "indirect"


def test_complementizer_not_after_baad():
    doc = make_doc("بعد أن توقف القتال")
    assert not is_complementizer(doc, 1)


def test_direct_quote_followed_by_participle_stays_direct():
    text = "وتابع “يبدو أن المعركة الكبرى الآن تتعلق بتعز” مشيرا إلى المدينة."
    s = extract_statements("t", text)[0]
    assert s.kind == "direct" and s.quote == "يبدو أن المعركة الكبرى الآن تتعلق بتعز"


# --- coreference --------------------------------------------------------------------
def test_discourse_gender_and_short_reference():
    d = Discourse()
    d.add(make_referent("وزارة خارجية أذربيجان", 0, 10, "وزارة خارجية أذربيجان", "f", None, "",
                        "entity"))
    d.add(make_referent("آرام توروسيان", 20, 30, "آرام توروسيان", "m", None,
                        "المتحدث باسم وزارة الدفاع", "name"))
    assert d.last_compatible("f", 100).canonical == "وزارة خارجية أذربيجان"
    assert d.last_compatible("m", 100).canonical == "آرام توروسيان"
    # a ministry short reference is the ministry a person's title names, not the person
    assert d.short_reference("الوزارة", 100).canonical == "وزارة الدفاع"
    assert d.short_reference("المتحدث", 100).canonical == "آرام توروسيان"
    assert is_short_reference(["الوزاره"]) and not is_short_reference(["فرنسا"])


def test_surname_resolves_to_earlier_full_name():
    text = ("بحضور رئيس دولة فلسطين محمود عباس. وقال عباس إن الجانب الفلسطيني منفتح على كل "
            "الأفكار.\nوتابع الرئيس، لكن حماس حتى الآن ترفض تنفيذ ما تم الاتفاق عليه.")
    sts = extract_statements("t", text)
    assert [s.speaker_canonical for s in sts] == ["محمود عباس", "محمود عباس"]
    assert sts[0].role == "رئيس دولة فلسطين"


# --- ids ----------------------------------------------------------------------------
def test_statement_ids_are_stable():
    text = "وقالت فرنسا إنها ستتجه إلى مجلس الأمن."
    a = extract_statements("a1", text)
    b = extract_statements("a1", text)
    assert [s.id for s in a] == [s.id for s in b] == [statement_id("a1", a[0].start, a[0].end)]


# --- metrics ------------------------------------------------------------------------
def _st(aid: str, start: int, end: int, canon: str = "", speaker: str = "", cue: str = "قال",
        kind: str = "indirect") -> dict:
    return {"article_id": aid, "start": start, "end": end, "speaker_canonical": canon,
            "speaker": speaker, "cue": cue, "kind": kind}


def test_iou_threshold():
    assert span_iou(0, 10, 0, 10) == 1.0
    assert span_iou(0, 10, 5, 15) == 5 / 15
    assert match_article([_st("a", 0, 10)], [_st("a", 0, 20)]) == [(0, 0, 0.5)]
    assert match_article([_st("a", 0, 9)], [_st("a", 0, 20)]) == []


def test_one_to_one_best_first():
    gold = [_st("a", 0, 100)]
    preds = [_st("a", 0, 60), _st("a", 0, 95)]
    pairs = match_article(preds, gold)
    assert pairs == [(1, 0, 0.95)]
    rep = score(preds, gold)
    assert rep["span"]["precision"] == 0.5 and rep["span"]["recall"] == 1.0
    assert len(rep["articles"]["a"]["false_alarms"]) == 1


def test_speaker_containment_both_ways_and_normalised():
    gold = _st("a", 0, 10, canon="وزارة خارجية أذربيجان", speaker="الوزارة")
    assert speaker_correct(_st("a", 0, 10, canon="وزاره خارجيه اذربيجان"), gold)
    assert speaker_correct(_st("a", 0, 10, canon="خارجية أذربيجان"), gold)
    assert speaker_correct(_st("a", 0, 10, canon="الوزارة الأذربيجانية"), _st("a", 0, 10,
                           canon="x", speaker="الوزارة"))
    assert not speaker_correct(_st("a", 0, 10, canon="فرنسا"), gold)
    assert not speaker_correct(_st("a", 0, 10, canon=""), gold)


def test_score_joint_cue_kind_and_other_article():
    gold = [_st("a", 0, 10, canon="فرنسا", cue="قالت", kind="direct"), _st("b", 0, 10, "روسيا")]
    preds = [_st("a", 1, 10, canon="فرنسا", cue="قالت", kind="indirect"), _st("b", 50, 60)]
    rep = score(preds, gold)
    assert rep["matched"] == 1 and rep["joint"]["f1"] == 0.5
    assert rep["cue_accuracy"] == 1.0 and rep["kind_accuracy"] == 0.0
    assert rep["articles"]["b"]["misses"][0]["start"] == 0


# --- entity catalog -----------------------------------------------------------------
def test_catalog_variants_adjectives_acronyms():
    assert CAT.resolve("أرمينيا").id == "armenia"
    assert CAT.resolve("Armenia").id == "armenia" and CAT.resolve("arm").id == "armenia"
    assert CAT.adjective("الارمنيه") == "armenia" and CAT.adjective("الارمينيه") == "armenia"
    assert CAT.resolve("CSTO").ar == "منظمة معاهدة الأمن الجماعي"
    assert CAT.resolve("منظمة معاهدة الأمن الجماعي").id == "csto"
    assert CAT.resolve("nato").id == "nato" and CAT.resolve("الناتو").id == "nato"
    assert CAT.resolve("UN Security Council").id == "unsc"
    assert CAT.resolve("الامارات").id == "united-arab-emirates"


def test_catalog_ministry_patterns():
    a = CAT.resolve("وزارة خارجية أذربيجان")
    b = CAT.resolve("وزارة الخارجية الأذربيجانية")
    c = CAT.resolve("الخارجية الأذربيجانية")
    assert a is not None and a.id == b.id == c.id == "ministry-foreign-azerbaijan"
    assert a.en == "Ministry of Foreign Affairs of Azerbaijan"
    assert CAT.resolve("وزارة الداخلية في البحرين").en == "Ministry of Interior of Bahrain"
    assert CAT.resolve("وزارة الدفاع الأرمنية").id == "ministry-defence-armenia"


def test_catalog_learn_roundtrip_and_skeleton():
    cat = EntityCatalog.default()
    st = Statement("x", "a", "باشينيان", 0, 8, "نيكول باشينيان", "Nikol Pashinyan (PM)", "",
                   "", "قال", 0, "indirect", "q", 0, 1)
    eid = cat.learn(st)
    assert eid == entity_id_for("نيكول باشينيان", "Nikol Pashinyan (PM)") == "nikol-pashinyan"
    assert cat.resolve("باشينيان").id == eid and cat.resolve("nikol pashinyan").id == eid
    again = EntityCatalog.from_dict(cat.to_dict())
    assert again.resolve("نيكول باشينيان").id == eid
    assert ("باشينيان", eid) in set(again.aliases())
    assert skeleton("Pashinyan") == skeleton("باشينيان")
    st2 = Statement("y", "a", "توروسيان", 0, 8, "آرام توروسيان", "", "", "", "قال", 0,
                    "indirect", "q", 0, 1)
    eid2 = cat.learn(st2)
    assert eid2.startswith("ar-") and cat.resolve("Aram Torosyan").id == eid2
