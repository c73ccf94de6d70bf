"""Arabic reported-speech extraction: who said what, with exact offsets into the article.

Pipeline (one module per stage, in the spirit of BBC's Citron):

1. :mod:`.tokens` — tokens with normalised keys, sentences, quotation-mark pairs;
2. :mod:`.cues` — speech verbs and nominal cues with agreement and complement type;
3. :mod:`.source` — the speaker mention after (or before) the cue, name vs. role;
   :mod:`.subjects` — where the subject stands relative to the cue (past adverbials and
   addressees, before the verb, a relative antecedent, behind «نقل X عن»);
4. :mod:`.content` — the quote span and its kind (direct / indirect);
5. :mod:`.coreference` — pronoun subjects, continuations, short references, surnames;
6. :mod:`.entities` — catalog lookup for ``entity_id`` / ``speaker_en``.

``extract_statements`` never normalises the text it slices: every ``quote`` is
``text[start:end]``. Statement ids hash (article_id, start, end), so re-extracting an
unchanged article yields the same ids.
"""

from __future__ import annotations

import hashlib
import logging

from ingest.arabic import normalize
from ingest.records import Statement
from ingest.speech import cues
from ingest.speech.content import (
    OBJECT_SAY,
    POSTPOSED_MARKERS,
    Content,
    content_end,
    find_content,
    governed_at,
    is_complementizer,
    quoted_content,
    second_between,
    skip_adjuncts,
    span_chars,
    via_not_verb,
)
from ingest.speech.coreference import (
    Discourse,
    Referent,
    is_short_reference,
    make_referent,
    name_in_text,
)
from ingest.speech.entities import EntityCatalog, entity_id_for, shared_catalog
from ingest.speech.source import (
    ANONYMOUS,
    HONORIFIC_PRONOUNS,
    HONORIFICS,
    KANA,
    MANNER_ADVERBS,
    NAME_LINKS,
    NEWS_VERBS,
    ORG_HEADS,
    QUOTE_OPEN,
    STOP_WORDS,
    TIME_WORDS,
    TITLES,
    Mention,
    _personal_name_word,
    _split,
    disagrees,
    document_adjective,
    mention_gender,
    parse_mention,
    stop_token,
    subject_before,
    time_phrase_len,
)
from ingest.speech.subjects import (
    _ASIDE_OPENERS,
    _CLAUSE_OPENERS,
    _RELATIVES,
    ACT_VERBS,
    ISSUE_VERBS,
    PERSON_DESCRIPTIONS,
    SubjectSearch,
    clause_verb,
)
from ingest.speech.tokens import SENT_END, Doc, make_doc

_FAHASB = normalize("فحسب")
#: "قال فيه/فيها/خلاله": in the document or speech just named.
_IN_IT = {normalize(w) for w in "فيه فيها خلاله خلالها".split()}
_NIYABA = normalize("نيابة")  # "ألقاها نيابة عنهم X": on their behalf
#: Issuing or delivering a document or speech, its subject after it (بيان أصدره X، كلمة ألقاها X،
#: ثم ألقى X كلمة قال فيها، أدلى X بتصريح أوضح فيه).
_GAVE_IT = {normalize(w) for w in (
    "أصدره أصدرته أصدرها ألقاها ألقاه نشره نشرها نشرته وجهها وجهه ألقى ألقت وألقى وألقت أدلى "
    "أدلت وأدلى وأدلت").split()}
#: Words before the noun رأي that make "رأي X" the opinion of a speaker (بحسب رأي العاصمي،
#: كان رأي الخبراء أن، وجاء رأي الوزارة).
_OPINION_OF = {normalize(w) for w in "بحسب حسب وبحسب وحسب وفق وفقا كان وكان فكان جاء وجاء فجاء".split()}
#: "بيان من/عن X"، "بيان صادر عن X": the issuer of a document.
_ISSUED_BY = {"من", "عن"}
_SADIR = normalize("صادر")
#: "تقرير أصدرته X": the issuing verb with the document's pronoun; X follows.
_ISSUED_IT = {normalize(w) for w in (
    "أصدرته أصدرتها أصدره أصدرها نشرته نشرتها نشره نشرها أعدته أعدتها أعده أعدها").split()}
#: "المصادر ذاتها/نفسها": "the same (sources)", part of the source's name.
_SAME = {normalize(w) for w in "ذاته ذاتها ذاتهم نفسه نفسها نفسهم".split()}
#: "فإن"، "فإنه" after a preposed source: its words follow.
_FA_INNA = {normalize(w) for w in "فإن فان فإنه فانه فإنها فانها فإنهم".split()}
#: Past forms of نقل, "relayed": "نقلت الوكالة عن X أن …".
_RELAY_CUES = {normalize(w) for w in "نقل نقلت نقلوا".split()}
#: Words after which a cue's form is its verbal noun (ضرورة كشف، عدم ذكر، رغم نفي السلطات،
#: العمل على حث طهران): nouns that govern a masdar, and prepositions, which no verb follows.
_MASDAR_GOVERNORS = {normalize(w) for w in "ضرورة أهمية عدم بضرورة وضرورة رغم ورغم برغم على في إلى عن".split()}
#: Two-word forms of حسبما: (the word before the cue, the one before it).
_HASB_MA = {(normalize(a), normalize(b)) for a, b in (
    ("ما", "حسب"), ("ما", "بحسب"), ("ما", "وفق"), ("لما", "وفقا"), ("لما", "طبقا"))}
#: Indefinite speech nouns that take their speaker with لـ (في تعليق لـX، في تصريح لـX).
_LAM_SPEECH_NOUNS = {normalize(w) for w in "تعليق تصريح تصريحات حديث كلمة مقابلة حوار".split()}
#: Past forms of علم, "learned": "وعلمت «الوطن» من مصادر أن …" (the sources speak).
_LEARNED_CUES = {normalize(w) for w in "علم علمت".split()}

__all__ = ["extract_statements", "EntityCatalog", "Statement"]

#: Prepositions a speech verb may govern before its words in a relative clause
#: ("التي أكدت على …", "التي أشار فيها إلى أن …").
_RELATIVE_PREPS = {normalize(w) for w in "على إلى عن".split()}

_IN_LINE_WITH = {normalize(w) for w in "وفق وفقا طبقا".split()}
#: Detached governed prepositions (دعا إلى، حث على) that may follow a verb whose subject is
#: the previous speaker.
_GOVERNED_SEPARATE = {normalize(w) for w in "إلى الى على".split()}

log = logging.getLogger(__name__)

_SAY = cues.Cue("قال", "", "say")
_EMPHATIC_INNA = {p + s for p in ("إن", "إنّ") for s in ("", "ه", "ها", "هم", "نا", "ني")}
_NOT_NAMES = {normalize(w) for w in "أحد إحدى شهود شاهد سكان ساكن مواطن مواطنون خطيب".split()}


def _proper_name(surface: str) -> bool:
    """Two to four words that look like a personal name (not أحد السكان، شهود عيان)."""
    ws = normalize(surface).split()
    if not 2 <= len(ws) <= 4 or ws[0] in _NOT_NAMES or ws[0].startswith("ال"):
        return False
    return not any(w.endswith(("ون", "ان", "ين")) and len(w) > 4 for w in ws[:1])
