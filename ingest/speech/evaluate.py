"""``aqwal eval attribution``: run extraction on the eval articles and score against gold."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingest.speech import extract_statements
from ingest.speech.entities import EntityCatalog
from ingest.speech.metrics import score

log = logging.getLogger(__name__)


def iter_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def iter_statements_jsonl(articles_path: str | Path, catalog: EntityCatalog | None = None
                          ) -> Iterator[dict[str, Any]]:
    """Statements of every article in a JSONL file, as dicts (for ``aqwal quotes --json``)."""
    for art in iter_jsonl(articles_path):
        for st in extract_statements(str(art["id"]), art["text"], catalog):
            yield st.to_dict()


def evaluate_attribution(articles_path: str | Path, gold_path: str | Path) -> dict[str, Any]:
    """Extract from ``articles_path`` and score against ``gold_path`` (README scoring)."""
    gold = list(iter_jsonl(gold_path))
    preds: list[dict[str, Any]] = []
    n_articles = 0
    for art in iter_jsonl(articles_path):
        n_articles += 1
        preds.extend(st.to_dict() for st in extract_statements(str(art["id"]), art["text"]))
    report = score(preds, gold)
    report["n_articles"] = n_articles
    report["articles_path"] = str(articles_path)
    report["gold_path"] = str(gold_path)
    return report


def format_report(report: dict[str, Any]) -> str:
    """Human-readable summary plus per-article misses and false alarms."""
    sp, jt = report["span"], report["joint"]
    lines = [
        f"attribution: {report.get('n_articles', '?')} articles, {report['n_gold']} gold, "
        f"{report['n_pred']} predicted, {report['matched']} matched (IoU >= 0.5)",
        f"  span   P {sp['precision']:.3f}  R {sp['recall']:.3f}  F1 {sp['f1']:.3f}",
        f"  joint  P {jt['precision']:.3f}  R {jt['recall']:.3f}  F1 {jt['f1']:.3f}",
        f"  cue accuracy {report['cue_accuracy']:.3f}   "
        f"kind accuracy {report['kind_accuracy']:.3f}",
    ]
    for aid, a in report["articles"].items():
        if not (a["misses"] or a["false_alarms"] or a["wrong_speaker"]):
            continue
        lines.append(f"\n[{aid}] gold {a['n_gold']}  pred {a['n_pred']}  matched {a['matched']}")
        for m in a["misses"]:
            lines.append(f"  MISS  {m.get('quote_id')} {m['start']}-{m['end']} "
                         f"{m['cue']} | {m['speaker']} | {m['quote'][:70]}")
        for f in a["false_alarms"]:
            lines.append(f"  FALSE {f['start']}-{f['end']} {f['cue']} | {f['speaker']} | "
                         f"{f['quote'][:70]}")
        for w in a["wrong_speaker"]:
            lines.append(f"  SPKR  {w['pred']['start']}-{w['pred']['end']} pred "
                         f"{w['pred']['speaker_canonical']!r} "
                         f"gold {w['gold']['speaker_canonical']!r}"
                         f" / {w['gold']['speaker']!r}")
    return "\n".join(lines)
