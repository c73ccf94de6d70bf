"""Who speaks: finding the subject of a cue and its role, the stage between the cue and
the coreference step.

Arabic news names the speaker in many places relative to the verb: right after it, after
adverbials, pronoun objects or an addressee (وقالت في وقت سابق هوغيت لابيل، كشفت لـ«عكاظ»
مصادر), before it (إلا أن أبوت أقر), as the antecedent of a relative clause (هرمز مسعودي،
الذي قال), as the owner of a speech noun (تصريحاته التي اعتبر فيها), behind عن in a relayed
report (نقل X عن Y قوله), or only as the subject of the verb that opens the sentence
(انتقد سمير دندن …، قائلا). :class:`SubjectSearch` holds those look-ups; the extractor in
:mod:`ingest.speech` mixes it in, so each rule reads the same document, catalog and
discourse state.
"""

from __future__ import annotations

from ingest.arabic import normalize
from ingest.speech import cues
from ingest.speech.content import (
    COMPLEMENTIZERS,
    GOVERNS_TOO,
    Content,
    governed_at,
    is_complementizer,
    masdar_like,
    object_statement,
    span_chars,
)
from ingest.speech.coreference import WAW_NAMES, Discourse, Referent, make_referent, name_in_text
from ingest.speech.entities import EntityCatalog
from ingest.speech.source import (
    ANONYMOUS,
    HONORIFIC_PRONOUNS,
    HONORIFICS,
    KANA,
    MANNER_ADVERBS,
    NAME_LINKS,
    NEWS_VERBS,
    NOT_NAME_WORDS,
    NOT_SUBJECTS,
    OBJECT_MASDARS,
    ORG_HEADS,
    QUANTIFIERS,
    QUOTE_OPEN,
    STOP_WORDS,
    TIME_WORDS,
    TITLES,
    Mention,
    _classify,
    _derived_masdar,
    _looks_verb,
    _personal_name_word,
    _split,
    is_addressee,
    masdar_with_pronoun,
    mention_gender,
    parse_mention,
    stop_token,
    subject_before,
    time_phrase_len,
    trim_object,
)
from ingest.speech.tokens import SENT_END, Doc

_NAQAL = {normalize(w) for w in "نقل نقلت ونقل ونقلت نقلا".split()}

#: Pronoun objects and prepositional phrases that may come between a verb and its
#: subject (قال له X، أعلنت فيه X).
_OBJECT_PRONOUNS = {normalize(w) for w in "له لها لهم لنا لي فيه فيها فيهم عنه عنها".split()}
_THAT = {normalize(w) for w in "ذلك".split()}
_ALA = normalize("على")
_PREPOSITIONS = {normalize(w) for w in "في من إلى الى على عن مع خلال بعد قبل أمام لدى عند".split()}

_RELATIVES = {"التي", "الذي", "اللتي"}
_RELATIVE_GENDER = {"التي": "f", "الذي": "m"}

_HONORIFIC_WINDOW = 800  # tokens

#: Openers of a fronted subject besides كان (see ``_fronted_subject``).
_AMMA = {normalize(w): "" for w in ("أما", "وأما")}
_FRONTED_WINDOW = 24
#: Honorifics and military ranks that stand right before a personal name (الدكتور خالد السعد،
#: اللواء منصور التركي); not صاحب or دولة, which are as often "owner" and "state".
_NAME_HONORIFICS = {normalize(w) for w in (
    "الدكتور د المهندس الأستاذ الشيخ السيد السيدة البروفيسور الحاج "
    "اللواء العميد العقيد الفريق المشير المقدم الرائد النقيب").split()}
_ORG_WINDOW = 1500  # tokens
#: First words of compound given names (عبد الله، أبو بكر): the name runs one word further.
_COMPOUND_OPENERS = {normalize(w) for w in ("عبد", "أبو")}
_NAME_LINKS = NAME_LINKS | _COMPOUND_OPENERS
_DIRECTIONS = {normalize(w) for w in "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي".split()}

_SPEECH_NOUNS = tuple(normalize(w) for w in (
    "تصريحات", "تصريح", "بيان", "كلمة", "كلمت", "حديث", "خطاب", "مقابلة", "مقابلت", "رسالة", "رسالت", "تغريدة",
    "تغريدت", "مقال"))

_DEMONSTRATIVES = {normalize(w) for w in "هؤلاء هذا هذه ذلك تلك أولئك".split()}

_NOT_BEFORE_VERB = {normalize(w) for w in (
    "أن إن ان بأن وأن وإن لأن في على من إلى الى عن مع بعد قبل ضد حول عند لدى ب ل ما لا لم لن "
    "التي الذي الذين اللذين اللتين عدم تم يتم رغم برغم إثر عقب بسبب ضد مقابل تجاه وسط "
    "بعدم كتب").split()} | COMPLEMENTIZERS

_GOVERNED_CHARS = {"طالب": "ب", "رحب": "ب", "ندد": "ب", "اتهم": "ب", "ناشد": "ب"}

#: Masdars that follow a governed بـ (طالب بوقف، طالبت بتخصيص): never a subject.
_MASDARS = {normalize(w) for w in (
    "وقف ضرورة إطلاق عدم تشكيل فتح تقديم إجراء رفع إلغاء تخصيص سحب منح توفير إعادة حماية "
    "إنهاء تسليم محاسبة محاكمة اتخاذ تنفيذ دعم إيجاد احترام").split()}

#: Indefinite person descriptions that a later sentence may name (cataphora).
PERSON_DESCRIPTIONS = {normalize(w) for w in (
    "مسؤول مسؤولة دبلوماسي دبلوماسية متحدث متحدثة ناطق ناطقة مستشار مستشارة").split()}

_ROLE_STOP = STOP_WORDS - {"في", "لدى"}

_ADVERBIAL_HEADS = {normalize(w) for w in "بعد قبل خلال عقب إثر أثناء لدى منذ عند".split()}

_TIME_NOUNS = {normalize(w) for w in "مطلع بداية نهاية ختام أواخر أوائل منتصف أعقاب".split()}

def _role_adverbial(doc: Doc, t: int) -> bool:
    """A time/place adverbial that ends a role description (بعد زيارة …، في مطلع الأسبوع)."""
    k = doc.keys[t]
    if k in _ADVERBIAL_HEADS or k in TIME_WORDS:
        return True
    return k == "في" and t + 1 < len(doc) and (doc.keys[t + 1] in _TIME_NOUNS
                                              or doc.keys[t + 1] in TIME_WORDS)

#: Verbs of doing that open news clauses (وقام كارتر بزيارة، وقد واصل كارتر محاولاته، وكان
#: رفلين قد شارك): their known subject is who a later subjectless cue continues with. Kept
#: apart from NEWS_VERBS, which also end names.
ACT_VERBS = {normalize(w) for w in (
    "قام قامت واصل واصلت حاول حاولت سعى سعت تحدث تحدثت كان كانت شكر شكرت كتب كتبت ذهب ذهبت").split()}

#: Verbs that issue a document (أصدرت وزارة الداخلية أمس بيانا): their subject is who the
#: document speaks for when it is quoted later (وأشار البيان إلى أن …).
ISSUE_VERBS = {normalize(w) for w in "أصدر أصدرت نشر نشرت وزع وزعت".split()}
#: The issued document as an indefinite object.
_ISSUED = {normalize(w) for w in "بيانا تقريرا".split()}  # (normalising drops the tanween)


#: Plural nouns for groups of people who speak (مسؤولون، خبراء، نواب …), without الـ.
GROUP_NOUNS = {normalize(w) for w in (
    "مسؤولون مسؤولين مسؤولو مسؤولي خبراء محللون محللين مراقبون مراقبين ناشطون ناشطين نشطاء "
    "دبلوماسيون دبلوماسيين مواطنون مواطنين معارضون معارضين متظاهرون متظاهرين محتجون محتجين "
    "نواب أعضاء وزراء قادة زعماء سكان شهود أطباء مصادر").split()}
#: Counts before such a group (عشرات المسؤولين).
_GROUP_COUNTS = {normalize(w) for w in "عشرات مئات آلاف بعض".split()}


def _group_end(doc: Doc, t: int, end: int) -> int:
    """Where the group phrase starting at ``t`` ends (before ``end``, the parser's guess):
    after its agreeing plural adjectives (ماليين مستقلين), الـ-nouns (خبراء الصندوق) and
    في/من + الـ-nouns (مسؤولون في الاتحادات الخليجية); not at a verb (ناشطون تحدثوا،
    يشعرون), an object in بـ (النواب بتمرير …), a title or any other word."""
    keys = doc.keys
    e = t + 1
    while e < end:
        k = keys[e]
        if k.endswith(("ون", "ين")) and not (k[:1] in ("ي", "ت") and k.endswith("ون")):
            e += 1  # an agreeing adjective (not an imperfect verb: يشعرون)
        elif k.startswith("ال") and k not in TITLES:
            e += 1
        elif k in ("في", "من") and e + 1 < end and keys[e + 1].startswith("ال"):
            e += 2
        else:
            break
    return e


def clause_verb(k: str) -> str:
    """The key of a news or act verb without a leading و/ف, unless the word is such a verb as
    written (واصل، وصل: the و of the root) — as cues.strip_conj keeps a cue that starts with و."""
    if k in NEWS_VERBS or k in ACT_VERBS:
        return k
    return k[1:] if k[:1] in ("و", "ف") and len(k) > 3 else k


