"""Read articles from files, directories, zips and stdin; never let one bad input stop a batch.

Every problem becomes a :class:`Skipped` with the path and a reason a person can act on
(the line number of a malformed JSON line, "binary file", "no text", "too large").
The article text is kept exactly as decoded: no stripping, no normalisation.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ingest.records import Article

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".json", ".jsonl", ".zip")
KNOWN_FIELDS = ("id", "title", "text", "url", "published", "source")


@dataclass
class Skipped:
    path: str
    reason: str


class DecodeError(ValueError):
    pass


def decode_bytes(data: bytes) -> str:
    """UTF-8 (BOM tolerated), else Windows-1256; binary data raises :class:`DecodeError`."""
    if not data:
        return ""
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise DecodeError("neither UTF-8 nor Windows-1256 text") from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text[:8192]) // 100):
        raise DecodeError("binary file (control bytes), not text")
    return text


def _stable_id(prefix: str, record: dict[str, Any], text: str) -> str:
    key = str(record.get("url") or "") or text
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


class Loader:
    """Turns inputs into articles and skip reasons.

    ``text_field`` names the text field for other schemas (SaudiNewsNet: ``content``);
    ``max_bytes`` bounds one article's text (UTF-8 size).
    """

    def __init__(self, text_field: str = "text", max_bytes: int = 5_000_000) -> None:
        self.text_field = text_field
        self.max_bytes = max_bytes
        self.skipped: list[Skipped] = []

    def skip(self, path: str, reason: str) -> None:
        log.info("skipped %s: %s", path, reason)
        self.skipped.append(Skipped(path, reason))

    # --- entry point -----------------------------------------------------------------
    def load(self, paths: Iterable[str | Path]) -> Iterator[Article]:
        for p in paths:
            if str(p) == "-":
                yield from self._jsonl(sys.stdin.buffer, "<stdin>")
                continue
            path = Path(p)
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if child.is_file() and child.suffix.lower() in SUPPORTED:
                        yield from self._file(child)
            elif path.is_file():
                yield from self._file(path)
            else:
                self.skip(str(path), "no such file or directory")

    # --- files -----------------------------------------------------------------------
    def _file(self, path: Path) -> Iterator[Article]:
        try:
            with path.open("rb") as fh:
                yield from self._stream(fh, path.name, str(path))
        except OSError as exc:
            self.skip(str(path), f"cannot read: {exc.strerror or exc}")

    def _stream(self, fh: BinaryIO, name: str, label: str) -> Iterator[Article]:
        suffix = Path(name).suffix.lower()
        if suffix == ".zip":
            yield from self._zip(fh, label)
        elif suffix == ".jsonl":
            yield from self._jsonl(fh, label)
        elif suffix == ".json":
            yield from self._json(fh.read(), label)
        elif suffix == ".txt":
            yield from self._txt(fh.read(), Path(name).stem, label)
        else:
            self.skip(label, f"unsupported file type {suffix or '(none)'}; use {', '.join(SUPPORTED)}")

    def _zip(self, fh: BinaryIO, label: str) -> Iterator[Article]:
        try:
            data = fh.read()
            zf = zipfile.ZipFile(io.BytesIO(data))
            names = [i for i in zf.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, OSError) as exc:
            self.skip(label, f"not a readable zip archive: {exc}")
            return
        for info in names:
            member = f"{label}!{info.filename}"
            if Path(info.filename).suffix.lower() not in SUPPORTED[:-1]:
                if not info.filename.startswith("__MACOSX"):
                    self.skip(member, "unsupported file type inside zip")
                continue
            try:
                with zf.open(info) as inner:
                    yield from self._stream(io.BufferedReader(inner), info.filename, member)  # type: ignore[arg-type]
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                self.skip(member, f"cannot read zip member: {exc}")

    def _txt(self, data: bytes, stem: str, label: str) -> Iterator[Article]:
        try:
            text = decode_bytes(data)
        except DecodeError as exc:
            self.skip(label, str(exc))
            return
        if not text.strip():
            self.skip(label, "empty file")
            return
        article = self._check(Article(id=stem, text=text), label)
        if article:
            yield article

    def _json(self, data: bytes, label: str) -> Iterator[Article]:
        try:
            payload = json.loads(decode_bytes(data))
        except DecodeError as exc:
            self.skip(label, str(exc))
            return
        except json.JSONDecodeError as exc:
            self.skip(label, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
            return
        records = payload if isinstance(payload, list) else [payload]
        stem = Path(label.split("!")[-1]).stem
        for i, rec in enumerate(records):
            yield from self._record(rec, f"{label}[{i}]", stem)

    def _jsonl(self, fh: BinaryIO, label: str) -> Iterator[Article]:
        stem = Path(label.split("!")[-1]).stem if label != "<stdin>" else "stdin"
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{label}:{lineno}"
            try:
                rec = json.loads(decode_bytes(raw))
            except DecodeError as exc:
                self.skip(where, f"line {lineno}: {exc}")
                continue
            except json.JSONDecodeError as exc:
                self.skip(where, f"malformed JSON on line {lineno}: {exc.msg}")
                continue
            yield from self._record(rec, where, stem)

    def _record(self, rec: Any, where: str, stem: str) -> Iterator[Article]:
        if not isinstance(rec, dict):
            self.skip(where, f"record is a JSON {type(rec).__name__}, not an object")
            return
        text = rec.get(self.text_field)
        if not isinstance(text, str) or not text.strip():
            self.skip(where, f"record has no text (field {self.text_field!r})")
            return
        meta = {k: v for k, v in rec.items() if k not in KNOWN_FIELDS and k != self.text_field}
        art_id = str(rec.get("id") or "").strip() or _stable_id(stem, rec, text)
        article = Article(
            id=art_id,
            text=text,
            title=str(rec.get("title") or ""),
            url=str(rec.get("url") or ""),
            published=str(rec.get("published") or ""),
            source=str(rec.get("source") or ""),
            meta=meta,
        )
        article = self._check(article, where)
        if article:
            yield article

    def _check(self, article: Article, where: str) -> Article | None:
        if not article.text.strip():
            self.skip(where, "empty text")
            return None
        size = len(article.text.encode("utf-8"))
        if size > self.max_bytes:
            self.skip(where, f"article of {size:,} bytes is over the {self.max_bytes:,}-byte limit")
            return None
        return article
