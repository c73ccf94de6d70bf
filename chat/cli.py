"""The ``aqwal`` command line: thin wrappers over ingest, retriever and chat.

Machine-readable ``--json`` shapes are a contract other tools read; human output goes
through rich. Errors become one clear line on stderr and a non-zero exit.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ingest.settings import Settings, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="aqwal: who said what, quoted verbatim.")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluate against hand-checked gold.")
app.add_typer(eval_app, name="eval")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

StoreOpt = Annotated[
    Path | None, typer.Option("--store", help="Store directory (default: AQWAL_STORE or a per-user dir).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _settings(store: Path | None) -> Settings:
    return get_settings(store=store)


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log details.")] = False) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files (.txt .json .jsonl .zip), directories, or - for JSONL on stdin.")
    ],
    store: StoreOpt = None,
    json_out: JsonOpt = False,
    text_field: Annotated[
        str, typer.Option("--text-field", help="Field holding the article text in JSON records.")
    ] = "text",
) -> None:
    """Load articles, keep each text exactly, chunk, extract statements, embed, store."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ingest.pipeline import ingest_paths
    from ingest.store import StoreError

    settings = _settings(store)
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=err, transient=True, disable=json_out or not err.is_terminal) as bar:
            task = bar.add_task("ingesting", total=None)

            def progress(n_articles: int, n_chunks: int) -> None:
                bar.update(task, description=f"{n_articles} articles, {n_chunks} chunks")

            report = ingest_paths(paths, settings, text_field=text_field, progress=progress)
    except StoreError as exc:
        _fail(str(exc))
        return
    if json_out:
        _print_json(report.to_dict())
        return
    out.print(f"[bold]{report.articles}[/] articles ({report.new} new or changed, {report.unchanged} unchanged), "
              f"[bold]{report.chunks}[/] chunks, [bold]{report.statements}[/] statements in {settings.store}")
    for s in report.skipped:
        out.print(f"  [yellow]skipped[/] {s.path}: {s.reason}", highlight=False)
    for s in report.statements_skipped:
        out.print(f"  [yellow]no statements[/] for {s.path} (kept, searchable): {s.reason}", highlight=False)


