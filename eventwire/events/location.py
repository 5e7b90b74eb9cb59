"""Which of the article's places is an event's own: `link(...) -> Link`.

The toponyms of the event's sentence are read off the dependency tree. Each is climbed towards the
clause it belongs to; on the way it may turn out to be part of a description rather than a setting
("U.S. soldiers", "a driver from Abidjan": never the event's place). The clause it reaches decides
its tier:

0. `place:clause` — attached to the event's own words (its trigger, the light verb of "launched an
   assault", or the verb an event noun is an argument of: "an explosion occurred at the junction");
1. `place:governing-clause` — attached to a clause the event depends on ("In Baiji, 14 people were
   killed when a bomber rammed ...": Baiji is the ramming's place too);
2. `place:subordinate-clause` — inside a clause hanging off the event ("killed near a fence Israel
   is building along the West Bank"); only used when nothing better is in the sentence;
3. anything else in the sentence (a coordinated clause with its own verb, a reported speech frame,
   a bare participle clause after the event: "demonstrated, demanding the release of those held in
   X") is another event's.

Of the places at the best tier the most specific wins ("in the Vedeno region of southern Chechnya":
Vedeno; "the Yemen city of Ibb": Ibb), with its coordinated places ("in Yala and Pattani": both) and
the listed phrases of its preposition ("six in A, four in B and two in C": all three). A place that
only anchors a relative phrase set after another ("in Kabwe, 140 km north of Lusaka") gives way to it.
With nothing in the sentence, the previous sentence's last place (`place:previous-sentence`) stands in,
as news continues a scene from one sentence to the next. Words come from data/places/<lang>.yaml;
the climb from a toponym to its clause and the tiers are in `place_clause.py`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..places.language import Words, words
from ..places.mentions import relative_phrase
from .link_words import grain, is_way, stated_kind
from .place_clause import MAX_DEPTH, VERBS, climb, path_up, placeish, start_document, tier_of

ACCEPTED_TIERS = (0, 1, 2, 3)
MAX_CANDIDATES = 40     # toponyms weighed per event: the nearest ones in the sentence


@dataclass
class Link:
    place: str | None = None
    spans: tuple = ()          # the chosen mentions: ((start, end), ...)
    rule: str | None = None    # evidence: place:clause, place:previous-sentence, ...
    note: str | None = None    # place:unresolved when the name is one no gazetteer resolves


@dataclass
class _Candidate:
    start: int
    end: int
    place: dict
    root: Token
    tier: int
    hops: int
    between: int = 0     # clauses between the toponym's and the event's
    direct: bool = False  # its phrase hangs on the event's own words, with no clause between
    kind: str | None = None  # the grain of the kind of place the text names it by


def _border_side(chosen: _Candidate, cands: list[_Candidate]) -> _Candidate | None:
    """"rebels operating in Mali killed soldiers near the Algerian border": a border says where along
    it, not on which side; the country the sentence puts the event's actors in says that."""
    rel = chosen.place.get("relative") or {}
    if rel.get("kind") != "border":
        return None
    others = [c for c in cands if c is not chosen and c.place.get("precision") == "country"
              and c.place.get("country") and c.place.get("country") != chosen.place.get("country")]
    return min(others, key=lambda c: (c.tier, abs(c.start - chosen.start))) if len(others) == 1 else None


_CONTAINER_STEPS = 6
_CONTAINER_DEPS = {"prep", "pobj", "appos", "poss", "compound", "npadvmod", "amod", "nmod", "punct"}


def _container_of(inner: Token, outer: Token) -> bool:
    """Whether `outer` names where `inner` lies: it hangs in `inner`'s own phrase ("Djakana in the
    commune of Mora", "Bourem town near Gao", "Gao, Mali", "Mali's Gao region"), so `inner` is the
    finer place."""
    w = words(outer.doc.lang_ or "en")
    if outer.dep_ == "poss" and inner.dep_ == "compound" and outer.head.i == inner.head.i:
        return True    # "Yala's Yaha district": the possessor holds the place the noun names
    path = path_up(outer, inner)
    return bool(path) and len(path) <= _CONTAINER_STEPS and all(
        t.dep_ in _CONTAINER_DEPS and (t.dep_ != "pobj" or t.head.lower_ in w.situating) for t in path)


