"""What the parsed sentence says about a match: whether the words really are a time (the
modal "may", "quarterly" as an adjective, a number that is not a year) and the tense of the
verb that governs it ("began on Monday" past, "will meet on Monday" future)."""
from __future__ import annotations

import re

from .grammar import Hit
from .lexicon import Lexicon, norm

NUMERIC_ENTS = {"MONEY", "PERCENT", "QUANTITY"}


def _token(doc, pos: int, text: str):
    """The token at character offset `pos` of `text` (None outside it)."""
    if doc is None or pos < 0 or pos >= len(text):
        return None
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _full_names(table: dict) -> set:
    return {names[0].lower() for names in table.values()}


def plausible(hit: Hit, doc, text: str, lex: Lexicon) -> bool:
    """False for matches whose words are something else here."""
    d = lex.data
    for group in ("mon", "wd", "wds", "hol"):
        word = hit.g(group)
        if not word:
            continue
        key = norm(word)
        if key.rstrip("s") in lex.cased or key in lex.cased:
            if not word[:1].isupper():
                return False
        if group == "mon":
            tok = _token(doc, text.find(word, hit.start), text)
            if tok is not None and tok.tag_ == "MD":
                return False  # "May" the modal
        abbreviation = key not in _full_names(d["months"] if group == "mon" else d["weekdays"])
        if group in ("mon", "wd") and abbreviation and hit.rule in ("month", "weekday", "set"):
            end = text.find(word, hit.start) + len(word)
            if not (text[end - 1:end] == "." or text[end:end + 1] == "."):
                return False  # "Jan" alone is a name; "Jan." and "Jan. 5" are dates
    if hit.rule == "year" and not (hit.g("mod") or hit.g("fiscal") or hit.g("theyear")):
        return _is_year(hit, doc, text, lex)
    cues = d["cues"]
    if hit.rule == "reference" and norm(text[hit.start:hit.end]) in cues["adjective_references"]:
        tok = _token(doc, hit.start, text)
        if tok is not None and tok.pos_ != "ADJ":
            return False  # "the current" of a river
    if hit.g("adv"):
        tok = _token(doc, hit.start, text)
        if tok is not None and tok.pos_ in ("ADJ", "NOUN", "PROPN"):
            return False  # "its quarterly dividend", "the party daily"
    if hit.rule in ("rel_unit", "duration") and (hit.g("unit") or "x")[:1].isupper() and not text[hit.start:hit.end].isupper():
        return False  # "This Week", "60 Minutes": titles
    if (hit.rule == "duration" and norm(hit.g("unit") or "") in cues["ordinal_units"]
            and lex.articles.get(norm(hit.g("num") or "")) == 1):
        return False  # "a second term"
    return True


def _is_year(hit: Hit, doc, text: str, lex: Lexicon) -> bool:
    tok = _token(doc, hit.start, text)
    before = re.findall(r"[\w'’]+", text[max(hit.start - 20, 0):hit.start])
    cue = norm(before[-1]) if before else ""
    label = tok.ent_type_ if tok is not None else ""
    if label in NUMERIC_ENTS:
        return False
    cues = lex.data["cues"]
    if label == "CARDINAL":
        return cue in cues["year_strong"]
    return label == "DATE" or cue in cues["year"] or doc is None


def tense(doc, start: int, end: int, lex: Lexicon) -> str | None:
    """"past", "future" or None (present, or not told) for the verb the span is an adverbial
    of. A date inside a noun or adjective phrase ("the Jan. 14 deadline", "payable Dec. 1")
    or after a preposition of limit ("until", "by") takes no tense from the clause."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return None
    cues = lex.data["tense"]
    tok = span.root
    if tok.dep_ == "pobj" and tok.head.pos_ == "ADP":
        if tok.head.lower_ in set(cues["limit_prepositions"]):
            return None
        tok = tok.head
    head = tok.head
    if head is tok or head.pos_ not in ("VERB", "AUX"):
        return None
    return _tense_of(head, cues)


def _tense_of(verb, cues: dict) -> str | None:
    future_aux = {w.lower() for w in cues["future_aux"]}
    past_tags = set(cues["past_tags"])
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & future_aux and "have" not in words:
        return "future"
    if verb.tag_ == "VB" and "to" in words:  # an infinitive: "is to resume", "plans to meet"
        gov = verb.head
        # "is to resume" is a plan; "the first countries to accede ... were" (a clausal subject) is not
        if gov is not verb and (gov.lemma_ in set(cues["future_governors"]) or (gov.lemma_ == "be" and verb.dep_ == "xcomp")):
            return "future"
        return None
    if verb.tag_ == "VBN" and verb.lemma_ in set(cues["future_governors"]) and (
            any(c.tag_ in ("VBZ", "VBP") for c in auxes) or (not auxes and verb.dep_ == "acl")):
        return "future"  # "is scheduled for Monday", "a summit set for April"
    if auxes:
        return "past" if any(c.tag_ in past_tags or c.lower_ in ("has", "have", "'ve") for c in auxes) else None
    return "past" if verb.tag_ in past_tags else None
