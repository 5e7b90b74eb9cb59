"""One reader per input format. Each yields Articles (not yet language-checked) or Failures.

Readers never raise for bad input: a bad file or record becomes a Failure naming it, and the
rest of the file (for JSON Lines and feeds) still comes through.
"""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Iterator

from ..article import Article
from ..errors import Failure, InputError
from .boilerplate import strip_boilerplate
from .decode import decode

_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]?$")


def _headline(text: str) -> str | None:
    """The first line, when it reads like a headline rather than the first sentence."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if not first or not rest.strip() or len(first) > 200 or _SENTENCE_END.search(first):
        return None
    return first


def _decoded(source: str, data: bytes) -> str | Failure:
    try:
        return decode(data)
    except InputError as exc:
        return Failure(source, exc.code, exc.reason)


def read_text(source: str, data: bytes) -> Iterator[Article | Failure]:
    text = _decoded(source, data)
    if isinstance(text, Failure):
        yield text
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = strip_boilerplate(text)
    yield Article(text=text, source_id=source, title=_headline(text), removed=removed)


def read_html(source: str, data: bytes) -> Iterator[Article | Failure]:
    import trafilatura
    from htmldate import find_date

    html = _decoded(source, data)
    if isinstance(html, Failure):
        yield html
        return
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on mangled markup
        yield Failure(source, "bad_html", f"HTML could not be parsed: {exc.__class__.__name__}")
        return
    body = (doc.text if doc else "") or ""
    if len(_WORD.findall(body)) < 3:  # markup debris such as "<<<>>" is not an article
        yield Failure(source, "bad_html", "no article text found in the HTML page")
        return
    text, removed = strip_boilerplate(body.replace("\r\n", "\n"))
    try:
        published = find_date(html, original_date=True, extensive_search=False)
    except Exception:
        published = None
    article = Article(text=text, source_id=source, title=doc.title, published=published or doc.date,
                      url=doc.url, removed=removed)
    article.outlet.name = doc.sitename  # resolved against the registry later
    yield article


def _record_article(source: str, record: dict) -> Article:
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("bad_json", "record has no string field `text`")
    fields = {}
    for key in ("url", "title", "published", "outlet", "lang"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError("bad_json", f"field `{key}` must be a string")
        fields[key] = value
    rid = record.get("id")
    article = Article(text=text, source_id=str(rid) if rid is not None else source,
                      url=fields["url"], title=fields["title"], published=fields["published"],
                      language=fields["lang"])
    article.outlet.domain = fields["outlet"]  # resolved against the registry later
    return article


def read_jsonl(source: str, data: bytes) -> Iterator[Article | Failure]:
    text = _decoded(source, data)
    if isinstance(text, Failure):
        yield text
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError("bad_json", "line is JSON but not an object")
            article = _record_article(where, record)
        except json.JSONDecodeError as exc:
            yield Failure(where, "bad_json", f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        except InputError as exc:
            yield Failure(where, exc.code, exc.reason)
            continue
        yield article


def _plain(html_fragment: str) -> str:
    """Text of a feed item's HTML description, paragraphs kept as lines."""
    if "<" not in html_fragment:
        return html_fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{html_fragment}</div>")
    except Exception:
        return re.sub(r"<[^>]+>", " ", html_fragment).strip()
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return re.sub(r"[ \t]+", " ", root.text_content()).strip()


def read_feed(source: str, data: bytes) -> Iterator[Article | Failure]:
    import feedparser

    head = data[:2048].lstrip().lower()
    if not (head.startswith(b"<") or head.startswith(b"\xef\xbb\xbf<")):
        yield Failure(source, "bad_feed", "not XML: a feed must start with '<'")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no items")
        yield Failure(source, "bad_feed", f"no feed items could be read ({reason[:200]})")
        return
    for i, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{i}"
        content = entry.get("content") or []
        body = _plain(content[0].get("value", "") if content else entry.get("summary", ""))
        title = (entry.get("title") or "").strip() or None
        if not body and not title:
            yield Failure(where, "empty", "feed item has neither title nor text")
            continue
        text = f"{title}\n\n{body}" if title and body and not body.startswith(title) else (body or title)
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
        yield Article(text=text, source_id=entry.get("id") or entry.get("link") or where,
                      url=entry.get("link"), title=title, published=published)


READERS = {"text": read_text, "html": read_html, "jsonl": read_jsonl, "feed": read_feed}
