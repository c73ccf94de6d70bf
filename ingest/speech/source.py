"""Speaker mentions: the noun phrase that names who spoke, and its title or apposition.

Arabic news puts the subject after the verb (وقال وزير الخارجية الفرنسي لوران فابيوس
إن …) or before it (فرنسا قالت …، وكان عباس قال …). A mention is parsed token by token
with small closed-class lexicons instead of a tagger: titles (المتحدث، رئيس، وزير …),
organisation heads (وزارة، منظمة، حركة …), honorifics, time adverbs, prepositions and
complementizers stop or shape the phrase, and the entity catalog recognises multi-word
names (هيومن رايتس ووتش، مجلس الأمن الدولي). The result separates the *name* (the
speaker as written, e.g. آرام توروسيان) from the *role* (المتحدث باسم وزارة الدفاع
الأرمينية), as the annotation conventions ask.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.arabic import normalize
from ingest.speech import cues
from ingest.speech.entities import EntityCatalog
from ingest.speech.tokens import Doc


def _n(words: str) -> set[str]:
    return {normalize(w) for w in words.split()}


TITLES = _n(
    "المتحدث المتحدثة متحدث الناطق الناطقة ناطق رئيس رئيسة الرئيس الرئيسة وزير وزيرة الوزير "
    "الوزيرة وزراء الوزراء زعيم الزعيم زعيمة القيادي القيادية قيادي نائب نائبة النائب الأمين "
    "أمين مسؤول مسؤولة المسؤول المسؤولة مدير مديرة المدير المديرة سفير سفيرة السفير مندوب "
    "المندوب مندوبة ممثل ممثلة الممثل عضو العضو عضوة مستشار مستشارة المستشار قائد القائد "
    "مقرر مقررة المقرر المقررة منسق منسقة المنسق المبعوث مبعوث مبعوثة العميد اللواء العقيد "
    "الفريق المشير الجنرال محافظ المحافظ أمير الأمير حاكم الحاكم مفتي المفتي الملك ملك "
    "ولي العهد المفوض مفوض المفوضة رئيسا الخبير خبير المحلل محلل الباحث باحث الكاتب "
    "مراسل المراسل مصدر مصادر المصدر المصادر مسؤولون مسؤولين المسؤولون مفتش المفتش "
    "قاضي القاضي المدعي النائب العام الأمين العام السكرتير سكرتير المنسقة الناطقون "
    "رئيسة وكيل وكيلة الوكيل المرشد المرشح مرشح المرشحة الداعية شيخ الشيخ البابا الحاخام "
    "ضابط الضابط جندي مساعد مساعدة المساعد نائبا قائدا خادم مسؤولو وزيرا والي الوالي "
    "مشرف المشرف مشرفة المشرفة"
)
HONORIFICS = _n("الدكتور د السيد السيدة الشيخ المهندس الأستاذ سمو معالي سعادة فخامة "
                "صاحب الجلالة دولة البروفيسور الحاج سماحة فضيلة")
#: Honorifics with a pronoun (سموه "his highness") and the words that introduce the person
#: they stand for; ``_honorific_antecedent`` looks back for the nearest of those.
HONORIFIC_PRONOUNS = {normalize(k): {normalize(w) for w in v.split()} for k, v in {
    "سموه": "سمو الأمير",
    "معاليه": "معالي",
    "سماحته": "سماحة",
    "فضيلته": "فضيلة",
    "سعادته": "سعادة",
}.items()}
ORG_HEADS = _n(
    "وزارة الوزارة منظمة المنظمة حركة الحركة حزب الحزب هيئة الهيئة مجلس المجلس جامعة "
    "الجامعة لجنة اللجنة وكالة الوكالة الأمانة أمانة مكتب المكتب الحكومة حكومة الجيش جيش "
    "الشرطة شرطة قوات القوات السلطات سلطات الرئاسة رئاسة الديوان ديوان مفوضية المفوضية "
    "صندوق البنك بنك جماعة الجماعة تنظيم التنظيم التحالف تحالف الاتحاد اتحاد إدارة الإدارة "
    "صحيفة الصحيفة موقع الموقع قناة القناة التلفزيون تلفزيون البرلمان برلمان مركز المركز "
    "المرصد مرصد الخارجية الداخلية الدفاع السفارة سفارة القنصلية المحكمة محكمة النيابة "
    "الكونغرس الكونجرس البيت البنتاغون الكرملين الائتلاف ائتلاف الجبهة جبهة المعارضة "
    "الحرس الحزب مؤسسة المؤسسة شركة الشركة الادعاء المفوضية نقابة النقابة رابطة الرابطة "
    "جمعية الجمعية مديرية المديرية إمارة الإمارة بلدية البلدية الأمم المجموعة مجموعة "
    "البعثة بعثة الحكومات وسائل وحدات قيادة القيادة كتائب لجان ألوية جهاز الجهاز أجهزة الأجهزة "
    "ميليشيا الميليشيا ميليشيات الميليشيات مليشيا المليشيا مليشيات المليشيات فرع الفرع"
)
#: Place nouns that head a locative complement of a title (مدير التعليم بمنطقة تبوك).
_PLACE_NOUNS = _n("منطقة محافظة مدينة ولاية إقليم مقاطعة قضاء بلدة قرية ناحية")

#: Media a speaker talks *to* (قال المصدر لوكالة …، صرح السفير لصحيفة …): after لـ they are
#: an addressee, unless the title before heads or works for that outlet (مراسل لوكالة …).
_MEDIA = _n("وكالة صحيفة جريدة قناة إذاعة تلفزيون شبكة مجلة موقع صحفيين صحافيين "
            "الإذاعة التلفزيون الصحفيين الصحافيين")
_MEDIA_STAFF = _n("مراسل مراسلة المراسل مدير مديرة المدير رئيس رئيسة محرر المحرر مذيع "
                  "مقدم كاتب الكاتب مؤسس العام")

_ROYAL = _n("الملك الأمير")
#: Institutions named after a king or prince (كرسي الملك عبدالله، مستشفى الملك فهد، مبادرة
#: الملك عبدالله): the royal name is part of the institution's, not a person who speaks.
_NAMED_AFTER = _n("كرسي مستشفى مجمع مطار جسر قاعدة كلية معهد برنامج مبادرة جائزة ميناء مدينة "
                  "حي شارع طريق مشروع صندوق")


def _strip_bl(k: str) -> str:
    """The word without a proclitic بـ/لـ (لمركز → مركز)."""
    return k[1:] if k[:1] in ("ب", "ل") and len(k) > 3 else k


#: Words that belong to an honorific, not to a name (صاحب السمو الملكي، صاحب الجلالة).
_HONORIFIC_EPITHETS = _n("السمو الملكي الجلالة المعالي الفضيلة السماحة")


def _place_or_org(k: str) -> bool:
    """An indefinite place or organisation noun, bare or after بـ/لـ (مدينة، بجامعة)."""
    for w in (k, k[1:] if k[:1] in ("ب", "ل") else k):
        if w in _PLACE_NOUNS or (w in ORG_HEADS and not _is_def(w)):
            return True
    return False


SHORT_REF_HEADS = _n(
    "المصادر الوزارة الخارجية الداخلية الدفاع المنظمة الحركة الحزب الجامعة الوكالة الهيئة المجلس "
    "اللجنة الحكومة الرئاسة الرئيس الوزير المتحدث الناطق البيان المسؤول السفير المصدر "
    "التنظيم الجماعة الجيش المفوضية المركز المرصد الصحيفة القيادي الأمين المبعوث المقرر "
    "المقررة المتحدثة الناطقة الوزيرة الرئيسة التحالف الاتحاد"
)
TIME_WORDS = _n(
    "اليوم أمس امس غدا أول الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد "
    "صباح مساء ظهر صباحا مساء مساءا ليلة الليلة مؤخرا سابقا لاحقا أيضا ايضا كذلك مجددا "
    "الأسبوع الشهر العام حاليا اليومين الليلة الماضية فجر عصر أمسية خلال الماضي بدوره "
    "بدورها بدورهم حينها آنذاك بدوره وقتها يوم قبيل غداة عشية"
)
_WHEN = _n("سابق لاحق متأخر مبكر")
_TIME_ADJECTIVES = _n("الجاري الماضي الماضية المقبل المقبلة الحالي الحالية الأول الأخير الأخيرة")
_AWWAL, _AMS = normalize("أول"), normalize("أمس")
_SAME = _n("نفسه ذاته")


def time_phrase_len(doc: Doc, j: int) -> int:
    """Tokens of a time adverbial at ``j`` (أمس، أول أمس، في وقت سابق (من اليوم)، في ذات
    الوقت، في الوقت نفسه، (الأربعاء)); 0 when there is none."""
    keys, n = doc.keys, len(doc)

    def at(t: int) -> str:
        return keys[t] if t < n else ""

    k = at(j)
    if k == "خلال":
        return 0  # "خلال المؤتمر الصحفي": a phrase with its own noun, not a bare adverb
    if k in TIME_WORDS and at(j + 1) in _TIME_ADJECTIVES:
        return 2  # الشهر الجاري، أمس الأول
    if k == _AWWAL:
        if at(j + 1) == "من" and at(j + 2) == _AMS:
            return 3
        if at(j + 1) == _AMS:
            return 2
    if k in TIME_WORDS:
        return 1
    if k == "(" and at(j + 1) in TIME_WORDS and at(j + 2) == ")":
        return 3
    if k == "في":
        if at(j + 1) == "وقت" and at(j + 2) in _WHEN:
            if at(j + 3) == "من" and at(j + 4) in TIME_WORDS:
                return 5 + (at(j + 5) in _TIME_ADJECTIVES)  # في وقت سابق من الشهر الجاري
            return 3
        if at(j + 1) == "ذات" and at(j + 2) == "الوقت":
            return 3
        if at(j + 1) == "الوقت" and at(j + 2) in _SAME:
            return 3
    return 0


STOP_WORDS = _n(
    "في إلى الى على عن من مع أمام عبر بعد قبل حول بشأن عند منذ حتى ضد تجاه بين لدى خلال "
    "أن إن ان بأن وأن وإن لأن كما حيث إذ بينما فيما لكن غير أنه إنه أنها إنها أنهم إنهم "
    "أننا إننا بأنه بأنها الذي التي الذين اللذين اللتين ما لا لم لن قد كان كانت هو هي "
    "هم هذا هذه ذلك تلك عبر وفق بحسب حسب وفقا نقلا طبقا يوم وذلك أو أم ثم قائلا "
    "فيها فيه له لها لهم عنه عنها منه منها عليه عليها إليه إليها بها به معه معها لنا "
    "نفسه نفسها ذاته ذاتها ذاتهم إنه إنها أيضا فقط وكان وكانت حيال إزاء ازاء بخصوص بهذا بهذه بذلك لذلك كذلك "
    "النظر الأنظار الانتباه انتباه "  # "لفت (الوزير) النظر إلى": the object, never a name
    "أكثر أقل "  # "كان … حميد الشيباني | أكثر صراحة حينما أكد": a comparative ends a name
    "عندما حينما بعدما"  # "لكن رجل الأعمال أثار الضحك | عندما ذكر": a subordinate clause starts
)
CONNECTORS = _n("باسم بإسم بلسان في لدى")
_AFFILIATION = _n("التابعة التابع الموالية الموالي المقربة المقرب التابعين الموالين")
QUOTE_OPEN = {"«", "“", '"', "„"}


def _is_def(k: str) -> bool:
    return k.startswith("ال") or k.startswith("لل") or k.startswith("بال")


def _looks_verb(k: str) -> bool:
    """Imperfect verbs of relative clauses (يتولى، تتعلق، يستطيع) end a noun phrase (but a
    long word ending in و is a foreign name: تتسوزو)."""
    if len(k) >= 6 and k.endswith("و"):
        return False
    return len(k) >= 4 and (k[:2] in ("يت", "تت") or k[:3] in ("يست", "تست"))


@dataclass
class Mention:
    """A speaker mention: token span of the name, optional role span, and its head type."""

    start: int  # token index of the speaker as written
    end: int
    role_start: int = -1
    role_end: int = -1
    head: str = "name"  # name | title | org | entity | doc | group
    entity_id: str | None = None
    next_tok: int = 0  # first token after the whole phrase


def _classify(k: str) -> str:
    if k in HONORIFICS:
        return "hon"
    if k in TITLES:
        return "title"
    for suf in ("ها", "ه", "هم"):  # رئيسها، المتحدث باسمه: a title with a pronoun
        if k.endswith(suf) and k[: -len(suf)] in TITLES:
            return "title"
    if k in ORG_HEADS:
        return "org"
    if k in cues.DOC_NOUNS:
        return "doc"
    return "word"


#: Accusative adverbs that may stand between a verb and its subject (أعلنت رسميا الخميس …).
MANNER_ADVERBS = _n("رسميا حاليا سابقا لاحقا مجددا أيضا مؤخرا شخصيا علنيا فعليا صراحة بصراحة بوضوح بكل")


#: Given names that begin with ل like a preposition would (لبنى، لطيف), unlike لـ + a noun.
_LAM_NAMES = _n("لبنى ليلى لطيف لطيفة لؤي لمياء لينا لمى لجين لبيب لقمان لولوة")


def _lam_noun(doc: Doc, t: int) -> bool:
    """لـ + a noun (لأطباء، لصحة، لشؤون), not a name that begins with ل (لافروف، لبنى)."""
    k = doc.keys[t]
    return k[:1] == "ل" and len(k) > 3 and not foreign_la(doc, t) and k not in _LAM_NAMES


def foreign_la(doc: Doc, t: int) -> bool:
    """A word in لا/لو/لي that may be a foreign name (لافروف، لوران، ليبرمان) rather than لـ + a
    word; "لأطباء" (لـ + أطباء) folds to the same letters but is written with a hamza."""
    k = doc.keys[t]
    return k[:1] == "ل" and k[1:2] in ("ا", "ي", "و") and doc.text[doc.starts[t] + 1: doc.starts[t] + 2] not in "أإآ"


def _participle_like(k: str) -> bool:
    """Indefinite accusative participles (مخاطبا، متسائلا، معتبرا، مازحا) describe, never
    name. Past م a participle has a consonant, or the ا of a five-letter فاعلا whose root opens
    with م (مازحا، ماضيا); a foreign name may have ي or ا there (ميليسا، ميستورا، ماريانا)."""
    if len(k) < 5 or k[0] != "م" or not k.endswith("ا") or k[1] == "ي":
        return False
    return k[1] != "ا" or (len(k) == 5 and k not in _MA_NAMES)


#: Foreign names in the shape of a فاعلا participle of a م-root.
_MA_NAMES = _n("ماريا ماتيا مارتا")


#: أنّ / إنّ / بأنّ with any attached pronoun: the complementizer that opens indirect words.
COMPLEMENTIZERS = {
    normalize(p + "ن" + s)
    for p in ("أ", "إ", "بأ")
    for s in ("", "ه", "ها", "هم", "هما", "نا", "ني", "ي", "كم", "هن")
}


def stop_token(doc: Doc, i: int) -> bool:
    """True when token ``i`` cannot be part of a speaker phrase."""
    if not doc.is_word[i]:
        c = doc.quote_close.get(i)
        return doc.keys[i] not in QUOTE_OPEN or c is None or c - i > 6
    k = doc.keys[i]
    if (k in STOP_WORDS or k in TIME_WORDS or k in cues.SAYING_PARTICIPLES or k in MANNER_ADVERBS
            or k in COMPLEMENTIZERS):
        return True
    if k in cues.OTHER_PARTICIPLES or k in cues.NOMINAL_CUES or k in _ASKING:
        return True
    if cues.is_cue_token(k) or _participle_like(k) or masdar_with_pronoun(k):
        return True
    if (k[:1] in ("و", "ف") and len(k) > 3 and (k[1:3] == "ال" or cues.is_cue_token(k[1:])) and k not in TITLES
            and k not in KINSHIP_WA):
        return True  # (but "والي" is a governor, "والده" a father: no و + الـ)
    return k.isdigit()


#: "وقال المسؤول طالبا عدم ذكر اسمه"، "رافضا الكشف عن هويته": a participle of asking or
#: declining after the subject ends it (not طالبة, "a student").
_ASKING = _n("طالبا طالبين رافضا رافضة رافضين مفضلا مفضلة مفضلين")
_GENERAL = normalize("العام")
#: والد، والده، والدته (father, mother …): the و and ال are the root's, not و + الـ.
KINSHIP_WA = _n("والد والده والدة والدته والدها والدهم والدي والدتي والدتها والدتهم والدا والداه")
_GENERAL_ADJ = _n("عام عامة")
_THIS = _n("هذه هذا")
_SALLA, _WASALLAM = normalize("صلى"), normalize("وسلم")


def _eulogy_at(doc: Doc, j: int) -> bool:
    """"صلى الله (عليه وسلم)" starts at token ``j``."""
    return j + 1 < len(doc) and doc.keys[j] == _SALLA and doc.keys[j + 1] == "الله"


#: Nouns that open the predicate of كان, not a subject (وكانت آخر مرة أعلن فيها …).
#: Verbs of a relative clause after a document that say who received or ran it (بيان تلقت
#: «الشرق الأوسط» نسخة منه، تقرير اطلعت عليه الصحيفة، رسالة نشرتها).
_RECEIVED = _n("تلقت تلقى تلقته تلقتها حصلت حصل اطلعت اطلع نشرت نشرته نشرتها نشره وزعت وزعه بثته بثه")
#: (not صادر: the issuer follows it, تقرير صادر عن …)
_DOC_ADJECTIVES_INDEFINITE = _n("حديث جديد سنوي مشترك أخير مفصل سري دوري شهري أسبوعي مطول")
_DOC_ADJECTIVES = _n("الختامي المشترك السنوي الدوري الشهري الأسبوعي الأخير الجديد الصادر الرسمي")
_TIMES = _n("مرات مرارا عددا جزءا مزيدا")  # (not مرة: also a surname, رأفت مرة)
NOT_SUBJECTS = _n("آخر أول مرة المرة أكثر أبرز")
_SOME = normalize("بعض")


def parse_mention(doc: Doc, i: int, catalog: EntityCatalog, limit: int = 24) -> Mention | None:
    """Parse a speaker phrase starting at token ``i`` (right after a verb cue)."""
    n = len(doc)
    j = i
    if j < n and is_addressee(doc.keys[j], catalog):
        return None  # "قال لرويترز": an addressee, the subject is a pronoun
    if j + 1 < n and doc.keys[j] == _SOME:
        # "بعض المصادر الأخرى المقربة من طالبان": the group after بعض
        inner = parse_mention(doc, j + 1, catalog, limit)
        if inner is None or inner.head == "doc":
            return None
        return Mention(j, inner.next_tok, head="title", next_tok=inner.next_tok)
    if j + 2 < n and doc.keys[j] in PARTITIVES and doc.keys[j + 1] == "من":
        # "كثير من المشاركين"، "عدد من النواب": the group named after من
        inner = parse_mention(doc, j + 2, catalog, limit)
        if inner is None or inner.head == "doc":
            return None
        return Mention(j, inner.next_tok, head="title", next_tok=inner.next_tok)
    if _eulogy_at(doc, j):
        # "قال صلى الله عليه وسلم:": the eulogy stands for the Prophet; the whole formula
        e = next((t + 1 for t in range(j + 2, min(n, j + 5)) if doc.keys[t] == _WASALLAM), j + 2)
        return Mention(j, e, head="name", next_tok=e)
    toks: list[int] = []
    end_limit = min(n, i + limit)
    while j < end_limit:
        if toks and _eulogy_at(doc, j):
            break  # "النبي | صلى الله عليه وسلم": the eulogy is no part of the name
        if doc.keys[j] == _GENERAL and toks and (_classify(doc.keys[toks[-1]]) == "title" or (
                len(toks) >= 2 and _is_def(doc.keys[toks[-1]])
                and not (j + 1 < len(doc) and (doc.keys[j + 1] in _TIME_ADJECTIVES or doc.keys[j + 1].isdigit())))):
            toks.append(j)  # "المدير العام"، "الأمين العام"، "رئيس لجنة التشريع العام": "general",
            # not "the year" (العام الماضي)
            j += 1
            continue
        if stop_token(doc, j):
            k = doc.keys[j]
            if k.startswith("فال") and ((toks and toks[-1] == j - 1 and _classify(doc.keys[j - 1]) == "word")
                                        or (not toks and j > 0 and cues.lookup(doc.keys[j - 1])[0] is not None)):
                # "جون فالون"، "مانويل فالس"، "وقال فالكه": a surname, not ف + الـ (which never
                # follows a verb directly)
                toks.append(j)
                j += 1
                continue
            if (k in _THIS and toks and _classify(doc.keys[toks[-1]]) in ("title", "org")
                    and not _is_def(doc.keys[toks[-1]]) and j + 1 < n and doc.keys[j + 1].startswith("ال")):
                # (a construct head only: not "ورأت الممثلة | هذا النموذج")
                toks.append(j)  # "قائد هذه القوات اللواء فضل حسن": a demonstrative in the title
                j += 1
                continue
            if toks and (ml := _coordinated_entity(doc, toks[0], j, catalog)):
                toks.extend(range(j, j + ml))  # "بريطانيا وفرنسا | والولايات المتحدة": one more state
                j += ml
                continue
            if (k[:2] == "وا" and k[1:3] == "ال" and toks and (any(
                    doc.keys[q] in HONORIFICS for q in range(j + 1, min(len(doc), j + 3)))
                    or _name_after_coordinated_title(doc, j))):
                toks.append(j)  # "… للبحوث العلمية | والإفتاء | الشيخ عبدالعزيز": one more title;
                j += 1  # "… للإغاثة | والأعمال الإنسانية رأفت الصباغ ل«الرياض» أنه"
                continue
            if (doc.keys[j] in CONNECTORS and toks and j + 1 < n and doc.is_word[j + 1]
                    and _roleish(doc.keys[toks[-1]], catalog)
                    and (_roleish(doc.keys[j + 1], catalog)
                         or catalog.match_at(doc.keys, j + 1)[1] is not None)):
                toks.append(j)
                j += 1
                continue
            break
        if not doc.is_word[j]:  # short quoted name: «حزب الله», "حماس"
            c = doc.quote_close[j]
            toks.extend(range(j, c + 1))
            j = c + 1
            continue
        toks.append(j)
        j += 1
    if not toks:
        return None
    return _split(doc, toks, catalog)


def _name_after_coordinated_title(doc: Doc, j: int) -> bool:
    """After the و+الـ word at ``j`` (والأعمال), definite words and then a two-word personal
    name right before the words or an addressee (رأفت الصباغ ل«الرياض» أنه): the و joins two
    nouns of one title, not two subjects."""
    n = len(doc)
    q = j + 1
    while q < n and q - j < 4 and doc.keys[q].startswith("ال"):
        q += 1
    if q + 2 >= n or not all(doc.is_word[u] and not stop_token(doc, u) and _personal_name_word(doc, u)
                             for u in (q, q + 1)):
        return False
    k = doc.keys[q + 2]
    return k in COMPLEMENTIZERS or k in (":", "ل", "،", ",") or (k[:1] == "ل" and k[:2] != "لل" and len(k) > 3)


def _coordinated_entity(doc: Doc, start: int, j: int, catalog: EntityCatalog) -> int:
    """How many tokens the و + a state or body of the catalog at token ``j`` takes, when it
    comes right after another one in the phrase that opens at ``start`` (بريطانيا | وفرنسا |
    والولايات المتحدة): the subject goes on, several speak. 0 when it is no such thing."""
    k = doc.keys[j]
    if k[:1] != "و" or len(k) < 4 or j <= start:
        return 0
    ml, eid = catalog.match_at([k[1:], *doc.keys[j + 1 : j + 6]], 0)
    if not eid or not catalog.state_for(k[1:]) and ml < 2:
        return 0
    prev = doc.keys[j - 1]
    if catalog.state_for(prev) or catalog.state_for(prev[1:]) and prev[:1] == "و":
        return ml
    for t in range(max(start, j - 5), j):
        tl, te = catalog.match_at(doc.keys, t)
        if te and t + tl == j:  # a body of several words ends right before it
            return ml
    return 0


def is_addressee(k: str, catalog: EntityCatalog) -> bool:
    """لـ / لرويترز / للصحفيين / لصحيفة: a dative complement, not a subject."""
    if k[:1] != "ل" or k in TITLES or k in ORG_HEADS:
        return False
    if k == "ل" or k.startswith("لل"):
        return True
    rest = k[1:]
    return (rest in ORG_HEADS or rest in TITLES or rest in cues.DOC_NOUNS
            or catalog.match_at([rest], 0)[1] is not None)


def _roleish(k: str, catalog: EntityCatalog) -> bool:
    return (_classify(k) in ("title", "org") or _is_def(k) or catalog.state_for(k) is not None)


def _split(doc: Doc, toks: list[int], catalog: EntityCatalog) -> Mention | None:
    """Split a candidate phrase into speaker name and role, trimming what is not a name."""
    keys = doc.keys
    first = toks[0]
    k0 = keys[first]
    if not doc.is_word[first]:
        return _quoted_name(doc, first, catalog)
    m_len, eid = catalog.match_at(keys, first)
    mn_len, mid = catalog.ministry_at(keys, first)
    if mn_len > m_len:
        m_len, eid = mn_len, mid
    c0 = _classify(k0)
    if k0 in _TIMES:
        return None  # "ناشدت مرات عدة بشأن …"، "أقر عددا من العقوبات": how often or how many, not who
    if k0[:1] == "ل" and c0 == "word" and not eid and not (
            len(toks) == 2 and len(k0) >= 4 and foreign_la(doc, first) and not is_addressee(k0, catalog)
            and doc.is_word[toks[1]] and len(keys[toks[1]]) >= 3
            and not keys[toks[1]].startswith(("ال", "ل", "و", "ب"))
            and not keys[toks[1]].endswith(("ه", "ها", "هم")) and _classify(keys[toks[1]]) == "word"):
        # an addressee (لرويترز) or a complement, not a subject; but "وقال لويك فيرين من محطة
        # …": a foreign given name in لو/لا/لي and a surname after it
        if _lam_surname(doc, first, catalog):
            return Mention(first, first + 1, head="name", next_tok=first + 1)
        return None
    if c0 == "doc":
        return _doc_subject(doc, toks, catalog)
    if eid or c0 == "org":
        end = _org_end(doc, toks, catalog, first + max(m_len, 1))
        if eid and any(_coordinated_entity(doc, first, t, catalog) for t in range(first + max(m_len, 1), end)):
            eid = None  # "بريطانيا وفرنسا والولايات المتحدة": several speak, no one entity
        return Mention(first, end, head="entity" if eid else "org", entity_id=eid, next_tok=end)
    if c0 in ("title", "hon"):
        return _title_then_name(doc, toks, catalog)
    # name first, optional apposition
    p = 0
    while p < len(toks) and _name_like(doc, toks[p], catalog, first_pos=p == 0):
        p += 1
    if p == 0:
        return None
    name_end = toks[p - 1] + 1
    role_s, role_e = -1, -1
    # "المصور المستقل تتسوزو كيدا": a definite description before a personal name is its role
    q = 0
    while (q < p and (_is_def(keys[toks[q]]) and doc.surface(toks[q], toks[q] + 1).startswith("ال")
                      or q > 0 and doc.surface(toks[q], toks[q] + 1).startswith("وال"))
           and not catalog.match_at(keys, toks[q])[1]):
        q += 1  # (the surface, not the key: أليكس normalises to اليكس; "المحامي | والمستشار")
    if (0 < q < p and toks[q] == toks[q - 1] + 1 and (not keys[first].endswith("ي") or any(
            doc.surface(t, t + 1).startswith("وال") for t in toks[1:q]))  # (المحامي والمستشار …)
            and all(_personal_name_word(doc, t) for t in toks[q:p])):
        # (not "الشعيبي سببا آخرا": a definite nisba word is a surname, not a description)
        return Mention(toks[q], name_end, first, toks[q], head="name", next_tok=name_end)
    # apposition: only a title (بيتر مورار رئيس اللجنة …); an organisation right after a
    # name is more often the object (اتهم عبد السلام الأمم المتحدة بالتورط)
    if p < len(toks) and _classify(keys[toks[p]]) == "title":
        role_s = toks[p]
        role_e = _org_end(doc, toks[p:], catalog, toks[p] + 1)
    nxt = max(name_end, role_e)
    return Mention(first, name_end, role_s, role_e, head="name", next_tok=nxt)


def _lam_surname(doc: Doc, t: int, catalog: EntityCatalog) -> bool:
    """"وصرح ليون عقب …" after "برناردينو ليون" in the lead: a foreign surname in لا/لو/لي
    that the text gave before with a given name is that person, not لـ + a word (but not
    لي, nor a noun before its definite complement: لاعب الوسط)."""
    k = doc.keys[t]
    return (len(k) >= 4 and foreign_la(doc, t) and not is_addressee(k, catalog)
            and not (t + 1 < len(doc) and doc.keys[t + 1].startswith("ال"))  # (لاعب الوسط)
            and _named_in_full(doc, Mention(t, t + 1), catalog))


def _quoted_name(doc: Doc, o: int, catalog: EntityCatalog) -> Mention | None:
    """A name in quotation marks as the subject: قال «مكتب أخبار سوريا» إن، أعلنت "جبهة
    النصرة" (the marks are left out of the mention)."""
    c = doc.quote_close.get(o)
    if doc.keys[o] not in QUOTE_OPEN or c is None or not 1 < c - o <= 6:
        return None
    inner = range(o + 1, c)
    if not all(doc.is_word[t] and not stop_token(doc, t) for t in inner):
        return None
    eid = catalog.match_at(doc.keys, o + 1)[1]
    head = "entity" if eid else ("org" if _classify(doc.keys[o + 1]) == "org" else "name")
    return Mention(o + 1, c, head=head, entity_id=eid, next_tok=c + 1)


