"""Speech cues: the verb (or noun) that introduces reported words, with its agreement.

The lexicon is keyed by the normalised surface (``normalize``: أ/إ/آ→ا, ى→ي, ة→ه), so a
single dictionary lookup per token finds a cue; a leading و/ف conjunction is stripped
first. Each entry records the lemma, the subject agreement (m/f/p) the form shows, and the
kind of complement the verb takes, because that decides where the reported content
starts:

* ``say``   — clausal complement: إن/أن, quotation marks or a colon (قال، أكد، ذكر); after a
  named subject that opens the clause, أكد/أعلن/أوضح/كشف also take a verbal-noun object as
  the statement (أكد المرصد السوري مقتل تسعة مواطنين; ``content.object_statement``).
* ``cont``  — like ``say`` but also takes unmarked content after a comma (أضاف، تابع);
  these are the continuation verbs that default to the previous speaker.
* ``prep``  — verb + governed preposition, the span starts after it (أشار إلى، أعرب عن).
* ``np``    — a noun-phrase object is itself the statement (نفى، اتهم).
* ``quoted``— directive/evaluative verbs (دعا، دان، رفض، طالب، رحب) whose object is a
  statement when it carries quotation marks, or when the verb opens its clause with a named
  subject (ودانت الجامعة العربية القصف التركي); a pronoun subject plus an unquoted object
  (ورفض الكشف عن اسمه) is an act, not words.

Participles (مشيرا، مؤكدا) are not cues: they continue a statement already attributed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ingest.arabic import normalize


@dataclass(frozen=True)
class Cue:
    lemma: str
    gender: str  # "m", "f" or "p" (plural/dual)
    ctype: str  # say | cont | prep | np | quoted
    preps: tuple[str, ...] = ()  # normalised governed prepositions for ``prep``
    present: bool = False


def _forms(
    past_m: str,
    past_f: str,
    past_p: str,
    pres_m: str = "",
    pres_f: str = "",
    pres_p: str = "",
) -> list[tuple[str, str, bool]]:
    out = [(past_m, "m", False), (past_f, "f", False), (past_p, "p", False)]
    out += [(pres_m, "m", True), (pres_f, "f", True), (pres_p, "p", True)]
    return [(normalize(f), g, p) for f, g, p in out if f]


_VERBS: list[tuple[str, str, tuple[str, ...], list[tuple[str, str, bool]]]] = [
    ("قال", "say", (),
     _forms("قال", "قالت", "قالوا", "يقول", "تقول", "يقولون") + [("قالا", "p", False)]),
    ("ذكر", "say", (), _forms("ذكر", "ذكرت", "ذكروا")),
    ("أكد", "say", (), _forms("أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد", "يؤكدون")),
    ("أوضح", "say", (), _forms("أوضح", "أوضحت", "أوضحوا")),
    ("أعلن", "say", (), _forms("أعلن", "أعلنت", "أعلنوا")),
    ("اعتبر", "say", (), _forms("اعتبر", "اعتبرت", "اعتبروا", "يعتبر", "تعتبر", "يعتبرون")),
    ("رأى", "say", (), _forms("رأى", "رأت", "رأوا", "يرى", "ترى", "يرون")),
    ("صرح", "say", (), _forms("صرح", "صرحت", "صرحوا")),
    ("أفاد", "say", (), _forms("أفاد", "أفادت", "أفادوا")),
    ("كشف", "say", (), _forms("كشف", "كشفت", "كشفوا")),
    ("بين", "say", (), _forms("", "بينت", "بينوا")),
    ("أبان", "say", (), _forms("أبان", "أبانت", "")),
    ("زعم", "say", (), _forms("زعم", "زعمت", "زعموا", "يزعم", "تزعم", "يزعمون")),
    ("حذر", "say", (), _forms("حذر", "حذرت", "حذروا")),
    ("اعترف", "say", (), _forms("اعترف", "اعترفت", "اعترفوا")),
    ("أقر", "say", (), _forms("أقر", "أقرت", "أقروا")),
    ("نوه", "say", (), _forms("نوه", "نوهت", "")),
    ("أبلغ", "say", (), _forms("أبلغ", "أبلغت", "أبلغوا")),
    ("أضاف", "cont", (), _forms("أضاف", "أضافت", "أضافوا", "يضيف", "تضيف", "يضيفون")),
    ("تابع", "cont", (), _forms("تابع", "تابعت", "تابعوا")),
    ("أردف", "cont", (), _forms("أردف", "أردفت", "")),
    ("استطرد", "cont", (), _forms("استطرد", "استطردت", "")),
    ("اختتم", "cont", (), _forms("اختتم", "اختتمت", "")),
    ("أشار", "prep", ("الي",), _forms("أشار", "أشارت", "أشاروا", "يشير", "تشير", "يشيرون")),
    ("لفت", "prep", ("الي",), _forms("لفت", "لفتت", "لفتوا")),
    ("شدد", "prep", ("علي",), _forms("شدد", "شددت", "شددوا")),
    ("أعرب", "prep", ("عن",), _forms("أعرب", "أعربت", "أعربوا")),
    ("عبر", "prep", ("عن",), _forms("عبر", "عبرت", "عبروا")),  # عبّر عن (not the preposition عبر)
    ("دافع", "prep", ("عن",), _forms("دافع", "دافعت", "دافعوا")),
    ("أجمع", "prep", ("علي",), _forms("أجمع", "أجمعت", "أجمعوا")),  # أجمعوا على أن …
    ("نفى", "np", (), _forms("نفى", "نفت", "نفوا")),
    ("اتهم", "np", (), _forms("اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", "يتهمون")),
    ("دعا", "quoted", (), _forms("دعا", "دعت", "دعوا")),
    ("طالب", "quoted", (), _forms("طالب", "طالبت", "طالبوا")),
    ("حث", "quoted", (), _forms("حث", "حثت", "حثوا")),
    ("ناشد", "quoted", (), _forms("ناشد", "ناشدت", "ناشدوا")),
    ("دان", "quoted", (), _forms("دان", "دانت", "")),
    ("أدان", "quoted", (), _forms("أدان", "أدانت", "أدانوا")),
    ("استنكر", "quoted", (), _forms("استنكر", "استنكرت", "استنكروا")),
    ("ندد", "quoted", (), _forms("ندد", "نددت", "نددوا")),
    ("رفض", "quoted", (), _forms("رفض", "رفضت", "رفضوا")),
    ("وصف", "quoted", (), _forms("", "وصفت", "")),
    ("رحب", "quoted", (), _forms("رحب", "رحبت", "رحبوا")),
]

#: Verb + preposition cues whose words may be a noun phrase after the preposition (أعرب عن
#: قلقه، عبّر عن أسفه، دافع عن الاتفاق، شدد على أهمية، أشار إلى ترحيب القيادة): the
#: annotation conventions start the span after the preposition whatever follows it.
NP_AFTER_PREP = {"أعرب", "عبر", "دافع", "شدد", "أشار", "لفت"}  # lemmas as written in _VERBS
#: ... but a present أشار (تشير التوقعات إلى ارتفاع, كان يشير إلى القرار) points at a sign or a
#: referent, not at words.
NP_AFTER_PREP_PAST = {"أشار"}

VERB_CUES: dict[str, Cue] = {}
for _lemma, _ctype, _preps, _fs in _VERBS:
    for _form, _g, _pres in _fs:
        VERB_CUES.setdefault(_form, Cue(_lemma, _g, _ctype, _preps, _pres))

#: Directive and accusing verbs with an attached object pronoun (واتهمتها بـ…، ودعتهم إلى …،
#: وطالبته بالكف عن …، حثه على …): the same cue, its object inside the token.
_WITH_OBJECT = {normalize(w) for w in "اتهم دعا طالب حث ناشد حذر".split()}
#: ... but not where the form normalises to a noun: دعاة (preachers), طالبة (a student).
_NOUN_TWINS = {normalize(w) for w in "دعاة طالبة".split()}
OBJECT_FORMS: set[str] = set()
for _form, _cue in list(VERB_CUES.items()):
    if (normalize(_cue.lemma) in _WITH_OBJECT and not _cue.present and _cue.gender in ("m", "f")
            and _form == normalize(_form)):
        for _suf in ("ه", "ها", "هم", "هما", "كم"):
            if (_form + _suf) not in VERB_CUES and (_form + _suf) not in _NOUN_TWINS:
                VERB_CUES[_form + _suf] = _cue
                OBJECT_FORMS.add(_form + _suf)

#: "ومضى يقول" / "ومضت تقول": the verb of motion plus a present speech verb.
MADA = {normalize("مضى"): "m", normalize("مضت"): "f"}

#: Nominal cues: the speaker is found before them (عن X قوله، X ... بالقول).
NOMINAL_CUES = {normalize(w) for w in ("بالقول", "قوله", "بقوله", "قولها", "بقولها", "قولهم")}

#: Participles that continue an attributed statement; "قائلا" also introduces words itself.
SAYING_PARTICIPLES = {normalize(w) for w in ("قائلا", "قائلة", "قائلين", "قائلًا")}
OTHER_PARTICIPLES = {
    normalize(w)
    for base in ("مشير", "مؤكد", "مضيف", "موضح", "لافت", "مشدد", "معتبر", "مبين", "منوه",
                 "محذر", "داعي", "مطالب", "معرب", "مستدرك", "معلل", "متسائل", "مستنكر",
                 "معلن", "كاشف", "مبدي", "محمل", "مرجح", "معبر", "متوقع", "مشيد", "مستبعد",
                 "مرحب", "متعهد")
    for w in (base + "ا", base + "ة", base + "ين", base + "ون")
} | {normalize(w) for w in ("منتقدا", "منتقدة", "متهما")}  # (منتقدون، متهمون: critics, defendants)

#: Verbs of stance that are no cues (forecast, hint, pledge, threat, praise, question …): their
#: subject is a referent and their clause is the narrator's, but they introduce no statement
#: (tried as cues: poor speakers, see docs/benchmarks.md).
STANCE_VERBS = {normalize(w) for w in (
    "توقع توقعت لمح لمحت ألمح ألمحت رجح رجحت استبعد استبعدت تعهد تعهدت توعد توعدت انتقد "
    "انتقدت أبدى أبدت أشاد أشادت ثمن ثمنت تساءل تساءلت اقترح اقترحت وصف").split()}

#: "جاء في بيان/تقرير/رسالة": the document introduces the words.
JAA = {normalize("جاء"), normalize("ورد")}
DOC_NOUNS = {
    normalize(w)
    for w in ("بيان", "البيان", "بيانها", "بيانه", "تقرير", "التقرير", "رسالة", "الرسالة",
              "تصريح", "التصريح", "كلمة", "الكلمة", "نص", "خطاب", "الخطاب", "تغريدة", "مقال",
              "تصريحات")
}

_CONJ = ("و", "ف")


def strip_conj(key: str) -> tuple[str, int]:
    """Drop a leading و/ف (returns the bare key and how many chars were dropped)."""
    if len(key) > 2 and key[0] in _CONJ and key not in VERB_CUES:
        return key[1:], 1
    return key, 0


#: "بين" alone is mostly the preposition "between"; only "وبين" is the verb "explained".
_WA_ONLY = {normalize("وبين"): Cue("بين", "m", "say")}


@lru_cache(maxsize=65536)
def lookup(key: str) -> tuple[Cue | None, int]:
    """The verb cue for a token key (with or without و/ف), and the prefix length (cached: the
    extractor asks about the same few thousand words again and again)."""
    if key in _WA_ONLY:
        return _WA_ONLY[key], 1
    c = VERB_CUES.get(key)
    if c is not None:
        return c, 0
    bare, n = strip_conj(key)
    if n:
        c = VERB_CUES.get(bare)
        if c is not None:
            return c, n
    return None, 0


def is_cue_token(key: str) -> bool:
    return lookup(key)[0] is not None
