"""Toponym mentions of a parsed document: what the text names as a place, with the reading of
each mention (locative or metonymic) and any relative location around it.

Sources, in order: names the NER or the actor gazetteer tagged as places (GPE, LOC, FAC; lexicon
countries, capitals and regions), a demonym in "near the Algerian border", and known populated
places the small model mislabels (PERSON, ORG, NORP ...) when they stand in a location context
("in Ansongo", "(Ansongo, Gao)", "50 km north of Gao"), are big cities ("Aleppo" NORP), or are
towns near the story's other places ("the army retook Bourem"). What in the text says a name is
a place (a locative preposition, a kind-of-place noun, a territory verb) is read by `cues.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..actors.lexicon import entry
from .coordination import coordinated_names, list_first
from .cues import (STRONG_LOCATIVE, after_direction, generic_led, in_place_parentheses, locative_before,
                   modifies_place_noun, named_by_kind_noun, place_context, territory_object, unknown_spot)
from .fold import key
from .gazetteer import Gazetteer
from .language import words
from .names import (DETERMINERS, DIVISION_WORDS, article_or_space, bare, calendar_word, capitalised, cut_name,
                    hyphenated, joined, longer_place, split_commas)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
RESCUE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "EVENT"}
# Labels the small model gives city names in error ("Aleppo" NORP, "Winnipeg" PRODUCT), from which a
# well-known place (`RESCUE_POP` inhabitants or more) is taken back without a locative cue. ORG is
# not among them: "Toyota", "Delta" and "Chelsea" are towns too.
MISLABELS = {"NORP", "PRODUCT", "LANGUAGE", "WORK_OF_ART"}
RESCUE_POP = 50_000
BIG_CITY = 500_000
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "president", "minister", "general", "gen", "judge", "coach",
          "senator", "sen", "rep", "gov", "governor", "mayor", "lt", "col", "capt", "sgt", "officer", "st"}
# Nouns that, after a capital's possessive, make it a location ("Moscow's Red Square"); any other
# noun makes it the government ("Moscow's equipment", "Kiev's military intelligence").
PLACE_NOUNS = {"square", "street", "streets", "district", "districts", "suburb", "suburbs", "outskirts", "airport",
               "centre", "center", "downtown", "neighbourhood", "neighborhood", "port", "harbour", "harbor",
               "mayor", "residents", "hospital", "hospitals", "university", "station", "stadium", "market",
               "markets", "old", "city", "skyline", "population", "people", "citizens", "inhabitants"}
# Nouns of a relation between governments: "Moscow-Bamako relations".
RELATION_NOUNS = {"relations", "relationship", "ties", "talks", "cooperation", "axis", "alliance", "deal",
                  "agreement", "rapprochement", "rift", "dispute", "partnership", "channel", "contacts",
                  "dialogue", "negotiations", "row", "spat", "standoff", "tensions"}
DIRECTIONS = {"north": "N", "south": "S", "east": "E", "west": "W", "northeast": "NE", "northwest": "NW",
              "southeast": "SE", "southwest": "SW", "north-east": "NE", "north-west": "NW", "south-east": "SE",
              "south-west": "SW"}
PARTS = {"northern": "N", "southern": "S", "eastern": "E", "western": "W", "central": "C", "northeastern": "NE",
         "northwestern": "NW", "southeastern": "SE", "southwestern": "SW", "north-eastern": "NE",
         "north-western": "NW", "south-eastern": "SE", "south-western": "SW", "northeast": "NE",
         "northwest": "NW", "southeast": "SE", "southwest": "SW"}
UNITS = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
         "miles": 1.609, "mile": 1.609, "mi": 1.609}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_WORD_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
                 "dozen": 12, "few": None, "several": None, "some": None}


@dataclass
class Mention:
    start: int                 # character offsets of the mention in doc.text
    end: int
    text: str
    name: str                  # the name to look up
    tok: tuple[int, int]       # token span
    label: str                 # NER/gazetteer label, or "rescued" for a mislabelled name
    kb: str | None = None      # lexicon key: country:MLI, capital:MLI, region:sahel
    metonym: bool = False      # names a government, not a place ("Moscow responded")
    relative: dict | None = None
    container: "Mention | None" = None   # "Alexandria, La.": the La. of Alexandria
    division: bool = False     # "the Gao region", "Kidal province": the region, not its town
    weak: bool = False         # a mislabelled name with no location cue: kept only if it is a town
                               # near the story's other places
    cued: bool = False         # a locative preposition, a kind-of-place noun or a direction names it
                               # a place ("in X", "X district", "eastern X")
    listed_with: "Mention | None" = None   # "in Kwande and Logo": the located place Logo is listed with
    evidence: list[str] = field(default_factory=list)

    def span_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


SPEECH_LEMMAS = {"say", "tell", "add", "explain", "state", "ask", "warn", "claim", "write", "note", "insist"}


def _by_rule(doc: Doc, span: Span, label: str, name: str, rule: str, cued: bool = False) -> Mention:
    """A mention no gazetteer label gave, with the rule that found it; `cued`: the text itself
    says it is a place."""
    m = _mention(doc, span, label, None, name)
    m.evidence.append(rule)
    m.cued = m.cued or cued
    return m


def _unlabelled_names(doc: Doc) -> list[Span]:
    """Runs of proper nouns the NER gave no label ("evacuated Barentu"); a capitalised word inside a
    sentence is a name even when the tagger called it a common noun ("a boy in Durres")."""
    out, i = [], 0
    while i < len(doc):
        if doc[i].pos_ in ("PROPN", "NOUN") and not doc[i].ent_type_ and doc[i].text[:1].isupper():
            j = i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and j - i < 4:
                j += 1
            if not doc[i].is_sent_start:
                out.append(doc[i:j])
            i = j
        else:
            i += 1
    return out


def _known_city(gaz: Gazetteer, name: str, min_pop: int = 0, alias_pop: int | None = None) -> bool:
    """A populated place of at least `min_pop` inhabitants under that very name (or a region); with
    `alias_pop`, under another spelling too if it has that many ("Khan Younis" of Khān Yūnis)."""
    k = key(name)
    return any(p.kind != "city" or (p.pop >= min_pop and (key(p.name) == k or alias_pop is not None
                                                          and p.pop >= alias_pop)) for p in gaz.lookup(name))


def _alias_pop(doc: Doc, span: Span) -> int | None:
    """How big a town known under another spelling must be to be read as the name: a big one, and
    only for a name standing alone, not a person's possessive ("in Kasi's hometown"), a word of a
    longer name ("the DFW Metroplex") or a room ("in Talla 2")."""
    alone = unknown_spot(doc, span) and not (span.end < len(doc) and doc[span.end].pos_ == "NUM")
    return RESCUE_POP if alone else None


def same_name_mentions(doc: Doc, mentions: list[Mention], names: set[str]) -> list[Mention]:
    """One sense per discourse: other occurrences of a name already read as a place ("Winnipeg
    police", "in Winnipeg" tagged DATE) are mentions of it too, unless part of a person's name."""
    if not names:
        return []
    # a name read as a place elsewhere in the article wins over a list's guess ("the Illinois State
    # Police" listed with a county: the caller drops that guess)
    taken = [(m.start, m.end) for m in mentions if m.listed_with is None]
    # Names of people and of known organisations ("Alliance of Sahel States") are not place mentions.
    persons = [(e.start_char, e.end_char) for e in doc.ents
               if e.label_ == "PERSON" or (e.kb_id_ and e.kb_id_.split(":")[0] in ("actor", "outlet", "seat"))]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    out = []
    for hit in pattern.finditer(doc.text):
        s, e = hit.span()
        if any(a < e and s < b for a, b in taken):
            continue
        if any(a <= s and e <= b and (b - a) > (e - s) for a, b in persons):
            continue
        span = doc.char_span(s, e, alignment_mode="strict")
        if span is None:
            continue
        if span.start > 0 and (doc[span.start - 1].lower_.rstrip(".") in TITLES or
                               (doc[span.start - 1].lower_ == "of" and doc[span.start - 1].ent_type_)):
            continue  # "Mr Jordan"; "Bank of Mali" inside a name
        m = Mention(s, e, hit.group(0), hit.group(0), (span.start, span.end), "repeated")
        m.relative = relative_phrase(doc, span.start, span.end)
        m.evidence.append("rule:same-name-in-article")
        out.append(m)
    return out


def metonymic(span: Span) -> bool:
    """A capital named as an actor: subject of a verb, possessor of a non-place noun, or one side of
    "Moscow-Bamako relations"."""
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "agent") and head.pos_ in ("VERB", "AUX"):
        return True
    if root.dep_ == "conj":  # "Moscow and Paris agreed": the first conjunct's role
        first = root
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first.dep_ in ("nsubj", "nsubjpass") and first.head.pos_ in ("VERB", "AUX"):
            return True
    if root.dep_ == "pobj" and head.lower_ in ("with", "against", "between") and head.head.lower_ in RELATION_NOUNS:
        return True  # "ties with Paris", "talks with Moscow"
    end = span.end
    doc = span.doc
    if end < len(doc) and doc[end].tag_ == "POS" or root.dep_ == "poss":
        noun = head if root.dep_ == "poss" else (doc[end + 1] if end + 1 < len(doc) else None)
        return noun is None or noun.lower_ not in PLACE_NOUNS
    # "Moscow-Bamako relations"
    window = doc[max(0, span.start - 2): min(len(doc), end + 4)]
    if any(t.text in ("-", "–") for t in window) and any(t.lower_ in RELATION_NOUNS for t in window):
        return True
    return False


