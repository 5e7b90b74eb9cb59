"""Trigger detection: which words of a parsed document are events, and which pattern codes them.

A token is a candidate when its lemma (or lower-case form) heads a pattern of its part of speech
(`Lexicon.index`, a dict lookup, so the pass is linear in the document). A pattern matches when
all its other phrase words and one word of each `needs` group occur near the trigger (its
"frame": the trigger's own dependents, down to three levels, without the clauses and subjects that
belong to other events) and none of its `unless` words does. The most specific matching pattern
wins. Words a phrase uses ("relations" in "broke off relations") are consumed: they are not events
of their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..actors.agents import terms
from ..places.language import words
from .lexicon import Lexicon, Pattern

# Dependents that start another clause or name another participant: not part of a trigger's frame.
_VERB_SKIP = {"nsubj", "csubj", "advcl", "relcl", "conj", "parataxis", "cc", "punct", "mark", "ccomp",
              "appos", "dep", "meta", "discourse", "intj", "preconj", "expl"}
_NOUN_SKIP = {"relcl", "conj", "cc", "punct", "appos", "parataxis", "dep", "meta"}
MAX_FRAME = 48
MAX_DEPTH = 5

VERB_POS = {"VERB"}
_NAME_TYPES = {"ORG", "LAW", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON", "GPE", "NORP", "LANGUAGE", "LOC"}
NOUN_POS = {"NOUN", "PROPN"}


@dataclass
class Trigger:
    token: Token
    pattern: Pattern
    tokens: list[Token]                      # the trigger words (head first)
    consumed: set[int] = field(default_factory=set)
    light: Token | None = None               # light verb governing a noun trigger
    anchor: Token | None = None              # token whose clause gives tense, polarity and actors

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.tokens)

    @property
    def text(self) -> str:
        ids = [t.i for t in self.tokens]
        return self.token.doc[min(ids):max(ids) + 1].text


def word_forms(tok: Token) -> tuple[str, ...]:
    return tok.lemma_.lower(), tok.lower_


def frame(tok: Token, pos: str, aside: frozenset = frozenset()) -> list[Token]:
    """Tokens near `tok` that may complete its pattern. A dependent in `aside` ("according to a
    military source") says who tells of the event, not what happened: its phrase is left out, so
    "according" is never the "accord" of "strike an accord"."""
    out: list[Token] = []
    skip = _VERB_SKIP if pos != "NOUN" else _NOUN_SKIP
    # an adverbial clause completes the phrase when it is a participle, an infinitive or a bare
    # adjective the parser hung there ("shot dead five employees")
    stack = [(c, 1) for c in tok.children if c.lower_ not in aside and (c.dep_ not in skip or (
        c.dep_ == "advcl" and (c.tag_ == "VBG" or c.pos_ == "ADJ" and not any(c.children)
                               or any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children))))]
    if pos == "NOUN":
        head = tok.head
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "compound", "oprd") and head.i != tok.i:
            out.append(head)
            if head.pos_ == "ADP" and head.head.i != head.i:
                out.append(head.head)
    while stack and len(out) < MAX_FRAME:
        t, depth = stack.pop()
        out.append(t)
        if depth >= MAX_DEPTH:
            continue
        for c in t.children:
            if c.dep_ in ("relcl", "punct", "cc", "appos", "parataxis", "ccomp", "advcl"):
                continue
            if c.dep_ == "conj" and t.dep_ not in ("pobj", "dobj", "prep", "pcomp"):
                continue
            stack.append((c, depth + 1))
    return out


class Forms:
    """Word forms (lemma and lower case) of a frame, and its running text for multi-word terms."""

    __slots__ = ("words", "_text", "_tokens")

    def __init__(self, tokens: list[Token]):
        self.words = set()
        for t in tokens:
            self.words.add(t.lemma_.lower())
            self.words.add(t.lower_)
        self._text = None

    def _joined(self) -> str:
        if self._text is None:
            toks = sorted(self._tokens, key=lambda t: t.i)
            runs, prev = [], None
            for t in toks:   # consecutive tokens only: a gap starts a new run
                if prev is not None and t.i != prev + 1:
                    runs.append("|")
                runs.append(t.lower_)
                runs.append(t.lemma_.lower() + "\t")
                prev = t.i
            low = " ".join(r for r in runs if not r.endswith("\t"))
            lem = " ".join(r[:-1] if r.endswith("\t") else r for r in runs if r.endswith("\t") or r == "|")
            self._text = f" {low} || {lem} "
        return self._text

    def hits(self, terms: frozenset) -> bool:
        for term in terms:
            if " " in term:
                if f" {term} " in self._joined():
                    return True
            elif term in self.words:
                return True
        return False


def _ngrams(tokens: list[Token]) -> Forms:
    f = Forms(tokens)
    f._tokens = tokens
    return f


def _find(tokens: list[Token], word: str) -> Token | None:
    for t in tokens:
        if word in word_forms(t):
            return t
    return None


def _has_slot(tok: Token, slot: str) -> bool:
    for alt in slot.split("|"):
        if alt == "object" and any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in tok.children):
            return True
        if alt == "complement" and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return True
        if any(c.dep_ in ("prep", "agent", "dative") and c.lower_ == alt for c in tok.children):
            return True
        # "purchases weapons from Russia": the phrase hangs on the object
        for o in tok.children:
            if o.dep_ in ("dobj", "nsubjpass") and any(c.dep_ == "prep" and c.lower_ == alt for c in o.children):
                return True
        if alt == "subject" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return True
    return False


def match(tok: Token, pattern: Pattern, near: list[Token], forms: set[str],
          toponyms: frozenset = frozenset()) -> list[Token] | None:
    """The phrase tokens the pattern uses, or None when it does not match. `toponyms`: the tokens
    of the place names the places stage found."""
    used = []
    # a participle clause is another action ("launched an offensive, striking ..."), not a word
    # of the trigger's phrase ("launch strike"): it may only satisfy `needs`; so is a gerund after
    # a preposition ("began the day by striking positions" is no "begin strike")
    words_near = [t for t in near if not (t.dep_ in ("advcl", "pcomp") and t.tag_ == "VBG")]
    for w in pattern.words:
        t = _find(words_near, w)
        if t is None:
            return None
        used.append(t)
    for group in pattern.needs:
        if not forms.hits(group) and not (pattern.needs_met_by_place and _object_is_place(tok, toponyms)):
            return None
    if pattern.unless:
        own = _own_words(tok, near)
        if _unless_hits(own + [tok], forms if own is near else _ngrams(own + [tok]), pattern.unless) \
                or _described_is(tok, pattern.unless):
            return None
    for slot in pattern.requires:
        if not _has_slot(tok, slot):
            return None
    if pattern.subject_any and not _subject_has(tok, pattern.subject_any):
        return None
    if pattern.subject_unless and _subject_has(tok, pattern.subject_unless):
        return None
    if pattern.patient_unless and _patients_all(tok, pattern.patient_unless):
        return None
    return used


def _object_is_place(tok: Token, toponyms: frozenset) -> bool:
    """The verb's object (or passive subject) is a located place name: "seized Kidal", "entered
    Syria" say what a place noun says in "seized the town"; a name only modifying the object
    ("captured Darfur votes") is not it."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.i in toponyms for c in tok.children)


def toponym_tokens(doc: Doc, analysis) -> frozenset:
    """The tokens of the place names the places stage located in `doc`. Not the NER's guesses nor
    the unresolved names: a person taken for a place ("Turkey captured Ocalan") was arrested."""
    out = set()
    for p in analysis.places or []:
        for m in (p.get("mentions") or []) if isinstance(p, dict) else []:
            if isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
                out |= {t.i for t in doc.char_span(m["start"], m["end"], alignment_mode="expand") or ()}
    return frozenset(out)


def _own_words(tok: Token, near: list[Token]) -> list[Token]:
    """The frame without the participle clauses hung on the trigger: "was shot while filming a
    clash" is no shooting of a film, as what the reporter was doing is another action."""
    other = {t.i for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" for t in c.subtree}
    return [t for t in near if t.i not in other] if other else near


def _patients_all(tok: Token, words: frozenset) -> bool:
    """Every patient of the verb (its object or passive subject, with their conjuncts) is one of
    `words`: "killed three cattle" is no killing, "killed two herders and their cattle" is."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for h in heads for g in h.conjuncts]
    return bool(heads) and all(set(word_forms(h)) & words for h in heads)


def _unless_hits(tokens: list[Token], forms: Forms, unless: frozenset) -> bool:
    """An `unless` word in the frame, not counting the modifiers of a person or group noun: "an
    off-duty policeman" was killed, "duties" are eliminated."""
    if not forms.hits(unless):
        return False
    agents = terms()
    described = {g.i for h in tokens if h.pos_ in NOUN_POS and (h.lower_ in agents or h.lemma_.lower() in agents)
                 for c in h.lefts if c.dep_ in ("compound", "amod", "nmod") for g in c.subtree}
    kept = [t for t in tokens if t.i not in described]
    return len(kept) == len(tokens) or _ngrams(kept).hits(unless)


def _described_is(tok: Token, words: frozenset) -> bool:
    """The noun a participle or relative clause describes is one of `words`: "rockets fired at the
    camp" is no shooting."""
    if tok.dep_ not in ("acl", "relcl"):
        return False
    noun = tok.head   # with its own modifiers: "mortar rounds"
    return any(set(word_forms(t)) & words for t in [noun] + [c for c in noun.children if c.dep_ in ("compound", "amod")])


def _subject_has(tok: Token, words: frozenset) -> bool:
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and tok.dep_ == "conj":
        subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for s in subjects:
        sub = list(s.subtree)[:30]
        if _ngrams(sub).hits(words):
            return True
    return False


def _candidates(lex: Lexicon, tok: Token) -> list[Pattern]:
    lemma, lower = word_forms(tok)
    if tok.pos_ in VERB_POS:
        kinds = ("VERB", "NOUN")
    elif tok.pos_ in NOUN_POS:
        kinds = ("NOUN", "VERB")
    elif tok.pos_ == "ADJ" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
        kinds = ("NOUN", "ADJ")   # "launched a counter-offensive" tagged an adjective, parsed a noun
    elif tok.pos_ == "ADJ":
        kinds = ("ADJ",)
    else:
        return []
    for i, kind in enumerate(kinds):
        found = lex.lookup(kind, lemma) or (lex.lookup(kind, lower) if lower != lemma else []) or \
            lex.lookup(kind, lex.inflections.get(lower, ""))
        if found:
            if i and not _pos_fallback_ok(tok, kind):
                return []
            return found
    return []


def _pos_fallback_ok(tok: Token, kind: str) -> bool:
    """A verb pattern for a word the tagger called a noun (or the reverse), only where the syntax
    agrees: a "noun" with a subject and an object is a verb in a headline ("Rebels ambush troops")."""
    deps = {c.dep_ for c in tok.children}
    if kind == "VERB":
        # "a gunman shot and killed 12 traders": only a verb is joined to a past verb by "and"
        # (a present "-s" partner is as often a plural noun mis-tagged: "from mortars and firearms")
        doc = tok.doc
        finite_conj = tok.i + 2 < len(doc) and doc[tok.i + 1].dep_ == "cc" and doc[tok.i + 2].head.i == tok.i \
            and doc[tok.i + 2].dep_ == "conj" and doc[tok.i + 2].tag_ == "VBD"
        return finite_conj or bool(deps & {"nsubj", "dobj", "nsubjpass", "aux", "auxpass"}) and not deps & {"det"}
    return tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") or bool(deps & {"det", "amod"})


def _adj_ok(tok: Token) -> bool:
    """An intent adjective counts only with its complement: "ready to contribute troops"."""
    return tok.dep_ in ("acomp", "ROOT", "xcomp", "conj", "amod") and any(
        c.dep_ in ("xcomp", "prep") and (c.dep_ == "xcomp" or c.lower_ in ("to", "for")) for c in tok.children)


def find_triggers(doc: Doc, lex: Lexicon, toponyms: frozenset = frozenset()) -> list[Trigger]:
    found: list[Trigger] = []
    for tok in doc:
        patterns = _candidates(lex, tok)
        if not patterns:
            continue
        if tok.pos_ == "ADJ" and patterns[0].pos == "ADJ" and not _adj_ok(tok):
            continue
        if tok.pos_ in NOUN_POS and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != tok.i \
                and tok.head.pos_ in NOUN_POS and not _before_direction(tok):
            continue   # a modifier: "combat conditions", "protest leaders"
        if tok.pos_ == "VERB" and tok.dep_ == "amod":
            continue   # a participle used as an adjective: "the besieged town", "the banned party"
        if tok.ent_type_ in _NAME_TYPES or (tok.ent_type_ == "DATE" and tok.pos_ == "PROPN"):
            continue   # part of a name: "the Cessation of Hostilities Agreement", "March 2001"
        if tok.lower_ == "order" and tok.i > 0 and doc[tok.i - 1].lower_ == "in":
            continue   # "in order to end hostilities": a purpose, not a command
        pos = patterns[0].pos
        near = frame(tok, pos, lex.lists.get("hedges", frozenset()))
        if pos == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
            # "staged demonstrations to demand reforms": the verb's purpose describes the noun event
            near += [t for c in tok.head.children if c.dep_ == "advcl" for t in list(c.subtree)[:20]]
        forms = _ngrams(near + [tok])
        for p in patterns:
            if p.family and tok.dep_ in ("acl", "amod") and p.pos == "VERB":
                continue   # "talks aimed at ...": no subject of its own to intend anything
            used = match(tok, p, near, forms, toponyms)
            if used is None:
                continue
            trig = Trigger(tok, p, [tok])
            for u in used:
                trig.consumed.add(u.i)
                # the whole noun of a phrase word: "ended mediation efforts" uses "efforts" too
                if u.dep_ == "compound" and u.head.pos_ in NOUN_POS and u.head.i != tok.i:
                    trig.consumed.add(u.head.i)
                for c in u.children:
                    if c.dep_ == "compound" and c.i != tok.i:
                        trig.consumed.add(c.i)
                near_enough = abs(u.i - tok.i) <= 3 or (u.dep_ == "pobj" and u.head in trig.tokens)
                if near_enough and u.pos_ not in ("DET",) and u.dep_ not in ("xcomp", "ccomp", "advcl"):
                    trig.tokens.append(u)   # "stabbed two farmers to death": the preposition's object too
            if p.pos == "NOUN":  # the modifiers a noun phrase names ("suicide attack")
                trig.tokens = [t for t in trig.tokens if abs(t.i - tok.i) <= 3]
            if not p.family and not p.generic and not p.needs_are_events:
                inside = {t.i for t in tok.subtree}
                for group in p.needs:
                    for t in near:   # only words under the trigger: its governor is another event
                        if t.i != tok.i and t.i in inside and (set(word_forms(t)) & group) and \
                                t.pos_ in ("NOUN", "PROPN", "VERB"):
                            trig.consumed.add(t.i)
            found.append(trig)
            break
    consumed = set()
    for t in found:
        consumed |= t.consumed
    kept = [t for t in found if t.token.i not in consumed]
    for t in kept:
        _attach_light_verb(t, lex)
    return kept


def _attach_light_verb(trig: Trigger, lex: Lexicon) -> None:
    """A noun trigger that is the object of a light verb takes its clause from that verb."""
    tok = trig.token
    trig.anchor = tok
    if trig.pattern.pos != "NOUN":
        return
    head = tok.head
    if _before_direction(tok):
        tok, head = head, head.head   # "launched an assault west of the airport": the noun is the object
    if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in lex.light_verbs or _phrasal(head) in lex.light_verbs:
            trig.light = head
            trig.anchor = head
    elif tok.dep_ == "nsubj" and head.pos_ == "VERB" and (
            head.lemma_.lower() in lex.lists.get("occurrence_verbs", ()) or
            _phrasal(head) in lex.lists.get("occurrence_verbs", ()) or
            _with_object(head) in lex.lists.get("occurrence_verbs", ())):
        trig.light = head          # "an explosion occurred at the junction"
        trig.anchor = head
    elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "engaged in fighting", "took part in talks", "went on strike"
        verb = head.head
        if verb.lemma_.lower() in ("engage", "participate", "involve", "go", "join", "take", "embark", "resort"):
            trig.light = verb
            trig.anchor = verb


def _before_direction(tok: Token) -> bool:
    """"an assault west of the airport": the parser made the direction word the head of the noun."""
    head = tok.head
    return tok.dep_ == "compound" and head.i == tok.i + 1 and head.lower_ in words(tok.doc.lang_ or "en").directions \
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _with_object(verb: Token) -> str:
    """"take place": the verb with its bare object noun."""
    obj = [c.lower_ for c in verb.children if c.dep_ == "dobj" and not any(True for _ in c.children)]
    return f"{verb.lemma_.lower()} {obj[0]}" if obj else verb.lemma_.lower()


def _phrasal(verb: Token) -> str:
    prt = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return f"{verb.lemma_.lower()} {prt[0]}" if prt else verb.lemma_.lower()