#: Words that end a name although nothing marks them (عقب، إثر: "after"; تعالى after الله).
NOT_NAME_WORDS = _n("عقب إثر أثناء تعالى")

#: The links inside a name: بن/ابن (son of) and آل (family of); the word after one is a name.
NAME_LINKS = _n("بن ابن آل")

#: كان forms and the subject gender they agree with: a subject written between كان and its
#: verb ("وكانت الوزارة قد أعلنت"، "وكان عباس قال").
KANA = {normalize(w): g for w, g in (("كان", "m"), ("وكان", "m"), ("كانت", "f"), ("وكانت", "f"),
                                     ("كانوا", "p"), ("وكانوا", "p"))}

_KUNNA = _n("كنا كنت كنتم")
#: Verbal nouns that open the object of أكد/جدد/أبدى right after the subject's name.
OBJECT_MASDARS = _n("أهمية ضرورة التزام حرص استعداد ترحيب تأييد رغبة دعم رفض تمسك موقف "
                     "انفتاح إنكار مسؤولية")
_BLESSINGS = _n("رحمه رحمها رحمهم حفظه حفظها حفظهم")
#: Nouns that are an object only with a possessive pronoun (نفى الرويس علمه أن …), since
#: bare they head titles (أستاذ علم الاجتماع).
_WITH_PRONOUN_ONLY = _n("علم")


