"""What the words of a clause say about its event, read from the parse for the status walk
(events/status.py): negation, modals, conditions, purposes, clauses that take their event as given,
and the parse repairs the walk needs (an amount that took its noun's phrase, a verb's particle)."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon


def perfect_infinitive(t: Token) -> bool:
    """ "(claimed) to have killed": a past event the governing verb reports, not an intention."""
    auxes = [c for c in t.children if c.dep_ == "aux"]
    return t.tag_ == "VBN" and any(c.tag_ == "TO" for c in auxes) and any(c.lemma_.lower() == "have" for c in auxes)


def negated(tok: Token, lex: Lexicon) -> bool:
    negators = lex.lists.get("negators", ())
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("det", "advmod") and c.lower_ in negators and c.lower_ not in ("without",):
            return True
        # "No one was hurt", "nobody was killed": the negation is on the participant
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none", "nothing", "noone") or any(
                g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            return True
    return False


def modal(tok: Token, lex: Lexicon) -> Token | None:
    modals = lex.lists.get("modal_words", ())
    for c in tok.children:
        if c.dep_ in ("aux", "advmod") and c.lower_ in modals and c.lower_ not in ("can",) :
            return c
        if c.dep_ == "aux" and c.lower_ == "can" and tok.tag_ in ("VB",):
            return c
    return None


def hedges_actors(t: Token, head: Token, dep: str) -> bool:
    """A hedge participle the parser made a verb that only says who the actors were: "presumed ISGS
    militants attacked ..." (no subject of its own), "gunmen believed to be with AQIM shot dead ..."
    (its infinitive comes first; the clause's subject, if the parser gave it one, is in that phrase)."""
    if not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in head.children):
        return True
    if dep not in ("ccomp", "xcomp", "conj"):
        return False
    inf = [c for c in head.children if c.dep_ == "xcomp" and c.i < t.i and c is not t and
           any(g.tag_ == "TO" for g in c.children)]
    return bool(inf) and all(c.i > inf[0].i for c in t.children if c.dep_ in ("nsubj", "nsubjpass"))


def predicative(t: Token) -> bool:
    """ "will be ready to", "is not willing": the copula carries the predicate's auxiliaries and negation."""
    return t.dep_ in ("acomp", "attr") and t.head.lemma_.lower() == "be"


def passive(v: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)


def conditional(tok: Token, lex: Lexicon) -> bool:
    marks = lex.lists.get("conditional_marks", ())
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in tok.children) and \
        tok.dep_ in ("advcl", "ccomp", "conj")


def presupposed(tok: Token, lex: Lexicon) -> bool:
    """A clause that takes its event as given: a relative clause or past participle describing a noun
    ("the militants who attacked the village", "sanctions imposed in 1990") or a temporal or causal
    clause ("after the army withdrew", "because talks failed"). What the clauses further up say
    (reports, plans, negations) is about their own event, not this one. An -ing participle is not
    one ("carried out the raid using information from X": how it was done is part of what is said)."""
    if tok.dep_ == "relcl" and purpose(tok):
        return False   # "interests to defend": an infinitive relative is meant, not given
    if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return True
    marks = lex.lists.get("presupposing_marks", ())
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)


def purpose(tok: Token, lex: Lexicon | None = None) -> bool:
    """ "(in order) to combat terrorism", "an agreement to increase trade": an infinitive clause
    that says what is meant to happen (not "the first country to recognise it": what was done)."""
    return tok.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) \
        and not (lex is not None and ranked(tok, lex))


def past(v: Token) -> bool:
    """ "grew", "had grown", "were killed": a finite past or perfect verb."""
    return v.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_.lower() == "have")
                                  for c in v.children)


def listed(verb: Token, words) -> bool:
    """The verb, or the verb with its particle ("call off", "rule out": "ruled that" negates nothing)."""
    lemma = verb.lemma_.lower()
    return lemma in words or any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in words for c in verb.children)


def measured(gov: Token) -> Token:
    """ "a reward of $5 million for his capture": the parser hangs the phrase on the amount, but an
    amount in an "of" phrase only measures its noun, and what the phrase is for is the noun's."""
    amount = gov.pos_ == "NUM" or (gov.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in gov.children))
    if amount and gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.pos_ in ("NOUN", "PROPN"):
        return gov.head.head
    return gov


def ranked(tok: Token, lex: Lexicon) -> bool:
    """"the last country to ratify", "the only state to condemn", "became the first to recognise":
    an infinitive on a noun ranked by an ordinal or "only" tells what that one did."""
    ranks = lex.lists.get("ranking_words", ())
    nouns = [tok.head] if tok.dep_ in ("acl", "relcl") else \
        [c for c in tok.head.children if c.dep_ in ("attr", "dobj", "oprd")] if tok.dep_ == "xcomp" else []
    return any(c.lower_ in ranks for n in nouns for c in list(n.children) + [n] if c.dep_ in ("amod", "advmod") or c is n)


def light_gerund(t: Token, lex: Lexicon) -> Token | None:
    """ "engaged in looting", "took part in planning": the verb a gerund is the act of, through a
    light verb's preposition (its own modals and negation are the gerund's)."""
    if t.tag_ != "VBG" or t.dep_ not in ("pobj", "pcomp") or t.head.pos_ != "ADP" or t.head.head.pos_ != "VERB":
        return None
    verb, prep = t.head.head, t.head.lower_
    lemma = verb.lemma_.lower()
    forms = [lemma] + [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "dobj") and c.i < t.i]
    return verb if any(f"{f} {prep}" in lex.light_verbs for f in forms) else None