def relative_phrase(doc: Doc, start: int, end: int) -> dict | None:
    """The relative location a place name anchors: "50 km north of Gao", "near Gao", "outside
    Bamako", "in northern Mali", "the outskirts of Gao"."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in PARTS:  # "northern Mali"
        part = PARTS[doc[i].lower_]
        left = i - 1 if i >= 1 and doc[i - 1].lower_ in DETERMINERS else i
        return {"kind": "part", "direction": part, "text": doc[left:end].text, "start": doc[left].idx}
    return _relative_before(doc, i, end) or _relative_before(doc, _before_apposed_noun(doc, i), end)


def _before_apposed_noun(doc: Doc, i: int) -> int:
    """Where the words before a name end once a kind-of-place noun naming it is skipped: "north of
    [the capital,] Lusaka", "near [the town of] Kargil", "near [the nearby city] Najaf"."""
    w = words(doc.lang_ or "en")
    j = i - 1 if i >= 1 and doc[i].text in (",", "of") else i
    if j < 0 or doc[j].lower_ not in w.apposed or j == i and doc[i].dep_ != "compound":
        return -1
    j -= 1
    while j >= 0 and (doc[j].pos_ == "ADJ" or doc[j].pos_ == "NOUN" and doc[j].dep_ == "compound"):
        j -= 1   # "the regional capital", "the border town"
    return j


