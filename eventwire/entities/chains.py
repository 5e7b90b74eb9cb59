"""Mention chains for people: full names, surnames, titles ("General Diarra"), role descriptions
("the official", "Mali's air force chief") and he/she pronouns, linked into one entity each.

Rules, in document order:
- a name that is a sub-sequence of an earlier (or later, longer) name joins its chain;
- titles written before a name, and appositive roles ("X, the army spokesman,") become titles;
- a role description joins the person mentioned most recently within `WINDOW` sentences; with
  no such person (a headline or standfirst), the first person named within the next `WINDOW`;
- a pronoun joins the person mentioned most recently within `WINDOW` sentences (`SOLE_WINDOW`
  when that person is the only one mentioned in that stretch), or nobody.
A role nobody claims becomes an entity of its own ("a police spokesman"), coded from its words.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..actors.agents import Term, code_phrase, left_phrase
from .model import Actor, Entity, Mention
from .named import DOMESTIC, bare_name, mention

WINDOW = 3
# With no other person in between, a pronoun or role reaches back further: news stories often
# return to their one protagonist after a background paragraph.
SOLE_WINDOW = 10
PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def _role_span(doc: Doc, span: Span) -> Span:
    """The whole role description: "the Chief of Staff of the Western African nation's air force"."""
    head = span.root
    start, _ = left_phrase(span[-1])
    start = min(start, span.start)
    end = span.end
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
            end = child.right_edge.i + 1
    return doc[start:end]


def _name_tokens(span: Span) -> list[str]:
    """Tokens compared between mentions of a name: "Al-Sharaa" = "al-Sharaa", "Rufay’i’s" = "Rufay'i"."""
    tokens = [t.text.replace("\u2019", "'").casefold() for t in span]
    while tokens and tokens[-1] in ("'s", "'"):
        tokens.pop()
    return tokens


class _Person:
    def __init__(self, key: str, span: Span, named: bool = True):
        self.key = key
        # An unnamed person ("a police spokesman") is never matched by a name.
        self.name_tokens = _name_tokens(span) if named else []
        self.entity = Entity(key, span.text if named else bare_name(span), "PERSON",
                             evidence=["ner:PERSON" if named else "rule:unnamed-role"])
        self.codings = []   # (is_title, Coding) for the actor vote

    def known(self, field: str, titles_only: bool = False) -> str | None:
        for is_title, coding in self.codings:
            if (is_title or not titles_only) and getattr(coding, field):
                return getattr(coding, field)
        return None

    def matches(self, tokens: list[str]) -> bool:
        if not self.name_tokens:
            return False
        n = len(tokens)
        mine = self.name_tokens
        if n <= len(mine):
            return any(mine[i:i + n] == tokens for i in range(len(mine) - n + 1))
        return any(tokens[i:i + len(mine)] == mine for i in range(n - len(mine) + 1))

    def actor(self) -> Actor | None:
        sector = country = None
        evidence = []
        for _, coding in sorted(self.codings, key=lambda c: not c[0]):
            if coding.sector and not sector:
                sector = coding.sector
                evidence += coding.evidence
            if coding.country and not country:
                country = coding.country
                evidence += [e for e in coding.evidence if e not in evidence]
        if not (sector or country):
            return None
        return Actor(country, sector, self.entity.name, evidence)


# Roles that say nothing of a person's sector: "the official" may be a general or a minister.
_GENERIC_ROLES = {"official", "spokesman", "spokeswoman", "spokesperson", "leader", "head", "chief", "source",
                  "representative", "adviser", "advisor", "director", "deputy", "officer"}
_PREMODIFIERS = {"compound", "amod", "nmod", "poss"}
_INDEFINITE = {"a", "an", "another", "one", "some"}


def _indefinite(rspan: Span) -> bool:
    """"a ministry spokesman" introduces somebody new; it never refers back."""
    return rspan[0].lower_ in _INDEFINITE


def _compatible(person: _Person, coding, term: Term) -> bool:
    """A role may join a person unless it names another country or, for a specific role,
    another sector than the person's titles ("the Ukrainian ambassador" is not "Colonel X")."""
    country = person.known("country")
    if coding.country and country and coding.country != country:
        return False
    sector = person.known("sector", titles_only=True)
    generic = term.text in _GENERIC_ROLES and coding.sector == term.sector
    if generic or not (coding.sector and sector):
        return True
    return coding.sector == sector


def _is_subject(token) -> bool:
    """Subject of its clause, directly or as an apposition to the subject."""
    while token.dep_ in ("appos", "compound", "conj") and token.head is not token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _titles_before(doc: Doc, ent: Span, role_by_end: dict[int, tuple[Span, Term]]):
    """Role terms written right before a name, and where the title part of the mention starts."""
    titles, start, pos = [], ent.start, ent.start
    while pos in role_by_end:
        span, term = role_by_end[pos]
        titles.insert(0, (span, term))
        if term.title and span[0].text[:1].isupper():
            start = span.start
        pos = span.start
    return titles, start