def masdar_with_pronoun(k: str) -> bool:
    """"رفضهما، حرصها، ضرورته": a verbal noun of OBJECT_MASDARS with a possessive pronoun is
    the object of a stance (أكد الجانبان رفضهما القاطع), never a word of the speaker."""
    for suf in ("هما", "هم", "ها", "ه"):
        if k.endswith(suf) and len(k) > len(suf) + 2:
            stem = k[: -len(suf)]
            if (stem in OBJECT_MASDARS or stem in _WITH_PRONOUN_ONLY
                    or (stem.endswith("ت") and stem[:-1] + "ه" in OBJECT_MASDARS)):
                return True
    return False


def _personal_name_word(doc: Doc, t: int) -> bool:
    """A word that can be part of a personal name after a description: no proclitic
    preposition or conjunction, no pronoun suffix, no accusative tanween, not an adverb."""
    k = doc.keys[t]
    return (len(k) >= 2 and k[:1] not in ("و", "ف", "ب", "ل")
            and not k.endswith(("ها", "هم", "ته", "تها")) and not (len(k) >= 5 and k.endswith("ا"))
            and "\u064b" not in doc.surface(t, t + 1)
            and k not in _SOURCE_ADJECTIVES and k not in TIME_WORDS and k not in NOT_NAME_WORDS)


