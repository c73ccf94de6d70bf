"""Content spans: where the reported words start and end, and whether they are direct.

Conventions (../shared/README.md): the span leaves out the cue, the speaker, the
complementizer أن/إن/بأن with any attached pronoun (أنه، إنها), a governed preposition
(أشار إلى، أعرب عن), enclosing quotation marks and final punctuation. ``direct`` means
the whole content is inside quotation marks or follows a colon without marks; a quote
that covers only part of the content (mixed quote) is ``indirect``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.arabic import normalize
from ingest.speech import cues
from ingest.speech.source import (
    COMPLEMENTIZERS,
    HONORIFICS,
    NAME_LINKS,
    OBJECT_MASDARS,
    ORG_HEADS,
    PARTITIVES,
    QUOTE_OPEN,
    STOP_WORDS,
    TIME_WORDS,
    TITLES,
    _derived_masdar,
    foreign_la,
    masdar_with_pronoun,
    particle_with_pronoun,
    time_phrase_len,
)
from ingest.speech.tokens import SENT_END, Doc

_NOT_BEFORE_COMP = {normalize(w) for w in (
    "بعد قبل منذ حتى ما لما يجب يمكن دون بدل رغم إلا كي لكي وبعد مجرد ينبغي يتعين لابد "
    "بد يمكنه يريد تريد يريدون أراد يود ويجب ويمكن يستطيع تستطيع أمل "
    "غير بيد برغم سوى").split()}  # غير أنها نفت: "however", a new clause, not the words
POSTPOSED_MARKERS = {normalize(w) for w in "حسبما بحسب حسب وفقا وفق طبقا نقلا".split()}
_TRAIL = set(" \t\n.،,:;؛!?؟…-–—")
_TRAIL_Q = _TRAIL | set("»”\"")
STOP_OBJECT = STOP_WORDS
_ADVERBIAL_START = {normalize(w) for w in "في خلال أمام عبر لدى عقب إثر بعد قبل أثناء حول".split()}


@dataclass
class Content:
    start: int  # char offsets in the raw text
    end: int
    kind: str
    tok_start: int
    tok_end: int


_CONCESSIVE = {normalize(w) for w in "الرغم رغم برغم بالرغم".split()}


def is_complementizer(doc: Doc, j: int) -> bool:
    k = doc.keys[j]
    if k not in COMPLEMENTIZERS:
        return False
    if j > 0 and doc.keys[j - 1] in _NOT_BEFORE_COMP:
        return False
    if j > 1 and doc.keys[j - 1] == "من" and doc.keys[j - 2] in _CONCESSIVE:
        return False  # "على الرغم من أنه لم يُعرف": "although", not the words
    return True


def _bare_cue(doc: Doc, t: int) -> bool:
    """Token ``t`` is a speech verb with no و/ف before it (قال، أعلنت): after a comma it
    opens another attribution (the و-prefixed ones are :func:`_starts_statement`'s)."""
    if not doc.is_word[t]:
        return False
    cue, pre = cues.lookup(doc.keys[t])
    return cue is not None and not pre


_NO_CUE = cues.Cue("", "", "")
#: عبر with or without و/ف: the verb عبّر and the preposition "via" are spelled alike.
_ABR_FORMS = {normalize(w) for w in "عبر وعبر فعبر".split()}
_AN = {normalize(w) for w in "عن عنه عنها عنهم عنهما".split()}
#: "بين" and its pronoun forms: a later "وبين" in the clause is the second "between".
_BAYNA = {normalize(w) for w in "بين بينه بينها بينهم بينهما بيننا وبين".split()}


def second_between(doc: Doc, i: int) -> bool:
    """"وبين" at token ``i`` is "and between", not بيّن "explained": "بين الطيران … وبين ما
    أعلنه"، "جار بينها وبين الولايات المتحدة" (a shadda spells the verb out: وبيّن)."""
    if doc.keys[i] != "وبين" or "\u0651" in doc.surface(i, i + 1):
        return False
    return (i + 1 < len(doc) and doc.keys[i + 1] == "ما") or any(
        doc.keys[t] in _BAYNA for t in range(max(doc.sent_start_tok(i), i - 15), i))


def via_not_verb(doc: Doc, i: int) -> bool:
    """"وعبر ترشيحات الحكومة": عبر at token ``i`` is the preposition "via" unless its عن
    follows in the sentence (وعبّر الوزير عن قلقه)."""
    if doc.keys[i] not in _ABR_FORMS:
        return False
    s = doc.sent[i]
    for t in range(i + 1, min(len(doc), i + 20)):  # (after a long subject: وعبر صاحب السمو …)
        if doc.sent[t] != s:
            break
        if doc.keys[t] in _AN:
            return False
    return True


def _starts_statement(doc: Doc, j: int) -> bool:
    """Token ``j`` opens another attribution (وأضاف، وقال، كما قال، بينما قالت)."""
    k = doc.keys[j]
    cue, pre = cues.lookup(k)
    if cue is not None and pre:
        return not second_between(doc, j) and not via_not_verb(doc, j)
    if k in ("كما", "بينما", "فيما", "حيث", "حسبما", "وكان", "وكانت") and j + 1 < len(doc):
        nxt = doc.keys[j + 1]
        if cues.lookup(nxt)[0] is not None:
            return True
        stem = next((nxt[: -len(p)] for p in ("هم", "ها", "ه") if nxt.endswith(p) and len(nxt) - len(p) >= 3), "")
        # "، كما طالبهم بـ…": a directive cue with its object pronoun (not "فيما قاله": what X said)
        return k == "كما" and stem != "" and (cues.lookup(stem)[0] or _NO_CUE).ctype in ("quoted", "np")
    if k in cues.MADA or (k[:1] == "و" and k[1:] in cues.MADA):
        return True
    if k in cues.JAA or (k[:1] == "و" and k[1:] in cues.JAA):
        return j + 1 < len(doc) and doc.keys[j + 1] == "في"
    return False


def content_end(doc: Doc, c: int, extend: bool = False) -> int:
    """Token index one past the content that starts at token ``c``.

    The content runs to the end of its sentence, never splitting a quotation, and stops
    early where another attribution starts, at a participial clause (، مشيرا إلى)
    or at a postposed source (، بحسب …). With ``extend`` (unmarked direct speech after a
    colon) it also takes following sentences of the paragraph that do not start like
    narration (a و/ف-prefixed word) or hold a cue.
    """
    n = len(doc)
    if c >= n:
        return c
    j = c
    para = doc.para[c]
    while j < n:
        if doc.para[j] != para:
            break
        k = doc.keys[j]
        if not doc.is_word[j]:
            if k in QUOTE_OPEN and j in doc.quote_close:
                j = doc.quote_close[j] + 1
                continue
            if k in SENT_END and not (k == "." and j + 1 < n and doc.keys[j + 1] == "."):
                if extend and j + 1 < n and doc.para[j + 1] == para and _continues(doc, j + 1):
                    j += 1
                    continue
                break
            if k in ("،", ",", "؛") and j + 1 < n:
                nk = doc.keys[j + 1]
                if nk in cues.OTHER_PARTICIPLES or nk in POSTPOSED_MARKERS:
                    break
                if j + 2 < n and _bare_cue(doc, j + 1) and _opens_words(doc, j + 2):
                    # "…، قال فيها: «…»": another attribution of the same speaker; "الذين قالوا
                    # إن …، أوضح ظريف أمس أن": the main clause after a relative one
                    break
                if nk in cues.SAYING_PARTICIPLES or nk in _STANCE_AFTER_COMMA:
                    break
            j += 1
            continue
        if j > c and (_starts_statement(doc, j) or k in ("حسبما",)):
            break
        if j > c and k in cues.NOMINAL_CUES and k[:1] == "ب":
            break  # "أقر بأن النظام أخفق | بقوله إنه …": a nominal cue opens the next words
        if j > c and k in POSTPOSED_MARKERS and doc.keys[j - 1] in ("،", ","):
            break
        j += 1
    return j


_NARRATION_F = {normalize(w) for w in "فقد فيما فكان فكانت فلم".split()}
#: "…، وتوقعت المصادر أن"، "…، وتعهد بمحاربة": after a comma, a و-verb of stance that is no cue
#: (forecast, pledge, threat, praise, question …) is the narrator's next clause, not the words.
_STANCE_AFTER_COMMA = {"و" + w for w in cues.STANCE_VERBS}


def _opens_words(doc: Doc, j: int, reach: int = 6) -> bool:
    """The bare cue just before ``j`` opens its own words: at once (قال فيها:، قال إن) or,
    for a past verb that takes no object (قال، أوضح، أكد …), past a short subject (أوضح ظريف
    أمس أن); a present one is as often the predicate of a subject inside the words. Not past
    a dative (قال له صراحة بأنهم: words inside the words), and not after a transitive verb,
    whose noun may be its object inside the words (ماليزيا …، أبلغت مجلس الأمن بأنها)."""
    if doc.keys[j] in ("فيها", "فيه", ":") or is_complementizer(doc, j):
        return True
    k = doc.keys[j]
    cue = cues.lookup(doc.keys[j - 1])[0]
    if (cue is None or cue.present or cue.lemma not in _SUBJECT_SAY  # (المشهد …، يؤكد)
            or not doc.is_word[j] or k[:1] in ("ل", "ب") or k in STOP_WORDS or k in _SCRIPTURE):
        return False
    for t in range(j + 1, min(len(doc), j + reach)):
        k = doc.keys[t]
        if k == ":" or is_complementizer(doc, t):
            return True
        if not doc.is_word[t] or cues.lookup(k)[0] is not None:
            return False
    return False


#: Speech verbs whose noun right after them is their subject, never an object (their lemmas).
_SUBJECT_SAY = {cues.lookup(normalize(w))[0].lemma for w in "قال ذكر أكد أوضح أضاف صرح أفاد رأى أعلن اعتبر".split()}
#: "…، قال تعالى: ((…))"، "قال صلى الله عليه وسلم:": scripture quoted inside a speech is part
#: of the speaker's words, not the end of them.
_SCRIPTURE = {normalize(w) for w in "تعالى سبحانه عز جل صلى الله رسول النبي".split()}


def _continues(doc: Doc, j: int, lookahead: int = 1) -> bool:
    """The sentence at ``j`` can go on quoting: no narrative فقد… opening, no cue, and a
    و-opening only in the first person.

    Only a few ف-words open narration; في، فإن، فوق … open quoted sentences as often. A
    و-sentence is the narrator's next one (وشكر الوزير …، وتراجع خام برنت …) unless it
    speaks as "we" or "I" (ونحن نتحدث مع شركاء …، ولذلك كان النظام الذي بنيناه …).
    """
    k = doc.keys[j]
    if not doc.is_word[j] or k in _NARRATION_F:
        return False
    e = doc.sent_end_tok(j)
    if any(cues.lookup(doc.keys[t])[0] for t in range(j, e)):
        return False
    if k[:1] != "و" or _first_person(doc, j, e):
        return True
    # "… (الدول الخليجية). والقاعدة البحرية في البحرين نموذج على ذلك. ونحن نتحدث …": a
    # و-sentence between two of the speaker's own is theirs too
    nxt = e  # (the sentence's bounds include its closing mark)
    return (lookahead > 0 and nxt < len(doc) and doc.para[nxt] == doc.para[j] and doc.keys[nxt][:1] == "و"
            and _continues(doc, nxt, lookahead - 1))


#: Words that put a sentence in the first person (we, I, we have, on us, our …).
_FIRST_PERSON = {normalize(w) for w in (
    "نحن أنا إننا إنني أننا أنني لأننا لأنني لدينا لدي علينا عندنا عندي لنا لي منا إلينا "
    "بنا عنا كنا كنت لسنا").split()}
#: Words ending in -نا that are no "our": places, names, adverbs, participles, tanwin.
_NOT_OUR = {normalize(w) for w in (
    "هنا هاهنا فيينا غانا أثينا كريستينا ممكنا معلنا مبينا متضمنا مؤمنا").split()}


def _first_person(doc: Doc, a: int, b: int) -> bool:
    """A first-person pronoun or a -نا "our/we" suffix among tokens ``a..b-1``, before any
    colon, quotation mark or participle (not the -انا of an accusative tanwin: بيانا،
    مكانا، أحيانا; not a م-participle: مثمنا)."""
    for t in range(a, b):
        k = doc.keys[t]
        if k == ":" or k in QUOTE_OPEN or k in cues.SAYING_PARTICIPLES or k in cues.OTHER_PARTICIPLES:
            return False  # what follows is someone's quoted words, not this sentence's
        if not doc.is_word[t]:
            continue
        w = k[1:] if k[:1] in ("و", "ف") and len(k) > 3 else k
        if k in _FIRST_PERSON or w in _FIRST_PERSON:
            return True
        if (len(w) >= 5 and w.endswith("نا") and not w.endswith("انا") and w not in _NOT_OUR
                and not (w[:1] == "م" and len(w) <= 6)):  # (مثمنا، متضمنا: participles)
            return True
    return False


def span_chars(doc: Doc, c: int, e: int, strip_quotes: bool = False) -> tuple[int, int]:
    """Character span of tokens ``c..e-1`` with edge punctuation and spaces trimmed."""
    s = doc.starts[c]
    end = doc.ends[e - 1] if e > c else s
    text = doc.text
    trail = _TRAIL_Q if strip_quotes else _TRAIL
    while end > s and text[end - 1] in trail:
        end -= 1
    while s < end and text[s] in " \t\n،,:؛;-–—":
        s += 1
    if s < end and c < e and doc.keys[c] in QUOTE_OPEN and c not in doc.quote_close and doc.starts[c] == s:
        s += 1  # an opening mark that never closes ("وأضاف: "تم رصد …) is no part of the words
        while s < end and text[s].isspace():
            s += 1
    return s, end


_RELATIVE_PRONOUNS = {normalize(w) for w in "الذي التي الذين اللذين اللتين اللواتي".split()}


def quoted_content(doc: Doc, o: int, allow_mixed: bool = True, colon: bool = False) -> Content | None:
    """Content opening with a quotation mark at token ``o``: direct or mixed. After a colon
    (``colon``) a relative pronoun right after the closing mark is the narrator's clause on
    the quoted words (قال: «… بوقف إطلاق النار» الذي تم التوصل إليه …): the words end there."""
    q = doc.quote_close[o]
    n = len(doc)
    a = q + 1
    direct = (
        a >= n
        or doc.para[a] != doc.para[o]
        or (not doc.is_word[a] and doc.keys[a] not in QUOTE_OPEN)
        or _starts_statement(doc, a)
        or doc.keys[a] in cues.OTHER_PARTICIPLES
        or doc.keys[a] in cues.SAYING_PARTICIPLES
        or (colon and doc.keys[a] in _RELATIVE_PRONOUNS)
    )
    if direct:
        if q == o + 1:
            return None
        s, e = span_chars(doc, o + 1, q)
        if e <= s:
            return None
        return Content(s, e, "direct", o + 1, q)
    if not allow_mixed:
        return None
    end = content_end(doc, o)
    s, e = span_chars(doc, o, end)
    return Content(s, e, "indirect", o, end)


def _after_comp(doc: Doc, c: int) -> Content | None:
    """Content after a complementizer (or a colon + إن): quoted → maybe direct, else indirect."""
    if c >= len(doc):
        return None
    if doc.keys[c] in QUOTE_OPEN and c in doc.quote_close:
        return quoted_content(doc, c)
    end = content_end(doc, c)
    if end <= c:
        return None
    s, e = span_chars(doc, c, end)
    if e - s < 3:
        return None
    return Content(s, e, "indirect", c, end)


#: Words after which a short quotation is a name, not the words: prepositions (with a pronoun
#: too: معه) and nouns that take a name (صحيفة «جهان»، برنامج «فطن»، بعنوان «…»).
_BEFORE_NAME = {normalize(w) for w in (
    "في لدى مع الى إلى عن من على عبر ضد حول بين داخل معه معها معهم لديه لديها عنه عنها منه "
    "منها عليه عليها بعنوان عنوان شعار بشعار اسم باسم برنامج مشروع عملية حملة بطاقة ندوة "
    "مؤتمر مهرجان متحف جامعة كلية مدرسة مستشفى فيلم كتاب مسلسل مسرحية مقال مقالة "
    "تطبيق منصة مبادرة معركة عمليات").split()} | ORG_HEADS


def _named_in_passing(doc: Doc, o: int, q: int, after: int, cue: cues.Cue) -> bool:
    """A short quotation ``o..q`` met past the speaker names something; the words come later.

    "في «فيسبوك»"، "في مقابلة أجرتها معه «بي بي سي»"، "في بيان حصلت «الشرق الأوسط» على نسخة
    منه"، "لوكالة «تاس» التي": a name goes on inside its sentence, or follows a preposition or a
    noun that takes one. Quoted words end their sentence («حوصرنا بين الطرفين».), or follow
    the cue, a complementizer, the cue's preposition, a saying word, or a name in لا/لو/لي
    that may be the speaker's own (وقال لابورد «…»).
    """
    if q - o > 5 or o <= after or not doc.is_word[o - 1]:
        return False
    p = doc.keys[o - 1]
    if (is_complementizer(doc, o - 1) or cues.lookup(p)[0] is not None or p in cue.preps
            or p in TIME_WORDS or p in cues.NOMINAL_CUES or p in cues.SAYING_PARTICIPLES
            or p in cues.DOC_NOUNS or p[1:] in cues.DOC_NOUNS):
        return False
    if foreign_la(doc, o - 1) and p[1:] not in ORG_HEADS:
        return False
    if p in _BEFORE_NAME:
        return True
    a = q + 1
    return (a < len(doc) and doc.para[a] == doc.para[o] and doc.keys[a] not in SENT_END
            and doc.keys[a] not in cues.OTHER_PARTICIPLES and doc.keys[a] not in cues.SAYING_PARTICIPLES)


def find_content(doc: Doc, cue: cues.Cue, after: int, window: int = 45,
                 np_object: bool = False) -> Content | None:
    """Locate the reported content of a cue whose speaker phrase ends before token ``after``.

    Scans forward within the sentence over adjuncts (في بيان، لرويترز، اليوم، قائلا …)
    to the first complementizer, governed preposition, quotation mark or colon. With
    ``np_object`` a directive/evaluative verb (دان، رفض، دعا …) whose subject was named takes
    an unquoted noun-phrase object as its statement too.
    """
    n = len(doc)
    j = after
    comma_at = j if j < n and doc.keys[j] in ("،", ",") else -1
    # leading time adverbs and commas
    while j < n and (doc.keys[j] in TIME_WORDS or doc.keys[j] in ("،", ",")):
        j += 1
    first = j
    stop = min(n, after + window)
    para = doc.para[after] if after < n else -1
    if cue.lemma == "أكد" and not cue.present:
        p = skip_adjuncts(doc, after)
        if (p < n and (doc.keys[p] in OBJECT_MASDARS or masdar_with_pronoun(doc.keys[p]))
                and doc.para[p] == doc.para[after]):
            # "أكد الوزير أهمية الدور …"، "أكدت استعدادها لتقديم …": a masdar object that only
            # carries words (importance, need, readiness …) is the statement
            return _after_comp(doc, p)
    gov = _SAY_PREPS.get(cue.lemma)
    if gov and not cue.present:
        p = skip_adjuncts(doc, after)
        if (p + 1 < n and doc.keys[p] == gov and doc.is_word[p + 1]
                and doc.keys[p + 1] not in ORG_HEADS and doc.keys[p + 1] != _LISAN
                and not (doc.keys[p - 1] in GOVERNS_TOO and _complementizer_in_clause(doc, p + 1))):
            # "أكد الوزير على ضرورة …"، "حذر المرشد من محاولات …": the preposition right after
            # the subject governs the words (أكد على أن … as well); but in "حذر مصدر من داخل
            # المحافظة من أن" a complementizer soon after shows the first من was the subject's
            if is_complementizer(doc, p + 1):
                return _after_comp(doc, p + 2)
            near = range(p + 2, min(n, p + 7))
            near = near[:next((q for q, t in enumerate(near) if doc.keys[t] in ("،", ",") or doc.keys[t] in SENT_END),
                              len(near))]  # (a comma ends the clause: "من تأجيل البطولة، واعتبروا أن")
            if not any(is_complementizer(doc, t) for t in near):
                return _after_comp(doc, p + 1)
    if cue.ctype in ("np", "quoted") and first < n:
        first = skip_adjuncts(doc, after, prep_phrase=cue.ctype == "np")
        if first < n and doc.is_word[first] and not is_complementizer(doc, first):
            return _np_content(doc, cue, first, np_object)
    while j < stop:
        if doc.para[j] != para:
            return None
        k = doc.keys[j]
        if cue.ctype == "prep" and any(k == p + suf for p in cue.preps for suf in _PRONOUN_SUFFIXES):
            return None  # "مخاوف أعربت عنها الجاليات": the preposition takes a resumptive pronoun
        if j > after and doc.keys[j - 1] in ("،", ",") and (_bare_cue(doc, j) or (
                j + 1 < n and particle_with_pronoun(k) and not is_complementizer(doc, j)
                and _bare_cue(doc, j + 1))):
            # "وفيما أعلنت القوات …، قالت وكالة «سانا» إن"، "…، ولكنه أضاف أنه": the next
            # verb has its own words
            break
        if not doc.is_word[j]:
            if k in QUOTE_OPEN and j in doc.quote_close:
                q = doc.quote_close[j]
                after_q = q + 2 if q + 2 < n and doc.keys[q + 1] in ("،", ",") else q + 1
                if q - j <= 4 and j > 0 and (doc.keys[j - 1] in ("ل", "ب") or doc.keys[j - 1] in ORG_HEADS or (
                        after_q < n and is_complementizer(doc, after_q)) or (
                        q + 2 < n and doc.keys[q + 1] == ":" and doc.keys[q + 2] in QUOTE_OPEN)):
                    # "لـ«رويترز» إن", "وكالة الأنباء السعودية "واس"، أن", "لهيئة الإذاعة
                    # البريطانية «بي بي سي»: «…»": an addressee or a name, not the words
                    j = q + 1
                    continue
                if _named_in_passing(doc, j, q, after, cue):
                    j = q + 1
                    continue
                if cue.ctype == "prep":
                    return None
                if cue.lemma == "اعتبر":
                    p = skip_adjuncts(doc, after)
                    if (p < j and doc.is_word[p] and not is_complementizer(doc, p)
                            and doc.keys[p] not in _ADJUNCT_PREPOSITIONS):
                        # "وتعتبر الأمم المتحدة أعضاء رابطة الشبيبة … «ميليشيا»": considered
                        # X «Y» — the first object is part of the statement
                        s, e = span_chars(doc, p, q + 1)
                        return Content(s, e, "indirect", p, q + 1)
                return quoted_content(doc, j)
            if k == ":":
                c = j + 1
                if c < n and is_complementizer(doc, c):
                    return _after_comp(doc, c + 1)
                if c < n and doc.keys[c] in QUOTE_OPEN and c in doc.quote_close:
                    return quoted_content(doc, c, colon=True)
                if c >= n or doc.para[c] != para:
                    return None
                end = content_end(doc, c, extend=True)
                s, e = span_chars(doc, c, end)
                if e - s < 3:
                    return None
                return Content(s, e, "direct", c, end)
            if k in SENT_END:
                break
            if k in ("،", ",") and comma_at < 0:
                comma_at = j
            j += 1
            continue
        if is_complementizer(doc, j):
            return _after_comp(doc, j + 1)
        if (doc.keys[j - 1] in ("،", ",") and k != "نقلا"
                and (k in POSTPOSED_MARKERS or (k[:1] == "و" and k[1:] in POSTPOSED_MARKERS))):
            # "وأضاف X، بحسب وكالة …، أن …": an interposed source, the words follow; but
            # "…، وفق وكالة «مسار برس» أمس.": the source of the sentence, no words after it
            comp = next((t for t in range(j + 1, min(stop, j + 14))
                         if doc.keys[t] in SENT_END or is_complementizer(doc, t)), -1)
            if comp < 0 or doc.keys[comp] in SENT_END:
                break
            j = comp
            continue
        if cue.ctype == "prep" and k in cue.preps:
            if k == "الي" and any(doc.keys[t] in _ENVOYS for t in range(max(after, j - 4), j)):
                j += 1  # "المبعوث الأممي إلى اليمن": the title's own preposition
                continue
            c = j + 1
            if c < n and is_complementizer(doc, c):
                c += 1
            elif cue.lemma not in cues.NP_AFTER_PREP or (cue.present and cue.lemma in cues.NP_AFTER_PREP_PAST):
                return None  # "تشير التوقعات إلى ارتفاع", "كان يشير إلى": a sign, a referent
            elif j > first + 1 and cue.lemma in ("عبر", "دافع"):
                return None  # عبر/دافع: the preposition follows the subject at once (عبر … عن طريق)
            return _after_comp(doc, c)
        if j > after and _starts_statement(doc, j):
            break
        if k in cues.OTHER_PARTICIPLES and j > after:
            break  # (right after the cue it is part of it: "وأضاف مشيرا إلى أن"، "وتابع مبديا")
        j += 1
    if cue.ctype == "cont" and comma_at >= 0 and comma_at + 1 < n and not (
            cue.lemma == "اختتم" and doc.keys[comma_at + 1] not in _SPEECH_OBJECTS
            and doc.keys[comma_at - 1] not in _SPEECH_OBJECTS) and not (
            cue.lemma == "تابع" and comma_at - after > 3 and doc.is_word[after]):
        # ("اختتم كارتر، زيارته لإسرائيل": concluded a visit, not words; "واختتم، حديثه بالقول";
        # "تابعت بأسى التصريحات التي …، وهي": followed something, its object before the comma)
        c = comma_at + 1
        if doc.keys[c] not in _ADVERBIAL_START and doc.is_word[c]:
            return _after_comp(doc, c)
    if cue.ctype in ("say", "cont") and after < n and doc.keys[after] in _UNMARKED_OPENERS:
        # "وأضاف لدينا عدد من الجواسيس …"، "وقال نحن نعمل …": words with no أن, colon or
        # quotation mark, opening with what only a speaker's own sentence opens with
        return _after_comp(doc, after)
    return None


#: Prepositions that open an adjunct, not an object (اعتبر في مقالته «…»، اعتبروا حسب …).
_ADJUNCT_PREPOSITIONS = {normalize(w) for w in (
    "في إلى على عن من مع أمام عبر بعد قبل حول بشأن عند منذ حتى ضد تجاه بين لدى خلال حسب بحسب "
    "وفق وفقا").split()}


#: Say-verbs that also govern a preposition whose noun phrase is the statement (أكد على
#: أهمية، حذر من محاولات); the preposition must follow the subject at once.
_SAY_PREPS = {"أكد": "علي", "حذر": "من"}  # lemmas as written in cues._VERBS
_LISAN = normalize("لسان")  # "أكد على لسان المتحدث": a relay, not the governed preposition


def _complementizer_in_clause(doc: Doc, t: int, reach: int = 14) -> bool:
    """A complementizer before the next comma or sentence end, or right after that comma
    (within ``reach`` tokens)."""
    for u in range(t, min(len(doc), t + reach)):
        if doc.keys[u] in ("،", ","):
            return u + 1 < len(doc) and is_complementizer(doc, u + 1)  # ("…، أنّ")
        if doc.keys[u] in SENT_END:
            return False
        if is_complementizer(doc, u):
            return True
    return False


#: Words in a subject that take the same preposition themselves: "مسؤول مطلع على الوضع",
#: "المشرف على المشروع", "الهيئة الوطنية للرقابة على تنفيذ …", "اثنان من الكتاب", "عدد من النواب".
GOVERNS_TOO = {normalize(w) for w in (
    "مطلع مطلعة مطلعون مطلعين المطلع المطلعة المطلعين المشرف مشرف المشرفة القائم القائمين "
    "اثنان اثنين ثلاثة أحد واحد جملة الرقابة للرقابة رقابة الإشراف للإشراف بالإشراف الحفاظ "
    "للحفاظ القضاء للقضاء الحصول للحصول الاطلاع للاطلاع").split()} | PARTITIVES

#: Titles and errands that take their own إلى (المبعوث الأممي إلى اليمن، في زيارته إلى).
_ENVOYS = {normalize(w) for w in (
    "مبعوث المبعوث مبعوثة سفير السفير سفيرة مندوب المندوب مندوبة ممثل الممثل موفد الموفد "
    "زيارة زيارته زيارتها رحلة رحلته وصوله وصولها").split()}


#: What اختتم may conclude that is speech (حديثه، كلمته): anything else (زيارته) is an act.
_SPEECH_OBJECTS = {normalize(w) for w in (
    "حديثه حديثها كلمته كلمتها تصريحه تصريحها تصريحاته تصريحاتها بيانه بيانها خطابه خطابها").split()}


#: First words that only a speaker's own sentence opens with (we, I, we have, it was done …).
_UNMARKED_OPENERS = {normalize(w) for w in "نحن أنا لدينا كنا لقد سوف تم يتم لن".split()}


#: Adverbs and adjuncts between a transitive cue's subject and its object.
_OBJ_ADVERBS = {normalize(w) for w in (
    "بشدة بقوة مجددا أيضا كذلك بدوره بدورها بدورهم شخصيا رسميا").split()}
_DOC_TAIL = {normalize(w) for w in (
    "لها له لهم صحفي صحافي صحفية صحافية رسمي مشترك صادر مكتوب اليوم").split()}
#: Masdars after رفض/نفى that decline to speak rather than say something (رفض التعليق).
_DECLINE = {normalize(w) for w in (
    "التعليق الكشف الإفصاح الإدلاء الخوض الرد ذكر الإجابة تحديد الحديث تأكيد التطرق "
    "الإفصاح").split()}
#: Governed prepositions of directive cues: the span starts after them when no object
#: precedes (دعت تركيا إلى إقامة …، طالب بوقف …).
_GOVERNED = {
    normalize("دعا"): ("الي", "ل"), normalize("حث"): ("علي",), normalize("طالب"): ("ب",),
    normalize("رحب"): ("ب",), normalize("ندد"): ("ب",), normalize("ناشد"): ("ب",),
}
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")
_STRONGLY = {normalize("بأشد"), normalize("بأقوى")}
_DEMONSTRATIVES = {normalize(w) for w in "هذا هذه ذلك تلك هذان هاتين هؤلاء أي كل جميع".split()}
_CLAUSE_BREAK = {normalize(w) for w in "حيث وذلك بعدما وبعدما مما لكن ولكن".split()}


def governed_at(doc: Doc, j: int, cue: cues.Cue) -> bool:
    """Token ``j`` is the governed preposition of a directive cue (إلى، على، بـ، لـ)."""
    if j >= len(doc) or not doc.is_word[j]:
        return False
    governed = _GOVERNED.get(normalize(cue.lemma), ())
    if cue.lemma == "اتهم":
        governed = ("ب",)
    k = doc.keys[j]
    return k in governed or (k[:1] in governed and k[:1] in ("ب", "ل") and len(k) > 3)


def skip_adjuncts(doc: Doc, j: int, prep_phrase: bool = False) -> int:
    """Skip "أول من أمس", "بشدة", "في بيان (لها)", "، التي … ،" before an object; with
    ``prep_phrase`` (نفى، اتهم) also a short في-phrase before the words or أن."""
    n = len(doc)
    keys = doc.keys
    while j < n:
        k = keys[j]
        span = time_phrase_len(doc, j)
        if span:
            j += span
            continue
        if k in TIME_WORDS or k in _OBJ_ADVERBS or k in ("،", ","):
            j += 1
            continue
        if k in _STRONGLY and j + 1 < n:  # "بأشد العبارات"
            j += 2
            continue
        if k == "في" and j + 1 < n and keys[j + 1] in cues.DOC_NOUNS:
            j += 2
            while j < n and keys[j] in _DOC_TAIL:
                j += 1
            continue
        if k == "في" and prep_phrase:
            # "نفى مجلس المقاومة في عدن «…»"، "نفت في بلاغ رسمي باسم الخارجية أن …": a short
            # prepositional phrase before the words themselves
            e = j + 1
            while e < n and e - j <= 6 and doc.is_word[e] and not is_complementizer(doc, e):
                e += 1
            if e - j >= 2 and e < n and (is_complementizer(doc, e) or (
                    keys[e] in QUOTE_OPEN and e in doc.quote_close and doc.quote_close[e] - e > 4)):
                j = e
                continue
        if k in ("التي", "الذي", "الذين") and j > 0 and keys[j - 1] in ("،", ","):
            # a relative clause set off by commas: "الجامعة العربية، التي …، كلا من"
            e = j + 1
            while e < n and e - j < 25 and keys[e] not in ("،", ",") and keys[e] not in SENT_END:
                e += 1
            if e < n and keys[e] in ("،", ","):
                j = e + 1
                continue
        break
    return j


def clause_end(doc: Doc, c: int) -> int:
    """End of the clause starting at token ``c``: the content end, cut before "حيث",
    "وذلك", "بعد أن" or a comma followed by a new coordinated clause ("، و" + verb)."""
    end = content_end(doc, c)
    keys = doc.keys
    for t in range(c + 1, end):
        k = keys[t]
        if k in QUOTE_OPEN and t in doc.quote_close:
            continue
        if k in _CLAUSE_BREAK or (k in ("بعد", "وبعد") and t + 1 < end and keys[t + 1] in ("ان",)):
            return t
        if k in ("،", ",", "؛", ";") and t + 1 < end and doc.is_word[t + 1]:
            nk = keys[t + 1]
            if k in ("؛", ";"):
                return t
            if nk[:1] == "و" and len(nk) > 3 and nk[1:3] != "ال" and not nk.startswith("ول"):
                return t
    return end


#: Verbs of saying whose noun-phrase object is itself the statement when a named subject
#: opens the clause (أكد المرصد السوري مقتل تسعة مواطنين، أعلنت كوريا الجنوبية انتهاء الخطر).
OBJECT_SAY = {normalize(w) for w in ("أكد", "أعلن", "أوضح", "كشف")}
#: Verbal nouns in و, told apart from و + a word (وجود، وقوف، but ودول، ورئيس).
_WAW_MASDARS = {normalize(w) for w in "وجود وقوف وقف وصول وضع وقوع وفاة وعد".split()}
_SHORT_MASDARS = {normalize(w) for w in "عدم قيام مقتل مصرع سقوط تضامن بدء".split()}
#: Words that go on describing the subject, not its object (جيش الإسلام، أكبر الفصائل …).
_APPOSITION_STARTS = {normalize(w) for w in "أكبر كبرى أبرز أحد إحدى أقدم أهم عبد أبو أم".split()}


def masdar_like(k: str) -> bool:
    """An indefinite verbal noun by its pattern: افتعال/انفعال/استفعال (اعتقال، انتهاء،
    استمرار)، تفعيل (تنفيذ، تصويت)، تفاعل (تراجع، تعاون), or one of a few common others
    (not إفعال: five letters in ا…ا… are as often a plural أفعال, أصحاب، أعضاء)."""
    n = len(k)
    return (k in _SHORT_MASDARS or k in _WAW_MASDARS
            or (n >= 6 and k[0] == "ا" and k[-2] == "ا" and not k.startswith("ال"))
            or (n == 5 and k[0] == "ت" and (k[3] == "ي" or k[2] == "ا")))


def object_statement(doc: Doc, cue: cues.Cue, after: int) -> Content | None:
    """The object of أكد/أعلن/أوضح/كشف after its named subject, as the statement: an
    indefinite noun that is no particle, cue, preposition phrase or و/ف-clause (وجود، مقتل،
    نشر، هدنة). A definite word there is as often the subject's own adjective, a لـ/بـ-word
    the rest of its name (المدير التنفيذي | لحركة نداء تونس), and a clause with عن soon after
    a كشف/أعلن عن whose subject ran on: all are left."""
    p = skip_adjuncts(doc, after)
    n = len(doc)
    if p >= n or not doc.is_word[p] or doc.para[p] != doc.para[max(after - 1, 0)]:
        return None
    if any(doc.keys[t] in cues.DOC_NOUNS for t in range(after, p)):
        return None  # "في تصريح نقلته وكالة …": a description of the statement follows
    k = doc.keys[p]
    if (len(k) < 3 or k.startswith(("ال", "وال", "لل", "بال")) or k in STOP_OBJECT
            or k in _NOT_BEFORE_COMP or cues.lookup(k)[0] is not None
            or k in cues.OTHER_PARTICIPLES or k in cues.SAYING_PARTICIPLES or k in TIME_WORDS
            or is_complementizer(doc, p) or not k[:1].isalpha()
            or (k[:1] in ("ل", "ب") and len(k) >= 5)
            or (k[:1] == "و" and k not in _WAW_MASDARS) or (k[:1] == "ف" and len(k) >= 6)
            or k in TITLES or k in HONORIFICS or k in ORG_HEADS or k in NAME_LINKS
            or k in _APPOSITION_STARTS):
        return None  # (a title, an honorific or a name after the subject: its apposition)
    end = clause_end(doc, p)
    if any(doc.keys[t] == "عن" for t in range(p, min(end, p + 12))):
        return None
    return _object_span(doc, cue, p, end)


def _np_content(doc: Doc, cue: cues.Cue, c: int, np_object: bool = False) -> Content | None:
    """Object noun phrase as the statement: نفى/اتهم always; directive/evaluative verbs
    with quoted words, or (``np_object``) an unquoted object after a named subject."""
    end = clause_end(doc, c)
    if cue.ctype == "quoted":
        # the words must be quoted; the statement ends with the first quotation
        for t in range(c, min(end, c + 25)):
            if doc.keys[t] in QUOTE_OPEN and t in doc.quote_close:
                q = doc.quote_close[t]
                if q - t <= 4:
                    continue  # a quoted name or term («بي كيه كيه»), not quoted words
                s, e = span_chars(doc, c, q + 1)
                if t == c:
                    s, e = span_chars(doc, c + 1, q)
                    return Content(s, e, "direct", c + 1, q)
                return Content(s, e, "indirect", c, q + 1)
            k = doc.keys[t]
            if k in ("،", ",", "-") or is_complementizer(doc, t) or k in cues.NOMINAL_CUES:
                break
            if t > c and cues.lookup(k)[0] is not None:
                break
        if not np_object:
            return None
    return _object_span(doc, cue, c, end)


def _object_span(doc: Doc, cue: cues.Cue, c: int, end: int) -> Content | None:
    """The object noun phrase up to the clause end (دانت الجامعة | القصف التركي …)."""
    keys = doc.keys
    k = keys[c]
    lstrip = 0
    governed = _GOVERNED.get(normalize(cue.lemma), ())
    if k in governed:
        c += 1  # "دعت تركيا إلى إقامة منطقة": the span starts after the preposition
        if c >= end:
            return None
        k = keys[c]
    elif k[:1] in governed and len(k) > 3 and k[:1] in ("ب", "ل"):
        lstrip = 1  # attached: طالب بوقف، رحب بالاتفاق، ندد بالهجوم
    elif k in STOP_OBJECT and k not in _DEMONSTRATIVES:
        return None
    elif k[:1] == "و" and len(k) > 3 and (k[1:] in STOP_WORDS or k[1:] in _NOT_BEFORE_COMP
                                         or k[1:3] == "ال"):
        return None  # "…، ورغم توتر العلاقات": a new clause, not the verb's object
    if k in _DECLINE or k[lstrip:] in _DECLINE or not doc.is_word[c]:
        return None
    if cue.lemma == "رفض" and _derived_masdar(k):
        return None  # رفض حبري الاعتراف بالمحكمة: refusing to do, not rejecting words
    if cues.lookup(k)[0] is not None or k in cues.OTHER_PARTICIPLES or k in QUOTE_OPEN:
        return None
    if end - c < 2:
        return None
    s, e = span_chars(doc, c, end)
    s += lstrip
    if e - s < 3:
        return None
    return Content(s, e, "indirect", c, end)
