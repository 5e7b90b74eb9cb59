"""What in the text says a name is a place: a locative preposition before it ("in X", "residents of
X"), a kind-of-place noun beside it or in apposition ("the village of X", "X district", "the regional
capital, X"), a direction word ("eastern X"), a territory verb taking it ("captured X"), a generic word
opening it ("Tal X"), a parenthesis with its region ("(X, Gao)"). Used by `mentions.py`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .coordination import list_first
from .language import Words
from .names import DETERMINERS, DIVISION_WORDS, article_or_space

# Prepositions after which a proper name is read as a place.
LOCATIVE = {"in", "near", "at", "from", "to", "between", "outside", "around", "into", "across", "toward",
            "towards", "via", "through", "inside", "nearby", "of", "and", "throughout", "within"}
STRONG_LOCATIVE = LOCATIVE - {"of", "and", "to", "from"}
# "residents of Gao", "the outskirts of Gao": nouns that make "of" locative.
OF_PLACE_NOUNS = {"residents", "resident", "outskirts", "town", "city", "village", "villages", "region", "province",
                  "people", "mayor", "governor", "streets", "centre", "center", "suburbs", "capital", "parts",
                  "area", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                  "heart", "edge", "east", "vicinity", "environs", "inhabitants", "citizens", "district"}


def locative_before(doc: Doc, i: int) -> str | None:
    """The preposition governing a name starting at token i ("in", "near"), skipping "the"; "of"
    counts as "at" after a place noun ("residents of Gao")."""
    j = i - 1
    while j >= 0 and article_or_space(doc[j]):
        j -= 1
    if j >= 0 and doc[j].lower_ in LOCATIVE:
        if doc[j].lower_ == "of" and j >= 1 and doc[j - 1].lower_ in OF_PLACE_NOUNS:
            return "at"
        return doc[j].lower_
    return None


def named_by_kind_noun(doc: Doc, span: Span, w: Words) -> bool:
    """"the town of X", "the towns of A, B and X", "X district", "a village called X", "the X
    Military Airport"."""
    s, e = span.start, span.end
    if all(t.lower_ in w.heads or t.lower_ in DIVISION_WORDS for t in span):
        return False   # "Governorate" of "the Aleppo Governorate" is no name of its own
    if any(t.is_punct and t.text not in ("-", "'", "’", "‘", "ʿ", "`") for t in span):
        return False   # "Tessit (Ansongo": a name and its district, read by the parenthesis rule
    while e < len(doc) and doc[e].is_space:
        e += 1   # "in Tabag  village": wire copy often doubles its spaces
    people = all(t.ent_type_ == "NORP" or t.pos_ == "ADJ" for t in span) and any(
        t.pos_ == "ADJ" or t.ent_kb_id_ or t.lower_ in w.faiths for t in span)
    # "a Jewish settlement", "the Basque city of Bilbao", "a Sunni Arab area": a people or a faith before
    # the noun, not a place; a name only the NER took for a people is the place's ("the Ansari
    # district") (after "the town of", it is the town whatever the NER said: "the town of Rastan")
    if not people and e < len(doc) and doc[e].lower_ in w.kind_nouns and not doc[e].is_title:
        return True
    if not people and len(span) > 1 and span[-1].is_title and span[-1].lower_ in w.heads:
        return True
    if _apposed_kind_noun(span, w):
        return True
    j = s - 1
    while j > max(0, s - 25) and (doc[j].text in (",", "and", "or") or doc[j].pos_ == "PROPN"):
        j -= 1   # back over a list of names
    if j >= 1 and doc[j].lower_ in DETERMINERS and doc[j - 1].lower_ == "of":
        j -= 1   # "the countryside of the X Governorate"
    return (j >= 1 and doc[j].lower_ in ("of", "called", "named") and doc[j - 1].lower_ in w.apposed
            and not all(t.pos_ == "ADJ" for t in span))   # "the capital of the Jewish state"


