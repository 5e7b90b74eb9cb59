"""Arguments as entities: each argument's head token is mapped to the entity whose mention covers
it (so a pronoun belongs to its antecedent's chain), compound arguments stay lists ("Mali and
Niger", "French and Malian troops"), "scores of soldiers" is the soldiers, and an argument that
names no entity stays empty: actors are never invented."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .roles import SUBJ, _of_objects, _rel_head, conjuncts, listed


@dataclass
class Resolved:
    ids: list[str]
    heads: list[Token]        # argument heads after expansion (for ACLED target classes)


class EntityIndex:
    """Token -> entities whose mentions cover it; pronoun resolution for "it"/"they"."""

    def __init__(self, doc: Doc, entities, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.entities = {e.id: e for e in entities}
        self.cover: dict[int, list[tuple[int, int, object, object]]] = {}
        self.order: list[tuple[int, object]] = []   # (start char, entity) of every mention
        for e in entities:
            for m in e.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self.cover.setdefault(t.i, []).append((m.end - m.start, m.token, e, m))
                self.order.append((m.start, e, m))
        self.order.sort(key=lambda x: x[0])

    def at(self, tok: Token):
        """The entity covering `tok`: a mention headed by it first, then the shortest covering one."""
        hits = self.cover.get(tok.i)
        if not hits:
            return None
        headed = [h for h in hits if h[1] == tok.i]
        pick = min(headed or hits, key=lambda h: h[0])
        return pick[2]

    def all_at(self, tok: Token) -> list:
        """The entity at `tok` and those sharing its very mention ("French and Malian troops")."""
        first = self.at(tok)
        if first is None:
            return []
        spans = {(m.start, m.end) for m in first.mentions if m.token == tok.i}
        return [first] + [h[2] for h in self.cover[tok.i]
                          if h[2] is not first and (h[3].start, h[3].end) in spans]

    def actor_of(self, eid: str):
        e = self.entities.get(eid)
        return e.actor if e else None

    # -- expansion of one argument head into entity ids
    def resolve(self, heads: list[Token], exclude: set[str] | None = None) -> Resolved:
        ids: list[str] = []
        out_heads: list[Token] = []
        for h in heads:
            for t0 in listed(h):
                t0 = _rel_head(t0)
                t1 = self._through_quantity(t0)
                for t in (conjuncts(t1) if t1 is not t0 else [t1]):
                    out_heads.append(t)
                    for eid in self._entity_ids(t):
                        if eid not in ids and (not exclude or eid not in exclude):
                            ids.append(eid)
        return Resolved(ids, out_heads)

    def _through_quantity(self, t: Token) -> Token:
        seen = 0
        while seen < 3 and (t.lemma_.lower() in self.lex.lists.get("quantity_nouns", ()) or t.like_num) \
                and self.at(t) is None:
            ofs = _of_objects(t)
            if not ofs:
                break
            t = ofs[0]
            seen += 1
        return t

    def _entity_ids(self, t: Token) -> list[str]:
        lists = self.lex.lists
        lower = t.lower_
        if lower in lists.get("it_pronouns", ()) or lower in lists.get("they_pronouns", ()):
            e = self._pronoun(t, plural=lower in lists.get("they_pronouns", ()))
            return [e.id] if e else []
        e = self.at(t)
        relational = t.lemma_.lower() in lists.get("relational_nouns", ())
        if e is not None and (e.actor is None or not e.actor.country):
            # "military chiefs from Burkina Faso, Niger and Mali": the countries say who they are
            pp = self._pp_entities(t, ("from", "of", "in"))
            if not pp and t.dep_ == "pobj" and t.head.head.i != t.head.i:
                pp = self._pp_entities(t.head.head, ("from",))   # "met with chiefs from X and Y"
            countries = [x for x in pp if self.entities[x].actor and self.entities[x].actor.country]
            if countries:
                return countries
        if e is not None:
            return [x.id for x in self.all_at(t)]
        if relational:
            pp = self._pp_entities(t, ("in",))
            if pp:
                return pp
            return self._numbered_anaphor(t)
        for c in t.children:
            if c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")):
                ce = self.at(c)
                if ce is not None and c.lower_ not in self.lex.lists.get("it_pronouns", ()):
                    return [ce.id]
                if c.dep_ == "poss" and c.lower_ in ("its", "their"):
                    pe = self._pronoun(c, plural=c.lower_ == "their")
                    if pe is not None:
                        return [pe.id]
        pp = self._pp_entities(t, ("of", "from", "in"))
        if pp:
            return pp
        return self._numbered_anaphor(t)

    def _pp_entities(self, t: Token, words) -> list[str]:
        out = []
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in words:
                for g in c.children:
                    if g.dep_ == "pobj":
                        for x in conjuncts(g):
                            e = self.at(x)
                            if e is not None and e.id not in out:
                                out.append(e.id)
        return out

    def _pronoun(self, t: Token, plural: bool):
        """Nearest preceding non-person entity in this sentence or the one before it."""
        sent_start = t.sent.start
        prev_sents = [s for s in self.doc.sents if s.end <= sent_start]
        floor = prev_sents[-1].start_char if prev_sents else 0
        subj_ids = set()
        for c in t.head.children:
            if c.dep_ in SUBJ and c.i != t.i:
                for x in conjuncts(c):
                    e = self.at(x)
                    if e is not None:
                        subj_ids.add(e.id)
        best = None
        for start, e, m in self.order:
            if start >= t.idx:
                break
            if start < floor or e.type == "PERSON" or e.id in subj_ids:
                continue
            if e.type in ("NORP",) and not plural:
                continue
            if plural and e.type not in ("GROUP", "NORP", "ORG", "GPE"):
                continue
            if e.actor is None:
                continue
            best = e
        return best

    def _numbered_anaphor(self, t: Token) -> list[str]:
        """ "All three former colonies": the last N countries named before, the article's main
        country filling in."""
        n = None
        for c in t.children:
            if c.dep_ in ("nummod",) and c.like_num:
                n = _small_int(c.lower_)
            elif c.lower_ == "both":
                n = 2
        if t.tag_ not in ("NNS", "NNPS") or not n or n > 6:
            return []
        def is_country(e) -> bool:
            return e.type == "GPE" and e.actor is not None and bool(e.actor.country) and not e.actor.sector

        sents = [s for s in self.doc.sents if s.start_char <= t.idx]
        window_start = sents[-3].start_char if len(sents) >= 3 else 0
        countries: list = []
        for start, e, m in reversed(self.order):
            if start >= t.idx or start < window_start:
                continue
            if is_country(e) and e not in countries:
                countries.append(e)
            if len(countries) >= n:
                break
        if len(countries) < n:   # the country the article is about fills in
            counts: dict = {}
            for start, e, m in self.order:
                if start < t.idx and is_country(e):
                    counts[e.id] = counts.get(e.id, 0) + 1
            for eid in sorted(counts, key=lambda k: -counts[k]):
                if len(countries) >= n:
                    break
                if all(c.id != eid for c in countries):
                    countries.append(self.entities[eid])
        return [e.id for e in countries[:n]]


def _small_int(word: str) -> int | None:
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
    if word in words:
        return words[word]
    try:
        return int(word)
    except ValueError:
        return None
