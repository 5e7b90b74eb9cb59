"""Names listed with a place: "attacked Al-Rumliyah and Al-Madajin", "in Kwande, Katsina/Ala and Logo".

A coordination joins words of one kind, so a proper name coordinated with a toponym the text itself
puts somewhere (a locative preposition, a kind-of-place noun, a territory verb) is a place too, even
when the small model called it a person or an organisation and no gazetteer knows it. Names of
known actors and people named elsewhere in the article stay what they are ("between Israel and
Hamas", "Aleppo and Assad").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

MAX_LIST = 12   # conjuncts climbed per name ("stormed A, B and C"): a list of hundreds stays linear


def list_first(tok: Token, names_only: bool = False) -> Token:
    """The first conjunct of the list `tok` is in ("stormed A, B and C": A), climbing at most
    MAX_LIST steps so that a list of hundreds of names stays linear; `names_only` stops at a head
    that is no proper noun."""
    for _ in range(MAX_LIST):
        if not (tok.dep_ == "conj" and tok.head.i != tok.i and (tok.head.pos_ == "PROPN" or not names_only)):
            break
        tok = tok.head
    return tok


def _name_at(doc: Doc, tok: Token) -> Span | None:
    """The whole proper name a list word belongs to: its entity, else its run of proper nouns."""
    if tok.ent_type_:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        return ent if ent is not None and not ent.kb_id_ else None
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ and tok.i - start < 4:
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and end - tok.i < 4:
        end += 1
    return doc[start:end]


def coordinated_names(doc: Doc, seeds: list[tuple[int, int]], taken: list[tuple[int, int]],
                      people: set[str], labels: set[str]) -> list[tuple[Span, tuple[int, int]]]:
    """(span, seed) of proper names coordinated with a seed (token span of a located toponym),
    outside every `taken` character span, not a known person's name, with an NER label in `labels`
    or none."""
    tops = {list_first(doc[s:e].root).i: (s, e) for s, e in seeds}
    out: list[tuple[Span, tuple[int, int]]] = []
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or list_first(tok).i not in tops:
            continue
        if tok.dep_ != "conj" and not any(c.dep_ == "conj" for c in tok.children):
            continue
        if tok.ent_type_ and tok.ent_type_ not in labels:
            continue
        span = _name_at(doc, tok)
        if span is None or span.text in people:
            continue
        if any(a < span.end_char and span.start_char < b for a, b in taken):
            continue
        if all(span.start != o.start for o, _ in out):
            out.append((span, tops[list_first(tok).i]))
    return out
