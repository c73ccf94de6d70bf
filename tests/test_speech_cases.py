"""One test per case class of issue 3, on real sentences.

Sentences are copied verbatim from the dev articles (../shared/eval/articles.jsonl) or from
../shared/corpus/snn-politics.jsonl; the source article id is cited above each one. A long
sentence may be cut at a clause boundary (and then ends with a full stop), and a test may join
sentences of one article that are not adjacent — its comment says so.
"""

from __future__ import annotations

import pytest

from ingest.arabic import normalize
from ingest.speech import extract_statements


def one(text: str, cue: str | None = None):
    sts = extract_statements("t", text)
    for s in sts:
        assert text[s.start : s.end] == s.quote
    if cue is not None:
        sts = [s for s in sts if s.cue == cue]
    assert len(sts) == 1, [(s.cue, s.quote) for s in sts]
    return sts[0]


# seed-000
SEED_MFA = (
    "وقالت وزارة خارجية أذربيجان في بيان لها، اليوم الثلاثاء، إن مجموعات تخريب تابعة للقوات "
    "المسلحة لأرمينيا ارتكبت استفزازا مسلحا واسع النطاق بزرع ألغام في طرق التموين. وذكرت "
    "الوزارة أنه يوجد قتلى وجرحى وخسائر للبنية التحتية."
)


def test_verb_first_organisation_with_ministry_entity():
    s = extract_statements("seed-000", SEED_MFA)[0]
    assert s.cue == "قالت" and s.speaker == "وزارة خارجية أذربيجان"
    assert s.quote.startswith("مجموعات تخريب") and s.quote.endswith("طرق التموين")
    assert s.kind == "indirect"
    assert s.entity_id == "ministry-foreign-azerbaijan"
    assert s.speaker_en == "Ministry of Foreign Affairs of Azerbaijan"


def test_short_reference_resolves_to_latest_full_mention():
    s = extract_statements("seed-000", SEED_MFA)[1]
    assert s.speaker == "الوزارة" and s.speaker_canonical == "وزارة خارجية أذربيجان"
    assert s.quote.startswith("يوجد قتلى")  # أنه left out


def test_subject_first_with_kana():
    # snn-2015-07-25-1226
    s = one("وكان رئيس السلطة محمود عباس قال في تصريح أمس، إن العمل جار لتشكيل حكومة وحدة وطنية "
            "تحمل برنامج منظمة التحرير، وتكون مهامها التحضير لانتخابات عامة.")
    assert s.speaker == "محمود عباس" and s.role == "رئيس السلطة"
    assert s.quote.startswith("العمل جار")


def test_subject_first_after_haythu():
    # seed-000
    s = one("وعودة لبيان وزارة الخارجية الأذربيجانية، حيث قالت إن تأخير عملية التطبيع من قبل "
            "أرمينيا بذرائع مختلفة كانت تظهر أن أرمينيا غير مهتمة بعملية السلام.")
    assert s.speaker == "وزارة الخارجية الأذربيجانية"
    assert s.entity_id == "ministry-foreign-azerbaijan"


def test_min_janibihi_title_and_name():
    # seed-000
    s = one("من جانبه، قال المتحدث بإسم وزارة الدفاع الأرمينية آرام توروسيان أنه نتيجة للأعمال "
            "الهجومية لأذربيجان تكبد الجانب الأرميني خسائر بشرية.")
    assert s.speaker == "آرام توروسيان"
    assert s.role == "المتحدث بإسم وزارة الدفاع الأرمينية"
    assert s.quote.startswith("نتيجة للأعمال")


def test_bihasab_postposed_source():
    # snn-2015-07-21-0050
    s = one("وهو ما دلل عليه إنهاء الصفقة في زمن قياسي في تاريخ الصفقات العسكرية الدولية بلغ خمسة "
            "أشهر فقط، بحسب المصادر الفرنسية والمصرية.")
    assert s.cue == "بحسب" and s.speaker.startswith("المصادر الفرنسية")
    assert s.quote.endswith("خمسة أشهر فقط")


def test_bihasab_after_statement_is_via():
    # snn-2015-08-06-0369
    s = one("وأوضحت الخارجية أنّ تصريحات العربي حيال هذه الغارات «لا تعبر عن الرأي العام في "
            "الجامعة»، لا تعبّر إلا عن رأيه الشخصي، بحسب موقع «ترك برك» التركي.")
    assert s.via == ["موقع «ترك برك» التركي"]
    assert s.quote.endswith("رأيه الشخصي")


def test_naqlan_an_source_speaks_paper_relays():
    # snn-2015-07-21-1623
    s = one("وذكرت صحيفة “الشرق الأوسط” السعودية نقلا عن مسؤول أمني سعودي أن الوفد توجه جوا من "
            "الرياض إلى أريتريا.")
    assert s.speaker == "مسؤول أمني سعودي"
    assert s.via == ["صحيفة “الشرق الأوسط” السعودية"]


def test_jaa_fi_bayan():
    # snn-2015-07-31-0270
    s = one("وجاء في بيان لأولي سولفانغ مسؤول حالات الطوارئ لدى هيومن رايتس ووتش «أمطرت القوات "
            "الموالية للحوثيين مناطق مأهولة من عدن بقذائف الهاون والصواريخ».")
    assert s.cue == "جاء في بيان" and s.speaker == "أولي سولفانغ"
    assert s.kind == "direct" and s.quote.startswith("أمطرت") and s.quote.endswith("والصواريخ")


def test_nominal_cue_qawluhu_with_relay():
    # snn-2015-07-25-0163
    s = one("ونقلت الوكالة عن مصدر عسكري سوري معارض - رفض الكشف عن اسمه - قوله إن «الاجتماع "
            "سيكون غدًا (اليوم) في إسطنبول».")
    assert s.cue == "قوله" and s.speaker.startswith("مصدر عسكري")
    assert s.via == ["الوكالة"] and s.kind == "direct"


def test_postposed_hasabama():
    # snn-2015-07-27-0996
    s = one("وفي الأسبوع الماضي وصل أربعة من الوزراء إلى عدن في إطار محاولة لاستعادة السيطرة حسبما "
            "قال سياسي يمني وذلك بعد أربعة أشهر من انتقال الرئيس عبد ربه منصور هادي للسعودية.")
    assert s.speaker == "سياسي يمني" and s.cue == "قال"
    assert "وصل أربعة من الوزراء" in s.quote and s.quote.endswith("لاستعادة السيطرة")


@pytest.mark.parametrize(
    "text,quote",
    [
        # snn-2015-08-09-1132: «»
        ("وقال دمرداش «ندعو الجانبين اليوم: يجب أن يرفع حزب العمال الكردستاني اصبعه فورا عن "
         "الزناد».", "ندعو الجانبين اليوم: يجب أن يرفع حزب العمال الكردستاني اصبعه فورا عن الزناد"),
        # snn-2015-07-27-0996: “”
        ("وأضاف “مازال هناك بعض القناصة في شبه الجزيرة (عدن). فالحوثيون لم ينسحبوا كلهم.”",
         "مازال هناك بعض القناصة في شبه الجزيرة (عدن). فالحوثيون لم ينسحبوا كلهم"),
        # snn-2015-07-25-1226: ""
        ('وقال البردويل: "المطلوب من الكل الفلسطيني التكاتف لوضع حدّ لهذه المهاترات".',
         "المطلوب من الكل الفلسطيني التكاتف لوضع حدّ لهذه المهاترات"),
        # seed-000: colon without marks
        ("وتابع: فتحت القوات المسلحة الأذربيجانية نيرانًا كثيفة على المواقع الأرمنية.",
         "فتحت القوات المسلحة الأذربيجانية نيرانًا كثيفة على المواقع الأرمنية"),
    ],
)
def test_direct_quotes(text: str, quote: str):
    s = one(text)
    assert s.kind == "direct" and s.quote == quote


def test_indirect_complementizer_with_pronoun():
    # seed-000
    s = one("وفى إطار التدخل الدولي، قالت فرنسا إنها ستتجه إلى مجلس الأمن الدولي لمناقشة التصعيد "
            "الحدودي بين أرمينياوأذربيجان.")
    assert s.speaker == "فرنسا" and s.entity_id == "france"
    assert s.quote.startswith("ستتجه") and s.kind == "indirect"


def test_verb_with_preposition():
    # snn-2015-07-25-1226 and seed-000
    s = one("وشدد الناطق باسم الحركة سامي أبو زهري على أن الحركة معنية بتشكيل حكومة جديدة.")
    assert s.speaker == "سامي أبو زهري" and s.quote == "الحركة معنية بتشكيل حكومة جديدة"
    s = one("وفى المقابل، أعربت روسيا عن قلقها إزاء الأوضاع الناجمة عن تجدد الاشتباكات.")
    assert s.quote.startswith("قلقها") and s.cue == "أعربت"


@pytest.mark.parametrize(
    ("text", "speaker", "start", "end"),
    [
        # snn-2015-07-25-1226: a noun phrase after أشار إلى is the statement
        ("وأشار عباس، إلى ترحيب القيادة الفلسطينية بالجهود الفرنسية والأوروبية لإحياء العملية.",
         "عباس", "ترحيب القيادة", "لإحياء العملية"),
        # snn-2015-08-09-0669: شدد X، على + noun phrase
        ("وشدد اليامي، على أهمية تكاتف الجهود العربية والدولية لمواجهة هذا الإرهاب الأسود.",
         "اليامي", "أهمية تكاتف", "الإرهاب الأسود"),
        # snn-2015-08-02-0419: أكد على + noun phrase, with an apposition before على
        ("أكد كاكو نوبوكبو الخبير الاقتصادي التوجولي، على ضرورة إعادة النظر في ربط الفرنك "
         "الإفريقي باليورو.", "كاكو نوبوكبو", "ضرورة إعادة", "باليورو"),
        # snn-2015-07-22-0075: أكد + a masdar object that only carries words (حرص، أهمية …)
        ("أكد رئيس الوزراء الأردني عبد الله النسور حرص حكومته على دعم الصادرات الأردنية إلى "
         "السوق العراقية التي تتجاوز المليار دولار سنويا بعد قرار الحكومة العراقية إغلاق معبر "
         "الكرامة الحدودي بين البلدين قبل عدة أيام على خليفة الوضع الأمني في محافظة الأنبار "
         "العراقية.", "عبد الله النسور", "حرص حكومته", "الأنبار العراقية"),
        # snn-2015-08-11-0145: the أن after the comma belongs to the participle, not to أكد على
        ("أكد الرئيس المصري عبد الفتاح السيسي على حرية الإعلام، مشيرًا إلى أن بلاده تحترم وتقدر "
         "دور الإعلام وتتيح له العمل دون أي قيود.", "عبد الفتاح السيسي", "حرية الإعلام",
         "حرية الإعلام"),
        # snn-2015-07-21-0252: حذر من + noun phrase
        ("كما حذر الرئيس الروسي من أي محاولات تستهدف تحقيق الانقلاب في سوريا.",
         "الرئيس الروسي", "أي محاولات", "في سوريا"),
        # snn-2015-08-04-0137: the envoy's own إلى is part of his title, the words follow the
        # second إلى
        ("وأشار نائب وزير الخارجية الروسي ميخائيل بوغدانوف، المبعوث الخاص للرئيس الروسي إلى "
         "الشرق الأوسط لوكالة «نوفوستي» إلى أن الجانب الروسي يجري حاليا اتصالات مكثفة.",
         "ميخائيل بوغدانوف", "الجانب الروسي", "اتصالات مكثفة"),
        # snn-2015-07-31-0260: «مطّلع على» belongs to the subject; أنّ brings the words
        ("كما أكّد مسؤول اسرائيلي مطّلع على الوضع في سيناء لوكالة الصحافة الفرنسية، أنّ «إسرائيل "
         "تنسق مع الدول في المنطقة حول القضايا المتعلقة بالحرب على الارهاب».",
         "مسؤول اسرائيلي مطّلع", "إسرائيل تنسق", "على الارهاب"),
    ],
)
def test_noun_phrase_after_a_governed_preposition(text: str, speaker: str, start: str, end: str):
    s = one(text)
    assert speaker in s.speaker
    assert s.quote.startswith(start) and s.quote.endswith(end)


def test_lafata_al_nazar_object_is_not_part_of_the_speaker():
    # snn-2015-07-24-0968 (two sentences of the article joined, the second cut)
    sts = extract_statements("t", (
        "وأبان معالي وزير الخارجية المصري سامح شكري من جهته أن لقاءه بسمو ولي العهد، وسمو ولي "
        "ولي العهد أكد أهمية تدعيم العلاقات الاستراتيجية والأخوية والتضامن بين البلدين. ولفت "
        "معالي وزير الخارجية المصري النظر خلال المؤتمر الصحفي إلى ضرورة استمرار التشاور والتنسيق "
        "وتوزيع الأدوار."))
    assert sts[1].speaker == "معالي وزير الخارجية المصري" and sts[1].speaker_canonical == "سامح شكري"
    assert sts[1].quote.startswith("ضرورة استمرار")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # snn-2015-07-24-0737: the catalog knows the ministry once لـ is read off
        ("وقال بيان لوزارة الدفاع العراقية، إن «الجانبين بحثا سبل تدعيم التعاون العسكري بين "
         "البلدين».", "وزارة الدفاع العراقية"),
        # snn-2015-08-01-0071: an organisation the catalog does not know
        ("وأفاد بيان لبعثة الأمم المتحدة أمس بأن ليون «سيقوم بعقد مشاورات في الجزائر العاصمة مع "
         "ممثلين عن المؤتمر الوطني العام».", "بعثة الأمم المتحدة"),
        # snn-2015-07-22-0463
        ("وذكر بيان لنقابة المعلمين: بأن التجمع سيكون أمام البرلمان للمطالبة بإطلاق سراح النشطاء "
         "المعلمين.", "نقابة المعلمين"),
        # snn-2015-08-07-0837: the issuer after من
        ("وقال بيان من وزارة الداخلية إن تلك الخلايا نفذت خمسة حوادث.", "وزارة الداخلية"),
        # snn-2015-07-21-0264 (cut at the colon): «تقرير أصدرته (مؤخرا) X»
        ("وقال تقرير أصدرته مؤخرا وكالة التنمية إنه «خلال الأربع سنوات الماضية، وفي جميع أنحاء "
         "العالم، تعمل الوكالة من أجل تحقيق الأهداف الثلاثة لاستراتيجية التعليم التي تتبناها».",
         "وكالة التنمية"),
        # snn-2015-07-23-1102: … after «صادر عن»
        ("وقال بيان صادر عن البيت الأبيض إن بايدن بحث في مكالمة هاتفية مع رئيس الوزراء العراقي "
         "حيدر العبادي \"الحملة العسكرية الجارية في محافظة الأنبار ضد تنظيم داعش\".", "البيت الأبيض"),
    ],
)
def test_a_document_of_a_body_speaks_for_the_body(text: str, speaker: str):
    s = one(text)
    assert s.speaker == speaker and s.speaker_canonical == speaker


def test_a_document_issued_earlier_speaks_for_its_issuer():
    # snn-2015-08-06-1330 (first two sentences, the second cut at a comma)
    sts = extract_statements("t", (
        "أصدرت وزارة الداخلية أمس بيانًا بشأن تنفيذ حكم القتل قصاصًا في أحد الجناة بمنطقة جازان. "
        "أشار البيان إلى أن سلطات الأمن تمكنت من القبض على الجاني المذكور."))
    assert [(s.cue, s.speaker_canonical) for s in sts] == [("أشار", "وزارة الداخلية")]


def test_a_document_nobody_issued_is_its_own_source_and_is_continued():
    # snn-2015-08-06-3185: nobody named issued "البيان" before it speaks; "وأضاف" goes on with it
    sts = extract_statements("t", (
        "وأوضح البيان أنه \"ظهرت الأعراض والعلامات لدى الحالة الأولى (الوالد)، الذي يعاني من "
        "أمراض مزمنة\". وأضاف: \"اتضح من خلال التقصي الوبائي للحالة، أن المريض مخالط لجمال\"."))
    assert [(s.cue, s.speaker, s.speaker_canonical) for s in sts] == [
        ("أوضح", "البيان", "البيان"), ("أضاف", "البيان", "البيان")]


def test_naqlan_an_between_commas_source_speaks_and_relay_continues():
    # snn-2015-08-03-0153 (the second sentence cut after its first clause)
    sts = extract_statements("t", (
        "وذكرت الإذاعة العامة الإسرائيلية، نقلا عن مسؤولين أمنيين إسرائيليين، أنه من الصعب "
        "التسلل إلى الجماعات الإرهابية اليهودية الصغيرة، التي تعمل في إطار «تدفيع الثمن»، كونهم "
        "لا يستخدمون الهواتف الجوالة، ولا يتحدثون أثناء التحقيق معهم.\nوقالت إن المخابرات كانت "
        "قد كشفت عن وثيقة في بيت أحد المتهمين."))
    assert sts[0].speaker == "مسؤولين أمنيين إسرائيليين"
    assert sts[0].via == ["الإذاعة العامة الإسرائيلية"]
    assert sts[0].quote.startswith("من الصعب")
    assert sts[1].speaker_canonical.startswith("الإذاعة")  # not the officials: قالت agrees with it


def test_preposed_source_then_fa_inna_opens_the_words():
    # snn-2015-07-27-0656 (two sentences): «فان» after the source is no surname (فان غال)
    sts = extract_statements("t", (
        "وذكرت مصادر في المقاومة الشعبية بأن المعارك على أشدها، وتحاول فيها المقاومة السيطرة على "
        "معسكر لبوزة مستفيدة من غارات لمقاتلات التحالف العربي. \nوحسب المصادر فان اثنين من رجال "
        "المقاومة قُتلوا خلال المعارك وأُصيب العشرات منهم، في مقابل مقتل 10 من مسلحي جماعة "
        "الحوثيين وقوات صالح."))
    assert sts[1].speaker == "المصادر" and sts[1].speaker_canonical == "مصادر في المقاومة الشعبية"
    assert sts[1].quote.startswith("اثنين من رجال")
    # snn-2015-08-06-1303: mid-sentence, the source goes with the clause after it, not before
    s = one(
        "وتتوقع الحكومة المصرية زيادة عائدات قناة السويس بنسبة 259% عام 2023 ليبلغ 13.226 مليار "
        "دولار مقارنة بالعائد الحالي 5.3 مليار دولار، وبحسب الموقع الرسمي لقناة السويس الجديدة، "
        "فإن القدرة الاستيعابية ستكون 97 سفينة قياسية في اليوم عام 2023 بدلاً من 49 سفينة يوميًّا "
        "عام 2014.")
    assert s.speaker == "الموقع الرسمي" and s.quote.startswith("القدرة الاستيعابية")


def test_wa_bayna_after_bayna_is_between_not_a_cue():
    # snn-2015-07-22-0032: the span runs past "وبين" to the end of the clause
    s = one("وأضاف أن إسرائيل لم توقف أي مشروع جارٍ بينها وبين الولايات المتحدة ووزارة الدفاع "
            "الأميركية، مشددا على أنه يجب على كلا الطرفين التعاون معًا.")
    assert s.quote.endswith("ووزارة الدفاع الأميركية")
    # snn-2015-07-24-0737: "وبين ما أعلنه مسؤولون": no statement with «بين» as its cue
    sts = extract_statements("t", (
        "وفي إطار عمليات تحرير الأنبار من تنظيم داعش، فإن القيادات العسكرية والسياسية العراقية "
        "تتحدث عن بدء المعارك وتحقيقها تقدمًا كبيرًا في مختلف قواطعها في هذه المحافظة المترامية "
        "الأطراف التي تمثل ثلث مساحة العراق، وبين ما أعلنه مسؤولون أميركيون من أن عمليات الأنبار "
        "لم تبدأ بعد."))
    assert not [st for st in sts if st.cue == "بين"]


def test_subjectless_cue_continues_with_the_subject_of_an_act():
    # snn-2015-07-24-0737 (sentences 1, 6 and 7, the article's first and fifth paragraphs):
    # a titled name opening a news clause, then «وقام كارتر», make Carter the one «وعبّر» and
    # «وقال» continue with, not the ministry quoted in between
    sts = extract_statements("t", (
        "بحث وزير الدفاع الأميركي آشتون كارتر أمس مع مسؤولين سياسيين وعسكريين وشيوخ عشائر من "
        "محافظات ذات غالبية سنية، في التصدي لتنظيم داعش الذي كثف مؤخرا تفجيراته في العاصمة "
        "العراقية ومناطق قريبة منها.\n\n وقال بيان لوزارة الدفاع العراقية، إن «الجانبين بحثا سبل "
        "تدعيم التعاون العسكري بين البلدين».\n\n وقام كارتر بزيارة لقوات جهاز مكافحة الإرهاب؛ حيث "
        "شاهد عناصرها الذين ارتدوا زيًا أسود أثناء تدريبهم على إطلاق النار على نماذج أهداف. وأشاد "
        "بالقوات الخاصة العراقية وعبّر عن أسفه لسقوط قتلى وجرحى منهم في المعارك. وقال إن «قواتكم "
        "تقدم أداء جيدًا جدًا، وبشجاعة شديدة»."))
    assert [s.speaker_canonical for s in sts] == ["وزارة الدفاع العراقية", "آشتون كارتر", "آشتون كارتر"]
    # snn-2015-07-31-0425: «وكان» + title + name, a relative clause, then «ودعا»
    sts = extract_statements("t", (
        "وقال دومينيك ديبرا، من نقابة في منطقة الرون: «هدفنا ليس أن نكون أشداء من أجل الشدة. نريد "
        "أن نكون أشداء للحصول على مطالبنا.. أعتقد أن هذه الحكومة أدركت الوضع حتى وإن كان الأمر "
        "متأخرا قليلاً في رأيي، لأنه منذ شهرين أو ثلاثة ونحن نحذر أننا سندخل في المشهد الاقتصادي "
        "الفلاحي كما لم يحدث من قبل».\n"
        "وكان رئيس الحكومة الفرنسي مانويل فالس الذي قام بزيارة إلى منطقة بوردو في الجنوب الغربي، "
        "التقى ممثلين عن نقابة المزارعين، ودعا لعدم تعطيل الاقتصاد الفرنسي."))
    assert sts[1].cue == "دعا" and sts[1].speaker_canonical == "مانويل فالس"
    # snn-2015-07-22-0032 (three sentences of the article): «وقد واصل كارتر», a verb whose root
    # starts with و, makes Carter the one «فقال» continues with, not Netanyahu who spoke last
    sts = extract_statements("t", (
        "اختتم وزير الدفاع الأميركي آشتون كارتر، زيارته لإسرائيل، أمس، بلقاء مع رئيس الوزراء "
        "الإسرائيلي بنيامين نتنياهو، محاولا التخفيف من معارضته للاتفاق النووي المبرم بين إيران "
        "والقوى الكبرى.\n\n وقال نتنياهو إن الاتفاق ليس كافيا لمنع الجمهورية الإسلامية من الحصول "
        "على أسلحة نووية يمكن أن تستخدم في استهداف إسرائيل وغيرها من دول المنطقة والعالم. وقد واصل "
        "كارتر محاولاته لتبديد قلق إسرائيل من الاتفاق، فقال إن سياسة واشنطن في المنطقة تجاه "
        "حلفائها وأعدائها لم تتغير بتاتا، مؤكدا أن إسرائيل «تبقى حجر الزاوية للاستراتيجية "
        "الأميركية في الشرق الأوسط»."))
    assert [s.speaker_canonical for s in sts] == ["بنيامين نتنياهو", "آشتون كارتر"]


