"""Query understanding: what kind of question, about whom, on what topic.

Rules, not a model: speaker questions in Arabic and English ("what did X say (about Y)",
"X's position on Y", "how did X react", "did X say that …", "who said …", "who accused
whom of …", ماذا قال/قالت X (عن Y)، ما موقف X من Y، بماذا صرح X، هل قال X إن …، من قال …،
من اتهم …) and follow-ups ("and Russia?", "وماذا عن روسيا؟", "what else did he say?",
"ماذا أضاف؟"). Anything else is a plain search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.arabic import detect_language

SPEAKER = "speaker"  # what did X say (about Y)
WHO_SAID = "who_said"  # who said that CLAIM
ACCUSATION = "accusation"  # who accused whom (of Y)
SEARCH = "search"  # anything else
FOLLOW_SPEAKER = "follow_speaker"  # and X? — previous topic, new speaker
FOLLOW_MORE = "follow_more"  # what else did he say? — previous speaker, more statements


@dataclass
class Query:
    text: str
    language: str
    kind: str
    speaker: str = ""
    topic: str = ""
    exclude_ids: list[str] = field(default_factory=list)


_Q = r"[\s?؟.!]*$"
_AR_SAY = r"(?:قال|قالت|قالوا|يقول|تقول|صرح|صرحت|ذكر|ذكرت|أعلن|أعلنت|اعلن|اعلنت|أكد|أكدت|اكد|اكدت)"
_AR_ABOUT = r"\s+(?:عن|حول|بشأن|بشان|في|إزاء|ازاء|تجاه|بخصوص)\s+"

# Order matters: the first pattern that matches decides.
_AR_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (FOLLOW_MORE, re.compile(r"^\s*(?:و)?(?:ماذا|ما\s*ذا|وماذا)\s+"
                             r"(?:أضاف|اضاف|أضافت|اضافت|قال\s+أيضا|قال\s+ايضا|قالت\s+أيضا|قالت\s+ايضا)"
                             r"(?:\s+(?:أيضا|ايضا|كذلك))?" + _Q)),
    (FOLLOW_MORE, re.compile(r"^\s*(?:و)?(?:ماذا|ما)\s+(?:قال|قالت|قالوا)\s+(?:أيضا|ايضا|كذلك|غير\s+ذلك)" + _Q)),
    (FOLLOW_SPEAKER, re.compile(r"^\s*(?:و\s*)?(?:ماذا|ما\s*ذا|ما)\s+عن\s+(?P<x>.+?)" + _Q)),
    (FOLLOW_SPEAKER, re.compile(r"^\s*و\s*(?P<x>[^\s?؟]+(?:\s+[^\s?؟]+){0,3})\s*[?؟]\s*$")),
    (ACCUSATION, re.compile(r"^\s*(?:من|مَن)\s+(?:اتهم|يتهم|اتهمت|تتهم)\s+(?:من|مَن)?\s*(?P<y>.*?)" + _Q)),
    (WHO_SAID, re.compile(r"^\s*(?:من|مَن)\s+(?:الذي\s+)?" + _AR_SAY + r"\s+(?:إن|ان|أن|بأن|بان)?\s*(?P<y>.+?)" + _Q)),
    (SPEAKER, re.compile(r"^\s*(?:هل)\s+" + _AR_SAY + r"\s+(?P<x>.+?)\s+(?:إن|ان|أن|بأن|بان)\s+(?P<y>.+?)" + _Q)),
    (SPEAKER, re.compile(r"^\s*(?:ما|وما)\s+(?:هو\s+|هي\s+)?موقف\s+(?P<x>.+?)"
                         r"(?:\s+(?:من|إزاء|ازاء|تجاه|حول|بشأن)\s+(?P<y>.+?))?" + _Q)),
    (SPEAKER, re.compile(r"^\s*(?:ب|و)?(?:ماذا|بماذا|ما\s*ذا|ما\s+الذي|ما)\s+" + _AR_SAY
                         + r"\s+(?P<x>.+?)(?:" + _AR_ABOUT + r"(?P<y>.+?))?" + _Q)),
    (SPEAKER, re.compile(r"^\s*(?:كيف)\s+(?:رد|ردت|ردّ|ردّت|علق|علقت|تفاعل|تفاعلت)\s+(?P<x>.+?)"
                         r"(?:\s+(?:على|عن|إزاء|ازاء|تجاه|بشأن)\s+(?P<y>.+?))?" + _Q)),
]

_EN_SAY = r"(?:say|said|state|stated|announce|announced|claim|claimed|declare|declared|tell|told|write|wrote)"
_EN_ABOUT = r"\s+(?:about|on|regarding|concerning|of|over|in)\s+"
_EN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (FOLLOW_MORE, re.compile(r"^\s*(?:and\s+)?what\s+else\s+(?:did|has|have)\s+(?:he|she|they|it|the\s+\w+)\s+"
                             r"(?:say|said|add|added)" + _Q, re.I)),
    (FOLLOW_MORE, re.compile(r"^\s*(?:and\s+)?what\s+(?:did|has|have)\s+(?:he|she|they|it)\s+(?:add|added)" + _Q,
                             re.I)),
    (FOLLOW_SPEAKER, re.compile(r"^\s*(?:and|what\s+about|how\s+about|and\s+what\s+about)\s+(?P<x>.+?)" + _Q, re.I)),
    (ACCUSATION, re.compile(r"^\s*who\s+(?:accused|accuses|blamed|blames)\s+(?:whom|who)"
                            r"(?:\s+(?:of|for)\s+(?P<y>.+?))?" + _Q, re.I)),
    (WHO_SAID, re.compile(r"^\s*who\s+(?:has\s+)?" + _EN_SAY + r"\s+(?:that\s+)?(?P<y>.+?)" + _Q, re.I)),
    (SPEAKER, re.compile(r"^\s*(?:did|has|have)\s+(?P<x>.+?)\s+" + _EN_SAY + r"\s+(?:that\s+)?(?P<y>.+?)" + _Q, re.I)),
    (SPEAKER, re.compile(r"^\s*what\s+(?:is|was|are|were)\s+(?P<x>.+?)(?:'s|’s|s')\s+"
                         r"(?:position|stance|view|reaction|response)"
                         r"(?:\s+(?:on|to|about|regarding|towards?)\s+(?P<y>.+?))?" + _Q, re.I)),
    (SPEAKER, re.compile(r"^\s*what\s+(?:is|was)\s+the\s+(?:position|stance|view)\s+of\s+(?P<x>.+?)"
                         r"(?:\s+(?:on|to|about|regarding|towards?)\s+(?P<y>.+?))?" + _Q, re.I)),
    (SPEAKER, re.compile(r"^\s*(?P<x>.+?)(?:'s|’s|s')\s+(?:position|stance|view|reaction|response)"
                         r"(?:\s+(?:on|to|about|regarding|towards?)\s+(?P<y>.+?))?" + _Q, re.I)),
    (SPEAKER, re.compile(r"^\s*what\s+(?:did|does|do|has|have)\s+(?P<x>.+?)\s+" + _EN_SAY
                         + r"(?:" + _EN_ABOUT + r"(?P<y>.+?))?" + _Q, re.I)),
    (SPEAKER, re.compile(r"^\s*how\s+(?:did|does|do|has|have)\s+(?P<x>.+?)\s+(?:react|respond|reply|comment)(?:ed)?"
                         r"(?:\s+(?:to|on|about)\s+(?P<y>.+?))?" + _Q, re.I)),
]


def _clean(s: str | None) -> str:
    return (s or "").strip(" \t\n?؟.!،,\"'«»")


def parse_query(text: str) -> Query:
    """Classify one question; ``speaker`` and ``topic`` are the raw spans X and Y."""
    lang = detect_language(text)
    patterns = _AR_PATTERNS + _EN_PATTERNS if lang == "ar" else _EN_PATTERNS + _AR_PATTERNS
    for kind, pat in patterns:
        m = pat.match(text)
        if m:
            groups = m.groupdict()
            return Query(text, lang, kind, _clean(groups.get("x")), _clean(groups.get("y")))
    return Query(text, lang, SEARCH, topic=_clean(text))
