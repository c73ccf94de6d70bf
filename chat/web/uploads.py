"""Checks and staging for files dropped into the chat, before they reach ``Assistant.ingest``.

Chainlit saves uploads under random names; the loaders derive a ``.txt`` article's id from
its file name, so each accepted file is copied to a private temporary folder under the name
the user gave it. Type and size are checked here, again, because the browser's checks can be
bypassed and its messages are not ours.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from chat.web.config import UPLOAD_SUFFIXES, WebSettings

log = logging.getLogger(__name__)


@dataclass
class Upload:
    name: str
    path: Path
    size: int


@dataclass
class Staged:
    folder: Path | None = None
    names: list[str] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def cleanup(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def safe_name(name: str) -> str:
    """The last path component, without control characters; never empty or hidden."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip() or "upload"
    return base.lstrip(".") or "upload"


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def check_upload(name: str, size: int, limits: WebSettings) -> str | None:
    """Why a file is refused (type, size, emptiness), or None when it may be ingested."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        kinds = ", ".join(UPLOAD_SUFFIXES)
        return f"unsupported file type {suffix or '(none)'}; accepted: {kinds} — نوع الملف غير مدعوم"
    if size > limits.max_upload_bytes:
        return (f"too large ({human_size(size)}); the limit is {limits.web_max_upload_mb} MB "
                f"(AQWAL_WEB_MAX_UPLOAD_MB) — الملف أكبر من الحد المسموح")
    if size == 0:
        return "empty file — الملف فارغ"
    return None


def stage(uploads: list[Upload], limits: WebSettings) -> Staged:
    """Copy the acceptable uploads to a fresh temporary folder under their own names."""
    staged = Staged()
    if len(uploads) > limits.web_max_files:
        for up in uploads[limits.web_max_files:]:
            staged.rejected.append((up.name, f"more than {limits.web_max_files} files in one message"))
        uploads = uploads[: limits.web_max_files]
    for up in uploads:
        reason = check_upload(up.name, up.size, limits)
        if reason:
            staged.rejected.append((up.name, reason))
            continue
        if staged.folder is None:
            staged.folder = Path(tempfile.mkdtemp(prefix="aqwal-upload-"))
        name = safe_name(up.name)
        target = staged.folder / name
        i = 1
        while target.exists():
            target = staged.folder / f"{Path(name).stem}-{i}{Path(name).suffix}"
            i += 1
        try:
            shutil.copyfile(up.path, target)
        except OSError as exc:
            log.warning("cannot read upload %s: %s", up.name, exc)
            staged.rejected.append((up.name, f"could not be read: {exc.strerror or exc}"))
            continue
        staged.names.append(up.name)
        staged.paths.append(target)
    return staged
