"""Render an ``Answer`` as Slack Block Kit messages.

Each quote goes into a ``rich_text`` block whose ``rich_text_quote`` element carries the quote as
a plain text element. Unlike ``mrkdwn`` sections, rich-text elements are never parsed for
``*bold*``, ``_italic_``, ``<links>`` or ``&`` entities, so what Slack shows is exactly
``article.text[start:end]`` — the one promise aqwal makes. Everything the bot wrote itself (the
answer text, the context line) is ``mrkdwn`` and escaped.

Slack rejects a message with more than 50 blocks or a section text over 3000 characters, so the
renderer cuts long texts losslessly (the pieces concatenate back to the original) and
``split_messages`` spreads the blocks over as many messages as needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypedDict

from chat.answer import Answer, Quote

MAX_BLOCKS = 50
"""Slack's limit of blocks per message."""
SECTION_TEXT_LIMIT = 3000
"""Slack's limit for a section's text (and, to stay safe, for the text inside any one block)."""
QUOTE_PART_LIMIT = 2400
"""Quote characters per rich_text block, leaving room for the speaker line and the source line."""
LABEL_LIMIT = 250
"""Speaker, role, title… are cut to this so a quote block stays under SECTION_TEXT_LIMIT."""
FALLBACK_LIMIT = 3000
"""Notification text: Slack shows only the start and truncates long ``text`` anyway."""

Block = dict[str, Any]


class SlackMessage(TypedDict):
    """The ``text`` (notification / accessibility fallback) and ``blocks`` of one chat.postMessage."""

    text: str
    blocks: list[Block]


_LABELS = {
    "en": {
        "context": "{quotes} · {articles} · quotes are verbatim from the article text",
        "quotes": ("{n} quote", "{n} quotes"),
        "articles": ("{n} article", "{n} articles"),
        "none": "aqwal · no quote found",
        "via": "via",
        "gloss": "Machine translation: ",
        "continued": "(continued {i}/{n})",
    },
    "ar": {
        "context": "{quotes} · {articles} · الاقتباسات منقولة حرفيًا من نص المقال",
        "quotes": ("اقتباسات: {n}", "اقتباسات: {n}"),
        "articles": ("المقالات: {n}", "المقالات: {n}"),
        "none": "aqwal · لم يُعثر على اقتباس",
        "via": "نقلًا عن",
        "gloss": "ترجمة آلية: ",
        "continued": "(تتمة {i}/{n})",
    },
}


def _labels(language: str) -> dict[str, Any]:
    return _LABELS["ar" if language.lower().startswith("ar") else "en"]


def escape_mrkdwn(text: str) -> str:
    """Slack's three control characters; anything else in mrkdwn is left for Slack to format."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int = LABEL_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chunk_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters that concatenate back to ``text``.

    Cuts prefer a line break, then a space, in the second half of the window, so pieces read
    naturally; an HTML entity (``&amp;``) produced by escaping is never cut in two.
    """
    if limit < 8:
        raise ValueError("limit too small")
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = -1
        for sep in ("\n", " "):
            pos = window.rfind(sep)
            if pos >= limit // 2:
                cut = pos + 1
                break
        if cut == -1:
            cut = limit
            amp = window.rfind("&", max(0, limit - 5))
            if amp != -1 and ";" not in window[amp:]:
                cut = amp
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def _text(text: str, **style: bool) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "text", "text": text}
    if style:
        element["style"] = dict(style)
    return element


def _speaker_line(quote: Quote, language: str) -> dict[str, Any]:
    """Who said it: speaker (bold), role, English name, the speech verb (italic), intermediaries."""
    speaker = quote.speaker_canonical or quote.speaker
    elements = [_text(_clip(speaker), bold=True)]
    if quote.speaker and quote.speaker_canonical and quote.speaker not in quote.speaker_canonical:
        # the name as the article wrote it, when canonicalisation changed it (a title, a fuller name)
        elements.append(_text(f" «{_clip(quote.speaker)}»"))
    if quote.role and quote.role not in speaker:
        elements.append(_text(f"، {_clip(quote.role)}" if language.startswith("ar") else f", {_clip(quote.role)}"))
    if quote.speaker_en and quote.speaker_en != speaker:
        elements.append(_text(f" ({_clip(quote.speaker_en)})"))
    if quote.cue:
        elements.append(_text(" · "))
        elements.append(_text(_clip(quote.cue, 60), italic=True))
    if quote.via:
        elements.append(_text(f" · {_labels(language)['via']} {_clip(' / '.join(quote.via))}"))
    return {"type": "rich_text_section", "elements": elements}


def _source_line(quote: Quote) -> dict[str, Any] | None:
    """Where it was said: the article title (linked when there is a URL), source and date."""
    elements: list[dict[str, Any]] = []
    title = _clip(quote.title) if quote.title else ""
    if quote.url:
        elements.append({"type": "link", "url": quote.url, "text": title or _clip(quote.url)})
    elif title:
        elements.append(_text(title))
    else:
        elements.append(_text(_clip(quote.article_id)))
    extras = [_clip(x, 80) for x in (quote.source, quote.published) if x]
    if extras:
        elements.append(_text(" · " + " · ".join(extras)))
    return {"type": "rich_text_section", "elements": elements}


