"""The web chat in a real browser: `aqwal web` on a real store, driven by Playwright + Debian chromium.

One server on a store holding the bundled sample serves the answer, source-panel, follow-up,
upload and feedback tests; a second one, with AQWAL_WEB_PASSWORD, the login test. Every page
records requests that would leave 127.0.0.1 (they are aborted) and each test asserts there were
none. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SAMPLE = ROOT / "ingest" / "data" / "sample" / "seed-000.txt"
EVAL = ROOT.parent / "shared" / "eval"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
UPLOAD_ID = "snn-2015-07-27-0996"

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")


def _gold() -> dict[str, dict]:
    path = EVAL / "gold.jsonl"
    return {r["quote_id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    if not (EVAL / "gold.jsonl").exists():
        pytest.skip(f"{EVAL / 'gold.jsonl'} not found")
    return _gold()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AQWAL_WEB_PASSWORD", "CHAINLIT_"))}
    env.update({"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "NO_PROXY": "*"})
    env.update(extra)
    return env


class WebServer:
    def __init__(self, store: Path, log: Path, **env: str) -> None:
        self.store = store
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._out = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "chat.cli", "web", "--port", str(self.port), "--store", str(store)],
            cwd=ROOT, env=_env(**env), stdout=self._out, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"aqwal web exited: {log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"aqwal web did not start: {log.read_text(errors='replace')[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._out.close()


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("webstore") / "store"
    run = subprocess.run([sys.executable, "-m", "chat.cli", "ingest", str(SAMPLE), "--store", str(store), "--json"],
                         cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.splitlines()[-1])["articles"] == 1
    return store


@pytest.fixture(scope="module")
def web(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    server = WebServer(sample_store, tmp_path_factory.mktemp("weblog") / "web.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page whose requests to other hosts are recorded and aborted."""

    def __init__(self, browser: object) -> None:
        self.context = browser.new_context(viewport={"width": 1440, "height": 960}, locale="ar")
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", self._seen)
        self.page.on("websocket", lambda ws: self._check(ws.url))

    def _check(self, url: str) -> None:
        parsed = urlparse(url)
        if parsed.scheme in {"http", "https", "ws", "wss"} and parsed.hostname not in LOCAL_HOSTS:
            self.outside.append(url)

    def _seen(self, request: object) -> None:
        self._check(request.url)

    def _route(self, route: object) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("http", "ws")) and host not in LOCAL_HOSTS:
            self.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    p = Page(browser)
    yield p.page
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        p.page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    except Exception:  # noqa: BLE001 - a failed screenshot must not hide the test result
        pass
    p.close()
    assert not p.outside, f"requests left the machine: {sorted(set(p.outside))}"


def open_chat(page: object, url: str) -> None:
    """Load the chat and wait until its socket is connected (see :func:`ask`)."""
    page.goto(url)
    page.wait_for_selector("#chat-input", timeout=30_000)
    page.fill("#chat-input", "?")
    page.wait_for_selector("#chat-submit:not([disabled])", timeout=30_000)
    page.fill("#chat-input", "")


def ask(page: object, question: str, timeout: float = 90_000) -> object:
    """Send a question once the socket is connected; return the answer message.

    Chainlit drops input sent before its socket connects; its submit button is enabled only when
    connected, idle and the input is non-empty, so typing and waiting for it is the signal.
    """
    page.fill("#chat-input", question)
    page.wait_for_selector("#chat-submit:not([disabled])", timeout=30_000)
    n_steps = page.locator("[data-step-type='assistant_message']").count()
    page.click("#chat-submit")
    page.wait_for_function(
        "n => document.querySelectorAll(\"[data-step-type='assistant_message']\").length > n",
        arg=n_steps, timeout=timeout,
    )
    return page.locator("[data-step-type='assistant_message']").last


def card_with(page: object, text: str, timeout: float = 60_000) -> object:
    card = page.locator(".aqwal-card", has=page.locator(".aqwal-quote", has_text=text)).last
    card.wait_for(timeout=timeout)
    return card