def _relative_before(doc: Doc, i: int, end: int) -> dict | None:
    while i >= 0 and article_or_space(doc[i]):
        i -= 1
    if i < 0:
        return None
    word = doc[i].lower_
    if word == "of" and i >= 1:
        prev = doc[i - 1].lower_
        if prev in DIRECTIONS:  # "(50 km) north of Gao"
            rel = {"kind": "direction", "direction": DIRECTIONS[prev]}
            left = i - 1
            if left >= 2 and doc[left - 1].lower_ in UNITS:
                amount = doc[left - 2].text.replace(",", "")
                number = float(amount) if _NUMBER.match(amount) else _WORD_NUMBERS.get(doc[left - 2].lower_)
                if number is not None:
                    rel["distance_km"] = round(number * UNITS[doc[left - 1].lower_], 1)
                    rel["kind"] = "distance"
                left -= 2
                if left >= 1 and doc[left - 1].lower_ in ("some", "about", "around", "nearly", "roughly"):
                    left -= 1
            return {**rel, "text": doc[left:end].text, "start": doc[left].idx}
        if prev in ("outskirts", "vicinity", "edge", "environs"):
            left = i - 2 if i >= 2 and doc[i - 2].lower_ == "the" else i - 1
            return {"kind": "outside", "text": doc[left:end].text, "start": doc[left].idx}
        if prev in ("outside", "out"):
            return {"kind": "outside", "text": doc[i - 1:end].text, "start": doc[i - 1].idx}
    if word in ("near", "nearby"):
        return {"kind": "near", "text": doc[i:end].text, "start": doc[i].idx}
    if word == "to" and i >= 1 and doc[i - 1].lower_ in ("close", "next"):
        return {"kind": "near", "text": doc[i - 1:end].text, "start": doc[i - 1].idx}
    if word in ("outside", "around"):
        return {"kind": "outside" if word == "outside" else "near", "text": doc[i:end].text, "start": doc[i].idx}
    return None


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = []
    w = words(doc.lang_ or "en")
    # Words of longer person names ("Jeff Goodwin" ... "Goodwin") are names, wherever they stand.
    surnames = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    people = {e.text for e in doc.ents if e.label_ == "PERSON"} | surnames
    for ent in doc.ents:
        kb = ent.kb_id_ or None
        e = entry(kb) if kb else None
        if e is not None:
            if e.kind in ("country", "capital", "region"):
                if _water_or_valley(doc, ent):
                    continue  # "the Niger River": not the country
                longer = longer_place(doc, ent, gaz)
                if longer is not None:  # "New London", "Guernsey County": another place
                    out.append(_mention(doc, longer, "GPE", None, longer.text))
                    continue
                out.append(_mention(doc, bare(ent), ent.label_, kb, e.name))
            elif e.kind == "demonym":
                border = _border_after(doc, ent)
                if border is not None:  # "near the Algerian border": the anchor is the country
                    first = ent.start
                    if first >= 2 and doc[first - 1].text == "-" and joined(doc[first - 2], doc[first - 1]) \
                            and joined(doc[first - 1], doc[first]) \
                            and doc[first - 2].ent_kb_id_.split(":")[0] in ("demonym", "country"):
                        first -= 2   # "the Greek-Macedonian border": one border, of both
                    m = Mention(doc[first].idx, border.end_char, doc[first:border.end].text,
                                entry(f"country:{e.country}").name if entry(f"country:{e.country}") else e.name,
                                (first, border.end), "NORP", f"country:{e.country}",
                                evidence=[e.source, "rule:demonym-border"])
                    m.relative = relative_phrase(doc, first, border.end) or {}
                    m.relative = {"kind": "border", **{k: v for k, v in m.relative.items() if k != "kind"}}
                    m.relative.setdefault("text", m.text)
                    m.relative.setdefault("start", m.start)
                    out.append(m)
            continue
        if ent.label_ in PLACE_LABELS:
            longer = longer_place(doc, ent, gaz) if len(ent) == 1 else None
            for part in [longer] if longer is not None else split_commas(bare(ent)):
                part = cut_name(doc, part, w, gaz) if longer is None else part
                if capitalised(part.text) or part.text[:1].isdigit():
                    m = _mention(doc, part, ent.label_, None, part.text)
                    if part.text in people or part.text.lower() in w.directions:
                        m.cued = False   # "Kristi Noem" tagged GPE once, "in the East": no unresolved place
                    out.append(m)
            continue
        if ent.label_ in ("DATE", "TIME"):
            span = hyphenated(doc, bare(ent), w)   # "the village of Ma'ardes" read as a date
            if capitalised(span.text) and not any(t.like_num for t in span) and named_by_kind_noun(doc, span, w) \
                    and not gaz.lookup(span.text) and not any(calendar_word(t) for t in span):
                out.append(_mention(doc, span, "named", None, span.text))
            continue
        if ent.label_ in RESCUE_LABELS:
            span = cut_name(doc, hyphenated(doc, bare(ent), w), w, gaz)
            name = span.text
            if not capitalised(name) or len(name.split()) > 4:
                continue
            prep = locative_before(doc, span.start)
            paren = in_place_parentheses(doc, span)
            titled = span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES
            if titled:
                continue
            relative = relative_phrase(doc, span.start, span.end)
            if (prep in STRONG_LOCATIVE or paren or relative) and _known_city(gaz, name, 1000 if not paren else 0,
                                                                              _alias_pop(doc, span)):
                out.append(_by_rule(doc, span, "rescued", name, "rule:location-context"))
            elif named_by_kind_noun(doc, span, w) or after_direction(doc, span, w):
                m = _mention(doc, span, "named", None, name)   # _mention records the kind-of-place noun
                if "rule:kind-of-place-noun" not in m.evidence:
                    m.evidence.append("rule:direction-before-name")
                out.append(m)
            elif modifies_place_noun(span, w) and name not in surnames and _known_city(gaz, name, 1000):
                out.append(_by_rule(doc, span, "rescued", name, "rule:modifier-of-place-noun", cued=True))
            elif territory_object(span, w) and name not in surnames and _known_city(gaz, name, 0, _alias_pop(doc, span)):
                # the verb says it is a place
                out.append(_by_rule(doc, span, "rescued", name, "rule:object-of-territory-verb", cued=True))
            elif not kb and generic_led(span, w) and place_context(doc, span, w) \
                    and not _known_city(gaz, name) and unknown_spot(doc, span):
                # "captured Tal Al-Bardah" (tagged an organisation)
                out.append(_by_rule(doc, span, "named", name, "rule:place-name-generic", cued=True))
            elif ent.label_ == "PERSON" and prep in w.spots and not kb and not _known_city(gaz, name) \
                    and name not in surnames and unknown_spot(doc, span):
                # "fighting in Tal Al-Bardah" (tagged a person)
                out.append(_by_rule(doc, span, "named", name, "rule:location-context"))
            elif territory_object(span, w, w.place_only_verbs) and name not in surnames and not _known_city(gaz, name):
                # "stormed Tal Al-Bardah": a place nobody knows by that spelling
                out.append(_by_rule(doc, span, "named", name, "rule:object-of-territory-verb", cued=True))
            elif ent.label_ in MISLABELS and len(name.split()) <= 3 and _known_city(gaz, name, RESCUE_POP):
                m = _mention(doc, span, "rescued", None, name)
                m.evidence.append("rule:known-place-mislabelled")
                m.weak = not _known_city(gaz, name, BIG_CITY)  # a smaller one: only near the story's places
                out.append(m)
            elif ent.label_ == "PERSON" and len(name.split()) == 1 and not _speaker(span) and name not in surnames \
                    and _known_city(gaz, name, 1000):
                m = _mention(doc, span, "rescued", None, name)
                m.weak = True
                m.evidence.append("rule:town-of-story-country")
                out.append(m)
    for span in _unlabelled_names(doc):
        name = span.text
        if name in surnames or span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES:
            continue
        if named_by_kind_noun(doc, span, w):
            m = _mention(doc, span, "named", None, name)
        elif (locative_before(doc, span.start) in STRONG_LOCATIVE or after_direction(doc, span, w)
              or territory_object(span, w)) and _known_city(gaz, name, 1000, _alias_pop(doc, span)):
            m = _by_rule(doc, span, "rescued", name, "rule:location-context", cued=True)
        elif generic_led(span, w) and place_context(doc, span, w) and not _known_city(gaz, name):
            m = _by_rule(doc, span, "named", name, "rule:place-name-generic", cued=True)
        else:
            continue
        if not any(x.start < m.end and m.start < x.end for x in out):   # "Sharif" of a "Mazar-e-Sharif" found
            out.append(m)
    out += _parenthesised(doc, gaz, out)
    out += _listed_with_places(doc, gaz, out, surnames)
    out.sort(key=lambda m: m.start)
    _link_containers(doc, out)
    return out