def quote_blocks(quote: Quote, language: str = "en") -> list[Block]:
    """One rich_text block per quote — several only when the quote itself exceeds a block's budget."""
    parts = chunk_text(quote.quote, QUOTE_PART_LIMIT)
    blocks: list[Block] = []
    for i, part in enumerate(parts):
        elements: list[dict[str, Any]] = []
        if i == 0:
            elements.append(_speaker_line(quote, language))
        elements.append({"type": "rich_text_quote", "elements": [_text(part)]})
        if i == len(parts) - 1:
            if quote.gloss:
                gloss = _labels(language)["gloss"] + _clip(quote.gloss, QUOTE_PART_LIMIT // 4)
                elements.append({"type": "rich_text_section", "elements": [_text(gloss, italic=True)]})
            source = _source_line(quote)
            if source:
                elements.append(source)
        blocks.append({"type": "rich_text", "elements": elements})
    return blocks


def _plural(pair: tuple[str, str], n: int) -> str:
    return (pair[0] if n == 1 else pair[1]).format(n=n)


def context_block(answer: Answer) -> Block:
    """A quiet footer: how many quotes from how many articles, and that they are verbatim."""
    labels = _labels(answer.language)
    if not answer.quotes:
        text = labels["none"]
    else:
        n_articles = len({q.article_id for q in answer.quotes})
        text = "aqwal · " + labels["context"].format(
            quotes=_plural(labels["quotes"], len(answer.quotes)),
            articles=_plural(labels["articles"], n_articles),
        )
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": escape_mrkdwn(text)}]}


def text_sections(text: str) -> list[Block]:
    """The bot's own prose as mrkdwn sections, each under Slack's 3000-character limit."""
    if not text.strip():
        return []
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": piece}}
        for piece in chunk_text(escape_mrkdwn(text), SECTION_TEXT_LIMIT)
        if piece.strip()
    ]


def answer_blocks(answer: Answer) -> list[Block]:
    """The whole answer as one block list (may exceed 50 blocks; see ``split_messages``)."""
    blocks = text_sections(answer.answer)
    for quote in answer.quotes:
        blocks.extend(quote_blocks(quote, answer.language))
    blocks.append(context_block(answer))
    return blocks


def fallback_text(answer: Answer) -> str:
    """Plain text for notifications and clients that cannot show blocks: the answer and the quotes."""
    lines = [answer.answer.strip()] if answer.answer.strip() else []
    for q in answer.quotes:
        lines.append(f"{q.speaker_canonical or q.speaker}: «{q.quote}»")
    text = escape_mrkdwn("\n".join(lines) or "aqwal")
    return _clip_lines(text, FALLBACK_LIMIT)


def _clip_lines(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = chunk_text(text, limit - 1)[0]
    return cut.rstrip() + "…"


def split_messages(blocks: Iterable[Block], text: str, language: str = "en") -> list[SlackMessage]:
    """Spread blocks over messages of at most ``MAX_BLOCKS``; later parts say they continue."""
    blocks = list(blocks)
    groups = [blocks[i : i + MAX_BLOCKS] for i in range(0, len(blocks), MAX_BLOCKS)] or [[]]
    if len(groups) == 1:
        return [{"text": text, "blocks": groups[0]}]
    label = _labels(language)["continued"]
    messages: list[SlackMessage] = []
    for i, group in enumerate(groups, 1):
        part_text = text if i == 1 else _clip_lines(f"{label.format(i=i, n=len(groups))} {text}", FALLBACK_LIMIT)
        messages.append({"text": part_text, "blocks": group})
    return messages


def asked_block(question: str, asked_by: str | None = None) -> Block:
    """Who asked what — a slash command's answer is posted by the bot, so the channel needs the question."""
    who = f"<@{asked_by}> " if asked_by and asked_by.isalnum() else ""
    text = f"{who}/aqwal {escape_mrkdwn(_clip(question, SECTION_TEXT_LIMIT - 200))}"
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def render_answer(answer: Answer, *, asked_by: str | None = None, question: str | None = None) -> list[SlackMessage]:
    """Everything needed to post an answer: one or more messages, in order.

    ``question`` (and ``asked_by``, a user id) put the question above the answer, for replies
    that do not sit under the question in a thread.
    """
    blocks = answer_blocks(answer)
    if question:
        blocks.insert(0, asked_block(question, asked_by))
    return split_messages(blocks, fallback_text(answer), answer.language)


def notice(text: str) -> SlackMessage:
    """A short message from the bot itself (usage hint, apology)."""
    return {"text": escape_mrkdwn(text), "blocks": text_sections(text)}
