"""Pure functions that turn an :class:`~chat.answer.Answer` into what the web chat shows.

Nothing here touches Chainlit, so every rule (which labels, which span is highlighted, what an
upload summary says) is unit-tested without a browser. Quote text and highlighted spans come
only from ``article.text[start:end]`` offsets; the browser receives plain strings (React escapes
them), never HTML built from article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from chat.answer import Answer, Quote

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")

LABELS: dict[str, dict[str, str]] = {
    "ar": {
        "cue": "فعل القول",
        "kind": "النوع",
        "role": "الصفة",
        "source": "المصدر",
        "published": "التاريخ",
        "open_source": "عرض في المقالة",
        "via": "نقلا عن",
        "gloss": "ترجمة آلية",
        "direct": "اقتباس مباشر",
        "indirect": "قول منقول",
        "no_offsets": "تعذر تحديد موضع الاقتباس في نص المقالة.",
    },
    "en": {
        "cue": "speech verb",
        "kind": "kind",
        "role": "role",
        "source": "source",
        "published": "date",
        "open_source": "Show in article",
        "via": "via",
        "gloss": "machine translation",
        "direct": "direct quote",
        "indirect": "reported speech",
        "no_offsets": "The quote could not be located in the article text.",
    },
}


def is_arabic(text: str) -> bool:
    """True when Arabic letters outnumber Latin ones: decides a block's reading direction."""
    return len(_ARABIC.findall(text)) >= max(1, len(_LATIN.findall(text)))


def ui_language(answer: Answer) -> str:
    """Labels follow the question's language; anything but English gets Arabic labels."""
    return "en" if answer.language == "en" else "ar"


def framing_text(answer: Answer) -> str:
    """The text shown above the cards.

    The default composer lists every quote verbatim after a one-line summary; the cards already
    show those quotes, so when every quote appears in the framing only the lines before the
    first list item are kept (a quote is never shown twice). Prose from an LLM composer, which
    cites rather than repeats, is shown whole.
    """
    text = answer.answer.strip()
    if not answer.quotes or not text:
        return text
    if not all(q.quote and q.quote in text for q in answer.quotes):
        return text
    head: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("- ", "* ", "**")) or stripped.startswith("«"):
            break
        head.append(line)
    return "\n".join(head).strip() or text.splitlines()[0]


def locate(text: str, quote: Quote) -> tuple[int, int] | None:
    """The quote's span in ``text``: its stored offsets when they still read the quote,
    otherwise the first exact occurrence (an article re-ingested with small edits)."""
    if 0 <= quote.start < quote.end <= len(text) and text[quote.start : quote.end] == quote.quote:
        return quote.start, quote.end
    if quote.quote:
        at = text.find(quote.quote)
        if at >= 0:
            return at, at + len(quote.quote)
    return None


def source_segments(
    text: str, start: int, end: int, speaker_start: int = -1, speaker_end: int = -1
) -> list[dict[str, Any]]:
    """Split ``text`` at the quote and speaker boundaries.

    Each segment is ``{"text", "quote", "speaker"}``; concatenating the texts gives back the
    article exactly, so the panel shows the article as stored. The speaker span is ignored when
    it is missing (-1) or out of range.
    """
    n = len(text)
    if not (0 <= start <= end <= n):
        return [{"text": text, "quote": False, "speaker": False}] if text else []
    has_speaker = 0 <= speaker_start < speaker_end <= n
    cuts = {0, n, start, end}
    if has_speaker:
        cuts |= {speaker_start, speaker_end}
    bounds = sorted(cuts)
    segments: list[dict[str, Any]] = []
    for a, b in zip(bounds, bounds[1:]):
        if a == b:
            continue
        in_quote = start <= a and b <= end and start < end
        in_speaker = has_speaker and speaker_start <= a and b <= speaker_end
        if segments and segments[-1]["quote"] == in_quote and segments[-1]["speaker"] == in_speaker:
            segments[-1]["text"] += text[a:b]
        else:
            segments.append({"text": text[a:b], "quote": in_quote, "speaker": in_speaker})
    return segments


def _meta_line(quote: Quote, title: str) -> list[str]:
    return [part for part in (title, quote.source, quote.published) if part]