_PRONOUN_QUANTIFIERS = _n("احد احدا اخر بعض كل كلا جميع معظم اغلب غالبيت")
_SPEECH_NOUN_STEMS = _n("كلام حديث كلمت قول تصريح تصريحات")


def _pronoun_stem(k: str) -> str:
    """The word without an attached pronoun and a leading و/ف (ولكنه → لكن), or ""."""
    for suf in ("هما", "هم", "ها", "ه"):
        if k.endswith(suf) and len(k) > len(suf) + 1:
            stem = k[: -len(suf)]
            return stem[1:] if stem[:1] in ("و", "ف") and len(stem) > 2 else stem
    return ""


def particle_with_pronoun(k: str) -> bool:
    """لكنه، ولأنها، إنهم: a particle carrying the subject pronoun of the verb after it."""
    return _pronoun_stem(k) in STOP_WORDS


def _particle_or_speech_noun_with_pronoun(k: str) -> bool:
    """لكنه، ولأنها، كلامه، حديثها: a particle or a word of speech with an attached pronoun."""
    stem = _pronoun_stem(k)
    return bool(stem) and (stem in STOP_WORDS or stem in _SPEECH_NOUN_STEMS)


def _name_like(doc: Doc, t: int, catalog: EntityCatalog, first_pos: bool) -> bool:
    k = doc.keys[t]
    if not doc.is_word[t]:
        return False
    if not first_pos and doc.keys[t - 1] in NAME_LINKS and k not in STOP_WORDS:
        return True  # the word after بن/آل is a name even when it is also a title (بن مساعد)
    if k[:1] in ("و", "ف") and (k[1:] in STOP_WORDS or k[1:] in TIME_WORDS):
        # وفي، ومن، وهو، ولكن، فإن: a conjunction and a particle, not a name — but "فان"
        # without a hamza inside a name is the Dutch "van" (يوهانس فان در كلاوو)
        surface = doc.surface(t, t + 1)
        if not (k == "فان" and "إ" not in surface and "أ" not in surface):
            return False
    if _classify(k) != "word" or k in TIME_WORDS or k in STOP_WORDS or k in CONNECTORS:
        return False
    if first_pos and _particle_or_speech_noun_with_pronoun(k):
        return False  # "ولكنه أضاف"، "وتابع كلامه": a pronoun subject or object, no name
    if first_pos and (k in KANA or k in _KUNNA):
        return False  # "وقال كنا «عازمين» على …": the words begin, no name
    if (first_pos and len(k) >= 4 and doc.surface(t, t + 1).endswith(("ها", "هم", "هما"))
            and _pronoun_stem(k) not in _PRONOUN_QUANTIFIERS):
        return False  # "عن شرفها وخيريتها بقوله"، "كشف خفاياهم": a noun with a pronoun
        # (but "قال أحدهم"، "بعضهم": one/some of them speak)
    if k in ("ل", "ب", "لـ"):
        return False  # "قال سولفانغ لـ«رويترز»": a detached preposition ends the name
    if catalog.adjective(k) and not first_pos:
        return True
    if not first_pos and _looks_verb(k):
        return False  # a relative-clause verb (يتولى) ends the name
    if not first_pos and (k in NOT_NAME_WORDS or k.startswith("باسم")):
        return False  # "السديس | باسمه واسم الأئمة"، "القصبي | عقب الجلسة"
    if not first_pos and t >= 2 and doc.keys[t - 2] == "ال" and doc.keys[t - 1] != "ال":
        return False  # "آل الشيخ" closes a name: "… آل الشيخ | المسلمين"
    if not first_pos and k.startswith("بال") and len(k) > 4:
        return False  # "أقر لاكور | بالكذب"، "رحب X | بالقرار": a governed object, no surname
    if t > 0 and doc.keys[t - 1] in HONORIFIC_PRONOUNS:
        return False  # "سموه" is a whole mention: "أكد سموه | بما حظي"
    if not first_pos and (k in OBJECT_MASDARS or (
            len(k) >= 5 and doc.surface(t, t + 1).endswith(("ته", "تها", "تهم", "ها", "هم")))):
        return False  # the object starts: "أكد جون كيري | أهمية الدور", "أوباما | زيارته"
    if not first_pos and k in _BLESSINGS and t + 1 < len(doc) and doc.keys[t + 1] == "الله":
        return False  # "ابن باز | رحمه الله": a blessing after the name
    if not first_pos and k in KINSHIP_WA:
        return False  # "جان نويل بريم | والد الرهينة": an apposition, not a surname
    if not first_pos and k[:1] == "ل" and len(k) > 3:
        # a dative (فابيوس لإذاعة فرنسا، بوتين لرئيس الوزراء) ends the name, unless it reads
        # as a foreign surname (لا/لي/لو…, no feminine ending) followed at once by a title
        # or the words (هوغيت لابيل رئيسة …، سيرغي لافروف:)
        nxt = doc.keys[t + 1] if t + 1 < len(doc) else ""
        return (foreign_la(doc, t) and not k.endswith(("ه", "ها", "هم"))
                and not is_addressee(k, catalog)
                and (_classify(nxt) == "title" or nxt == ":" or t + 1 >= len(doc)
                     or not doc.is_word[t + 1] or nxt in STOP_WORDS))
        # ("علي لاريجاني ما قاله": nothing a dative could govern follows)
    return True


