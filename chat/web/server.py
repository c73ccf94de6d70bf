"""Start the web chat: ``aqwal web`` → :func:`run`.

Chainlit reads its app root (``.chainlit/config.toml``, ``public/``, ``chainlit.md``, the
``.files`` upload folder, translations) from ``CHAINLIT_APP_ROOT`` *when it is first imported*,
and writes into it. The package directory may be read-only and is shared by every store, so
each store gets its own app root, ``STORE/web/``, refreshed from the packaged files at every
start; uploads and the feedback database then live with the data they belong to.

Chainlit's page template links Google Fonts and a KaTeX stylesheet on a CDN; fonts are served
from ``public/fonts`` (``theme.json`` ``custom_fonts``) and every remaining off-machine
``<link>``/``<script>`` is stripped from the served HTML, so the page makes no outside request.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from chat.web.config import UPLOAD_SUFFIXES, WebSettings, get_web_settings
from ingest.settings import Settings

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
APP_FILE = PACKAGE_DIR / "app.py"
SECRET_FILE = "chainlit_auth_secret"

CHAINLIT_MD = """# aqwal — أقوال

اسأل عمّا قيل في الأخبار العربية: كل اقتباس منقول حرفيًا من نص المقالة مع قائله.
انقر «عرض في المقالة» لترى موضع الاقتباس في المقالة.

Ask who said what in Arabic news: every quote is verbatim from the article, with its speaker.
Click “Show in article” to see where a quote sits in its source. Drop `.txt`, `.json`,
`.jsonl` or `.zip` files into the chat to add articles.
"""

# Chainlit's stock strings promise an LLM and an e-mail login; aqwal has neither by default.
UI_STRINGS = {
    "en": {
        "chat.input.placeholder": "Ask in Arabic or English, or attach .txt / .json / .jsonl / .zip articles",
        "chat.watermark": "Quotes are verbatim spans of the stored articles — open a card's source to check",
        "auth.login.form.email.label": "Name",
        "auth.login.form.email.placeholder": "reader",
    },
    "ar": {
        "chat.input.placeholder": "اسأل بالعربية أو الإنجليزية، أو أرفق ملفات مقالات",
        "chat.watermark": "الاقتباسات منقولة حرفيًا من المقالات المخزنة — افتح المصدر للتحقق",
        "auth.login.form.email.label": "الاسم",
        "auth.login.form.email.placeholder": "قارئ",
    },
}

_EXTERNAL_TAG = re.compile(
    r"""<link\b[^>]*\bhref=["']https?://[^"']*["'][^>]*/?>\s*"""
    r"""|<script\b[^>]*\bsrc=["']https?://[^"']*["'][^>]*>\s*</script>\s*""",
    re.IGNORECASE,
)
_EXTERNAL_META = re.compile(r"""(<meta\b[^>]*\bcontent=["'])https?://[^"']*(["'])""", re.IGNORECASE)


def strip_external(html: str) -> str:
    """Remove links, stylesheets and scripts that would be fetched from another host."""
    html = _EXTERNAL_TAG.sub("", html)
    return _EXTERNAL_META.sub(r"\1\2", html)


def auth_secret(app_root: Path) -> str:
    """The JWT secret Chainlit needs for login, generated once per store and kept there (0600)."""
    path = app_root / SECRET_FILE
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    value = secrets.token_urlsafe(48)
    path.write_text(value + "\n", encoding="utf-8")
    path.chmod(0o600)
    return value


def render_config(template: str, web: WebSettings) -> str:
    """The packaged ``config.toml`` with the upload limits of this run filled in."""
    text = re.sub(r"(?m)^(\s*max_size_mb\s*=\s*)\d+", rf"\g<1>{web.web_max_upload_mb}", template)
    return re.sub(r"(?m)^(\s*max_files\s*=\s*)\d+", rf"\g<1>{web.web_max_files}", text)


def prepare_app_root(settings: Settings, web: WebSettings) -> Path:
    """Create or refresh ``STORE/web`` from the packaged config and public files."""
    root = Path(settings.store) / "web"
    (root / ".chainlit").mkdir(parents=True, exist_ok=True)
    template = (PACKAGE_DIR / ".chainlit" / "config.toml").read_text(encoding="utf-8")
    (root / ".chainlit" / "config.toml").write_text(render_config(template, web), encoding="utf-8")
    # Chainlit refuses symlinked public files (it checks the resolved path), so copy them.
    public = root / "public"
    if public.exists():
        shutil.rmtree(public)
    shutil.copytree(PACKAGE_DIR / "public", public)
    (root / "chainlit.md").write_text(CHAINLIT_MD, encoding="utf-8")
    return root


def localize_translations(folder: Path) -> None:
    """Replace a few stock UI strings in every translation file (Arabic ones in Arabic)."""
    for path in folder.glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("unreadable translation file %s", path)
            continue
        strings = UI_STRINGS["ar" if path.stem.startswith("ar") else "en"]
        for dotted, value in strings.items():
            node = data
            *parents, leaf = dotted.split(".")
            for key in parents:
                node = node.get(key) if isinstance(node, dict) else None
            if isinstance(node, dict) and leaf in node:
                node[leaf] = value
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def harden_chainlit(filter_html: Callable[[str], str] = strip_external) -> None:
    """Serve Chainlit's page without its CDN links (KaTeX, font preconnects).

    ``chainlit.server.serve`` looks ``get_html_template`` up at call time, so wrapping the
    module attribute is enough; the wrapper keeps Chainlit's own injection of our CSS/JS/fonts.
    """
    import chainlit.server as cl_server

    original = cl_server.get_html_template
    if getattr(original, "_aqwal_wrapped", False):
        return

    def get_html_template(root_path: str) -> str:
        return filter_html(original(root_path))

    get_html_template._aqwal_wrapped = True  # type: ignore[attr-defined]
    cl_server.get_html_template = get_html_template


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the Chainlit web chat on ``settings.store`` until interrupted."""
    if "chainlit.config" in sys.modules:
        raise RuntimeError("chat.web.server.run must start before chainlit is imported (it reads its root then)")
    web = get_web_settings()
    root = prepare_app_root(settings, web)
    os.environ["CHAINLIT_APP_ROOT"] = str(root)
    os.environ["AQWAL_STORE"] = str(Path(settings.store).resolve())
    os.environ["CHAINLIT_HOST"] = host
    os.environ["CHAINLIT_PORT"] = str(port)
    if web.web_password and not os.environ.get("CHAINLIT_AUTH_SECRET"):
        os.environ["CHAINLIT_AUTH_SECRET"] = auth_secret(root)
    # Chainlit's analytics hooks (where a version has them) read these; keep them off.
    os.environ.setdefault("LITERAL_DISABLE", "true")
    os.environ.pop("LITERAL_API_KEY", None)

    from chainlit.cli import run_chainlit
    from chainlit.config import init_config

    init_config()  # translations into STORE/web/.chainlit (the config file already exists)
    localize_translations(root / ".chainlit" / "translations")
    harden_chainlit()
    log.warning("aqwal web: http://%s:%d (store %s, uploads %s up to %d MB%s)", host, port, settings.store,
                " ".join(UPLOAD_SUFFIXES), web.web_max_upload_mb, ", password login" if web.web_password else "")
    run_chainlit(str(APP_FILE))