@app.command()
def search(
    question: Annotated[str, typer.Argument(help="A question or search terms, Arabic or English.")],
    k: Annotated[int, typer.Option("--k", help="How many passages.")] = 5,
    store: StoreOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Find the passages that best match a question (hybrid BM25 + dense for Arabic)."""
    from ingest.store import Store, StoreError
    from retriever.search import HybridSearcher

    try:
        st = Store(_settings(store), create=False)
        hits = HybridSearcher(st).search(question, k)
    except StoreError as exc:
        _fail(str(exc))
        return
    if json_out:
        _print_json([h.to_dict() for h in hits])
        return
    if not hits:
        out.print("No passages found.")
    for rank, h in enumerate(hits, 1):
        out.print(f"[bold]{rank}.[/] {h.article_id} [{h.start}:{h.end}] score {h.score:.4f} {h.title}", highlight=False)
        out.print(f"   {h.text}", highlight=False)


def _assistant(store: Path | None):
    from chat.assistant import Assistant
    from ingest.store import Store

    settings = _settings(store)
    return Assistant(settings, store=Store(settings, create=False))


def _print_answer(ans) -> None:
    out.print(ans.answer, highlight=False, markup=False)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in Arabic or English.")],
    store: StoreOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Answer one question with verbatim quotes and their speakers."""
    from ingest.store import StoreError

    try:
        ans = _assistant(store).ask(question)
    except (StoreError, ImportError) as exc:
        _fail(str(exc))
        return
    if json_out:
        _print_json(ans.model_dump(exclude={"total"} if ans.total is None else None))
    else:
        _print_answer(ans)


@app.command()
def chat(store: StoreOpt = None) -> None:
    """An interactive conversation; follow-ups ("and Russia?", "ماذا أضاف؟") use the history."""
    from ingest.store import StoreError

    try:
        assistant = _assistant(store)
    except (StoreError, ImportError) as exc:
        _fail(str(exc))
        return
    history: list[str] = []
    out.print("aqwal — ask about the articles in the store (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("› ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not question or question.lower() in {"exit", "quit", "خروج"}:
            break
        _print_answer(assistant.ask(question, history))
        history.append(question)
        out.print()


@app.command()
def quotes(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, zips, or - for JSONL on stdin.")],
    json_out: JsonOpt = False,
    text_field: Annotated[str, typer.Option("--text-field", help="Text field of JSON records.")] = "text",
) -> None:
    """Extract statements without a store: one JSON object per line with --json."""
    from ingest.loaders import Loader
    from ingest.speech import extract_statements

    loader = Loader(text_field=text_field, max_bytes=_settings(None).max_article_bytes)
    for art in loader.load(paths):
        sts = extract_statements(art.id, art.text)
        if json_out:
            for st in sts:
                _print_json(st.to_dict())
            continue
        out.print(f"[bold]{art.id}[/] {art.title} — {len(sts)} statements", highlight=False)
        for st in sts:
            who = st.speaker_canonical or st.speaker
            extra = f" ({st.speaker_en})" if st.speaker_en else ""
            via = f" via {', '.join(st.via)}" if st.via else ""
            line = f"  [{st.start}:{st.end}] {who}{extra} — {st.cue} [{st.kind}]{via}"
            out.print(line, highlight=False, markup=False)
            out.print(f"    «{st.quote}»", highlight=False, markup=False)
    for sk in loader.skipped:
        err.print(f"skipped {sk.path}: {sk.reason}", highlight=False, markup=False)


def _shared_default(*parts: str) -> Path:
    return SHARED.joinpath(*parts)


ArticlesOpt = Annotated[Path, typer.Option("--articles", help="Articles JSONL (default: the shared eval set).")]
GoldOpt = Annotated[Path, typer.Option("--gold", help="Gold statements JSONL.")]
QuestionsOpt = Annotated[Path, typer.Option("--questions", help="Questions JSONL.")]


@eval_app.command("attribution")
def eval_attribution(
    articles: ArticlesOpt = _shared_default("eval", "articles.jsonl"),
    gold: GoldOpt = _shared_default("eval", "gold.jsonl"),
    json_out: JsonOpt = False,
) -> None:
    """Score statement extraction against gold: span and joint P/R/F1, cue and kind accuracy."""
    from ingest.speech.evaluate import evaluate_attribution, format_report

    for p in (articles, gold):
        if not p.exists():
            _fail(f"{p} not found; pass --articles and --gold")
    report = evaluate_attribution(articles, gold)
    if json_out:
        _print_json(report)
    else:
        out.print(format_report(report), highlight=False, markup=False)


@eval_app.command("qa")
def eval_qa(
    articles: ArticlesOpt = _shared_default("eval", "articles.jsonl"),
    questions: QuestionsOpt = _shared_default("eval", "questions.jsonl"),
    gold: GoldOpt = _shared_default("eval", "gold.jsonl"),
    json_out: JsonOpt = False,
) -> None:
    """Ingest into a temporary store, ask every question, report recall, precision, verbatim rate, latency."""
    from chat.evaluate import evaluate_qa, format_qa_report

    for p in (articles, questions, gold):
        if not p.exists():
            _fail(f"{p} not found; pass --articles, --questions and --gold")
    report = evaluate_qa(articles, questions, gold, settings=_settings(None))
    if json_out:
        _print_json(report)
    else:
        out.print(format_qa_report(report), highlight=False, markup=False)


@app.command()
def web(
    host: Annotated[str, typer.Option("--host", help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    store: StoreOpt = None,
) -> None:
    """Start the web chat (Chainlit) on the store."""
    from chat.web.server import run as run_web

    run_web(_settings(store), host=host, port=port)


@app.command()
def slack(
    host: Annotated[str, typer.Option("--host", help="Interface to bind (HTTP mode).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port for HTTP mode.")] = 3000,
    store: StoreOpt = None,
) -> None:
    """Run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode at /slack/events."""
    from chat.slack.server import run as run_slack

    run_slack(_settings(store), host=host, port=port)


def run() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    run()