_NAME_DEPS = ("compound", "appos", "nmod", "amod")


def _conjoined(a: Token, b: Token, w: Words) -> bool:
    """Two toponyms in one coordination ("in Yala and Pattani", "between Israel and the Gaza Strip"),
    also when each is named by its own place noun ("the district of A and the missile base of B")
    or has its own preposition ("in A and in B")."""
    def top(t):
        crossed = False
        for _ in range(MAX_DEPTH):
            head = t.head
            if head.i == t.i:
                break
            if t.dep_ in _NAME_DEPS and head.pos_ in ("NOUN", "PROPN") and placeish(head, w, set()):
                t = head                     # "Hajar al-Aswad district": the phrase of the name
            elif t.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
                    and placeish(head.head, w, set()):
                t = head.head                # "the district of A"
            elif t.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
                t, crossed = head, True
            elif t.dep_ == "pobj" and head.dep_ == "conj" and head.head.pos_ == "ADP":
                t, crossed = head.head, True  # "in A and in B"
            else:
                break
        return t.i, crossed
    (ta, ca), (tb, cb) = top(a), top(b)
    # without a coordination on the way one only situates the other ("the West Bank town of Tulkarm")
    return ta == tb and (ca or cb)


def _preposition(tok: Token, w: Words) -> Token | None:
    """The preposition whose phrase a toponym names ("in" of "in the western cities of Bursa, Bergama
    and X", of "two in Miranshah"); None when the toponym only qualifies the place noun of another
    name ("the Black Sea city of Bartin") or stands in no such phrase."""
    t = tok
    for _ in range(MAX_DEPTH):
        head = t.head
        if head.i == t.i:
            return None
        if t.dep_ in _NAME_DEPS and head.pos_ in ("NOUN", "PROPN") and placeish(head, w, set()) \
                and not any(c.lower_ == "of" for c in head.children):
            t = head                         # "Damascus province"
        elif t.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
            t = head                         # "Bursa, Bergama and Canakkale"
        elif t.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and placeish(head.head, w, set()):
            t = head.head                    # "the cities of Bursa"
        elif t.dep_ == "pobj" and head.pos_ == "ADP":
            return head
        else:
            return None
    return None


def _parallel(chosen: _Candidate, top: list, w: Words) -> list[_Candidate]:
    """Further phrases of the chosen place's locative preposition on the event's own words, listed
    with it, name more of its places ("captured in Ankara, in Bartin and in Bursa", "shot six people
    in A, six in B and four in C", "two in Miranshah and four in Mir Ali"). Listed: the words between
    two of them hold "and" or "or", or a comma of a list that ends so; a phrase that only follows
    ("killed in Rawa, in the province of Anbar") situates. A country is never one of a list of spots."""
    prep = _preposition(chosen.root, w) if chosen.direct and chosen.tier == 0 else None
    if prep is None or prep.lower_ not in w.locative:
        return []
    doc = chosen.root.doc
    run = []
    for c, _ in top:
        p = _preposition(c.root, w) if c.direct and c.tier == 0 else None
        if p is not None and p.lower_ == prep.lower_ and (c is chosen or c.place.get("precision") != "country"):
            run.append((c, p))
    run.sort(key=lambda cp: cp[0].start)
    kinds = [_list_gap(doc, a, pa, p) for (a, pa), (_, p) in zip(run, run[1:])]
    linked, ends_in_and = [False] * len(kinds), False
    for k in range(len(kinds) - 1, -1, -1):      # a comma links only in a list that ends with "and"
        ends_in_and = kinds[k] == "and" or (kinds[k] == "," and ends_in_and)
        linked[k] = ends_in_and
    at = next(k for k, (c, _) in enumerate(run) if c is chosen)
    out, k = [], at
    while k < len(linked) and linked[k]:
        out.append(run[k + 1][0])
        k += 1
    k = at - 1
    while k >= 0 and linked[k]:
        out.append(run[k][0])
        k -= 1
    return [c for c in out if not any(_container_of(o.root, c.root) or _container_of(c.root, o.root)
                                      for o, _ in top if o is not c)]


