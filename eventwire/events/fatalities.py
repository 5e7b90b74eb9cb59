"""Fatalities and other casualties: how many people an event killed, wounded, abducted or
arrested, read from the victims' noun phrase ("killed two soldiers", "at least 30 people were
killed", "scores of soldiers", "one dead and several wounded").

Counts are ranges: `min`/`max` (null when unknown or open), `value` the number as said (the low end
for vague words). Digits ("1,200", "1.5 million"), number words ("twenty-five", "a hundred"),
ranges ("10 to 15", "between 10 and 15"), modifiers ("at least", "more than", "about", "up to")
and vague quantities ("dozens", "scores", "thousands") are understood; values above a billion
("1e99", "three trillion") are not casualty counts and come out as unknown.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon
from .roles import conjuncts, counted, listed

MAX_PLAUSIBLE = 1_000_000_000
_LOWER_BOUND = {"at least": 0, "more than": 1, "over": 1, "upwards of": 0, "no fewer than": 0, "no less than": 0,
                "not less than": 0, "in excess of": 1, "above": 1, "at minimum": 0, "a minimum of": 0}
_UPPER_BOUND = {"up to": 0, "as many as": 0, "at most": 0, "fewer than": -1, "less than": -1, "under": -1,
                "nearly": -1, "almost": -1, "close to": -1, "a maximum of": 0}
_APPROX = {"about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "circa", "ca.",
           "approx.", "nearly", "almost", "close to"}
_MODIFIER_WORDS = {"more", "fewer", "less", "over", "nearly", "almost", "about", "around", "some", "roughly",
                   "approximately", "least", "most", "up", "under", "estimated"}
_NUM_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


@dataclass
class Count:
    text: str
    start: int
    end: int
    min: int | None
    max: int | None
    value: int | None
    acled: int | None = None   # ACLED's conservative point for a vague count ("dozens" -> 12)

    def to_dict(self, kind: str) -> dict:
        out = {"text": self.text, "min": self.min, "max": self.max, "value": self.value, "kind": kind,
               "start": self.start, "end": self.end}
        out["acled"] = self.acled if self.acled is not None else self.value
        return out


def _number(word: str, lex: Lexicon) -> float | None:
    w = word.lower().strip()
    if _NUM_RE.match(w):
        try:
            return float(w.replace(",", ""))
        except ValueError:
            return None
    if w in lex.numbers:
        return lex.numbers[w]
    if "-" in w:   # "twenty-five"
        parts = [lex.numbers.get(p) for p in w.split("-")]
        if all(p is not None for p in parts) and len(parts) == 2 and parts[0] >= 20 and parts[1] < 10:
            return parts[0] + parts[1]
    try:
        v = float(w)
        return v if math.isfinite(v) else None
    except ValueError:
        return None


def words_value(words: list[str], lex: Lexicon) -> float | None:
    """ "two hundred fifty", "1.5 million", "a dozen", "580 million" -> a number."""
    total = 0.0
    current = None
    seen = False
    for w in words:
        if w in ("and", "-", "a", "an") and (seen or w in ("a", "an")):
            if w in ("a", "an") and not seen:
                current = 1.0
                seen = True
            continue
        v = _number(w, lex)
        if v is None:
            return None
        seen = True
        if v in (100.0, 1000.0, 1e6, 1e9, 1e12) and w.lower() not in ("100", "1000"):
            current = (current or 1.0) * v
            if v >= 1000:
                total += current
                current = None
        elif w.lower() in ("dozen",):
            current = (current or 1.0) * 12
        elif w.lower() in ("score",):
            current = (current or 1.0) * 20
        else:
            current = (current or 0.0) + v
    if not seen:
        return None
    return total + (current or 0.0)


def _phrase_tokens(num: Token) -> list[Token]:
    """A number token with its compound parts and modifiers: "at least 30", "1.5 million"."""
    toks = [num]
    stack = [num]
    while stack and len(toks) < 12:
        t = stack.pop()
        for c in t.children:
            if (c.dep_ in ("compound", "quantmod", "nummod", "advmod", "cc", "conj", "prep", "pobj", "det")
                    or (c.dep_ == "punct" and c.text in ("-", "\u2013"))
                    or (c.dep_ in ("amod", "advmod") and c.lower_ in _MODIFIER_WORDS)) \
                    and abs(c.i - num.i) <= 5 and c not in toks:
                if c.dep_ in ("prep",) and c.lower_ not in ("to", "of"):
                    continue
                if c.dep_ == "det" and c.lower_ not in ("a", "an"):
                    continue
                toks.append(c)
                stack.append(c)
    return sorted(toks, key=lambda t: t.i)


def parse_count(tokens: list[Token], lex: Lexicon) -> Count | None:
    """A count from the tokens of a number expression (in text order)."""
    if not tokens:
        return None
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc[tokens[0].i:tokens[-1].i + 1].text
    low = " ".join(t.lower_ for t in tokens)
    has_number = any(t.like_num or (t.lower_ in lex.numbers and t.lower_ not in ("a", "an", "no", "none"))
                     for t in tokens)
    if not has_number or any(t.lower_ in ("dozens", "scores", "hundreds", "thousands", "millions", "tens")
                             for t in tokens):
        for phrase in sorted(lex.vague, key=len, reverse=True):
            if re.search(r"(^|\s)" + re.escape(phrase) + r"($|\s)", low):
                lo, hi = lex.vague[phrase]
                if any(re.search(r"(^|\s)" + re.escape(m) + r"\s", low) for m in _LOWER_BOUND):
                    hi = None
                return Count(text, start, end, lo, hi, lo, lex.vague_acled.get(phrase))
    words = [t.lower_ for t in tokens]
    mod_lo = next((m for m in _LOWER_BOUND if re.search(r"(^|\s)" + re.escape(m) + r"\s", low)), None)
    mod_hi = next((m for m in _UPPER_BOUND if re.search(r"(^|\s)" + re.escape(m) + r"\s", low)), None)
    approx = next((m for m in _APPROX if re.search(r"(^|\s)" + re.escape(m) + r"\s", low)), None)
    core = [w for w in words if _number(w, lex) is not None or w in ("and", "-", "to", "a", "an")]
    # ranges: "10 to 15", "between 10 and 15", "10-15"
    rng = re.match(r"^(?:between\s+)?(\S+)\s+(?:to|and|-|\u2013|or)\s+(\S+)$", " ".join(
        w for w in words if _number(w, lex) is not None or w in ("to", "and", "-", "\u2013", "or", "between")))
    if rng and _number(rng.group(1), lex) is not None and _number(rng.group(2), lex) is not None:
        a, b = _number(rng.group(1), lex), _number(rng.group(2), lex)
        if a is not None and b is not None and a < b and b < 1e4 * max(a, 1):
            return _bounded(text, start, end, a, b, a)
    if len(tokens) == 1 and "-" in tokens[0].text and re.match(r"^\d+-\d+$", tokens[0].text):
        a, b = (float(x) for x in tokens[0].text.split("-"))
        return _bounded(text, start, end, a, b, a)
    value = words_value([w for w in core if w != "to"], lex)
    if value is None:
        return None
    if mod_lo:
        lo = value + _LOWER_BOUND[mod_lo]
        return _bounded(text, start, end, lo, None, value)
    if mod_hi:
        hi = value + _UPPER_BOUND[mod_hi]
        lo = math.floor(value * 0.9) if mod_hi in ("nearly", "almost", "close to") else None
        return _bounded(text, start, end, lo, hi, value)
    if approx:
        return _bounded(text, start, end, math.floor(value * 0.9), math.ceil(value * 1.1), value)
    return _bounded(text, start, end, value, value, value)


def _bounded(text, start, end, lo, hi, value) -> Count:
    def ok(v):
        if v is None:
            return None
        if not math.isfinite(v) or v < 0 or v > MAX_PLAUSIBLE:
            return "bad"
        return int(round(v))
    lo2, hi2, v2 = ok(lo), ok(hi), ok(value)
    if "bad" in (lo2, hi2, v2):
        return Count(text, start, end, None, None, None)
    return Count(text, start, end, lo2, hi2, v2)


def count_of(head: Token, lex: Lexicon) -> Count | None:
    """The number of people a victims' noun phrase headed by `head` names."""
    if head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY") or \
            head.lemma_.lower() in _ANIMALS or head.lower_ in _ANIMALS:
        return None
    lower = head.lower_
    vague_heads = {p for p in lex.vague if " " not in p}
    # the head is itself a quantity: "scores of soldiers", "dozens", "two of them", "at least 30"
    if head.like_num or lower in lex.numbers or lower in vague_heads or lower in ("tens", "hundreds", "thousands"):
        toks = _phrase_tokens(head)
        # "tens of thousands": keep the "of thousands" part, not "of soldiers and ..."
        big = ("thousands", "millions", "hundreds")
        toks = [t for t in toks if t.dep_ not in ("cc", "conj") or t.i < head.i]
        toks = [t for t in toks if t.dep_ != "pobj" or t.lower_ in big]
        toks = [t for t in toks if t.lower_ != "of" or any(x.lower_ in big for x in toks if x.i == t.i + 1)]
        toks = [t for t in toks if t.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT")] or toks[:0]
        c = parse_count(toks, lex) if toks else None
        if c is not None:
            return c
    nums = [c for c in head.children if c.dep_ in ("nummod",) or (c.dep_ == "amod" and c.lower_ in vague_heads)]
    if not nums:
        # "34 Katiba Macina militants": the number parsed onto the first word of a name
        for c in head.children:
            if c.dep_ == "compound" and c.i < head.i:
                for cc in [c] + [g for g in c.subtree if g.dep_ == "compound"]:
                    nums += [g for g in cc.children if g.dep_ == "nummod" and g.i < cc.i and g.like_num]
    if nums:
        mods = [c for c in head.children if c.dep_ in ("amod", "advmod") and c.lower_ in ("more", "fewer", "less", "over")
                and c.i < nums[0].i]
        nums = mods + nums
        toks = []
        for n in nums:
            toks += _phrase_tokens(n)
        toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
        return parse_count(toks, lex)
    person = _is_person(head, lex)
    for c in head.children:
        if c.dep_ == "det" and c.lower_ in ("a", "an", "one"):
            # "killed a Dozo": an indefinite proper noun is a member, not the organisation
            if head.tag_ in ("NN", "NNP") and (person or (head.tag_ == "NNP" and head.ent_type_ in ("ORG", "NORP")
                                                          and head.lemma_.lower() not in _PLACES)):
                return Count(c.text, c.idx, c.idx + len(c.text), 1, 1, 1)
            if head.pos_ == "ADJ" and head.dep_ in ("dobj", "nsubjpass", "conj") and head.head.pos_ in ("VERB", "NOUN"):
                return Count(c.text, c.idx, c.idx + len(c.text), 1, 1, 1)   # "killing a notable": a person
        if c.dep_ == "det" and c.lower_ == "no":
            return Count(c.text, c.idx, c.idx + len(c.text), 0, 0, 0)
    if (lower in lex.lists.get("reflexives", ()) and lower != "themselves") or lower in ("him", "her"):
        return Count(head.text, head.idx, head.idx + len(head.text), 1, 1, 1)
    if head.tag_ in ("NN", "NNP") and head.pos_ in ("NOUN", "PROPN") and person:
        return Count(head.text, head.idx, head.idx + len(head.text), 1, 1, 1)
    if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        return Count(head.text, head.idx, head.idx + len(head.text), 1, 1, 1)
    return None


_PLACES = {"village", "town", "city", "market", "school", "mosque", "church", "house", "home", "camp", "base",
           "post", "checkpoint", "convoy", "patrol", "vehicle", "bus", "position", "area", "locality", "hamlet",
           "settlement", "farm", "well", "community", "population", "station", "office", "building", "bridge"}


_ANIMALS = {"ox", "oxen", "cattle", "cow", "cows", "donkey", "donkeys", "livestock", "goat", "goats", "sheep",
            "camel", "camels", "animal", "animals", "horse", "horses", "dog", "dogs", "bull", "bulls"}


def _is_person(head: Token, lex: Lexicon) -> bool:
    from ..actors.agents import terms

    lemma = head.lemma_.lower()
    if lemma in _PLACES or lemma in _ANIMALS or head.ent_type_ in ("GPE", "ORG", "LOC", "FAC"):
        return False
    if head.ent_type_ == "NORP" or head.lower_ in ("him", "her"):
        return True   # "killed an elderly Fulani", "killing him"
    if head.ent_type_ == "PERSON":
        return True
    if lemma in terms() or lemma in lex.lists.get("civilian_targets", ()) or lemma in lex.lists.get("armed_targets", ()):
        return True
    # the victims of a killing are people unless they are animals or things: "a veterinarian",
    # "a prominent griot", "a member of the Fulani community"
    return head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "nsubj", "conj", "pobj") and \
        head.head.pos_ in ("VERB", "ADP", "NOUN") and not head.is_stop


