"""Weapons of violent events, from the `instruments` of the pattern file."""
from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import acled as acled_rules
from .lexicon import Instrument, Lexicon
from .merge import violent

# Codes an instrument may make more specific: an attack with mortars is shelling.
GENERIC_CODES = {"180", "182", "1823", "190", "193", "183"}

_MATCHERS: dict = {}


def instrument_matcher(doc: Doc, lex: Lexicon) -> tuple[PhraseMatcher, dict]:
    key = (id(doc.vocab), lex.lang)
    hit = _MATCHERS.get(key)
    if hit is not None:
        return hit
    import spacy

    tokenizer = spacy.blank(lex.lang).tokenizer
    matcher = PhraseMatcher(doc.vocab, attr="LOWER")
    by_id = {}
    for inst in lex.instruments:
        by_id[inst.id] = inst
        pats = []
        for term in inst.terms:
            words = [t.text for t in tokenizer(term)]
            pats.append(Doc(doc.vocab, words=words))
        matcher.add(inst.id, pats)
    _MATCHERS[key] = (matcher, by_id)
    return matcher, by_id


def attach_instruments(doc: Doc, lex: Lexicon, drafts: list, ev_file: str) -> None:
    """Each violent draft takes the weapon named in its own clause ("killed by an IED", "shelled
    with mortars"): the first of the pattern file's instruments found there. A generic code
    (an attack, a killing) becomes the weapon's code, and the weapon's mode its mode."""
    if not any(violent(d) or (d.acled_rule in acled_rules.VIOLENT_RULES) for d in drafts):
        return
    matcher, by_id = instrument_matcher(doc, lex)
    order = [i.id for i in lex.instruments]
    hits: dict[int, str] = {}
    spans = [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
    for sp in filter_spans(spans):
        for t in sp:
            hits[t.i] = sp.label_
    if not hits:
        return
    for d in drafts:
        if not (violent(d) or d.acled_rule in acled_rules.VIOLENT_RULES):
            continue
        scope = set()
        for root in {d.anchor, d.token}:
            stack = [root]
            while stack and len(scope) < 80:   # the clause, without the other events coordinated with it
                t = stack.pop()
                scope.add(t.i)
                stack += [c for c in t.children if c.dep_ not in ("relcl", "ccomp", "parataxis", "cc") and
                          not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
        for t in d.trig.tokens:
            scope.add(t.i)
        found = {hits[i] for i in scope if i in hits}
        if not found:
            continue
        best = min(found, key=order.index)
        inst = by_id[best]
        if "firearms" in found and inst.acled in ("remote-explosive", "grenade"):
            # "an IED detonation followed by small arms fire": an armed engagement, not remote violence
            inst = Instrument(inst.id, inst.terms, inst.cameo, inst.mode, None)
        d.instrument = inst
        d.evidence.append(f"{ev_file}:instruments:{inst.id}")
        if inst.cameo and d.cameo in GENERIC_CODES and inst.cameo != d.cameo:
            if d.cameo[:2] in ("18", "19") and inst.cameo[:2] in ("18", "19", "20"):
                d.cameo = inst.cameo
                d.plover = lex.info(inst.cameo).plover
        if inst.mode and not d.pattern.mode:
            d.mode = inst.mode