def _list_gap(doc: Doc, before: _Candidate, prep_before: Token, prep: Token) -> str | None:
    """What joins a place phrase to the next one of the same preposition: "and" ("and in B", "and
    four in B"), "," (a comma only), or None (another clause's verb between, or nothing)."""
    if prep.i == prep_before.i:
        return "and"                             # one phrase: "in the cities of A, B and C"
    end = doc.char_span(before.start, before.end, alignment_mode="expand").end
    gap = doc[end:prep.i + 1]
    if prep.i < end or any(t.pos_ in VERBS for t in gap):
        return None                              # "In A, police shot and killed two in B"
    if any(t.dep_ == "cc" for t in gap):
        return "and"
    return "," if any(t.text == "," for t in gap) else None


def _located_actor(root: Token, start: int, end: int, w: Words) -> bool:
    """A toponym inside an actor's mention by a locative phrase of its own says where the actor was
    ("the general who marched through Georgia", "the police in Serbia"): it is no part of the actor."""
    root = _first_conjunct(root)             # "attacks in A and B"
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in w.locative and start <= prep.head.idx < end


def _phrase_head(tok: Token, w: Words) -> Token:
    """The kind-of-place noun a name modifies ("Tillaberi" of "Niger's western Tillaberi region"): the
    head of the phrase the name stands in."""
    if tok.dep_ in _NAME_DEPS and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lower_ in w.location_nouns:
        return tok.head
    return tok


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


_LANDMARK_KINDS = ("distance", "direction", "near", "outside")
_LANDMARK_GAP = 15


def _landmark_of(doc: Doc, chosen: _Candidate, cands: list, small) -> tuple | None:
    """"in Kabwe, a city 140 km north of the capital, Lusaka", "in Bourem town near Gao": a toponym
    that only anchors a relative phrase set after another place of the sentence, with no verb
    between, says where that one lies; that one, if a town or finer (`small`), is the event's spot.
    (candidate, rule) of that place, following a chain of such phrases back, or None."""
    cur, found = chosen, None
    for _ in range(3):
        span = doc.char_span(cur.start, cur.end, alignment_mode="expand")
        rel = relative_phrase(doc, span.start, span.end) if span is not None else None
        if not rel or rel.get("kind") not in _LANDMARK_KINDS:
            break
        phrase = doc.char_span(rel["start"], span.end_char, alignment_mode="expand")
        before = []
        for c, r in cands:
            c_span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if c_span is None or c is cur or c_span.end > phrase.start or phrase.start - c_span.end > _LANDMARK_GAP:
                continue
            gap = doc[c_span.end:phrase.start]
            if not any(t.pos_ in VERBS or t.text in (";", ".") for t in gap) and small(c):
                before.append((c, r))
        if not before:
            break
        found = max(before, key=lambda cr: cr[0].end)
        cur = found[0]
    return found


def _set_by_own_words(root: Token, own: set[int], w: Words) -> bool:
    """"a bomb blast in Marjeh Square killed 13": a toponym the event's own words put it in by a
    preposition of a spot is where it happened, even when the roles took the name for an actor."""
    root = _phrase_head(_first_conjunct(root), w)    # "attacks in A and B", "in Niger's Tillaberi region"
    return root.dep_ == "pobj" and root.head.lower_ in w.spots and root.head.head.i in own