def _org_end(doc: Doc, toks: list[int], catalog: EntityCatalog, j: int) -> int:
    """Extend an organisation/role phrase over modifiers: الـ-words, لـ/بـ-complements,
    catalog names, genitives after an indefinite noun, short quoted names."""
    keys = doc.keys
    allowed = set(toks)
    prev_indef = not _is_def(keys[toks[0]])
    end = j
    while end in allowed or (end < len(doc) and end - 1 in allowed and end in allowed):
        k = keys[end]
        if not doc.is_word[end]:
            if keys[end] in QUOTE_OPEN and end in doc.quote_close:
                end = doc.quote_close[end] + 1
                prev_indef = False
                continue
            break
        ml, eid = catalog.match_at(keys, end)
        if eid:
            end += ml
            prev_indef = False
            continue
        if cl := _coordinated_entity(doc, toks[0], end, catalog):
            end += cl  # (وفرنسا والولايات المتحدة)
            prev_indef = False
            continue
        if k in CONNECTORS and end + 1 in allowed:
            end += 1
            prev_indef = True
            continue
        cls = _classify(k)
        if (k[:1] == "ل" and len(k) > 3 and _classify(k[1:]) in ("org", "title")
                and end > j - 1 and keys[end - 1] in _AFFILIATION):
            end += 1  # "وزارة الصحة التابعة لحكومة اليمن"
            prev_indef = True
            continue
        if _is_def(k) or (k[:1] in ("ل", "ب") and _is_def(k[1:])) or cls in ("org", "title"):
            end += 1
            prev_indef = not _is_def(k) and _classify(k) in ("org", "title")
            continue
        if catalog.state_for(k):
            end += 1
            prev_indef = False
            continue
        if (k[:1] == "ل" and len(k) > 3 and end + 1 in allowed and doc.is_word[end + 1]
                and _is_def(keys[end + 1]) and not is_addressee(k, catalog) and not _looks_verb(k[1:])
                and cls == "word" and not _is_def(k[1:])):
            end += 2  # "المرصد السوري | لحقوق الإنسان"، "المفوضية العليا | لشؤون اللاجئين"
            prev_indef = False
            continue
        if prev_indef and not _looks_verb(k) and _classify(k) == "word":
            end += 1  # construct genitive: وزارة خارجية، مسؤول حالات
            continue
        break
    return end


#: Endings of relational adjectives (أمني/أمنية، عسكري، غربيون، مطلعة) after an unnamed source.
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "ه")
_SOURCE_ADJECTIVES = _n(
    "مقرب مقربة مقربون مقربين مطلع مطلعة مطلعون مطلعين خاص خاصة كبير كبيرة كبار رفيع رفيعة "
    "رفيعو بارز بارزة بارزون موثوق موثوقة مسؤول مسؤولة مختص مختصة متطابقة عدة معارض معارضة "
    "معارضون موال موالية مستقل مستقلة سابق سابقة آخر أخرى آخرون آخرين")
PARTITIVES = _n("كثير عدد بعض معظم غالبية أغلب العديد مجموعة")
ANONYMOUS = _n("مصدر مصادر مسؤول مسؤولون مسؤولين مسؤولة دبلوماسي دبلوماسيون خبراء")