def test_participle_right_after_a_continuation_cue_is_part_of_it():
    # snn-2015-07-25-0110: «وأضاف موضحا:» opens the speaker's words, it does not end them
    sts = extract_statements("t", (
        "وقال ناصر الحاسي، المتحدث باسم القوات الجوية، إن «سلاح الجو قام بقصف تمركزات للمجموعات "
        "الإرهابية في محور الصابري»، في إشارة إلى حي ساحلي في وسط بنغازي بالقرب من الميناء. وأضاف "
        "موضحا: «لقد قام سلاح الجو بتفجير مخزن ذخيرة للمجموعات الإرهابية في الصابري»."))
    assert sts[1].cue == "أضاف" and sts[1].speaker_canonical == "ناصر الحاسي"
    assert sts[1].quote == "لقد قام سلاح الجو بتفجير مخزن ذخيرة للمجموعات الإرهابية في الصابري"


def test_participle_clause_after_a_comma_ends_the_span():
    # snn-2015-07-31-1903: «، محملا …» is a statement of its own (not extracted), not more words
    s = one("وأكد المعلمي، في تصريحات صحفية أمس، أن التحالف لا يستهدف المدنيين، وأنه يجري "
            "التحقيق بشكل كامل في أي تقارير عن سقوط ضحايا بين المدنيين، محملا مليشيات الحوثي "
            "مسؤولية فشل الهدنة الإنسانية.")
    assert s.quote.endswith("بين المدنيين")
    # snn-2015-08-08-0081: «، ووصف …» is a second act of the speaker, not more of his words
    s = one("وأعرب ترامب عن معارضته للإجهاض، ووصف الاتفاق النووي مع إيران بأنه سيجلب الدمار على "
            "أجزاء كبيرة من العالم.")
    assert s.quote == "معارضته للإجهاض"


def test_kama_and_a_directive_with_an_object_pronoun_ends_the_span():
    # snn-2015-07-23-0035 (Arabic presentation forms, kept as written): «، كما طالبهم بـ…» is the
    # next statement
    s = extract_statements("t", (
        "ﻭﺃﺷﺎﺭ ﺍﻟﻤﺼﺪﺭ ﺇﻟﻰ ﺃﻧﻪ ﺳﻴﺘﻢ ﺇﺻﻼﺡ ﺃﻭﺿﺎﻉ ﺍﻟﺠﻨﻮﺩ ﻭﺍﻟﻀﺒﺎﻁ ﻓﻲ ﺇﻃﺎﺭ ﺍﻟﻤﻨﻄﻘﺔ ﺍﻟﻌﺴﻜﺮﻳﺔ "
        "ﻭﺃﻧﻪ ﺳﺘﻜﻮﻥ ﻟﻬﻢ ﺭﻭﺍﺗﺐ ﻣﺠﺰﻳﺔ، كما طالبهم بـ\u200f«ﻋﺪﻡ ﺍﻻﻟﺘﻔﺎﺕ إلى ﺍﻟﺪﻋﻮﺍﺕ ﺍﻟﺘﻲ "
        "ﺗﺘﺒﻨﺎﻫﺎ ﻣﻴﻠﻴﺸﻴﺎﺕ ﺍﻟﺤﻮﺛﻲ ﺍﻟﺘﻲ ﺗﺪﻋﻮ ﻹﻳﻘﺎﻑ ﺭﻭﺍﺗﺒﻬﻢ ﻣﺎ ﻟﻢ ﻳﻘﺎﺗﻠﻮﺍ ﻓﻲ ﺻﻔﻮﻑ "
        "ﻣﻴﻠﻴﺸﻴﺎﺗﻬﺎ\u200f»."))[0]
    assert normalize(s.quote).endswith(normalize("رواتب مجزية")) and "طالبهم" not in s.quote


def test_directive_with_a_known_surname_in_al_as_subject():
    # snn-2015-07-25-1226: «البردويل» is no common noun (like الكشف): the text named him before
    sts = extract_statements("t", (
        "وأعرب القيادي في حركة المقاومة الإسلامية \"حماس\" الدكتور صلاح البردويل عن أسفه لما وصفه "
        "بـ \"الحملة الدعائية الكاذبة\" التي قال بأن الرئيس محمود عباس يقودها ضد حماس والشعب "
        "الفلسطيني\"، وأكد أن من يعطل المصالحة فعلا هو الرئيس عباس نفسه .\nودعا البردويل إلى تكاتف "
        "وطني فلسطيني لوضع حد لما أسماه بـ \"مهاترات عباس\"."))
    s = next(st for st in sts if st.cue == "دعا")
    assert s.speaker_canonical == "صلاح البردويل" and s.quote.startswith("تكاتف وطني")


def test_sentence_opening_with_a_title_and_a_name_sets_who_continues():
    # snn-2015-08-08-0081 (two paragraphs): «حاكم فلوريدا السابق جيب بوش ركز على …» makes Bush
    # the one «وأشار» and «وذكر» continue with, not Trump of the paragraph before
    sts = extract_statements("t", (
        " رجل الأعمال المليونير دونالد ترامب ذكر أنه سوف يطرد المهاجرين غير الشرعيين من الولايات "
        "المتحدة ويشيد جدارًا على الحدود الجنوبية مع المكسيك. وأعرب ترامب عن معارضته للإجهاض، "
        "ووصف الاتفاق النووي مع إيران بأنه سيجلب الدمار على أجزاء كبيرة من العالم.\n\n حاكم "
        "فلوريدا السابق جيب بوش ركز على نجاحه في خلق فرص العمل وتحقيق النمو الاقتصادي في ولايته "
        "فلوريدا وتناول سياسات مكافحة الإجهاض في الولاية. وأشار إلى رغبته في تحويل المهاجرين إلى "
        "«دافع لتحقيق النمو الاقتصادي المستدام» عن طريق إصلاح السياسات. وذكر أنه يتعين اجتثاث "
        "تنظيم داعش المتطرف «بجميع الأدوات المتاحة لدينا»."))
    bush = [s for s in sts if s.quote.startswith(("رغبته في تحويل", "يتعين اجتثاث"))]
    assert [s.speaker_canonical for s in bush] == ["جيب بوش", "جيب بوش"]


@pytest.mark.parametrize(
    ("text", "speaker", "start"),
    [
        # snn-2015-07-21-0564: after أنّ the noun is the subject; the one after دعت its object
        ("ذكرت وزارة الدفاع الكورية الجنوبية أن سيول دعت بيونغ يانغ أمس الجمعة للمشاركة في "
         "محادثات أمنية دولية لنواب وزراء دفاع 33 دولة، من المقرر أن تعقد بسيول في سبتمبر (أيلول) "
         "المقبل، مما يزيد آمال إجراء اتصال نادر بين الكوريتين ورأب الصدع بينهما.", "سيول",
         "بيونغ يانغ"),
        # snn-2015-08-08-0426 (cut): the body's لـ-complement runs on to the verb
        ("وأوضح عقيل أن البعثة الدولية المحلية لمتابعة الانتخابات طالبت اللجنة العليا للانتخابات "
         "بمنحها 150 تصريحاً لمراقب دولي.", "البعثة الدولية المحلية لمتابعة الانتخابات",
         "اللجنة العليا"),
    ],
)
def test_subject_after_a_complementizer_is_the_nested_speaker(text: str, speaker: str, start: str):
    nested = extract_statements("t", text)[1]
    assert nested.speaker == speaker and nested.quote.startswith(start)


def test_plural_verb_after_a_complementizer_has_the_noun_before_it_as_subject():
    # snn-2015-08-06-0494: «غير ان المراقبين يؤكدون ان …»
    s = one("غير ان المراقبين يؤكدون ان الغارات التركية استهدفت الناشطين الاكراد اكثر مما استهدفت "
            "الجهاديين.")
    assert s.speaker == "المراقبين" and s.quote.startswith("الغارات التركية")


def test_mixed_quote_is_indirect():
    # snn-2015-08-09-1132
    s = one("ومن جانبه قال يالجين اكدوجان نائب رئيس الوزراء التركي: إن الدولة تواصل مباحثاتها من "
            "أوجلان لكن حزب الشعوب الديمقراطي لم يعد بمقدوره زيارته لأنه «خذل» العملية.")
    assert s.kind == "indirect" and s.quote.endswith("«خذل» العملية")
    assert s.role == "نائب رئيس الوزراء التركي"


def test_several_speakers_in_one_sentence_and_nested_via():
    # snn-2015-07-26-0557
    text = ("وقال نصر الله إنه واثق من أن إيران»ستفحم» منتقدين يقولون إنها ستوقف دعمها لحزب "
            "الله.")
    sts = extract_statements("t", text)
    assert [s.speaker for s in sts] == ["نصر الله", "منتقدين"]
    assert sts[1].quote == "ستوقف دعمها لحزب الله" and sts[1].via == ["نصر الله"]


def test_continuations_follow_gender():
    # snn-2015-08-11-1115
    text = (
        "وقال طارق يساريفيتش المتحدث باسم منظمة الصحة العالمية إن نحو 25 في المئة من المنشآت "
        "الصحية لا تعمل.\nوقالت هلال إلفر مقررة الأمم المتحدة الخاصة المعنية بالحق في الطعام "
        "إن 12.9 مليون شخص في اليمن يفتقرون للإمدادات الغذائية.\nوأضاف أن العاملين في قطاع "
        "الصحة هربوا.\nوأضافت أن “التجويع المتعمد للمدنيين” في الصراع المسلح ربما يشكل جريمة حرب."
    )
    sts = extract_statements("t", text)
    assert [s.speaker_canonical for s in sts] == [
        "طارق يساريفيتش", "هلال إلفر", "طارق يساريفيتش", "هلال إلفر"]
    assert sts[1].quote.startswith("12.9 مليون")  # the decimal point is no sentence end


def test_mada_yaqul_continuation():
    # snn-2015-07-22-0732
    text = ('وتابع "ارى من الطبيعي تماما ان تستأنف فرنسا وايران علاقات طبيعية". ومضى يقول '
            '"سأجري محادثات حول كل المواضيع".')
    sts = extract_statements("t", text)
    assert sts[-1].cue == "مضى يقول" and sts[-1].quote == "سأجري محادثات حول كل المواضيع"


def test_denial_is_a_statement():
    # snn-2015-07-23-0086
    s = one("ونفى رئيس اللجنة الانتخابية هذا التراجع الظاهر، معتبرا أن «المشاركة كانت جيدة».")
    assert s.cue == "نفى" and s.quote == "هذا التراجع الظاهر"


def test_accusation_keeps_object_in_span():
    # snn-2015-07-21-0466
    s = one("واتهم عبد السلام الأمم المتحدة بالتورط، ضمنيا، في التطورات.", cue="اتهم")
    assert s.speaker == "عبد السلام" and s.quote.startswith("الأمم المتحدة بالتورط")


def test_directive_with_quoted_words():
    # snn-2015-08-09-1132; after the masculine حث the feminine الحكومة is the object, not the
    # subject, so the speaker goes on
    sts = extract_statements("t", (
        "دعا صلاح الدين دمرداش زعيم حزب الشعوب الديمقراطي الموالي للأكراد في تركيا أمس حزب "
        "العمال الكردستاني إلى «رفع اصبعه عن الزناد» وحث الحكومة على بدء محادثات."))
    assert [(s.cue, s.speaker, s.quote) for s in sts] == [
        ("دعا", "صلاح الدين دمرداش", "حزب العمال الكردستاني إلى «رفع اصبعه عن الزناد»"),
        ("حث", "صلاح الدين دمرداش", "الحكومة على بدء محادثات")]


@pytest.mark.parametrize(
    "text",
    [
        # snn-2015-07-26-0557: أعلنت + noun phrase reports an act, not words
        "وأعلنت استدعاء سفيرها في طهران للتشاور بعد ما وصفته بتكرار التصريحات الإيرانية المعادية.",
        # snn-2015-07-27-0102: a present أشار with a thing as subject points at evidence
        "معتبرًا أنه حين يتعلق الأمر بتحديد المسؤولين عن العملية الإرهابية، تشير جميع الأدلة إلى "
        "تنظيم داعش.",
        # snn-2015-07-21-0100: «فحسب» is 'only', not the marker حسب
        "سياسيا، يرغب جيب بوش المرشح للرئاسة الأميركية المقبلة، في أن يركز الناخبون على اسمه الأول "
        "فحسب وتاريخه السياسي، لكن عندما يتعلق الأمر بجمع المال، فإنه ما يزال يعتمد على نجاح اسمه "
        "الأخير في تحقيق ذلك.",
        # snn-2015-07-22-0032: اختتم concludes a visit here, not a speech
        "اختتم وزير الدفاع الأميركي آشتون كارتر، زيارته لإسرائيل، أمس، بلقاء مع رئيس الوزراء "
        "الإسرائيلي بنيامين نتنياهو، محاولا التخفيف من معارضته للاتفاق النووي المبرم بين إيران "
        "والقوى الكبرى.",
        # snn-2015-08-09-0180: رفض + a masdar of declining to speak is an act, not words
        "ورفض غاندي التعليق، بينما لم يتسن الحصول على تعليق فوري من المسؤول الكندي.",
        # snn-2015-07-22-0057: رفض + derived masdar (refusing to do something)
        "ورفض حبري الاعتراف بالمحكمة المدعومة من الاتحاد الأفريقي التي تحاكمه في السنغال.",
    ],
)
def test_speech_verb_without_statement(text: str):
    assert extract_statements("t", text) == []


def test_addressee_is_not_the_speaker():
    # snn-2015-07-27-0996
    text = ("وقال يوهانس فان در كلاوو إنه رأى جثثا ملقاة في الشوارع.\nوقال لرويترز في مقابلة "
            "“توقف القتال. وما تسمعه أن ثمة غارات جوية في شمال المدينة.”")
    sts = extract_statements("t", text)
    assert len(sts) == 2
    assert sts[1].speaker_canonical == "يوهانس فان در كلاوو" and sts[1].kind == "direct"


# --- transitive cues with an unquoted object, cataphora, roles, speaker boundaries -------
def test_rejection_with_np_object():
    # snn-2015-07-25-1226
    s = one('في المقابل رفضت حركة المقاومة الإسلامية "حماس" اتهامات عباس لها بتعطيل المصالحة، '
            "واعتبرت ذلك جزءا من عملية الهروب.", cue="رفضت")
    assert s.speaker == 'حركة المقاومة الإسلامية "حماس"'
    assert s.quote == "اتهامات عباس لها بتعطيل المصالحة"


def test_condemnation_object_is_cut_from_subject():
    # snn-2015-08-06-0369
    sts = extract_statements("t", "ودانت الجامعة العربية أول من أمس القصف التركي في شمال العراق، "
                                  "وطالبت أنقرة باحترام سيادة العراق على أراضيه.")
    assert [(s.cue, s.speaker_canonical, s.quote) for s in sts] == [
        ("دانت", "الجامعة العربية", "القصف التركي في شمال العراق"),
        ("طالبت", "الجامعة العربية", "أنقرة باحترام سيادة العراق على أراضيه")]


def test_directive_after_title_and_name_with_object():
    # snn-2015-07-22-0036
    s = one("دعا نائب رئيس الجمهورية أسامة النجيفي الحكومة إلى القصاص من منفذي تفجير خان بني سعد.")
    assert s.speaker == "أسامة النجيفي" and s.role == "نائب رئيس الجمهورية"
    assert s.quote == "الحكومة إلى القصاص من منفذي تفجير خان بني سعد"


def test_cataphora_description_named_next_sentence():
    # snn-2015-07-27-0996
    text = ("قال مسؤول بالأمم المتحدة يتولى الاشراف على المساعدات الانسانية لليمن بعد زيارة مدينة "
            "عدن الجنوبية في مطلع الاسبوع إن الأمم المتحدة تأمل تحقيق زيادة كبيرة في المساعدات."
            "\nوقال يوهانس فان در كلاوو إنه رأى جثثا ملقاة في الشوارع.")
    a, b = extract_statements("t", text)
    assert a.speaker == "مسؤول بالأمم المتحدة" and a.speaker_canonical == "يوهانس فان در كلاوو"
    role = "مسؤول بالأمم المتحدة يتولى الاشراف على المساعدات الانسانية لليمن"
    assert a.role == role and b.role == role


def test_no_cataphora_to_an_eyewitness():
    # snn-2015-07-27-0153 pattern: a source, then a resident — two different people
    text = ("وقال مسؤول أمني إن الانفجار وقع قرب السوق.\nوقال أحد سكان المدينة إنه سمع دويا.")
    a, _ = extract_statements("t", text)
    assert a.speaker_canonical == "مسؤول أمني"


def test_apposition_after_name_is_role():
    # snn-2015-07-21-0112
    s = one("وقال شرفان درويش، الناطق باسم «غرفة عمليات بركان الفرات» السورية لـ«الشرق الأوسط»، "
            "إن انتحاريين اخترقا تجمعًا لطلاب جامعيين.")
    assert s.speaker == "شرفان درويش"
    assert s.role == "الناطق باسم «غرفة عمليات بركان الفرات» السورية"


def test_speaker_boundaries():
    # snn-2015-07-31-0270: "لـ«رويترز»" is the addressee; the full organisation phrase
    s = one("وقال سولفانغ لـ«رويترز» إن التقرير استخدم عبارة «القوات الموالية للحوثيين».")
    assert s.speaker == "سولفانغ" and s.via == [] and s.quote.startswith("التقرير")
    s = one("وفي 19 يوليو قالت وزارة الصحة التابعة لحكومة اليمن إن 43 شخصا قتلوا.")
    assert s.speaker == "وزارة الصحة التابعة لحكومة اليمن"
    # snn-2015-07-25-1226: a relative-clause verb is not part of the earlier full name
    text = ("وحمل الدكتاتورية التي يمارسها محمود عباس المسؤولية. وكان رئيس السلطة محمود عباس قال "
            "في تصريح أمس، إن العمل جار لتشكيل حكومة وحدة وطنية.")
    s = one(text)
    assert s.speaker_canonical == "محمود عباس"


def test_subject_before_a_when_clause_is_not_glued_to_it():
    # snn-2015-08-08-0081: «عندما» opens the clause of the cue; the words before it are not a name
    sts = extract_statements("t", (
        "وقال دونالد ترامب: «لن أقطع هذا الوعد في المرحلة الحالية»، مثيرًا غضب مرشح آخر وهتافات "
        "مناهضة من قبل ناشطين حضروا المناظرة التي استمرت ساعتين.\n\n لكن رجل الأعمال أثار الضحك "
        "عندما ذكر أنه في الماضي «أعطى الكثير من الأموال لمعظم الناس الموجودين على هذه المنصة "
        "الآن» لشراء دعمهم."))
    assert sts[1].cue == "ذكر" and sts[1].speaker_canonical == "دونالد ترامب"


def test_the_same_sources_is_a_short_reference():
    # snn-2015-08-06-2415: «المصادر ذاتها» ('the same sources') names the source, not its words
    sts = extract_statements("t", "ووفق المصادر ذاتها، اطلقت تلك القوات لاحقا عملية تمشيط واسعة "
                                  "للبحث عن اي تواجد للمتمردين الحوثيين.")
    assert sts and sts[0].speaker == "المصادر" and sts[0].quote.startswith("اطلقت")


@pytest.mark.parametrize(
    ("text", "cue", "canonical"),
    [
        # snn-2015-07-31-0425: «لويك» is no لـ + a noun (like لرويترز): a surname follows
        ("وقال لويك فيرين من محطة الأخبار الأوروبية «يورونيوز»: «تجاه هذا الواقع، المنتجون "
         "البلجيكيون كانوا الأوائل في إطلاق حملة جودة الإنتاج بهدف الحصول على أسعار مناسبة، وكل "
         "لتر من الحليب يباع بيورو واحد تخصص من ثمنه عشرة سنتيمات تعود مباشرة للمنتج».",
         "قال", "لويك فيرين"),
        # snn-2015-08-08-0426 (two sentences, the second cut): a year that ends the title is no
        # part of the name after it
        ("في غضون ذلك أعلن المتحدث الرسمي باسم البعثة الدولية المحلية المشتركة لمتابعة "
         "الانتخابات البرلمانية مصر 2015 أيمن عقيل، عن تقدم البعثة بطلب رسمي للجنة العليا "
         "للانتخابات البرلمانية. وأوضح عقيل أن البعثة الدولية المحلية لمتابعة الانتخابات "
         "طالبت اللجنة العليا للانتخابات بمنحها 150 تصريحاً لمراقب دولي.", "أوضح", "أيمن عقيل"),
        # snn-2015-08-10-0120 (cut): a comparative after the name ends it
        ("كان أمين عام الاتحاد اليمني الدكتور حميد الشيباني أكثر صراحة حينما أكد في تصريح "
         "خاص لـ«الشرق الأوسط» من مقر إقامته في العاصمة القطرية الدوحة أن الأمور لا تؤخذ بهذا "
         "الشكل.", "أكد", "حميد الشيباني"),
    ],
)
def test_a_speaker_name_ends_where_the_name_ends(text: str, cue: str, canonical: str):
    assert one(text, cue=cue).speaker_canonical == canonical


