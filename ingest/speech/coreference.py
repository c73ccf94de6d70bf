"""Coreference within one article: who a pronoun, a continuation or a short reference means.

* Continuations (وأضاف، وتابع، ومضى يقول) and pronoun subjects (وقالت إن …) take the
  most recent subject whose gender agrees with the verb (أضاف → m, أضافت → f); when none
  agrees, the most recent subject (agreement with organisations is loose in news prose).
* Short references (الوزارة، الخارجية، المنظمة، الرئيس، المتحدث) take the latest
  earlier mention whose name or role contains every word of the reference.
* A bare surname (عباس، دمرداش، فان در كلاوو) takes the latest fuller name ending in it,
  also looked up in the text before (…بحضور رئيس دولة فلسطين محمود عباس).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.arabic import normalize
from ingest.speech.entities import EntityCatalog
from ingest.speech.source import (
    NAME_LINKS,
    NEWS_VERBS,
    OBJECT_MASDARS,
    ORG_HEADS,
    PARTITIVES,
    SHORT_REF_HEADS,
    STOP_WORDS,
    TIME_WORDS,
    TITLES,
)
from ingest.speech.tokens import Doc

#: Given names that begin with و or ف (the root letter, not the conjunction "and/so"); any
#: other و/ف-word before a surname is a conjunction + verb or noun ("ومضى الرويلي، وكتب دندن").
WAW_NAMES = {normalize(w) for w in (
    "وليد وائل وسام وجدي وفاء وداد وحيد وديع وهبي وهبة ويليام ويندي وانغ ولي "
    # given names that open with ف, which a glued فـ (فإن، فقد) opens as well
    "فيليب فهد فيصل فلاديمير فرانسوا فؤاد فاروق فادي فريد فرانك فيكتور فارس فاطمة فائز فالح "
    "فواز فرج فتحي فايز فيديريكا فرانسيس فرناندو فولكر فوزي فوزية فيروز فيليبو فرانشيسكو").split()}


#: Stems of plural source nouns: their short reference names a group, not a person.
_GROUP_STEMS = {"مصادر"}


@dataclass
class Referent:
    """A discourse referent: a subject that spoke (or acted) in the article."""

    speaker: str  # as written at its most recent full mention
    start: int
    end: int
    canonical: str
    gender: str = ""
    entity_id: str | None = None
    role: str = ""
    kind: str = "name"
    keys: set[str] = field(default_factory=set)  # stems of canonical + role words


def stem(w: str) -> str:
    """Crude matching stem: no article/conjunction, no final ة/ه, ية→ي (الوزارة ~ وزارة)."""
    for p in ("وال", "بال", "لل", "ال"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            w = w[len(p) :]
            break
    if w.endswith("يه") and len(w) > 4:
        w = w[:-1]
    elif w.endswith("ه") and len(w) > 3:
        w = w[:-1]
    return w


def _stems(text: str) -> set[str]:
    out = set()
    for w in normalize(text).split():
        w = w.strip('"«»“”()')
        if w:
            out.add(stem(w))
    return out


def make_referent(
    speaker: str, start: int, end: int, canonical: str, gender: str, entity_id: str | None,
    role: str, kind: str,
) -> Referent:
    r = Referent(speaker, start, end, canonical, gender, entity_id, role, kind)
    r.keys = _stems(canonical) | _stems(role) | _stems(speaker)
    return r


def compatible(verb_gender: str, ref: Referent) -> bool:
    if verb_gender == "p" and not ref.gender and ref.kind == "name" and ref.role:
        return False  # a titled person (وزير الدفاع آشتون كارتر) is one: not «وقالوا»
    if verb_gender == "p" and _group(ref.canonical):
        return True  # "طالب عدد من أصحاب المكاتب … وأشاروا": a group, whatever its verb's agreement
    if not verb_gender or not ref.gender:
        return True
    return verb_gender == ref.gender


def _body_in_role(role: str, head_stem: str) -> str:
    """The body a title names, from its head noun on ("المتحدث باسم وزارة الدفاع" → "وزارة
    الدفاع"), or ""."""
    ws = role.split()
    for i, w in enumerate(ws):
        k = normalize(w)
        if stem(k) == head_stem or stem(k[1:]) == head_stem and k[:1] in ("ب", "ل"):
            if k.startswith("لل"):
                first = "ال" + w[2:]  # (للجامعة → الجامعة)
            elif k.startswith("بال") or (k[:1] in ("ب", "ل") and stem(k) != head_stem):
                first = w[1:]
            else:
                first = w
            rest = []
            for x in ws[i + 1:]:
                if normalize(x).startswith(_TO_MEDIA):
                    break  # "… لوكالة فرانس برس": whom the person spoke to
                rest.append(x)
            return " ".join([first, *rest])
    return ""


_TO_MEDIA = tuple(normalize(w) for w in "لوكالة لصحيفة لقناة لإذاعة لتلفزيون لموقع لجريدة".split())


def _group(canonical: str) -> bool:
    """"عدد من النواب"، "كثير من المشاركين": a partitive + من names a group of people."""
    w = normalize(canonical).split()
    return len(w) >= 3 and w[0] in PARTITIVES and w[1] == "من"


class Discourse:
    """Subjects seen so far in the article, most recent last."""

    def __init__(self) -> None:
        self.refs: list[Referent] = []

    def add(self, ref: Referent) -> None:
        self.refs.append(ref)

    def last_compatible(self, gender: str, before: int, documents: bool = True) -> Referent | None:
        """Latest referent agreeing with ``gender``; ``documents=False`` skips documents that
        spoke for an issuer nobody named (a report speaks for its issuer, not for itself)."""
        cands = [r for r in self.refs if r.start < before and (documents or r.kind != "doc")]
        for r in reversed(cands):
            if compatible(gender, r):
                return r
        if gender == "p":
            return None  # a plural verb (أشاروا) with only singular speakers before it
        return cands[-1] if cands else None

    def short_reference(self, surface: str, before: int) -> Referent | None:
        """Latest referent containing every content word of a short reference."""
        words = [stem(w) for w in normalize(surface).split()]
        if not words:
            return None
        for r in reversed(self.refs):
            if r.start >= before:
                continue
            if normalize(r.canonical) == normalize(surface):
                continue
            if all(w in r.keys for w in words):
                if r.kind in ("name", "title") and normalize(surface).split()[0] in ORG_HEADS:
                    # "الوزارة" is never a person whose title names a ministry: it is that ministry
                    # ("المتحدث باسم وزارة الدفاع الأرمينية" → وزارة الدفاع الأرمينية)
                    body = _body_in_role(r.role, words[0])
                    if body:
                        return make_referent(body, r.start, r.end, body, "", None, "", "org")
                    continue
                if r.kind != "name" or words[0] not in _GROUP_STEMS:
                    return r
                # "المصادر" is a group of sources, never a person whose role mentions them
        return None

    def by_role(self, title: str, before: int) -> Referent | None:
        """Latest named referent introduced with exactly this title: "المدير التنفيذي لسوق
        عكاظ الدكتور راشد الغامدي" … later "وقال المدير التنفيذي لسوق عكاظ" is the same man."""
        k = normalize(title)
        if not any(w in TITLES for w in k.split()):
            return None  # honorific + surname (المهندس القحطاني) is a name, not a title
        return self.latest_titled(before, role=k)

    def latest_titled(self, before: int, role: str = "", not_gender: str = "") -> Referent | None:
        """Latest referent before ``before`` named in full (two words or more, not a
        fragment) with a title — ``role`` when given (normalised), any otherwise."""
        return next((r for r in reversed(self.refs)
                     if r.start < before and r.kind == "name" and r.role and len(r.canonical.split()) >= 2
                     and (not role or normalize(r.role) == role)
                     and (not not_gender or r.gender != not_gender)), None)

    def latest_body(self, before: int) -> Referent | None:
        """Latest organisation or catalog entity before ``before``: who issued a document
        that speaks («وأشار التقرير إلى …») when the text does not say."""
        return next((r for r in reversed(self.refs) if r.start < before and r.kind in ("org", "entity")), None)

    def find(self, surface: str) -> Referent | None:
        """Latest referent whose canonical name is exactly this name."""
        k = normalize(surface)
        return next((r for r in reversed(self.refs) if normalize(r.canonical) == k), None)

    def fuller_name(self, surface: str, before: int) -> Referent | None:
        """Latest referent whose canonical name ends with / contains this name."""
        k = normalize(surface)
        for r in reversed(self.refs):
            if r.start >= before:
                continue
            c = normalize(r.canonical)
            if c != k and (c.endswith(" " + k) or (" " + k + " ") in (" " + c + " ")):
                return r
        return None


def is_short_reference(keys: list[str]) -> bool:
    """الوزارة / وزارة الخارجية / الرئيس: a head (and its domain) without a proper name."""
    if not keys:
        return False
    if len(keys) == 1:
        return keys[0] in SHORT_REF_HEADS
    if len(keys) == 2 and keys[0] in ("وزاره", "الوزاره"):
        return True
    return False


def name_in_text(doc: Doc, start_tok: int, end_tok: int, catalog: EntityCatalog
                 ) -> tuple[int, int, int] | None:
    """Earlier fuller occurrence of a 1–2 token surname: the same words preceded by given
    names (not titles, stop words or cues) somewhere before ``start_tok``.

    Every earlier occurrence is read, not only the nearest: a verb or noun glued before a
    surname (أثار إعلان السيناتور …، اتخذ دروز) passes for a given name as easily as a real
    one does, so a given name the text puts before the surname more than once wins; among
    equals the nearest.

    Returns (name start, name end, role start) as token indices; role start equals the
    name start when no title precedes the name."""
    name = doc.keys[start_tok:end_tok]
    n = len(name)
    found: list[tuple[int, int, int]] = []
    for i in range(start_tok - n, 0, -1):
        if doc.keys[i : i + n] != name:
            continue
        span = _fuller_at(doc, i, n, catalog)
        if span is not None:
            found.append(span)
    if not found:
        return None
    firsts = [doc.keys[j] for j, _, _ in found]

    def score(span: tuple[int, int, int]) -> int:
        return firsts.count(doc.keys[span[0]]) >= 2

    return max(found, key=score)  # (max keeps the first, i.e. nearest, of equal scores)


def _fuller_at(doc: Doc, i: int, n: int, catalog: EntityCatalog) -> tuple[int, int, int] | None:
    """The given names before the surname at token ``i`` (``n`` tokens), and any title."""
    from ingest.speech import cues

    j = i
    while j - 1 >= 0 and (i - j < 2 or doc.keys[j] in NAME_LINKS or doc.keys[j - 1] == _ABD):
        # (past بن/آل the given name is one more word: عبدالرحمن بن عباس الحكمي)
        k = doc.keys[j - 1]
        if (not doc.is_word[j - 1] or k in STOP_WORDS or k in TITLES or k in TIME_WORDS
                or any(ch.isdigit() for ch in k)  # "… مصر 2015 | أيمن عقيل"
                or cues.lookup(k)[0] or k.startswith("ال") and k not in ("الدين", "الله", "ال")
                and not (j - 2 >= 0 and doc.keys[j - 2] == _ABD)  # عبد الفتاح | السيسي
                or k == "الله" and j - 2 >= 0 and doc.keys[j - 2] == _AYAT  # آية الله | علي خامنئي
                or catalog.state_for(k) or catalog.match_at(doc.keys, j - 1)[1]
                or k[:1] in ("و", "ل", "ب") and len(k) > 3 and k[1:3] == "ال"
                or k[:2] == "لل" and len(k) > 3  # خلفا للسويسري جوزيف بلاتر: لـ + الـ
                or k[:1] in ("و", "ف") and len(k) > 3 and k not in WAW_NAMES
                or k in NEWS_VERBS or k[1:] in NEWS_VERBS or k in ORG_HEADS or k in _IN_THE_PRESENCE
                or (k[:1] == "ل" and (k[1:] in ORG_HEADS or k[1:] in TITLES))  # لحركة طالبان
                or (j - 2 >= 0 and doc.keys[j - 2] in _PREPOSITIONS)  # في كربلاء | أحمد الصافي
                or (_not_given_name(k) and not (len(k) == 2 and doc.keys[j] in ("الدين", "الله")))  # عز الدين
                or (k == _FAN and doc.keys[j] not in _VAN_NEXT)  # "فإن X", but "فان در كلاوو"
                or _verb_before_name(doc, j - 1)
                or _relative_verb(doc, j - 1)):
            break
        j -= 1
    if j >= i:
        return None
    # a title right before the full name (رئيس دولة فلسطين محمود عباس) is its role
    r = j
    while r - 1 >= 0 and j - r < 5 and doc.is_word[r - 1]:
        k = doc.keys[r - 1]
        if k in TITLES or k.startswith(("ال", "لل")) or catalog.state_for(k):
            r -= 1
            continue
        if r - 2 >= 0 and doc.keys[r - 2] in TITLES:  # construct: رئيس دولة
            r -= 1
            continue
        break
    while r < j and doc.keys[r] not in TITLES:
        r += 1
    return j, i + n, r


#: بـ-phrases that stand before a name and are no given name (بحضور أحمد عيد الحربي).
_IN_THE_PRESENCE = {normalize(w) for w in "بحضور برئاسة بمشاركة بقيادة بإشراف بتوجيه بمرافقة".split()}
_FAN = normalize("فإن")
_ABD = normalize("عبد")
_HAULA = normalize("هؤلاء")
#: What follows the Dutch/German "فان" (van) inside a surname.
_VAN_NEXT = {normalize(w) for w in "در دير دن دي".split()}

#: Nouns that stand before a name as its possessor or topic, never as a given name (قول
#: فاروفاكيس، تصريحات كيندال، زيارة ساركوزي).
_BEFORE_NAMES = {normalize(w) for w in "قول تصريح تصريحات كلمة كلمات زيارة بيان تقرير رسالة موقف عملية".split()}


def _not_given_name(k: str) -> bool:
    """Words that cannot open a personal name: two letters or fewer (أي، رد), a demonstrative
    or a و/ف + stop word (ومن هؤلاء), a verbal noun or speech noun that takes the name as its
    possessor (حرص، قول), a noun with a possessive pronoun (خارجيته), a three-letter
    imperfect verb (يضم، تضع)."""
    if k in NAME_LINKS:
        return False  # بن، آل
    return (len(k) <= 2 or k in _BEFORE_NAMES or k == _HAULA
            or (k[:1] in ("و", "ف") and k[1:] in STOP_WORDS)  # ومن، فهو
            or k in OBJECT_MASDARS
            or (len(k) >= 5 and k.endswith(("ته", "تها", "تهم")))
            or (len(k) == 3 and (k[0] == "ي" or k[0] == "ت" and k[1] not in ("و", "ي"))))  # (توم، تيد)


_PREPOSITIONS = {normalize(w) for w in "في من إلى الى على عن مع".split()}
_AYAT = normalize("آية")


def _verb_before_name(doc: Doc, t: int) -> bool:
    """"استعرض الحربش"، "سيلقي القحطاني": a verb opening its clause before the subject's
    name, not a given name — Form X past (است…) anywhere, a future (سيـ/ستـ + ي-final or
    long) only where a clause starts, since foreign given names begin alike (ستيفان)."""
    k = doc.keys[t]
    if k.startswith("است") and len(k) >= 5:
        return True
    opens = t == 0 or not doc.is_word[t - 1] or doc.sent[t - 1] != doc.sent[t]
    return opens and k[:2] in ("سي", "ست", "سن") and len(k) >= 5 and k.endswith(("ي", "م", "د", "ل"))


def _relative_verb(doc: Doc, t: int) -> bool:
    """An imperfect verb of a relative clause (التي يمارسها محمود عباس): not a given name."""
    k = doc.keys[t]
    if k[:1] not in ("ي", "ت") or len(k) < 4:
        return False
    return k.endswith(("ها", "هم", "ه")) or (t > 0 and doc.keys[t - 1] in (
        "التي", "الذي", "الذين", "ما"))
