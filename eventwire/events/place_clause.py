"""From a toponym to the clause it belongs to, and the tier that clause gives it for an event
(`location.py` weighs the candidates): a toponym climbs the dependency tree towards its clause and
may turn out on the way to describe a person or a thing ("U.S. soldiers", "a driver from Abidjan");
the clause it reaches is the event's own, one it depends on, one below it, or another's."""
from __future__ import annotations

from spacy.tokens import Token

from ..places.language import Words
from ..places.mentions import PLACE_LABELS
from .link_words import away_verbs, naming_participles

VERBS = ("VERB", "AUX")
_DESCRIPTIVE_DEPS = ("compound", "amod", "nmod", "poss", "npadvmod", "nummod")
# Clause links through which an event's place is not its governing clause's: what someone said
# happened happened somewhere else than where they said it.
_REPORTED = ("ccomp", "parataxis")


def placeish(tok: Token, w: Words, mention_roots: set[int]) -> bool:
    return (tok.lower_ in w.location_nouns or tok.lemma_.lower() in w.location_nouns
            or tok.ent_type_ in PLACE_LABELS or tok.i in mention_roots)


def _in_locative(noun: Token, w: Words) -> bool:
    """"on a Belgrade bus", "at a Kabul hotel": the noun is itself somewhere."""
    return noun.dep_ == "pobj" and noun.head.lower_ in w.locative


def _origin_of(prep: Token, own: set[int], others: set[int], w: Words, mention_roots: set[int]) -> bool:
    """"from"/"of" giving where someone comes from: "a driver from Abidjan", "Smith of Canada";
    not "the terminals of Heathrow airport" or "the outskirts of Gao" ("of" after a thing is a part)."""
    noun = prep.head
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.i in own or noun.i in others \
            or placeish(noun, w, mention_roots):
        return False
    return prep.lower_ != "of" or noun.ent_type_ in ("PERSON", "NORP", "ORG") or noun.pos_ == "PRON"


def climb(root: Token, own: set[int], others: set[int], w: Words,
           mention_roots: set[int]) -> tuple[Token | None, int, bool, bool]:
    """From a toponym up to the first verb (or to the event's own words): (that token, hops,
    descriptive, nested). Descriptive: the toponym only qualifies a person or thing on the way;
    nested: it hangs on another event's noun, whose place it is first."""
    nested = False
    t, hops = root, 0
    doc = root.doc
    if root.i + 2 < len(doc) and doc[root.i + 1].text == "-" and doc[root.i + 2].pos_ in ("VERB", "ADJ", "NOUN"):
        return None, hops, True, nested              # "US-led", "Britain-based", "Turkish-backed"
    if root.dep_ in _ARGUMENT_DEPS and root.head.i not in own and root.head.pos_ in VERBS \
            and not _naming(root.head) and not _acted_on(root, own, w):
        return None, hops, True, nested              # the subject or object of another verb: an actor
    first_prep = True
    while t.i not in own and hops < MAX_DEPTH:
        head = t.head
        if head.i == t.i:
            return t, hops, False, nested
        if t.dep_ == "pobj" and first_prep and head.lower_ != "of":
            first_prep = False
            if _not_a_setting(head, own, w):
                return None, hops, True, nested
        if t.dep_ in _DESCRIPTIVE_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i not in own:
            np_head = head
            while np_head.dep_ == "compound" and np_head.head.i != np_head.i and np_head.head.pos_ in ("NOUN", "PROPN"):
                np_head = np_head.head               # "a west Dublin soccer field": judge "field"
            if np_head.i not in own and np_head.ent_type_ not in ("DATE", "TIME") \
                    and not placeish(np_head, w, mention_roots) and not _in_locative(np_head, w):
                return None, hops, True, nested      # "U.S. soldiers", "Nangarhar residents"
        if t.dep_ == "pobj" and head.lower_ in w.origin and _origin_of(head, own, others, w, mention_roots):
            return None, hops, True, nested          # "a driver from Abidjan", "Smith of Canada"
        t, hops = head, hops + 1
        if t.i in others and not (t.dep_ in _ARGUMENT_DEPS and t.head.i in own):
            nested = True                    # "protested against the raids on Yugoslavia" (but the
                                             # event's own object shares it: "patrolled the zone in X")
        if t.pos_ in VERBS and t.i not in own and not _naming(t):
            return t, hops, False, nested
    return t, hops, False, nested


def _acted_on(root: Token, own: set[int], w: Words) -> bool:
    """The object of a verb that acts on a place is where that verb happens, not an actor: "launched
    an offensive to retake Jabal Zawiya" (the tiers then decide whether that is the event's place), "he
    was captured when he entered Honduras"; not a place left or only reached ("tried to flee X"). A
    verb with no object of its own, coordinated with one that has it, shares it: "captured and
    annexed east Jerusalem"."""
    if root.dep_ != "dobj":
        return False
    verb = root.head
    lemma = verb.lemma_.lower()
    if lemma in w.territory_verbs and lemma not in away_verbs(verb.doc.lang_ or "en"):
        return True
    return verb.dep_ == "conj" and verb.head.i in own and _shares(verb) and not any(
        c.dep_ == "dobj" for c in verb.head.children)


