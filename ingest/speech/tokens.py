"""Tokenised view of one article that every stage shares.

Stages reason over word tokens whose ``key`` is :func:`ingest.arabic.normalize` of the
surface, while ``start``/``end`` index the raw text, so any span the stages produce can be
sliced from the original article without ever normalising it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.arabic import DIACRITICS, TATWEEL, normalize

# Words: letters/digits plus Arabic diacritics and tatweel (Mn marks are not ``\w``).
# Single letters joined by dots (د.ب.أ، أ.ف.ب، ص.ب) are one word, an acronym: their dots
# are not sentence ends. "أ.د.عبدالله" is not one (a title before a name; see _is_abbrev_dot).
_ACRONYM = r"(?<![\w.])[^\W\d_](?:\.[^\W\d_])+(?!\w)(?!\.[^\W\d_])"
_TOKEN_RE = re.compile(_ACRONYM + r"|[\w\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED]+|[^\w\s]")

OPEN_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "”"}
CLOSE_QUOTES = {"»", "”", '"'}
SENT_END = {".", "!", "?", "؟", "…"}
CLAUSE_PUNCT = {"،", ",", "؛", ";", ":"}


@dataclass
class Doc:
    """Tokens of one text with sentence ids and matched quotation-mark pairs."""

    text: str
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    is_word: list[bool] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    para: list[int] = field(default_factory=list)
    quote_close: dict[int, int] = field(default_factory=dict)
    quote_open: dict[int, int] = field(default_factory=dict)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.keys)

    def surface(self, i: int, j: int) -> str:
        """Raw text of tokens ``i..j-1`` (exact slice of the article)."""
        if j <= i:
            return ""
        return self.text[self.starts[i] : self.ends[j - 1]]

    def sent_end_tok(self, i: int) -> int:
        """Index one past the last token of the sentence holding token ``i``."""
        return self.sent_bounds[self.sent[i]][1]

    def tok_at(self, char: int) -> int:
        """Index of the token that starts at (or first after) character ``char``."""
        return min(bisect_left(self.starts, char), len(self.starts) - 1)

    def sent_start_tok(self, i: int) -> int:
        return self.sent_bounds[self.sent[i]][0]

    def inside_quote(self, i: int) -> int | None:
        """Index of the opening mark of the innermost quote pair containing token ``i``."""
        best = None
        for o, c in self._pairs:
            if o < i < c and (best is None or o > best):
                best = o
        return best

    _pairs: list[tuple[int, int]] = field(default_factory=list)


#: Invisible direction marks that Arabic editors leave inside numbers (8.\u200f6).
_BIDI_MARKS = "\u200e\u200f\u061c"


def _is_num_dot(text: str, s: int) -> bool:
    """A decimal point, also when a direction mark sits on either side of it."""
    a, b = s - 1, s + 1
    while a > 0 and text[a] in _BIDI_MARKS:
        a -= 1
    while b < len(text) - 1 and text[b] in _BIDI_MARKS:
        b += 1
    return 0 <= a < s < b < len(text) and text[a].isdigit() and text[b].isdigit()


#: One-letter title abbreviations written with a dot, keyed as the honorific they stand for.
_ABBREVIATIONS = {k: normalize(v) for k, v in (("د", "الدكتور"), ("م", "المهندس"), ("أ", "الأستاذ"))}


def _is_abbrev_dot(text: str, s: int) -> bool:
    """"د.هشام دي إيدي"، "د. محمد": the dot of a title abbreviation, not a sentence end."""
    if s < 1 or text[s - 1] not in _ABBREVIATIONS or (s >= 2 and text[s - 2].isalnum()):
        return False
    b = s + 1
    if b < len(text) and text[b] == " ":
        b += 1
    return b < len(text) and text[b].isalpha()


#: Key of the given name Ali as written «علي». Normalising folds ى into ي, so the name and the
#: preposition «على» would share one key and every name-search would stop at the name (وقال
#: علي الأحمدي، الرئيس السابق علي عبدالله صالح); news text spells the two apart.
NAME_ALI = "علي\u0651"


_MARKS = DIACRITICS + TATWEEL


def _is_initial_dot(text: str, s: int) -> bool:
    """"وحسين.أ يبلغ"، "محمد.أ،": a name and its initial, not a sentence end (but "السعودي.و تم"
    is one, a missing space before و)."""
    b = s + 1
    return (s >= 2 and text[s - 1].isalpha() and text[s - 2].isalpha() and b < len(text)
            and text[b].isalpha() and text[b] not in "وف"
            and (b + 1 == len(text) or not (text[b + 1].isalpha() or text[b + 1] in _MARKS)))


@lru_cache(maxsize=131072)
def _word_key(tok: str) -> str:
    """A word's key (``normalize``), cached: news text repeats its words."""
    return normalize(tok)