def person_entities(doc: Doc, sent_of, persons: list[Span], roles: list[tuple[Span, Term]],
                    all_terms: list[tuple[Span, Term]], focus: str | None = None) -> list[Entity]:
    role_by_end = {span.end: (span, term) for span, term in all_terms if term.kind == "role"}
    adjacent = set()  # role spans consumed as titles or appositions
    items = []        # (token index, kind, payload) in document order
    for ent in persons:
        items.append((ent.start, "name", ent))
    for span, term in roles:
        items.append((span.start, "role", (span, term)))
    for tok in doc:
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            items.append((tok.i, "pronoun", tok))
    items.sort(key=lambda x: x[0])

    # Roles written right before a name are its titles: mark them before the walk, which meets
    # a title before the name it belongs to.
    for ent in persons:
        for span, _ in _titles_before(doc, ent, role_by_end)[0]:
            adjacent.add(span.start)

    people: list[_Person] = []
    recent: list[tuple[int, _Person]] = []   # (sentence, person) of every linked mention
    pending: list[tuple] = []  # (sentence, span, coding, term) of roles waiting for a person named later

    def nearest(sent: int) -> _Person | None:
        near = [(s, p) for s, p in recent if sent - s <= WINDOW]
        if near:
            # In the latest sentence with a candidate, a grammatical subject outranks the rest.
            last = near[-1][0]
            subjects = [p for s, p in near if s == last and id(p) in subject_of.get(s, set())]
            return subjects[0] if subjects else near[-1][1]
        far = {id(p): p for s, p in recent if sent - s <= SOLE_WINDOW}
        return next(iter(far.values())) if len(far) == 1 else None

    subject_of: dict[int, set[int]] = {}  # sentence -> ids of people mentioned there as subjects

    def note_subject(span: Span, person: _Person) -> None:
        if _is_subject(span.root):
            subject_of.setdefault(sent_of(span.start), set()).add(id(person))

    def link_role(person: _Person, rspan: Span, coding) -> None:
        person.entity.add(mention(rspan, "role", sent_of(rspan.start)))
        person.codings.append((False, coding))
        person.entity.titles.append(bare_name(rspan))

    def anonymous(rspan: Span, coding) -> _Person:
        person = _Person(f"role:{len(people)}", rspan, named=False)
        people.append(person)
        link_role(person, rspan, coding)
        return person

    for _, kind, payload in items:
        if kind == "name":
            ent = payload
            tokens = _name_tokens(ent)
            person = next((p for p in reversed(people) if p.matches(tokens)), None)
            if person is None:
                person = _Person(f"person:{len(people)}", ent)
                people.append(person)
            elif len(tokens) > len(person.name_tokens):
                person.name_tokens, person.entity.name = tokens, bare_name(ent)
            titles, start = _titles_before(doc, ent, role_by_end)
            mods = [c.left_edge.i for tok in ent for c in tok.lefts if c.i < ent.start and c.dep_ in _PREMODIFIERS]
            mod_start = min(mods + [t.start for t, _ in titles] + [ent.start])
            for span, term in titles:
                adjacent.add(span.start)
                if span.text not in person.entity.titles:
                    person.entity.titles.append(span.text)
                # The title's own modifiers say whose it is: "Burkinabe foreign ministry secretary-general".
                person.codings.append((True, code_phrase(doc, mod_start, span.end, span.root, term)))
            person.entity.add(mention(ent, "name", sent_of(ent.start)))
            if start < ent.start:  # "General Diarra": the titled form is a mention too
                person.entity.add(mention(doc[start:ent.end], "title", sent_of(ent.start)))
            for child in ent.root.children:  # "Rasmané Zongo, the army spokesman,"
                if child.dep_ == "appos":
                    app = doc[child.left_edge.i: child.right_edge.i + 1]
                    hit = next(((s, t) for s, t in roles if app.start <= s.start < app.end), None)
                    if hit:
                        adjacent.add(hit[0].start)
                        link_role(person, app, code_phrase(doc, app.start, app.end, hit[0].root, hit[1]))
            sent = sent_of(ent.start)
            for psent, rspan, coding, term in pending:
                if sent - psent <= WINDOW and _compatible(person, coding, term):
                    link_role(person, rspan, coding)
                else:
                    anonymous(rspan, coding)
            pending.clear()
            note_subject(ent, person)
            recent.append((sent, person))
        elif kind == "role":
            span, term = payload
            if span.start in adjacent:
                continue
            rspan = _role_span(doc, span)
            coding = code_phrase(doc, rspan.start, rspan.end, span.root, term)
            sent = sent_of(span.start)
            person = None if _indefinite(rspan) else nearest(sent)
            if person and _compatible(person, coding, term):
                link_role(person, rspan, coding)
            elif not recent and not _indefinite(rspan):
                pending.append((sent, rspan, coding, term))
                continue
            else:  # "a police spokesman said": somebody new, whom later pronouns may mean
                person = anonymous(rspan, coding)
            note_subject(rspan, person)
            recent.append((sent, person))
        else:
            tok = payload
            sent = sent_of(tok.i)
            person = nearest(sent)
            if person:
                person.entity.add(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun", sent, tok.i))
                note_subject(doc[tok.i:tok.i + 1], person)
                recent.append((sent, person))
    for _, rspan, coding, _ in pending:
        anonymous(rspan, coding)

    out = []
    for person in people:
        person.entity.actor = person.actor()
        actor = person.entity.actor
        if actor and not actor.country and focus and actor.sector in DOMESTIC:
            actor.country = focus
            actor.evidence.append("rule:article-focus-country")
        if person.entity.actor:
            person.entity.evidence += [e for e in person.entity.actor.evidence if e not in person.entity.evidence]
        out.append(person.entity)
    return out