def test_uncued_continuation_opening_with_emphatic_inna():
    # seed-000 (gold q09): the sentence after the ministry's statement opens with إنّ and
    # has no cue; it and the narrative-free sentence after it go on quoting the ministry
    text = (
        "كما قالت وزارة الخارجية أن العدوان التالي للجانب الأرميني على أذربيجان انتهاك صارخ لقواعد "
        "القانون الدولي. إن خطوات أرمينيا هذه تتعارض تمامًا مع عملية التطبيع والسلام الجارية. في الوقت "
        "الذي تقوم فيه أذربيجان بأعمال الترميم، تثبت أرمينيا من خلال عدوانها مرة أخرى أنها تعرقل هذه "
        "العملية بكل الوسائل. من جانبه، قال وزير الدفاع إن قواته ردت."
    )
    sts = extract_statements("seed-000", text)
    cont = [s for s in sts if s.cue == ""]
    assert len(cont) == 1
    c = cont[0]
    assert c.quote.startswith("إن خطوات أرمينيا") and c.quote.endswith("بكل الوسائل")
    assert c.kind == "direct" and c.speaker == "وزارة الخارجية"
    assert sts[-1].cue == "قال" and sts[-1].quote == "قواته ردت"


@pytest.mark.parametrize("text", [
    # snn-politics style narration: a sentence opening with إنّ with no statement before it
    "وصل الوفد إلى القاهرة أمس. إن الزيارة تأتي في إطار جولة إقليمية.",
    # the sentence after the statement has its own cue: it is its own statement
    "وقال الوزير إن المحادثات مستمرة. إن الوزير أضاف أن الاتفاق قريب.",
])
def test_no_uncued_continuation_without_a_preceding_statement(text: str):
    assert not [s for s in extract_statements("t", text) if s.cue == ""]


def test_relative_clause_cue_after_a_named_antecedent():
    # snn-2015-07-21-0058
    text = ("ومن بين هؤلاء عالم الاجتماع هرمز مسعودي، الذي قال: «لا يمكن أن نغفل أن هذه بلاد حقيقية "
            "بها شعب حقيقي يرغب في حياة حقيقية».")
    s = one(text)
    assert "هرمز مسعودي" in s.speaker and s.cue == "قال"
    assert s.quote.startswith("لا يمكن أن نغفل") and s.kind == "direct"


def test_relative_clause_without_comma_claims_no_antecedent():
    # snn-2015-07-21-0141 style: the antecedent of التي is the clashes, not a speaker
    text = "وأشار الحاكم إلى هذه الاشتباكات الأخيرة التي قال إنها أسفرت عن إصابة مجندين اثنين."
    sts = extract_statements("t", text)
    assert all("الاشتباكات" not in s.speaker for s in sts)


def test_cue_in_relative_clause_on_a_speech_noun():
    # snn-2015-08-06-0369 (gold q05): "تصريحاته الأخيرة التي اعتبر فيها …" inside the Turkish
    # ministry's statement: the words are العربي's, relayed by the ministry
    text = ("وقالت الخارجية التركية إن تصريحات العربي حيال هذه الغارات «لا تعبر عن الرأي العام في الجامعة»، "
            "وأنّ تصريحاته الأخيرة التي اعتبر فيها الضربات العسكرية التركية ضدّ مواقع التنظيم بمثابة "
            "الانتهاك لوحدة الأراضي العراقية، لا تعبّر إلا عن رأيه الشخصي.")
    s = one(text, cue="اعتبر")
    assert s.quote == "الضربات العسكرية التركية ضدّ مواقع التنظيم بمثابة الانتهاك لوحدة الأراضي العراقية"
    assert s.speaker.startswith("العربي") and s.via == ["الخارجية التركية"]


def test_relative_clause_on_a_speech_noun_with_document_adjunct_and_quoted_words():
    # snn-2015-08-06-0369: "تصريحات الخارجية القطرية التي أكدت في بيانها على «…»" — the
    # words are the quotation, not "في بيانها على" (the clause before the quotation mark)
    text = ("وتزامنت هذه التصريحات، مع تصريحات الخارجية القطرية التي أكدت في بيانها على «حق تركيا "
            "في الدفاع عن نفسها، والقضاء على مصدر التهديد، من أي جهة أتى».")
    s = one(text, cue="أكدت")
    assert s.quote == "حق تركيا في الدفاع عن نفسها، والقضاء على مصدر التهديد، من أي جهة أتى"
    assert s.kind == "direct" and s.speaker.startswith("الخارجية القطرية")


def test_short_title_reference_to_a_person_named_outside_statements():
    # snn-2015-08-04-0821: the lead names two ministers, neither in a statement; "الوزير" is
    # the one whose surname was mentioned last (لافروف), and "بهذا الخصوص" is no speaker
    text = ("تركزت محادثات وزير الخارجية الروسي سيرجي لافروف في الدوحة على الأزمة السورية. "
            "والتقى لافروف وزير الخارجية الأميركي جون كيري ونظيره السعودي عادل الجبير. "
            "وفي عرضه لنتائج المحادثات، عبر لافروف عن موقف موسكو من الأزمة السورية.\n"
            "وقال الوزير بهذا الخصوص: نعم، نحن نقدم دعما عسكريا تقنيا للحكومة السورية.")
    s = one(text, cue="قال")
    assert s.speaker == "الوزير" and s.speaker_canonical == "سيرجي لافروف"
    assert s.role == "وزير الخارجية الروسي" and s.quote.startswith("نعم، نحن نقدم")


# --- the subject after other words; quoted names; names taken for words (non-dev articles) ---

@pytest.mark.parametrize("text, cue, speaker, quote_start", [
    # snn-2015-07-22-0776: a time adverbial between the verb and its subject
    ("وقالت في وقت سابق هوغيت لابيل رئيسة الشفافية الدولية: «يُظهر مؤشر مدركات الفساد العالمي أن "
     "جميع الدول ما زالت تواجه تهديد الفساد على جميع المستويات الحكومية».", "قالت", "هوغيت لابيل", "يُظهر"),
    # snn-2015-08-07-0107: a pronoun object, and the age in brackets after the name
    ("وقال له يوكيو يوشيوكا (86 عامًا): «عليكم ألا تكرروا إطلاقًا أخطاء اليابان نفسها».", "قال",
     "يوكيو يوشيوكا", "عليكم"),
    # snn-2015-08-06-2035: فيه before the subject, an apposition and أمس after it
    ("جاء ذلك في وقت أعلنت فيه جبهة النصرة، ذراع تنظيم القاعدة في سورية، أمس أنها خطفت من جديد "
     "خمسة مقاتلين على الأقل.", "أعلنت", "جبهة النصرة", "خطفت"),
    # snn-2015-07-22-0029: the subject in quotation marks
    ("وفي ريف درعا، قال «مكتب أخبار سوريا» إن المعارضة السورية المسلحة استعادت السيطرة على تل الشيخ "
     "حسين في ريف درعا الشرقي.", "قال", "مكتب أخبار سوريا", "المعارضة"),
    # snn-2015-07-22-2011: a short quoted name ("واس") before "، أن" is not the words
    ('وأوضح مصدر مسؤول في بيان نقلته وكالة الأنباء السعودية "واس"، أن "نوري المالكي يعلم جيداً قبل '
     'غيره موقف المملكة الواضح والقاطع".', "أوضح", "مصدر مسؤول", "نوري المالكي يعلم"),
])
def test_subject_found_past_adjuncts_and_quoted_names(text: str, cue: str, speaker: str, quote_start: str):
    s = one(text, cue=cue)
    assert s.speaker == speaker and s.quote.startswith(quote_start), (s.speaker, s.quote)


def test_however_anna_is_no_complementizer_and_time_adverbial_before_object():
    # snn-2015-08-10-1374: "غير أنها نفت" opens a new clause (it is not كشفت's words)
    text = ("كشفت لـ«عكاظ» مصادر مطلعة عن صدور أحكام جديدة بالإعدام بحق أربعة سعوديين متهمين بالإرهاب، "
            "غير أنها نفت في ذات الوقت الأنباء التي ترددت عن نقل السجناء السعوديين.")
    sts = extract_statements("t", text)
    assert not any("نفت" in s.quote for s in sts)
    assert [s.quote for s in sts if s.cue == "نفت"] == ["الأنباء التي ترددت عن نقل السجناء السعوديين"]


def test_decimal_point_beside_a_direction_mark_does_not_end_the_sentence():
    # snn-2015-07-25-0169 writes "8.\u200f6"
    text = "وقالت وزارة التجارة الأميركية أمس إن المبيعات هبطت 8.\u200f6 في المائة في يونيو."
    assert one(text).quote == "المبيعات هبطت 8.\u200f6 في المائة في يونيو"


def test_preposed_source_before_an_attributed_sentence_relays_it():
    # snn-2015-07-25-0169: "وبحسب «رويترز»، قالت الوزارة …" — Reuters relays, it does not speak
    text = "وبحسب «رويترز»، قالت وزارة التجارة الأميركية أمس إن المبيعات هبطت في يونيو."
    s = one(text)
    assert s.speaker == "وزارة التجارة الأميركية" and s.via == ["رويترز"]


def test_canonical_name_is_not_glued_to_the_verb_before_it():
    # snn-2015-07-25-0652: "وكرر جعجع" must not become the full name of جعجع
    text = ("ووصف رئيس القوات سمير جعجع زيارته إلى السعودية بـ»الزيارة - الحدث» و»الجيدة جدا». وكرر جعجع "
            "أنها تأتي في إطار التعارف عن كثب على الإدارة الجديدة. ولفت جعجع في حديث لجريدة إلكترونية أمس "
            "إلى أنه يضع الإتفاق النووي الإيراني في سياقه الطبيعي.")
    sts = extract_statements("t", text)
    assert sts and all(s.speaker_canonical == "سمير جعجع" for s in sts), [
        s.speaker_canonical for s in sts]


@pytest.mark.parametrize("text", [
    # snn-2015-08-06-0272: "وبين" = "and between", no complementizer follows
    "وربط الوزير الفرنسي بين التغيير المنتظر وبين «نهوض الاقتصاد الإيراني» الذي «قد يحملهم مستقبلا على التطور».",
    # snn-2015-08-10-0127: a plural verb has a pronoun subject; «مقربين» is its object
    "ويرى مراقبون أن الملا منصور ومساعديه يعتبرون «مقربين» لا بل «مقربين جدا» من باكستان.",
])
def test_no_speaker_from_a_phrase_that_is_not_a_subject(text: str):
    sts = extract_statements("t", text)
    assert not any(s.speaker_canonical.startswith(("نهوض", "مقربين")) for s in sts), [
        (s.cue, s.speaker_canonical, s.quote) for s in sts]


def test_participle_takes_the_subject_of_the_verb_opening_its_sentence():
    # snn-2015-07-23-0085: "انتقد سمير دندن، …، قائلا إن …" — not the previous speaker
    text = ("وقال رئيس الوزراء توني أبوت إن القوانين ستحمي الجميع. انتقد سمير دندن، رئيس جمعية المسلمين "
            "اللبنانيين في أستراليا، أمس (الأربعاء) برنامج الحكومة لمكافحة التشدد، قائلا إن تركيزه الأول "
            "هو تطبيق القانون.")
    s = one(text, cue="قائلا")
    assert s.speaker_canonical == "سمير دندن" and s.quote.startswith("تركيزه الأول")


def test_subject_first_after_a_clause_particle():
    # snn-2015-07-23-0085: "إلا أن أبوت أقر بأن …" — أبوت is the subject, not an earlier speaker
    text = ("وقال سمير دندن إن البرنامج يخطئ الهدف. إلا أن أبوت أقر بأن النظام نفسه أخفق في منع الهجوم.")
    s = one(text, cue="أقر")
    assert s.speaker == "أبوت" and s.quote.startswith("النظام نفسه")


def test_resumptive_pronoun_on_the_preposition_means_no_statement():
    # snn-2015-07-23-0085: "مخاوف أعربت عنها الجاليات" — the fears are the relative antecedent
    text = ("لكن بسبب مخاوف أعربت عنها الجاليات الإسلامية من تداعيات قوانين الإرهاب الجديدة، قرر أبوت "
            "القيام بجولة في سيدني وللتأكيد على أن القوانين الجديدة هي لحماية كل الأستراليين.")
    assert not [s for s in extract_statements("t", text) if s.cue == "أعربت"]


def test_content_search_stops_at_the_next_attributed_clause():
    # snn-2015-07-22-0029: the words after إن are سانا's, not the Kurdish forces'
    text = ("وفيما أعلنت القوات الكردية سيطرتها على أجزاء من الحسكة، قالت وكالة «سانا» إن وحدات الجيش "
            "العاملة في الحسكة أحكمت سيطرتها على حي النشوة.")
    s = one(text)
    assert s.cue == "قالت" and "سانا" in s.speaker and s.quote.startswith("وحدات الجيش")


def test_directive_with_its_preposition_continues_the_previous_speaker():
    # snn-2015-07-27-0890: "ودعا إلى تحويل الملف …" after a statement of the minister
    text = ("وقال وزير الخارجية اليمني رياض ياسين إن المشاورات فشلت. ودعا إلى تحويل الملف إلى مجلس الأمن "
            "الدولي.")
    s = one(text, cue="دعا")
    assert s.speaker_canonical == "رياض ياسين" and s.quote == "تحويل الملف إلى مجلس الأمن الدولي"


@pytest.mark.parametrize("text, speaker, quote_start", [
    # snn-2015-07-23-0085: an unnamed source takes its adjectives, not the clause after it
    ("وحسب مصادر أمنية يقاتل نحو مائة أسترالي في العراق وسوريا، لكن دندن يرى أن الرقم أكبر.",
     "مصادر أمنية", "يقاتل نحو مائة"),
    # snn-2015-07-26-1121: the addressee after the source is not part of it
    ("وأوضح مسؤول تركي لوكالة فرانس برس أن الضربات هدفها وقائي أيضا.", "مسؤول تركي", "الضربات"),
    # snn-2015-07-21-0096: nor is the clause "طلب عدم نشر اسمه"
    ("وقال مسؤول دفاع أميركي بارز طلب عدم نشر اسمه إن إيران ستواصل على الأرجح محاولة استغلال الوضع.",
     "مسؤول دفاع أميركي بارز", "إيران ستواصل"),
])
def test_unnamed_source_ends_after_its_adjectives(text: str, speaker: str, quote_start: str):
    s = extract_statements("t", text)[0]
    assert s.speaker == speaker and s.quote.startswith(quote_start), (s.speaker, s.quote)


def test_a_quoted_outlet_name_is_neither_words_nor_a_stop_for_interposed_sources():
    # snn-2015-08-07-1086: «… موافقتها …، وفق وكالة "مسار برس" أمس» — the agency's quoted name
    # is not a quotation of the Nusra Front's words
    text = ('أعلنت "جبهة النصرة" موافقتها على تسليم النقاط التي تسيطر عليها لكتائب الثوار، وذلك بعد '
            'اجتماع ضم الفصائل العسكرية الكبرى في حلب، وفق وكالة "مسار برس" أمس.')
    assert not any("مسار برس" in s.quote for s in extract_statements("t", text))
    # snn-2015-07-24-0818: "وأضاف X، بحسب وكالة …، أن …" — the words follow the source
    text = ("وأضاف رئيس قسم الفلك بالمعهد القومي للبحوث الفلكية، بحسب وكالة أنباء الشرق الأوسط المصرية، "
            "أن الصور الملتقطة بلغت درجة عالية من الوضوح.")
    s = one(text, cue="أضاف")
    assert s.quote == "الصور الملتقطة بلغت درجة عالية من الوضوح"


def test_subjectless_cue_continues_the_known_subject_of_a_news_verb():
    # snn-2015-08-03-0827: "انتقد روبن سياسة … جون كيري، ودعا إلى إسقاط الأسد" — the call is
    # روبن's (named earlier), not كيري's, and not speakerless
    text = ("وقال المسؤول السابق في الخارجية الأميركية جيمس روبن إن الحرب لن تنتهي قريبا. وفي مقال له "
            "نشر أمس في صحيفة \"صنداي تايمز\" البريطانية، انتقد روبن سياسة وزير الخارجية الأميركي جون "
            "كيري، ودعا إلى إسقاط الأسد قبل الشروع في بحث سبل السلام في سورية.")
    s = one(text, cue="دعا")
    assert s.speaker_canonical == "جيمس روبن" and s.quote.startswith("إسقاط الأسد")


def test_nominal_cue_inside_the_words_ends_them():
    # snn-2015-07-23-0085: "أقر بأن النظام نفسه أخفق بقوله إنه …" — بقوله opens the next words
    text = ("إلا أن أبوت أقر بأن النظام نفسه أخفق بقوله إنه ما كان يتوجب على السلطات السماح لمؤنس "
            "بدخول أستراليا أصلا.")
    s = one(text, cue="أقر")
    assert s.quote == "النظام نفسه أخفق"


@pytest.mark.parametrize("text, speaker, role", [
    # snn-2015-08-07-0107: a definite description before a foreign name (not a verb: تتسوزو)
    ("وصرح المصور المستقل تتسوزو كيدا الذي حضر المراسم لوكالة الصحافة الفرنسية «أريد أن يعلم العالم "
     "برمته ما حصل هنا في هيروشيما».", "تتسوزو كيدا", "المصور المستقل"),
    # snn-2015-08-02-1032: the description is the role, the name speaks
    ("وقال المستثمر العقاري معتز الخياط إن الدراسات الحديثة حول أوضاع قطاع البناء مشجعة.", "معتز الخياط",
     "المستثمر العقاري"),
])
def test_description_before_a_personal_name_is_its_role(text: str, speaker: str, role: str):
    s = extract_statements("t", text)[0]
    assert (s.speaker, s.role) == (speaker, role)


def test_a_definite_surname_is_not_taken_for_a_description():
    # snn-2015-07-21-0368: أليكس starts with ال only once normalised; الشعيبي is a surname
    s = one("وفي لندن يقول أليكس نيوول العضو المنتدب في شركة عقارية إن الطلب يتزايد.")
    assert s.speaker == "أليكس نيوول"


def test_relayed_source_with_a_long_description_and_a_comma_before_qawluhu():
    # snn-2015-07-22-0029: the commander speaks; the news office relays; not the earlier activists
    text = ("وقال ناشطون معارضون إن القصف مستمر. ونقل «مكتب أخبار سوريا» عن القائد العسكري في كتائب "
            "«أنصار الشام» التابعة لـ«الجبهة الإسلامية» أبو حسن الأنصاري، قوله إن تحركات جديدة للقوات "
            "النظامية رُصدت على محوري قمة النبي يونس.")
    s = one(text, cue="قوله")
    assert s.speaker == "أبو حسن الأنصاري" and s.via == ["مكتب أخبار سوريا"]
    assert s.role.startswith("القائد العسكري")


def test_plural_verb_does_not_fall_back_to_a_singular_speaker():
    # snn-2015-07-22-0732: "قالوا" after statements of ظريف only — the speaker is unknown
    text = ("وقال وزير الخارجية الإيراني محمد جواد ظريف إن الاتفاق متوازن. وقالوا إن هدفه الدفاع عن "
            "البرنامج النووي.")
    s = one(text, cue="قالوا")
    assert s.speaker_canonical != "محمد جواد ظريف"


@pytest.mark.parametrize("text, speaker", [
    # snn-2015-07-23-0029: the title is the speaker, "لصحيفة" is the addressee, not a name
    ('وذكر مسؤولو سلطة المطارات الكينية لصحيفة "ستاندرد" أن السيارة نقلت جوا.', "مسؤولو سلطة المطارات الكينية"),
    # snn-2015-07-31-0511: a plural nisba adjective is part of the role, not a name
    ("وقال مسؤولو أمن إسرائيليون إن متطرفين يهودا أضرموا النيران في المنزل.", "مسؤولو أمن إسرائيليون"),
    # snn-2015-07-23-0402: a coordinated unnamed source
    ("وقالت مصادر طبية ومصدر برلماني إن القوات قتلت المدنيين في مدينة مركة الساحلية.",
     "مصادر طبية ومصدر برلماني"),
])
def test_title_only_speakers(text: str, speaker: str):
    assert one(text).speaker == speaker


def test_wafq_with_an_abstract_noun_is_no_source():
    # snn-2015-07-27-0087: "ووفق طابع آيديولوجي …" means "in line with", nobody speaks
    text = "ووفق طابع آيديولوجي متشدد، قامت الجماعة بتغيير المناهج في المدارس التي تسيطر عليها."
    assert extract_statements("t", text) == []


@pytest.mark.parametrize("text, speaker, role", [
    # snn-2015-08-01-0314: a genitive by لـ runs from the title to the honorific before the name
    ("وبيّن المدير التنفيذي لسوق عكاظ الدكتور راشد الغامدي أن هذه الأنشطة تتسق مع رؤية المنظمين.",
     "راشد الغامدي", "المدير التنفيذي لسوق عكاظ"),
    # snn-2015-08-06-1427
    ("وأوضح المدير التنفيذي لشركة مترو جدة الدكتور أسامة إبراهيم عبده أن مشروع النقل العام يتكون من "
     "شبكة قطارات.", "أسامة إبراهيم عبده", "المدير التنفيذي لشركة مترو جدة"),
])
def test_title_with_a_lam_genitive_then_an_honorific_and_the_name(text: str, speaker: str, role: str):
    s = one(text)
    assert (s.speaker, s.role) == (speaker, role)


@pytest.mark.parametrize("text, cue, speaker, quote", [
    # snn-2015-07-21-2412: عبّر عن like أعرب عن (the words are the noun phrase after عن)
    ("وعبر الزهراني عن تقديرهما لرجال الأمن الذين أثبتوا أنهم على قدر المسؤولية.", "عبر", "الزهراني",
     "تقديرهما لرجال الأمن الذين أثبتوا أنهم على قدر المسؤولية"),
    # snn-2015-07-22-0030: دافع عن (named in the annotation conventions)
    ("ودافع وزير الخارجية الإيراني محمد جواد ظريف عن الاتفاق النووي الذي توصل إليه مع القوى العالمية.",
     "دافع", "محمد جواد ظريف", "الاتفاق النووي الذي توصل إليه مع القوى العالمية"),
])
def test_verb_with_preposition_and_noun_phrase_words(text: str, cue: str, speaker: str, quote: str):
    s = one(text, cue=cue)
    assert (s.speaker, s.quote) == (speaker, quote)


