"""Resolve "X" in "what did X say" to the speakers the store knows.

Every speaker seen at ingest gets a profile of surface forms: the mention as written, the
resolved canonical name, the English name, the role. A question's X is expanded through
the entity catalog (acronyms and English names: CSTO → منظمة معاهدة الأمن الجماعي,
Washington → الولايات المتحدة / الأمريكي) and a title lexicon (spokesman → متحدث), then
matched token by token, tolerant of Arabic proclitics (لمنظمة ~ منظمة) and of Latin
spellings of Arabic names (Pashinyan ~ باشينيان, through a consonant skeleton).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.arabic import has_arabic, light_stem, normalize, skeleton, words
from ingest.records import Statement
from retriever.lexicon import AR_STOPWORDS, EN_AR, EN_STOPWORDS

log = logging.getLogger(__name__)

_PROCLITICS = ("و", "ف", "ب", "ل", "ك")
Requirement = list[list[set[str]]]  # alternative phrases; a phrase is token key-sets that must all match


def _ar_keys(token: str) -> set[str]:
    """Match keys of one normalised Arabic token: its stem, and its stem without a proclitic."""
    keys = {light_stem(token)}
    if len(token) > 3 and token[0] in _PROCLITICS:
        keys.add(light_stem(token[1:]))
    if token.startswith("لل") and len(token) > 4:
        keys.add(light_stem("ال" + token[2:]))
    return keys


def _en_key(token: str) -> str:
    t = token.lower()
    for suf in ("'s", "’s"):
        t = t.removesuffix(suf)
    if len(t) > 4 and t.endswith("ies"):
        t = t[:-3] + "y"
    elif len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
        t = t[:-1]
    return t


def tokens_of(text: str) -> tuple[list[set[str]], list[str]]:
    """Arabic token key-sets and English keys of a text, stopwords removed."""
    ar: list[set[str]] = []
    en: list[str] = []
    for w in words(normalize(text)):
        if has_arabic(w):
            if w not in AR_STOPWORDS and normalize(w) not in {normalize(s) for s in AR_STOPWORDS}:
                ar.append(_ar_keys(w))
        elif w not in EN_STOPWORDS and not w.isdigit():
            en.append(_en_key(w))
    return ar, en


@dataclass
class SpeakerProfile:
    entity_id: str
    canonical: str
    english: str = ""
    ar_keys: set[str] = field(default_factory=set)
    en_keys: set[str] = field(default_factory=set)
    skeletons: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    count: int = 0
    seen: set[tuple[str, ...]] = field(default_factory=set, repr=False)

    def add(self, *texts: str) -> None:
        for text in texts:
            if not text:
                continue
            self.names.add(normalize(text).strip())
            ar, en = tokens_of(text)
            for keys in ar:
                self.ar_keys |= keys
            self.en_keys.update(en)

    def add_name_skeletons(self, *names: str) -> None:
        """Skeletons of name words only (not roles), so "Russia" cannot match "الرئيس"."""
        for text in names:
            for w in words(normalize(text or "")):
                if has_arabic(w) and len(w) >= 3:
                    sk = skeleton(w)
                    if len(sk) >= 2:
                        self.skeletons.add(sk)


class SpeakerIndex:
    """Profiles of every speaker in the store, and X → best-matching speakers."""

    def __init__(self, statements: Iterable[Statement], catalog: object | None = None) -> None:
        self.catalog = catalog
        self.profiles: dict[str, SpeakerProfile] = {}
        for st in statements:
            key = st.entity_id or normalize(st.speaker_canonical or st.speaker)
            if not key:
                continue
            prof = self.profiles.get(key)
            if prof is None:
                prof = self.profiles[key] = SpeakerProfile(key, st.speaker_canonical or st.speaker, st.speaker_en)
            forms = (st.speaker, st.speaker_canonical, st.speaker_en, st.role)
            if forms not in prof.seen:  # a speaker quoted a thousand times: profiled once per wording
                prof.seen.add(forms)
                prof.add(*forms)
                prof.add_name_skeletons(st.speaker, st.speaker_canonical)
            prof.count += 1
        # key → profiles holding it: a question is scored against the profiles that share a
        # key with it, not against every speaker of the archive
        self.postings: dict[str, set[str]] = {}
        self.by_name: dict[str, set[str]] = {}
        for key, prof in self.profiles.items():
            for k in prof.ar_keys | prof.en_keys | {"~" + sk for sk in prof.skeletons}:
                self.postings.setdefault(k, set()).add(key)
            for name in prof.names:
                self.by_name.setdefault(name, set()).add(key)
            prof.seen.clear()
        self._top = sorted(self.profiles.values(), key=lambda p: -p.count)

    # --- expansion of X -----------------------------------------------------------------
    def _catalog_forms(self, text: str) -> list[str]:
        cat = self.catalog
        if cat is None:
            return []
        try:
            ent = cat.resolve(text)
        except Exception:  # a catalog problem must not break answering
            log.debug("catalog lookup failed for %r", text, exc_info=True)
            return []
        if ent is None:
            return []
        return [f for f in (ent.ar, ent.en) if f] + sorted(ent.aliases)

    def expand(self, x: str) -> list[Requirement]:
        """X as alternative readings; each reading is a list of requirements to find in a profile.

        A requirement is satisfied when any of its *phrases* is found whole (every token of
        the phrase present): an Arabic word is a one-token phrase; an English word may be
        met by itself, a lexicon translation, a catalog name of the entity it names (each
        Arabic form or the English name, all tokens), or a romanisation skeleton.
        """
        x = re.sub(r"^(?:the|al)\s+", "", x.strip(), flags=re.I)
        readings: list[list[Requirement]] = []
        ar, en = tokens_of(x)
        # whole-X catalog resolution (CSTO, Washington, الأمم المتحدة): the entity's name, whole
        whole = [self._phrase(form) for form in self._catalog_forms(x)]
        whole = [ph for ph in whole if ph]
        if whole:
            readings.append([whole])
        reading: list[Requirement] = [[[keys]] for keys in ar]
        for w in en:
            phrases: Requirement = [[{w}]]
            phrases += [ph for form in self._catalog_forms(w) if (ph := self._phrase(form))]
            phrases += [ph for ar_word in EN_AR.get(w, ()) if (ph := self._phrase(ar_word))]
            sk = skeleton(w)
            # two-consonant skeletons (Kerry, Abbas) only for short names, where they are specific
            if len(w) >= 4 and (len(sk) >= 3 or (len(sk) == 2 and len(w) <= 5)):
                phrases.append([{"~" + sk}])
            reading.append(phrases)
        if reading:
            readings.append(reading)
        return readings

    @staticmethod
    def _phrase(text: str) -> list[set[str]]:
        ar, en = tokens_of(text)
        return ar if ar else [{w} for w in en]

    # --- matching ----------------------------------------------------------------------
    @staticmethod
    def _found(phrase: list[set[str]], prof: SpeakerProfile) -> bool:
        for keys in phrase:
            if keys & prof.ar_keys or keys & prof.en_keys:
                continue
            if any(k.startswith("~") and k[1:] in prof.skeletons for k in keys):
                continue
            return False
        return bool(phrase)

    def _score(self, reading: list[Requirement], prof: SpeakerProfile) -> float:
        if not reading:
            return 0.0
        hit = sum(1 for req in reading if any(self._found(ph, prof) for ph in req))
        return hit / len(reading)

    def resolve(self, x: str, min_score: float = 0.6, margin: float = 0.15) -> list[tuple[str, float]]:
        """Entity ids of the speakers X names, best first, with their match scores."""
        if not x.strip():
            return []
        nx = normalize(x).strip()
        readings = self.expand(x)
        exact = self.by_name.get(nx, set())
        candidates = set(exact)
        for reading in readings:
            for req in reading:
                for phrase in req:
                    for keys in phrase:
                        for k in keys:
                            candidates |= self.postings.get(k, set())
        scored: list[tuple[str, float]] = []
        for key in candidates:
            prof = self.profiles[key]
            if key in exact:
                scored.append((key, 1.01))
                continue
            best = max((self._score(reading, prof) for reading in readings), default=0.0)
            if best >= min_score:
                scored.append((key, best))
        if not scored:
            return []
        top = max(s for _, s in scored)
        keep = [(k, s) for k, s in scored if s >= top - margin]
        keep.sort(key=lambda ks: (-ks[1], -self.profiles[ks[0]].count))
        return keep

    def top_speakers(self, n: int = 8) -> list[SpeakerProfile]:
        return self._top[:n]