def _title_then_name(doc: Doc, toks: list[int], catalog: EntityCatalog) -> Mention:
    """Title (+ its complements) followed by a personal name, or a title-only speaker."""
    keys = doc.keys
    role_start = toks[0]
    if keys[role_start] in ANONYMOUS:
        # "مصدر عسكري سوري معارض": an unnamed source with its adjectives, no name follows
        end = role_start + 1
        allowed = set(toks)
        while end in allowed and doc.is_word[end] and not _looks_verb(keys[end]):
            k, prev = keys[end], keys[end - 1]
            if is_addressee(k, catalog):
                break  # "مسؤول تركي | لوكالة فرانس برس"
            if k[:1] == "و" and (k[1:] in ANONYMOUS or k[1:] in _BROKEN_PLURALS) and end + 1 in allowed:
                end += 1  # "مصادر طبية ومسؤولين محليين": a coordinated source
                continue
            genitive = (end - 1 == role_start or _classify(prev) == "org" or prev in CONNECTORS
                        or (prev[:1] in ("ب", "ل") and len(prev) > 3 and not _is_def(prev)
                            and prev not in _SOURCE_ADJECTIVES))
            prep_org = k[:1] in ("ب", "ل") and _classify(k[1:]) in ("org", "title")  # بمجلس، بالشركة
            if not (genitive or prep_org or _roleish(k, catalog) or catalog.adjective(k)
                    or k.endswith(_NISBA_ENDINGS) or k in _SOURCE_ADJECTIVES):
                break  # "مصادر أمنية | يقاتل نحو …": after its adjectives the phrase ends
            end += 1
        return Mention(role_start, end, head="title", next_tok=end)
    p = 0
    prev_indef = True
    last_role = toks[0]
    while p < len(toks):
        t = toks[p]
        k = keys[t]
        c = _classify(k)
        if not doc.is_word[t]:
            p += 1
            last_role = t
            prev_indef = False
            continue
        if (p > 0 and k[:1] == "ل" and (k[1:] in _MEDIA or "ا" + k[1:] in _MEDIA)
                and keys[toks[p - 1]] not in _MEDIA_STAFF):
            # "وقال المصدر | لوكالة الأنباء الألمانية"، "السفير | لصحيفة": an addressee
            return Mention(role_start, last_role + 1, head="title", next_tok=last_role + 1)
        ml, eid = catalog.match_at(keys, t)
        if eid and ml > 1:
            p += ml
            last_role = t + ml - 1
            prev_indef = False
            continue
        if (k in _ROYAL and p > 0 and p + 1 < len(toks) and doc.is_word[toks[p + 1]]
                and (_place_or_org(keys[toks[p - 1]]) or _strip_bl(keys[toks[p - 1]]) in _NAMED_AFTER)):
            p += 2  # "بجامعة الملك فيصل"، "مدينة الملك فهد الطبية": the institution's name
            while p + 1 < len(toks) and keys[toks[p]] in NAME_LINKS:
                p += 2  # "مركز الملك سلمان بن عبدالعزيز للإغاثة"
            last_role = toks[p - 1]
            prev_indef = False
            continue
        if p > 0 and k[:1] == "و" and (_classify(k[1:]) in ("title", "org") or (
                _is_def(k[1:]) and not prev_indef and _classify(keys[toks[p - 1]]) != "hon")):
            p += 1  # "رئيس هيئة كبار العلماء | وإدارة البحوث"، "بمجلس النواب | ورئيس اللجنة"
            last_role = t
            prev_indef = not _is_def(k[1:])
            continue
        if k == "ال" and p > 0 and p + 1 < len(toks) and doc.is_word[toks[p + 1]]:
            break  # "معالي | آل الشيخ": a family name opens with آل, whatever follows it
        if c in ("title", "org", "hon") or k in CONNECTORS:
            prev_indef = not _is_def(k) and c != "hon"
            p += 1
            last_role = t
            continue
        if k in _GENERAL_ADJ and p > 0 and _classify(keys[toks[p - 1]]) == "title":
            p += 1  # "مدير عام | فرع وزارة العمل": "general", the construct goes on
            last_role = t
            continue
        if k in _PLACE_NOUNS:
            p += 1  # "أمين منطقة تبوك": a place noun always takes the place's name
            last_role = t
            prev_indef = True
            continue
        if (p == len(toks) - 1 and k[:1] == "ب" and len(k) > 3 and t + 2 < len(doc)
                and keys[t + 1] in ("،", ",") and keys[t + 2] in HONORIFICS):
            p += 1  # "رئيس المجلس … بتعز، الشيخ حمود …": a locative, the name follows
            last_role = t
            break
        if (p > 0 and c == "word" and _is_def(k) and _classify(keys[toks[p - 1]]) == "hon"
                and keys[toks[p - 1]] != "صاحب" and k not in _HONORIFIC_EPITHETS and k != "ال"
                and not catalog.state_for(k) and not catalog.adjective(k)):
            # "د. الطبيقي"، "الشيخ القاسم": a family name alone right after the honorific
            return Mention(t, t + 1, role_start, t, head="name", next_tok=t + 1)
        if (_is_def(k) or (k[:1] in ("ل", "ب") and _is_def(k[1:])) or (k[:2] == "لل" and len(k) > 3)
                or catalog.state_for(k) or eid):  # (لل = لـ + الـ: للخطوط، للأمم)
            prev_indef = False
            p += 1
            last_role = t
            continue
        if (k[:1] == "ب" and len(k) > 4 and p + 1 < len(toks) and doc.is_word[toks[p + 1]]
                and (k[1:] in _PLACE_NOUNS or _classify(k[1:]) == "org")):
            p += 1  # "مدير التعليم بمنطقة تبوك": a locative by بـ continues the role
            last_role = t
            prev_indef = True
            continue
        if (k[:1] == "ل" and len(k) > 3 and p + 1 < len(toks) and doc.is_word[toks[p + 1]]
                and keys[toks[p + 1]].startswith("ال") and not _adjective_like(keys[toks[p + 1]],
                                                                              catalog)):
            p += 1  # "وكيل وزارة الحج لشؤون الحج": a genitive by لـ continues the role
            last_role = t
            prev_indef = True
            continue
        if (_lam_noun(doc, t) and p + 1 < len(toks)
                and (_classify(keys[toks[p - 1]]) in ("title", "org") or keys[toks[p - 1]] == _GENERAL
                     or catalog.adjective(keys[toks[p - 1]])  # وزير الدولة الكويتي | لشؤون مجلس
                     or keys[toks[p - 1]] in _AFFILIATION)  # لجنة … التابعة | لغرفة تجارة جدة
                and not is_addressee(k, catalog) and not k.endswith("ي")):
            # "المدير العام | لمطار عدن الدولي": a genitive by لـ continues the title (a foreign
            # name in لـ — لوران، لابيل — reads لا/لو/لي)
            p += 1
            last_role = t
            prev_indef = True
            continue
        hon = -1
        if k[:1] == "ل" and len(k) > 3:
            hon = next((q for q in range(p + 1, min(len(toks), p + 4)) if _classify(keys[toks[q]]) == "hon"), -1)
        if hon > 0:
            # "المدير التنفيذي لسوق عكاظ | الدكتور راشد …، … لشركة مترو جدة | الدكتور …":
            # the genitive runs to the honorific that opens the name
            last_role = toks[hon - 1]
            p = hon
            continue
        if k.endswith(("يون", "يين")) and len(k) > 5:
            p += 1  # a plural nisba adjective (مسؤولو أمن إسرائيليون) is no personal name
            last_role = t
            continue
        if prev_indef and not _looks_verb(k):
            prev_indef = False  # genitive of a construct: رئيس وزراء، مسؤول حالات
            p += 1
            last_role = t
            continue
        break
    if (p >= len(toks) or _looks_verb(keys[toks[p]]) or is_addressee(keys[toks[p]], catalog)
            or _lam_noun(doc, toks[p]) or keys[toks[p]] in OBJECT_MASDARS or masdar_with_pronoun(keys[toks[p]])):
        # (… "لأطباء عبر القارات": a لـ-noun is no given name; "وأكد الوزير | أهمية الدور":
        # the stance object begins)
        # title-only speaker (مسؤول بالأمم المتحدة، المتحدث باسم الوزارة; not "… لصحيفة")
        end = last_role + 1
        return Mention(role_start, end, head="title", next_tok=end)
    # "مدير عام تعليم محافظة سراة عبيدة | الدكتور ملفي العتيبي": a word just before an
    # honorific is still the role's; the name follows the honorific
    h = next((q for q in range(p + 1, min(len(toks), p + 3)) if _classify(keys[toks[q]]) == "hon"
              and keys[toks[q - 1]] != "ال" and q + 1 < len(toks) and doc.is_word[toks[q + 1]]), -1)
    if h > 0 and all(doc.is_word[toks[q]] for q in range(p, h)) and any(
            _classify(keys[toks[q]]) == "title" for q in range(p)):  # (not "د. ناصر العريفي | الأستاذ …")
        p = h
        while p < len(toks) and _classify(keys[toks[p]]) == "hon":
            p += 1
        if p >= len(toks):
            end = toks[h - 1] + 1
            return Mention(role_start, end, head="title", next_tok=end)
    # skip honorifics just before the name (… الدكتور صلاح البردويل)
    name_start = toks[p]
    q = p
    while q < len(toks) and _name_like(doc, toks[q], catalog, first_pos=q == p):
        q += 1
    name_end = toks[q - 1] + 1
    role_end = name_start
    while role_end - 1 > role_start and keys[role_end - 1] in HONORIFICS:
        role_end -= 1
    return Mention(name_start, name_end, role_start, role_end, head="name", next_tok=name_end)


