"""Web chat without a browser: cards, source-panel segments, upload checks, feedback, page hardening."""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from chat.answer import Answer, Quote
from chat.web import render
from chat.web.config import WebSettings
from chat.web.uploads import Upload, check_upload, safe_name, stage

# Importing chainlit creates .chainlit/ and .files/ in its app root (the cwd by default).
os.environ.setdefault("CHAINLIT_APP_ROOT", tempfile.mkdtemp(prefix="aqwal-chainlit-root-"))
pytest.importorskip("chainlit")

TEXT = "من جانبها قالت الأمانة العامة للمنظمة إنها تعتبر القوة غير مقبولة. وقالت فرنسا إنها ستتجه إلى مجلس الأمن."


def _quote(**kw) -> Quote:
    start = TEXT.index("تعتبر")
    end = TEXT.index(". وقالت")
    base = dict(id="a-q1", article_id="a", title="عنوان", speaker="الأمانة العامة للمنظمة",
                speaker_canonical="الأمانة العامة للمنظمة", speaker_en="Secretariat", cue="قالت", kind="indirect",
                quote=TEXT[start:end], start=start, end=end, speaker_start=TEXT.index("الأمانة"),
                speaker_end=TEXT.index(" إنها"))
    base.update(kw)
    return Quote(**base)


def test_segments_rebuild_the_article_and_mark_quote_and_speaker() -> None:
    q = _quote()
    segs = render.source_segments(TEXT, q.start, q.end, q.speaker_start, q.speaker_end)
    assert "".join(s["text"] for s in segs) == TEXT
    assert "".join(s["text"] for s in segs if s["quote"]) == q.quote
    assert "".join(s["text"] for s in segs if s["speaker"]) == "الأمانة العامة للمنظمة"


def test_segments_ignore_missing_or_bad_speaker_offsets() -> None:
    q = _quote()
    for ss, se in ((-1, -1), (5, 4), (0, len(TEXT) + 9)):
        segs = render.source_segments(TEXT, q.start, q.end, ss, se)
        assert not any(s["speaker"] for s in segs)
        assert "".join(s["text"] for s in segs if s["quote"]) == q.quote
    assert render.source_segments(TEXT, 10, 5) == [{"text": TEXT, "quote": False, "speaker": False}]


def test_segments_keep_markup_as_plain_text() -> None:
    text = 'قال <b>"x"</b> إن <script>alert(1)</script> انتهى'
    start = text.index("<script>")
    segs = render.source_segments(text, start, start + len("<script>alert(1)</script>"))
    assert [s["text"] for s in segs if s["quote"]] == ["<script>alert(1)</script>"]  # React escapes strings


def test_locate_falls_back_to_the_text_when_offsets_moved() -> None:
    q = _quote()
    assert render.locate(TEXT, q) == (q.start, q.end)
    assert render.locate("xx" + TEXT, q) == (q.start + 2, q.end + 2)
    assert render.locate("nothing here", q) is None


def test_card_props_arabic_card_is_rtl_with_speaker_and_panel() -> None:
    props = render.card_props(_quote(), "ar", 1, TEXT, "عنوان")
    assert props["dir"] == "rtl" and props["quote_dir"] == "rtl"
    assert props["speaker"] == "الأمانة العامة للمنظمة" and props["speaker_en"] == "Secretariat"
    assert props["kind_label"] == render.LABELS["ar"]["indirect"]
    panel = props["panel"]
    assert "".join(s["text"] for s in panel["segments"] if s["quote"]) == props["quote"]
    assert panel["dir"] == "rtl" and panel["note"] == ""
    json.dumps(props)  # Chainlit sends props as JSON


def test_card_props_english_labels_and_unlocatable_quote() -> None:
    props = render.card_props(_quote(quote="غير موجود", start=0, end=9), "en", 2, "نص آخر تماما")
    assert props["dir"] == "ltr" and props["labels"]["cue"] == "speech verb"
    assert props["quote_dir"] == "rtl"
    assert props["panel"]["note"] and not any(s["quote"] for s in props["panel"]["segments"])
    assert render.card_props(_quote(), "en", 1)["panel"] is None


def test_framing_drops_the_list_the_cards_repeat() -> None:
    q = _quote()
    listed = Answer(question="?", language="ar", quotes=[q],
                    answer=f"في المصادر تصريح:\n\n**{q.speaker}**\n- قالت: «{q.quote}» — عنوان")
    assert render.framing_text(listed) == "في المصادر تصريح:"
    prose = Answer(question="?", language="en", quotes=[q], answer="The secretariat rejected force [1].")
    assert render.framing_text(prose) == "The secretariat rejected force [1]."
    none = Answer(question="?", language="en", answer="No statement.", no_answer=True)
    assert render.framing_text(none) == "No statement."


def test_is_arabic_and_ui_language() -> None:
    assert render.is_arabic("قال الرئيس 2021 CSTO")
    assert not render.is_arabic("The CSTO said")
    assert render.ui_language(Answer(question="q", language="en", answer="")) == "en"
    assert render.ui_language(Answer(question="q", language="ar", answer="")) == "ar"