def _noun_like(k: str) -> bool:
    """A word that reads as a common noun rather than a name: a feminine or nisba ending
    (قدرة، استثنائية، سياسة) or a derived verbal noun (التفجير); «الله» is a name word."""
    return (k.endswith("ه") and k != "الله" and k not in _NAMES_IN_TA) or _derived_masdar(k)


_NAMES_IN_TA = {normalize(w) for w in "أسامة حمزة طلحة عبيدة معاوية عكرمة قتيبة".split()}

#: "من جانبه/جهته/ناحيته": the aside that opens a new party's turn.
_ASIDE_OPENERS = {normalize(w) for w in "جانبه جانبها جهته جهتها ناحيته ناحيتها".split()}
_NAME_LINK_WORDS = {normalize(w) for w in "عبد أبو أبي أم".split()}
_CLAUSE_OPENERS = {normalize(w) for w in "قد وقد فقد لقد كما فيما بينما حيث ثم كذلك لذلك ولذلك بدوره بدورها "
                   "من جهته جهتها جانبه جانبها ناحيته ناحيتها".split()}


_STATE_NOUNS = {normalize(w) for w in "جمهورية مملكة المملكة دولة سلطنة إمارة".split()}


def _full_name_end(doc: Doc, start: int, end: int) -> int:
    """Where a name met mid-sentence most likely ends, since what follows it there is no
    subject boundary (محمد بن نايف بن عبدالعزيز | اتصالاً هاتفياً، خالد الفيصل | البرنامج):
    after the word that follows its last بن/آل, else after two words (three after عبد/أبو).
    Returns ``start`` when the phrase cannot open a name (وإدارة …، شكره …)."""
    keys = doc.keys
    first = doc.surface(start, start + 1)
    if (first[:1] in ("و", "ف") and keys[start][1:3] == "ال") or first.endswith(("ها", "هم")) or (
            first.endswith("ه") and not first.endswith("له") and len(first) > 2):
        return start
    if keys[start] in ORG_HEADS or keys[start][1:] in ORG_HEADS or keys[start] in _STATE_NOUNS or (
            first[:1] == "و" and keys[start] not in WAW_NAMES):
        return start  # "… للجبيل | وينبع بالجهود": a conjunction, not a given name
    links = [t for t in range(start + 1, end - 1) if keys[t] in NAME_LINKS]
    if links:
        e = links[-1] + 2  # "عادل بن أحمد | الجبير": a family name may follow the last link
        return e + 1 if e < end and keys[e].startswith("ال") and keys[links[-1]] != "ال" else e
    width = 3 if keys[start] in _COMPOUND_OPENERS else 2
    return min(end, start + width)


#: Prepositions a speech verb governs that may follow its subject (كشف X عن، أكد X على).
_GOVERNED_AFTER_SUBJECT = {normalize(w) for w in "عن على".split()}


def _role_before(m: Mention) -> int:
    """Where the role of a name found after its title starts: the title parsed before the
    name, or else the mention's own start (the mention was the title)."""
    return m.role_start if 0 <= m.role_start < m.start else m.start


def _role_word(k: str) -> bool:
    """A word that goes on a title: definite (المكرمة), or و/ب/ل + definite (والعمرة، بالغرفة،
    للحج), or ب + a place or body (بمكة، بمحافظة)."""
    return (k.startswith(("ال", "وال", "بال", "لل")) or k in ORG_HEADS or k in TITLES
            or (k[:1] == "ب" and len(k) > 3))