def _listed_with_places(doc: Doc, gaz: Gazetteer, found: list[Mention], surnames: set[str]) -> list[Mention]:
    """"attacked Al-Rumliyah and Al-Madajin": a name listed with a located toponym is a place."""
    seeds = {m.tok: m for m in found if m.cued and not m.metonym}
    if not seeds:
        return []
    # a place name of the NER listed with a located one shares its cue ("patrol in the Red Sea, the
    # Indian Ocean and the Arabian Sea"): it is a place even if no gazetteer knows it
    tops = {list_first(doc[s:e].root).i for s, e in seeds}
    for m in found:
        if not m.cued and not m.kb and m.label in PLACE_LABELS and list_first(doc[m.tok[0]:m.tok[1]].root).i in tops:
            m.cued = True
    out = []
    w = words(doc.lang_ or "en")
    listed = coordinated_names(doc, list(seeds), [(m.start, m.end) for m in found], surnames, RESCUE_LABELS)
    for part, seed in [(p, seed) for whole, seed in listed for p in split_commas(whole)]:
        span = cut_name(doc, hyphenated(doc, bare(part), w), w, gaz)   # "Ma'arat" of "Ma'arat Misreen"
        if not capitalised(span.text) or span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES:
            continue
        m = _by_rule(doc, span, "named", span.text, "rule:listed-with-place", cued=True)
        m.listed_with = seeds[seed]
        out.append(m)
    return out


