"""`analyze(text_or_article) -> Analysis`: the pure function at the centre of eventwire.

The same input gives the same output on a laptop, in a test or in a distributed worker; storage,
deduplication and serving come after it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .article import Article
from .errors import Failure
from .entities import Entity, extract_entities
from .ingest import finish
from .ingest.boilerplate import strip_boilerplate
from .nlp import load_pipeline

SCHEMA = "eventwire.analysis/1"


@dataclass
class Analysis:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    # Filled by the registered stages (eventwire/stages.py), in order.
    places: list[dict] = field(default_factory=list)
    # Names the text gives as places ("the village of X") that no gazetteer knows: no coordinates,
    # but an event can still say where it happened.
    unresolved_places: list[dict] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "places": self.places,
            "unresolved_places": self.unresolved_places,
            "times": self.times,
            "quotes": self.quotes,
            "events": self.events,
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _as_article(text_or_article, published, url, outlet, lang) -> Article:
    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        text, removed = strip_boilerplate(str(text_or_article).replace("\r\n", "\n"))
        article = Article(text=text, removed=removed)
    result = finish(article, published=published, url=url, outlet=outlet, lang=lang)
    if not isinstance(result, Article):
        raise ValueError(f"{result.code}: {result.reason}")
    return result


def analyze(text_or_article, published: str | None = None, url: str | None = None,
            outlet: str | None = None, lang: str | None = None) -> Analysis:
    """Analyse one article (a string, or an Article from `eventwire.ingest`).

    Raises ValueError (with a stable code as prefix) for text that cannot be analysed: empty,
    longer than `settings.MAX_CHARS`, or in a language without a pipeline.
    """
    article = _as_article(text_or_article, published, url, outlet, lang)
    nlp = load_pipeline(article.language or "en")
    return _analysis(nlp, article, nlp(article.text))


def _analysis(nlp, article: Article, doc) -> Analysis:
    from .stages import run_stages

    analysis = Analysis(article=article, entities=extract_entities(nlp, doc))
    run_stages(doc, analysis)
    return analysis


def analyze_docs(articles: list[Article]) -> list[Analysis | Failure]:
    """Analyse finished Articles with `nlp.pipe` batching; a document that raises becomes a
    Failure (`analysis_error`) and the others are still analysed."""
    by_lang: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        by_lang.setdefault(article.language or "en", []).append(i)
    results: dict[int, Analysis | Failure] = {}
    for lang, idx in by_lang.items():
        nlp = load_pipeline(lang)
        try:
            docs = list(nlp.pipe(articles[i].text for i in idx))
            for i, doc in zip(idx, docs):
                results[i] = _safe(nlp, articles[i], doc)
        except Exception:  # one document broke the batch: redo it one by one
            for i in idx:
                try:
                    results[i] = _safe(nlp, articles[i], nlp(articles[i].text))
                except Exception as exc:
                    results[i] = Failure(articles[i].source_id or "?", "analysis_error",
                                         f"{exc.__class__.__name__}: {exc}")
    return [results[i] for i in range(len(articles))]


def _safe(nlp, article: Article, doc) -> Analysis | Failure:
    try:
        return _analysis(nlp, article, doc)
    except Exception as exc:
        return Failure(article.source_id or "?", "analysis_error", f"{exc.__class__.__name__}: {exc}")