@pytest.mark.parametrize("text", [
    "وتم نقل المساعدات عبر الحدود عن طريق الأمم المتحدة.",
    "وأعلنت الوزارة، عبر صفحتها الرسمية على فيسبوك، عن إغلاق المعبر الحدودي.",
])
def test_the_preposition_abra_is_no_cue(text: str):
    assert not [s for s in extract_statements("t", text) if s.cue == "عبر"]


@pytest.mark.parametrize("text, speaker, via, quote", [
    # snn-2015-07-21-2242: نقلت X عن Y أن … — Y speaks, X relays; the words stop before
    # "، قال فيها:" (a second attribution in the same sentence)
    ('ونقلت وكالة أنباء "الأناضول" عن مصادر في رئاسة الوزراء التركية أن داود أوغلو أجرى اتصالات هاتفية '
     'مع رؤساء مكاتب الحزب، قال فيها: "إننا مستمرون في مفاوضات تشكيل الحكومة".',
     "مصادر في رئاسة الوزراء التركية", ["وكالة أنباء \"الأناضول\""],
     "داود أوغلو أجرى اتصالات هاتفية مع رؤساء مكاتب الحزب"),
    # snn-2015-07-26-0630: reports relaying unnamed sources
    ("ونقلت تقارير عن مصادر مطلعة أن واشنطن قد تطلق سراح بولارد بعد الاتفاق النووي.",
     "مصادر مطلعة", ["تقارير"], "واشنطن قد تطلق سراح بولارد بعد الاتفاق النووي"),
])
def test_relayed_with_naqala_an(text: str, speaker: str, via: list[str], quote: str):
    s = one(text, cue="نقلت")
    assert (s.speaker, s.via, s.quote) == (speaker, via, quote)


def test_naqala_without_a_reported_source_is_transport():
    assert extract_statements("t", "وتم نقل السجناء عن طريق البر إلى العاصمة أمس.") == []


@pytest.mark.parametrize("text, cue, speaker", [
    # snn-2015-07-23-0018: a partitive group, not the bare quantifier
    ("وقال عدد من الجمهوريين إن الاتفاق سيدر على إيران مليارات الدولارات.", "قال", "عدد من الجمهوريين"),
    # snn-2015-07-27-0087: أجمع … على أن
    ("وأجمع كثير من المشاركين على أن الحرب الباردة الجديدة مختلفة عن سابقتها.", "أجمع", "كثير من المشاركين"),
])
def test_partitive_group_speakers(text: str, cue: str, speaker: str):
    assert one(text, cue=cue).speaker == speaker


def test_a_source_line_that_ends_the_text_does_not_crash():
    # SaudiNewsNet 2015-07-31-01a2a95db7d1 ends with a credit line "نقلا عن مجلة فوربس الأمريكية"
    text = ("وفي حين إن هذه العملية كانت قيد التنفيذ أصلا خلال العام الماضي، لا أعتقد أن تجارة المناقلة "
            "قريبة من تفككها التام. \n \n نقلا عن مجلة فوربس الأمريكية ")
    for s in extract_statements("t", text):
        assert text[s.start : s.end] == s.quote


@pytest.mark.parametrize("text, cue, speaker", [
    # snn-2015-08-03-0986: pluperfect كان + subject + قد + verb recalls an earlier statement
    ("وكانت مصادر دبلوماسية روسية قد كشفت أن موسكو بعد مفاوضات أجرتها مع واشنطن والرياض، أعلنت "
     "عن مبادرة تشكيل التحالف الدولي الإقليمي.", "كشفت", "مصادر دبلوماسية روسية"),
    # snn-2015-07-26-0121: the noun phrase after the verb is an adjunct, not the subject
    ("وكانت جماعة الحوثي المسلحة قد أعلنت في مارس (آذار) الماضي أنها أبرمت اتفاقًا مع إيران يقضي "
     "بتطوير وتوسعة ميناء الحديدة.", "أعلنت", "جماعة الحوثي المسلحة"),
    # snn-2015-07-26-0141: topic أما + subject + apposition + فـverb
    ("أما خلف داهود، عضو المكتب التنفيذي لهيئة التنسيق، فقال إن «قوى المعارضة اجتمعت من أجل حل "
     "سياسي مبني على تسوية لمصلحة السوريين وليس على مساومات لمصلحة دول بعينها».", "قال", "خلف داهود"),
    # snn-2015-08-09-0183: أما X فقد + verb
    ("أما منظمة الشفافية العالمية فقد أشارت إلى أن عقارا من بين كل عشرة عقارات في حي ويستمنستر "
     "مملوك لشركة «أوفشور».", "أشارت", "منظمة الشفافية العالمية"),
    # snn-2015-07-31-0413: a relative clause between the topic and the verb
    ("أما جيو جان، التي تدير مركز بحوث النمو المالي والاقتصادي في كلية تشونغ كونغ للدراسات العليا، "
     "فترى أن الاقتصاد الصناعي في الصين من غير المحتمل أن يشهد حالة من الهبوط الحاد لثلاثة أسباب.",
     "ترى", "جيو جان"),
])
def test_fronted_subject_before_the_verb(text: str, cue: str, speaker: str):
    assert one(text, cue=cue).speaker == speaker


def test_pluperfect_subject_is_not_the_previous_speaker():
    # snn-2015-07-22-1852 (three sentences of it, cut): the last speaker (Martin) does not
    # continue past "وكان X قد أكد"
    text = ("وأضاف مارتن أن هناك اتفاقا بين دول الخليج والولايات المتحدة تم التوصل إليه في قمة كامب "
            "دافيد.\nوكان وزير الدفاع الأمريكي قد أكد أن الولايات المتحدة لن تسمح لإيران بامتلاك "
            "القدرة على إنتاج أسلحة نووية، وأن الاتفاق يتضمن آليات تضمن عدم مخالفة طهران لبنوده. "
            "وشدد على أن إدارة الرئيس باراك أوباما لن تتخلى عن حلفائها.")
    spk = {s.cue: s.speaker_canonical for s in extract_statements("t", text)}
    assert spk["أضاف"] == "مارتن"
    assert spk["أكد"] == "وزير الدفاع الأمريكي"
    assert spk["شدد"] == "وزير الدفاع الأمريكي"  # the continuation follows the new subject


def test_a_prepositional_topic_is_no_speaker():
    # snn-2015-07-24-1769: "أما فيما يتعلق بـ…" names the topic, not who speaks
    s = one("أما فيما يتعلق بالجانب التنظيمي فتقول هذه إن بعض مجالات اقتصادها أكثر انفتاحا بالفعل "
            "منها في غرب أوروبا.", cue="تقول")
    assert "يتعلق" not in s.speaker_canonical


def test_a_genitive_by_li_is_no_given_name():
    # snn-2015-07-21-0193: "خلفا للسويسري جوزيف بلاتر" gives Blatter's full name, not "للسويسري"
    text = ("حددت اللجنة التنفيذية للاتحاد الدولي لكرة القدم (فيفا) يوم السادس والعشرين من فبراير "
            "(شباط) 2016 موعدا للجمعية العمومية غير العادية لانتخاب رئيس جديد خلفا للسويسري جوزيف "
            "بلاتر الذي تعهد بعد الترشح مجددا.\nوأكد بلاتر أمس بعد اجتماع اللجنة التنفيذية أنه لن "
            "يكون مرشحا لرئاسة السلطة الكروية العليا في الانتخابات المقبلة وسيكون هناك رئيس جديد.")
    assert one(text, cue="أكد").speaker_canonical == "جوزيف بلاتر"


@pytest.mark.parametrize("text, cue, speaker, role", [
    # snn-2015-07-26-1270: a locative by بـ continues the title up to the honorific
    ("وأوضح مدير التعليم بمنطقة تبوك الدكتور عمر الشريف انه تم توزيع المعلمين الجدد على أربع "
     "مجموعات على مدى أربعة أيام.", "أوضح", "عمر الشريف", "مدير التعليم بمنطقة تبوك"),
    # snn-2015-07-24-1194: "جامعة الملك فيصل" is an institution, not a person
    ("من جانبه أكد عضو هيئة التدريس بجامعة الملك فيصل بالأحساء الدكتور محمد بن دليم القحطاني، أن "
     "هناك فجوة كبيرة بين مخرجات التعليم وبين متطلبات سوق العمل في الوقت الراهن.", "أكد",
     "محمد بن دليم القحطاني", "عضو هيئة التدريس بجامعة الملك فيصل بالأحساء"),
    # snn-2015-08-10-0157: title + locative, then the name set off by commas after an honorific
    ("بدوره قال رئيس المجلس التنسيقي للمقاومة الشعبية بتعز، الشيخ حمود سعيد المخلافي، إن «المقاومة "
     "لن تتراجع عن معركتها لتحرير تعز من الميليشيا المعتدية».", "قال", "حمود سعيد المخلافي",
     "رئيس المجلس التنسيقي للمقاومة الشعبية بتعز"),
])
def test_title_complements_end_at_the_name(text: str, cue: str, speaker: str, role: str):
    s = one(text, cue=cue)
    assert (s.speaker, s.role) == (speaker, role)


# snn-2015-08-02-0025 (four paragraphs of it, the quote of the last one cut short)
SHOUKRY_KERRY = (
    "وشدد وزير الخارجية المصري سامح شكري خلال مؤتمر صحفي مشترك عقده مع نظيره الأمريكي جون كيري، عقب "
    "اختتام أعمال الحوار الاستراتيجي المصري الأمريكي الذي عقد بالعاصمة المصرية القاهرة اليوم، على أن "
    "الحوار يعكس حرص البلدين على تعزيز العلاقات التي تربط بين القاهرة وواشنطن.\n"
    "وأوضح وزير الخارجية المصري أن الحوار تناول عدد من الموضوعات منها الضرورة القصوى لاستئناف "
    "المفاوضات الفلسطينية الإسرائيلية.\n"
    "من جانبه، أكد وزير الخارجية الأمريكي جون كيري أهمية الدور التاريخي الذي أدته مصر في المنطقة "
    "وفي العلاقات الدولية، مشددا على أنها ستواصل لعب هذا الدور عالميا وإقليميا.\n"
    " وقال “ان نجاحنا في محاربة الارهاب يقوم على بناء الثقة بين السلطات والشعب”.")


def test_a_title_alone_refers_to_the_person_it_introduced():
    s = one(SHOUKRY_KERRY, cue="أوضح")
    assert s.speaker == "وزير الخارجية المصري"
    assert s.speaker_canonical == "سامح شكري"


def test_a_name_ends_where_the_object_begins():
    # "أكد جون كيري | أهمية الدور": the masdar is the object, so the next قال is Kerry's
    s = one(SHOUKRY_KERRY, cue="قال")
    assert s.speaker_canonical == "جون كيري"


@pytest.mark.parametrize("text, cue, speaker, canonical", [
    # snn-2015-07-24-0157: "سموه" is the prince introduced by "صاحب السمو الملكي الأمير …"
    ("ثم ألقى صاحب السمو الملكي الأمير عبدالله بن مساعد بن عبدالعزيز كلمة رفع فيها أسمى آيات "
     "الشكر والعرفان لخادم الحرمين الشريفين على الدعم والرعاية التي يحظى بها قطاعا الشباب "
     "والرياضة.\n وأكد سموه أنهم جميعاً يستشعرون حجم المسؤولية وعظم الأمانة التي يحملونها.",
     "أكد", "سموه", "عبدالله بن مساعد بن عبدالعزيز"),
    # snn-2015-07-24-1372 (two sentences of it, not adjacent, cut): "د. الطبيقي" is "د. منصور
    # الطبيقي"
    ("وأكَّد د. منصور الطبيقي -أحد منسوبي وزارة الصحة- على أنَّ كثيرا من المستشفيات الحكومية "
     "تعاني نتيجة النقص الكبير في عدد الأسرَّة. أسعار الخدمات وبيَّن د. الطبيقي أنَّ بعض الأُسر "
     "تلجأ لتوفير ممرضين خاصين يتولّون تقديم الرعاية الصحية لمرضاهم المسنين.",
     "بيَّن", "الطبيقي", "منصور الطبيقي"),
    # snn-2015-08-11-1665 (the lead paragraphs; the third one cut after its first clause): "معاليه"
    # after a bare "معالي وزير الخارجية" is the person that title introduced, not Lavrov
    ("التقى معالي وزير الخارجية الأستاذ عادل بن أحمد الجبير اليوم في موسكو معالي وزير خارجية "
     "روسيا الاتحادية سيرجي لافروف .\n ووصف معالي وزير الخارجية في تصريح له عقب اللقاء ، لقاءه "
     "مع نظيره الروسي بالإيجابي والبناء.\n وقال معاليه إن زيارة صاحب السمو الملكي الأمير محمد بن "
     "سلمان بن عبدالعزيز مؤخراً لموسكو وضعت الأسس للعلاقات المستقبلية بين البلدين.",
     "قال", "معاليه", "عادل بن أحمد الجبير"),
    # snn-2015-08-06-1819 (three sentences of the article, joined; the last two cut after a
    # phrase): a family name that is also a nationality (التركي) after an honorific
    ("جاء ذلك في البيان الذي أصدره الأمين العام لرابطة العالم الإسلامي وعضو هيئة كبار العلماء بالمملكة "
     "الدكتور عبدالله بن عبدالمحسن التركي. واستنكر الدكتور التركي هذه التصريحات غير المسؤولة. "
     "وقال الدكتور التركي إن أرادت أي دولة أن تقضي على الإرهاب والتطرف في أراضيها فعليها أن تستفيد "
     "من تجربة المملكة.",
     "قال", "الدكتور التركي", "عبدالله بن عبدالمحسن التركي"),
])
def test_an_honorific_mention_resolves_to_the_full_name(text: str, cue: str, speaker: str, canonical: str):
    s = one(text, cue=cue)
    assert s.speaker == speaker
    assert s.speaker_canonical == canonical


def test_coordinated_titles_run_to_the_name():
    # snn-2015-07-24-1967: "الخبير الاقتصادي ورئيس الجمعية …" is one person's two titles
    s = one("وبين الخبير الاقتصادي ورئيس الجمعية السعودية للإدارة الدكتور عبدالله الشدادي أن حديث "
            "وزير المالية الدكتور إبراهيم العساف في القمة الاقتصادية لدول مجموعة العشرين التي عقدت "
            "في أستراليا قبل 8 أشهر؛ وإشارته لاحتمالية تخفيض الدعم.", cue="بين")
    assert s.speaker == "عبدالله الشدادي"
    assert s.role == "الخبير الاقتصادي ورئيس الجمعية السعودية للإدارة"


def test_an_abbreviated_title_does_not_end_the_sentence():
    # snn-2015-07-21-0251: "د.هشام" — the dot of د. is no full stop, the statement is found
    text = ("بمرور السنوات، تحولت المدونة إلى مصدر ثري للخبراء والصحافيين والنشطاء المهتمين بالحياة "
            "داخل الضواحي، حسبما أوضح د.هشام دي إيدي، الباحث بجامعة كولومبيا ومؤلف كتاب «الموسيقى "
            "المتمردة»، وهو دراسة حول الحياة السياسية للشباب المسلم في أوروبا والولايات المتحدة.")
    s = one(text, cue="أوضح")
    assert s.speaker == "هشام دي إيدي"
    assert s.quote.startswith("بمرور السنوات") and s.quote.endswith("داخل الضواحي")


def test_a_statement_issued_by_speaks_for_its_issuer():
    # snn-2015-07-23-0038: "بيان صدر عن X" — X is the speaker, not "صدر"
    s = one("وقال بيان صدر عن إدارة العمل الخارجي في المفوضية الأوروبية، إن الاجتماعات بحثت في الحالة "
            "التي تواجهها أوكرانيا، من عدم الاستقرار الاقتصادي والمالي، والتحديات السياسية والأمنية.",
            cue="قال")
    assert s.speaker == "إدارة العمل الخارجي في المفوضية الأوروبية"
    assert s.quote.startswith("الاجتماعات بحثت")


def test_a_particle_with_a_pronoun_is_no_speaker_name():
    # snn-2015-07-21-0267: "ولكنه أضاف" continues the subject of the clause before
    text = ("أقر السيد لاكور بالكذب في بعض جوانب الدراسة، ولكنه أضاف أنه يتخذ جانب نتائج الدراسة.")
    s = one(text, cue="أضاف")
    assert "لكنه" not in s.speaker
    assert s.quote == "يتخذ جانب نتائج الدراسة"


def test_the_sources_refer_back_to_the_sources_named_before():
    # snn-2015-07-21-0063 (two paragraphs of it, cut): "وقالت المصادر" → the "مصادر مطلعة" of
    # the paragraph before
    text = ("وعلمت «الشرق الأوسط» من مصادر مطلعة أن الأعمال الإرهابية التي يقوم بها قائد الخلية، "
            "الشيباني، هي أشبه ما تكون بـ«حرب الوكالة» ضد السعودية، لأغراض سياسية.\n"
            "وقالت المصادر إن التنظيمات الإرهابية طرأ خلاف عليها بالعلن، إلا أنها متفقة فيما بينها.")
    s = one(text, cue="قالت")
    assert s.speaker == "المصادر" and s.speaker_canonical == "مصادر مطلعة"


def test_a_general_director_title_runs_to_the_apposed_name():
    # snn-2015-07-21-2723: "العام" after a title is "general", not "the year"
    s = one("ومن جانبه، أوضح المدير العام للخطوط الجوية العربية السعودية رئيس مجلس إدارة شركة طيران "
            "السعودية الخاص، المهندس صالح الجاسر، أن معدل نمو سوق الطيران الخاص في المنطقة يتجاوز "
            "المعدلات العالمية.", cue="أوضح")
    assert s.speaker == "صالح الجاسر"
    assert s.role.startswith("المدير العام للخطوط الجوية العربية السعودية")


def test_learned_from_sources_that_they_say():
    # snn-2015-07-21-0063: "وعلمت «X» من مصادر أن" — the sources speak, the paper relays
    s = one("وعلمت «الشرق الأوسط» من مصادر مطلعة أن الأعمال الإرهابية التي يقوم بها قائد الخلية، "
            "الشيباني، هي أشبه ما تكون بـ«حرب الوكالة» ضد السعودية، لأغراض سياسية.", cue="علمت")
    assert (s.speaker, s.via) == ("مصادر مطلعة", ["الشرق الأوسط"])
    assert s.quote.startswith("الأعمال الإرهابية")


def test_a_long_title_chain_reaches_the_name():
    # snn-2015-08-08-1260 (its first two sentences): eighteen words of titles, then the name
    text = (
            "حذر سماحة مفتي عام المملكة رئيس هيئة كبار العلماء رئيس اللجنة الدائمة للبحوث العلمية "
            "والإفتاء الشيخ عبدالعزيز بن عبدالله آل الشيخ المسلمين من فئة نبتت ونمت سوءا بين أظهر "
            "المسلمين، مبينا أن هذه الفئة شذت عن الأمة، وعرفت بانحراف أخلاقها وطيش عقولها، وشذت عن "
            "جماعة المسلمين، وخرجت عن الولاة الشرعيين وكفرت إخوانهم المؤمنين واستباحت الظلم والإجرام، "
            "وقتل الأنفس البريئة الآمنة ظلما وعدوانا، من خلال عمليات انتحارية مجرمة آثمة خطط لها "
            "أعداء الإسلام من قريب أو بعيد، ومن لا دين له ولا أمانة عنده.\nوبين، في خطبة الجمعة بجامع "
            "الإمام تركي بن عبدالله أمس، أن هذه الفئة كفرت المسلمين واستباحت دماءهم وأعراضهم ظلما "
            "وعدوانا، وهي فئة ظالمة مجرمة لا تبحث عن الخير، وإنما هم فئة مجرمة مع ما يقومون به من "
            "تمهيد الطريق لأعداء الإسلام للاستيلاء على بلاد الإسلام والعبث فيها والإخلال بأمنها "
            "واستقرارها وتهديد الدول المجاورة لها، ولا سيما الحرمين الشريفين، ولكن الله لهم بالمرصاد.")
    s = one(text, cue="بين")
    assert s.speaker_canonical == "عبدالعزيز بن عبدالله آل الشيخ"


def test_a_denial_after_a_short_place_phrase():
    # snn-2015-07-21-1147: "نفى X في عدن «…»" — the place phrase is not the denied words
    s = one("من جهته نفى مجلس المقاومة الشعبية في عدن «ما تم تداوله حول عمليات تصفية للأسرى الحوثيين»، "
            "مؤكدًا حفظ حقوقهم الإنسانية وعدم المساس بهم.", cue="نفى")
    assert s.speaker == "مجلس المقاومة الشعبية"
    assert (s.quote, s.kind) == ("ما تم تداوله حول عمليات تصفية للأسرى الحوثيين", "direct")


def test_although_is_no_complementizer():
    # snn-2015-07-21-0563: "رأى جثة" is seeing, and "على الرغم من أنه" is "although" — one
    # statement (the witness's), not a second one by "جثة رجل"
    text = ("وذكر شاهد أنه رأى جثة رجل في مبنى محترق على الرغم من أنه لم يُعرف ما إذا كان هو نفس "
            "الشخص.")
    s = one(text)
    assert (s.cue, s.speaker) == ("ذكر", "شاهد")


