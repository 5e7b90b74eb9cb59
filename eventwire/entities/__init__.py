"""Entities: named entities, generic agents and people with their mention chains, each coded
to an actor (country + sector) with the data entries that produced the code."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc

from ..actors.agents import TermMatcher
from .chains import person_entities
from .model import Actor, Entity, Mention
from .named import agent_entities, focus_country, named_entities

__all__ = ["Actor", "Entity", "Mention", "extract_entities"]


@lru_cache(maxsize=None)
def _term_matcher(nlp) -> TermMatcher:
    return TermMatcher(nlp)


def extract_entities(nlp, doc: Doc) -> list[Entity]:
    starts = [s.start for s in doc.sents]

    def sent_of(token_index: int) -> int:
        return bisect_right(starts, token_index) - 1

    terms = _term_matcher(nlp)(doc)
    named, persons = named_entities(doc, sent_of, terms)
    agents, roles = agent_entities(doc, sent_of, terms)
    people = person_entities(doc, sent_of, persons, roles, terms, focus_country(doc))
    # A demonym or identity inside an agent phrase ("Malian" in "Malian soldiers") is part of
    # that agent, not a mention of its own.
    covered = [(m.start, m.end) for e in agents for m in e.mentions]
    for ent in named:
        if ent.type == "NORP":
            ent.mentions = [m for m in ent.mentions
                            if not any(s <= m.start and m.end <= e for s, e in covered)]
    entities = [e for e in named + agents + people if e.mentions]
    entities.sort(key=lambda e: e.first)
    for i, ent in enumerate(entities, 1):
        ent.id = f"e{i}"
    return entities