class SubjectSearch:
    """Subject and role look-ups for the extractor (a mixin: it needs ``doc``, ``cat``,
    ``disc``, ``out``, ``text`` and ``_referent`` from the class that uses it)."""

    doc: Doc
    cat: EntityCatalog
    disc: Discourse
    text: str
    out: list

    def _referent(self, m: Mention, verb_gender: str, lstrip: int = 0) -> Referent:
        raise NotImplementedError

    def _titled_name_before(self, tok: int, key: str) -> Referent | None:
        """"الوزير" with no earlier speaker to refer to: among the people the text before
        names with that title ("وزير الخارجية الروسي سيرجي لافروف", often in a lead outside
        any statement), the one whose surname was mentioned most recently ("عبر لافروف …")."""
        doc = self.doc
        bare = key[2:] if key.startswith("ال") else key
        best: tuple[int, Referent] | None = None
        for t in range(tok - 1, -1, -1):
            if doc.keys[t] not in (bare, key, "و" + bare, "و" + key):
                continue
            m = parse_mention(doc, t, self.cat)
            if m is None or m.head != "name" or m.role_start < 0:
                continue
            end = next((u for u in range(m.start + 1, m.end) if doc.keys[u][:1] == "و" and len(doc.keys[u]) > 3),
                       m.end)  # "جون كيري ونظيره السعودي …": the first person only
            if (end - m.start == 1 and end < len(doc) and doc.is_word[end] and doc.keys[end] not in STOP_WORDS
                    and cues.lookup(doc.keys[end])[0] is None):
                end += 1  # a surname the mention parser left out
            names = set(doc.keys[m.start : end])
            seen = max((u for u in range(end, tok) if doc.keys[u] in names), default=t)
            if best is None or seen > best[0]:
                best = (seen, self._titled_referent(m, end))
        return best[1] if best else None

    def _titled_referent(self, m: Mention, end: int) -> Referent:
        """A referent for the name ``m.start..end`` introduced with the title ``m``'s role."""
        doc = self.doc
        ns, ne = doc.starts[m.start], doc.ends[end - 1]
        rs, re_ = span_chars(doc, m.role_start, m.role_end)
        return make_referent(self.text[ns:ne], ns, ne, self.text[ns:ne], "", m.entity_id,
                             self.text[rs:re_], "name")

    def _title_introduced(self, start: int, end: int) -> Referent | None:
        """"معالي وزير الخارجية" (tokens ``start..end``) with nobody in the discourse to stand
        for: the nearest earlier place where the same title words introduce a name ("التقى
        معالي وزير الخارجية الأستاذ عادل بن أحمد الجبير"), or a longer title that only one
        named person bears."""
        doc = self.doc
        while start < end and doc.keys[start] in HONORIFICS:
            start += 1
        title = doc.keys[start:end]
        if len(title) < 2:
            return None
        exact: list[Referent] = []
        longer: list[Referent] = []
        for t in range(start - len(title), -1, -1):
            if doc.keys[t : t + len(title)] != title:
                continue
            m = parse_mention(doc, t, self.cat)
            if m is not None and m.head == "name" and m.role_start == t and m.end - m.start >= 2:
                end = self._name_words_end(m.start, m.end)
                if end - m.start >= 2:
                    (exact if m.role_end == t + len(title) else longer).append(self._titled_referent(m, end))
        if exact:
            return exact[0]
        # the title as the start of a longer one ("خادم الحرمين الشريفين الملك سلمان"), when
        # only one person bears it ("وزير الخارجية السعودي …" and "وزير الخارجية الإيطالي …" are two)
        if longer and len({r.canonical.split()[-1] for r in longer}) == 1:
            return longer[0]
        return None

    def _name_words_end(self, a: int, e: int) -> int:
        """How far tokens ``a``..``e`` (a name the mention parser took after a title) are
        personal-name words: up to four (six with بن/آل/عبد), not past a verb, cue, stop word or common noun
        ("فيليب هاموند | يعد الأول"، "أحمد داود أوغلو"); ``a`` when the first word is a
        verbal noun or a quantifier ("تمتين العلاقات"، "جميع دول") or a word before the name
        (بتقديم الشكر)."""
        doc = self.doc
        first = doc.keys[a]
        if first in QUANTIFIERS or _derived_masdar("ال" + first) or not (
                _personal_name_word(doc, a) or first in WAW_NAMES):  # (فيليب هاموند)
            return a
        end = a
        while end < min(e, a + 6):
            k = doc.keys[end]
            if k in _NAME_LINKS:
                end += 1
                continue
            if not (doc.is_word[end] and (_personal_name_word(doc, end) or k in WAW_NAMES) and not _noun_like(k)
                    and k not in STOP_WORDS and cues.lookup(k)[0] is None
                    and not (len(k) >= 5 and k.endswith("ات"))  # (الجبير | مباحثات)
                    and not (len(k) == 4 and k.endswith("ا"))  # (القحطاني | عرضا)
                    and not (len(k) == 3 and k[0] in ("ي", "ت") and k[1] not in ("و", "ي"))  # (يعد)
                    and not (end > a + 1 and k[:2] in ("سي", "ست") and len(k) >= 5)):  # (الجبير | سيزور)
                break
            end += 1
            if end - a >= 4 and not any(doc.keys[u] in _NAME_LINKS for u in range(a, end)):
                break
        while end > a and doc.keys[end - 1] in _NAME_LINKS:
            end -= 1  # (a name does not end in بن or عبد)
        return end

    def _subject_after_adjuncts(self, j: int) -> Mention | None:
        """The subject after what may stand between it and the verb: "وقالت في وقت سابق
        هوغيت لابيل"، "وقال له يوكيو يوشيوكا"، "أعلنت فيه جبهة النصرة"، "كشفت لـ«عكاظ»
        مصادر مطلعة". Only a subject that is followed by the reported words (a
        complementizer, a colon or a quotation, after an optional apposition) counts, so a
        verb whose subject is a pronoun (قال له إن …) keeps it."""
        doc = self.doc
        n = len(doc)
        t = j
        addressed = False
        while t < n and t - j < 10:
            k = doc.keys[t]
            if span := time_phrase_len(doc, t):
                t += span
            elif k in _OBJECT_PRONOUNS or k in MANNER_ADVERBS or k in ("،", ","):
                t += 1
            elif t == j and k in _THAT and t + 1 < n and (
                    doc.keys[t + 1] == "ل" or is_addressee(doc.keys[t + 1], self.cat)):
                t += 1  # "أوضح ذلك لـ«الوطن» عضو اللجنة … سعد القرشي، مشيرا إلى أن": said so (not
                # "وصفت هذا الإجراء": a demonstrative before its noun)
            elif k == "ل" and t + 1 < n and doc.keys[t + 1] in QUOTE_OPEN and t + 1 in doc.quote_close:
                t = doc.quote_close[t + 1] + 1  # لـ«عكاظ»
                addressed = True
            elif k == "ل" and t + 1 < n and doc.keys[t + 1] == "(" and ")" in doc.keys[t + 2 : t + 6]:
                t = doc.keys.index(")", t + 2) + 1  # لـ(عكاظ)
                addressed = True
            elif is_addressee(k, self.cat):
                t = self._past_addressee(t)
            else:
                break
        if t == j or t >= n or doc.keys[t - 1] in ("،", ","):
            return None
        k = doc.keys[t]
        if k.startswith(("بال", "لل", "كال")) or "\u064b" in doc.surface(t, t + 1):
            return None  # "بالبريد الإلكتروني"، "ساخرًا": a manner adverbial, not a subject
        m = parse_mention(doc, t, self.cat)
        if m is None or m.head == "doc":
            return None
        m = self._extend_role(self._apposed_name(m))
        if m.head == "title" and not self._words_follow(m.next_tok):
            m = self._title_runs_to_name(m) or m
        if (addressed and m.end - m.start == 1 and m.role_start < 0 and doc.keys[m.start].startswith("ال")
                and doc.keys[m.start].endswith(("ي", "يه"))):
            return None  # "وقال لـ«مركز مناصري حقوق الإنسان» الإيراني، إنه": the addressee's adjective
        if self._words_follow(m.next_tok):
            return m
        # "كشف لـ(عكاظ) رئيس المنظمة … الدكتور بندر آل فهيد عن وجود …": the verb's own
        # preposition follows a subject set off by a named addressee (a titled or named
        # person: after "نفى مصدر لـ«…» وصول القضية إلى" the noun is the object)
        if (addressed and m.head == "name" and m.role_start >= 0 and m.next_tok < n
                and doc.keys[m.next_tok] in _GOVERNED_AFTER_SUBJECT):
            return m
        return None

    def _after_complementizer(self, c: Content) -> bool:
        """The words follow أن/إن or a colon (possibly opening with a quotation mark)."""
        doc = self.doc
        t = c.tok_start - 1
        if t >= 0 and doc.keys[t] in QUOTE_OPEN:
            t -= 1
        return t >= 0 and (doc.keys[t] == ":" or is_complementizer(doc, t))

    def _past_addressee(self, t: int) -> int:
        """After "لرويترز"، "لوكالة مهر الحكومية"، "لوسائل إعلام محلية"، "لصحيفة «الحياة»":
        the addressee with its genitives and adjectives; a title or a named body that
        follows is the subject (قال لرويترز مسؤول أمريكي)."""
        doc = self.doc
        n = len(doc)
        t += 1
        while t < n:
            k = doc.keys[t]
            if k in QUOTE_OPEN and t in doc.quote_close and doc.quote_close[t] - t <= 5:
                t = doc.quote_close[t] + 1
                continue
            if (not doc.is_word[t] or stop_token(doc, t) or k in TITLES or k in ANONYMOUS
                    or self.cat.match_at(doc.keys, t)[1] is not None and not k.startswith("ال")):
                break
            t += 1
        return t

    def _words_follow(self, t: int) -> bool:
        """The reported words open at ``t``, past commas, time adverbs, a parenthesis
        ("(86 عامًا)") and one comma-enclosed apposition ("، ذراع تنظيم القاعدة،")."""
        doc = self.doc
        n = len(doc)
        apposition = True
        while t < n:
            k = doc.keys[t]
            if is_complementizer(doc, t) or k == ":" or (
                    k in QUOTE_OPEN and t in doc.quote_close and doc.quote_close[t] - t > 4):
                return True  # (a short quotation is more often a name: «أوفيد»)
            if span := time_phrase_len(doc, t):
                t += span
            elif k == "(":
                close = next((x for x in range(t + 1, min(n, t + 6)) if doc.keys[x] == ")"), -1)
                if close < 0:
                    return False
                t = close + 1
            elif k in ("،", ",") and t + 1 < n and is_complementizer(doc, t + 1):
                return True  # "… الدكتور أحمد السالم، أن …"
            elif k in ("،", ",") and t + 1 < n and (doc.keys[t + 1] in cues.OTHER_PARTICIPLES
                                                   or doc.keys[t + 1] in cues.SAYING_PARTICIPLES):
                return True  # "… سعد القرشي، مشيرا إلى أن …": the words go on in a participle
            elif k in ("،", ",") and apposition:
                apposition = False
                close = next((x for x in range(t + 1, min(n, t + 12))
                              if doc.keys[x] in ("،", ",") or doc.keys[x] in SENT_END), -1)
                if close < 0 or doc.keys[close] in SENT_END:
                    return False
                t = close + 1
            else:
                return False
        return False

    def _antecedent(self, rel: int, gender: str) -> Referent | None:
        """"… هرمز مسعودي، الذي قال إن …": the named person or body the relative pronoun
        follows (after a comma) is the speaker. Without the comma the antecedent is as often
        the object ("الاشتباكات التي قال إنها …"), so only a body counts, and only when the
        relative and the verb agree in gender ("وفق صحيفة حرييت التي قالت إنه …")."""
        doc = self.doc
        c = rel - 1
        comma = c >= 1 and doc.keys[c] in ("،", ",")
        if not comma:
            # (the relative's gender must be the verb's: not "الاشتباكات التي قال إنها")
            if _RELATIVE_GENDER.get(doc.keys[rel]) != gender:
                return None
            c = rel
        best = None
        for t in range(c - 1, max(doc.sent_start_tok(c), c - 8) - 1, -1):
            k = doc.keys[t]
            if not doc.is_word[t] or k in STOP_WORDS or k in _DEMONSTRATIVES or cues.lookup(k)[0] is not None:
                break  # the noun phrase cannot reach back over a cue, a particle or a demonstrative
            m = parse_mention(doc, t, self.cat)
            if m is None or m.next_tok != c:
                continue
            boundary = (t == 0 or not doc.is_word[t - 1] or doc.keys[t - 1] in STOP_WORDS
                        or doc.keys[t - 1] in _DEMONSTRATIVES)
            # a bare name only at a clean left edge; a role, a title or a known body anywhere
            if m.head in ("org", "entity") or (comma and (
                    m.head == "title" or m.role_start >= 0 or (m.head == "name" and boundary))):
                best = m
        if best is not None:
            return self._if_agrees(self._referent(best, gender), gender)
        return None

    def _if_agrees(self, ref: Referent, gender: str) -> Referent | None:
        """``ref``, added to the discourse, when it agrees with the verb's gender; else None."""
        if gender and ref.gender and ref.gender != gender:
            return None
        self.disc.add(ref)
        return ref

    def _speech_noun_owner(self, rel: int) -> Referent | None:
        """Who made the statements named before a relative pronoun: "تصريحات العربي التي …"
        (a genitive), "تصريحاته الأخيرة التي …" (a pronoun: the nearest earlier
        "speech-noun + name" of the last two sentences, else the latest compatible speaker)."""
        doc = self.doc
        lo = max(doc.sent_start_tok(rel), rel - 3)
        for t in range(rel - 1, lo - 1, -1):
            k = doc.keys[t]
            base = k[1:] if k[:1] in ("و", "ب", "ل") and len(k) > 4 else k
            defined = base.startswith("ال")
            base = base[2:] if defined else base
            noun = next((n for n in _SPEECH_NOUNS if base.startswith(n)), None)
            if noun is None:
                continue
            suffix = base[len(noun):]
            if suffix in ("ه", "ها", "هم"):
                gender = {"ه": "m", "ها": "f"}.get(suffix, "")
                owner = self._genitive_owner(t, doc.sent[t] - 2)
                return owner or self.disc.last_compatible(gender, doc.starts[t])
            if suffix == "" and not defined:
                m = parse_mention(doc, t + 1, self.cat)
                if m is not None and m.head in ("name", "org", "entity", "title") and m.next_tok <= rel:
                    return self._referent(m, "")
            return None
        return None

    def _honorific_name_after(self, m: Mention, content_tok: int) -> Mention | None:
        """"وقال رئيس قسم الأبحاث في مستشفى الملك فيصل الدكتور خالد السعد إن …": a long
        title the parser stopped inside runs on to an honorific (الدكتور، المهندس، اللواء)
        and a personal name that ends where the words begin (a comma, أن/إن or a colon
        between): the name speaks, the whole description is its role. So does a name set off
        by a comma after the title."""
        doc = self.doc
        end = content_tok
        while end - 1 > m.next_tok and (not doc.is_word[end - 1] or doc.keys[end - 1] in COMPLEMENTIZERS
                                        or doc.keys[end - 1] in STOP_WORDS):
            end -= 1  # (the comma, أن/إن, a governed على/إلى before the words)
        if m.head == "title" and doc.keys[m.next_tok] in ("،", ","):
            # "يقول المتحدث باسم المجلس الإسلامي في لبنان، الشيخ محمد الحسيني إن": the name
            # set off after the title, up to the words
            a = m.next_tok + 1
            while end - a > 2 and (doc.keys[a] in _NAME_HONORIFICS or doc.keys[a] in TITLES
                                   or doc.keys[a].startswith("ال")):
                a += 1  # ("، السفير علاء يوسف"، "، المعارض البارز سمير نشار": a further description)
            close = next((u for u in range(a, min(end, a + 5)) if doc.keys[u] in ("،", ",")), -1)
            if close > a and close + 1 < end and is_addressee(doc.keys[close + 1], self.cat):
                end = close  # "، عبادة الكافي، لوكالة الأنباء الألمانية (د.ب.أ)، أن": to whom
            if self._plain_name(a, end) and not any(
                    self.cat.state_for(doc.keys[u]) or doc.keys[u] in _DIRECTIONS for u in range(a, end)):
                # (not a place: "مصدر طبي بمحافظة الحديدة، غربي اليمن")
                return Mention(a, end, m.start, m.next_tok, head="name", next_tok=end)
            return None
        if m.head == "title":
            found = self._name_after_quoted_body(m, end)
            if found is not None:
                return found
        for t in range(m.next_tok, min(end - 2, m.next_tok + 12)):
            k = doc.keys[t]
            if not doc.is_word[t] or cues.lookup(k)[0] is not None:
                return None
            if k not in _NAME_HONORIFICS:
                continue
            if m.head == "name" and t == m.next_tok:
                return None  # "إسماعيل ولد الشيخ أحمد": the honorific inside a name
            if not self._plain_name(t + 1, end):
                return None
            return Mention(t + 1, end, _role_before(m), t + 1, head="name", next_tok=end)
        j = m.next_tok
        if (m.head == "title" and j + 3 < end and doc.keys[j] == _ALA and doc.keys[j - 1] in GOVERNS_TOO
                and not any(doc.keys[u] in _PREPOSITIONS or not doc.is_word[u] for u in range(j + 1, end))):
            # "عضو رئاسة الهيئة الوطنية للرقابة | على تنفيذ مخرجات الحوار الوطني صلاح باتيس أن":
            # the title's own على runs on to the name before the words
            last = doc.keys[end - 1]
            for a in (end - 2, end - 3):
                if a > j and not doc.keys[a].startswith("ال") and (self._plain_name(a, end) or (
                        last[:1] == "ب" and not last.startswith("بال") and len(last) >= 4
                        and end - 1 - a >= 1 and all(_personal_name_word(doc, u) for u in range(a, end - 1)))):
                    # (a surname may open with ب: صلاح باتيس)
                    return Mention(a, end, _role_before(m), a, head="name", next_tok=end)
        return None

    def _name_after_quoted_body(self, m: Mention, end: int) -> Mention | None:
        """"وأوضح المدير التنفيذي لـ"باب رزق" بالسعودية جميل عبدالرحمن الفهيد، أن"، "وأوضحت
        مديرة التوظيف النسائي في "باب رزق جميل" رولا باصمد، أن": a title whose body is
        quoted runs on past the quotation (and a بـ-place) to the personal name that ends
        where the words begin."""
        doc = self.doc
        marks = [u for u in range(m.next_tok, end) if not doc.is_word[u]]
        if not marks or end - m.next_tok > 14 or not all(
                u in doc.quote_close or u in doc.quote_open for u in marks):
            return None
        q = marks[-1]
        if q not in doc.quote_open or any(cues.lookup(doc.keys[u])[0] is not None for u in range(m.next_tok, end)):
            return None
        last = doc.keys[end - 1]
        ba = (last[:2] == "با" and 5 <= len(last) <= 6 and last[:3] != "بال"
              and last[2:4] not in ("ست", "نت", "عت", "فت", "حت"))  # (a surname in با: رولا باصمد)
        for a in (end - 2, end - 3, end - 4):
            if (a > q and (self._plain_name(a, end) or ba and end - a >= 2 and (
                    end - 1 - a == 1 and _personal_name_word(doc, a) or self._plain_name(a, end - 1)))
                    and all(doc.keys[u][:1] == "ب" and len(doc.keys[u]) > 4 for u in range(q + 1, a))):
                return Mention(a, end, _role_before(m), a, head="name", next_tok=end)
        return None

    def _genitive_owner(self, before: int, min_sent: int) -> Referent | None:
        doc = self.doc
        for t in range(before - 1, -1, -1):
            if doc.sent[t] < min_sent:
                break
            k = doc.keys[t]
            if doc.is_word[t] and any(k == n or k == "و" + n for n in _SPEECH_NOUNS):
                m = parse_mention(doc, t + 1, self.cat)
                if m is not None and m.head in ("name", "org", "entity"):
                    return self._referent(m, "")
        return None

    def _title_runs_to_name(self, m: Mention) -> Mention | None:
        """"عضو اللجنة الوطنية للحج | والعمرة بالغرفة التجارية … بمكة المكرمة سعد القرشي، مشيرا
        إلى أن": a title the parser stopped inside runs on over definite and prepositional
        role words (والعمرة، بالغرفة، بمكة) to a two- or three-word personal name after which
        the words follow. The name must open with no الـ, the role words must all be
        definite or prepositional, and nothing in between may be a cue."""
        doc = self.doc
        n = len(doc)
        j = m.next_tok
        for e in range(j + 2, min(n, j + 14)):
            if not doc.is_word[e - 1] or cues.lookup(doc.keys[e - 1])[0] is not None:
                return None
            if not self._words_follow(e):
                continue
            for width in (2, 3):
                a = e - width
                if a < j or doc.keys[a].startswith("ال") or not self._plain_name(a, e):
                    continue
                if all(_role_word(doc.keys[u]) for u in range(j, a)):
                    role_start = m.role_start if m.role_start >= 0 else m.start
                    return Mention(a, e, role_start, a, head="name", next_tok=e)
            return None
        return None

    def _extend_role(self, m: Mention) -> Mention:
        """Role words after the mention: "قال X، منسق الشؤون الإنسانية …، إن" (an apposition
        set off by commas) and "مسؤول بالأمم المتحدة يتولى الإشراف على … إن" (a descriptive
        clause of an unnamed person), up to the complementizer, minus time/place adverbials."""
        doc = self.doc
        n = len(doc)
        j = m.next_tok
        if j + 1 >= n:
            return m
        keys = doc.keys
        if (m.head == "name" and m.role_start < 0 and keys[j] in ("،", ",")
                and doc.is_word[j + 1] and keys[j + 1] in TITLES):
            e = j + 1
            while e < n and e - j < 16 and not is_complementizer(doc, e) and (doc.is_word[e] or (
                    keys[e] in QUOTE_OPEN and e in doc.quote_close)) and keys[e] not in _ROLE_STOP \
                    and keys[e] not in ("ل", "لـ") and not is_addressee(keys[e], self.cat):
                e = doc.quote_close[e] + 1 if not doc.is_word[e] else e + 1
            if e < n and (keys[e] in ("،", ",", "ل", "لـ") or is_complementizer(doc, e)
                          or is_addressee(keys[e], self.cat)) and e - j > 2:
                return Mention(m.start, m.end, j + 1, e, head="name", entity_id=m.entity_id,
                               next_tok=e)
            return m
        bare = m.role_start < 0 and doc.is_word[j] and keys[j] in TITLES and keys[j].startswith("ال")
        after = m.role_start == m.end and m.role_end == j and doc.is_word[j]
        if m.head == "name" and m.end - m.start >= 2 and (bare or after):
            # "وأكد لـ«الشرق الأوسط» عبد العزيز الحميضي المدير العام | لمؤسسة الحميضي … أن": an
            # apposition with no comma runs on to the words, with no verb or stop inside
            e = j
            while e < n and e - j < 14 and doc.is_word[e] and not is_complementizer(doc, e) \
                    and keys[e] not in _ROLE_STOP and keys[e] not in TIME_WORDS \
                    and cues.lookup(keys[e])[0] is None and not _looks_verb(keys[e]):
                e += 1
            if e < n and is_complementizer(doc, e) and e - j >= (1 if after else 2):
                return Mention(m.start, m.end, m.role_start if after else j, e, head="name",
                               entity_id=m.entity_id, next_tok=e)
            return m
        if (m.head == "title" and m.role_start < 0 and not keys[m.start].startswith("ال")
                and keys[m.start] in PERSON_DESCRIPTIONS and doc.is_word[j]
                and keys[j][:1] in ("ي", "ت") and len(keys[j]) >= 4):
            e = j
            while e < n and e - j < 20 and doc.is_word[e] and not is_complementizer(doc, e):
                e += 1
            if e >= n or not is_complementizer(doc, e):
                return m
            r = j
            while r < e and not _role_adverbial(doc, r):
                r += 1
            return Mention(m.start, m.end, m.start, r, head="title", next_tok=m.next_tok)
        return m

    def _apposed_name(self, m: Mention) -> Mention:
        """"قال رئيس الوزراء الإسرائيلي، بنيامين نتنياهو، إن …": a title set off by commas
        from the name that follows it → the name speaks, the title is its role."""
        doc = self.doc
        j = m.next_tok
        if m.head != "title" or j + 2 >= len(doc) or doc.keys[j] not in ("،", ","):
            return m
        if doc.keys[m.start] in ANONYMOUS:
            return m
        n = parse_mention(doc, j + 1, self.cat)
        if n is not None and n.role_start >= 0 and all(
                doc.keys[t] in HONORIFICS for t in range(n.role_start, n.role_end)):
            n = Mention(n.start, n.end, head="name", next_tok=n.next_tok)  # "، الشيخ حمود …،"
        if (n is None or n.head != "name" or n.role_start >= 0 or n.next_tok >= len(doc)
                or doc.keys[n.next_tok] not in ("،", ",") or n.end - n.start < 2):
            return m
        return Mention(n.start, n.end, m.start, m.next_tok, head="name", next_tok=n.next_tok)

    def _honorific_antecedent(self, tok: int, key: str) -> Referent | None:
        """"وأكد سموه"، "وقال معاليه": an honorific with a pronoun stands for the person last
        introduced with that honorific (صاحب السمو الملكي الأمير عبدالله بن مساعد، معالي
        وزير الشؤون الإسلامية الشيخ صالح آل الشيخ), who need not have spoken before."""
        doc = self.doc
        triggers = HONORIFIC_PRONOUNS[key]
        for t in range(tok - 1, max(-1, tok - _HONORIFIC_WINDOW), -1):
            if doc.keys[t] not in triggers:
                continue
            m = parse_mention(doc, t, self.cat)
            if m is not None and m.head == "name" and m.end - m.start >= 2 and m.role_start >= 0:
                end = _full_name_end(doc, m.start, m.end)
                if end > m.start + 1:
                    return self._referent(Mention(m.start, end, m.role_start, m.role_end,
                                                  head="name", next_tok=end), "m")
            if m is not None and m.head == "title" and m.end - m.start >= 2:
                # "ووصف معالي وزير الخارجية …. وقال معاليه": the nearest such mention is a
                # title alone; it stands for the person that title named before
                ref = self._referent(m, "m")
                if ref.canonical != doc.surface(m.start, m.end):
                    return ref
                ref = self._title_introduced(m.start, m.end)
                if ref is not None:
                    return ref
        # no such introduction ("وزير الخارجية عادل الجبير … أكد معاليه"): the latest man
        # named with a title
        return self.disc.latest_titled(doc.starts[tok], not_gender="f")

    def _organisation_before(self, tok: int, key: str) -> Referent | None:
        """"الوزارة" with no earlier speaker to refer to: the nearest "وزارة X" the text
        names before it (أصدرت وزارة الداخلية أمس بيانًا … وقالت الوزارة), a subject of a
        verb that is not a speech cue and so never entered the discourse."""
        doc = self.doc
        head = key[2:] if key.startswith("ال") else key
        for t in range(tok - 1, max(-1, tok - _ORG_WINDOW), -1):
            if doc.keys[t] != head:
                continue
            m = parse_mention(doc, t, self.cat)
            if m is None or m.head not in ("org", "entity") or m.start != t or m.end - m.start < 2:
                continue
            k2 = doc.keys[t + 1]
            if doc.is_word[t + 1] and not k2.startswith("ال") and not self.cat.match_at(doc.keys, t + 1)[1] and (
                    self.cat.adjective(k2) or k2.endswith("ه")):
                continue  # "تحالف أميركي"، "حكومة وحدة وطنية": a kind of body, not the one named
            ref = self._referent(m, "")
            self.disc.add(ref)
            return ref
        return None

    def _fronted_subject(self, i: int, cue: cues.Cue, pre: int) -> Mention | None:
        """A subject written before its verb by a fronting construction, which the
        verb-first search would miss (it would take the object after the verb, or fall
        back on the last speaker):

        * pluperfect "وكانت الوزارة قد أعلنت …", "وكان وزير الدفاع الأمريكي قد أكد أن …":
          كان + subject + قد + verb, the usual way news recalls an earlier statement;
        * topic "أما المولوي أكبر أغا، رئيس المجلس، فقال …": أما + subject + فـverb.

        The noun phrase must start right after كان/أما and run (with a relative clause or an
        apposition at most) up to قد / the verb, with no other verb cue between; a topic
        that is a prepositional phrase (أما فيما يتعلق بـ، أما عن) is no speaker."""
        doc = self.doc
        s0 = doc.sent_start_tok(i)
        exact = False
        if not pre and i - 1 > s0 and doc.keys[i - 1] == "قد":
            end, openers = i - 1, KANA
        elif pre and doc.keys[i][:1] == "ف" or (not pre and i - 1 > s0 and doc.keys[i - 1] == "فقد"):
            end, openers = (i if pre else i - 1), _AMMA
        elif not pre and i - 2 > s0 and (doc.is_word[i - 1] or doc.keys[i - 1] in ("،", ",", '"', "»", "”")):
            # "وكانت مصادر أمنية ذكرت لوكالة …": كان + subject + verb, no قد — only when the
            # subject ends right before the verb
            end, openers, exact = i, KANA, True
        else:
            return None
        k = end - 1
        while k >= max(s0, end - _FRONTED_WINDOW) and doc.keys[k] not in openers:
            if doc.keys[k] in SENT_END or cues.lookup(doc.keys[k])[0] is not None:
                return None
            k -= 1
        if k < s0 or doc.keys[k] not in openers or k + 1 >= end:
            return None
        if openers is KANA and cue.gender in ("m", "f") and KANA[doc.keys[k]] != cue.gender:
            return None  # كان … قد قالت: not one clause
        m = parse_mention(doc, k + 1, self.cat)
        if m is None or m.head == "doc" or m.next_tok > end or (
                m.start != k + 1 and not (m.role_start == k + 1 and m.head == "name")):
            return None  # (a title before the name starts the phrase too: أما رئيس الهيئة X فقال)
        if exact and m.head == "title" and m.next_tok < end - 2 and doc.keys[m.next_tok] in ("،", ","):
            named = self._name_set_off(m.next_tok + 1, end)
            if named is not None:  # "وكان الرئيس التركي، رجب طيب أردوغان، قال"
                return Mention(named[0], named[1], m.start, m.end, head="name", next_tok=end)
        if exact and not (m.next_tok == end or (m.next_tok == end - 1 and doc.keys[end - 1] in ("،", ","))):
            return None  # (a comma may set the subject off: "وكان الصافي، طالب العبادي")
        if exact and (doc.keys[m.start] in NOT_SUBJECTS or (
                i + 1 < len(doc) and doc.keys[i + 1] in ("فيها", "فيه"))):
            return None  # "وكانت آخر مرة أعلن فيها": the predicate of كان, not a subject
        if openers is KANA and m.next_tok < end and doc.keys[m.next_tok] == "في":
            # "وكان كبير المحللين في إحدى شركات البورصة رائد الخضر قد أوضح": the title runs
            # on with a في-phrase to the name that ends before قد
            s = end - 2  # the name: its last two words, back over بن/آل/عبد links
            while s - 1 > m.next_tok and (doc.keys[s] in _NAME_LINKS or doc.keys[s - 1] in _NAME_LINKS):
                s -= 1
            places = (self.cat.match_at(doc.keys, s)[1] or self.cat.state_for(doc.keys[s])
                      or self.cat.adjective(doc.keys[end - 1]))
            if s > m.next_tok + 1 and not places:  # (not "في إقليم كردستان العراقي")
                n = _split(doc, list(range(s, end)), self.cat)
                if n is not None and n.head == "name" and n.next_tok == end and n.start == s:
                    return Mention(n.start, n.end, m.start, s, head="name", next_tok=end)
            if (places and m.head == "title" and end - m.next_tok <= 5
                    and all(doc.is_word[t] for t in range(m.next_tok, end))):
                # "وكان مسؤول في إقليم كردستان العراقي قد طالب": a title and the place it
                # serves, no name
                return Mention(m.start, end, head="title", next_tok=end)
        rest = m.next_tok
        if rest < end and doc.keys[rest] in ("،", ","):
            rest += 1
        if (openers is KANA and m.head == "name" and rest == m.next_tok + 1 and end - 1 > rest
                and doc.keys[end - 1] in ("،", ",") and doc.keys[rest].startswith("ال")
                and all(doc.is_word[t] for t in range(rest, end - 1))):
            # "وكان تشارلز هوبر، الدبلوماسي العسكري … بالسفارة الأميركية، قد أشار": the
            # apposition between commas is the role
            return Mention(m.start, m.end, rest, end - 1, head="name", next_tok=end)
        if (openers is _AMMA and m.head == "name" and rest == m.next_tok and rest < end
                and doc.keys[rest] in ("من", "في") and end - rest <= 6):
            return m  # "أما علي العباسي من محافظة البيضاء باليمن فأشار": where the speaker is from
        if rest < end and doc.keys[rest] not in _RELATIVES and doc.keys[rest] != "الذين":
            if openers is KANA or rest != m.next_tok + 1:
                return None  # something other than a relative clause or an apposition
        return m

    def _plain_name(self, a: int, e: int) -> bool:
        """Tokens ``a``..``e`` are two to four words that can only be a personal name: no
        proclitic, pronoun, noun ending or stop word (خالد السعد، رجب طيب أردوغان)."""
        doc = self.doc
        return 2 <= e - a <= 4 and all(
            doc.is_word[u] and _personal_name_word(doc, u) and not _noun_like(doc.keys[u])
            and doc.keys[u] not in STOP_WORDS for u in range(a, e))

    def _name_set_off(self, a: int, end: int) -> tuple[int, int] | None:
        """The personal name filling tokens ``a``..``end`` after a title and a comma: two to
        four name words closed by a comma ("، رجب طيب أردوغان،") or a quoted name ("«دولت
        باهجة لي»"). Returns its token span without the marks."""
        doc = self.doc
        if doc.keys[a] in QUOTE_OPEN and doc.quote_close.get(a) == end - 1:
            # (inside the marks any word may be part of the name: «دولت باهجة لي»)
            a, e = a + 1, end - 1
            ok = 2 <= e - a <= 4 and all(doc.is_word[u] and cues.lookup(doc.keys[u])[0] is None
                                         for u in range(a, e))
        elif doc.keys[end - 1] in ("،", ","):
            e = end - 1
            ok = self._plain_name(a, e)
        else:
            return None
        return (a, e) if ok else None

    def _subject_after_complementizer(self, i: int, pre: int) -> Mention | None:
        """"… أن البعثة الدولية لمتابعة الانتخابات طالبت اللجنة العليا …": after أنّ/إنّ a
        noun phrase is the subject of the verb that follows it, so the noun after the verb
        is its object, not its subject. The phrase must run from the complementizer right up
        to the verb."""
        if pre:
            return None
        doc = self.doc
        s0 = doc.sent_start_tok(i)
        for k in range(i - 2, max(s0, i - 12) - 1, -1):
            key = doc.keys[k]
            if not doc.is_word[k] or key in SENT_END or cues.lookup(key)[0] is not None:
                return None
            if key in ("ان", "بان") and k + 1 < i:  # أنّ/إنّ/بأنّ (normalised); أنه قال is a pronoun
                first = doc.keys[k + 1]
                if (first in NEWS_VERBS or first in KANA or first[:1] in ("ي", "ت") and len(first) == 4
                        or _looks_verb(first)):
                    return None  # "أن يكون قرار …"، "أن يذكر النظام": a verb, not a subject
                m = parse_mention(doc, k + 1, self.cat)
                if m is None or m.head not in ("name", "org", "entity", "title") or m.start != k + 1:
                    return None
                if m.next_tok == i:
                    return m
                if m.head in ("org", "entity") and m.next_tok < i and all(
                        doc.keys[t][:1] in ("ل", "ا") and doc.keys[t] not in _RELATIVES
                        and doc.keys[t] not in STOP_WORDS for t in range(m.next_tok, i)):
                    # "أن البعثة الدولية المحلية | لمتابعة الانتخابات طالبت": the body's own
                    # لـ-complement and الـ-adjectives run on to the verb
                    return Mention(m.start, i, head=m.head, entity_id=m.entity_id, next_tok=i)
                return None
        return None

    def _subject_only(self, m: Mention, cue: cues.Cue) -> Mention | None:
        """The subject of a transitive cue without the object glued to it (trim_object), or
        None when the noun phrase after the verb is its object (دعت كافة الأطراف إلى)."""
        doc = self.doc
        k0 = doc.keys[m.start]
        if k0 in QUANTIFIERS or "\u064b" in doc.surface(m.start, m.start + 1):
            return None  # كافة الأطراف، شروطًا: an object (accusative), the subject is a pronoun
        if k0 == "الله":
            return None  # "ودعا الله أن …": a prayer
        if m.head == "name" and m.role_start >= 0 and governed_at(doc, m.start, cue):
            # "رحب خادم الحرمين الشريفين بقادة دول …": the title is the whole subject
            return Mention(m.role_start, m.role_end, head="title", next_tok=m.role_end)
        if governed_at(doc, m.start, cue) and (k0[1:3] == "ال" or k0[1:] in _MASDARS
                                               or self.cat.match_at(doc.keys, m.start)[1] is None):
            return None  # "وطالب بوقف القصف": no subject after the verb
        m = trim_object(doc, m, self.cat)
        if m.head == "name" and "ب" in _GOVERNED_CHARS.get(cue.lemma, ""):
            for t in range(m.start + 1, m.end):  # "ندد أوباما بخصوم الاتفاق"
                k = doc.keys[t]
                if k[:1] == "ب" and len(k) > 3 and doc.keys[t - 1] not in ("ابو", "بن", "ابن"):
                    return Mention(m.start, t, m.role_start if m.role_start < m.start else -1,
                                   m.role_end if m.role_start < m.start else -1, head="name",
                                   entity_id=m.entity_id, next_tok=t)
        if m.head == "name" and m.end - m.start >= 2 and m.role_start < 0:
            # "ودعا بحاح الشعب اليمني": a surname already known ends the subject
            first = doc.surface(m.start, m.start + 1)
            whole = doc.surface(m.start, m.end)
            full = self.disc.fuller_name(first, doc.starts[m.start])
            known = self.cat.resolve(first)
            if (((full is not None and normalize(full.canonical).endswith(" " + normalize(first)))
                 or (known is not None and known.type == "person"))
                    and self.disc.fuller_name(whole, doc.starts[m.start]) is None
                    and not self.cat.resolve(whole)):
                return Mention(m.start, m.start + 1, head="name", next_tok=m.start + 1)
        if m.head == "name" and m.end - m.start >= 3 and m.role_start < 0:
            cut = self._name_given_before(m.start, m.end)
            if cut:
                return Mention(m.start, cut, head="name", entity_id=None, next_tok=cut)
        return m

    def _name_given_before(self, a: int, e: int) -> int:
        """"ودعا أبو ردينة إسرائيل للتوقف": «أبو ردينة» names someone the text spoke of before
        (نبيل أبو ردينة), and wrote it there with something else after it, so the name ends
        there and the object begins (not inside a name's links: محمد بن سلمان | بن عبدالعزيز).
        0 when no such cut."""
        doc = self.doc
        keys = doc.keys
        for t in range(e - 1, a + 1, -1):
            k = keys[t]
            if k in NAME_LINKS or keys[t - 1] in NAME_LINKS or k.startswith("ال") or k in _NAME_LINK_WORDS:
                continue
            if any(keys[u].startswith("ال") or keys[u] in TITLES or _classify(keys[u]) != "word"
                   for u in range(a, t)):
                return 0  # a description (ابنة المعلمة | رحمة الحويطي، خطيب جمعة | مسجد …)
            if not self._names_someone(doc.surface(a, t), doc.starts[a]):
                continue
            n = t - a
            for q in range(a - n, -1, -1):
                if keys[q : q + n] == keys[a:t] and (q + n >= len(doc) or keys[q + n] != k):
                    return t
        return 0

    def _names_someone(self, surface: str, before: int) -> bool:
        """A referent before ``before`` is this name or ends with it (أبو ردينة → نبيل أبو ردينة)."""
        k = normalize(surface)
        return any(r.start < before and r.kind == "name"
                   and (normalize(r.canonical) == k or normalize(r.canonical).endswith(" " + k))
                   for r in self.disc.refs)

    def _sentence_subject(self, cue_tok: int, gender: str) -> bool:
        """A referent introduced earlier in the cue's sentence that agrees with the verb."""
        s0 = self.doc.starts[self.doc.sent_start_tok(cue_tok)]
        ref = self.disc.last_compatible(gender, self.doc.starts[cue_tok])
        return ref is not None and ref.start >= s0 and (not gender or ref.gender in ("", gender))

    def _named_subject(self, i: int, m: Mention | None, cue: cues.Cue, pre: int, prev: str,
                       must_open: bool = False) -> bool:
        """An unquoted object of دان/رفض/دعا … is a statement only when the verb opens its
        clause and a named subject that agrees with it follows (not a masdar: إن رفض الكونغرس).
        ``must_open``: the verb opens its clause whatever its form (أكد، أعلن: "الجولة الأولى
        كشفت تراجع …" is a finding, not words)."""
        if cue.ctype == "np":
            return True
        doc = self.doc
        if m is None:
            # subject first: "الأمم المتحدة رحبت بهذا الاتصال"
            if prev in _NOT_BEFORE_VERB:
                return False
            sm = subject_before(doc, i, self.cat)
            return sm is not None and sm.head in ("org", "entity")
        if m.head not in ("name", "org", "entity", "title"):
            return False
        if prev in _NOT_BEFORE_VERB or cues.lookup(prev)[0] is not None:
            return False  # إن رفض الكونغرس، التي استنكرت، أعلن رفض: a masdar or a relative
        s0 = doc.sent_start_tok(i)
        opens = (pre or i == s0 or not doc.is_word[i - 1] or prev in _CLAUSE_OPENERS
                 or prev in TIME_WORDS or (i - 2 >= s0 and doc.keys[i - 2] == "في"))
        if not opens and (must_open or normalize(cue.lemma) == doc.keys[i][pre:]):
            return False  # رفض/طالب/حث mid-clause: more often a noun (رفض الكونغرس للاتفاق)
        if m.head == "name" and not m.entity_id:
            k = doc.keys[m.start]
            known = self._known_name(doc.surface(m.start, m.end), doc.starts[m.start])
            if (k.startswith("ال") and not known) or (
                    m.end - m.start == 1 and (k.endswith(("ين", "ون")) or len(k) < 3)):
                return False  # الكشف، القصف التركي، المواطنين: not a named subject
        if m.head == "name" and m.end - m.start == 1 and not (
                self.cat.resolve(doc.surface(m.start, m.end))
                or self.disc.fuller_name(doc.surface(m.start, m.end), doc.starts[m.start])
                or name_in_text(doc, m.start, m.end, self.cat)):
            return False  # one unknown word: as likely the object (دعت الكينيين) as the subject
        g = mention_gender(doc, m, self.cat)
        return not cue.gender or not g or g == cue.gender

    def _object_statement(self, i: int, m: Mention, cue: cues.Cue, pre: int, prev: str
                          ) -> tuple[Mention, Content] | None:
        """"أكد المرصد السوري مقتل تسعة مواطنين"، "أعلنت الحكومة اليمنية فتح مطار عدن": with
        no complementizer, the object of أكد/أعلن/أوضح/كشف is the statement when a named
        subject opens the clause. A verbal noun the mention parser ran on into ends the
        subject ("كما أكد سقوط بعض القتلى" has none: a verbal noun is no subject); one right
        after a title or a body's head is part of its name (رئيس اتحاد، هيئة تنظيم)."""
        doc = self.doc
        if masdar_like(doc.keys[m.start]) or doc.keys[m.start] in _MASDARS:
            return None
        for t in range(m.start + 1, m.next_tok):
            k = doc.keys[t]
            if ((masdar_like(k) or k in _MASDARS or k in OBJECT_MASDARS or masdar_with_pronoun(k))
                    and doc.keys[t - 1] not in TITLES and doc.keys[t - 1] not in ORG_HEADS
                    and doc.keys[t - 1] not in NAME_LINKS):
                if t < m.end:  # (a role before the name stays; one after it goes)
                    after_name = m.role_start >= m.end
                    m = Mention(m.start, t, -1 if after_name else m.role_start,
                                -1 if after_name else m.role_end, head=m.head, next_tok=t)
                else:  # within the role after the name
                    m = Mention(m.start, m.end, m.role_start if t > m.role_start else -1,
                                t if t > m.role_start else -1, head=m.head,
                                entity_id=m.entity_id, next_tok=t)
                break
        if not self._named_subject(i, m, cue, pre, prev, must_open=True):
            return None
        c = object_statement(doc, cue, m.next_tok)
        return None if c is None else (m, c)

    def _relayed_source(self, i: int) -> tuple[Referent, list[str]] | None:
        """"ونقل «مكتب أخبار سوريا» عن القائد العسكري في كتائب … أبو حسن الأنصاري، قوله
        إن …": the one named after عن speaks (with a long description and a comma before
        قوله); the subject of نقل relays."""
        doc = self.doc
        s0 = doc.sent_start_tok(i)
        for t in range(i - 2, max(s0, i - 30) - 1, -1):
            if doc.keys[t] != "عن":
                continue
            relay = next((v for v in range(t - 1, max(s0, t - 10) - 1, -1)
                          if doc.keys[v] in _NAQAL), None)
            if relay is None:
                return None
            m = parse_mention(doc, t + 1, self.cat)
            if m is None or m.head == "doc":
                return None
            m = self._extend_role(self._apposed_name(m))
            gap = range(m.next_tok, i)
            if m.next_tok > i or not all(not doc.is_word[g] or doc.keys[g] in TITLES or doc.keys[g].startswith("ال")
                                         for g in gap):
                # the words between the source and قوله: its description or a name after it
                named = self._name_before(i)
                if named is None:
                    return None
                m = Mention(named.start, named.end, t + 1, named.start, head="name", next_tok=named.next_tok)
            mm = parse_mention(doc, relay + 1, self.cat)
            via = [doc.surface(mm.start, mm.end)] if mm is not None and mm.next_tok <= t else []
            return self._referent(m, ""), via
        return None

    def _name_before(self, i: int) -> Mention | None:
        """A personal name ending right before token ``i`` (past a comma): "… أبو حسن
        الأنصاري، قوله"."""
        doc = self.doc
        e = i
        while e > 0 and doc.keys[e - 1] in ("،", ","):
            e -= 1
        for s in range(max(0, e - 4), e):
            m = _split(doc, list(range(s, e)), self.cat)
            if m is not None and m.head == "name" and m.next_tok == e and m.role_start < 0:
                return m
        return None

    def _clause_subject(self, i: int) -> Referent | None:
        """The subject of the verb that opens the sentence of participle ``i``: "انتقد سمير
        دندن، رئيس الجمعية، أمس برنامج الحكومة، قائلا إن …" → سمير دندن. Only when no
        statement of that sentence precedes the participle (then its speaker goes on) and the
        participle agrees with the subject's gender (قائلا / قائلة)."""
        doc = self.doc
        s0 = doc.sent_start_tok(i)
        if any(doc.sent[c.tok_start] == doc.sent[i] and c.tok_start < i for _, c in self.out
               if c.tok_start < len(doc)):
            return None
        v = s0
        while v < i and not doc.is_word[v]:
            v += 1
        if v >= i - 1:
            return None
        g = "f" if doc.keys[i].endswith(("ه", "ة")) else "m"
        return self._verb_subject(v, g, limit=i)

    def _titled_name_end(self, m: Mention) -> int | None:
        """"وزير الدفاع الأميركي آشتون كارتر أمس …": after a person's title, the two or three
        words that can only be a personal name; the end of the name, or None. The object
        starts at the first word that cannot (حيدر العبادي | أطرافا، مفتي عام السعودية |
        حادث التفجير)."""
        doc = self.doc
        if not (0 <= m.role_start < m.start and any(
                doc.keys[t] in TITLES and doc.keys[t] not in ANONYMOUS for t in range(m.role_start, m.role_end))):
            return None
        e = m.start
        reach = m.start + 3
        while e < min(m.end, reach):
            k = doc.keys[e]
            if e > m.start and k in NAME_LINKS and e + 1 < m.end:
                e += 2  # "محمد بن عبدالله آل عمرو": بن/آل and the word after them, then only
                # another link or a family name in الـ (سعد بن رحيل السويدي; not "محمد بن سلمان
                # | شهد")
                if e < m.end and doc.keys[e] not in NAME_LINKS:
                    return e + 1 if doc.keys[e].startswith("ال") and _personal_name_word(doc, e) else e
                reach += 2
                continue
            if e > m.start and k.endswith("الله") and len(k) > 4:
                e += 1  # (عبدالله: no noun for its final ه)
                reach += 1
                continue
            if _noun_like(k) or not (
                    _personal_name_word(doc, e) or (  # a surname in ف or ب: مانويل فالس، جيب بوش
                        e > m.start and k[:1] in ("ف", "ب") and len(k) >= 3
                        and not k.startswith("بال") and k not in STOP_WORDS
                        and cues.lookup(k)[0] is None
                        and self.cat.match_at([k[1:]], 0)[1] is None)):  # (بمصر: ب + مصر)
                break
            if k.startswith("ال") and (e == m.start or (
                    e == m.start + 2 and doc.keys[e - 1] not in ("الله", "الرحمن", "الدين"))):
                break  # a family name in الـ is the second word (حيدر العبادي), or third after
                # عبد الرحمن; "عبير خليل | الأطفال" is the object
            e += 1
        return e if e - m.start >= 2 else None

    def _titled_subject_first(self, s0: int) -> Referent | None:
        """"حاكم فلوريدا السابق جيب بوش ركز على …": a sentence that opens with a title and a
        name, then a verb, has that person as its subject: a later subjectless cue (وأشار
        إلى …) continues with them, not with the speaker of an earlier paragraph."""
        doc = self.doc
        m = parse_mention(doc, s0, self.cat)
        if m is None or m.head != "name" or m.role_start != s0:
            return None
        e = self._titled_name_end(m)
        if (e is not None and e == m.end and e - m.start == 3 and e < len(doc)
                and doc.keys[e] in STOP_WORDS and len(doc.keys[e - 1]) == 3):
            e -= 1  # "جيب بوش | ركز على": a bare three-letter past verb glued to the name
        elif e is None or e != m.end or e >= len(doc) or not doc.is_word[e] or doc.keys[e] in STOP_WORDS:
            return None
        ref = self._referent(Mention(m.start, e, m.role_start, m.role_end, head="name",
                                     entity_id=m.entity_id, next_tok=e), "")
        self.disc.add(ref)
        return ref

    def _issuer(self, v: int) -> Referent | None:
        """"أصدرت وزارة الداخلية أمس بيانا": the subject of an issuing verb whose object is
        a document becomes a referent, so the document quoted later (وأشار البيان …) speaks
        for it. The document after the noun phrase is what tells subject from object."""
        doc = self.doc
        m = parse_mention(doc, v + 1, self.cat)
        if m is None or m.head not in ("name", "org", "entity", "title"):
            return None
        t = m.next_tok
        while t < len(doc) and t - m.next_tok < 4 and (doc.keys[t] in TIME_WORDS or time_phrase_len(doc, t)):
            t += time_phrase_len(doc, t) or 1
        if t >= len(doc) or doc.keys[t] not in _ISSUED:
            return None
        ref = self._referent(m, "")
        if len(ref.canonical.split()) < 2 and ref.entity_id is None:
            return None  # "وأصدرت الجبهة بيانا": a bare head names nobody new
        self.disc.add(ref)
        return ref

    def _group_before(self, cue_tok: int, window: int = 90) -> Referent | None:
        """"توجه عشرات المسؤولين السابقين …، وطالب هؤلاء …. وأوضحوا أن …": a plural verb with
        no plural referent in the discourse takes the nearest plural group of people named
        before it (subject of a verb the rules do not know, often), within ``window`` tokens.
        Not for a dual (قالا): a plural noun is not its subject."""
        doc = self.doc
        if doc.keys[cue_tok].endswith("ا") and not doc.keys[cue_tok].endswith("وا"):
            return None
        for t in range(cue_tok - 1, max(-1, cue_tok - window), -1):
            k = doc.keys[t]
            b = k[2:] if k.startswith("ال") else k
            if b not in GROUP_NOUNS or not doc.is_word[t]:
                continue
            if t > 0 and (doc.keys[t - 1] in TITLES or doc.keys[t - 1] in ORG_HEADS):
                continue  # "رئيس الوزراء"، "مجلس النواب": part of a title, no group
            m = parse_mention(doc, t, self.cat)
            if m is None or m.start != t:
                return None
            e = _group_end(doc, t, m.end)
            s0 = t - 1 if t > 0 and doc.keys[t - 1] in _GROUP_COUNTS else t
            m = Mention(s0, e, head=m.head, entity_id=m.entity_id, next_tok=e)
            ref = self._referent(m, "p")
            ref.gender = "p"
            return ref  # (not added to the discourse: a later singular cue must not fall back on it)
        return None

    def _opening_verb(self, i: int) -> bool:
        """Token ``i`` can be a past verb opening its sentence (وفجّر، ورفع، وشكر): a word of
        three to six letters after any و/ف that is no noun we know — no الـ, title,
        organisation, state, time word, stop word, feminine or plural noun ending."""
        doc = self.doc
        k = doc.keys[i]
        b = k[1:] if k[:1] in ("و", "ف") and len(k) > 3 else k
        return (3 <= len(b) <= 6 and not b.startswith(("ال", "لل")) and b not in STOP_WORDS
                and b not in TITLES and b not in ORG_HEADS and b not in TIME_WORDS and b not in HONORIFICS
                and b not in cues.DOC_NOUNS and not any(ch.isdigit() for ch in b)
                and not b.endswith(("ه", "ات", "ون", "ين", "يه")) and self.cat.state_for(b) is None
                and self.cat.match_at(doc.keys, i)[1] is None and self.cat.match_at([b], 0)[1] is None)

    def _known_name(self, surface: str, before: int) -> bool:
        """The catalog or the article so far knows this name (as it is, or as the end of a
        fuller one)."""
        return bool(self.cat.resolve(surface) or self.disc.fuller_name(surface, before) or self.disc.find(surface))

    def _titled_subject_of_any_verb(self, v: int) -> Referent | None:
        """"ورفع عضو المجلس زايد الأسمري التعازي … قائلاً": after a verb the rules do not
        know, a title + a personal name the text vouches for — known already, or two words
        or more ending in a الـ-family name — is its subject, and who a bare cue continues
        with. A bare name or an organisation is as often the object, so nothing else counts."""
        doc = self.doc
        m = parse_mention(doc, v + 1, self.cat)
        if (m is not None and m.head == "name" and m.start == v + 1 and m.role_start >= m.end
                and doc.keys[v - 1] in _ASIDE_OPENERS and m.end - m.start >= 2
                and doc.keys[m.role_start] in TITLES):
            # "من جانبه قدم أحمد عيد الحربي رئيس الاتحاد … شكره … وقال": after «من جانبه» a
            # personal name and then its title are the verb's subject
            ref = self._referent(m, "")
            self.disc.add(ref)
            return ref
        if m is None or m.head != "name" or m.start == v + 1:
            return None  # (the title must come first)
        end = self._titled_name_end(m)
        if end is None:
            return None
        known = self._known_name(doc.surface(m.start, end), doc.starts[m.start])
        # a new name (وانتقل حاكم لويزيانا الجمهوري بوبي جيندال إثر الحادث) counts when a
        # preposition, a time word or a comma ends it, not a noun that may be the object
        closed = end < len(doc) and (not doc.is_word[end] or doc.keys[end] in STOP_WORDS
                                     or doc.keys[end] in TIME_WORDS or doc.keys[end] in NOT_NAME_WORDS)
        if not known and not (end - m.start >= 2 and (doc.keys[end - 1].startswith("ال") or closed)):
            return None
        ref = self._referent(Mention(m.start, end, m.role_start, m.role_end, head="name",
                                     entity_id=m.entity_id, next_tok=end), "")
        self.disc.add(ref)
        return ref

    def _kana_subject(self, i: int) -> Referent | None:
        """"وكان رفلين قد شارك في …، وقال": a subject between كان and قد is who a later bare
        cue continues with, whatever the verb after قد (the cue after قد finds its own
        subject); without قد only a name the text already knows counts (وكانت كلينتون
        وجهت …، وقالت). The form of كان gives the subject's gender."""
        doc = self.doc
        g = KANA[doc.keys[i]]
        if g not in ("m", "f"):
            return None
        for v in range(i + 2, min(len(doc) - 1, i + _FRONTED_WINDOW)):
            k = doc.keys[v]
            if k in SENT_END or cues.lookup(k)[0] is not None:
                return None
            if k == "قد":
                if cues.lookup(doc.keys[v + 1])[0] is not None:
                    return None
                m = self._fronted_subject(v + 1, cues.Cue("", g, "say"), 0)
                break
            if v <= i + 3 and doc.is_word[v] and self._opening_verb(v) and not doc.keys[v].startswith(("و", "ف")):
                name = doc.surface(i + 1, v)
                if not self._known_name(name, doc.starts[i + 1]):
                    continue
                ml, eid = self.cat.match_at(doc.keys, i + 1)
                eid = eid if ml == v - i - 1 else None  # the entity must be the whole name
                m = Mention(i + 1, v, head="entity" if eid else "name", entity_id=eid, next_tok=v)
                break
        else:
            return None
        if m is None or m.head not in ("name", "org", "entity", "title"):
            return None
        if m.head == "name" and m.role_start < 0 and (doc.keys[m.start].startswith("ال") or not (
                self._known_name(doc.surface(m.start, m.end), doc.starts[m.start])
                or name_in_text(doc, m.start, m.end, self.cat))):
            return None  # "وكانت مفاوضات تمهيدية قد جرت": an event, not a person
        ref = self._referent(self._extend_role(self._apposed_name(m)), g)
        if ref.gender and ref.gender != g:
            return None
        if not ref.gender:
            ref.gender = g
        self.disc.add(ref)
        return ref

    def _verb_subject(self, v: int, gender: str = "", limit: int | None = None,
                      strict: bool = False, titled: bool = False) -> Referent | None:
        """The named subject right after verb ``v`` when ``v`` is a speech cue or a frequent
        news verb (انتقد، سئل، قرر …), added to the discourse so that a later verb without a
        subject (ودعا إلى …، وصرح: …) continues with it. The object often follows the
        subject with nothing between them (انتقد روبن سياسة كيري), so only the longest
        beginning of the noun phrase that is a known name counts: a catalog entity, a
        speaker already met, or a name the text spells out in full elsewhere."""
        doc = self.doc
        k = doc.keys[v]
        bare = clause_verb(k)
        if bare not in NEWS_VERBS and bare not in ACT_VERBS and cues.lookup(k)[0] is None:
            return None  # not a verb we know
        m = parse_mention(doc, v + 1, self.cat)
        heads = ("name", "entity") if strict else ("name", "org", "entity")
        if m is None or m.head not in heads or (limit is not None and m.next_tok > limit):
            return None
        if m.head == "name":
            known = None
            for end in range(min(m.end, m.start + 3), m.start, -1):
                if (self._known_name(doc.surface(m.start, end), doc.starts[m.start])
                        or (not strict and name_in_text(doc, m.start, end, self.cat))):
                    known = end
                    break
            if known is None and not strict and m.end - m.start >= 2 and not doc.keys[m.start].startswith("ال"):
                known = m.end  # a two-word name of someone new, right after the verb
            if titled:
                # (a title's full name beats a known first name: "محمد بن عبدالله آل عمرو" is
                # not the محمد الجفري met before)
                t_end = self._titled_name_end(m)
                if t_end is not None and (known is None or t_end > known):
                    known = t_end
            if known is None:
                return None  # an unknown noun phrase: as likely the verb's object
            m = Mention(m.start, known, head="name", entity_id=m.entity_id, next_tok=known)
        else:
            m = trim_object(doc, m, self.cat)
        return self._if_agrees(self._referent(m, gender), gender)