def victims_count(heads: list[Token], lex: Lexicon, kind: str | None = None) -> Count | None:
    """Sum of the counts of coordinated victims of a `kind` of harm: "two militiamen and three
    civilians"; a victim marked with another fate ("two gendarmes dead and ...") is left out."""
    parts: list[Count] = []
    for h in heads:
        if h.lower_ in ("them", "they") and h.head.dep_ == "conj":
            # "abducted six Fulani men, executed them": the object of the verb before
            objs = [c for c in h.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if objs:
                h = objs[0]
        elif h.lower_ in ("them", "they") and count_of(h, lex) is None:
            # "abducted four men in X, they were executed": the people the clause before named
            before = [t for t in h.sent if t.i < h.i and t.dep_ in ("dobj", "nsubjpass") and t.tag_ in ("NNS", "NNPS")]
            if before and count_of(before[-1], lex) is not None:
                h = before[-1]
        found = False
        for t in listed(h):
            if any((g.dep_ == "amod" or (g.dep_ == "acl" and t is not h)) and
                   (fate_of(g.lower_, lex) or kind) != kind for g in t.children):
                continue   # "two gendarmes dead and one civilian wounded", "3 killed and 5 others wounded
            c = count_of(t, lex)
            if c is not None:
                parts.append(c)
                found = True
        if not found:
            # "killing a man and burning tents" parsed as one noun phrase about "tents"
            for m in h.children:
                if m.dep_ == "nmod" and m.i < h.i and (_is_person(m, lex) or any(
                        c.dep_ in ("nummod", "det") for c in m.children)):
                    for t in conjuncts(m):
                        if t.i < h.i and (c := count_of(t, lex)) is not None:
                            parts.append(c)
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    lo = sum(p.min for p in parts) if all(p.min is not None for p in parts) else None
    hi = sum(p.max for p in parts) if all(p.max is not None for p in parts) else None
    val = sum(p.value for p in parts) if all(p.value is not None for p in parts) else None
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    span = heads[0].doc.char_span(start, end, alignment_mode="expand")
    return Count(span.text if span is not None else "", start, end, lo, hi, val)


def outermost(items: list, span) -> list:
    """`items` less those whose `span(item)` lies inside another's: a count read twice, alone and
    inside the list that holds it ("46 soldiers" in "46 soldiers, 28 civilians and 156
    militants"), is counted once."""
    spans = [span(x) for x in items]
    return [x for x, (s, e) in zip(items, spans)
            if not any(os <= s and e <= oe and (os, oe) != (s, e) for os, oe in spans)]


def fate_of(word: str, lex: Lexicon) -> str | None:
    """The kind of harm an adjective names ("dead" -> killed, "wounded" -> injured), from the
    casualty words of the pattern file."""
    return next((kind for kind, spec in lex.casualty.items() if word in spec.get("adjs", ())), None)


def _counted_fate(tok: Token, lex: Lexicon) -> bool:
    # "six dead" (a number on the word), "one dead" (the word on a number), "2 dead" (its subject);
    # not a verb, whose subject may be shared ("four were detained before being executed")
    return tok.pos_ != "VERB" and fate_of(tok.lower_, lex) is not None and (
        (tok.head.like_num and tok.head.i < tok.i) or any(c.like_num and c.i < tok.i for c in tok.children))


def segment_count(verb: Token, lex: Lexicon) -> Count | None:
    """The victims written just before a harm verb the parser left without them: "..., a soldier and
    a militant was killed", "..., 15 presumed JNIM militants killed", "at least one killed". A fate
    word with a number of its own ends the segment: in "six dead and several injured" the six are
    the dead's."""
    doc = verb.doc
    start = verb.i
    while start > verb.sent.start and doc[start - 1].text not in (",", ";", ":", ".") and verb.i - start < 12 \
            and not _counted_fate(doc[start - 1], lex):
        start -= 1
    seg = [t for t in doc[start:verb.i] if t.dep_ not in ("auxpass", "aux", "punct")]
    if not seg:
        return None
    nums = [t for t in seg if (t.like_num or t.lower_ in lex.numbers) and t.lower_ not in ("a", "an", "no")]
    if nums:
        first = nums[0]
        toks = [t for t in seg if t.i >= first.i - 2 and (t.i <= nums[-1].i)]
        toks = [t for t in toks if t.lower_ in ("at", "least", "more", "than", "about", "around", "some", "over",
                                                 "nearly", "almost", "up", "to") or t in nums]
        return parse_count(toks, lex)
    nouns = [t for t in seg if t.pos_ in ("NOUN", "PROPN") and _is_person(t, lex)]
    if nouns:
        singles = [t for t in nouns if t.tag_ in ("NN", "NNP") and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "the", "one") for c in t.children)]
        if singles and len(singles) == len([t for t in nouns if t.dep_ not in ("compound", "poss")]):
            return Count(doc[singles[0].i:singles[-1].i + 1].text, singles[0].idx,
                         singles[-1].idx + len(singles[-1].text), len(singles), len(singles), len(singles))
    return None


