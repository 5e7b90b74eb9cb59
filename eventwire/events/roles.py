"""Argument and role extraction: the source and target of a trigger, as tokens of the parse and
then as entities of the analysis.

Syntax first (`slots`): the logical subject and object of the trigger's clause (passives turned
round, subjects inherited through coordination, control verbs, participles, relative clauses and
"by ...ing"), its prepositional phrases, a noun trigger's possessor, "by" phrase and nationality
modifier. The pattern's `roles` (or the defaults) say which slots are the source and the target.
Then entities (`entity_index.py`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Pattern

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
DEFAULT_VERB_TARGETS = ("object", "dative", "against", "with", "on", "upon", "toward", "towards", "into", "to")
DEFAULT_NOUN_SOURCES = ("poss", "by", "modifier")
DEFAULT_NOUN_TARGETS = ("against", "on", "upon", "with", "to", "toward", "towards", "into", "at", "of")
# Noun triggers whose "of" names the actor, not the target: "the visit of the president".
_OF_IS_SOURCE = {"CONSULT", "AGREE", "SUPPORT", "CONCEDE", "RETREAT", "AID", "COOPERATE", "PROTEST", "MOBILIZE",
                 "REQUEST", "REJECT", "THREATEN"}
MAX_CONJ = 60


def is_passive(v: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in v.children):
        return True
    if v.dep_ == "acl" and v.tag_ == "VBN":
        # "the air force conducted three strikes" read as a noun phrase: a participle with an
        # object of its own, on a noun with no verb above it, is the sentence's active verb
        return not (v.head.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in v.children))
    if v.tag_ == "VBN" and v.dep_ == "conj" and any(c.dep_ == "agent" for c in v.children):
        return True   # "were detained and later executed by soldiers": the second verb's passive is shared
    # "two were killed and five others wounded", "one civilian killed, one wounded": a past
    # participle with no auxiliary is a reduced passive; its "subject" is who suffered
    if v.tag_ != "VBN" or v.dep_ not in ("conj", "ROOT", "parataxis", "ccomp", "advcl") or \
            any(c.dep_ in ("aux", "dobj") for c in v.children):
        return False
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    if not subj:
        # "were detained by soldiers and tortured": a bare participle joined to a passive shares it
        return v.dep_ == "conj" and is_passive(v.head) and v.head.tag_ == "VBN"
    numbered = any(t.pos_ == "NUM" or any(g.dep_ == "nummod" for g in t.children) for t in subj)
    after_passive = v.dep_ == "conj" and any(c.dep_ == "auxpass" for c in v.head.children)
    return numbered or after_passive


def conjuncts(tok: Token) -> list[Token]:
    """The token and its coordinated siblings, in order: "Mali, Burkina Faso and Niger"."""
    out = [tok]
    stack = [tok]
    while stack and len(out) < MAX_CONJ:
        t = stack.pop()
        for c in t.children:
            if (c.dep_ == "conj" or (c.dep_ == "appos" and c.ent_type_ == t.ent_type_ == "GPE")) and c not in out:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def counted(tok: Token) -> bool:
    """A noun with its own number: "3 policemen", "one civilian"."""
    return any(c.dep_ == "nummod" and c.like_num for c in tok.children)


def listed(tok: Token) -> list[Token]:
    """`conjuncts`, and a list of counts the parser read as an apposition (either way round):
    "3 policemen, 1 gendarme and 1 civilian killed" is three groups, not one and its description."""
    # from any member of such a list (a clause may hang on its last group) up to its first
    while tok.dep_ in ("conj", "appos") and counted(tok) and counted(tok.head) and tok.head.i < tok.i:
        tok = tok.head
    out = conjuncts(tok)
    top = out[0]
    if counted(top):
        more = [c for c in top.children if c.dep_ == "appos" and c.i > top.i]
        if more and all(counted(t) for t in conjuncts(more[0])):
            return out + conjuncts(more[0])
    return out


def _children(tok: Token, deps) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def surface_subject(v: Token) -> list[Token]:
    return _children(v, SUBJ + PASS_SUBJ)


def _agent(v: Token, depth: int = 0) -> list[Token]:
    out = []
    for c in v.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and is_passive(v)):
            out += [g for g in c.children if g.dep_ == "pobj"]
    if not out and v.dep_ == "conj" and v.tag_ == "VBN" and depth < 4 and is_passive(v.head) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return _agent(v.head, depth + 1)   # "were detained by soldiers and tortured": by the soldiers
    return out


def logical(v: Token, depth: int = 0) -> tuple[list[Token], list[Token]]:
    """(logical subject, logical object) of verb `v`, inheriting a missing subject."""
    passive = is_passive(v)
    subj = _children(v, SUBJ)
    psubj = _children(v, PASS_SUBJ)
    if passive and not psubj and subj and not any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        psubj, subj = subj, []   # the elliptical passive's "subject" is its patient
    obj = _children(v, ("dobj",))
    if not obj:
        # "shot dead the chief": the object hung on the resultative adjective
        for c in v.children:
            if c.dep_ in ("acomp", "oprd") and c.i == v.i + 1:
                obj = _children(c, ("dobj",))
                break
    if not obj and not passive:
        # "abducted and executed two civilians": coordinated verbs share the object
        for c in v.children:
            # "abducted and executed two civilians": only when the verbs stand side by side
            if c.dep_ == "conj" and c.pos_ == "VERB" and 0 < c.i - v.i <= 3 and not any(
                    g.dep_ == "prep" and g.i > v.i for g in v.children):
                shared = _children(c, ("dobj",))
                if shared:
                    obj = shared
                    break
    if not obj and not passive:
        # "wounded two children collecting herbs": the object read as a small clause's subject
        for c in v.children:
            if c.dep_ == "ccomp" and c.tag_ in ("VBG", "VBN") and not any(g.dep_ == "mark" for g in c.children):
                obj = [g for g in c.children if g.dep_ == "nsubj"]
                break
    if passive:
        agent = _agent(v)
        if psubj:
            obj = psubj + obj
        subj = agent
        if not psubj and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            obj = [v.head] + obj   # "a man killed by gunmen"
        if not psubj and not (v.dep_ == "acl") and depth < 4:
            inh = _inherited(v, depth)
            obj = inh + obj
        return subj, obj
    if not subj and depth < 4:
        subj = _inherited(v, depth)
    return subj, obj


def _inherited(v: Token, depth: int) -> list[Token]:
    """The subject a verb without one shares with the clause it hangs from."""
    dep, h = v.dep_, v.head
    if h.i == v.i:
        return []
    if dep == "conj":
        if h.pos_ in ("VERB", "AUX", "ADJ") or h.dep_ == "ROOT":
            s = surface_subject(h)
            if s:
                return s
            return _inherited(h, depth + 1) if depth < 4 else []
        return []
    if dep == "xcomp":
        objs = _children(h, ("dobj",))
        if objs and h.lemma_.lower() not in ("promise", "vow", "pledge", "threaten", "offer"):
            return objs     # "urged Ukraine to ...": object control
        subj, _ = logical(h, depth + 1) if not is_passive(h) else (_children(h, PASS_SUBJ), [])
        return subj
    if dep == "advcl" or dep == "npadvmod":
        subj, _ = logical(h, depth + 1)
        return subj
    if dep == "pcomp" and h.dep_ in ("prep", "agent"):
        gov = h.head
        if gov.pos_ in ("VERB", "AUX"):
            if h.lower_ in ("of", "for") and _children(gov, ("dobj",)):
                return _children(gov, ("dobj",))   # "accused X of supporting", "blamed X for"
            subj, _ = logical(gov, depth + 1)
            return subj
        if gov.pos_ in ("NOUN", "PROPN"):
            return _noun_owner(gov)
        return []
    if dep == "relcl":
        return [h]
    if dep == "acl":
        if h.pos_ in ("NOUN", "PROPN"):
            if _event_like(h):
                gv = h.head
                if h.dep_ in ("dobj", "nsubjpass") and gv.pos_ in ("VERB", "AUX"):
                    subj, _ = logical(gv, depth + 1)
                    return subj
                return _noun_owner(h)
            return [h]
        return []
    if dep == "ccomp" and h.lemma_.lower() in ("presume", "suspect", "allege") and not surface_subject(h):
        return _children(h, ("dobj",))   # "presumed ISGS militants attacked": a misread adjective
    return []


def _event_like(noun: Token) -> bool:
    return noun.lemma_.lower() in _EVENTISH


_EVENTISH = {"operation", "attack", "ambush", "raid", "offensive", "campaign", "mission", "assault", "strike",
             "bombing", "effort", "attempt", "bid", "plan", "plot", "move", "decision", "visit", "trip", "meeting",
             "talk", "protest", "march", "rally", "demonstration"}


def _noun_owner(noun: Token) -> list[Token]:
    for c in noun.children:
        if c.dep_ == "poss":
            return [c]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return [g for g in c.children if g.dep_ == "pobj"]
    return []


def preps(tok: Token) -> dict[str, list[Token]]:
    out: dict[str, list[Token]] = {}
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP":
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            for o in conj_preps(c):
                objs += [g for g in o.children if g.dep_ == "pobj"]
            if objs:
                out.setdefault(c.lower_, []).extend(objs)
        elif c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst") :
            out.setdefault(c.lower_, []).extend(g for g in c.children if g.dep_ == "pobj")
    return out


def conj_preps(prep: Token) -> list[Token]:
    """ "of aggression and of terrorism": the second "of" is a conjunct of the first."""
    return [c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP"]


@dataclass
class Slots:
    subject: list[Token] = field(default_factory=list)
    object: list[Token] = field(default_factory=list)
    dative: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    poss: list[Token] = field(default_factory=list)
    modifier: list[Token] = field(default_factory=list)
    governor_subject: list[Token] = field(default_factory=list)
    governor_object: list[Token] = field(default_factory=list)
    compound: list[Token] = field(default_factory=list)

    def get(self, name: str) -> list[Token]:
        if name in ("subject", "object", "dative", "poss", "modifier", "governor_subject", "governor_object",
                    "compound"):
            return getattr(self, name)
        if name == "between":
            return self.preps.get("between", []) + self.preps.get("among", [])
        return self.preps.get(name, [])


def slots(trigger_tok: Token, pattern: Pattern, light: Token | None) -> Slots:
    s = Slots()
    if pattern.pos in ("VERB", "ADJ"):
        verb = trigger_tok
        if pattern.pos == "ADJ":  # "X is ready to ...": the copula's subject
            verb = trigger_tok.head if trigger_tok.dep_ == "acomp" else trigger_tok
        s.subject, s.object = logical(verb)
        if pattern.pos == "ADJ" and not s.subject:
            s.subject = surface_subject(verb)
        s.dative = _children(verb, ("dative",))
        if s.dative and s.dative[0].pos_ == "ADP":   # "gave aid to X" parsed as dative "to"
            s.preps.setdefault(s.dative[0].lower_, []).extend(g for g in s.dative[0].children if g.dep_ == "pobj")
            s.dative = []
        s.preps.update({k: v for k, v in preps(trigger_tok).items()})
        if verb is not trigger_tok:
            for k, v in preps(verb).items():
                s.preps.setdefault(k, []).extend(v)
        # "break off relations with X": the object noun's own "with" phrase
        for o in _children(trigger_tok, ("dobj",)):
            for k, v in preps(o).items():
                if k in ("with", "to", "against", "on", "from", "between"):
                    s.preps.setdefault(k, []).extend(v)
        _targeting(trigger_tok, s)
        for o in s.object:
            _targeting(o, s)
        # "gave Tanzania a grant": the dative is the recipient, the theme is no target
        if s.dative and pattern.role("target") is None:
            s.object = []
        if pattern.pos == "VERB" and trigger_tok.dep_ == "relcl":
            s.subject = [_rel_head(t) for t in s.subject]
            s.object = [_rel_head(t) for t in s.object]
        # "a vehicle struck a mine": what hit the weapon suffered it; who laid it is not named here
        if trigger_tok.lemma_.lower() in _WEAPON_HITTING and s.object and \
                all(o.lower_ in _HIT_WEAPONS or o.lemma_.lower() in _HIT_WEAPONS for o in s.object):
            s.object, s.subject = s.subject, s.preps.get("by", [])
        # "Malian army convoy ambushed near Gao" (a headline's dropped "was"): the convoy suffered it
        if pattern.acled in ("violence", "clash", "remote-explosive", "attack-civilians") and not s.object and \
                s.subject and all(t.lemma_.lower() in _PATIENT_SUBJECTS for t in s.subject) and \
                not s.preps.get("with") and not s.preps.get("against"):
            s.object, s.subject = s.subject, s.preps.get("by", [])
        return s
    noun = trigger_tok
    for c in noun.children:
        if c.dep_ == "poss":
            s.poss.append(c)
        elif c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"):
            s.modifier.append(c)
        if c.dep_ == "compound":
            s.compound.append(c)
    s.preps = preps(noun)
    _targeting(noun, s)
    # the parties to an exchange named on what was exchanged ("exchanges of gunfire between the army
    # and militants") or on the verb the event is subject of ("clashes reported between X and Y")
    holders = list(s.preps.get("of", []))
    if light is None and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        holders.append(noun.head)
    for h in holders:
        for k, v in preps(h).items():
            if k in ("between", "among"):
                s.preps.setdefault(k, []).extend(t for t in v if t not in s.preps.get(k, []))
    for by in s.preps.get("by", []):
        # "an attack by gunmen on the base": the parser hangs the target on the attackers
        for k, v in preps(by).items():
            if k in ("on", "against", "upon"):
                s.preps.setdefault(k, []).extend(v)
    gov = light or noun.head
    if light is not None:
        subj, obj = logical(light)
        subj = [t for t in subj if t.i != noun.i]   # "clashes took place between ...": not its own actor
        s.subject = subj
        s.governor_subject = subj
        for k, v in preps(light).items():
            if k not in ("in", "at", "near", "during", "on", "since", "after", "before", "over", "across"):
                s.preps.setdefault(k, []).extend(v)
            elif k == "on" and pattern.cameo[:2] in ("18", "19", "20", "17"):
                s.preps.setdefault(k, []).extend(v)
    elif noun.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and gov.i != noun.i:
        verb = gov.head if gov.pos_ == "ADP" else gov
        if verb.pos_ in ("VERB", "AUX"):
            subj, obj = logical(verb)
            if noun.dep_ in ("dobj",) or (noun.dep_ == "pobj" and gov.pos_ == "ADP"):
                s.governor_subject = [t for t in subj if t.i != noun.i]
                s.governor_object = [t for t in obj if t.i != noun.i]
            elif noun.dep_ in ("nsubj",):
                s.governor_object = [t for t in obj if t.i != noun.i]
    return s


_PATIENT_SUBJECTS: frozenset = frozenset()
_TARGETING: frozenset = frozenset()
_WEAPON_HITTING: frozenset = frozenset()
_HIT_WEAPONS: frozenset = frozenset()


def set_role_words(lists: dict) -> None:
    """The word lists the role finder reads (`patient_subjects`, `targeting_participles`,
    `weapon_hitting_verbs`, `hit_weapons` of the language's verbs file)."""
    global _PATIENT_SUBJECTS, _TARGETING, _WEAPON_HITTING, _HIT_WEAPONS
    _PATIENT_SUBJECTS = frozenset(lists.get("patient_subjects", ()))
    _TARGETING = frozenset(lists.get("targeting_participles", ()))
    _WEAPON_HITTING = frozenset(lists.get("weapon_hitting_verbs", ()))
    _HIT_WEAPONS = frozenset(lists.get("hit_weapons", ()))


def _targeting(tok: Token, s: Slots) -> None:
    """ "an airstrike targeting militants", "fired shells targeting the camp": the participle's
    object is what the act was against (`targeting_participles`)."""
    for c in tok.children:
        if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG" and c.lemma_.lower() in _TARGETING:
            s.preps.setdefault("against", []).extend(_children(c, ("dobj",)))


_TIME_WORDS = {"day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", "morning",
               "evening", "afternoon", "weekend", "time", "hour", "hours", "dawn", "dusk", "midnight", "today",
               "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _is_time(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _TIME_WORDS


def _rel_head(tok: Token) -> Token:
    if tok.lower_ in ("who", "which", "that", "whom") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _of_objects(tok: Token) -> list[Token]:
    """What a word's "of" names: "the throats of five civilians", "scores of soldiers"."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj"]


def roles(trigger_tok: Token, pattern: Pattern, s: Slots, plover: str | None,
          consumed: set[int] | frozenset = frozenset()) -> tuple[list[Token], list[Token]]:
    """(source tokens, target tokens) by the pattern's roles or the defaults of its part of speech."""
    src_slots = pattern.role("source")
    tgt_slots = pattern.role("target")
    if src_slots is None:
        if pattern.pos == "NOUN":
            src_slots = DEFAULT_NOUN_SOURCES + ("subject",)
            if plover in _OF_IS_SOURCE:
                src_slots = ("poss", "by", "subject", "modifier", "of")
        else:
            src_slots = ("subject",)
    if tgt_slots is None:
        if pattern.pos == "NOUN":
            tgt_slots = DEFAULT_NOUN_TARGETS if plover not in _OF_IS_SOURCE else tuple(
                t for t in DEFAULT_NOUN_TARGETS if t != "of")
        else:
            tgt_slots = DEFAULT_VERB_TARGETS
        # a phrase that ends in its preposition takes the target there: "shot at", "fired into"
        # (not "met on the sidelines", whose preposition's object is part of the phrase)
        own = tuple(c.lower_ for c in trigger_tok.children if c.dep_ == "prep" and c.i in consumed
                    and not any(g.i in consumed for g in c.children))
        tgt_slots = own + tuple(t for t in tgt_slots if t not in own)
    source: list[Token] = []
    for slot in src_slots:
        got = [t for t in s.get(slot) if t.i not in consumed and not _is_time(t)]
        if got:
            source = list(got)
            break
    target: list[Token] = []
    for slot in tgt_slots:
        # a noun of the trigger's own phrase passes its "of" on: "slit the throats of five civilians"
        cands = [g for t in s.get(slot) for g in ([t] if t.i not in consumed else _of_objects(t))]
        got = [t for t in cands if all(t.i != x.i for x in source) and t.i not in consumed
               and not _is_time(t)]
        if got:
            target = got
            break
    between = s.get("between")
    if between and not source:
        source = between
    elif between and not target:
        target = between
    return source, target