def test_upload_summary_reports_articles_skips_and_refusals() -> None:
    report = SimpleNamespace(articles=1, statements=4, chunks=3,
                             skipped=[SimpleNamespace(path="/tmp/aqwal-upload-x1/bad.jsonl:2", reason="invalid JSON")])
    text = render.upload_summary(report, ["a.jsonl", "bad.jsonl"], [("notes.pdf", "unsupported file type .pdf")])
    assert "Ingested 1 article (4 statements)" in text
    assert "`bad.jsonl:2`: invalid JSON" in text
    assert "`notes.pdf`: unsupported file type .pdf" in text
    empty = render.upload_summary(SimpleNamespace(articles=0, statements=0, skipped=[]), ["x.txt"])
    assert "No article could be ingested" in empty


def test_check_upload_type_size_and_empty() -> None:
    limits = WebSettings(web_max_upload_mb=1)
    assert check_upload("a.jsonl", 10, limits) is None
    assert check_upload("A.TXT", 10, limits) is None
    assert "unsupported file type .pdf" in check_upload("a.pdf", 10, limits)
    assert "too large" in check_upload("a.json", 2 * 1024 * 1024, limits)
    assert "empty" in check_upload("a.zip", 0, limits)
    assert safe_name("../../etc/passwd") == "passwd" and safe_name("..") == "upload"


def test_stage_copies_under_the_given_name(tmp_path: Path) -> None:
    src = tmp_path / "9f1c.bin"
    src.write_text("نص", encoding="utf-8")
    staged = stage([Upload("خبر.txt", src, src.stat().st_size), Upload("x.exe", src, 3)], WebSettings())
    try:
        assert [p.name for p in staged.paths] == ["خبر.txt"]
        assert staged.paths[0].read_text(encoding="utf-8") == "نص"
        assert staged.rejected and staged.rejected[0][0] == "x.exe"
    finally:
        staged.cleanup()
    assert not staged.folder.exists()


def test_feedback_store_keeps_question_answer_and_quote_ids(tmp_path: Path) -> None:
    from chainlit.types import Feedback

    from chat.web.feedback import FeedbackStore, LocalDataLayer

    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    store.record_answer("m1", "t1", "ماذا قالت فرنسا؟", "answer text", ["a-q1", "a-q2"])
    layer = LocalDataLayer(store)
    fid = asyncio.run(layer.upsert_feedback(Feedback(forId="m1", value=1, comment="جيد")))
    again = asyncio.run(layer.upsert_feedback(Feedback(forId="m1", value=0, comment=None, id=fid)))
    assert again == fid
    rows = store.all()
    assert len(rows) == 1
    assert rows[0]["value"] == 0 and rows[0]["question"] == "ماذا قالت فرنسا؟"
    assert rows[0]["quote_ids"] == ["a-q1", "a-q2"]
    assert asyncio.run(layer.delete_feedback(fid)) and store.all() == []


def test_strip_external_removes_cdn_links_but_keeps_local_ones() -> None:
    from chat.web.server import strip_external

    html = """<link rel="preconnect" href="https://fonts.googleapis.com" />
<link href="https://fonts.googleapis.com/css2?family=Inter" rel="stylesheet" />
<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/katex/dist/katex.min.css" />
<meta property="og:image" content="https://example.com/x.png">
<script src="https://cdn.example.com/x.js"></script>
<link rel="stylesheet" href="/public/aqwal.css"><script type="module" src="/assets/index.js"></script>"""
    out = strip_external(html)
    assert "https://" not in out
    assert '/public/aqwal.css' in out and '/assets/index.js' in out


def test_render_config_fills_limits_and_keeps_privacy_switches() -> None:
    from chat.web.server import PACKAGE_DIR, render_config

    template = (PACKAGE_DIR / ".chainlit" / "config.toml").read_text(encoding="utf-8")
    text = render_config(template, WebSettings(web_max_upload_mb=3, web_max_files=2))
    import tomllib

    conf = tomllib.loads(text)
    assert conf["features"]["spontaneous_file_upload"]["max_size_mb"] == 3
    assert conf["features"]["spontaneous_file_upload"]["max_files"] == 2
    assert conf["project"]["enable_telemetry"] is False
    assert conf["features"]["latex"] is False and conf["features"]["unsafe_allow_html"] is False
    assert conf["UI"]["custom_css"] == "/public/aqwal.css"


def test_public_assets_are_local() -> None:
    from chat.web.server import PACKAGE_DIR

    public = PACKAGE_DIR / "public"
    theme = json.loads((public / "theme.json").read_text(encoding="utf-8"))
    assert all(f.startswith("/public/") for f in theme["custom_fonts"])
    for path in public.rglob("*"):
        if path.suffix in {".css", ".js", ".jsx", ".json"}:
            assert "http://" not in path.read_text(encoding="utf-8").replace("http://www.w3.org", "")
            assert "https://" not in path.read_text(encoding="utf-8")
    fonts = list((public / "fonts").glob("*.woff2"))
    assert fonts and all(f.stat().st_size < 200_000 for f in fonts)
    assert (public / "fonts" / "OFL.txt").exists()