def _spaced_break(gap: str, last: str) -> bool:
    """A run of three or more blanks after a sentence's end ("… القرارات عليه. \xa0 \xa0أكثر
    من أربعين …"): news scraped into one line keeps its paragraph breaks so."""
    return len(gap) >= 3 and (last in SENT_END or last in ("»", "”", '"'))


def make_doc(text: str) -> Doc:
    """Tokenise ``text``; sentence ends are . ! ? ؟ … and newlines (not decimal points)."""
    doc = Doc(text)
    sid = 0
    pid = 0
    prev_end = 0
    bounds: list[tuple[int, int]] = []
    sent_start = 0
    keys, starts, ends = doc.keys, doc.starts, doc.ends
    is_word, sent, para = doc.is_word, doc.sent, doc.para
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        if s - prev_end > 1 or (s > prev_end and text[prev_end] == "\n"):  # (a one-space gap: no break)
            gap = text[prev_end:s]
            if keys and ("\n" in gap or _spaced_break(gap, keys[-1])):
                if sent_start < len(keys):
                    bounds.append((sent_start, len(keys)))
                    sid += 1
                    sent_start = len(keys)
                pid += 1
        tok = m.group()
        word = tok[0].isalnum() or tok[0] == "_" or len(tok) > 1
        if not word and tok == "." and keys and _is_abbrev_dot(text, s):
            # "د.هشام": the letter becomes its honorific, the dot no token (not a sentence end)
            keys[-1] = _ABBREVIATIONS[text[s - 1]]
            prev_end = e
            continue
        starts.append(s)
        ends.append(e)
        if word:
            keys.append(NAME_ALI if tok == "علي" else _word_key(tok))
        elif tok == "." and (_is_num_dot(text, s) or _is_initial_dot(text, s)):
            keys.append("·")  # decimal point (12.9) or a name's initial: no sentence end
        else:
            keys.append(tok)
        is_word.append(word)
        sent.append(sid)
        para.append(pid)
        prev_end = e
        if not word and tok in SENT_END and keys[-1] != "·":
            bounds.append((sent_start, len(keys)))
            sid += 1
            sent_start = len(keys)
    if sent_start < len(keys):
        bounds.append((sent_start, len(keys)))
    doc.sent_bounds = bounds
    _pair_quotes(doc)
    return doc


def _opens_by_shape(doc: Doc, i: int) -> bool:
    """A straight quote that can only open: a space (or the start, a colon, a bracket) before
    it and a letter or digit right after it. Met while another straight quote is open, it means that
    one was never closed ("وقال "يشكل هذا … والتشييد. … وقال "هذه نسبة …")."""
    s = doc.starts[i]
    text = doc.text
    before = text[s - 1] if s > 0 else " "
    after = text[s + 1] if s + 1 < len(text) else " "
    return (before.isspace() or before in "(:[") and after.isalnum()  # (a letter or digit: بمادته "236")


def _pair_quotes(doc: Doc) -> None:
    """Match quotation marks: «» and “” by nesting, straight quotes by alternation.

    Unmatched marks (e.g. a stray closing » in ``إيران»ستفحم»``) stay unpaired; pairs
    never cross a paragraph break.
    """
    stacks: dict[str, list[int]] = {"«": [], "“": [], '"': []}
    for i, k in enumerate(doc.keys):
        if doc.is_word[i]:
            continue
        if k == '"':
            st = stacks['"']
            if st and doc.para[st[-1]] == doc.para[i] and not _opens_by_shape(doc, i):
                o = st.pop()
                doc.quote_close[o] = i
                doc.quote_open[i] = o
            else:
                st.clear()
                st.append(i)
        elif k in ("«", "“", "„"):
            stacks["«" if k == "«" else "“"].append(i)
        elif k in ("»", "”"):
            st = stacks["«" if k == "»" else "“"]
            while st and doc.para[st[-1]] != doc.para[i]:
                st.pop()
            if st:
                o = st.pop()
                doc.quote_close[o] = i
                doc.quote_open[i] = o
    doc._pairs = sorted(doc.quote_close.items())