_SAY_LEMMAS = {normalize(w) for w in "قال ذكر أكد أوضح أضاف صرح أفاد".split()}


def _same_news(a: str, b: str) -> bool:
    """Two quotes that repeat the same news (two or more content words in common): a
    lead's unnamed official and the named one who says it again are one person ("أعلن
    مسؤول عراقي أن الأنبار تضررت بشدة … وقال عيد عماش، المتحدث باسم مجلس محافظة الأنبار،
    إن الأنبار تضررت بشدة")."""
    wa = {w for w in normalize(a).split() if len(w) >= 4 and w not in STOP_WORDS}
    wb = {w for w in normalize(b).split() if len(w) >= 4 and w not in STOP_WORDS}
    return len(wa & wb) >= 2


_RELAY_VERBS = {normalize(w) for w in ("نشرته", "نشرتها", "نقلته", "نقلتها", "أوردته", "أوردتها",
                                       "بثته", "بثتها", "وزعته", "وزعتها")}


def _relayed_by(outer: Statement) -> list[str]:
    """``via`` of a statement nested in ``outer``'s words: its speaker (when it has one),
    then its relays."""
    relay = outer.speaker_canonical or outer.speaker
    return [relay, *outer.via] if relay else list(outer.via)


def statement_id(article_id: str, start: int, end: int) -> str:
    """Deterministic id from the article and the span."""
    h = hashlib.sha1(f"{article_id}\x00{start}\x00{end}".encode()).hexdigest()[:10]
    return f"{article_id}-{h}"


