"""Attribution scoring exactly as ../shared/README.md "How to score" describes.

* A prediction matches a gold statement of the same article when the character IoU of the
  two quote spans is ≥ 0.5; matching is one-to-one, best IoU first.
* The speaker is right when the Arabic-normalised predicted ``speaker_canonical`` equals,
  contains or is contained in the gold ``speaker_canonical`` or ``speaker``.
* Span P/R/F1 count matched pairs; joint P/R/F1 count matched pairs with a right speaker;
  cue and kind accuracy are over matched pairs. Misses and false alarms are listed per
  article so a human can see what went wrong.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ingest.arabic import normalize

IOU_THRESHOLD = 0.5


def _get(x: Any, name: str, default: Any = None) -> Any:
    if isinstance(x, Mapping):
        return x.get(name, default)
    return getattr(x, name, default)


def span_iou(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Character IoU of two half-open spans."""
    inter = max(0, min(a_end, b_end) - max(a_start, b_start))
    union = max(a_end, b_end) - min(a_start, b_start)
    if union <= 0:
        return 0.0
    return inter / union


def _norm_name(s: str) -> str:
    s = normalize(s or "")
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def speaker_correct(pred: Any, gold: Any) -> bool:
    """Normalised predicted canonical equals/contains/is contained in gold canonical or speaker."""
    p = _norm_name(_get(pred, "speaker_canonical", "") or "")
    if not p:
        return False
    for field in ("speaker_canonical", "speaker"):
        g = _norm_name(_get(gold, field, "") or "")
        if g and (p == g or p in g or g in p):
            return True
    return False


def cue_equal(pred: Any, gold: Any) -> bool:
    return _norm_name(_get(pred, "cue", "")) == _norm_name(_get(gold, "cue", ""))


def match_article(preds: list[Any], golds: list[Any]) -> list[tuple[int, int, float]]:
    """One-to-one matching (best IoU first) of predictions to gold within one article."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            iou = span_iou(_get(p, "start"), _get(p, "end"), _get(g, "start"), _get(g, "end"))
            if iou >= IOU_THRESHOLD:
                cands.append((iou, i, j))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for iou, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j, iou))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _brief(x: Any) -> dict[str, Any]:
    return {
        "start": _get(x, "start"),
        "end": _get(x, "end"),
        "speaker": _get(x, "speaker", ""),
        "speaker_canonical": _get(x, "speaker_canonical", ""),
        "cue": _get(x, "cue", ""),
        "kind": _get(x, "kind", ""),
        "quote": (_get(x, "quote", "") or "")[:120],
    }


def score(predictions: Iterable[Any], gold: Iterable[Any]) -> dict[str, Any]:
    """Score predicted statements against gold statements (both dicts or Statement-like)."""
    by_art_p: dict[str, list[Any]] = defaultdict(list)
    by_art_g: dict[str, list[Any]] = defaultdict(list)
    for p in predictions:
        by_art_p[_get(p, "article_id")].append(p)
    for g in gold:
        by_art_g[_get(g, "article_id")].append(g)
    n_pred = sum(len(v) for v in by_art_p.values())
    n_gold = sum(len(v) for v in by_art_g.values())
    tp = joint = cue_ok = kind_ok = 0
    articles: dict[str, Any] = {}
    for aid in sorted(set(by_art_p) | set(by_art_g)):
        ps, gs = by_art_p.get(aid, []), by_art_g.get(aid, [])
        pairs = match_article(ps, gs)
        mp = {i for i, _, _ in pairs}
        mg = {j for _, j, _ in pairs}
        wrong_speaker = []
        for i, j, _ in pairs:
            tp += 1
            if speaker_correct(ps[i], gs[j]):
                joint += 1
            else:
                wrong_speaker.append({"pred": _brief(ps[i]), "gold": _brief(gs[j])})
            cue_ok += cue_equal(ps[i], gs[j])
            kind_ok += _get(ps[i], "kind") == _get(gs[j], "kind")
        articles[aid] = {
            "n_pred": len(ps),
            "n_gold": len(gs),
            "matched": len(pairs),
            "misses": [_brief(g) | {"quote_id": _get(g, "quote_id")}
                       for j, g in enumerate(gs) if j not in mg],
            "false_alarms": [_brief(p) for i, p in enumerate(ps) if i not in mp],
            "wrong_speaker": wrong_speaker,
        }
    return {
        "n_pred": n_pred,
        "n_gold": n_gold,
        "matched": tp,
        "span": _prf(tp, n_pred, n_gold),
        "joint": _prf(joint, n_pred, n_gold),
        "cue_accuracy": cue_ok / tp if tp else 0.0,
        "kind_accuracy": kind_ok / tp if tp else 0.0,
        "articles": articles,
    }
