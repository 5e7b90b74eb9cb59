"""The Article: one document's text and metadata, before analysis."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field

_SPACES = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """Text as compared for identity: NFC, case-folded, whitespace collapsed, quotes unified."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    return _SPACES.sub(" ", text).strip().casefold()


def article_id(text: str) -> str:
    """Content hash: the same story re-fetched or re-wrapped gets the same id."""
    return hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Outlet:
    name: str | None = None
    domain: str | None = None
    country: str | None = None
    ownership: str = "unknown"
    language: str | None = None
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "language"}


@dataclass
class Article:
    text: str
    source_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    outlet: Outlet = field(default_factory=Outlet)
    removed: list[str] = field(default_factory=list)  # boilerplate lines taken out, for the record

    @property
    def id(self) -> str:
        return article_id(self.text)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "outlet": self.outlet.to_dict(),
        }
