"""Mention chains for people: full names, surnames, titles ("General Diarra"), role descriptions
("the official", "Mali's air force chief") and he/she pronouns, linked into one entity each.

Rules, in document order:
- a name that is a sub-sequence of an earlier (or later, longer) name joins its chain;
- titles written before a name, and appositive roles ("X, the army spokesman,") become titles;
- a definite role description ("the spokesperson", "the commerce chief") joins the person most
  recently described with a post of the same family and domain (`agents.yaml:role_families`,
  `domain_synonyms`) within `SOLE_WINDOW` sentences; failing that, the person mentioned most
  recently within `WINDOW` sentences unless that person's own posts are of another family or
  domain ("the spokesperson" is not "Senator X"); with no person yet (a headline or standfirst),
  the first compatible person named within the next `WINDOW`;
- a name set against a namesake ("the younger Lai") or related to somebody ("Lai's son
  Sebastien Lai") is never the person it contrasts with or is related to;
- a pronoun joins the person mentioned most recently within `WINDOW` sentences (`SOLE_WINDOW`
  when that person is the only one mentioned in that stretch), or nobody.
A role nobody claims becomes an entity of its own ("a police spokesman"), coded from its words.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from functools import lru_cache

from .. import resources
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


@lru_cache(maxsize=1)
def _role_data():
    """Role families, domain synonyms, comparative and relation words of `agents.yaml`."""
    data = resources.load("agents.yaml")
    families = {w: fam for fam, words in (data.get("role_families") or {}).items() for w in words}
    synonyms = {w: f"syn:{i}" for i, group in enumerate(data.get("domain_synonyms") or []) for w in group}
    comparatives = {w: side for side, words in (data.get("comparatives") or {}).items() for w in words}
    return families, synonyms, comparatives, frozenset(data.get("relations") or ())


# Words of a description that say nothing of the post's domain ("the former acting minister").
_NOT_DOMAIN = {"former", "acting", "top", "new", "current", "then", "interim", "outgoing", "incoming",
               "senior", "chief", "deputy", "assistant", "spokesperson", "country", "nation", "'s", "\u2019s"}


def _phrases(words: list[str], table: dict[str, str], longest: int = 3):
    """(start, end, value) of the longest entries of `table` in `words`, left to right."""
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            value = table.get(" ".join(words[i:i + n]))
            if value:
                yield i, i + n, value
                i += n - 1
                break
        i += 1


def _descriptor(span: Span) -> tuple[str, frozenset] | None:
    """(family, domain) of a description of somebody's post: "Commerce Secretary" is
    ("office", {commerce}), "a U.S. State Department spokesperson" ("spokesperson", {state department});
    None when it names no post of a known family ("publisher")."""
    families, synonyms, _, _ = _role_data()
    tokens = [t for t in span if not t.is_punct]
    words = [t.lower_.replace("\u2019", "'") for t in tokens]
    found = list(_phrases(words, families))
    if not found:
        return None
    start, end, family = found[-1]   # the head noun comes last: "chief of staff" aside
    used = set(range(start, end))
    domain = set()
    for s, e, group in _phrases(words, synonyms):
        if not used.intersection(range(s, e)):
            domain.add(group)
            used.update(range(s, e))
    for i, tok in enumerate(tokens):
        if i in used or tok.pos_ not in ("NOUN", "PROPN", "ADJ") or words[i] in _NOT_DOMAIN:
            continue
        if tok.ent_type_ in ("GPE", "NORP", "PERSON") or words[i] in families:
            continue   # a country ("Pakistani", "U.S.") is compared apart, as the actor's country
        domain.add(words[i])
    return family, frozenset(domain)


def _same_post(a: tuple[str, frozenset], b: tuple[str, frozenset]) -> bool:
    return a[0] == b[0] and (not a[1] or not b[1] or bool(a[1] & b[1]))


class _Person:
    def __init__(self, key: str, span: Span, named: bool = True):
        self.key = key
        self.posts: list[tuple[str, frozenset]] = []   # descriptors of the person's titles and roles
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

    def describe(self, span: Span) -> None:
        post = _descriptor(span)
        if post and post not in self.posts:
            self.posts.append(post)

    def holds(self, post: tuple[str, frozenset]) -> bool:
        """Described with the same post ("Commerce Secretary X" for "the commerce chief"); the
        domains of all the person's posts of that family count ("the information minister" and
        later "the minister" are not "the association's director")."""
        mine = [p for p in self.posts if p[0] == post[0]]
        return bool(mine) and _same_post((post[0], frozenset().union(*(p[1] for p in mine))), post)

    def conflicts(self, post: tuple[str, frozenset] | None) -> bool:
        """Described only with posts of another family or domain ("Senator X" for "the spokesperson");
        a post of another family in the same domain may be the same person ("director general of
        the military's media wing" for "the military spokesperson")."""
        if not (post and self.posts) or self.holds(post):
            return False
        return not any(mine[0] != post[0] and mine[1] & post[1] for mine in self.posts)

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

    subject_of: dict[int, set[int]] = {}
    contrasted: dict[tuple, _Person] = {}   # (comparative, name tokens) -> the person so contrasted  # sentence -> ids of people mentioned there as subjects

    def note_subject(span: Span, person: _Person) -> None:
        if _is_subject(span.root):
            subject_of.setdefault(sent_of(span.start), set()).add(id(person))

    def link_role(person: _Person, rspan: Span, coding) -> None:
        person.entity.add(mention(rspan, "role", sent_of(rspan.start)))
        person.codings.append((False, coding))
        person.entity.titles.append(bare_name(rspan))
        person.describe(rspan)

    def holder(sent: int, post, coding, term: Term) -> _Person | None:
        """The most recent person within `SOLE_WINDOW` described with the same post."""
        seen = set()
        for s, p in reversed(recent):
            if sent - s > SOLE_WINDOW:
                break
            if id(p) in seen:
                continue
            seen.add(id(p))
            if p.holds(post) and _compatible(p, coding, term):
                return p
        return None

    def set_against(ent: Span) -> tuple[set[int], str | None]:
        """Ids of the people a name is contrasted with ("the younger Lai": the Lai named before)
        or related to ("Lai's son Sebastien Lai", "his wife Mary Diallo"), and the comparative."""
        _, _, comparatives, relations = _role_data()
        out = set()
        tokens = _name_tokens(ent)
        before = doc[ent.start - 1] if ent.start else None
        side = comparatives.get(before.lower_) if before is not None else None
        comparative = before.lower_ if side else None
        namesakes = [p for p in people if p.matches(tokens)]
        if side == "younger" and namesakes:     # not the namesake named first
            out.add(id(namesakes[0]))
        elif side == "elder":                    # the namesake named first, not any later one
            out.update(id(p) for p in namesakes[1:])
            comparative = None
        kin = [t for t in doc[max(0, ent.start - 3):ent.start] if t.lower_ in relations]
        if ent.root.dep_ == "appos" and ent.root.head.lower_ in relations:
            kin.append(ent.root.head)
        for rel in kin:
            for owner in rel.children:
                if owner.dep_ != "poss":
                    continue
                if owner.lower_ in PRONOUNS:
                    p = nearest(sent_of(owner.i))
                else:
                    span = next((e for e in persons if e.start <= owner.i < e.end), None)
                    words = _name_tokens(span) if span is not None else _name_tokens(doc[owner.i:owner.i + 1])
                    p = next((q for q in reversed(people) if q.matches(words)), None)
                if p is not None:
                    out.add(id(p))
        return out, comparative

    def anonymous(rspan: Span, coding) -> _Person:
        person = _Person(f"role:{len(people)}", rspan, named=False)
        people.append(person)
        link_role(person, rspan, coding)
        return person

    for _, kind, payload in items:
        if kind == "name":
            ent = payload
            tokens = _name_tokens(ent)
            against, comparative = set_against(ent)
            contrast = (comparative, tuple(tokens)) if against and comparative else None
            person = next((p for p in reversed(people) if p.matches(tokens) and id(p) not in against), None)
            if person is None and contrast in contrasted:   # "the younger Lai" again
                person = contrasted[contrast]
            if person is None:
                # "the younger Lai" with no other Lai named: somebody new, whom the bare name
                # "Lai" does not match later (it stays with the Lai it was), only the same contrast.
                person = _Person(f"person:{len(people)}", ent, named=contrast is None)
                if contrast:
                    person.entity.name = bare_name(doc[ent.start - 1:ent.end])
                    person.entity.evidence = ["ner:PERSON", "rule:contrasted-name"]
                    contrasted[contrast] = person
                people.append(person)
            elif person.name_tokens and len(tokens) > len(person.name_tokens):
                person.name_tokens, person.entity.name = tokens, bare_name(ent)
            titles, start = _titles_before(doc, ent, role_by_end)
            mods = [c.left_edge.i for tok in ent for c in tok.lefts if c.i < ent.start and c.dep_ in _PREMODIFIERS]
            mod_start = min(mods + [t.start for t, _ in titles] + [ent.start])
            if mod_start < ent.start:  # "Commerce Secretary Howard Lutnick": a post, even unlisted
                person.describe(doc[mod_start:ent.start])
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
                if sent - psent <= WINDOW and _compatible(person, coding, term) \
                        and not person.conflicts(_descriptor(rspan)):
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
            post = _descriptor(rspan)
            person = None
            if not _indefinite(rspan):
                # "Malaysia's former premier, Najib Razak,": the name that follows says who it is.
                named_next = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in span.root.children)
                person = holder(sent, post, coding, term) if post and not named_next else None
                if person is None:
                    person = nearest(sent)
                    if person and person.conflicts(post):
                        person = None
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