def kind_of(trigger_tokens: list[Token], pattern_id: str, cameo: str, lex: Lexicon) -> str | None:
    """killed | injured | abducted | arrested, by the trigger's words."""
    forms = {t.lemma_.lower() for t in trigger_tokens} | {t.lower_ for t in trigger_tokens}
    if cameo[:2] in ("18", "19", "20", "14", "17") or pattern_id in ("die-violently",):
        for kind in ("killed", "injured", "abducted", "arrested"):
            spec = lex.casualty.get(kind, {})
            words = spec.get("verbs", frozenset())
            if trigger_tokens[0].pos_ == "NOUN":   # "the killing of 34 militants", "the death of seven"
                words = words | spec.get("nouns", frozenset())
            if forms & words:
                if kind == "killed" and "claim" in forms and not _claims_lives(trigger_tokens[0]):
                    continue
                return kind
        if "dead" in forms:
            return "killed"
        # every phrase of a lethal pattern kills, however its words fall: "stabbed two farmers to death"
        for kind, spec in lex.casualty.items():
            if pattern_id in spec.get("patterns", ()):
                return kind
    return None


def _claims_lives(tok: Token) -> bool:
    return any(c.dep_ == "dobj" and (c.lemma_.lower() == "life" or any(
        g.lemma_.lower() == "life" for g in c.subtree)) for c in tok.children)