def _apposed_kind_noun(span: Span, w: Words) -> bool:
    """A kind-of-place noun in apposition names the name a place: "the regional capital, Grozny",
    "Furqlus, a town on the highway", "oil city Port Harcourt", "capital Dhaka"."""
    root, doc = span.root, span.doc
    # right after the noun or set off by a comma, as appositions are ("the city, rebel-held X"): the
    # parser also hangs names it cannot place there ("the Army's "Tiger Forces"")
    if root.dep_ == "appos" and root.head.lower_ in w.apposed and root.head.i < span.start and all(
            t.text == "," or root in t.ancestors and t.dep_ not in ("det", "poss", "case") and not t.is_quote
            for t in doc[root.head.i + 1:span.start]):
        return True
    if span.end < len(doc) and doc[span.end].text == "," and any(
            c.dep_ == "appos" and c.lower_ in w.apposed and c.i > span.end for c in root.children):
        return True
    # a kind noun before the name that has a name of its own is another place ("the Ramadi area Abu X")
    return any(c.lower_ in w.apposed and c.dep_ == "compound" and c.i < span.start
               and not any(g.pos_ == "PROPN" for g in c.children) for c in root.children)


def after_direction(doc: Doc, span: Span, w: Words) -> bool:
    """"in eastern Ghouta", "near south Aleppo": a direction word between a locative and a name."""
    i = span.start - 1
    if i < 1 or doc[i].lower_ not in w.directions:
        return False
    j = i - 1
    while j >= 0 and article_or_space(doc[j]):
        j -= 1
    return j >= 0 and doc[j].lower_ in STRONG_LOCATIVE


def modifies_place_noun(span: Span, w: Words) -> bool:
    """"the Tororo railway yard", "their Inglewood home", "the Kawkab army base": the name qualifies a
    noun for a kind of place, whose town it gives."""
    root = span.root
    if root.dep_ != "compound" or root.head.i < span.end or root.head.pos_ != "NOUN":
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
        head = head.head
    # not a division ("Douglas and Wyandotte counties"): that names the division, not its town
    return head.lower_ in w.location_nouns and head.lemma_.lower() not in DIVISION_WORDS


def territory_object(span: Span, w: Words, verbs: frozenset | None = None) -> bool:
    """"captured Knin", "entered Palmyra", "thronged Hama" (also in coordination: "stormed A and B")."""
    root = list_first(span.root, names_only=True)
    return root.dep_ == "dobj" and root.head.lemma_.lower() in (w.territory_verbs if verbs is None else verbs)


def generic_led(span: Span, w: Words) -> bool:
    """"Tal Al-Bardah", "Kafr Naya": a name of two words or more opened by a generic place word."""
    words = span.text.split()
    return len(words) >= 2 and words[0].lower() in w.generics


def place_context(doc: Doc, span: Span, w: Words) -> bool:
    """A locative preposition or a territory verb before the name, or before the first name of
    the list it ends ("at Kafr Naya and Deir Maqran")."""
    if locative_before(doc, span.start) in STRONG_LOCATIVE or territory_object(span, w):
        return True
    root = list_first(span.root)
    return root.i != span.root.i and (locative_before(doc, root.left_edge.i) in STRONG_LOCATIVE
                                      or territory_object(doc[root.left_edge.i:root.i + 1], w))


def unknown_spot(doc: Doc, span: Span) -> bool:
    """A name after a locative preposition that the NER called a person or an organisation but
    that may be a village nobody lists: not a possessor ("in Smith's view"), not followed by a
    noun it modifies ("at Reuters headquarters"), not inside a longer name."""
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is None or (nxt.pos_ not in ("NOUN", "PROPN", "PART") and nxt.lower_ not in ("'s", "’s"))


def in_place_parentheses(doc: Doc, span: Span) -> bool:
    """"(Ansongo, Gao)": a parenthesis holding "Name, Place" is a location."""
    s, e = span.start, span.end
    if s > 0 and doc[s - 1].text == "(" and e + 1 < len(doc) and doc[e].text == ",":
        return True
    if e < len(doc) and doc[e].text == ")" and s >= 2 and doc[s - 1].text == ",":
        return True
    return False