def test_answer_cards_rtl_source_panel_and_follow_up(web: WebServer, page: object, gold: dict) -> None:
    csto, france = gold["seed-000-q12"], gold["seed-000-q13"]
    open_chat(page, web.url)
    ask(page, "ماذا قالت منظمة معاهدة الأمن الجماعي؟")
    card = card_with(page, csto["quote"])
    quote = card.locator(".aqwal-quote")
    assert csto["quote"] in quote.inner_text()
    assert csto["speaker"] in card.locator(".aqwal-speaker").inner_text()
    assert quote.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert card.evaluate("e => getComputedStyle(e).direction") == "rtl"

    card.locator(".aqwal-open-source").click()
    panel = page.locator("#side-view-content .aqwal-source")
    panel.wait_for(timeout=30_000)
    marked = panel.locator("mark.aqwal-hl").evaluate_all("ms => ms.map(m => m.textContent).join('')")
    assert csto["quote"] in marked
    article = SAMPLE.read_text(encoding="utf-8")
    speaker_marks = panel.locator("mark.aqwal-speaker-mark").all_inner_texts()
    assert article[csto["speaker_start"]:csto["speaker_end"]] in "".join(speaker_marks)
    assert panel.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # scrolled to the span: the highlight is inside the visible part of the panel
    box, view = panel.locator("mark.aqwal-hl").first.bounding_box(), page.viewport_size
    assert box and 0 <= box["y"] < view["height"]

    ask(page, "وماذا عن فرنسا؟")
    fr = card_with(page, france["quote"])
    assert france["speaker"] in fr.locator(".aqwal-speaker").inner_text()
    assert fr.locator(".aqwal-quote").evaluate("e => getComputedStyle(e).direction") == "rtl"
    ARTIFACTS.mkdir(exist_ok=True)
    card.locator(".aqwal-open-source").click()
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "web-answer.png"))


def test_english_question_gets_english_labels(web: WebServer, page: object, gold: dict) -> None:
    open_chat(page, web.url)
    ask(page, "What did the CSTO say?")
    card = card_with(page, gold["seed-000-q12"]["quote"])
    assert card.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert card.locator(".aqwal-quote").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "speech verb" in card.inner_text()


def _upload(page: object, path: Path) -> None:
    page.set_input_files("#upload-button-input", str(path))
    page.wait_for_selector("#chat-submit:not([disabled])", timeout=30_000)
    n = page.locator("[data-step-type='assistant_message']").count()
    page.click("#chat-submit")
    page.wait_for_function(
        "n => [...document.querySelectorAll(\"[data-step-type='assistant_message']\")].slice(n)"
        ".some(e => !e.innerText.includes('⏳'))",
        arg=n, timeout=120_000,
    )


def test_upload_an_article_then_ask_about_it(web: WebServer, page: object, gold: dict,
                                            tmp_path: Path) -> None:
    record = next(r for r in map(json.loads, (EVAL / "articles.jsonl").read_text(encoding="utf-8").splitlines())
                  if r["id"] == UPLOAD_ID)
    upload = tmp_path / "aden.jsonl"
    upload.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    open_chat(page, web.url)
    _upload(page, upload)
    summary = page.locator("[data-step-type='assistant_message']").last
    assert "Ingested 1 article" in summary.inner_text()
    ask(page, "ماذا قال فان در كلاوو؟")
    page.locator(f".aqwal-card[data-article-id='{UPLOAD_ID}']").first.wait_for(timeout=60_000)
    quotes = page.locator(".aqwal-quote").all_inner_texts()
    expected = [g["quote"] for g in gold.values() if g["article_id"] == UPLOAD_ID and "كلاوو" in g["speaker_canonical"]]
    assert any(e in q for q in quotes for e in expected), quotes