@pytest.mark.parametrize("text, cue, speaker", [
    # snn-2015-07-24-0735: pluperfect without قد, the subject set off by a comma
    ("وكان مصدر في المعارضة السورية، اعتبر أن «وجود جثث لمقاتلين أجانب من القوات الموالية للنظام، "
     "سهل إتمام صفقات التبادل، نظرًا لضغوط كانت تمارس عليه من أجل إرجاع جثث مقاتلين أجانب لم تتضح "
     "هوياتهم».", "اعتبر", "مصدر في المعارضة السورية"),
    # snn-2015-07-23-0040: كان + subject + verb; the verb's adverb is not its subject
    ("وكانت وكالة «ستاندرد آند بورز» للتصنيف الائتماني أشارت سابقًا إلى أن دول الخليج تنفق سنويا "
     "160 مليار دولار على دعم أسعار الطاقة.", "أشارت", "وكالة «ستاندرد آند بورز» للتصنيف الائتماني"),
    # snn-2015-08-04-0662
    ("وكان مسؤول في الخارجية الاميركية صرح ان زيارة كيري للدوحة هي \"فرصة فعلية ليعمق وزير الخارجية "
     "النقاش مع نظرائه في مجلس التعاون الخليجي\".", "صرح", "مسؤول في الخارجية الاميركية"),
])
def test_pluperfect_subject_without_qad(text: str, cue: str, speaker: str):
    assert one(text, cue=cue).speaker == speaker


def test_a_surname_beginning_like_fa_al_is_still_a_name():
    # snn-2015-07-24-0743: "فالون" is Fallon, not ف + الـ
    s = one("وقال جون فالون، المدير العام لدار «بيرسون»، في بيان نشرته المجموعة، إن «(بيرسون) تعتز "
            "بأنها كانت صاحبة (فايننشال تايمز) لنحو ستين عامًا.", cue="قال")
    assert s.speaker == "جون فالون"


def test_taliban_is_a_catalog_organisation():
    # snn-2015-07-31-0403
    s = one("ونفت طالبان هذه التصريحات التي صدرت منذ نحو شهرين وقبل يومين فقط من أول لقاء مباشر بين "
            "ممثلي طالبان والحكومة الأفغانية في بلدة موري قرب العاصمة الباكستانية.", cue="نفت")
    assert (s.speaker_canonical, s.entity_id, s.speaker_en) == ("طالبان", "taliban", "Taliban")


def test_the_verb_before_a_nominal_cue_is_not_the_speaker():
    # snn-2015-07-24-1613: "ومضت المصادر بالقول" — المصادر speak, not "ومضت المصادر"
    s = one("ومضت المصادر بالقول إن الهزائم العسكرية الأخيرة التي تكبدتها الميليشيات الحوثية تسببت "
            "في حدوث عدة خلافات برزت داخل معسكرات الجيش الخاضعة لسيطرة المتمردين.", cue="بالقول")
    assert s.speaker == "المصادر"


def test_a_verbal_noun_after_darura_is_no_cue():
    # snn-2015-08-07-0069: "ضرورة كشف مخططات" — كشف is "uncovering", not a verb whose
    # subject would be "مخططات" and whose words the "إن" further on would open
    text = ("وشدد على ضرورة كشف مخططات هذه الفئة المجرمة، وفضحههم ومن يتعاون معهم، والمؤمن لا يصلي "
            "ولا يصوم ولا يتعامل مع هذه الفئة الباغية، إن دينه سيمنعه، بجانب صلواته وإيمانه من أن "
            "يتعامل مع هذه الفئة المجرمة الضالة، هذه الفئة الضالة الخبيثة المخبثة لا خير فيها ولا في "
            "مبادئها ولكنها الشر المحض والبلاء العظيم، عافاني الله وإياكم من شرهم إنه على كل شيء قدير.")
    assert "كشف" not in [s.cue for s in extract_statements("t", text)]


def test_the_ministry_refers_to_the_ministry_named_before_even_if_it_did_not_speak():
    # snn-2015-08-10-1263 (its first two sentences): وزارة الإسكان is the subject of عالجت, no cue
    text = ("عالجت وزارة الإسكان مؤخرًا 100 حالة اعتراض من أصل 650 شكوى تقدّم بها مستحقو الدعم السكني "
            "لإكمال إجراءات تنفيذ عقودهم، وذلك بعد أن كانت قد رفضت تنفيذ عقودهم الموقعة مع شركات التطوير "
            "العقاري، في معرض إسكان المنطقة الشرقية الذي انتهت فترة تسويقه الأولية الأسبوع الماضي "
            "بمبيعات وصلت إلى 900 مليون ريال بواقع 1800 عقد منفذ.\nوأكدت الوزارة أنه سيتم معالجة باقي "
            "الاعتراضات المقدمة والبالغ عددها 550 شكوى خلال الأسبوعين القادمين مؤكدة على أن الأمر قيد "
            "الحل بعد عدة اجتماعات تم عقدها بخصوص هذا الأمر لإنهائه في أقرب فرصة ودون تأخير.")
    s = one(text, cue="أكدت")
    assert (s.speaker, s.speaker_canonical) == ("الوزارة", "وزارة الإسكان")


def test_an_agency_acronym_does_not_end_the_sentence_and_the_agency_is_the_addressee():
    # snn-2015-08-04-0157 (the paragraph break kept; the second sentence cut after its quote)
    text = ("وكشف مصدر أمني في شرطة نينوى أمس أن «داعش» أعدم 44 شابا وسط الموصل في ساحة عامة.\n\n"
            " وقال المصدر لوكالة الأنباء الألمانية (د.ب.أ) إن «تنظيم داعش أعدم رميا بالرصاص نحو 44 "
            "شابا في أعمار مختلفة ظهر اليوم (أمس) في ساحة باب الطواب وسط الموصل».")
    s = one(text, "قال")
    assert s.speaker == "المصدر" and s.speaker_canonical == "مصدر أمني"
    assert s.kind == "direct" and s.quote.startswith("تنظيم داعش أعدم")
    assert s.quote.endswith("وسط الموصل")


def test_a_quoted_outlet_before_a_colon_is_the_addressee_not_the_words():
    # snn-2015-07-21-0112
    s = one("وقال أحد الشهود لوكالة «رويترز»: «شاهدت أكثر من 20 جثة. أعتقد أن عدد المصابين يتجاوز "
            "50. لا تزال سيارات الإسعاف تنقلهم. كان انفجارا هائلا كلنا شعرنا باهتزاز».")
    assert s.speaker == "أحد الشهود" and s.kind == "direct"
    assert s.quote.startswith("شاهدت أكثر") and s.quote.endswith("باهتزاز")


def test_a_quoted_name_inside_an_adjunct_is_passed_over_to_the_words():
    # snn-2015-08-09-0160 (two adjacent paragraphs)
    text = ("وقال يالجين أكدوجان نائب رئيس الوزراء التركي إن الدولة تواصل مباحثاتها من أوجلان لكن حزب "
            "الشعوب الديمقراطي لم يعد بمقدوره زيارته لأنه «خذل» العملية.\n\n"
            " وقال في تصريحات لصحيفة «ميليت» نشرت أمس إن «التصريحات التكتيكية لحزب العمال "
            "الكردستاني بشأن وقف العنف غير مقبولة».")
    s = extract_statements("t", text)[1]
    assert s.speaker_canonical == "يالجين أكدوجان"
    assert s.quote == "التصريحات التكتيكية لحزب العمال الكردستاني بشأن وقف العنف غير مقبولة"
    assert s.kind == "direct"


def test_indirect_words_end_where_the_narrator_names_the_speaker_again():
    # snn-2015-07-31-0379
    s = one("وأدانت المحكمة سيدة تدعى فاطمة وثلاثة من أبنائها، وقالت المحكمة إن السيدة ساهمت في نشر "
            "الفكر المتشدد، وتمويل سفر الشباب إلى سوريا، وقضت المحكمة بحبسها 8 سنوات، وحكمت بالمدة "
            "نفسها على ابنها سفيان.", "قالت")
    assert s.speaker == "المحكمة"
    assert s.quote == "السيدة ساهمت في نشر الفكر المتشدد، وتمويل سفر الشباب إلى سوريا"


def test_a_stance_verb_after_a_comma_is_the_narrators_next_clause():
    # snn-2015-07-25-1437
    s = one("وقال رئيس الوزراء التركي إن الشرطة اعتقلت قرابة 300 شخص في حملات أمس ضد من يشتبه في أنهم "
            "ينتمون لداعش ومتشددين أكراد، وتعهد بمحاربة كل الجماعات الإرهابية دون تمييز.")
    assert s.quote.endswith("ومتشددين أكراد") and "تعهد" not in s.quote


def test_the_main_clause_after_a_relative_clause_with_a_cue_has_its_own_words():
    # snn-2015-07-22-0030 (cut after the first clause of ظريف's words)
    sts = extract_statements("t", "وردا على بعض المتشددين في مجلس الشورى الذين قالوا إنه تم تقديم الكثير "
                             "من التنازلات في المفاوضات، أوضح ظريف أمس أن المفاوضات الماراثونية لم "
                             "تكن لتحقق كل مطلب لدى إيران أو الغرب.")
    assert [s.quote for s in sts] == [
        "تم تقديم الكثير من التنازلات في المفاوضات",
        "المفاوضات الماراثونية لم تكن لتحقق كل مطلب لدى إيران أو الغرب",
    ]
    assert sts[1].speaker == "ظريف"


def test_a_pluperfect_subject_with_an_apposition_between_commas():
    # snn-2015-07-31-0349 (cut after the first clause of the words)
    s = one("وكان تشارلز هوبر، الدبلوماسي العسكري رفيع المستوى بالسفارة الأميركية في القاهرة، قد أشار "
            "في بيان له، حصلت «الشرق الأوسط» على نسخة منه، إلى أن طائرات «إف 16» توفر قدرة ذات قيمة.")
    assert s.speaker == "تشارلز هوبر"
    assert s.role == "الدبلوماسي العسكري رفيع المستوى بالسفارة الأميركية في القاهرة"
    assert s.quote == "طائرات «إف 16» توفر قدرة ذات قيمة"


def test_a_surname_like_fa_al_right_after_the_verb_and_a_stance_verb_before_the_full_name():
    # snn-2015-07-25-0193 (the first sentence and the first quote, joined)
    text = ("لمح جيروم فالكه بشدة، أمس، إلى أنه سيترك منصبه كأمين عام للاتحاد الدولي لكرة القدم "
            "(الفيفا) عندما يأتي رئيس جديد بدلا من جوزيف بلاتر العام المقبل. وقال فالكه في مؤتمر "
            "صحافي في روسيا قبل قرعة التصفيات المؤهلة لكأس العالم 2018 اليوم: «إذا كنت أنا الرئيس "
            "التالي لـ(الفيفا)، سأختار أمينا عاما جديدا».")
    s = one(text, "قال")
    assert s.speaker == "فالكه" and s.speaker_canonical == "جيروم فالكه"


@pytest.mark.parametrize("text, cue, speaker", [
    # snn-2015-08-10-0325 (cut after the first quote): «علي» the name, not the preposition على
    ('وقال علي الأحمدي الناطق باسم المقاومة، في بلاغ صحافي تلقت "الاقتصادية" نسخة منه "إنه تم دحر '
     'الميليشيات المعتدية من زنجبار عاصمة محافظة أبين".', "قال", "علي الأحمدي"),
    # snn-2015-08-09-0161: a foreign surname in لا… is no dative
    ("ونفى رئيس البرلمان الإيراني علي لاريجاني ما قاله المعهد أيضا. ونقلت وكالة فارس للأنباء أمس "
     "السبت عن لاريجاني قوله: «هذا نزاع مصطنع لتشتيت انتباه العالم».", "قوله", "علي لاريجاني"),
])
def test_names_that_look_like_prepositions(text: str, cue: str, speaker: str):
    assert one(text, cue).speaker_canonical == speaker


def test_a_subject_after_a_parenthesised_addressee_is_the_referent_of_what_follows():
    # snn-2015-08-06-2748 (two adjacent paragraphs, the second cut after its first quote)
    text = ("إلى ذلك كشف لـ(عكاظ) رئيس المنظمة العربية للسياحة الدكتور بندر آل فهيد عن وجود رؤية عربية "
            "سياحية للمحافظة على أمن السائح والمنشآت السياحية.\n وقال في حديثه لـ(عكاظ) : «شاهدنا للأسف "
            "العمليات الإرهابية التي استهدفت المنشآت السياحية»")
    assert one(text, "قال").speaker_canonical == "بندر آل فهيد"


def test_a_demonstrative_inside_a_title_after_a_postposed_marker():
    # snn-2015-07-26-0103
    s = one("وفي عملية اخرى، حاولت المقاومة الشعبية تطويق متمردين في شمال عدن من الغرب، حسبما اعلن قائد "
            "هذه القوات اللواء فضل حسن.")
    assert s.speaker == "فضل حسن" and s.role.startswith("قائد هذه القوات")
    assert s.quote.endswith("في شمال عدن من الغرب")


def test_the_eulogy_after_a_cue_stands_for_the_prophet_and_is_no_part_of_a_name():
    # snn-2015-08-07-0069 (one clause of the sermon's words, then the hadith)
    s = one("والذين هدفهم سفك الدماء وتدمير الممتلكات وإخافة الآمنين، قال صلى الله عليه وسلم : "
            "”يَخْرُجُ فِيكُمْ قَوْمٌ تَحْقِرُونَ صَلَاتَكُمْ مَعَ صَلَاتِهِمْ”", "قال")
    assert s.speaker == "صلى الله عليه وسلم"


def test_a_lam_noun_with_a_hamza_is_no_foreign_name():
    # snn-2015-08-04-0151 (two paragraphs of the article, joined; the first cut after its subject)
    text = ("من جانب آخر، كشف الدكتور سعد القرني، الأمين العام للهيئة العالمية لأطباء عبر القارات التابعة "
            "لرابطة العالم الإسلامي، عن مغادرة طبيبين سعوديين متطوعين إلى اليمن.\n"
            "وعن العدد الأولي التقريبي للرحلات التي ستسير إلى تلك المحافظتين، قال الأمين العام للهيئة "
            "العالمية لأطباء عبر القارات، إنه «سيجري تسيير إرسال ما بين 8 و11 طبيبًا للرحلات».")
    s = one(text, "قال")
    assert s.speaker.startswith("الأمين العام للهيئة العالمية")  # not the name «لأطباء»


def test_unmarked_words_that_open_like_a_speakers_own_sentence():
    # snn-2015-08-06-1166 (the sentence from «وقال قطان»)
    sts = extract_statements("t", "وقال قطان في لقاء موسع عقده أمس الثلاثاء بمقر السفارة السعودية بالقاهرة إن "
                             "ايران تسعى للسيطرة على الشرق الأوسط وأن النزعة الامبراطورية تسيطر على التوجه "
                             "السياسي الإيراني، وقال لن نسمح لإيران بالعبث بعروبتنا.")
    assert sts[-1].quote == "لن نسمح لإيران بالعبث بعروبتنا" and sts[-1].speaker_canonical == "قطان"
    assert sts[-1].kind == "indirect"  # no quotation marks and no colon (the conventions)


def test_a_straight_quote_that_is_never_closed_does_not_swallow_the_next_quotation():
    # snn-2015-07-23-0231 (three sentences; the first quotation mark is never closed)
    text = ('وقال "يشكل هذا عاملا إيجابيا ومحفزا للاقتصاد الوطني نتيجة ارتباط الديزل بالعمليات التشغيلية. '
            'وتمثل تكلفة البنزين ما يراوح بين 3 و4 في المائة فقط من دخل الفرد في الإمارات بحسب الوزير. '
            'وقال "هذه نسبة معتدلة ومقبولة مقارنة بالنسب العالمية، لذلك من غير المتوقع أن يكون لتحرير '
            'أسعار الجازولين تأثير ملحوظ على التكاليف المعيشية للفرد بشكل عام".')
    s = [s for s in extract_statements("t", text) if s.quote.startswith("هذه نسبة")]
    assert len(s) == 1 and s[0].kind == "direct" and s[0].quote.endswith("للفرد بشكل عام")


@pytest.mark.parametrize("text, cue, speaker", [
    # snn-2015-07-24-1733: «قبيل» opens an adverbial, not a name after the title
    ("وصرح الرئيس الكيني قبيل الزيارة “لا حاجة لأقول لكم إلى أي حد ننتظر هذا اليوم بفارغ الصبر ونأمل أن "
     "يكون استقبالنا له مميزا”.", "صرح", "الرئيس الكيني"),
    # snn-2015-08-04-1280 (cut after the first quotation): a لـ-genitive after a nationality
    # adjective goes on with the title; the name after the relative clause is not reached
    ('وقال وزير الدولة الكويتي لشؤون مجلس الوزراء الذي يترأس وفد بلاده في مفاوضات مع السعودية في شأن '
     'الخلاف حول الحقل المذكور الشيخ محمد المبارك الصباح في تصريحات لصحيفة "الحياة" أمس: "الخلافات '
     'الموجودة هي خلافات أسرة واحدة، وهي خلافات فنية لا سياسية".', "قال",
     "وزير الدولة الكويتي لشؤون مجلس الوزراء"),
    # snn-2015-08-03-0670 (cut after the first clause): the dual «وزيرا» is a title
    ("وتابع وزيرا الداخلية في بيانهما للعالم أن أزمة الهجرة الشاملة تتطلب رداً أوروبياً ودولياً.",
     "تابع", "وزيرا الداخلية"),
])
def test_title_words_that_end_or_go_on(text: str, cue: str, speaker: str):
    assert one(text, cue).speaker == speaker


def test_bikull_opens_a_manner_adverbial_never_a_speaker():
    # snn-2015-08-06-0370
    text = ("جاء ذلك ضمن بيان أصدره الدكتور عبد الله بن عبد المحسن التركي، الأمين العام لرابطة العالم "
            "الإسلامي، أوضح خلاله أن الرابطة «تابعت بأسى التصريحات التي صدرت عن نائب الرئيس العراقي نوري "
            "المالكي ضد المملكة العربية السعودية، واتهامه لها بتغذية الإرهاب والتطرف، والتي عبرت بكل وضوح "
            "عن الحقد الطائفي لدى المالكي، والذي يعبر بلسان المدّ الصفوي المعروف بإشعال الفتنة في أرجاء "
            "وطننا العربي والإسلامي».")
    assert "بكل وضوح" not in [s.speaker for s in extract_statements("t", text)]


def test_fuller_name_skips_a_verbal_noun_glued_before_the_surname():
    # snn-2015-07-31-0363 (three sentences, the last cut)
    s = one("وجاء ذلك على صفحة وزير الدولة الإماراتي للشؤون الخارجية أنور قرقاش أمس على موقع "
            "«تويتر». وبعد أن طالبت موغيريني، التي زارت طهران أول من أمس لـ«إطار عمل تعاون إقليمي "
            "بين الدول العربية وإيران، حرص قرقاش على الرد عليها مباشرة وتذكيرها بسياسات طهران. "
            "وقال قرقاش في تغريدته إن «إطار العمل للتعاون الإقليمي "
            "الذي تطرحه يجب أن يأتي من فهم واضح لسياسات إيران».", cue="قال")
    assert s.speaker == "قرقاش" and s.speaker_canonical == "أنور قرقاش"


@pytest.mark.parametrize(
    ("text", "speaker", "start"),
    [
        # snn-2015-08-06-1479 (cut at a comma): a stance masdar with a pronoun ends the speaker
        # and, after أكد, carries the words
        ("كما أكد الجانبان رفضهما القاطع لمحاولات تدخل إيران في الشؤون الداخلية للدول العربية "
         "والهادفة إلى زعزعة الأمن والاستقرار فيها.", "الجانبان", "رفضهما القاطع"),
        # snn-2015-08-11-1118: a complementizer with a dual pronoun ends the speaker
        ("وقال الجبير ولافروف إنهما ناقشا التقريب بين جماعات المعارضة المختلفة لتحسين فرصها في "
         "مواجهة تنظيم داعش وتعزيز التنسيق في المحادثات الدولية بشأن حل الصراع.", "الجبير ولافروف",
         "ناقشا التقريب"),
    ],
)
def test_the_speaker_phrase_ends_where_the_words_begin(text: str, speaker: str, start: str):
    s = one(text)
    assert s.speaker == speaker and s.quote.startswith(start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # snn-2015-07-31-0363: «مقال رأي» is an opinion piece, رأي a noun after a noun
        ("ورد قرقاش مباشرة على مقال رأي كتبته مسؤولة السياسة الخارجية للاتحاد الأوروبي في صحيفة "
         "«الغارديان» البريطانية أمس بعنوان «الاتفاق النووي مع إيران كارثة بالنسبة لـ(داعش)».", []),
        # snn-2015-08-02-0201 (cut at the full stop): «كان رأي X أن» is X's opinion
        ("وفيما يتعلق بمعدلات الضرائب على القطاع الفاخر في لندن الذي يهم كبار المستثمرين العرب، "
         "فقد كان رأي الخبراء هو أن حدود 10 و12 في المائة تبدو باهظة.", [("الخبراء", "حدود 10")]),
    ],
)
def test_the_noun_rai_is_a_cue_only_as_someones_opinion(text: str, expected: list):
    sts = extract_statements("t", text)
    assert [(s.speaker, s.quote[: len(q)]) for s, (_, q) in zip(sts, expected)] == expected
    assert len(sts) == len(expected)


def test_the_subject_of_an_act_verb_outranks_a_newspaper_named_between():
    # snn-2015-07-21-0275 (three passages of one article; the quotation cut after its first sentence)
    s = one((
        "قبل شهرين، أعلنت ويندي شيرمان، وكيلة وزير الخارجية الأميركية للشؤون السياسية أنها "
        "ستتقاعد مباشرة بعد التوقيع على اتفاقية الأسلحة النووية الإيرانية.\n"
        "وفي أواخر العام الماضي، نشرت صحيفة «جيروزاليم بوست» الإسرائيلية تقريرا تحت عنوان: "
        "«اليهودية التي تقود المفاوضات مع إيران». ووضعتها في أعلى قائمة أهم اليهود خلال عام 2014.\n"
        "وفعلا، في بداية هذا العام، ذهبت شيرمان إلى مؤتمر يهودي في واشنطن، وقالت لهم: «أحس "
        "بالفخر لأني أنتمي إلى الجالية اليهودية - الأميركية»."), cue="قالت")
    assert s.speaker_canonical == "ويندي شيرمان"


def test_nested_statement_of_a_titled_name_after_anna_with_the_relay_as_via():
    # snn-2015-08-09-0568 (the first sentence of the article and a later one, cut)
    inner = one((
        "أكد الرئيس المصري عبد الفتاح السيسي انفتاح مصر على إقامة علاقات متوازنة وراسخة مع جميع "
        "دول العالم.\nوقال السفير علاء يوسف إن الرئيس السيسي أعرب خلال اللقاء عن التطلع لإتمام "
        "زيارة الرئيس الصيني إلى مصر."), cue="أعرب")
    assert inner.speaker == "السيسي" and inner.speaker_canonical == "عبد الفتاح السيسي"
    assert inner.via == ["علاء يوسف"] and inner.quote.startswith("التطلع لإتمام")