def card_props(quote: Quote, lang: str, index: int, article_text: str | None = None,
               article_title: str = "") -> dict[str, Any]:
    """Props of one ``QuoteCard`` element (see ``public/elements/QuoteCard.jsx``).

    Everything the card shows is a plain string; the source panel's segments are included so
    a click opens the article without another round trip.
    """
    labels = LABELS[lang]
    title = quote.title or article_title or quote.article_id
    speaker_ar = quote.speaker_canonical or quote.speaker
    props: dict[str, Any] = {
        "index": index,
        "id": quote.id,
        "article_id": quote.article_id,
        "lang": lang,
        "dir": "rtl" if lang == "ar" else "ltr",
        "speaker": speaker_ar,
        "speaker_mention": quote.speaker if quote.speaker and quote.speaker != speaker_ar else "",
        "speaker_en": quote.speaker_en if quote.speaker_en and quote.speaker_en != speaker_ar else "",
        "role": quote.role if quote.role and quote.role not in speaker_ar else "",
        "cue": quote.cue,
        "kind": quote.kind,
        "kind_label": labels.get(quote.kind, quote.kind),
        "title": title,
        "source": quote.source,
        "published": quote.published,
        "url": quote.url,
        "meta": _meta_line(quote, title),
        "quote": quote.quote,
        "quote_dir": "rtl" if is_arabic(quote.quote) else "ltr",
        "via": list(quote.via),
        "gloss": quote.gloss or "",
        "labels": labels,
        "panel": None,
    }
    if article_text is not None:
        span = locate(article_text, quote)
        if span is None:
            segments = source_segments(article_text, 0, 0)
            note = labels["no_offsets"]
        else:
            ss, se = quote.speaker_start, quote.speaker_end
            segments = source_segments(article_text, span[0], span[1], ss, se)
            note = ""
        props["panel"] = {
            "title": title,
            "article_id": quote.article_id,
            "dir": "rtl" if is_arabic(article_text[:2000]) else "ltr",
            "segments": segments,
            "note": note,
            "meta": _meta_line(quote, title),
            "url": quote.url,
        }
    return props


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def upload_summary(report: Any, names: Sequence[str], rejected: Iterable[tuple[str, str]] = ()) -> str:
    """Markdown summary of an upload: what was ingested, what was skipped and why.

    ``report`` is an :class:`ingest.pipeline.IngestReport` (or ``None`` when nothing could be
    ingested); ``rejected`` holds files refused before ingestion (type or size) with reasons.
    """
    rejected = list(rejected)
    lines: list[str] = []
    if report is not None and names:
        what = ", ".join(f"`{n}`" for n in names)
        articles = getattr(report, "articles", 0)
        statements = getattr(report, "statements", 0)
        if articles:
            lines.append(
                f"✅ Ingested {_count(articles, 'article', 'articles')} "
                f"({_count(statements, 'statement', 'statements')}) from {what}. "
                f"You can ask about {'it' if articles == 1 else 'them'} now."
            )
            lines.append(f"أضيفت {articles} {'مقالة' if articles == 1 else 'مقالات'} — يمكنك السؤال عنها الآن.")
        else:
            lines.append(f"⚠️ No article could be ingested from {what}.")
            lines.append("لم تُضف أي مقالة.")
        skipped = list(getattr(report, "skipped", []) or [])
        if skipped:
            lines.append("")
            lines.append(f"Skipped {_count(len(skipped), 'item', 'items')}:")
            for s in skipped:
                path = getattr(s, "path", None) if not isinstance(s, dict) else s.get("path")
                reason = getattr(s, "reason", None) if not isinstance(s, dict) else s.get("reason")
                lines.append(f"- `{_display_path(str(path))}`: {reason}")
    if rejected:
        if lines:
            lines.append("")
        lines.append("⛔ Not accepted:")
        for name, reason in rejected:
            lines.append(f"- `{name}`: {reason}")
    return "\n".join(lines) if lines else "Nothing to ingest."


def _display_path(path: str) -> str:
    """Uploads are copied to a temporary folder; show only the part the user recognises."""
    marker = "/aqwal-upload-"
    if marker in path:
        rest = path.split(marker, 1)[1]
        return rest.split("/", 1)[1] if "/" in rest else rest
    return path
