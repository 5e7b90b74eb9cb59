"""Where a place name starts and ends: the span the NER gave, less its articles and the words it
ran on into, joined with the hyphenated or compound parts it cut off ("Mazar-e-Sharif", "Sheikh
Sa'eed"), or lengthened into a longer name the gazetteer knows ("New London")."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .. import resources
from ..times.lexicon import lexicon as times_lexicon
from .fold import key
from .gazetteer import Gazetteer
from .language import Words, words

DETERMINERS = {"the", "a", "an"}


def article_or_space(tok: Token) -> bool:
    """A word to step over on the way from a name back to its preposition: an article, or the
    whitespace token of a doubled space ("killed in  Dourakoro": wire copy often doubles its spaces)."""
    return tok.lower_ in DETERMINERS or tok.is_space
# Words that make a name the administrative division rather than the town of the same name.
DIVISION_WORDS = {"region", "province", "state", "governorate", "oblast", "department", "prefecture",
                  "district", "county", "parish", "municipality", "emirate", "territory", "wilaya", "cercle"}


def bare(span: Span) -> Span:
    """The name without its articles and without the words after its last name word."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in DETERMINERS:
        start += 1
    end = span.end
    particles = words(span.doc.lang_ or "en").particles
    while end > start + 1 and (span.doc[end - 1].is_punct and span.doc[end - 1].text not in (".",)
                               or span.doc[end - 1].lower_ in ("'s", "’s") or span.doc[end - 1].is_space
                               or span.doc[end - 1].is_lower and span.doc[end - 1].lower_ not in particles):
        end -= 1   # "Gao's", "Bamut earlier this year": a name ends on a name word
    return span.doc[start:end]


def split_commas(span: Span) -> list[Span]:
    """"Gainesville, Ga." tagged as one name: the parts are two places."""
    parts, start = [], span.start
    for tok in span:
        if tok.text == ",":
            if tok.i > start:
                parts.append(span.doc[start:tok.i])
            start = tok.i + 1
    if start < span.end:
        parts.append(span.doc[start:span.end])
    return parts


def calendar_word(tok: Token) -> bool:
    """A month or weekday name ("the month of May"), from the times lexicon."""
    lang = tok.doc.lang_ or "en"
    cal = times_lexicon(lang if resources.DATA.joinpath(f"times/{lang}.yaml").is_file() else "en")
    key = tok.lower_.rstrip(".")
    return key in cal.months or key in cal.weekdays


PARTICLE_NAME = re.compile(r"[a-z]{1,3}-[A-Z]")


def capitalised(name: str) -> bool:
    """A name as names are written: "Gao", and "al-Atebaa" with its particle."""
    return name[:1].isupper() or bool(PARTICLE_NAME.match(name))


def joined(a: Token, b: Token) -> bool:
    return a.whitespace_ == "" and b.i == a.i + 1


def hyphenated(doc: Doc, span: Span, w: Words) -> Span:
    """"Mazar" of "Mazar-e-Sharif", "Atebaa" of "al-Atebaa": the NER cut a hyphenated name; the
    whole name is the place. Only capitalised words and name particles join ("US-led" stays "US")."""
    def word_ok(t: Token) -> bool:
        return t.text[:1].isupper() or t.lower_ in w.particles

    start, end = span.start, span.end
    while end + 1 < len(doc) and doc[end].text == "-" and joined(doc[end - 1], doc[end]) \
            and joined(doc[end], doc[end + 1]) and word_ok(doc[end + 1]) and end - span.start < 8:
        end += 2
    while end > span.end and not doc[end - 1].text[:1].isupper():
        end -= 2   # never end on a particle
    while start >= 2 and doc[start - 1].text == "-" and joined(doc[start - 2], doc[start - 1]) \
            and joined(doc[start - 1], doc[start]) and doc[start - 2].lower_ in w.particles and span.end - start < 8:
        start -= 2   # "al-Atebaa"
    return doc[start:end] if (start, end) != (span.start, span.end) else span


def cut_name(doc: Doc, span: Span, w: Words, gaz: Gazetteer) -> Span:
    """"Sheikh" of "Sheikh Sa'eed", "Tel" of "Tel Abyad": the NER labelled one word of a name whose
    other words, unlabelled proper nouns of the same phrase, belong to it. Only for a word no
    gazetteer knows: a known place before a proper noun is a place's institution ("Ohio Senate"); a
    generic word that opens place names ("Tal", "Sheikh") always opens the name after it."""
    if gaz.lookup(span.text) and span[-1].lower_ not in w.generics:
        return span

    def cut_off(t: Token) -> bool:
        return t.pos_ == "PROPN" and not t.ent_type_ and t.text[:1].isupper() and not calendar_word(t) \
            and t.lower_ not in w.kind_nouns and t.lower_ not in DIVISION_WORDS

    start, end = span.start, span.end
    while end < len(doc) and end - start < 5 and cut_off(doc[end]) and doc[end - 1].dep_ == "compound" \
            and doc[end - 1].head.i == end:
        end += 1
    while start > 0 and end - start < 5 and cut_off(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
            and start <= doc[start - 1].head.i < end:
        start -= 1
    return doc[start:end] if (start, end) != (span.start, span.end) else span


PREFIXES = {"New", "North", "South", "East", "West", "Port", "Fort", "Lake", "Mount", "Little", "Upper", "Lower",
            "Greater", "Old", "Saint", "St.", "San", "Santa"}


def longer_place(doc: Doc, ent: Span, gaz: Gazetteer) -> Span | None:
    """A country or capital name that is part of a longer place name the lexicon does not know:
    "New London", "New Mexico", "Guernsey County", "Paris Township"."""
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].text in PREFIXES:
        start -= 1
    if end < len(doc) and doc[end].is_title and not doc[end].is_sent_start and doc[end].pos_ == "PROPN" \
            or end < len(doc) and doc[end].text in ("County", "Parish", "Township", "City", "Borough"):
        end += 1  # "Kansas City", "Tennessee Colony", "Guernsey County"
    if (start, end) == (ent.start, ent.end):
        return None
    span = doc[start:end]
    k = key(span.text)
    return span if any(key(p.name) == k for p in gaz.lookup(span.text)) else None
