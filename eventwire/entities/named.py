"""Named entities and generic agents of a parsed document, each coded to an actor."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..actors.agents import Coding, Term, code_phrase, country_in, left_phrase, shared_head_countries
from ..actors.lexicon import entry
from .model import Actor, Entity, Mention

# Labels that name something; numbers, dates and quantities belong to other stages.
NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "these", "those", "that"}


def mention(span: Span, kind: str, sent: int) -> Mention:
    return Mention(span.start_char, span.end_char, span.text, kind, sent, span.root.i)


def bare_name(span: Span) -> str:
    """A phrase as a name: without leading determiners or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in _DETERMINERS:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].text in ("'s", "\u2019s", "'", "\u2019"):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i: tokens[-1].i + 1].text


def _entry_actor(e) -> Actor | None:
    if e.kind == "identity":
        return None
    if not (e.country or e.sector):
        return None
    return Actor(e.country, e.sector, e.name, [e.source], e.acled_inter)


def _coding_actor(coding: Coding, label: str, countries_in_doc: list[str], focus: str | None = None) -> Actor | None:
    country = coding.country
    evidence = list(coding.evidence)
    if not country and coding.countries:
        # An identity ("Tuareg rebels") takes the first of its countries that the article names.
        country = next((c for c in countries_in_doc if c in coding.countries), coding.countries[0])
        evidence.append("rule:identity-country")
    if not country and focus and coding.sector in DOMESTIC:
        country = focus
        evidence.append("rule:article-focus-country")
    if not (country or coding.sector):
        return None
    return Actor(country, coding.sector, label, evidence, countries=tuple(coding.countries))


def doc_countries(doc: Doc) -> list[str]:
    """Countries the article names (countries, capitals, demonyms, named actors of a country),
    most mentioned first (ties: first mentioned first)."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        e = entry(ent.kb_id_) if ent.kb_id_ else None
        if e and e.country and e.kind != "outlet":
            counts[e.country] = counts.get(e.country, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


# Agents that are usually of the country the story is about ("soldiers were killed" in a story
# on Mali are Malian soldiers); international and media agents are not.
DOMESTIC = {"MIL", "POL", "GOV", "LEG", "JUD", "SPY", "REB", "INS", "MLT", "UAF", "CVL", "OPP", "PTY", "REL", "BUS"}


def focus_country(doc: Doc) -> str | None:
    """The country a story is about: named in at least half of all country-bearing names."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        e = entry(ent.kb_id_) if ent.kb_id_ else None
        if e and e.country and e.kind != "outlet":
            counts[e.country] = counts.get(e.country, 0) + 1
    if not counts:
        return None
    top = max(counts, key=counts.get)
    return top if counts[top] * 2 >= sum(counts.values()) and list(counts.values()).count(counts[top]) == 1 else None


def named_entities(doc: Doc, sent_of, term_spans: list[tuple[Span, Term]]) -> tuple[list[Entity], list[Span]]:
    """Entities for gazetteer and NER names (PERSON names are returned apart, for the chains)."""
    entities: dict[str, Entity] = {}
    persons: list[Span] = []
    countries = doc_countries(doc)
    last = None  # (span, entity) of the previous name, for acronyms defined in parentheses
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        if ent.label_ == "PERSON" and not ent.kb_id_:
            persons.append(ent)
            continue
        if _absorbed(ent, term_spans) or _split_conjunct(ent, term_spans):
            continue
        e = entry(ent.kb_id_) if ent.kb_id_ else None
        if e:
            key, name, label, actor, evidence = e.key, e.name, e.label, _entry_actor(e), [e.source]
            if e.kind == "identity" and ent.root.dep_ not in _MODIFIER_DEPS:
                # a people named as such ("killed three Fulani", "belonging to Arabs"), not as a
                # modifier ("Fulani militiamen", "a Dogon village"): its members, civilians
                actor = _coding_actor(Coding(sector="CVL", evidence=[e.source], countries=e.countries), name,
                                      countries)
        else:
            name = bare_name(ent)
            key, label, evidence = f"name:{ent.label_}:{name.casefold()}", ent.label_, [f"ner:{ent.label_}"]
            # Only a term that heads the name codes it: "Malian Air Force" MIL, not "Military Forum".
            term = next((t for s, t in term_spans if ent.start <= s.start and s.end <= ent.end
                         and s.start <= ent.root.i < s.end), None)
            if term:
                coding = code_phrase(doc, ent.start, ent.end, ent.root, term)
            else:  # an unknown name: only a country word inside it says anything ("Bank of Mali")
                coding = Coding()
                country_in(doc, ent.start, ent.end, coding)
            actor = _coding_actor(coding, name, countries) if (term or label in ("ORG", "NORP")) else None
        previous = _defined_acronym(doc, ent, last)
        if previous is not None:  # "Coordination of Inclusivity Movements (CMI)": one entity
            previous.add(mention(ent, "name", sent_of(ent.start)))
            continue
        found = entities.get(key)
        if found is None:
            found = entities[key] = Entity(key, name, label, actor, evidence=evidence)
        found.add(mention(ent, "name", sent_of(ent.start)))
        last = (ent, found)
    return list(entities.values()), persons


