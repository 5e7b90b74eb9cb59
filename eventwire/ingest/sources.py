"""Walks the inputs (files, directories, `-` for stdin), picks a reader, and finishes each Article:
defaults from the command line, language, outlet, size limits."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from .. import settings
from ..article import Article
from ..errors import Failure
from ..outlets import find_outlet
from .language import detect_language
from .readers import READERS

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
}
# Files in a directory that are not news: skipped silently when walking a folder.
_IGNORED_NAMES = {"README.md", "LICENSE", ".DS_Store"}


def sniff(name: str, head: bytes) -> str:
    """The reader for a file: by extension, else by its first bytes."""
    kind = EXTENSIONS.get(Path(name).suffix.lower())
    if kind:
        return kind
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        return "feed" if (b"<rss" in start or b"<feed" in start or b"<rdf" in start) else "html"
    return "text"


def _files(paths: Iterable[str]) -> Iterator[tuple[str, Path | None, Failure | None]]:
    for raw in paths:
        if raw == "-":
            yield "-", None, None
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.startswith(".") or name in _IGNORED_NAMES:
                        continue
                    yield str(Path(root) / name), Path(root) / name, None
        elif path.exists():
            yield raw, path, None
        else:
            yield raw, None, Failure(raw, "not_found", "no such file or directory")


def _read_bytes(source: str, path: Path | None, limit: int) -> bytes:
    """At most `limit` + 1 bytes, so an oversized input is refused without loading it whole."""
    if path is None:
        return sys.stdin.buffer.read(limit + 1)
    with path.open("rb") as fh:
        return fh.read(limit + 1)


def finish(article: Article, *, published=None, url=None, outlet=None, lang=None) -> Article | Failure:
    """Apply command-line defaults, find the outlet, check size and language."""
    source = article.source_id or "?"
    if not article.text.strip():
        return Failure(source, "empty", "no text to analyse")
    if len(article.text) > settings.MAX_CHARS:
        return Failure(source, "too_large",
                       f"{len(article.text):,} characters, above max_chars={settings.MAX_CHARS:,}")
    article.published = article.published or published
    article.url = article.url or url
    given_outlet = article.outlet.domain or outlet
    article.outlet = find_outlet(outlet=given_outlet, url=article.url, site_name=article.outlet.name)
    requested = article.language or (lang if lang and lang != "auto" else None)
    article.language = requested or detect_language(article.text) or "en"
    if article.language not in settings.SUPPORTED_LANGUAGES:
        return Failure(source, "unsupported_language",
                       f"language '{article.language}' is not analysed yet "
                       f"(supported: {', '.join(settings.SUPPORTED_LANGUAGES)})")
    return article


def read_inputs(paths: Iterable[str], **defaults) -> Iterator[Article | Failure]:
    """Every article found under `paths`, or a Failure for each input that could not be read.

    `defaults` (published, url, outlet, lang) fill what a record or page does not say itself.
    """
    # Bytes can be up to 4 per character; a JSON Lines file or feed holds many articles, so its
    # cap is per file: 50x the per-article limit.
    limit = settings.MAX_CHARS * 4
    for source, path, failure in _files(paths):
        if failure:
            yield failure
            continue
        try:
            if path is not None:
                with path.open("rb") as fh:
                    kind = sniff(source, fh.read(512))
                cap = limit * 50 if kind in ("jsonl", "feed") else limit
                size = path.stat().st_size
                if size > cap:
                    yield Failure(source, "too_large", f"{size:,} bytes, above the {cap:,}-byte cap "
                                                       f"for one {kind} input (max_chars={settings.MAX_CHARS:,})")
                    continue
                data = _read_bytes(source, path, cap)
            else:
                data = _read_bytes(source, None, limit * 50)
                kind = sniff(source, data[:512])
                cap = limit * 50 if kind in ("jsonl", "feed") else limit
        except OSError as exc:
            yield Failure(source, "unreadable", f"{exc.__class__.__name__}: {exc.strerror or exc}")
            continue
        if len(data) > cap:
            yield Failure(source, "too_large", f"more than {cap:,} bytes (max_chars={settings.MAX_CHARS:,})")
            continue
        if not data.strip():
            yield Failure(source, "empty", "empty input")
            continue
        for item in READERS[kind](source, data):
            yield item if isinstance(item, Failure) else finish(item, **defaults)