def test_a_known_name_before_the_verb_that_governs_bilqawl():
    # snn-2015-07-22-1739 (the article's first sentence, then two later ones)
    sts = extract_statements("t", (
        "دافع وزير الخارجية الإيراني محمد جواد ظريف أمام نواب برلمان بلاده أمس الثلاثاء عما "
        "وصفه باتفاق نووي «متوازن» مع القوى العالمية الكبرى. غير أن ظريف تذرع بالقول إن "
        "المفاوضات الماراثونية لم تكن لتلبي كل مطالب إيران أو الغرب. وقال في هذا الصدد «ينبغي "
        "ألا ننسى أن أي صفقة تقوم على مبدأ الأخذ والعطاء»."))
    got = [(s.cue, s.speaker, s.speaker_canonical) for s in sts if s.cue in ("بالقول", "قال")]
    assert got == [("بالقول", "ظريف", "محمد جواد ظريف"), ("قال", "ظريف", "محمد جواد ظريف")]


def test_a_plural_verb_with_no_plural_referent_takes_the_group_named_before():
    # snn-2015-08-10-0120 (the first sentence, cut after its statement)
    s = one("تحفّظ مسؤولون في الاتحادات الخليجية لكرة القدم، إضافة إلى اتحادي اليمن والعراق، على تجدد "
            "مساعي الاتحاد الكويتي من أجل إقامة بطولة (خليجي 23) في شهر ديسمبر (كانون الأول) من العام "
            "الحالي 2015، واعتبروا أن هذه المساعي تحتاج إلى أفعال وليس أقوالا وعواطف.")
    assert s.cue == "اعتبروا" and s.speaker_canonical == "مسؤولون في الاتحادات الخليجية"


def test_a_dual_verb_does_not_take_a_plural_group():
    # snn-2015-08-06-2983 (the first two sentences, the second cut)
    s = one((
        "دعا خبيران عقاريان وزارة الإسكان لهيكلة كوادرها ومراعاة الفوارق البيئية بين المناطق في "
        "مشاريعها المزمع إنشاؤها حتى تأتي ملبية لتوقعات المواطنين.\nوقالا لـ «عكاظ»، إن وزارة "
        "الإسكان تنقصها الرؤية الواضحة والسريعة لحل مشكلة الإسكان."), cue="قالا")
    assert s.speaker_canonical != "المواطنين"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # snn-2015-08-07-1330 (cut at a comma): the subject after «لـ«عكاظ»», then «، أن»
        ("أكد لـ«عكاظ» وزير التعليم الدكتور عزام الدخيل، أن الدراسة في المدارس الحدودية بجازان في "
         "موعدها المحدد.", "عزام الدخيل"),
        # snn-2015-08-06-0273: after the addressee, its adjective is no subject (the speaker is
        # the pronoun's referent, not «الإيراني»)
        ("وقال لـ«مركز مناصري حقوق الإنسان» الإيراني، إنه يعتقد أن «الدافع وراء توجيه الاتهام، "
         "معارضة أختي (نرجس محمدي) لإعدام عدد من أهل السنة».", ""),
    ],
)
def test_subject_after_a_named_addressee_then_a_comma_and_the_words(text: str, speaker: str):
    s = one(text)
    assert s.speaker_canonical == speaker and s.quote.startswith(("الدراسة", "يعتقد"))


def test_a_document_speaks_for_the_latest_body_not_the_latest_person():
    # snn-2015-07-23-0239 (sentences 1, 10 and 11 of the article, the middle one cut at its comma)
    s = one((
        "اختتم صندوق أوبك للتنمية \"أوفيد\" اجتماعه الوزاري السنوي في دورته الـ 36 أمس بعقد لقاء "
        "مجلس محافظي الصندوق لمناقشة برامج عمل \"أوفيد\" في السنوات المقبلة . وأشار الحربش في "
        "التقرير السنوي عن عام 2014 الى أن \"أوفيد\" حقق رقما قياسيا في أعماله ونشاطاته. "
        "وأوضح التقرير أن \"أوفيد\" تركز على مشاريع الماء والغذاء والطاقة."), cue="أوضح")
    assert s.speaker_canonical == "صندوق أوبك للتنمية \"أوفيد\""


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # snn-2015-07-21-0113 (two consecutive sentences, both cut): a title before the name
        ("كما أعرب وزير الخارجية الألماني عن أمله في أن يستخدم الاتفاق النووي الإيراني مثالا "
         "لإمكانية نزع فتيل الأزمة السورية. أما وزير الخارجية البريطاني فيليب هاموند فقال إن "
         "وزراء الكتلة الأوروبية يركزون على كيفية تنفيذ الاتفاق النووي.", "فيليب هاموند"),
        # snn-2015-07-22-0035 (the quotation cut)
        ("أما النائب مروان حمادة، فعبر عن أسفه لأن «المناطق والوحدات الإدارية تتقاذف قضية "
         "النفايات».", "مروان حمادة"),
    ],
)
def test_amma_topic_with_a_title_before_the_name(text: str, speaker: str):
    assert extract_statements("t", text)[-1].speaker_canonical == speaker


def test_wali_governor_is_a_title_not_wa_plus_al():
    # snn-2015-08-10-0169 (the sentence cut at its comma)
    s = one("وقال والي أرزينجان، سليمان قهرمان، للأناضول: «نعتقد أن التفجير الذي استهدف القطار "
            "إرهابي».")
    assert s.speaker_canonical == "سليمان قهرمان"


def test_dhawu_relatives_are_a_plural_referent():
    # snn-2015-08-11-0714 (the first sentence cut at a comma)
    sts = extract_statements("t", (
        "من جهتهم أعرب ذوو الشهداء عن شكرهم وتقديرهم لخادم الحرمين الشريفين. \n \nوقالوا: «إن "
        "أرواح أبنائهم جميعاً يقدمونها فداء للدين والوطن»."))
    assert [(s.cue, s.speaker_canonical) for s in sts] == [("أعرب", "ذوو الشهداء"), ("قالوا", "ذوو الشهداء")]


def test_directive_cue_with_an_attached_object_pronoun():
    # snn-2015-07-21-0038
    s = one("واعتبرت البحرين ما صدر عن خامنئي تدخلاً فجًا وسافرًا في الشأن البحريني وتعديًا واضحًا على "
            "سيادة واستقلال مملكة البحرين وطالبته بالكف عن مثل هذه التصريحات والالتزام بمبادئ حسن "
            "الجوار.", cue="طالبته")
    assert s.speaker_canonical == "البحرين" and "الكف عن مثل هذه التصريحات" in s.quote


def test_a_noun_that_normalises_like_a_verb_with_an_object_is_no_cue():
    # snn-2015-07-21-0274 (cut at the comma): «ودعاة» "and advocates of" is written like «ودعاه»
    # "and he called him"
    sts = extract_statements("t", (
        "ويبدو الخبراء وصناع القرار الاقتصادي والسياسي والأمني الدولي اليوم مجددا مقسمين بين "
        "أنصار الاحتكام إلى صناديق الاقتراع والرأي العام في الدول العربية ودعاة إعطاء الأولوية "
        "مرة أخرى للحلول الأمنية والعسكرية بحجة «الاستثناء الثقافي والديني والاستثناء الاقتصادي "
        "والاستراتيجي»."))
    assert sts == []


@pytest.mark.parametrize(
    ("text", "cue", "end"),
    [
        # snn-2015-08-03-0166: a main-clause «اعتبر X أن» after a comma ends the words of «بعدما حذر»
        ("وبعدما حذر من أن ما وصفه بالتآمر على الجيش الليبي من أي كان لن يجدي نفعًا، اعتبر حفتر أن "
         "الإرهابيين والميليشيات غير المنضبطة لن تقوم لها قائمة مرة أخرى في البلاد.", "حذر", "نفعًا"),
        # snn-2015-08-11-0714 (cut): «، معبرين عن» is a participle clause that ends the span
        ("وأكد المصابون أن هذه الإصابات لن تثنيهم عن مواصلة مشاركة زملائهم في الذود عن الوطن وأهله، "
         "معبرين عن شكرهم لخادم الحرمين الشريفين.", "أكد", "وأهله"),
    ],
)
def test_span_ends_at_a_main_clause_cue_or_a_participle_after_a_comma(text: str, cue: str, end: str):
    assert one(text, cue=cue).quote.endswith(end)


def test_direct_quote_after_a_colon_ends_before_the_narrators_relative_clause():
    # snn-2015-08-10-0169
    s = one("وقال دمرطاش في تصريح صحافي أدلى به في مدينة فان شرق تركيا: «أوجه نداء إلى الفريقين، على "
            "حزب العمال الكردستاني إعلان التزامه بوقف إطلاق النار» الذي تم التوصل إليه قبل ثلاث سنوات "
            "مع الحكومة التركية، إلا أنه انهار تماما إثر أعمال العنف الأخيرة.")
    assert s.kind == "direct" and s.quote.endswith("بوقف إطلاق النار")


def test_an_accusation_with_one_noun_phrase_before_bi_has_it_as_object():
    # snn-2015-08-07-0100 (cut at the comma)
    s = one("وفجّر محامي الضحايا عبد المحسن القطان مفاجأة بالكشف عن أن جريمة التفجير حدثت من أجل الضغط "
            "على السلطات الأمنية. واتهم السلطات بالتقصير في الاستجابة للتهديدات الموجهة لأمن البلاد.",
            cue="اتهم")
    assert s.quote.startswith("السلطات بالتقصير") and s.speaker_canonical != "السلطات"


def test_a_titled_name_after_a_verb_the_rules_do_not_know_is_its_subject():
    # snn-2015-08-10-0074 (two consecutive sentences, the quotation cut)
    sts = extract_statements("t", (
        "من ناحية اخرى قال عضو المجلس ماجد محمد عميش اننا نستنكر بكل العبارات هذا العمل الإجرامي "
        "الشنيع.\n ورفع عضو المجلس زايد الأسمري التعازي لقيادة هذا البلد قائلاً : نؤكد وقوفنا صفاً "
        "واحداً."))
    assert [(s.cue, s.speaker_canonical) for s in sts][-1] == ("قائلاً", "زايد الأسمري")


def test_the_issuer_after_sadir_an_is_the_body_a_later_document_speaks_for():
    # snn-2015-07-27-0128 (an earlier sentence cut, then two consecutive ones, both cut): not
    # «أنقرة», the body named before
    sts = extract_statements("t", (
        "وواصلت أنقرة حملتها الأمنية على عناصر التنظيمين داخل تركيا. "
        "وأفاد بيان صادر عن ولاية غازي عنتاب بأن فرق إدارة مكافحة الإرهاب التابعة لمديرية أمن الولاية "
        "«شنت تلك الحملات بشكل متزامن على 36 عنوانًا». وأوضح البيان أن 262 عنصر أمن شاركوا في تلك "
        "العمليات."))
    assert [(s.cue, s.speaker_canonical) for s in sts] == [
        ("أفاد", "ولاية غازي عنتاب"), ("أوضح", "ولاية غازي عنتاب")]


@pytest.mark.parametrize(("text", "cue", "speaker", "start"), [
    # snn-2015-08-06-0494 (the sentence, cut at the comma)
    ("من جهته، ندد الامين العام لجامعة الدول العربية نبيل العربي الثلاثاء بالقصف التركي في شمال "
     "العراق وطالب انقرة باحترام سيادة العراق، وهو ما اعتبرته تركيا \"غير مقبول\".",
     "طالب", "نبيل العربي", "انقرة باحترام"),
    # snn-2015-07-31-0401 (two sentences, the first cut)
    ("وقد أعربت أنقرة مرارا عن قلقها إزاء المعاملة التي تتلقاها هذه الأقلية بأيدي السلطات. وكان "
     "إردوغان اتهم بكين في العام 2009 بارتكاب «ما يشبه الإبادة» في الإقليم.",
     "اتهم", "إردوغان", "بكين في العام 2009"),
])
def test_a_feminine_body_after_a_masculine_verb_is_its_object(text: str, cue: str, speaker: str, start: str):
    s = one(text, cue=cue)
    assert s.speaker_canonical.endswith(speaker) and s.quote.startswith(start)


@pytest.mark.parametrize("text", [
    # snn-2015-07-22-0089 (cut at the comma): رغم + a masdar, not a verb
    "ورغم نفي السلطات وجود شح في الوقود، لكن وزير النفط اعترف أمام البرلمان.",
    # snn-2015-08-04-0113 (cut): no verb follows a preposition
    "لكن دول الخليج ركزت على أهمية أن يواكب هذا الاتفاق العمل على حثّ طهران على عدم التدخل في الشأن "
    "الداخلي لدول المجلس.",
])
def test_a_cue_form_after_a_preposition_or_ragm_is_a_verbal_noun(text: str):
    assert extract_statements("t", text) == []


def test_ithr_and_athna_end_a_name():
    # snn-2015-07-24-1446 (the quotation cut)
    s = one('وأعلن وزير الاعلام رمزي جريج اثر انتهاء جلسة مجلس الوزراء، ان رئيس الحكومة تمام سلام '
            '"يقدم اعتذاره من الشعب اللبناني".')
    assert s.speaker == "رمزي جريج"


def test_a_plural_cue_does_not_continue_with_a_titled_person():
    # snn-2015-07-21-0104 (two consecutive sentences, the second cut)
    sts = extract_statements("t", (
        "ووافق وزير الدفاع آشتون كارتر، مساء أول من أمس، على إجراءات أمنية «لتعزيز حماية» المنشآت "
        "العسكرية.\nوأصيب أصدقاء عبد العزيز بصدمة مما حدث، وقالوا إنه كان يسكن على بعد 241 كيلومترًا "
        "من موقع الحادث."))
    said = [s for s in sts if s.cue == "قالوا"]
    assert len(said) == 1 and said[0].speaker_canonical != "آشتون كارتر"


def test_a_speech_noun_with_lam_names_the_speaker_of_the_cue_after_it():
    # snn-2015-07-26-0139 (the first sentence shortened, the quotations cut): «وفي تعليق لـX
    # الذي … قال:», and the continuation goes on with X
    sts = extract_statements("t", (
        "ودفعت تقديرات القطاع العقاري السعودي إلى تسجيل هذا الرقم القياسي.\n"
        "وفي تعليق لناصر الطوالة الذي يمتلك شركة متخصصة في العقار قال: «إنه وللأسف لا توجد حلول». "
        "وأضاف: «إن نسبة الأراضي البيضاء كبيرة»."))
    assert [(s.cue, s.speaker_canonical) for s in sts] == [("قال", "ناصر الطوالة"), ("أضاف", "ناصر الطوالة")]


@pytest.mark.parametrize(("text", "speaker", "role_start"), [
    # snn-2015-07-21-2482 (the statement cut)
    ("وأشار الباحث الأكاديمي في الانحراف الفكري وعضو لجنة إصلاح ذات البين في إمارة منطقة مكة المكرمة "
     "الدكتور عبدالمحسن السلمي، إلى أن التناغم والتكامل بين المؤسسات الشرعية وولاة الأمر يساهم في "
     "بناء دولة قوية.", "عبدالمحسن السلمي", "الباحث الأكاديمي"),
    # snn-2015-07-22-0912 (the statement cut): a military rank before the name
    ("أكد المتحدث الأمني لوزارة الداخلية اللواء منصور التركي, أن الجهات الأمنية تواصل التحقيقات.",
     "منصور التركي", "المتحدث الأمني"),
    # snn-2015-08-11-1455 (the statement cut)
    ("قال وزير الري والموارد المائية المصري الدكتور حسام مغازي: إن وزارته تعتزم توقيع عدد من "
     "البرتوكولات.", "حسام مغازي", "وزير الري"),
])
def test_a_long_title_runs_on_to_an_honorific_and_the_name_that_speaks(text: str, speaker: str, role_start: str):
    s = one(text)
    assert s.speaker == speaker and s.role.startswith(role_start)


def test_kana_title_and_a_name_set_off_by_commas_or_marks_before_the_verb():
    # snn-2015-07-21-2242 (three sentences, cut)
    sts = extract_statements("t", (
        'وقال رئيس الوزراء أحمد داود أوغلو إن المفاوضات مستمرة. وكان الرئيس التركي، رجب طيب أردوغان، '
        'قال الجمعة في تصريح صحفي، "في حال فشل جميع المحاولات الرامية لتشكيل حكومة ائتلافية، فسيتم '
        'الرجوع لرأي الإرادة الوطنية". وكان زعيم حزب "الحركة القومية" التركي، "دولت باهجة لي" قال: '
        '"نفضل التوجه إلى انتخابات مبكرة".'))
    assert [s.speaker_canonical for s in sts] == ["أحمد داود أوغلو", "رجب طيب أردوغان", "دولت باهجة لي"]


def test_a_body_before_a_relative_that_agrees_with_the_verb_speaks_without_a_comma():
    # snn-2015-07-24-1354 (two sentences, the second cut)
    sts = extract_statements("t", (
        "وأمس اعلنت الشرطة التركية عن اعتقال ثلاثة اشخاص يشتبه في مشاركتهم في قتل الشرطيين. واعتقل "
        "الثلاثة في شانلي أورفة القريبة من سوروتش، وفق صحيفة حرييت التي قالت انه تم العثور على "
        "مستندات في منزلهم."))
    assert [(s.cue, s.speaker) for s in sts] == [("قالت", "صحيفة حرييت")]


@pytest.mark.parametrize("text", [
    # snn-2015-07-26-0125 (the quotation cut): not a view of «خطوة أخرى» ending at the أنّ after
    # the next comma
    "وقالت سيسليا مالمستروم، مفوضة شؤون التجارة، إن «هذا القرار يعني الموافقة على مقترح المفوضية، "
    "مما يعتبر خطوة أخرى على طريق الالتزام بتحسين الشفافية، حيث يمكن للناس أن يروا بسهولة كيف أن "
    "الاتحاد الأوروبي يحمي الخدمات العامة».",
    # snn-2015-07-26-0361 (the sentence)
    "وتعتبر وكالات التصنيف الائتماني من أهم مكونات البنية التحتية للسوق المالية، والتي من الضروري أن "
    "تكون مستقرة لجملة عوامل.",
])
def test_a_present_itabar_before_an_indefinite_noun_and_no_words_is_is_considered(text: str):
    assert [s.cue for s in extract_statements("t", text) if s.cue in ("تعتبر", "يعتبر")] == []


def test_hasb_ma_is_hasabama_in_two_words():
    # snn-2015-07-24-1354 (the article's first sentence)
    s = one("قتل شرطي وأصيب آخر بالرصاص أمس في هجوم وقع في شارع في أحد أحياء دياربكر كبرى مدن جنوب "
            "شرق تركيا، حسب ما أفاد مصدر طبي.")
    assert s.speaker == "مصدر طبي" and s.quote.startswith("قتل شرطي") and s.quote.endswith("جنوب شرق تركيا")


def test_a_postposed_source_after_a_clause_that_is_already_a_statement_relays_it():
    # snn-2015-08-11-0190 (the first sentence, cut): one statement, not a second over the same words
    sts = extract_statements("t", (
        "قال وزير الخارجية السعودي عادل الجبير اليوم (الثلاثاء) إن موقف السعودية من الصراع الدائر في "
        "سوريا لم يتغير، بحسب ما ذكرت وكالة الأنباء السعودية."))
    assert [(s.cue, s.speaker, s.via) for s in sts] == [("قال", "عادل الجبير", ["وكالة الأنباء السعودية"])]


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # snn-2015-08-02-0699 (the statement before it cut short, the sentence cut): after كان … قد
    # a title and the place it serves, with no name
    ("وأكد كفاح محمود المستشار الاعلامي في رئاسة الاقليم «نحن نطالب من حزب العمال بإخراج قواعده». "
     "وكان مسؤول في اقليم كردستان العراقي قد طالب تركيا بوقف غاراتها الجوية.",
     "طالب", "مسؤول في اقليم كردستان العراقي"),
    # snn-2015-08-08-0105 (cut: the sentence, and the one before it): a new titled name after a
    # verb the rules do not know, ended by a preposition, is who a bare cue continues with
    ("وقال الوسيط الإثيوبي سيوم مسفن إن الوثيقة جاهزة للتوقيع.\n"
     "وشن رئيس وفد المعارضة المسلحة تعبان دينق قاي في الجلسة الافتتاحية للمحادثات هجومًا عنيفًا "
     "على حكومة جنوب السودان، وقال إن حكومة سلفا كير ما زالت تعمل على استمرار معاناة الشعب.",
     "قال", "تعبان دينق قاي"),
    # snn-2015-08-03-0153 (an earlier sentence cut, then the sentence, cut): the verb after قد
    # is no cue, yet its subject, not the office named before, speaks next
    ("وقد أعلن ديوان الرئاسة الإسرائيلية عن تقديم شكوى إلى الشرطة الإسرائيلية، يطلب فيها التحقيق "
     "مع المتطرفين الذين هددوا الرئيس رؤوبين رفلين.\n"
     "وكان رفلين قد شارك في واحدة من المظاهرات الكثيرة التي اجتاحت إسرائيل، الليلة قبل الماضية، "
     "ضد الجريمتين، وقال: «من غير الممكن إخماد نيران الكراهية من خلال وقفة تضامنية».",
     "قال", "رؤوبين رفلين"),
    # snn-2015-08-01-1213 (two sentences, the second cut): a title phrase right before its verb
    # after أنّ; a non-human plural takes a feminine verb, so «مصادر عدة أكدت» agrees
    ("وأفاد الكابتن إبراهيم الكشي بأن كامل صلاحية التحقيق في الحادثة من مسؤوليات مكتب تحقيقات "
     "حوادث الطيران البريطاني. يُشار إلى أن مصادر عدة أكدت أن الطائرة تملكها أسرة سعودية.",
     "أكدت", "مصادر عدة"),
])
def test_who_the_last_cue_of_a_passage_resolves_to(text: str, cue: str, speaker: str):
    sts = extract_statements("t", text)
    assert [(s.cue, s.speaker_canonical) for s in sts][-1] == (cue, speaker)