def test_malformed_upload_is_reported_and_chat_keeps_working(web: WebServer, page: object, gold: dict,
                                                             tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x1", "text": "قال\n{not json at all\n', encoding="utf-8")
    open_chat(page, web.url)
    _upload(page, broken)
    summary = page.locator("[data-step-type='assistant_message']").last.inner_text()
    assert "broken.jsonl" in summary and ("Skipped" in summary or "No article" in summary), summary
    ask(page, "ماذا قالت منظمة معاهدة الأمن الجماعي؟")
    card_with(page, gold["seed-000-q12"]["quote"])


def test_feedback_is_stored_in_sqlite(web: WebServer, page: object, gold: dict) -> None:
    open_chat(page, web.url)
    question = "ماذا قالت فرنسا؟"
    msg = ask(page, question)
    card_with(page, gold["seed-000-q13"]["quote"])
    msg.locator(".positive-feedback-off").click()
    page.locator("[role=dialog] textarea").fill("مفيد — useful")
    page.locator("#submit-feedback").click()
    page.wait_for_selector(".positive-feedback-on", timeout=15_000)
    db = web.store / "feedback.sqlite3"
    deadline = time.monotonic() + 10
    rows: list = []
    while time.monotonic() < deadline and not rows:
        with sqlite3.connect(db) as con:
            rows = con.execute("SELECT value, comment, question, answer, quote_ids FROM feedback WHERE question = ?",
                               (question,)).fetchall()
        time.sleep(0.2)
    assert rows, "no feedback row"
    value, comment, q, answer, quote_ids = rows[-1]
    assert value == 1 and comment == "مفيد — useful" and q == question
    assert gold["seed-000-q13"]["quote"] in answer
    assert json.loads(quote_ids)


def test_page_uses_no_outside_resources(web: WebServer, page: object) -> None:
    fonts: list[str] = []
    page.on("response", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") and r.ok else None)
    open_chat(page, web.url)
    html = urllib.request.urlopen(web.url + "/", timeout=10).read().decode()
    assert "googleapis" not in html and "jsdelivr" not in html and "https://" not in html
    page.fill("#chat-input", "ماذا قالت فرنسا؟")  # Arabic text makes the browser load the Arabic font
    page.wait_for_function("() => document.fonts.check('16px \"Aqwal Naskh\"', 'قال')", timeout=15_000)
    page.wait_for_timeout(500)
    assert any("/public/fonts/" in f for f in fonts), fonts
    assert page.locator("#chat-input").evaluate("e => getComputedStyle(e).unicodeBidi") == "plaintext"


@pytest.fixture(scope="module")
def web_with_password(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    store = tmp_path_factory.mktemp("webpw") / "store"
    server = WebServer(store, tmp_path_factory.mktemp("weblog") / "web-pw.log", AQWAL_WEB_PASSWORD="sesame-٣")
    yield server
    server.stop()


def test_password_login(web_with_password: WebServer, page: object) -> None:
    page.goto(web_with_password.url)
    page.wait_for_selector("input[type=password]", timeout=30_000)
    assert page.locator("#chat-input").count() == 0
    page.locator("input:not([type=password])").first.fill("reader")
    page.locator("input[type=password]").fill("wrong")
    page.locator("button[type=submit]").click()
    page.wait_for_timeout(1000)
    assert page.locator("#chat-input").count() == 0
    page.locator("input[type=password]").fill("sesame-٣")
    page.locator("button[type=submit]").click()
    page.wait_for_selector("#chat-input", timeout=30_000)
    msg = ask(page, "What did France say?")
    assert msg.inner_text().strip()  # an (empty-store) answer came back through the socket
    assert (web_with_password.store / "web" / "chainlit_auth_secret").stat().st_mode & 0o077 == 0


@pytest.fixture(scope="module")
def web_with_llm(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    server = WebServer(sample_store, tmp_path_factory.mktemp("weblog") / "web-llm.log",
                       PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests'}", AQWAL_WEB_ASSISTANT="fake_llm:web_assistant")
    yield server
    server.stop()


def test_llm_framing_streams_without_invented_quotes(web_with_llm: WebServer, page: object, gold: dict) -> None:
    open_chat(page, web_with_llm.url)
    msg = ask(page, "What did the CSTO say?")
    card = card_with(page, gold["seed-000-q12"]["quote"])
    page.wait_for_function("() => document.body.innerText.includes('The CSTO secretariat rejected')", timeout=30_000)
    text = msg.inner_text()
    assert "we will bomb them" not in page.content()  # the model's invented quote never reaches the page
    assert "[1]" in text
    assert "machine translation" in card.inner_text() and "unacceptable" in card.inner_text()
    assert gold["seed-000-q12"]["quote"] in card.locator(".aqwal-quote").inner_text()