#: "issued" after a document noun: the issuer follows with عن/من.
_ISSUED = _n("صادر الصادر صادرة الصادرة صدر")


def _doc_subject(doc: Doc, toks: list[int], catalog: EntityCatalog) -> Mention | None:
    """بيان المنظمة / تقرير الأمم المتحدة: the document's author is the speaker."""
    if len(toks) < 2:
        return Mention(toks[0], toks[0] + 1, head="doc", next_tok=toks[0] + 1)
    rest = toks[1:]
    k = doc.keys[rest[0]]
    if k in _ISSUED:
        # "بيان صادر عن المجلس"، "تقرير صدر أمس عن …": the issuer (past عن, a stop word)
        j = rest[0] + 1
        while j < len(doc) and doc.keys[j] in TIME_WORDS:
            j += 1
        if j + 1 < len(doc) and doc.keys[j] in ("عن", "من"):
            sub = parse_mention(doc, j + 1, catalog)
            return sub if sub is not None and sub.head != "doc" else None
        return None
    if not rest:
        return None
    if k in _RECEIVED:
        # "وبحسب بيان تلقت الشرق الأوسط نسخة منه": who received the document, not who issued it
        return Mention(toks[0], toks[0] + 1, head="doc", next_tok=toks[0] + 1)
    definite = doc.keys[toks[0]].startswith("ال")
    if document_adjective(doc.keys[rest[0]], catalog, definite):
        # "وأكد البيان الختامي أن"، "وقال البيان المشترك إن"، "كشف تقرير حديث لشركة …": a
        # document's adjective is not its owner
        e = rest[0] + 1
        while e in rest and document_adjective(doc.keys[e], catalog, definite):
            e += 1
        return Mention(toks[0], e, head="doc", next_tok=e)
    sub = _split(doc, rest, catalog)
    if sub is None:
        return None
    return sub


def document_adjective(k: str, catalog: EntityCatalog, definite: bool = True) -> bool:
    """An adjective of a document (الختامي، المشترك، السنوي، الإحصائي، الـ51; after an
    indefinite one: حديث، جديد، رسمي) — not one of a state or body, which names its owner
    (البيان الفرنسي، التقرير الأممي)."""
    if not definite:
        return k in _DOC_ADJECTIVES_INDEFINITE
    if not k.startswith("ال") or catalog.match_at([k], 0)[1] or catalog.state_for(k) or catalog.adjective(k):
        # (the key of «الـ 51» is «ال» and of «الـ51» «ال51»)
        return False
    return k == "ال" or k[2:].isdigit() or _adjective_like(k, catalog) or k in _DOC_ADJECTIVES


def _named_in_full(doc: Doc, m: Mention, catalog: EntityCatalog) -> bool:
    """The text gives this name in full elsewhere (عبد الفتاح السيسي for السيسي)."""
    from ingest.speech.coreference import name_in_text  # (coreference builds on this module)

    return name_in_text(doc, m.start, m.end, catalog) is not None


def subject_before(doc: Doc, cue_tok: int, catalog: EntityCatalog, loose: bool = False
                   ) -> Mention | None:
    """Subject-first: a mention ending right before the cue (فرنسا قالت، وكان عباس قال،
    وعودة لبيان الوزارة، حيث قالت).

    Organisations and catalog entities are taken from a noun phrase that ends before the
    verb (after حيث/قد/a comma); a personal name only after كان/وكان or at the sentence
    start. With ``loose`` (inside reported words) a plural noun before a plural verb also
    counts (منتقدين يقولون).
    """
    j = cue_tok - 1
    s0 = doc.sent_start_tok(cue_tok)
    while j >= s0 and doc.keys[j] in ("قد", "حيث", "،", ",", "التي", "الذي", "الذين"):
        if doc.keys[j] in ("التي", "الذي", "الذين"):
            return None
        j -= 1
    if j < s0 or not doc.is_word[j]:
        if not (j >= s0 and j in doc.quote_open):  # («المرصد السوري لحقوق الإنسان» أعلن)
            return None
    if doc.keys[j] in _SOME_PEOPLE and (j == s0 or doc.keys[j - 1] in _CLAUSE_PARTICLES):
        return Mention(j, j + 1, head="title", next_tok=j + 1)  # "لكن البعض قال أيضا إنه …"
    start = j
    while start - 1 >= s0 and j - start < 8 and not stop_token(doc, start - 1):
        start -= 1
    names: list[tuple[int, Mention]] = []
    title: Mention | None = None
    for s in range(start, j + 1):
        k = doc.keys[s]
        lstrip = k[:1] == "ل" and len(k) > 3 and not _is_def(k) and k not in TITLES
        m = _split(doc, list(range(s, j + 1)), catalog)
        if m is None or m.next_tok != j + 1:
            continue
        if not doc.is_word[j]:
            # a quoted name opens its clause ("أن «هدف» ترى"، "منظمة «مجموعة الأزمات» أعربت"),
            # not the end of a phrase (ضد «داعش»، قال; على موقع «تويتر» يقول)
            b = s - 1
            if not (b < s0 or doc.keys[b] in _CLAUSE_PARTICLES or doc.keys[b] in KANA
                    or not doc.is_word[b]):
                continue
        if m.entity_id or m.head == "org":
            return m
        if m.head == "name" and not lstrip:
            names.append((s, m))
        if (m.head == "title" and s == start and not lstrip
                and (s == s0 or doc.keys[s - 1] in _CLAUSE_PARTICLES or KANA.get(doc.keys[s - 1]) in ("m", "f"))):
            # "يُشار إلى أن مصادر عدة أكدت أن …"، "وكان المتحدث قال": a title phrase that opens
            # its clause right before the verb is its subject (unless a name in it speaks)
            title = m
    if names:
        s, m = names[0]
        before = doc.keys[s - 1] if s > s0 else ""
        if (s == s0 or KANA.get(before) in ("m", "f")) and doc.keys[m.start] not in NOT_SUBJECTS:
            return m  # (not "وكانت آخر مرة أعلن فيها": the predicate of كان)
        r = s
        while r - 1 > s0 and s - r < 2 and doc.keys[r - 1] in TITLES:
            r -= 1  # "أن الرئيس | السيسي قال": a title between the particle and the name
        if (r < s and doc.keys[r - 1] in _CLAUSE_PARTICLES and not _derived_masdar(doc.keys[m.start])
                and (m.entity_id or _named_in_full(doc, m, catalog))):
            # (a الـ-word after a title is as often an adjective: أن الرئيس المصري شدد)
            return Mention(m.start, m.end, r, s, head="name", entity_id=m.entity_id, next_tok=m.next_tok)
        if (before in _CLAUSE_PARTICLES and not doc.keys[m.start].startswith("ال")
                and "\u064b" not in doc.surface(m.start, m.end)):
            return m  # إلا أن أبوت أقر بأن، لكن دندن يرى أن (not: أن أبحاثًا سابقة أوضحت)
        if loose and doc.keys[cue_tok].endswith(("ون", "وا")) and m.end - m.start == 1:
            k = doc.keys[m.start]
            if k.endswith(("ون", "ين")):
                return m
    return title


#: Frequent non-speech news verbs that stand right before their subject (انتقد روبن، قرر
#: أبوت، وكرر جعجع): a name parsed after one is the subject, and the verb is no given name.
NEWS_VERBS = _n(
    "قرر زار التقى استقبل هاجم وصف سئل وعد ترأس ظهر كرر ختم برهن أجرى اتفق "
    "غادر وصل توجه شارك حضر افتتح دشن وقع بحث ناقش تلقى بعث أرسل عاد رأس اعتبر رفض "
    "قررت زارت التقت استقبلت هاجمت شاركت حضرت وقعت بحثت ناقشت تلقت أرسلت عادت "
    "كررت رفضت اعتبرت دعا دعت طالب طالبت هدد هددت") | cues.STANCE_VERBS
_CLAUSE_PARTICLES = _n("أن إن لكن ولكن بل")
#: Pronoun-like groups that speak before their verb (لكن البعض قال، إلا أن آخرين يرون).
_SOME_PEOPLE = _n("البعض بعضهم آخرون آخرين الكثيرون كثيرون")
_BROKEN_PLURALS = _n("سكان شهود نشطاء خبراء مصادر أطباء عمال قادة زعماء مسؤولو مواطنون شبان أهالي ذوو ذوي "
                     "سكانها وجهاء علماء طلاب محامون")