@pytest.mark.parametrize(("text", "last_words"), [
    # snn-2015-08-06-0244 (the paragraph, its question cut): after a colon, a و-sentence in
    # the first person goes on quoting, and so does one between two such sentences
    ("قال الوزير: نحن أوضحنا أننا سنقف إلى جوار شركائنا الخليجيين في مواجهة التدخل الإيراني في "
     "شؤونهم الداخلية وحماية سيادة أراضي (الدول الخليجية). والقاعدة البحرية في البحرين نموذج على "
     "ذلك. ونحن نتحدث مع شركاء في الخليج حول إمكانية أن نقوم بمزيد من عمليات نشر قوات برية للقيام "
     "بتدريب القوات الخليجية، ولدينا قدرات جوية نتوقع أن تكون أكثر دواما مستقبلا.",
     "أكثر دواما مستقبلا"),
    # snn-2015-08-08-0938: a و-sentence in the third person is the narrator's
    ("وأضاف: الرئيس السيسي قال بصراحة إن البلدين يمكنهما تحقيق نهضة اقتصادية كبرى، إذا استغلا ما "
     "يملكانه من إمكانات كبيرة، وإن قيادة البلدين وضعت أيديها في أيدي بعضها البعض، لإنزال "
     "الاتفاقات حقيقة على أرض الواقع. وطالبا رجال الأعمال في البلدين بتعزيز هذا التوجه فورا.",
     "على أرض الواقع"),
])
def test_unmarked_direct_speech_after_a_colon_runs_on_in_the_first_person(text: str, last_words: str):
    s = extract_statements("t", text)[0]
    assert s.quote.endswith(last_words)


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # snn-2015-08-06-0244 (the lead and the first answer, both cut): a title alone stands for
    # the person a lead outside any statement named with it; a given name may open with ف
    ("أجرت صحيفة «الشرق الأوسط» يوم أمس (الثلاثاء) حوارا مع وزير الخارجية البريطاني فيليب "
     "هاموند يعد الأول مع صحيفة عربية منذ توليه هذا المنصب. قال وزير الخارجية البريطاني: إنها "
     "خطوة مهمة، خصوصا على ضوء الاتفاق الذي أبرمناه مع إيران.",
     "قال", "فيليب هاموند"),
    # snn-2015-08-08-1202 (the first sentence, one from the middle and one from the end, all
    # cut): the man introduced with exactly that title, not the one whose title goes on with
    # another state
    ("أوضحت مصادر روسية أن وزير الخارجية عادل الجبير سيزور العاصمة الروسية موسكو منتصف الأسبوع "
     "الحالي. بحث الوزير الجبير أمس مع وزير الخارجية الإيطالي باولو جينتيلوني في العاصمة الإيطالية "
     "روما القضية الفلسطينية. وأوضح وزير الخارجية أنه كان هناك تطابق في الآراء فيما يتعلق بكل هذه "
     "القضايا.",
     "أوضح", "عادل الجبير"),
])
def test_a_title_alone_stands_for_the_person_the_text_named_with_it(text: str, cue: str, speaker: str):
    sts = [s for s in extract_statements("t", text) if s.cue == cue]
    assert sts[-1].speaker_canonical == speaker


def test_ghadat_is_a_time_word_not_part_of_the_name():
    # snn-2015-08-07-1213 (the first two sentences, the first cut)
    sts = extract_statements("t", (
        "أفاد وزير الخارجية الأمريكي جون كيري الخميس أنه توصّل إلى اتفاق مع نظيره الروسي سيرجي "
        "لافروف.\nوقال كيري غداة لقاء مع لافروف في ماليزيا: «بحثنا كذلك في قرار الأمم المتحدة "
        "واعتقد أننا توصلنا إلى اتفاق»."))
    assert [(s.speaker, s.speaker_canonical) for s in sts][-1] == ("كيري", "جون كيري")


def test_a_foreign_name_in_ma_is_no_participle_and_what_one_can_say_is_no_cue():
    # snn-2015-08-07-1213 (two sentences): «ماريا» is a given name, not an accusative
    # participle like مخاطبا; «ما يمكنني قوله» is "what I can say", no second statement
    sts = extract_statements("t", (
        "وأكّدت متحدثة باسم وزارة الخارجية الروسية أنه تمت مناقشة المسألة.\nوأضافت ماريا "
        "زاخاروفا: «كل ما يمكنني قوله هو أن اتفاقا مثل هذا لا يمكن أن يتم إلا من خلال مجلس "
        "الأمن الدولي»."))
    assert [(s.cue, s.speaker) for s in sts] == [
        ("أكّدت", "متحدثة باسم وزارة الخارجية الروسية"), ("أضافت", "ماريا زاخاروفا")]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    # snn-2015-07-23-0910 (cut): a name set off by a comma after the title, before إن
    ("في هذا الصدد يقول المتحدث باسم المجلس الإسلامي في لبنان، الشيخ محمد الحسيني إن إيران "
     "تستخدم الشيعة في لبنان، وسورية والعراق واليمن أدوات وجسورا.",
     "محمد الحسيني", "المتحدث باسم المجلس الإسلامي في لبنان"),
    # snn-2015-07-21-0143 (cut): «العام» goes on the title; the name set off by two commas,
    # then whom he told
    ("وأوضح رئيس لجنة التشريع العام، عبادة الكافي، لوكالة الأنباء الألمانية (د.ب.أ)، أن أعضاء "
     "اللجنة توصلوا إلى اتفاق ينص على تجريم التكفير.",
     "عبادة الكافي", "رئيس لجنة التشريع العام"),
    # snn-2015-08-09-0985 (cut): a place set off by a comma is no name
    ("من جانب آخر، قال مصدر طبي بمحافظة الحديدة، غربي اليمن: إن 17 من المسلحين الحوثيين قتلوا "
     "في غارات لطائرات التحالف.",
     "مصدر طبي بمحافظة الحديدة", ""),
])
def test_a_name_set_off_by_a_comma_after_the_title_speaks(text: str, speaker: str, role: str):
    s = one(text)
    assert (s.speaker, s.role) == (speaker, role)


@pytest.mark.parametrize(("text", "cue", "speaker", "quote_start"), [
    # snn-2015-08-11-1454 (cut): «علمه» (his knowledge) is the object of نفى, not a name word
    ("وحول منح الصندوق القروض للمستثمرين الزراعيين الكبار في الخارج وللشركات الكبيرة المساهمة ذات "
     "الإدارات المالية والأصول الضخمة، على حساب المستثمرين الصغار، نفى الرويس علمه أن يكون الصندوق "
     "داعما للشركات الكبيرة، قائلا: إن النظام واضح.",
     "نفى", "الرويس", "علمه أن يكون"),
    # snn-2015-08-08-0727 (cut): «رحمه الله» is a blessing after the name
    ("قال الطيبي رحمه الله: من حاول قتل من خلقت الدنيا لأجله فقد حاول زوال الدنيا.",
     "قال", "الطيبي", "من حاول قتل"),
])
def test_a_noun_with_his_or_a_blessing_ends_the_name(text: str, cue: str, speaker: str, quote_start: str):
    s = one(text, cue)
    assert s.speaker == speaker and s.quote.startswith(quote_start)


def test_a_stance_masdar_after_a_title_is_the_object_not_a_name():
    # snn-2015-08-11-0671 (two sentences, both cut): أكد + honorific + آل-name + أهمية …
    sts = extract_statements("t", (
        "وأكد معالي آل الشيخ أهمية تضافر الجهود بين المختصين بالأمانات مع وكالة الوزارة للشؤون "
        "الفنية من أجل تطبيق منهجية وآليات إدارة المشاريع.\nوبين أن وكالة الوزارة للشؤون الفنية "
        "بالوزارة بإعداد وثيقة تمثل إطاراً عاماً لإنشاء وحدة إدارية جديدة."))
    assert [(s.cue, s.speaker, s.quote[:20]) for s in sts] == [
        ("أكد", "آل الشيخ", "أهمية تضافر الجهود ب"), ("بين", "آل الشيخ", "وكالة الوزارة للشؤون")]


def test_a_royal_name_inside_an_institution_name_is_part_of_the_title():
    # snn-2015-08-11-1454 (cut): «كرسي الملك عبدالله» is the chair, not King Abdullah speaking
    s = one("كشف لـ«عكاظ» مشرف كرسي الملك عبدالله للأمن الغذائي الأستاذ الدكتور خالد الرويس أن "
            "تأخير صندوق التنمية الزراعية في منح قروضه للمستثمرين الزراعيين في الخارج غير مبرر.")
    assert s.speaker == "خالد الرويس" and s.role.startswith("مشرف كرسي الملك عبدالله")


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # snn-2015-08-04-0614 (two sentences, the second cut): the lead's unnamed official is the
    # named spokesman who says the same news in the next sentence, role and all
    ("أعلن مسؤول عراقي الاثنين أن أكثر من 1500 مدرسة دمرت «جزئياً أو كلياً» في محافظة الأنبار، "
     "كبرى المحافظات العراقية.\nوقال عيد عماش المتحدث باسم مجلس محافظة الأنبار أن \"الأنبار تضررت "
     "بشدة، وأكثر من 1500 مدرسة دمرت جزئياً أو كلياً\" في هذه المحافظة الشاسعة.",
     "أعلن", "عيد عماش"),
    # snn-2015-07-24-1984 (two sentences, both cut): «طالبا عدم ذكر اسمه» is no name
    ("من جهة أخرى، أعلن مسؤول عسكري أمريكي أن تركيا سمحت للولايات المتحدة باستخدام العديد من "
     "القواعد الجوية التركية.\nوقال المسؤول طالبا عدم ذكر اسمه : «إن السماح باستخدام القواعد "
     "التركية مثل قاعدة انجرليك الجوية سيعزز الفعالية العملانية للتحالف العسكري».",
     "قال", "مسؤول عسكري أمريكي"),
])
def test_who_an_unnamed_official_turns_out_to_be(text: str, cue: str, speaker: str):
    s = one(text, cue)
    assert s.speaker_canonical == speaker


def test_an_organisation_runs_on_over_a_lam_genitive():
    # snn-2015-07-22-0029 (cut): «لحقوق الإنسان» is the body's name, not the start of the words
    s = one("قال المرصد السوري لحقوق الإنسان إن 18 شخصا قتلوا وأصيب 50 آخرون جراء سقوط صاروخ على "
            "حي المغاير الخاضع لسيطرة المعارضة جنوب مدينة حلب.")
    assert s.speaker == "المرصد السوري لحقوق الإنسان" and s.quote.startswith("18 شخصا")


def test_wa_wafqan_li_names_its_source_like_wafqan_li():
    # snn-2015-08-03-0989 (cut): the conjunction on «ووفقا» does not hide the لـ of the source
    s = one("ووفقا لجيش الاحتلال، فإن هذه المرة الـ 11 التي تُطلق فيها صواريخ من القطاع باتجاه إسرائيل.")
    assert s.speaker == "جيش الاحتلال" and s.quote.startswith("هذه المرة")


def test_a_plural_cue_continues_with_a_partitive_group():
    # snn-2015-08-04-0851 (two sentences, both cut): «عدد من …» takes a singular verb but is many
    sts = extract_statements("t", (
        " طالب عدد من أصحاب مكاتب حجاج الداخل وزارة الحج بالسماح لهم باستقبال طلبات الحج.\n"
        " وأشاروا إلى أنه لا فائدة من عملية تخصيص المواقع التي قامت بها الوزارة بصورة مبكرة."))
    assert [(s.cue, s.speaker_canonical) for s in sts][-1] == ("أشاروا", "عدد من أصحاب مكاتب حجاج الداخل")


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # snn-2015-08-04-0851 (cut): «أوضح ذلك لـ…» (said so), then a long title without an
    # honorific runs on over its definite and prepositional words to the name; a bare cue after
    # it continues with that name
    (" أوضح ذلك لـ\"الوطن\" عضو اللجنة الوطنية للحج والعمرة بالغرفة التجارية الصناعية بمكة "
     "المكرمة سعد القرشي، مشيرا إلى أن معاناتهم كبيرة والوقت يداهمهم، وقال: \"إن ذلك يسبب لنا "
     "إرباكا كبيرا وليس في مصلحة الجميع\".",
     "قال", "سعد القرشي"),
    # snn-2015-08-07-1330 (cut): the addressee before the subject, a title ending in a بـ-place
    ("وأكد لـ«عكاظ» مدير مكتب التربية والتعليم بالداير مفرح مسعود المالكي أن تعليق الدراسة قبل "
     "5 أشهر في مدارس الداير يعد أمرا نظاميا بهدف حماية الطلاب والمعلمين.",
     "أكد", "مفرح مسعود المالكي"),
    # snn-2015-07-31-0424 (cut): after the addressee a name, then its title with no comma up
    # to the words
    ("وأكد لـ«الشرق الأوسط» عبد العزيز الحميضي المدير العام لمؤسسة الحميضي للهيل والقهوة والبهارات "
     "أن هناك عوامل دفعت إلى زيادة التوجه للاستيراد.",
     "أكد", "عبد العزيز الحميضي"),
])
def test_a_long_title_after_an_addressee_runs_on_to_the_name(text: str, cue: str, speaker: str):
    s = one(text, cue)
    assert s.speaker_canonical == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # snn-2015-07-27-1362 (cut): «مدير عام» is "general manager", the construct goes on to
    # «فرع وزارة العمل» (a branch heads a body) and the name after its place
    ("وقال مدير عام فرع وزارة العمل بمنطقة مكة المكرمة عبدالله العليان: \"مفتشو فرع الوزارة "
     "بالمنطقة في جميع المكاتب نفذوا جولات ميدانية لرصد مثل هذه المخالفات\".",
     "عبدالله العليان"),
    # snn-2015-08-10-1263 (cut): the same after an addressee, the name after an honorific
    ("من جهته قال لـ«اليوم» مدير عام فرع وزارة الإسكان بالمنطقة الشرقية الدكتور شاهر السهلي: "
     "«عملت وزارة الإسكان على معالجة كل الاعتراضات العالقة».",
     "شاهر السهلي"),
    # snn-2015-08-09-0976 (cut): a word of the title just before the honorific is no name
    ("وقال مدير عام تعليم محافظة سراة عبيدة الدكتور ملفي العتيبي: يجب علينا جميعا أن نكون سدا "
     "منيعا أمام المغرضين، الذين يهدفون إلى إثارة الفتنة.",
     "ملفي العتيبي"),
    # snn-2015-08-06-1736 (cut): «والأعمال» joins two nouns of one title, the name follows
    ("وأكد المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ ل\"الرياض\" أنه لا "
     "يوجد عدد محدود أو خطة زمنية لإيصال الإغاثة للشعب اليمني.",
     "رأفت الصباغ"),
    # snn-2015-08-06-2242 (cut): two descriptions joined by و before the name
    ("من جانبه يرى المحامي والمستشار القانوني سلطان الحارثي أن التحرش وإن كان ظاهرة فردية إلا أنها "
     "بدأت بالتزايد بشكل ملحوظ.",
     "سلطان الحارثي"),
])
def test_a_title_runs_on_over_mudir_amm_a_branch_and_joined_nouns_to_the_name(text: str, speaker: str):
    assert one(text).speaker_canonical == speaker


def test_a_ministry_short_reference_is_the_ministry_not_an_official_of_it():
    # snn-2015-08-08-0078 (two sentences, cut, then one further on): «وزارة الداخلية» is the
    # ministry, not the official whose title names it
    sts = extract_statements("t", (
        "وقال مسؤول وزارة الداخلية الأفغانية الذي طلب عدم الكشف عن هويته، إن الشخص الانتحاري وقف "
        "في الصف وسط طلبة الأكاديمية وقام بتفجير نفسه.\nوذكرت وزارة الداخلية أنها أول عملية "
        "انتحارية منذ تعيين الملا منصور زعيمًا جديدًا لطالبان."))
    assert [(s.cue, s.speaker_canonical) for s in sts][-1] == ("ذكرت", "وزارة الداخلية")


def test_a_title_whose_masdar_takes_ala_runs_on_to_the_name():
    # snn-2015-07-25-1436 (cut): «للرقابة على» is the title's, not أكد على; a surname may open
    # with ب
    s = one("أكد عضو رئاسة الهيئة الوطنية للرقابة على تنفيذ مخرجات الحوار الوطني صلاح باتيس أن "
            "خطة تأمين عدن كعاصمة مؤقتة يشمل تحرير أبين وتعز ولحج والضالع من الانقلابيين.")
    assert s.speaker == "صلاح باتيس" and s.quote.startswith("خطة تأمين عدن")
    assert s.role == "عضو رئاسة الهيئة الوطنية للرقابة على تنفيذ مخرجات الحوار الوطني"


def test_an_unclosed_quotation_mark_neither_runs_on_nor_opens_the_span():
    # snn-2015-07-27-1362 (three paragraphs joined by spaces, cut): the mark after «وأضاف:» is
    # never closed; the one before «236» opens, so the first does not pair with it
    sts = extract_statements("t", (
        "وأضاف: \"تم رصد 250 عاملاً في عدد من المنشآت يعملون خلال فترة المنع .   وأكد مدير فرع "
        "وزارة العمل بمنطقة مكة المكرمة أن جولات التفتيش تأتي حرصاً من الوزارة على توفير بيئة عمل "
        "آمنة من مخاطر العمل.   وشدد على تكثيف الجولات التفتيشية على جميع المنشآت ورصد المخالف منها "
        "وتطبيق العقوبات عليهم وفقاً للقرار الوزاري بمادته \"236\"، والتي تنص على معاقبة المخالفين."))
    assert [(s.cue, s.quote[:12]) for s in sts] == [
        ("أضاف", "تم رصد 250 ع"), ("أكد", "جولات التفتي"), ("شدد", "تكثيف الجولا")]
    assert sts[0].quote.endswith("خلال فترة المنع")


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # snn-2015-08-07-0181 (two sentences, both cut): «والده» is "his father" (no و + الـ): the
    # postposed source, and who «وأضاف» goes on with
    ("وخلال الاحتفال على أبواب سيناء، توعد الرئيس المصري عبد الفتاح السيسي «بهزيمة الإرهاب».\n"
     "يذكر أنّ توميسلاف سالوبيك عمل منذ بداية العام الحالي لحساب الشركة الفرنسية في مصر؛ لكنه "
     "سافر كثيرًا من قبل إلى العالم العربي، كما قال والده. وأضاف: «كان هذا آخر يوم عمل له في "
     "الشركة الفرنسية وكان يستعد للعودة إلى بيته في اليوم التالي».",
     "أضاف", "والده"),
    # snn-2015-07-25-1013 (cut): the father as the subject after the verb
    ("فيما اتهم والد الطالبة الجامعة بتغيير رغبات ابنته ردا على البيان الذي أصدرته أول من أمس.",
     "اتهم", "والد الطالبة"),
])
def test_a_father_or_mother_is_a_speaker_not_wa_plus_al(text: str, cue: str, speaker: str):
    assert one(text, cue).speaker == speaker


def test_a_definite_title_and_a_surname_given_in_full_before_is_that_person():
    # snn-2015-08-09-0568 (the first sentence, one from the middle and one after it, all
    # cut): «الرئيس السيسي» is عبد الفتاح السيسي, not the words after «الرئيس السيسي» elsewhere
    sts = extract_statements("t", (
        "أكد الرئيس المصري عبد الفتاح السيسي انفتاح مصر على إقامة علاقات متوازنة وراسخة مع جميع "
        "دول العالم.\nوأضاف السفير يوسف أن الرئيس السيسي طلب نقل تحياته وتقديره لنظيره الصيني.\n"
        "وأضاف الرئيس السيسي أن قناة السويس الجديدة ستساهم في مبادرة الرئيس الصيني لإعادة إحياء "
        "طريق الحرير القديم."))
    assert [(s.speaker, s.speaker_canonical) for s in sts][-1] == ("الرئيس السيسي", "عبد الفتاح السيسي")


def test_coordinated_states_speak_together():
    # snn-2015-07-21-1831 (the first sentence): «و» + a state after a state goes on with the
    # subject (with ال too: والإمارات); several speak, so no one entity. (The list stops before
    # «ومناطق السلطة الفلسطينية», which is no catalog name.)
    s = extract_statements("t", (
        "أعلنت السعودية ومصر والأردن والإمارات والكويت وقطر وسوريا ولبنان ومناطق السلطة الفلسطينية "
        "والبحرين أن غدا الجمعة هو أول أيام عيد الفطر بينما أعلنت سلطنة عمان أن غدا هو المتمم لشهر "
        "رمضان."))[0]
    assert s.speaker.startswith("السعودية ومصر والأردن والإمارات والكويت وقطر وسوريا ولبنان")
    assert s.quote.startswith("غدا الجمعة") and not s.entity_id.startswith("saudi")


def test_coordinated_states_before_a_transitive_cue_object():
    # snn-2015-08-07-1213 (cut): the object starts after the last state, not after the first
    s = one("وتتهم بريطانيا وفرنسا والولايات المتحدة النظام السوري بتنفيذ هجمات بالغاز باستخدام "
            "براميل متفجرة تُلقى من المروحيات.")
    assert s.speaker == "بريطانيا وفرنسا والولايات المتحدة" and s.quote.startswith("النظام السوري")


# snn-2015-07-31-2128 (the lead and the second paragraph, cut after «بقرار الوزير»)
TWEET_THEN_SPACED_PARAGRAPH = (
    "انتقد إمام وخطيب المسجد الحرام الشيخ الدكتور سعود بن إبراهيم الشريم، معارضي قرار فتح فصول "
    "دراسية لتحفيظ القرآن الكريم بالمدارس، وغرّد على حسابه في \"توتير\" قائلاً: \"الذين كرهوا "
    "إقرار تحفيظ القرآن بالمدارس؛ إنما خصومتهم مع دين الله لا مع مَن أقرّها؛ فقد قال سلفهم {لا "
    "تسمعوا لهذا القرآن والْغوا فيه لعلكم تغلبون}. \xa0 وأطلق مغرّدون هاشتاج "
    "\"#شكرا_عزام_الدخيل على دعمك#مدارس_تحفيظ_القرآن\"، أشادوا فيه بقرار الوزير."
)


