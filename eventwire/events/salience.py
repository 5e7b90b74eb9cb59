"""Where an event stands in its sentence: what is reported, the content of another event, or
an event named in passing, and whether it is an earlier incident the report refers to."""
from __future__ import annotations

BACKGROUND_MARKS = {"after", "before", "since", "while", "as", "when", "until", "once", "because", "though",
                    "although", "whereas", "whilst", "following"}


def salience(d) -> str:
    """main (what the sentence reports, or reports someone says), complement (the content of
    another event: "threatened to attack"), or background (an event named in passing: "after a
    week of fighting", "refugees fleeing the war", "the militia that controls the town")."""
    if d.parent is not None:
        return "complement"
    if d.derived:
        src = d.derived_from
        return salience(src) if src is not None and src is not d else "main"
    t = d.anchor
    if d.pattern.pos == "NOUN" and d.light is None:
        if t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd") and t.head.i != t.i:
            t = t.head
        elif t.dep_ != "ROOT":
            return "background"
    for _ in range(12):
        dep = t.dep_
        if dep == "ROOT" or t.head.i == t.i:
            return "main"
        if dep in ("relcl", "amod", "appos", "poss", "compound"):
            return "background"
        if dep == "acl" and not any(c.dep_ in ("aux", "mark") and (c.tag_ == "TO" or c.lower_ == "that")
                                    for c in t.children):
            return "background"   # "refugees fleeing the war", "a man killed by gunmen"
        if dep == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in BACKGROUND_MARKS
                                  for c in t.children):
            return "background"
        if dep == "pcomp" and t.head.lower_ in BACKGROUND_MARKS | {"during", "despite", "amid"}:
            return "background"
        t = t.head
    return "main"

def earlier(d, lists: dict) -> bool:
    """An incident the report gives as the cause or the time of its own ("in response to the
    attack on X", "after the killing of", "since the ambush"): told in passing, not the one
    reported."""
    t = d.anchor
    for _ in range(6):
        head = t.head
        if head.i == t.i:
            return False
        if t.dep_ in ("pobj", "pcomp") and head.pos_ == "ADP" and (
                head.lower_ in lists.get("earlier_incident_preps", ()) or
                head.head.lemma_.lower() in lists.get("earlier_incident_nouns", ())):
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lists.get("earlier_incident_preps", ())
                                     for c in t.children):
            return True
        if t.dep_ not in ("pobj", "pcomp", "prep"):
            return False
        t = head
    return False