class _Extractor(SubjectSearch):
    def __init__(self, article_id: str, text: str, catalog: EntityCatalog) -> None:
        self.aid = article_id
        self.text = text
        self.cat = catalog
        self.doc: Doc = make_doc(text)
        self.disc = Discourse()
        self.out: list[tuple[Statement, Content]] = []
        self.refs: dict[int, Referent | None] = {}
        self.consumed = -1
        # "وبحسب «رويترز»، قالت الوزارة إن …": a source that relays the sentence's statement
        self.sentence_via: dict[int, str] = {}

    # --- speaker resolution ------------------------------------------------------------
    def _referent(self, m: Mention, verb_gender: str, lstrip: int = 0) -> Referent:
        doc = self.doc
        s = doc.starts[m.start] + lstrip
        e = doc.ends[m.end - 1]
        speaker = self.text[s:e]
        role = ""
        if m.role_start >= 0 and m.role_end > m.role_start:
            rs, re_ = span_chars(doc, m.role_start, m.role_end)
            role = self.text[rs:re_]
        keys = doc.keys[m.start : m.end]
        if lstrip:
            keys = [keys[0][lstrip:], *keys[1:]]
        canonical = speaker
        head = m.head
        eid = m.entity_id
        gender = mention_gender(doc, m, self.cat)
        if m.head == "name" and not gender:
            gender = verb_gender if verb_gender != "p" or len(keys) == 1 else ""
        target = None
        if m.head in ("org", "title", "entity", "doc") and is_short_reference(keys):
            target = self.disc.short_reference(speaker, s)
            if target is None and m.head == "title" and len(keys) == 1:
                target = self._titled_name_before(m.start, keys[0])
            if target is None and m.head == "title" and len(keys) >= 2:
                target = self.disc.by_role(speaker, s)
            if target is None and m.head == "org" and len(keys) == 1:
                target = self._organisation_before(m.start, keys[0])
        elif m.head == "title" and len(keys) >= 2:
            # "قال وزير الخارجية البريطاني" after a lead that named him ("حوارا مع وزير الخارجية
            # البريطاني فيليب هاموند") outside any statement
            target = self.disc.by_role(speaker, s)
            span = None
            if target is None and len(keys) == 2 and self._title_and_surname(keys):
                span = name_in_text(doc, m.end - 1, m.end, self.cat)
            if span is not None and span[1] - span[0] >= 2 and all(
                    _personal_name_word(doc, u) or doc.keys[u] in NAME_LINKS for u in range(span[0], span[1])):
                # "وأضاف الرئيس السيسي": a title and a surname the text gave in full before
                # (عبد الفتاح السيسي), not a title that introduced somebody else
                canonical = doc.surface(span[0], span[1])
                role = role or doc.surface(m.start, m.end - 1)
                head = "name"
            else:
                target = target or self._title_introduced(m.start, m.end)
        elif len(keys) == 1 and keys[0] in HONORIFIC_PRONOUNS:
            target = self._honorific_antecedent(m.start, keys[0])
        elif m.head == "name":
            target = self.disc.fuller_name(speaker, s)
            if target is None and m.end - m.start <= 3:
                span = name_in_text(doc, m.start, m.end, self.cat)
                if span is not None:
                    canonical = doc.surface(span[0], span[1])
                    if not role and span[2] < span[0]:
                        role = doc.surface(span[2], span[0])
        if (target is None and m.head == "title" and len(keys) == 2 and keys[0] in HONORIFICS
                and self.cat.adjective(keys[1])):
            # "الدكتور التركي": a family name that is also a nationality, spelled out in full
            # earlier ("الدكتور عبدالله بن عبدالمحسن التركي")
            span = name_in_text(doc, m.start + 1, m.end, self.cat)
            if span is not None and span[1] - span[0] >= 2:
                canonical = doc.surface(span[0], span[1])
                role = role or doc.surface(m.start, m.start + 1)
                head = "name"
        if target is not None:
            canonical = target.canonical
            eid = eid or target.entity_id
            role = role or target.role
            gender = gender or target.gender
        if eid is None:
            ent = self.cat.resolve(canonical)
            if ent is not None:
                eid = ent.id
        return make_referent(speaker, s, e, canonical, gender, eid, role, head)

    def _title_and_surname(self, keys: list[str]) -> bool:
        """"الرئيس السيسي"، "اللواء الأحمدي"، "الوزير الجبير": one definite title word and a word
        that can only be a family name (no title, body, state or nationality, no anonymous
        source); an indefinite title takes a genitive instead (وزير النقل، محافظ عدن)."""
        t, w = keys
        return ((t in TITLES or t in HONORIFICS) and t.startswith("ال") and t not in ANONYMOUS and w not in TITLES
                and w not in ORG_HEADS and not self.cat.state_for(w) and not self.cat.adjective(w)
                and not self.cat.match_at([w], 0)[1])

    def _entity_fields(self, ref: Referent) -> tuple[str, str]:
        if ref.entity_id:
            ent = self.cat.get(ref.entity_id)
            if ent is not None:
                return ref.entity_id, ent.en
        return entity_id_for(ref.canonical), ""

    # --- statement assembly ------------------------------------------------------------
    def _emit(self, ref: Referent | None, cue_text: str, cue_start: int, c: Content,
              via: list[str], explicit: bool) -> None:
        text = self.text
        if c.end - c.start < 3:
            return
        for st, _ in self.out:
            if st.start == c.start and st.end == c.end:
                return
        if ref is not None and c.kind == "indirect":
            c = self._before_own_mention(c, ref)
            if c.end - c.start < 3:
                return
        relay = self.sentence_via.get(self.doc.sent[c.tok_start]) if c.tok_start < len(self.doc) else None
        if relay and relay not in via:
            via = [relay, *via]
        if ref is None:
            speaker, ss, se, canonical, role = "", -1, -1, "", ""
            eid, en = "", ""
        else:
            speaker, ss, se = ref.speaker, ref.start, ref.end
            canonical, role = ref.canonical, ref.role
            eid, en = self._entity_fields(ref)
        st = Statement(
            id=statement_id(self.aid, c.start, c.end),
            article_id=self.aid,
            speaker=speaker,
            speaker_start=ss,
            speaker_end=se,
            speaker_canonical=canonical,
            speaker_en=en,
            role=role,
            entity_id=eid,
            cue=cue_text,
            cue_start=cue_start,
            kind=c.kind,
            quote=text[c.start : c.end],
            start=c.start,
            end=c.end,
            via=via,
        )
        self.out.append((st, c))
        self.refs[id(st)] = ref

    def _before_own_mention(self, c: Content, ref: Referent) -> Content:
        """Indirect words end where the narrator names their speaker again: "قالت المحكمة إن
        السيدة ساهمت …، | وقضت المحكمة بحبسها"، "…، | وبحسب المصادر فإن …". Nobody reports
        themselves by name in the third person inside their own words."""
        doc = self.doc
        names = {tuple(normalize(w) for w in ref.speaker.split())}
        words = ref.canonical.split()
        names.add(tuple(normalize(w) for w in words))
        if ref.kind == "name" and len(words) >= 2:
            names.add((normalize(words[-1]),))  # the family name alone (وتعهد كاميرون)
        names.discard(())
        for t in range(c.tok_start + 1, c.tok_end - 2):
            k = doc.keys[t + 1]
            if doc.keys[t] not in ("،", ",") or k[:1] != "و" or len(k) < 3:
                continue
            a = t + 2
            if any(tuple(doc.keys[a : a + len(n)]) == n and (a + len(n) >= len(doc) or not (
                    doc.is_word[a + len(n)] and doc.keys[a + len(n)].startswith("ال"))) for n in names):
                # (not "وقضت المحكمة العليا": a longer name is someone else)
                s, e = span_chars(doc, c.tok_start, t)
                return Content(s, e, c.kind, c.tok_start, t)
        return c

    def _outer(self, tok: int) -> tuple[Statement, Content] | None:
        for st, c in reversed(self.out):
            if c.tok_start <= tok < c.tok_end:
                return st, c
        return None

    def _relays(self, a: int, b: int) -> list[str]:
        """Relaying parties named between the speaker and the content (نشرته وكالة …)."""
        doc = self.doc
        for t in range(a, min(b, len(doc))):
            if doc.keys[t] in _RELAY_VERBS:
                m = parse_mention(doc, t + 1, self.cat)
                if m is not None and m.head in ("org", "entity"):
                    return [doc.surface(m.start, m.next_tok)]
        return []

    def _clause_ends(self, t: int, marker: str) -> bool:
        """After a postposed "حسبما قال X" the clause must end (or و… continue)."""
        doc = self.doc
        if t >= len(doc) or doc.keys[t] in SENT_END:
            return True
        if marker != "كما" and doc.keys[t] in ("،", ","):
            return True
        return doc.is_word[t] and doc.keys[t][:1] == "و"

    def _pronoun_referent(self, cue_tok: int, gender: str, pre: int, documents: bool = True) -> Referent | None:
        m = subject_before(self.doc, cue_tok, self.cat) if not pre else None
        if m is not None:
            ref = self._referent(m, gender)
            # (a non-human plural takes a feminine verb: "مصادر عدة أكدت"، "السلطات أعلنت")
            if not gender or not ref.gender or ref.gender == gender or (gender, ref.gender) == ("f", "p"):
                self.disc.add(ref)
                return ref
        ref = self.disc.last_compatible(gender, self.doc.starts[cue_tok], documents)
        if ref is None and gender == "p":
            ref = self._group_before(cue_tok)  # "… عشرات المسؤولين …. وأوضحوا أن"
        return ref

    def verb_cue(self, i: int, cue: cues.Cue, pre: int, ntok: int) -> None:
        doc = self.doc
        after_cue = i + ntok
        cue_start = doc.starts[i] + pre
        cue_text = self.text[cue_start : doc.ends[i + ntok - 1]]
        prev = doc.keys[i - 1] if i > 0 else ""
        if not pre and prev in _MASDAR_GOVERNORS and doc.para[i - 1] == doc.para[i]:
            return  # "ضرورة كشف مخططات …": a verbal noun, not a verb
        if second_between(doc, i) or via_not_verb(doc, i):
            return  # ("وبين": and between; "وعبر ترشيحات …": and via)
        if (cue.lemma == "رأى" and not cue.present and not pre and self.text[cue_start : doc.ends[i]].endswith("ي")
                and i > 0 and doc.is_word[i - 1] and prev not in _OPINION_OF):
            return  # "مقال رأي كتبته …": the noun رأي ('opinion') after a noun; the verb is رأى
        if cue.lemma == "اعتبر" and cue.present and self._considered(after_cue):
            return  # "مما يعتبر خطوة أخرى"، "الشفافية تعتبر أمرا أساسيا": "is considered"
        if cue.lemma == "عبر" and not pre and doc.keys[i] == "عبر" and i > doc.sent_start_tok(i):
            return  # mid-clause "عبر" is the preposition "via" (نقلهم عبر الحدود، …، عبر صفحتها)
        if prev in _RELATIVES and self._relative_statement(i, cue_text, cue_start, after_cue):
            return
        if (cue.ctype == "np" and after_cue < len(doc) and doc.keys[after_cue][:1] == "ب"
                and len(doc.keys[after_cue]) > 3 and doc.keys[i][pre:] not in cues.OBJECT_FORMS
                and self.cat.match_at(doc.keys, after_cue)[1] is None):
            return  # passive "اتُّهم بدعم …": no speaker, no statement
        plural = doc.keys[i].endswith(("وا", "ون")) and len(doc.keys[i]) > 4
        # a verb that opens its clause agrees in number only with a pronoun subject
        # (قالوا إن، يعتبرون «مقربين»): a noun after a plural form is not its subject
        fronted = self._fronted_subject(i, cue, pre)
        if fronted is None and (cue.ctype in ("np", "quoted") or plural):
            # "أن البعثة … طالبت اللجنة العليا بـ…": the noun after the verb is its object;
            # "فإن خبراء ماليين مستقلين قالوا إن …": a plural verb has no noun subject after it
            fronted = self._subject_after_complementizer(i, pre)
        m = None if plural or fronted is not None else parse_mention(doc, after_cue, self.cat)
        if m is None and not plural and fronted is None:
            m = self._subject_after_adjuncts(after_cue)
        owner_lam = 0
        if (m is None or m.head == "doc" or (m.start > after_cue and doc.keys[after_cue] in cues.DOC_NOUNS)
                ) and not plural and fronted is None:
            # (the parser passes over "تقرير صادر عن"، "تقرير أصدرته" to the name after it)
            owner = self._document_owner(after_cue)
            if owner is not None and owner.head == "name" and owner.role_start < 0:
                # the issuer of a document is a body (غرفة الملاحة الدولية), whatever its head
                owner = Mention(owner.start, owner.end, head="org", entity_id=owner.entity_id,
                                next_tok=owner.next_tok)
            m = owner or m
        if (m is not None and m.start > after_cue and doc.keys[after_cue] in cues.DOC_NOUNS
                and all(document_adjective(doc.keys[t], self.cat, doc.keys[after_cue].startswith("ال"))
                        for t in range(after_cue + 1, m.start))
                and doc.keys[m.start][:1] == "ل" and doc.keys[m.start][:2] != "لل"):
            owner_lam = 1  # "وقال بيان لوزارة الدفاع العراقية": the ministry, لـ read off (also
            # after the document's adjectives: التقرير السنوي لمؤسسة النقد)
        document = None  # "وأشار التقرير إلى أن …": speaks for whoever issued it
        if m is not None and m.head == "doc":
            if cue.ctype in ("np", "quoted") and m.next_tok > after_cue:
                after_cue = m.next_tok  # "ودعا التقرير إلى …": the report is no object
            document, m = m, None
        transitive = cue.ctype in ("np", "quoted")
        coordinated = False
        if m is not None:
            m = self._apposed_name(m)
            m = self._extend_role(m)
        if transitive and m is not None:
            m = self._subject_only(m, cue)
        if (transitive and m is not None and disagrees(doc, m, cue, self.cat)
                and (cue.ctype == "np" or governed_at(doc, m.next_tok, cue))):
            # "وحث الوزارة على بذل جهود": the masculine verb's subject is not the feminine body
            # after it; the body is the object and the speaker goes on
            m, coordinated = None, True
        if (transitive and m is not None and cue.lemma == "اتهم" and pre and m.head != "name"
                and doc.keys[i][pre:] not in cues.OBJECT_FORMS and governed_at(doc, m.next_tok, cue)):
            # "واتهم السلطات بالتقصير": one noun phrase and بـ — an accusation needs its object,
            # so the phrase is the object and the speaker goes on (not after a personal name:
            # "واتهم نتنياهو بـ…" is as often the subject with its object left out; not when the
            # object is a pronoun on the verb: "واتهمته محكمة خاصة بـ…")
            m, coordinated = None, True
        if transitive and m is not None:
            if (pre and prev in ("،", ",") and governed_at(doc, m.next_tok, cue)
                    and self._sentence_subject(i, cue.gender)):
                # "ودانت الجامعة …، وطالبت أنقرة باحترام …": the coordinated verb keeps the
                # subject of its sentence; the noun phrase after it is the object
                m, coordinated = None, True
        after = m.next_tok if m is not None else after_cue
        relay: list[str] = []
        if (m is not None and after + 3 < len(doc) and doc.keys[after] in ("،", ",")
                and doc.keys[after + 1] == "نقلا"):
            after += 1  # "وذكرت الإذاعة العامة الإسرائيلية، نقلا عن مسؤولين أمنيين، أنه …"
        if (m is not None and after + 2 < len(doc) and doc.keys[after] == "نقلا"
                and doc.keys[after + 1] == "عن"):
            # "ذكرت صحيفة X نقلا عن مسؤول أن …": the source speaks, X relays
            m2 = parse_mention(doc, after + 2, self.cat)
            if m2 is not None and m2.head != "doc":
                relay = [doc.surface(m.start if m.role_start < 0 else min(m.start, m.role_start),
                                     m.next_tok)]
                if self._outer(i) is None:
                    # the relay stays a referent: "الإذاعة" later, or "وقالت" that agrees with it
                    self.disc.add(self._referent(m, cue.gender))
                m = m2
                after = m2.next_tok
        continues = (transitive and m is None and pre and not plural and after_cue < len(doc)
                     and governed_at(doc, after_cue, cue) and doc.keys[after_cue] in _GOVERNED_SEPARATE)
        # "ودعا إلى إسقاط الأسد": the speaker goes on, the words follow the preposition
        np_object = transitive and (fronted is not None or coordinated or continues
                                    or self._named_subject(i, m, cue, pre, prev))
        c = find_content(doc, cue, after, np_object=np_object)
        if (c is None and m is not None and not cue.present and normalize(cue.lemma) in OBJECT_SAY
                and not relay):
            found = self._object_statement(i, m, cue, pre, prev)
            if found is not None:
                m, c = found
        if (m is not None and c is not None and m.head in ("title", "org", "name") and not relay
                and m.next_tok < c.tok_start):
            m = self._honorific_name_after(m, c.tok_start) or m
        outer = self._outer(i)
        ref: Referent | None = None
        if m is not None:
            ref = self._referent(m, cue.gender, owner_lam)
            # a subject that acted without a statement is still a referent for what follows,
            # but only an organisation/entity (a name after دعا/حث may be the object)
            agrees = not cue.gender or not ref.gender or cue.gender == ref.gender
            spoke = (m.next_tok + 1 < len(doc) and doc.keys[m.next_tok] == "في"
                     and doc.keys[m.next_tok + 1] in cues.DOC_NOUNS)  # "أدان النجيفي في كلمة"
            if outer is None and (c is not None or (agrees and prev not in _RELATIVES and (
                    cue.ctype != "quoted" or m.head in ("org", "entity") or spoke))):
                # (after الذي/التي the noun is a predicate: الذي يعتبر فرصة جيدة)
                self.disc.add(ref)
        if fronted is not None:
            ref = self._referent(self._extend_role(self._apposed_name(fronted)), cue.gender)
            if outer is None:
                self.disc.add(ref)
        if c is not None and cue.lemma == "بين" and not self._after_complementizer(c):
            c = None  # "وبين": "and between" unless a complementizer or a colon follows
        marker, mlen = prev, 1
        if i >= 2 and (prev, doc.keys[i - 2]) in _HASB_MA:
            marker, mlen = "حسبما", 2  # "…، حسب ما أفاد مصدر طبي"، "بحسب ما قالت"، "وفقا لما ذكره"
        if (c is not None and marker in ("حسبما", "مثلما") and m is not None
                and self._clause_ends(m.next_tok, marker)):
            # "…، حسبما أوضح د.هشام دي إيدي، الباحث … «الموسيقى المتمردة»": the words are
            # the clause before حسبما; a quotation after the name is a title, not the words
            self._postposed(i, ref, cue_text, cue_start, mlen)
            return
        if c is None:
            postposed = marker in ("حسبما", "كما", "مثلما") and m is not None
            if postposed and self._clause_ends(m.next_tok, marker):
                self._postposed(i, ref, cue_text, cue_start, mlen)
            return
        via: list[str] = []
        if outer is not None:
            if m is None and fronted is None:
                sm = subject_before(doc, i, self.cat, loose=True)
                if sm is None:
                    return  # the outer speaker's own relative clause (التي قال إن …)
                ref = self._referent(sm, cue.gender)
                m = sm
            via = _relayed_by(outer[0])
        if ref is None and prev in _RELATIVES and not pre:
            ref = self._antecedent(i - 1, cue.gender)
        if ref is None and document is not None:
            # the verb agrees with the document, not with its issuer: the latest body named
            ref = self.disc.latest_body(doc.starts[i])
        if ref is None and document is None:
            ref = self._speech_noun_lam(i, cue.gender) or self._document_giver(i, after_cue, cue.gender)
        if ref is None:
            ref = self._pronoun_referent(i, cue.gender, pre, documents=document is None)
        if ref is None and document is not None and outer is None:
            # no issuer named before it: the document itself is the source, and what
            # continues it (وأضاف …) goes on with it
            ref = self._referent(document, "")
            self.disc.add(ref)
        via += relay + self._relays(after, c.tok_start)
        self.consumed = max(self.consumed, c.tok_start)
        self._emit(ref, cue_text, cue_start, c, via, m is not None or fronted is not None)

    def _considered(self, j: int) -> bool:
        """After a present يعتبر/تعتبر, an indefinite noun with no complementizer, colon or
        quotation before the clause ends: the passive "is considered", not a view."""
        doc = self.doc
        if j >= len(doc) or not doc.is_word[j] or doc.keys[j].startswith("ال") or self.cat.match_at(doc.keys, j)[1]:
            return False
        for t in range(j, doc.sent_end_tok(j)):
            k = doc.keys[t]
            if k in ("،", ",", "؛", ";"):
                return True
            if k == ":" or k in QUOTE_OPEN or is_complementizer(doc, t):
                return False
        return True

    def _relative_statement(self, i: int, cue_text: str, cue_start: int, after_cue: int) -> bool:
        """"تصريحاته الأخيرة التي اعتبر فيها الضربات … بمثابة الانتهاك …": a cue in a
        relative clause on a speech noun. The words run from after فيه/فيها (and any
        complementizer) to the end of the clause; the speaker owns the statements."""
        doc = self.doc
        owner = self._speech_noun_owner(i - 1)
        if owner is None:
            return False
        n = len(doc)
        j = after_cue
        if j < n and doc.keys[j] in ("فيه", "فيها", "فيهم"):
            j += 1
        j = skip_adjuncts(doc, j)  # "التي أكدت في بيانها على «…»"
        if j < n and doc.keys[j] in _RELATIVE_PREPS:
            j += 1
        if j < n and is_complementizer(doc, j):
            j += 1
        if j < n and doc.keys[j] in QUOTE_OPEN and j in doc.quote_close:
            content = quoted_content(doc, j)
            if content is None:
                return False
        else:
            e = j
            end = doc.sent_end_tok(j) if j < n else j
            while e < end and doc.keys[e] not in ("،", ",", "؛", ";") and doc.keys[e] not in QUOTE_OPEN:
                e += 1
            if e - j < 3:
                return False
            s, t = span_chars(doc, j, e)
            content = Content(s, t, "indirect", j, e)
        outer = self._outer(i)
        via = _relayed_by(outer[0]) if outer else []
        self.consumed = max(self.consumed, j)
        self._emit(owner, cue_text, cue_start, content, via, True)
        return True

    def _cataphora(self) -> None:
        """"قال مسؤول بالأمم المتحدة … إن …. وقال يوهانس فان در كلاوو إنه …": an unnamed
        person described by a title, named in one of the next two sentences by a speaker
        with no role of their own → the earlier statements take the name as canonical and
        the description becomes the role of both."""
        doc = self.doc
        sts = [st for st, _ in self.out]
        for a, st in enumerate(sts):
            ref = self.refs.get(id(st))
            if ref is None or ref.kind != "title" or st.speaker_start < 0:
                continue
            head = normalize(st.speaker.split()[0]) if st.speaker else ""
            if head not in PERSON_DESCRIPTIONS:
                continue
            sent = doc.sent[doc.tok_at(st.speaker_start)]
            for b in range(a + 1, len(sts)):
                nxt = sts[b]
                nref = self.refs.get(id(nxt))
                if nxt.speaker_start < 0 or nref is None:
                    continue
                nsent = doc.sent[doc.tok_at(nxt.speaker_start)]
                if nsent - sent > 2:
                    break
                if nref is ref:
                    continue
                if (nref.kind != "name" or (nref.role and not _same_news(st.quote, nxt.quote))
                        or not _proper_name(nxt.speaker)
                        or (ref.gender and nref.gender and ref.gender != nref.gender)
                        or normalize(cues.lookup(normalize(nxt.cue))[0].lemma if cues.lookup(
                            normalize(nxt.cue))[0] else "") not in _SAY_LEMMAS):
                    break
                self._name_description(ref, nref, st.role or st.speaker_canonical)
                break

    def _name_description(self, desc: Referent, named: Referent, role: str) -> None:
        canonical = named.canonical
        for st, _ in self.out:
            r = self.refs.get(id(st))
            if r is desc:
                st.speaker_canonical = canonical
                st.role = role
                st.entity_id, st.speaker_en = self._entity_fields(named)
            elif r is named or (r is not None and r.canonical == canonical and not r.role):
                st.role = st.role or role
        named.role = named.role or role

    def _postposed(self, cue_tok: int, ref: Referent | None, cue_text: str, cue_start: int,
                   marker_len: int = 1) -> None:
        """"… حسبما قال سياسي يمني": the content is the clause before the marker."""
        doc = self.doc
        s0 = doc.sent_start_tok(cue_tok)
        e = cue_tok - marker_len
        c = s0
        while c < e and (not doc.is_word[c] or doc.keys[c] in ("و", "ف")):
            c += 1
        if e - c < 4 or self._outer(c) is not None:
            return
        for st, sc in self.out:
            if sc.tok_start < e and sc.tok_end > c:
                # "وصرح ليون بأن «…»، بحسب ما أفادت وكالة الأنباء الجزائرية": the clause is
                # already a statement; the source after the marker relays it (or is its speaker)
                if ref is not None and normalize(ref.canonical) != normalize(st.speaker_canonical):
                    st.via.insert(0, ref.speaker)
                return
        s, en = span_chars(doc, c, e)
        if doc.keys[c][:1] in ("و", "ف") and len(doc.keys[c]) > 3 and self.text[s] in "وف":
            s += 1
        self._emit(ref, cue_text, cue_start, Content(s, en, "indirect", c, e), [], True)

    def _document_owner(self, j: int) -> Mention | None:
        """"وقال بيان لوزارة الخارجية إن …": a document (token ``j``) owned through لـ by a
        body that parses only with لـ read off its first word speaks for that body."""
        doc = self.doc
        o = j + 1
        if doc.keys[j] in cues.DOC_NOUNS:
            definite = doc.keys[j].startswith("ال")
            while o < len(doc) and document_adjective(doc.keys[o], self.cat, definite):
                o += 1  # "التقرير السنوي للمؤسسة"، "تقرير حديث لشركة …": past its adjectives
        if o + 1 < len(doc) and doc.keys[o] in _ISSUED_IT and doc.keys[j] in cues.DOC_NOUNS:
            # "وقال تقرير أصدرته (مؤخرا) وكالة التنمية الأميركية إن …": the issuer after the verb
            o += 1
            while o < len(doc) and (doc.keys[o] in MANNER_ADVERBS or doc.keys[o] in TIME_WORDS):
                o += 1
            owner = parse_mention(doc, o, self.cat) if o < len(doc) else None
            if owner is not None and owner.start == o and owner.head != "doc":
                return owner
            return Mention(j, j + 1, head="doc", next_tok=j + 1)  # the document itself
        sadir = o + 1 < len(doc) and doc.keys[o] == _SADIR and doc.keys[o + 1] in _ISSUED_BY
        o += sadir
        if o < len(doc) and doc.keys[o] in _ISSUED_BY and doc.keys[j] in cues.DOC_NOUNS:
            o += 1
            owner = parse_mention(doc, o, self.cat) if o < len(doc) else None
            # "بيان صادر عن غرفة الملاحة الدولية": any issuer; a bare "بيان من/عن X" only a body
            # named as one ("وعبّر البيان عن تعازي …" is the verb's own عن)
            heads = ("org", "entity", "name", "title") if sadir else ("org", "entity")
            starts = (o, o + 1) if doc.keys[o] in QUOTE_OPEN else (o,)  # (صادر عن «ميتال فوكس»)
            return owner if owner is not None and owner.start in starts and owner.head in heads else None
        if (o >= len(doc) or doc.keys[j] not in cues.DOC_NOUNS or doc.keys[o][:1] != "ل"
                or doc.keys[o][:2] == "لل" or len(doc.keys[o]) < 4):
            return None
        owner = self._mention(o, True)
        if owner is None or owner.start != o or owner.head not in ("org", "entity"):
            return None
        return owner

    def _mention(self, j: int, strip_lam: bool, limit: int = 24):
        """parse_mention at token j, reading a proclitic لـ off its first word (لمنظمة → منظمة)."""
        doc = self.doc
        orig = doc.keys[j]
        if strip_lam:
            doc.keys[j] = orig[1:]
        try:
            return parse_mention(doc, j, self.cat, limit)
        finally:
            doc.keys[j] = orig

    def _speech_noun_lam(self, cue_tok: int, gender: str) -> Referent | None:
        """"وفي تعليق لناصر الطوالة الذي يمتلك شركة … قال:": a subjectless cue after an
        indefinite speech noun + لـ + a person in its sentence has that person as its
        speaker (not a media outlet: في تصريح لـ«الشرق الأوسط»، في حديث للصحيفة)."""
        doc = self.doc
        s0 = doc.sent_start_tok(cue_tok)
        for t in range(cue_tok - 2, max(s0, cue_tok - 20) - 1, -1):
            k = doc.keys[t]
            base = k[1:] if k[:1] == "و" and len(k) > 4 else k
            if base not in _LAM_SPEECH_NOUNS:
                continue
            lam = doc.keys[t + 1]
            if not (lam[:1] == "ل" and lam[:2] != "لل" and len(lam) > 3 and doc.is_word[t + 1]):
                return None
            m = self._mention(t + 1, True)
            if m is None or m.head not in ("name", "title") or m.next_tok > cue_tok:
                return None
            if m.head == "name" and m.role_start < 0 and m.end - m.start < 2:
                return None  # one bare word after ل: as likely a noun (في تعليق لاحق)
            ref = self._referent(m, gender, 1 if m.start == t + 1 else 0)
            if m.start != t + 1 and ref.role[:1] == "ل":
                ref.role = ref.role[1:]  # "لوزير الخارجية عادل الجبير": the لـ is on the title
            return self._if_agrees(ref, gender)
        return None

    def _document_giver(self, cue_tok: int, after: int, gender: str) -> Referent | None:
        """"جاء ذلك في بيان أصدره الأمين العام الدكتور عبدالله … التركي، قال فيه:"، "كلمة
        ألقاها … خامنئي أكد فيها": a subjectless cue that speaks «in it» has as its speaker
        whoever the sentence said issued or delivered it."""
        doc = self.doc
        if after >= len(doc) or doc.keys[after] not in _IN_IT:
            return None
        s0 = doc.sent_start_tok(cue_tok)
        for t in range(cue_tok - 2, max(s0, cue_tok - 25) - 1, -1):
            if doc.keys[t] not in _GAVE_IT:
                continue
            o = t + 1
            if o + 1 < len(doc) and doc.keys[o] == _NIYABA:
                o += 2  # "ألقاها نيابة عنهم خالد بن ناصر العساف"
            if o >= len(doc) or doc.keys[o][:1] in ("ب", "ل") or doc.keys[o] in STOP_WORDS:
                return None  # "بيان نشرته بموقع الجامعة": the issuer is the verb's pronoun
            m = parse_mention(doc, o, self.cat)
            if m is None or m.head not in ("name", "title", "org", "entity") or m.next_tok > cue_tok:
                return None
            # (the name may end at the speech itself: "… والإرشاد الشيخ عبدالمجيد العُمري كلمة في")
            stop = next((u for u in range(m.next_tok, cue_tok) if doc.keys[u] in cues.DOC_NOUNS), cue_tok)
            m = self._honorific_name_after(m, stop) or m
            return self._if_agrees(self._referent(m, gender), gender)
        return None

    def marker(self, i: int) -> None:
        """بحسب / وفق / وفقا لـ / نقلا عن X: a source named by a preposition."""
        doc = self.doc
        k = doc.keys[i]
        if k[:1] == "و" and k[1:] in POSTPOSED_MARKERS:
            k = k[1:]  # (ووفقا لـ …)
        j = i + 1
        if k == "نقلا" and j < len(doc) and doc.keys[j] == "عن":
            j += 1
        if k in ("وفقا", "طبقا") and j < len(doc) and doc.keys[j] in ("ل", "لـ"):
            j += 1
        if j >= len(doc):
            return
        lstrip = 0
        if doc.keys[j][:1] == "ل" and k in ("وفقا", "طبقا") and len(doc.keys[j]) > 2:
            lstrip = 1
        # "وبحسب المصادر فان اثنين …"، "…، وبحسب الموقع الرسمي لقناة السويس، فإن القدرة …": the
        # فإن that follows the source opens its words, wherever the marker stands
        fa = next((t for t in range(j + 1, min(len(doc), j + 12))
                   if doc.keys[t] in _FA_INNA or doc.keys[t] in SENT_END
                   or cues.lookup(doc.keys[t])[0] is not None), -1)
        if fa >= 0 and doc.keys[fa] not in _FA_INNA:
            fa = -1
        m = self._mention(j, bool(lstrip), limit=fa - j if fa >= 0 else 24)
        issuer: Referent | None = None
        if m is not None and m.head == "doc" and fa >= 0 and i - doc.sent_start_tok(i) <= 1:
            # "وبحسب بيان تلقت الشرق الأوسط نسخة منه، فإن البنك …": a document that opens the
            # sentence speaks for whoever issued it, the latest body named
            issuer = self.disc.latest_body(doc.starts[i])
            if issuer is None:
                return
        elif m is not None and m.head == "doc":
            m = None
        if m is None or (issuer is None and m.head not in ("org", "entity", "title", "name")):
            return
        if m.head == "name" and (m.end - m.start < 2 or doc.keys[m.start].startswith("ال")):
            return
        if m.head == "name" and (k in _IN_LINE_WITH or (k[:1] == "و" and k[1:] in _IN_LINE_WITH)):
            if not self._known_name(doc.surface(m.start, m.end), doc.starts[m.start]):
                return  # "ووفق طابع آيديولوجي": وفق also means "in line with" a thing
        # relayed: the marker closes an attributed statement → it is the relay (via)
        for st, c in reversed(self.out):
            if 0 <= i - c.tok_end <= 2 and doc.sent[c.tok_end - 1] == doc.sent[i]:
                st.via.append(doc.surface(m.start, m.next_tok))
                return
        ref = issuer or self._referent(m, "", lstrip if m.start == j else 0)
        self.disc.add(ref)
        cue_text = self.text[doc.starts[i] + (1 if doc.keys[i][:1] == "و" and k[:1] != "و" else 0)
                             : doc.ends[i]]
        raw = doc.keys[i]
        pre = 1 if raw.startswith("و") and raw[1:] in POSTPOSED_MARKERS else 0
        cue_start = doc.starts[i] + pre
        cue_text = self.text[cue_start : doc.ends[i]]
        s0 = doc.sent_start_tok(i)
        if i - s0 <= 1 or fa >= 0:
            # preposed: "وبحسب X، فإن …"
            t = m.next_tok if fa < 0 else fa
            while t < len(doc) and (doc.keys[t] in ("،", ",", "ان") or doc.keys[t] in _FA_INNA or doc.keys[t] in _SAME):
                t += 1
            if t >= len(doc):
                return  # the source ends the text (snn 2015-07-31-01a2a95db7d1)
            if cues.lookup(doc.keys[t])[0] is not None:
                # "وبحسب «رويترز»، قالت الوزارة إن …": the verb has its own speaker; the
                # source relays that statement
                self.sentence_via[doc.sent[i]] = doc.surface(m.start, m.end)
                return
            e = content_end(doc, t)
            if e - t < 4:
                return
            s, en = span_chars(doc, t, e)
            self._emit(ref, cue_text, cue_start, Content(s, en, "indirect", t, e), [], True)
            return
        if self._outer(i) is not None:
            return
        # postposed: the clause before the marker (same sentence)
        e = i
        while e > s0 and doc.keys[e - 1] in ("،", ","):
            e -= 1
        c = s0
        while c < e and not doc.is_word[c]:
            c += 1
        if e - c < 4 or any(cues.lookup(doc.keys[t])[0] for t in range(c, e)):
            return
        s, en = span_chars(doc, c, e)
        if self.text[s] == "و" and doc.keys[c][:1] == "و" and len(doc.keys[c]) > 3:
            s += 1
        self._emit(ref, cue_text, cue_start, Content(s, en, "indirect", c, e), [], True)

    def jaa(self, i: int, pre: int) -> None:
        """"وجاء في بيان لـX / بيان X / البيان": a written statement introduces the words."""
        doc = self.doc
        d = i + 2  # the document noun
        cue_start = doc.starts[i] + pre
        cue_text = self.text[cue_start : doc.ends[d]]
        j = d + 1
        ref: Referent | None = None
        m = None
        if j < len(doc) and doc.is_word[j]:
            k = doc.keys[j]
            lstrip = 0
            if k in ("صادر", "الصادر") and j + 1 < len(doc) and doc.keys[j + 1] == "عن":
                j += 2
            elif k[:1] == "ل" and len(k) > 2 and k not in ("لها", "له", "لهم"):
                lstrip = 1
            m = self._mention(j, bool(lstrip))
            if m is not None and m.head != "doc":
                ref = self._referent(m, "", lstrip if m.start == j else 0)
                self.disc.add(ref)
        after = m.next_tok if (m is not None and ref is not None) else d + 1
        c = find_content(doc, _SAY, after)
        if c is None:
            return
        if ref is None:
            ref = self.disc.last_compatible("", doc.starts[i])
        self.consumed = max(self.consumed, c.tok_start)
        self._emit(ref, cue_text, cue_start, c, [], m is not None)

    def nominal(self, i: int) -> None:
        """بالقول / قوله: the speaker stands before the noun (عن X قوله، اكتفى X بالقول)."""
        doc = self.doc
        if i > 0 and (doc.keys[i - 1] in _WANT_TO or doc.keys[i - 1].startswith("يمكن")):
            return  # "كل ما يمكنني قوله هو أن …"، "ما أريد قوله": what one can say, no attribution
        c = find_content(doc, _SAY, i + 1)
        if c is None:
            return
        ref = None
        via: list[str] = []
        s0 = doc.sent_start_tok(i)
        hi = i
        if i - 1 > s0 and doc.keys[i - 1] in ("-", "–", "،"):
            # "عن مصدر عسكري - رفض الكشف عن اسمه - قوله": skip the parenthetical
            for t in range(i - 2, max(s0, i - 12) - 1, -1):
                if doc.keys[t] == doc.keys[i - 1]:
                    hi = t
                    break
        for s in range(hi - 1, max(s0, hi - 9) - 1, -1):
            bare = cues.strip_conj(doc.keys[s])[0]
            if cues.lookup(doc.keys[s])[0] is not None or bare in cues.MADA or bare in NEWS_VERBS:
                break  # "ومضت المصادر بالقول": the verb before the speaker is not part of it
            if stop_token(doc, s):
                if doc.keys[s] == "عن" and s + 1 < hi:
                    m = _split(doc, list(range(s + 1, hi)), self.cat)
                    if m is not None and m.next_tok == hi:
                        ref = self._referent(m, "")
                        # "نقلت الوكالة عن X قوله": the relaying subject is via
                        for t in range(s - 1, max(s0, s - 8) - 1, -1):
                            if normalize(doc.keys[t]).lstrip("و") in ("نقلت", "نقل", "ونقلت"):
                                mm = parse_mention(doc, t + 1, self.cat)
                                if mm is not None:
                                    via = [doc.surface(mm.start, mm.next_tok)]
                                break
                break
            m = _split(doc, list(range(s, hi)), self.cat)
            if m is not None and m.next_tok == hi and m.head in ("name", "org", "entity", "title"):
                m = self._known_beginning(m)
                ref = self._referent(m, "")
        if ref is None:
            ref, via = self._relayed_source(i) or (None, via)
        if ref is None:
            ref = self.disc.last_compatible("", doc.starts[i])
        else:
            self.disc.add(ref)
        self.consumed = max(self.consumed, c.tok_start)
        cue_text = doc.surface(i, i + 1)
        if cue_text[:1] == "و":
            cue_text = cue_text[1:]
        self._emit(ref, cue_text, doc.starts[i], c, via, True)

    def _known_beginning(self, m: Mention) -> Mention:
        """"غير أن ظريف تذرع بالقول": a name the article already knows, followed by a word
        that is not (the verb governing بالقول), is that name alone."""
        doc = self.doc
        if m.head != "name" or m.end - m.start < 2:
            return m
        at = doc.starts[m.start]
        if self._known_name(doc.surface(m.start, m.end), at):
            return m
        for end in range(m.end - 1, m.start, -1):
            if self._known_name(doc.surface(m.start, end), at):
                return Mention(m.start, end, m.role_start, m.role_end, head="name", entity_id=m.entity_id, next_tok=end)
        return m

    def relayed(self, i: int, prep: str = "عن") -> None:
        """"ونقلت وكالة رويترز عن مسؤول أمني أن …": the one named after عن speaks, the
        subject of نقل relays (``via``). "… عن X قوله إن" is left to the nominal cue, and
        نقل without "عن + a speaker + the words" is the other نقل (نقل السجناء، نقل المساعدات).
        With ``prep`` "من" the same frame of علم: "وعلمت «الوطن» من مصادر مطلعة أن …"."""
        doc = self.doc
        n = len(doc)
        relay = parse_mention(doc, i + 1, self.cat)
        if relay is None:
            return
        t = relay.next_tok
        while t < n and (span := time_phrase_len(doc, t)):
            t += span
        if t + 1 >= n or doc.keys[t] != prep:
            return
        m = parse_mention(doc, t + 1, self.cat)
        if m is None or m.head == "doc":
            return
        if m.head == "name" and doc.keys[m.start].endswith("ات"):
            return  # "نقلت مصادر عن اجتماعات قادة …": what was reported on, not who spoke
        m = self._extend_role(self._apposed_name(m))
        c = find_content(doc, _SAY, m.next_tok, window=12)
        if c is None or not self._after_complementizer(c):
            return
        if any(doc.keys[x] in cues.NOMINAL_CUES or doc.keys[x] == "القول" for x in range(t, c.tok_start)):
            return  # "… عن X - … - قوله إن": the nominal cue takes it
        pre = 1 if doc.keys[i][:1] == "و" and (doc.keys[i][1:] in _RELAY_CUES
                                               or doc.keys[i][1:] in _LEARNED_CUES) else 0
        cue_start = doc.starts[i] + pre
        via = [doc.surface(relay.start, relay.end)]
        self.consumed = max(self.consumed, c.tok_start)
        ref = self._referent(m, "")
        self.disc.add(ref)
        self._emit(ref, self.text[cue_start : doc.ends[i]], cue_start, c, via, True)

    def run(self) -> list[Statement]:
        doc = self.doc
        n = len(doc)
        for i in range(n):
            if not doc.is_word[i] or i < self.consumed:
                continue
            k = doc.keys[i]
            cue, pre = cues.lookup(k)
            if i == doc.sent_start_tok(i) and cue is None:
                self._titled_subject_first(i)  # "حاكم فلوريدا السابق جيب بوش ركز على …"
            if cue is not None:
                self.verb_cue(i, cue, pre, 1)
                continue
            bare = k[1:] if k[:1] in ("و", "ف") and len(k) > 2 else k
            if bare in cues.MADA and i + 1 < n:
                nxt = cues.lookup(doc.keys[i + 1])[0]
                if nxt is not None and nxt.present:
                    g = cues.MADA[bare]
                    self.verb_cue(i, cues.Cue("قال", g, "cont"), 1 if bare != k else 0, 2)
                continue
            if bare in cues.JAA and i + 2 < n and doc.keys[i + 1] == "في":
                if doc.keys[i + 2] in cues.DOC_NOUNS:
                    self.jaa(i, 1 if bare != k else 0)
                continue
            if bare in _RELAY_CUES:
                self.relayed(i)
                continue
            if bare in _LEARNED_CUES and (bare != k or i == doc.sent_start_tok(i) or not doc.is_word[i - 1]):
                self.relayed(i, prep="من")  # (the verb opens its clause: not "على علم مسبق")
                continue
            if k in cues.NOMINAL_CUES or bare in cues.NOMINAL_CUES:
                self.nominal(i)
                continue
            if k in cues.SAYING_PARTICIPLES:
                self.participle(i)
                continue
            if bare in POSTPOSED_MARKERS and k != _FAHASB:  # "فحسب" is "only"
                self.marker(i)
                continue
            verb = clause_verb(k)
            if verb in ISSUE_VERBS:
                self._issuer(i)
                continue
            if k in KANA and (i == doc.sent_start_tok(i) or k[:1] == "و") and self._kana_subject(i):
                continue
            if (verb in NEWS_VERBS or verb in ACT_VERBS) and (
                    i == doc.sent_start_tok(i) or not doc.is_word[i - 1] or verb != k
                    or doc.keys[i - 1] in _CLAUSE_OPENERS):
                # "انتقد روبن سياسة كيري، ودعا إلى …": the subject of a non-speech verb that
                # opens a clause is who a later subjectless cue continues with
                self._verb_subject(i, strict=True, titled=True)
            elif ((i == doc.sent_start_tok(i) and k[:1] in ("و", "ف")) or (
                    i > 0 and doc.keys[i - 1] in _ASIDE_OPENERS)) and self._opening_verb(i):
                self._titled_subject_of_any_verb(i)
        self.out.sort(key=lambda x: x[0].start)
        self._uncued_continuations()
        self._cataphora()
        return [st for st, _ in self.out]

    def _uncued_continuations(self) -> None:
        """"… قالت الوزارة إن …. إن خطوات أرمينيا هذه تتعارض …": a sentence of the same
        paragraph that opens with an emphatic إنّ right after a statement, with no cue of its
        own, goes on quoting that speaker (unmarked direct speech, no cue). Narration does
        not open a sentence with إنّ; quoted speech does."""
        doc = self.doc
        n = len(doc)
        taken = sorted((c.tok_start, c.tok_end) for _, c in self.out)
        for st, c in list(self.out):
            j = c.tok_end
            while j < n and not doc.is_word[j] and doc.keys[j] not in SENT_END and j - c.tok_end < 3:
                j += 1
            if j >= n or doc.keys[j] not in SENT_END:
                continue  # the statement must end its sentence
            j += 1
            if j >= n or doc.para[j] != doc.para[c.tok_end - 1] or not doc.is_word[j]:
                continue
            first = self.text[doc.starts[j] : doc.ends[j]]
            if first not in _EMPHATIC_INNA or any(a <= j < b for a, b in taken):
                continue
            e = content_end(doc, j, extend=True)
            if any(cues.lookup(doc.keys[t])[0] for t in range(j, e)) or any(j < a < e for a, _ in taken):
                continue  # another attribution inside: not an uncued continuation
            s, end = span_chars(doc, j, e)
            ref = self.refs.get(id(st))
            self._emit(ref, "", -1, Content(s, end, "direct", j, e), list(st.via), False)
            taken.append((j, e))
        self.out.sort(key=lambda x: x[0].start)

    def participle(self, i: int) -> None:
        """"… قائلا إن/:" after a non-speech verb: the words of that verb's subject."""
        c = find_content(self.doc, _SAY, i + 1, window=12)
        if c is None:
            return
        ref = self._clause_subject(i) or self.disc.last_compatible("", self.doc.starts[i], documents=False)
        self.consumed = max(self.consumed, c.tok_start)
        self._emit(ref, self.doc.surface(i, i + 1), self.doc.starts[i], c, [], False)


#: Verbs of wanting or being able before قوله ("ما أود قوله"): the noun is "to say", no cue.
_WANT_TO = {normalize(w) for w in "أريد نريد يريد تريد أود نود يود تود أستطيع نستطيع يستطيع يسعني يسعنا".split()}


def extract_statements(
    article_id: str, text: str, catalog: EntityCatalog | None = None
) -> list[Statement]:
    """All reported statements of one article, in text order.

    ``catalog`` supplies entity ids/English names (learned speakers included); without one
    the shipped catalog is used. The catalog is only read here; call
    :meth:`EntityCatalog.learn` on the results to grow it.
    """
    if not text:
        return []
    cat = catalog if catalog is not None else shared_catalog()
    return _Extractor(article_id, text, cat).run()

