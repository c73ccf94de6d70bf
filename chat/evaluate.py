"""`aqwal eval qa`: ingest the eval articles into a temporary store, ask every question, score.

Scores as ../shared/README.md defines them: a returned quote matches a gold statement when
it is in the same article with character IoU ≥ 0.5; gold-quote recall over each question's
``gold_quote_ids``; citation precision over returned quotes (matching a gold or optional
quote of that question); verbatim rate (returned quote == article.text[start:end]).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chat.assistant import Assistant
from ingest.loaders import Loader
from ingest.pipeline import ingest_articles
from ingest.records import Statement
from ingest.settings import Settings
from ingest.store import Store


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a small sample."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


def evaluate_qa(
    articles_path: Path,
    questions_path: Path,
    gold_path: Path,
    settings: Settings | None = None,
    extractor: Callable[[str, str], list[Statement]] | None | bool = True,
) -> dict[str, Any]:
    gold = {g["quote_id"]: g for g in _read_jsonl(gold_path)}
    questions = _read_jsonl(questions_path)
    loader = Loader()
    articles = list(loader.load([articles_path]))
    texts = {a.id: a.text for a in articles}
    with tempfile.TemporaryDirectory(prefix="aqwal-eval-") as tmp:
        s = (settings or Settings()).model_copy(update={"store": Path(tmp) / "store", "chroma_url": None})
        store = Store(s)
        ingest_articles(articles, store, extractor=extractor)
        assistant = Assistant(s, store=store)
        assistant.ask(questions[0]["question"])  # warm the model and caches
        per_q: list[dict[str, Any]] = []
        latencies: list[float] = []
        n_gold = n_gold_hit = n_ret = n_ret_ok = n_verbatim = 0
        for q in questions:
            t = time.perf_counter()
            ans = assistant.ask(q["question"])
            latencies.append((time.perf_counter() - t) * 1000)
            allowed = [gold[i] for i in q["gold_quote_ids"] + q.get("optional_quote_ids", []) if i in gold]
            must = [gold[i] for i in q["gold_quote_ids"] if i in gold]

            def matches(quote: Any, g: dict[str, Any]) -> bool:
                same = quote.article_id == g["article_id"]
                return same and iou((quote.start, quote.end), (g["start"], g["end"])) >= 0.5

            hit = [g["quote_id"] for g in must if any(matches(r, g) for r in ans.quotes)]
            ok = [r.id for r in ans.quotes if any(matches(r, g) for g in allowed)]
            verb = sum(1 for r in ans.quotes if texts.get(r.article_id, "")[r.start : r.end] == r.quote)
            n_gold += len(must)
            n_gold_hit += len(hit)
            n_ret += len(ans.quotes)
            n_ret_ok += len(ok)
            n_verbatim += verb
            per_q.append({
                "qid": q["qid"], "question": q["question"], "returned": len(ans.quotes), "correct": len(ok),
                "gold": len(must), "gold_found": len(hit), "missed": [i for i in q["gold_quote_ids"] if i not in hit],
                "no_answer": ans.no_answer,
            })
    return {
        "questions": len(questions),
        "recall": n_gold_hit / n_gold if n_gold else 0.0,
        "precision": n_ret_ok / n_ret if n_ret else 0.0,
        "verbatim": n_verbatim / n_ret if n_ret else 1.0,
        "returned": n_ret,
        "latency_ms_p50": round(statistics.median(latencies), 1) if latencies else 0.0,
        "latency_ms_p95": round(percentile(latencies, 95), 1),
        "per_question": per_q,
    }


def format_qa_report(r: dict[str, Any]) -> str:
    lines = [
        f"questions: {r['questions']}   returned quotes: {r['returned']}",
        f"gold-quote recall:   {r['recall']:.3f}",
        f"citation precision:  {r['precision']:.3f}",
        f"verbatim rate:       {r['verbatim']:.3f}",
        f"latency p50/p95 ms:  {r['latency_ms_p50']} / {r['latency_ms_p95']}",
        "",
    ]
    for q in r["per_question"]:
        flag = "ok " if not q["missed"] and q["correct"] == q["returned"] else "-- "
        lines.append(f"{flag}{q['qid']} found {q['gold_found']}/{q['gold']}, {q['correct']}/{q['returned']} correct"
                     + (f", missed {', '.join(q['missed'])}" if q["missed"] else "") + f"  {q['question']}")
    return "\n".join(lines)