_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}


def _absorbed(ent: Span, term_spans) -> bool:
    """A name whose tail starts a longer agent term is a modifier of that agent: "Malian military"
    in "the Malian military government" is part of the government, not the army."""
    return any(s.start < ent.end < s.end and s.start >= ent.start for s, _ in term_spans)


def _initials(span: Span) -> set[str]:
    return {t.text[0].upper() for t in span if t.text[:1].isupper()}


def _defined_acronym(doc: Doc, ent: Span, last) -> Entity | None:
    """The entity named just before "(ACRONYM)" when the acronym spells its initials."""
    if last is None or ent.start < 2 or ent.end >= len(doc):
        return None
    prev_span, prev_entity = last
    if doc[ent.start - 1].text != "(" or prev_span.end != ent.start - 1 or doc[ent.end].text != ")":
        return None
    acronym = ent.text.replace(".", "")
    if not (acronym.isupper() and 2 <= len(acronym) <= 8):
        return None
    initials = _initials(prev_span)
    return prev_entity if set(acronym) <= initials and len(initials) - len(set(acronym)) <= 1 else None


def agent_entities(doc: Doc, sent_of, term_spans: list[tuple[Span, Term]]) -> tuple[list[Entity], list[tuple[Span, Term]]]:
    """Entities for generic agents ("Malian soldiers"); singular roles are returned for the chains."""
    in_name = set()
    for ent in doc.ents:
        if ent.label_ in NAMED_LABELS and not _absorbed(ent, term_spans):
            in_name.update(range(ent.start, ent.end))
    named_orgs = [e for e in doc.ents if e.kb_id_ and e.label_ in ("ORG", "PERSON")]
    countries = doc_countries(doc)
    focus = focus_country(doc)
    entities: dict[str, Entity] = {}
    roles = []
    for span, term in term_spans:
        head = span[-1]
        if head.i in in_name or head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("compound", "amod", "nmod"):
            continue
        if term.kind == "role":
            if term.standalone:
                roles.append((span, term))
            continue
        start, end = left_phrase(head)
        start = min(start, span.start)
        # "Wagner Group contractors" are the Wagner Group: the named actor already covers them.
        phrase = doc[start:end]
        name = bare_name(phrase)
        org = next((entry(e.kb_id_) for e in named_orgs if start <= e.start and e.end <= span.start), None)
        if org and (org.country or org.sector):
            # Members of a named organisation are coded as it is: "Wagner Group contractors".
            actor = Actor(org.country, org.sector or term.sector, name, [org.source, term.evidence])
        else:
            coding = code_phrase(doc, start, end, head, term)
            actor = _coding_actor(coding, name, countries, focus)
        shared = shared_head_countries(doc, start, head) if actor and actor.sector else []
        if not shared:
            _add_agent(entities, actor, name, term, mention(phrase, "agent", sent_of(start)))
            continue
        # "French and Malian troops" are two actors of one head, each with the whole phrase as
        # its mention; a split-off first conjunct ("Nigerien and Chadian forces") keeps its word.
        tail = doc[shared[-1][0].end:end].text
        for span, country in shared:
            words = span if span.end <= start else phrase
            coded = Actor(country.country, actor.sector, f"{span.text} {tail}",
                          [*actor.evidence, country.source, "rule:shared-head"])
            _add_agent(entities, coded, coded.label, term, mention(words, "agent", sent_of(words.start)))
    return list(entities.values()), roles


def _add_agent(entities: dict, actor: Actor | None, name: str, term: Term, m: Mention) -> None:
    key = f"agent:{actor.country if actor else ''}:{term.sector}:{term.text}"
    found = entities.get(key)
    if found is None:
        found = entities[key] = Entity(key, name, "GROUP", actor, evidence=[term.evidence])
    found.add(m)


def _split_conjunct(ent: Span, term_spans) -> bool:
    """A lone country word the parser split from the agent it shares ("Nigerien" in "Nigerien and
    Chadian armed forces"): the agent phrase codes it."""
    if len(ent) != 1:
        return False
    for c in ent.root.children:
        if c.dep_ == "conj":
            for s, t in term_spans:
                if s[-1].i == c.i and t.kind == "agent":
                    shared = shared_head_countries(ent.doc, left_phrase(c)[0], c)
                    return bool(shared) and shared[0][0].start == ent.start
    return False