def _naming(verb: Token) -> bool:
    """"a village called Jibu": the participle only names the place noun it hangs on; set off by
    commas ("captured the suspect, identified as X, in Y") it names the object, and the phrase after
    the name is the event's."""
    if verb.lemma_.lower() not in naming_participles(verb.doc.lang_ or "en"):
        return False
    return verb.dep_ == "acl" or verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)


def _not_a_setting(prep: Token, own: set[int], w: Words) -> bool:
    """The preposition of a toponym's phrase makes it no setting: a passive agent or a partner is an
    actor ("armed by Pakistan", "collaborators with Israel"; not "the frontier with X", a place noun);
    on a verb a source is where something came from ("captured the heights from Syria"), and on a verb
    other than the event's own a path's end where something went ("captured, then handed over to
    Singapore"; the event's own "deployed to Syria" keeps its end)."""
    if prep.dep_ == "agent":
        return True
    if prep.lower_ in w.partners:
        return not placeish(prep.head, w, set())
    if prep.head.pos_ not in VERBS:
        return False
    return prep.lower_ in w.source or (prep.lower_ in w.path and prep.head.i not in own)


MAX_DEPTH = 60          # head chains longer than this (flattened tables) are cut: bounded time


_CHAINS: dict = {}


def start_document(doc) -> None:
    """Keep the head chains cached for one document only: `link` calls this for each event."""
    if _CHAINS.get("doc") is not doc:
        _CHAINS.clear()
        _CHAINS["doc"] = doc


def _chain(tok: Token) -> tuple[list[Token], dict[int, int]]:
    """`tok` and its heads up to the root (at most MAX_DEPTH), with each one's position; cached per
    document (`start_document`)."""
    hit = _CHAINS.get(tok.i)
    if hit is None:
        path, t = [tok], tok
        while t.head.i != t.i and len(path) < MAX_DEPTH:
            t = t.head
            path.append(t)
        hit = _CHAINS[tok.i] = (path, {x.i: k for k, x in enumerate(path)})
    return hit


def path_up(tok: Token, stop: Token) -> list[Token] | None:
    """The tokens from `tok` up to `stop` (exclusive) if `stop` is an ancestor of `tok`."""
    path, where = _chain(tok)
    k = where.get(stop.i)
    return None if k is None or k == 0 and stop.i != tok.i else path[:k]


_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "oprd")


def _shares(verb: Token) -> bool:
    """A coordinated verb without a subject of its own shares its head's setting ("shot and
    wounded a man near the crossing")."""
    return verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def tier_of(clause: Token, own_tokens: list[Token], own: set[int]) -> tuple[int, int, str]:
    """(tier, clauses between, rule) of a toponym whose clause is `clause`."""
    if clause.i in own:
        return 0, 0, "place:clause"
    for tok in own_tokens:
        path = path_up(tok, clause)
        if path is None:
            continue
        if any(t.dep_ in _REPORTED for t in path):
            return 4, 0, "place:reporting-clause"
        verbs = [t for t in path if t.pos_ in VERBS and t.i not in own]
        if not verbs and len(path) == 1 and path[0].dep_ in _ARGUMENT_DEPS:
            return 0, 0, "place:clause"      # "an explosion occurred at the junction"
        if verbs and all(_shares(t) for t in verbs):
            return 0, 0, "place:clause"
        return 1, len(verbs), "place:governing-clause"
    for tok in own_tokens:
        path = path_up(clause, tok)
        if path is not None:
            verbs = [t for t in path if t.pos_ in VERBS]
            if verbs and all(_shares(t) for t in verbs):
                return 0, 0, "place:clause"
            if _describes_argument(path, tok):
                return 0, 1, "place:clause"      # one clause down: the event's own phrases come first
            if _participle_aside(path[-1]):
                return 4, 0, "place:participle-clause"
            return 3, len(verbs), "place:subordinate-clause"
    return 4, 0, "place:other-clause"


def _describes_argument(path: list[Token], tok: Token) -> bool:
    """"hit depots held by the militia in the town of X", "targeting the farms located
    near Y": a bare participle on the event's own subject or object only describes it, and a place
    in it says where what the event acted on lay; `path` runs from the participle up to `tok`."""
    if len(path) != 2:
        return False
    part, noun = path
    return part.dep_ == "acl" and part.tag_ in ("VBG", "VBN") and noun.head.i == tok.i \
        and noun.dep_ in ("dobj", "nsubjpass", "nsubj") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in part.children)


def _participle_aside(clause: Token) -> bool:
    """"..., demanding the trial of those who killed civilians in X", "..., raising fears of a war
    with Y": a participle clause with no conjunction tells what followed or went with the event, with
    places of its own; "when", "as", "while" clauses tell where it happened."""
    return clause.dep_ == "advcl" and clause.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass", "aux", "auxpass") or c.tag_ == "WRB" for c in clause.children)