def mention_gender(doc: Doc, m: Mention, catalog: EntityCatalog) -> str:
    """Grammatical gender of a mention when it can be read off the words (else "")."""
    if m.entity_id:
        ent = catalog.get(m.entity_id)
        if ent and ent.gender:
            return ent.gender
    k = doc.keys[m.start]
    if m.head == "name" and k.endswith("ون") and len(k) > 4 and (
            m.end - m.start == 1 or doc.keys[m.start + 1].endswith(("ون", "ين"))):
        return "p"  # محللون، مسؤولون أمريكيون (a plural with its agreeing adjective)
    if k in _BROKEN_PLURALS or (k.startswith("ال") and k[2:] in _BROKEN_PLURALS):
        return "p"  # سكان وشهود، نشطاء، خبراء، القادة
    if k.startswith("ال") and k.endswith("ون") and len(k) > 6:
        return "p"  # المحتجون، المختصون (a definite sound plural; not a name like خلدون)
    if m.head in ("org", "entity", "title"):
        if k.endswith("ه") or k.endswith("ات"):
            return "f"
        if k.endswith("ون") or k.endswith("ين") or k in ("مصادر", "المصادر", "السلطات"):
            return "p"
        return "m"
    return ""


def disagrees(doc: Doc, m: Mention, cue: cues.Cue, catalog: EntityCatalog) -> bool:
    """A masculine past verb before a feminine body: the noun phrase is not its subject (a verb
    agrees in gender with a subject after it), so it is the object (وحث الوزارة على …، كما
    اتهم السلطات المحلية بالفساد). Only bodies and -ات plurals: a name or a title ending in ة
    (خليفة، العلامة) says nothing of its gender."""
    if cue.gender != "m" or cue.present:
        return False
    if m.head not in ("org", "entity") and not doc.keys[m.start].endswith("ات"):
        return False
    return mention_gender(doc, m, catalog) == "f"


# --- subject vs. object after a transitive speech verb (دانت X Y، اتهم X Y بـ) ----------

#: Definite adjectives that are not nisba (-ي/-ية) forms.
_ADJ_WORDS = _n(
    "المتحدة العليا الأعلى العام العامة الكبرى الحر الحرة المستقلة الخاص الخاصة الدائم الدائمة "
    "الأول الأولى السابق السابقة الجديد الجديدة المؤقتة الموحد الموحدة المشترك المشتركة الحاكم "
    "المعارض المعارضة المسلحة المكلف المكلفة المنتخب المنتهية المستقيل المقال"
)
#: -ية nouns that head an object (العملية الإرهابية، القضية الفلسطينية), not adjectives.
_IYYA_NOUNS = _n("العملية القضية الاتفاقية التسوية الرؤية الحرية الهوية الهجمة المبادرة")
_NAME_LINKS = NAME_LINKS | _n("عبد أبو أم")


def _adjective_like(k: str, catalog: EntityCatalog) -> bool:
    if k in _ADJ_WORDS or catalog.adjective(k) or catalog.state_for(k):
        return True
    if k in _IYYA_NOUNS:
        return False
    return k.startswith("ال") and (k.endswith("يه") or k.endswith("ي")) and len(k) > 4


def _np_cut(doc: Doc, a: int, b: int, catalog: EntityCatalog, closed: bool = False) -> int:
    """First token in ``a..b-1`` where an organisation/role phrase is complete and a new noun
    phrase (the verb's object) starts: a second definite noun (الجامعة العربية | القصف),
    or an indefinite noun / بال-word after a complete phrase. ``b`` when none."""
    keys = doc.keys
    t = a
    prev_head = False  # previous token an indefinite head awaiting its genitive
    while t < b:
        k = keys[t]
        if not doc.is_word[t]:
            if k in QUOTE_OPEN and t in doc.quote_close:
                t = doc.quote_close[t] + 1
                closed, prev_head = True, False
                continue
            return t
        if closed and (cl := _coordinated_entity(doc, a, t, catalog)):
            t += cl  # (بريطانيا | وفرنسا …)
            continue
        ml, eid = catalog.match_at(keys, t)
        if eid:
            if closed and not prev_head and k[:1] != "ل":
                return t  # اتهمت باكستان | الهند; genitive لمنظمة التحرير stays
            t += max(ml, 1)
            closed, prev_head = True, False
            continue
        cls = _classify(k)
        if k in CONNECTORS:
            t += 1
            closed, prev_head = False, True
            continue
        if cls in ("title", "org", "hon") and not _is_def(k):
            if closed:
                return t
            prev_head = True
            t += 1
            continue
        if k.startswith("لل") or (k[:1] == "ل" and (
                not closed or _classify(k[1:]) in ("org", "title"))):
            t += 1  # genitive by لـ: الأمين العام للأمم المتحدة
            closed, prev_head = True, False
            continue
        if _adjective_like(k, catalog) and t > a:
            t += 1
            continue
        if _is_def(k):
            if closed and not prev_head:
                return t
            t += 1
            closed, prev_head = True, False
            continue
        if prev_head:
            t += 1
            prev_head = False
            continue
        if closed:
            return t
        t += 1
    return b


#: Quantifiers open an object, never a subject (دعت كافة الأطراف، دعا جون كيري جميع …).
QUANTIFIERS = _n("كافة كل جميع كلا بعض")
_NAME_CUT = _n("بشدة بأشد بقوة بأقوى مجددا شخصيا")
#: Honorifics with a pronoun stand for a speaker already named (وطالب معاليه …).
PRONOUN_HONORIFICS = _n("معاليه سموه فخامته سماحته سيادته دولته جلالته")


def trim_object(doc: Doc, m: Mention, catalog: EntityCatalog) -> Mention:
    """Cut an object noun phrase that the mention parser glued to the subject of a
    transitive cue: "دانت الجامعة العربية القصف التركي" → الجامعة العربية."""
    keys = doc.keys
    if m.head in ("org", "entity", "title"):
        cut = _np_cut(doc, m.start, m.next_tok, catalog)
        if cut <= m.start:
            return m
        return Mention(m.start, cut, head=m.head, entity_id=m.entity_id, next_tok=cut)
    if m.head != "name":
        return m
    if keys[m.start] in PRONOUN_HONORIFICS:
        return Mention(m.start, m.start + 1, head="name", next_tok=m.start + 1)
    # a name: from its third word on, a definite word (not after عبد/أبو/بن) or a بال-word
    # starts the object (نبيل العربي | الهجوم، باراك أوباما | بالهجوم)
    for t in range(m.start + 1, m.end):
        k = keys[t]
        prev = keys[t - 1]
        if (k in QUANTIFIERS or k in _NAME_CUT or k.startswith("بال") or (
                _is_def(k) and t - m.start >= 2 and prev not in _NAME_LINKS
                and k not in ("الله", "الدين", "الرحمن") and not _adjective_like(k, catalog))
                or _derived_masdar(k)):
            if t == m.start:
                return m
            return Mention(m.start, t, -1 if m.role_start >= m.end else m.role_start,
                           -1 if m.role_start >= m.end else m.role_end, head="name",
                           entity_id=m.entity_id, next_tok=t)
    if m.role_start >= m.end:  # apposition after the name: its own end
        cut = _np_cut(doc, m.role_start, m.role_end, catalog)
        if cut < m.role_end:
            return Mention(m.start, m.end, m.role_start, cut, head="name",
                           entity_id=m.entity_id, next_tok=max(cut, m.end))
    return m


def _derived_masdar(k: str) -> bool:
    """Definite verbal nouns of derived verbs (الاعتراف، الانسحاب، التعليق، الإفصاح،
    المشاركة): an object or an act, never part of a personal name."""
    if not k.startswith("ال") or k.endswith("ات"):
        return False
    w = k[2:]
    if len(w) == 6 and w[0] == "ا" and (w[2] == "ت" or w[1] == "ن") and w[4] == "ا":
        return True  # افتعال، انفعال
    if len(w) == 7 and w.startswith("است") and w[5] == "ا":
        return True  # استفعال
    if len(w) == 5 and ((w[0] == "ت" and w[3] == "ي") or (w[0] == "ا" and w[3] == "ا")):
        return True  # تفعيل، إفعال
    return len(w) == 6 and w[0] == "م" and w[2] == "ا" and w[5] == "ه"  # مفاعلة
