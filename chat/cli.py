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