def test_a_run_of_blanks_after_a_full_stop_is_a_paragraph_break():
    # Scraped news keeps paragraph breaks as ". \xa0 ": an unclosed quotation mark stops there.
    s = one(TWEET_THEN_SPACED_PARAGRAPH, "قائلاً")
    assert s.quote.endswith("لعلكم تغلبون}")


@pytest.mark.parametrize("text, cue, speaker, quote_start", [
    # snn-2015-07-25-1015 (cut after «إدلب الجنوبي»)
    ("إلى ذلك، أكد المرصد السوري لحقوق الإنسان، مقتل تسعة مواطنين جراء قصف جوي على حي بمدينة "
     "حلب وقرية بريف إدلب الجنوبي.", "أكد", "المرصد السوري لحقوق الإنسان", "مقتل تسعة مواطنين"),
    # snn-2015-08-06-1984
    ("وفي الأسبوع الماضي، أعلنت كوريا الجنوبية رسميا انتهاء الخطر الفعلي لمتلازمة الشرق الأوسط "
     "التنفسية بعد أكثر من شهرين من ظهور أول حالة إصابة.", "أعلنت", "كوريا الجنوبية",
     "انتهاء الخطر الفعلي"),
    # snn-2015-08-11-1471 (the lead, after the page's share buttons)
    ("أكد عادل باحميد محافظ محافظة حضرموت، وجود محافظ البنك المركزي اليمني محمد بن همام في "
     "مديرية غيل باوزير التابعة للمحافظة.", "أكد", "عادل باحميد", "وجود محافظ البنك"),
    # snn-2015-07-26-0902 (cut before «معتبرا»): the verbal noun the name ran on into starts
    # the words
    ("أكد محافظ نينوى العراقية المقال أثيل النجيفي عدم اطمئنانه لنتائج التحقيق التي سيصدرها "
     "البرلمان العراقي في حادثة سقوط الموصل بيد داعش.", "أكد", "أثيل النجيفي", "عدم اطمئنانه"),
])
def test_the_object_of_akkada_or_alana_after_a_named_subject_is_the_statement(
        text: str, cue: str, speaker: str, quote_start: str):
    s = one(text, cue)
    assert s.speaker == speaker and s.quote.startswith(quote_start) and s.kind == "indirect"


@pytest.mark.parametrize("text, cue", [
    # snn-2015-07-21-2242 (from «في حين»): كما أكد with no subject before a verbal noun
    ("في حين أكد مسؤول أمني تركي طلب عدم نشر اسمه لوكالة \"رويترز\" أن ما بين 20 و25 شخصاً "
     "أصيبوا في الانفجار، كما أكد سقوط بعض القتلى، لكنه لم يتمكن من تحديد العدد على الفور.",
     "أكد"),
    # snn-2015-08-11-1369 (from «مؤكدين», cut before «مشيرين»): a finding that revealed, mid-clause
    ("مؤكدين أن الجولة الأولى كشفت تراجع حجم الصيد، مقارنة مع الموسم الماضي.", "كشفت"),
])
def test_no_object_statement_without_a_subject_that_opens_the_clause(text: str, cue: str):
    sts = extract_statements("t", text)
    assert [s.quote for s in sts if s.cue == cue and s.quote.startswith(("سقوط", "مقارنة"))] == []


def test_a_directive_verb_after_wa_li_dhalika_opens_its_clause():
    # snn-2015-08-01-0071 (cut before «مؤكدا»): «ولذلك» opens the clause like «كذلك», so the
    # named subject's object is the call
    s = one("ولذلك دعا المبعوث الأممي الفصائل الليبية، التي لم توقع على اتفاق السلام الذي تم "
            "التوصل إليه في الصخيرات بالمغرب، إلى فعل ذلك.")
    assert s.speaker == "المبعوث الأممي" and s.quote.startswith("الفصائل الليبية")


# snn-2015-08-01-0071 (the lead and the first sentence of the next paragraph)
LEON = (
    "انتهت جولة المشاورات الليبية في العاصمة الجزائرية أمس الجمعة بين برناردينو ليون، الممثل "
    "الخاص للأمين العام للأمم المتحدة لدى ليبيا، وأعضاء من المؤتمر الوطني العام غير المعترف به "
    "دوليا باستكشاف سبل العودة إلى الحوار للتوقيع على اتفاق سلام.\n\n وصرح ليون عقب نهاية "
    "المشاورات بأن «الحوار مستمر، وسنرى كيف يمكن تجاوز الخلافات» بين الأطراف الليبية، بحسب ما "
    "أفادت وكالة الأنباء الجزائرية."
)


def test_a_surname_in_la_lu_li_given_before_with_its_given_name_is_the_person():
    # «ليون» reads like لـ + a word; the lead named برناردينو ليون, so it is his surname
    s = one(LEON, "صرح")
    assert s.speaker == "ليون" and s.speaker_canonical == "برناردينو ليون"
    assert s.via == ["وكالة الأنباء الجزائرية"]


def test_a_participle_of_forecast_or_praise_ends_the_statement():
    # snn-2015-08-11-1369: «متوقعة» (like مشيدا، مستبعدا، مرحبا، متعهدا) adds a participle
    # clause, which the conventions leave out of the span
    s = one("وذكرت المصادر أن قرار منع تصدير الروبيان في الموسم الحالي ساهم في تراجع الأسعار "
            "بنسبة تتراوح بين 25% إلى 35% تقريبا، متوقعة استمرار التراجع في السوق المحلية، "
            "لاسيما أن التصدير في الأعوام الماضية كان يمثل 50% من إجمالي الصيد، وبالتالي فإن "
            "الأسواق المحلية ستكون المنفذ الوحيد لتصريف تلك الكميات بعد حظر التصدير.")
    assert s.quote.endswith("35% تقريبا")


@pytest.mark.parametrize("text, cue, quote_start, quote_end", [
    # snn-2015-07-23-0086
    ("وتعتبر الأمم المتحدة أعضاء رابطة الشبيبة في الحزب الحاكم المعروفة باسم «امبونيراكور»، "
     "والذين أشاعوا مناخا من الرعب قبل الانتخابات، «ميليشيا».", "تعتبر", "أعضاء رابطة الشبيبة",
     "«ميليشيا»"),
    # snn-2015-07-27-0147 (two sentences, the first for its subject)
    ("وكان سلاح الجو التركي شن ليل الجمعة - السبت سلسلة غارات على القواعد الخلفية لحزب العمال "
     "الكردستاني في شمال العراق. واعتبر الحزب هذا القصف «عدوانا (...) ينتهك شروط وقف إطلاق» بين "
     "مقاتليه والقوات التركية القائم منذ مارس (آذار) 2013.", "اعتبر", "هذا القصف",
     "وقف إطلاق»"),
])
def test_itabar_with_an_object_and_a_quoted_predicate_keeps_the_object(
        text: str, cue: str, quote_start: str, quote_end: str):
    # "considered X «Y»": X is part of the statement, which is then mixed (indirect)
    s = one(text, cue)
    assert s.quote.startswith(quote_start) and s.quote.endswith(quote_end) and s.kind == "indirect"


def test_some_people_before_their_verb_speak_themselves():
    # snn-2015-07-23-0086: «لكن البعض قال» is not the voter quoted before it
    sts = extract_statements("t", "وقالت ناخبة في غيهوشا، شمال شرقي العاصمة: «لا أريد أن أعود إلى "
                             "الحي الذي أسكن فيه مع الحبر على إصبعي»، لكن البعض قال أيضا إنه تعرض "
                             "للترهيب من أنصار السلطة لحملهم على التصويت.")
    assert [(s.cue, s.speaker) for s in sts] == [("قالت", "ناخبة"), ("قال", "البعض")]


def test_how_often_is_not_who_and_a_nested_cue_has_no_empty_relay():
    # snn-2015-07-31-0277 (the sentence inside its quotation): «ناشدت مرات عدة بشأن …» — the
    # governorate appealed several times; «مرات عدة» is no speaker
    sts = extract_statements("t", "وأضاف أن «المحافظة ناشدت مرات عدة بشأن صرف مستحقاتها من الموازنة "
                             "الاتحادية، لكنها لم تجد أي آذان صاغية لها هذا الأمر دفعنا إلى الوقوف "
                             "أمام مبنى وزارة المالية».")
    assert [s.cue for s in sts] == ["أضاف"]
    assert all(all(s.via) for s in sts)


# snn-2015-08-06-1860 (two paragraphs)
FINAL_STATEMENT = (
    "ودعا وزراء الخارجية ال15 في بيان صدر في ختام الاجتماع الى \"اجراء مشاورات عربية ودولية "
    "لطرح مشروع قرار امام مجلس الامن حول الجرائم الارهابية للمجموعات الاستيطانية الاسرائيلية "
    "ضد الشعب الفلسطيني\". \nواكد البيان الختامي على وجوب \"دعوة المجتمع الدولي الى وضع "
    "المجموعات الاستيطانية الاسرائيلية على قوائم المنظمات الارهابية وملاحقة اعضائها امام "
    "المحاكم الدولية\"."
)


def test_a_definite_document_takes_an_adjective_not_an_owner():
    # «البيان الختامي»: «الختامي» is no speaker; the statement speaks for who issued it
    s = one(FINAL_STATEMENT, "اكد")
    assert s.speaker_canonical == "وزراء الخارجية ال15" and "دعوة المجتمع الدولي" in s.quote


def test_wa_abr_without_its_an_is_the_preposition_via():
    # snn-2015-08-06-1736 (a sentence and the first clause of the next): «وعبر ترشيحات الحكومة»
    # is "and via the government's nominations", not عبّر; the statement runs on over it and
    # «وأبان» continues with the same speaker
    sts = extract_statements("t", "وأكد الصباغ أن المركز أوصل المساعدات الإنسانية إلى مستحقيها داخل "
                             "اليمن عبر قوائم أعدتها منظمات ذات مصداقية وعبر ترشيحات الحكومة اليمنية "
                             "الشرعية، وذلك بإشراف مركز الملك سلمان للإغاثة والأعمال الإنسانية، "
                             "ومساعدة خلية الإجلاء والعمليات الإنسانية بوزارة الدفاع، ومتابعة من "
                             "المشرف العام على مركز الملك سلمان للإغاثة. وأبان أن المركز وقع مذكرة "
                             "تفاهم مع برنامج الغذاء العالمي.")
    assert [(s.cue, s.speaker) for s in sts] == [("أكد", "الصباغ"), ("أبان", "الصباغ")]
    assert sts[0].quote.endswith("على مركز الملك سلمان للإغاثة")


def test_a_name_the_text_gave_before_ends_where_the_object_of_a_directive_begins():
    # snn-2015-07-24-1773 (the last quotation cut and closed): «أبو ردينة» was named in full in
    # the sentence before, so «إسرائيل»
    # after it is the object of دعا, and «وقال» goes on with the same speaker
    sts = extract_statements("t", "من جهته، قال الناطق الرسمي باسم الرئاسة الفلسطينية نبيل أبو ردينة "
                             "إن عمليات القتل الإسرائيلية اليومية للمواطنين «هدفها ضرب الاستقرار وخلق "
                             "مناخات من التوتر في المنطقة». ودعا أبو ردينة إسرائيل للتوقف فورًا عن "
                             "خلق هذه «المناخات المدمرة». وقال إن \"إسرائيل تهدف من وراء هذه "
                             "الممارسات لإرسال رسالة للمجتمع الدولي المؤيد والمتعاطف مع القضية "
                             "الفلسطينية\".")
    assert [(s.cue, s.speaker_canonical) for s in sts] == [
        ("قال", "نبيل أبو ردينة"), ("دعا", "نبيل أبو ردينة"), ("قال", "نبيل أبو ردينة")]
    assert sts[1].quote.startswith("إسرائيل للتوقف")


@pytest.mark.parametrize("text, speaker", [
    # snn-2015-08-01-1274 (two sentences, each cut at its first semicolon)
    ("وأوضح المدير التنفيذي لـ\"باب رزق\" بالسعودية جميل عبدالرحمن الفهيد، أن نتائج النصف الأول "
     "من هذا العام كانت مميزة ومتنوعة.", "جميل عبدالرحمن الفهيد"),
    ("وأوضحت مديرة التوظيف النسائي في \"باب رزق جميل\" رولا باصمد، أن التوظيف النسائي حقّق قفزة "
     "واسعة في النصف الأول من هذا العام.", "رولا باصمد"),
])
def test_a_title_with_a_quoted_body_runs_on_to_the_name(text: str, speaker: str):
    s = one(text)
    assert s.speaker == speaker and s.role.startswith(("المدير التنفيذي", "مديرة التوظيف"))


def test_a_quoted_name_opening_its_clause_before_the_verb_speaks():
    # snn-2015-07-26-0156 (cut after «المدينة»)
    s = one("«المرصد السوري لحقوق الإنسان» أعلن أمس أن الطيران الحربي السوري شنّ تسع غارات على عدد "
            "من مناطق المدينة.")
    assert s.speaker == "المرصد السوري لحقوق الإنسان" and s.quote.startswith("الطيران الحربي")


def test_a_quoted_name_after_a_preposition_is_not_the_subject():
    # snn-2015-07-31-0293 (two sentences): «ضد «داعش»، قال» — Carter goes on speaking
    sts = extract_statements("t", "كما أيد تسليح القوات الأوكرانية لمواجهة الروس والأوكرانيين "
                             "المتحالفين معها. وقال: «يجب أن نلقن الروس درسا».\nوفي ما يخص الحرب "
                             "ضد «داعش»، قال: «على الولايات المتحدة أن تحقق هزيمة دائمة لقوات تنظيم "
                             "داعش في العراق وسوريا».")
    assert [s.speaker for s in sts if s.quote.startswith("على الولايات")] == [""]


def test_a_document_that_opens_a_bihasb_sentence_speaks_for_its_issuer():
    # snn-2015-08-04-0170 (two sentences, each cut after its first clause)
    sts = extract_statements("t", "أعلن البنك الأوروبي لإعادة الإعمار والتنمية أمس الاثنين عن دخوله في "
                             "شراكة مع بنك قطر الوطني الأهلي. وبحسب بيان تلقت الشرق الأوسط نسخة منه، "
                             "فإن البنك الأوروبي سيتيح تسهيل ائتماني بقيمة 100 مليون دولار.")
    s = next(s for s in sts if s.cue == "بحسب")
    assert s.speaker.startswith("البنك الأوروبي") and s.quote.startswith("البنك الأوروبي سيتيح")


# snn-2015-08-10-1434 (two paragraphs, each cut: the first after its first clause, the second
# before «هدفها»)
TWO_MUHAMMADS = (
    "وبين نائب رئيس مجلس الشورى الدكتور محمد الجفري، أن هذا العمل الجبان الذي استهدف رجال الأمن "
    "وهم يؤدون صلاة الظهر لا يقره دين ولا عقل.\nمن جهته، وصف الأمين العام لمجلس الشورى الدكتور "
    "محمد بن عبدالله آل عمرو، حادث التفجير بأنه عمل إجرامي لا يقوم به إلا من تجرد من مبادئ الدين "
    "الإسلامي الحنيف والقيم والأخلاق الإسلامية، مؤكدا أن هذا العمل الجبان اجتراء على حرمة "
    "المسلمين الركع السجود واعتداء على أمن الوطن واستقراره، وقال: من قام بهذا العمل الإجرامي طوع "
    "نفسه أداة لتنفيذ أجندة خارجية."
)


def test_a_titled_name_with_bin_and_al_after_a_news_verb_is_who_goes_on():
    # «وصف … الدكتور محمد بن عبدالله آل عمرو»: the whole name after the title (not the
    # «محمد» of محمد الجفري met before) is who «وقال» continues with
    s = one(TWO_MUHAMMADS, "قال")
    assert s.speaker_canonical == "محمد بن عبدالله آل عمرو" and s.quote.startswith("من قام")


def test_a_cue_that_speaks_in_it_has_the_issuer_of_the_statement_as_speaker():
    # snn-2015-08-06-2902 (two paragraphs; the first and the quotation cut)
    sts = extract_statements("t", "أدانت رابطة العالم الإسلامي التصريحات الطائفية التي صدرت عن نائب "
                             "رئيس الجمهورية العراقية نوري المالكي.\n\nجاء ذلك في بيان أصدره الأمين "
                             "العام الدكتور عبدالله بن عبدالمحسن التركي، قال فيه: «إن رابطة العالم "
                             "الإسلامي تابعت بأسى التصريحات التي صدرت عن نائب الرئيس العراقي نوري "
                             "المالكي ضد المملكة العربية السعودية».")
    s = next(s for s in sts if s.cue == "قال")
    assert s.speaker_canonical == "عبدالله بن عبدالمحسن التركي"


def test_a_cue_in_a_speech_someone_delivered_has_the_speaker_who_delivered_it():
    # snn-2015-08-11-1098 (a sentence and the next, cut after «الفاعلة»)
    sts = extract_statements("t", "بدأ الحفل بآيات من الذكر الحكيم، حيث ألقى سعادة رئيس مجلس الإدارة "
                             "الشيخ عبد الرحمن بن علي الجريسي كلمة قال فيها: يسرني لقاؤكم وتشريفكم "
                             "لنا بحضوركم حفل افتتاح، وتدشين برنامج المخيم الصيفي الأول "
                             "(Fablab4Gifted) للطلاب والطالبات الموهوبين.\nوأشار الشيخ الجريسي إلى أن "
                             "فكرة هذه المبادرة، التي جاءت من رؤية خادم الحرمين الشريفين الملك عبد "
                             "الله بن عبد العزيز آل سعود (يرحمه الله)، أن تكون المملكة العربية "
                             "السعودية من مصاف الدول التي ترسخ مبدأ الشراكة المجتمعية الفاعلة.")
    assert [s.speaker_canonical for s in sts] == ["عبد الرحمن بن علي الجريسي"] * 2


@pytest.mark.parametrize("text, cue, speaker", [
    # snn-2015-08-03-0261: «حديث» (recent) describes the report; the company owns it
    ("كشف تقرير حديث لشركة اكسبرو للخدمات النفطية أن الشركة وعلى الرغم من الظروف الصعبة التي تمر "
     "بها سوق الطاقة العالمية نجحت في تحقيق إيرادات جيدة في بعض مناطق التشغيل الإقليمية لها.",
     "كشف", "شركة اكسبرو للخدمات النفطية"),
    # snn-2015-07-21-0151: an issuer in quotation marks after «صادر عن»
    ("ويقول تقرير حديث صادر عن «ميتال فوكس» إن أسعار الذهب قد تجد لها قاعا في العام الحالي وصولا "
     "إلى مستوى 1000 دولار للأوقية على أن تعاود الأسعار الصعود في العام المقبل حول مستوى 1200 "
     "دولار للأوقية.", "يقول", "ميتال فوكس"),
])
def test_an_indefinite_report_with_an_adjective_speaks_for_its_issuer(text: str, cue: str, speaker: str):
    s = one(text, cue)
    assert s.speaker_canonical == speaker


def test_a_long_title_of_who_delivered_a_speech_runs_on_to_the_name_before_the_speech():
    # snn-2015-07-25-0095 (cut after «العالم»)
    s = one("وألقى المدير العام للعلاقات الخارجية في وزارة الشؤون الإسلامية والأوقاف والدعوة والإرشاد "
            "الشيخ عبدالمجيد العُمري كلمة في حفل الافتتاح أكد فيها أن مشاركة المملكة العربية "
            "السعودية ممثلة في وزارة الشؤون الإسلامية في أعمال هذه الندوة تأتي انطلاقا من جهودها – "
            "رعاها الله – الداعمة لإرساء مبادئ العدل والإنسانية وتعزيز قيم ومبادئ التسامح في العالم.")
    assert s.speaker_canonical == "عبدالمجيد العُمري"


def test_after_min_janibihi_a_name_and_its_title_are_the_subject_of_any_verb():
    # snn-2015-08-02-1239 (the paragraph; the quotation cut and closed): «من جانبه قدم أحمد عيد
    # الحربي رئيس الاتحاد … شكره … وقال» — the thanks and the words are his
    s = one("من جانبه قدم أحمد عيد الحربي رئيس الاتحاد السعودي لكرة القدم باسمه ونيابة عن أعضاء "
            "مجلس الإدارة شكره للأمير عبدالله بن مساعد على الجهود الكبيرة التي يبذلها تجاه الاتحاد "
            "لتطوير أنظمته الفنية والإدارية والمالية بما يمكنه من تحقيق مستوى عال من الجودة والتميز "
            "في إدارة لعبة كرة القدم وتطويرها وقال: \"هذا الدعم ليس مستغربا من الرئيس العام لرعاية "
            "الشباب رئيس اللجنة الأولمبية\".")
    assert s.speaker == "أحمد عيد الحربي"


def test_tabaa_with_an_object_before_the_comma_followed_something_and_said_nothing():
    # snn-2015-08-06-2902 (the statement's sentence, from «جاء ذلك»): «تابعت بأسى التصريحات …،
    # الذي» — the League followed the remarks; the clause after the comma is no words of a
    # speaker «بأسى التصريحات»
    sts = extract_statements("t", "جاء ذلك في بيان أصدره الأمين العام الدكتور عبدالله بن عبدالمحسن "
                             "التركي، قال فيه: «إن رابطة العالم الإسلامي تابعت بأسى التصريحات التي "
                             "صدرت عن نائب الرئيس العراقي نوري المالكي ضد المملكة العربية السعودية "
                             "واتهامه لها بتغذية الإرهاب والتطرف والتي عبرت بكل وضوح عن الحقد الطائفي "
                             "لدى المالكي، الذي يعبر بلسان المد الصفوي المعروف بإشعال الفتنة في أرجاء "
                             "وطننا العربي والإسلامي».")
    assert [s.cue for s in sts] == ["قال"]


def test_how_many_after_a_nested_cue_is_no_speaker():
    # snn-2015-08-02-1239 (cut after «يلي»): «أقر عددا من العقوبات» — the federation approved a
    # number of sanctions; «عددا» is no one
    sts = extract_statements("t", "وأشار البيان أن الاتحاد السعودي لكرة القدم أقر عددا من العقوبات في "
                             "حال إخفاء أو تحريف معلومات مالية على أن تبدأ بالتدرج وفقا لما يلي.")
    assert all(s.speaker != "عددا" for s in sts)
