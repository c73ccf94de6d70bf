"""Arabic text handling, in one place.

Everything that compares Arabic strings (lexical search, alias lookup, speaker
matching, evaluation) goes through these functions so that the same spelling
variants count as the same word everywhere.

Two kinds of normalisation exist on purpose:

* :func:`normalize` removes diacritics and tatweel and unifies letter variants.
  It may shorten the string, so it is for keys and search terms only.
* :func:`fold` maps every character to exactly one character (diacritics and
  tatweel become a space-free placeholder), so a regex run on ``fold(text)``
  yields offsets that are valid in the original ``text``. Extraction uses it to
  find cues and speakers without ever losing the exact character positions.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0653\u0654\u0655"
TATWEEL = "\u0640"
_DIACRITICS_RE = re.compile(f"[{DIACRITICS}{TATWEEL}]")

_LETTER_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ی": "ي",  # Persian yeh
    "ک": "ك",  # Persian kaf
}
for _i in range(10):
    _LETTER_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _LETTER_MAP[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits
_TRANSLATE = str.maketrans(_LETTER_MAP)

#: Placeholder that :func:`fold` puts where a diacritic or tatweel stood.
FOLD_MARK = "\u200c"
_FOLD_TRANSLATE = str.maketrans({**_LETTER_MAP, **{c: FOLD_MARK for c in DIACRITICS + TATWEEL}})

ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN_RE = re.compile(r"[A-Za-z]")
_WORD_RE = re.compile(r"[\w\u0600-\u06FF]+", re.UNICODE)


def normalize(text: str) -> str:
    """Search/key form: no diacritics or tatweel, unified letters, Latin lower-cased."""
    text = unicodedata.normalize("NFKC", text) if not text.isascii() else text
    text = _DIACRITICS_RE.sub("", text)
    return text.translate(_TRANSLATE).lower()


def fold(text: str) -> str:
    """Length-preserving normalisation: ``len(fold(t)) == len(t)`` always.

    Offsets found in the folded string index the original string unchanged.
    """
    return text.translate(_FOLD_TRANSLATE)


def has_arabic(text: str) -> bool:
    return ARABIC_RE.search(text) is not None


def detect_language(text: str) -> str:
    """``"ar"`` when the text has Arabic script in majority of its letters, else ``"en"``."""
    ar = len(ARABIC_RE.findall(text))
    lat = len(LATIN_RE.findall(text))
    return "ar" if ar and ar >= lat else "en"


def words(text: str) -> list[str]:
    """Word tokens of already-normalised text (Arabic or Latin)."""
    return _WORD_RE.findall(text)


# --- light stemming (after Larkey et al., "light10"), on normalised text ----------------

_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")  # ية→يه and ة→ه after normalize


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    """Light10 stem of one normalised word; Latin words pass through."""
    if not has_arabic(word):
        return word
    if len(word) > 3 and word.startswith("و"):
        word = word[1:]
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            word = word[len(p) :]
            break
    for s in _SUFFIXES:  # one pass in list order, as light10 does
        if word.endswith(s) and len(word) - len(s) >= 2:
            word = word[: -len(s)]
    return word


def char_ngrams(word: str, n: int = 4) -> list[str]:
    """Character n-grams of a word with boundary marks; catches glued words (أذربيجانوأرمينيا)."""
    w = f"_{word}_"
    if len(w) <= n:
        return [w]
    return [w[i : i + n] for i in range(len(w) - n + 1)]


def lexical_tokens(text: str) -> list[str]:
    """Tokens for the BM25 index: light stems plus character 4-grams of Arabic words."""
    out: list[str] = []
    for w in words(normalize(text)):
        out.append(light_stem(w))
        if has_arabic(w):
            out.extend("#" + g for g in char_ngrams(w))
    return out


# --- romanisation skeleton ------------------------------------------------------------

_LAT_DIGRAPHS = [("sh", "$"), ("ch", "$"), ("kh", "k"), ("gh", "j"), ("th", "t"), ("ph", "f"),
                 ("dh", "d"), ("ou", "u"), ("x", "ks"), ("ck", "k")]
_LAT_MAP = str.maketrans({
    "b": "B", "p": "B", "f": "F", "v": "F", "t": "T", "d": "D", "k": "K", "q": "K", "c": "K",
    "g": "J", "j": "J", "s": "S", "z": "S", "$": "X", "h": "", "l": "L", "m": "M", "n": "N",
    "r": "R", "w": "", "y": "", "a": "", "e": "", "i": "", "o": "", "u": "",
})
_AR_MAP = str.maketrans({
    "ب": "B", "پ": "B", "ف": "F", "ڤ": "F", "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D",
    "ذ": "D", "ظ": "D", "ك": "K", "ق": "K", "خ": "K", "ج": "J", "غ": "J", "گ": "J", "س": "S",
    "ص": "S", "ز": "S", "ش": "X", "ه": "", "ح": "", "ل": "L", "م": "M", "ن": "N", "ر": "R",
    "و": "", "ي": "", "ا": "", "ء": "", "ع": "", " ": " ",
})
_SKEL_SQUEEZE = re.compile(r"(.)\1+")


def skeleton(name: str) -> str:
    """Consonant skeleton shared by Arabic and Latin spellings (Pashinyan ↔ باشينيان → BXNN→BXN).

    Vowels, h/ه/ح/ع and w/y (long vowels in Arabic script) are dropped, close consonants
    are merged (p/b, v/f, c/k/q/خ, g/j/غ, s/z/ص) and doubles squeezed.
    """
    s = normalize(name)
    if has_arabic(s):
        s = re.sub(r"(^| )ال", r"\1", s)
        out = s.translate(_AR_MAP)
    else:
        s = re.sub(r"\b(al|el)[- ]", " ", s)
        for a, b in _LAT_DIGRAPHS:
            s = s.replace(a, b)
        out = re.sub(r"[^a-z$ ]", "", s).translate(_LAT_MAP)
    out = re.sub(r"[^A-Z ]", "", out)
    return " ".join(_SKEL_SQUEEZE.sub(r"\1", w) for w in out.split() if w)