def link(doc: Doc, sent: Span, prev: Span | None, own_tokens: list[Token], places: list[dict],
         exclude: list[tuple[int, int]], others: set[int] = frozenset(), lang: str = "en") -> Link:
    """`places`: the analysis's places, then its unresolved ones (marked `unresolved`); `others`:
    the trigger tokens of the sentence's other events."""
    w = words(lang)
    own = {t.i for t in own_tokens}
    others = set(others) - own
    start_document(doc)
    inside = [(m["start"], m["end"], p) for p in places for m in p.get("mentions") or []
              if isinstance(m.get("start"), int) and isinstance(m.get("end"), int)
              and sent.start_char <= m["start"] < sent.end_char]
    if len(inside) > MAX_CANDIDATES:   # a list of hundreds of names: weigh the nearest
        here = own_tokens[0].idx
        inside = sorted(inside, key=lambda f: abs(f[0] - here))[:MAX_CANDIDATES]
    exclude = [(a, b) for a, b in exclude if a < sent.end_char and b > sent.start_char]
    found = []
    for s, e, p in inside:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if _set_by_own_words(span.root, own, w) or not any(
                a < e and s < b and not _located_actor(span.root, a, b, w) for a, b in exclude):
            found.append((s, e, p, span.root))
    mention_roots = {r.i for *_, r in found}
    cands = []
    for s, e, p, root in found:
        clause, hops, descriptive, nested = climb(root, own, others, w, mention_roots)
        if descriptive or clause is None:
            continue
        tier, between, rule = tier_of(clause, own_tokens, own)
        if nested and tier < 2:
            tier, rule = 2, "place:nested-event"
        cands.append((_Candidate(s, e, p, root, tier, hops, between, clause.i in own, stated_kind(doc, s, e)), rule))
    cands = [(c, r) for c, r in cands if c.tier in ACCEPTED_TIERS]
    if cands:
        best_tier = min(c.tier for c, _ in cands)
        top = [(c, r) for c, r in cands if c.tier == best_tier]
        fine = w.granularity
        worst = len(fine)
        anchor = own_tokens[0].idx
        # a place that only says where another of the same clause lies is not the finer one
        # ... but a road, bridge or river named in a settlement runs through it: the settlement is where
        # ("on the Yala-Betong Road in Thanto district": Thanto)
        way = {id(c): is_way(c.place, c.root, lang) for c, _ in top}
        finer = [(c, r) for c, r in top
                 if not any(o is not c and not way[id(o)] and _container_of(o.root, c.root) for o, _ in top)
                 and not (way[id(c)] and any(o is not c and _container_of(c.root, o.root) for o, _ in top))]
        chosen, rule = min(finer or top, key=lambda cr: (cr[0].between, fine.get(grain(cr[0].place, w, cr[0].kind), worst),
                                                         cr[0].hops, abs(cr[0].start - anchor)))
        town_or_finer = fine.get("admin2", 0)
        located = _landmark_of(doc, chosen, cands, lambda c: fine.get(grain(c.place, w, c.kind), worst) <= town_or_finer)
        if located is not None:
            chosen, rule = located
            top = [(c, r) for c, r in cands if c.tier == chosen.tier]
        spans = [(c.start, c.end) for c, _ in top if c is chosen or (c.between == chosen.between
                                                                      and _conjoined(c.root, chosen.root, w))]
        spans += [(c.start, c.end) for c in _parallel(chosen, top, w)]
        side = _border_side(chosen, [c for c, _ in cands])
        if side is not None:
            return Link(side.place.get("id"), tuple(sorted({(side.start, side.end), (chosen.start, chosen.end)})),
                        rule, "place:border-side")
        if chosen.place.get("unresolved"):
            # The spot has no coordinates: `place` is the best geocoded place the sentence (or the
            # one before) gives for the event ("the village of X in the Mopti region": Mopti).
            resolved = [c for c, _ in cands if not c.place.get("unresolved")]
            near = min(resolved, key=lambda c: (c.tier, c.between, fine.get(grain(c.place, w, c.kind), worst), c.hops)) \
                if resolved else None
            around = near.place.get("id") if near is not None else _previous(prev, places)[0]
            return Link(around, tuple(sorted(set(spans))), rule, "place:unresolved")
        return Link(chosen.place.get("id"), tuple(sorted(set(spans))), rule)
    pid, span = _previous(prev, places)
    if pid is not None:
        return Link(pid, (span,), "place:previous-sentence")
    return Link()


def _previous(prev: Span | None, places: list[dict]) -> tuple[str | None, tuple[int, int] | None]:
    """The last geocoded place of the previous sentence: news continues a scene across sentences."""
    if prev is None:
        return None, None
    before = [(m["start"], m["end"], p) for p in places if not p.get("unresolved") for m in p.get("mentions") or []
              if isinstance(m.get("start"), int) and prev.start_char <= m["start"] < prev.end_char]
    if not before:
        return None, None
    s, e, p = max(before, key=lambda x: x[0])
    return p.get("id"), (s, e)