_WORDS: dict = {}


def _casualty_words(lex: Lexicon) -> frozenset:
    key = id(lex)
    if key not in _WORDS:
        words = set()
        for spec in lex.casualty.values():
            for part in ("nouns", "adjs"):
                words |= spec.get(part, frozenset())
        _WORDS[key] = frozenset(words | {"toll"})
    return _WORDS[key]


# --- casualty words that are not triggers: "one dead and several wounded", "the death toll rose to 40"

_FOUND_VERBS = {"find", "discover", "leave", "lie", "remain", "report", "confirm", "declare", "pronounce"}


def loose_casualties(sent, lex: Lexicon, used: set[int]) -> list[tuple[str, Count, Token]]:
    """(kind, count, token) for casualty nouns and adjectives with a number in the sentence."""
    out = []
    words = _casualty_words(lex)
    for tok in sent:
        if tok.i in used:
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in ("die", "succumb", "perish"):
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            c = count_of(subj[0], lex) if subj else None
            if c is not None and c.value:
                out.append(("killed", c, tok))
            continue
        lower = tok.lower_
        lemma = tok.lemma_.lower()
        if lower not in words and lemma not in words:
            continue
        for kind in ("killed", "injured"):
            spec = lex.casualty.get(kind, {})
            if lower in spec.get("adjs", frozenset()) or lemma in spec.get("nouns", frozenset()) or \
                    lower in spec.get("nouns", frozenset()):
                if tok.pos_ == "VERB" and lower not in ("dead",):
                    continue
                c = None
                subj = [ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")]
                if tok.dep_ in ("amod", "acomp", "oprd") and tok.head.pos_ in ("NUM",):
                    c = count_of(tok.head, lex)
                elif tok.pos_ == "ADJ" and subj:       # "One assailant dead", "29 dead"
                    c = count_of(subj[0], lex)
                elif tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i < tok.i and \
                        tok.head.pos_ == "NOUN" and counted(tok.head):
                    c = count_of(tok.head, lex)        # "two gendarmes dead and one civilian wounded"
                elif tok.pos_ == "ADJ" and tok.dep_ in ("oprd", "acomp", "ccomp") and \
                        tok.head.lemma_.lower() in _FOUND_VERBS:   # "two youths were found dead"
                    # the object, when there is one, is who is dead: "the clashes left seven people dead";
                    # the subject too ("2 reported dead"), but not of "leave": in "the attack left 12
                    # dead" it is the cause, and the number is on the adjective
                    deps = ("nsubjpass", "dobj") + (("nsubj",) if tok.head.lemma_.lower() != "leave" else ())
                    vs = sorted((ch for ch in tok.head.children if ch.dep_ in deps), key=lambda ch: deps.index(ch.dep_))
                    if any(ch.dep_ == "nummod" for ch in tok.children):
                        c = count_of(tok, lex)
                    elif vs:
                        c = count_of(vs[0], lex)
                elif any(ch.dep_ == "nummod" or (ch.dep_ == "amod" and ch.lower_ in lex.vague) for ch in tok.children):
                    c = count_of(tok, lex)
                elif lemma in ("toll",) or lower in ("toll",):
                    nums = [t for t in tok.head.subtree if t.like_num and t.i > tok.i]
                    if nums:
                        c = count_of(nums[0], lex)
                elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.like_num:
                    c = count_of(tok.head.head, lex)
                elif lemma in ("death", "body", "corpse") and tok.tag_ in ("NNS",):
                    ofs = [g for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of" for g in ch.children
                           if g.dep_ == "pobj"]
                    if ofs:
                        c = count_of(ofs[0], lex)
                if c is not None and (c.min is not None or c.value is not None):
                    out.append((kind, c, tok))
                break
    return out