_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
_PAREN = re.compile(rf"(?:({_NAME}) )?\(({_NAME}), ({_NAME})\)")


def _parenthesised(doc: Doc, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    """"Tessit (Ansongo, Gao)": a town followed by its district and region in parentheses, whatever
    the NER made of it. Each name is taken when it is a known place."""
    out = []
    taken = [(m.start, m.end) for m in found]
    for hit in _PAREN.finditer(doc.text):
        names = [i for i in (1, 2, 3) if hit.group(i)]
        if not all(_known_city(gaz, hit.group(i)) for i in (2, 3)):
            continue
        for i in names:
            s, e = hit.span(i)
            if i == 3:  # "(Ansongo, Gao)": the last name is the region
                for m in found:
                    if (m.start, m.end) == (s, e):
                        m.division = True
            if any(a < e and s < b for a, b in taken) or (i == 1 and not _known_city(gaz, hit.group(i))):
                continue
            span = doc.char_span(s, e, alignment_mode="strict")
            if span is None:
                continue
            m = _mention(doc, span, "rescued", None, span.text)
            m.division = i == 3
            m.evidence.append("rule:place-in-parentheses")
            out.append(m)
            taken.append((s, e))
    return out


def _mention(doc: Doc, span: Span, label: str, kb: str | None, name: str) -> Mention:
    w = words(doc.lang_ or "en")
    if not kb:
        whole = hyphenated(doc, span, w)
        if whole is not span:
            span, name = whole, whole.text
    if not kb and span.end < len(doc) and doc[span.end].is_title and doc[span.end].lower_ in DIVISION_WORDS:
        span = doc[span.start:span.end + 1]   # "Idlib Governorate": the division word is part of the name
    if not kb and len(span) > 1 and span[-1].is_lower and (span[-1].lower_ in DIVISION_WORDS or span[-1].lower_ in w.kind_nouns) \
            and span[-1].lower_ not in ("county", "parish") and span[-2].text[:1].isupper():
        # "Guangdong province", "Asosa zone": the name is "Guangdong"; the kind noun after it
        # still says it is the division (`division`, from the word after the span)
        span = span[:-1]
        name = span.text
    lookup = name if kb else span.text
    division = False
    if len(span) > 1 and span[-1].lower_ in DIVISION_WORDS and span[-1].lower_ not in ("county", "parish"):
        lookup, division = span[:-1].text, True  # "Gao Region": look up "Gao"
    elif span.end < len(doc) and doc[span.end].lower_ in DIVISION_WORDS:
        division = True
    m = Mention(span.start_char, span.end_char, span.text, lookup, (span.start, span.end), label, kb,
                division=division)
    kind = named_by_kind_noun(doc, span, w)
    if kind and not kb:
        m.evidence.append("rule:kind-of-place-noun")   # "the Zafaraniyah district": a named spot
    j = span.start - 1
    while j >= 0 and article_or_space(doc[j]):
        j -= 1
    m.cued = (kind or after_direction(doc, span, w) or locative_before(doc, span.start) in STRONG_LOCATIVE
              or (j >= 0 and doc[j].lower_ in w.locative) or territory_object(span, w, w.place_only_verbs))
    if kb and kb.startswith("capital:"):
        m.metonym = metonymic(span)
    m.relative = relative_phrase(doc, span.start, span.end)
    return m


def _speaker(span: Span) -> bool:
    """"Gao said": the subject of a speech verb is a person."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_LEMMAS


def _water_or_valley(doc: Doc, ent: Span) -> bool:
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return after in ("river", "basin", "valley", "bend") or before == "river"


def _border_after(doc: Doc, ent: Span) -> Span | None:
    end = ent.end
    if end < len(doc) and doc[end].lower_ in ("border", "borders", "frontier", "border area", "border region"):
        return doc[end:end + 1]
    return None


def _link_containers(doc: Doc, mentions: list[Mention]) -> None:
    """"Alexandria, La." / "Gao, Mali" / "(Ansongo, Gao)": the second name contains the first."""
    by_start = {m.tok[0]: m for m in mentions}
    for m in mentions:
        end = m.tok[1]
        if m.kb and not m.kb.startswith("capital:"):
            continue  # a country or a region is inside nothing we resolve
        if end < len(doc) and doc[end].text == "," and end + 1 in by_start:
            c = by_start[end + 1]
            after = c.tok[1]
            # "Mali, Niger, Chad and Sudan" is a list, not "Gao, Mali"
            in_list = after < len(doc) and (
                (doc[after].text == "," and after + 1 in by_start) or
                (doc[after].lower_ in ("and", "or") and after + 1 in by_start))
            if not in_list:
                m.container = c
