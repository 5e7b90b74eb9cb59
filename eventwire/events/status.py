"""Status of an event: asserted in the outlet's own voice, attributed to a speaker, denied,
hypothetical or negated.

Evidence is collected as layers while walking from the event's clause up to the sentence root:
- the quotes stage: an event inside a quote's content is the speaker's (a `deny` stance denies it),
  and the quote's `reporting` adverbs attribute it;
- the clause itself, which works without quotes: a reporting verb governing it ("officials said
  the militants attacked") attributes it to that verb's subject; a denying verb ("denied attacking")
  denies it; "reportedly", "allegedly", "according to X" attribute it; modals ("could", "will"),
  conditionals ("if", "unless"), purpose clauses and governing verbs of intent ("plans to",
  "threatened to") make it hypothetical; negation ("did not attack", "no ... attack") and verbs like
  "failed to", "refused to" negate it.
The outermost evidence wins in this order: denied, attributed, negated, hypothetical, asserted
(an event a speaker says did not happen is that speaker's claim). `layers` keeps every layer found.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from . import clauses as cl
from .lexicon import Lexicon

ORDER = ("denied", "attributed", "hypothetical", "negated")
MAX_STEPS = 12
_LINKING = {"be", "seem", "appear", "look", "become"}


@dataclass
class Status:
    layers: list[str] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)     # words that set a layer, for evidence
    muted: frozenset = frozenset()                     # layers the clauses further up cannot set
    # what would make it only meant says it happened: a promise kept, a warning of what was done
    happened: bool = False

    def add(self, layer: str, cue: str | None = None) -> None:
        if layer in self.muted:
            return
        if layer not in self.layers:
            self.layers.append(layer)
        if cue and cue not in self.cues:
            self.cues.append(cue)

    @property
    def status(self) -> str:
        for layer in ORDER:
            if layer in self.layers:
                return layer
        return "asserted"


class StatusFinder:
    def __init__(self, doc, quotes: list[dict], index, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.index = index
        self.quotes = [q for q in quotes or [] if isinstance(q, dict)]
        self._fallback = None
        self.event_tokens: set[int] = set()

    # -- speakers
    def _speaker_ids(self, verb: Token) -> list[str]:
        from .roles import logical
        subj, _ = logical(verb)
        if not subj:
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return self.index.resolve(subj).ids

    def _according_to(self, tok: Token) -> list[str] | None:
        for c in tok.children:
            if c.lower_ == "according" or (c.dep_ == "prep" and c.lemma_.lower() == "accord"):
                for to in c.children:
                    if to.lower_ == "to":
                        return self.index.resolve([g for g in to.children if g.dep_ == "pobj"]).ids
                return []
        return None

    # -- quotes (from the quotes stage, or the quote marks of the text when there are none)
    def _quote_layers(self, start: int, end: int, st: Status) -> None:
        for q in self.quotes:
            qs, qe = q.get("start"), q.get("end")
            if not isinstance(qs, int) or not isinstance(qe, int):
                continue
            if qs <= start and end <= qe:
                speaker = q.get("speaker")
                stance = (q.get("cue") or {}).get("stance") if isinstance(q.get("cue"), dict) else None
                if stance == "deny" and not self._denying_cue(q):
                    stance = None
                if q.get("kind") not in ("direct",) and stance != "deny":
                    continue   # indirect speech: the clause itself says how it is reported
                speakers = [x for x in (q.get("speakers") or [speaker]) if isinstance(x, str)]
                if stance == "deny":
                    st.add("denied", "quote:deny")
                    for x in speakers:
                        if x not in st.denied_by:
                            st.denied_by.append(x)
                else:
                    st.add("attributed", f"quote:{q.get('id')}")
                    for x in speakers:
                        if x not in st.attributed_to:
                            st.attributed_to.append(x)
                if q.get("reporting"):
                    st.add("attributed", "quote:reporting")
        if not self.quotes:
            for qs, qe, speaker in self._quote_marks():
                if qs <= start and end <= qe:
                    st.add("attributed", "quote-marks")
                    for s in speaker:
                        if s not in st.attributed_to:
                            st.attributed_to.append(s)

    def _denying_cue(self, q: dict) -> bool:
        cue = q.get("cue") or {}
        if not isinstance(cue.get("start"), int):
            return False
        span = self.doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
        return span is not None and any(t.lemma_.lower() in self.lex.lists.get("deny_verbs", ()) for t in span)

    def _quote_marks(self):
        """Spans between quotation marks of at least five words, with the subject of the reporting
        verb right before or after them (used only when the quotes stage found nothing)."""
        if self._fallback is not None:
            return self._fallback
        text = self.doc.text   # read once per document (the result is cached)
        out = []
        opens = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
        i = 0
        n = len(text)
        while i < n and len(out) < 500:
            ch = text[i]
            if ch in opens:
                close = opens[ch]
                j = text.find(close, i + 1)
                if j == -1 or j - i > 5000:
                    i += 1
                    continue
                if len(text[i + 1:j].split()) >= 5:
                    out.append((i + 1, j, self._speaker_near(i, j)))
                i = j + 1
            else:
                i += 1
        self._fallback = out
        return out

    def _speaker_near(self, qs: int, qe: int) -> list[str]:
        reporting = self.lex.lists.get("reporting_verbs", ())
        after = self.doc.char_span(qe, min(len(self.doc.text), qe + 80), alignment_mode="expand")
        before = self.doc.char_span(max(0, qs - 80), qs, alignment_mode="expand")
        for span in (after, before):
            if span is None:
                continue
            for t in span:
                if t.pos_ == "VERB" and t.lemma_.lower() in reporting:
                    ids = self._speaker_ids(t)
                    if ids:
                        return ids
        return []

    # -- the clause
    def _is_event(self, tok: Token) -> bool:
        return tok.i in self.event_tokens

    def _final_speaker(self, root: Token, st: Status) -> None:
        """ "Three were stabbed, two were strangled, he said": a reporting verb hanging from the
        clause it reports."""
        reporting = self.lex.lists.get("reporting_verbs", ())
        for c in root.children:
            as_reported = c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children)
            if c.dep_ in ("parataxis", "advcl", "conj", "ccomp") and \
                    c.lemma_.lower() in reporting and (as_reported or any(g.dep_ == "nsubj" for g in c.children)) and \
                    not any(g.dep_ in ("ccomp", "xcomp", "dobj") for g in c.children):
                st.add("attributed", c.lemma_.lower())
                for x in self._speaker_ids(c):
                    if x not in st.attributed_to:
                        st.attributed_to.append(x)
                return

    def _governed_noun(self, noun: Token) -> Token:
        """The noun whose governor speaks for this event: a coordinated noun shares its first
        conjunct's ("prevented the attack and the kidnapping"), and what a modifier leads to shares
        the modified noun's ("a reward for information leading to his arrest": the reward is for it)."""
        links = self.lex.lists.get("consequence_links", ())
        for _ in range(4):
            h = noun.head
            if noun.dep_ == "conj" and h.pos_ in ("NOUN", "PROPN"):
                noun = h
            elif noun.dep_ == "pobj" and h.pos_ == "ADP" and h.head.dep_ in ("acl", "relcl") and \
                    f"{h.head.lemma_.lower()} {h.lower_}" in links:
                noun = h.head.head
            else:
                break
        return noun

    def _noun_governor(self, noun: Token, st: Status) -> Token | None:
        """ "calling for Israel's withdrawal", "prevented the attack", "the threat of an attack":
        the word a noun event hangs from, returned when it set a layer."""
        lists = self.lex.lists
        noun = self._governed_noun(noun)
        gov = noun.head
        pair = None
        if noun.dep_ == "pobj" and gov.pos_ == "ADP":
            pair = f"{gov.head.lemma_.lower()} {gov.lower_}"
            if gov.lower_ not in lists.get("complement_preps", ()) and \
                    pair not in lists.get("hypothetical_governor_preps", ()):
                return   # "approved at a meeting", "sought peace by talks": not what is governed
            if pair in lists.get("presupposing_governor_preps", ()):
                return   # "looking into the attacks"
            gov = cl.measured(gov.head)
        elif noun.dep_ not in ("dobj", "nsubjpass"):
            return
        if gov.i == noun.i:
            return
        lemma = gov.lemma_.lower()
        if lemma in lists.get("deny_verbs", ()) and noun.dep_ == "dobj":
            st.add("denied", lemma)
            for x in self._speaker_ids(gov):
                if x not in st.denied_by:
                    st.denied_by.append(x)
        elif lemma in lists.get("hypothetical_governors", ()) or pair in lists.get("hypothetical_governor_preps", ()):
            st.add("hypothetical", lemma)
        elif cl.listed(gov, lists.get("negating_governors", ())) and \
                noun.lemma_.lower() not in lists.get("speech_act_nouns", ()):   # "the demand was refused": made
            st.add("negated", lemma)
        else:
            return None
        return gov

    def _edge(self, t: Token, head: Token, st: Status) -> None:
        """What the word governing `t` says about it."""
        lists = self.lex.lists
        dep = t.dep_
        lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX") and lemma in lists.get("hedge_participles", ()) and cl.hedges_actors(t, head, dep):
            return
        if head.pos_ in ("VERB", "AUX") and dep in ("ccomp", "parataxis", "xcomp", "dobj", "pcomp"):
            claimish = t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in lists.get("reporting_nouns", ())
            if lemma in lists.get("deny_verbs", ()) and dep in ("ccomp", "xcomp", "dobj", "pcomp") and claimish:
                st.add("denied", lemma)
                for x in self._speaker_ids(head):
                    if x not in st.denied_by:
                        st.denied_by.append(x)
            elif lemma in lists.get("reporting_verbs", ()) and (
                    dep in ("ccomp", "parataxis") or (dep in ("xcomp", "oprd") and cl.passive(head))
                    or (dep == "xcomp" and cl.perfect_infinitive(t))
                    or (dep == "dobj" and t.pos_ in ("NOUN", "PROPN") and self._is_event(t))):
                # a forecast is of what is to come: "warned that the group grew last year" reports the past
                forecast = lemma in lists.get("predicting_verbs", ())
                st.happened = st.happened or (forecast and cl.past(t))
                st.add("hypothetical" if forecast and not cl.past(t) else "attributed", lemma)
                for x in self._speaker_ids(head):
                    if x not in st.attributed_to:
                        st.attributed_to.append(x)
            elif t.i < head.i and dep == "ccomp":
                pass   # "they protested ..., they also prevented ...": a comma splice, not a complement
            elif cl.listed(head, lists.get("negating_governors", ())) and (
                    dep in ("xcomp", "ccomp", "pcomp") or (dep == "dobj" and self._is_event(t))):
                st.add("negated", lemma)
            elif lemma in lists.get("hypothetical_governors", ()) and dep in ("xcomp", "ccomp"):
                st.add("hypothetical", lemma)
            elif dep == "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children) and \
                    not cl.perfect_infinitive(t) and lemma not in lists.get("aspectual_governors", ()) and \
                    not cl.ranked(t, self.lex):
                st.add("hypothetical", "to")   # "massed to defend", "voted to support": what is meant to happen
        elif head.pos_ == "ADP" and dep == "pcomp" and head.lower_ == "without":
            st.add("negated", "without")   # "without seeking approval"
        elif head.pos_ == "ADP" and dep == "pcomp" and head.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and (
                head.lower_ in lists.get("complement_preps", ()) or
                f"{head.head.lemma_.lower()} {head.lower_}" in lists.get("hypothetical_governor_preps", ())):
            gov = head.head.lemma_.lower()
            if f"{gov} {head.lower_}" in lists.get("presupposing_governor_preps", ()):
                pass   # "looking into killing": what is looked into is given
            elif gov in lists.get("deny_verbs", ()) and head.head.pos_ == "VERB":
                st.add("denied", gov)
                for x in self._speaker_ids(head.head):
                    if x not in st.denied_by:
                        st.denied_by.append(x)
            elif gov in lists.get("hypothetical_governors", ()) or \
                    f"{gov} {head.lower_}" in lists.get("hypothetical_governor_preps", ()):   # "plans for attacking"
                st.add("hypothetical", gov)
            elif cl.listed(head.head, lists.get("negating_governors", ())):
                st.add("negated", gov)
        elif head.pos_ in ("NOUN", "PROPN") and dep in ("acl", "ccomp"):
            if lemma in lists.get("reporting_nouns", ()):
                if not (dep == "acl" and t.tag_ == "VBG"):   # "a statement condemning X": what it does, not reports
                    st.add("attributed", lemma)
            elif lemma in lists.get("hypothetical_governors", ()):
                st.add("hypothetical", lemma)
        elif head.pos_ == "ADJ" and dep in ("xcomp", "ccomp") and lemma in lists.get("hypothetical_governors", ()):
            st.add("hypothetical", lemma)

    def _fulfilled(self, t: Token) -> Token | None:
        """The verb that fulfils the promise, threat or order whose infinitive `t` is ("kept their
        promise to free him", "made good on its threat to kill them"; the parser may hang the
        infinitive on that verb itself)."""
        lists = self.lex.lists
        if t.dep_ not in ("acl", "advcl") or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children):
            return None
        nouns = [t.head] if t.dep_ == "acl" else [g for c in t.head.children if c.dep_ in ("dobj", "prep")
                                                  for g in [c] + list(c.children) if g.dep_ in ("dobj", "pobj")]
        for n in nouns:
            if n.lemma_.lower() not in lists.get("fulfilled_nouns", ()) or n.dep_ not in ("dobj", "pobj"):
                continue
            verb, prep = (n.head, "") if n.dep_ == "dobj" else (n.head.head, f" {n.head.lower_}")
            lemma = verb.lemma_.lower()
            forms = [lemma] + [f"{lemma} {c.lower_}" for c in verb.children
                               if c.dep_ in ("prt", "oprd", "acomp", "advmod") and c.i < n.i]
            if (t.dep_ == "acl" or verb.i == t.head.i) and \
                    any(f + prep in lists.get("fulfilling_verbs", ()) for f in forms):
                return verb
        return None

    def _conative(self, t: Token, head: Token) -> bool:
        """ "tried to free", "an attempt to shut down": an infinitive under a verb or noun of trying."""
        return t.dep_ in ("xcomp", "acl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children) and \
            head.lemma_.lower() in self.lex.lists.get("conative_governors", ())

    def _hypothetical_predicate(self, noun: Token) -> Token | None:
        preds = self.lex.lists.get("hypothetical_predicates", ())
        return next((c for c in noun.head.children if c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in preds), None)

    def find(self, anchor: Token, trigger: Token, start: int, end: int, background: bool = False) -> Status:
        """Layers of the event whose clause is headed by `anchor`. A `background` event (named in
        passing inside another clause: "after the 1990 invasion of Kuwait") keeps only what its own
        words say: reports, quotes and intentions around it are about the clause it sits in, unless
        that clause is about it (a linking verb's subject, a governing verb's complement)."""
        st = Status()
        lists = self.lex.lists
        characterised, bare, governed = False, anchor is trigger, False
        if background and trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in _LINKING:
            # "an attack is imminent", "the attack was a massacre, officials said": a linking verb's
            # clause has no event of its own but says something of its subject, so what governs that
            # clause governs the event
            predicate = self._hypothetical_predicate(trigger)
            if predicate is not None:
                st.add("hypothetical", predicate.lower_)
            else:
                characterised = True
            anchor, background = trigger.head, False
        if not background:
            self._quote_layers(start, end, st)
        else:
            gov = self._noun_governor(trigger, st)
            if gov is not None and gov.pos_ in ("VERB", "AUX"):
                # "officials said Clark would seek his extradition": the noun is the complement of the
                # verb that governs it, so what governs that verb's clause governs it too
                anchor, background, governed = gov, False, True
        # adjectives on a noun trigger: "alleged war crimes", "a planned attack" (but "mounted its
        # long-threatened invasion": the light verb says it happened)
        if trigger.pos_ in ("NOUN", "PROPN"):
            for c in trigger.children:
                if c.dep_ in ("amod", "compound") and c.lower_ in lists.get("hedge_adjectives", ()) and \
                        not any(g.dep_ in ("xcomp", "ccomp") for g in c.children):   # "a tour likely to last": the lasting
                    if c.lower_ in lists.get("hypothetical_adjectives", ()):
                        # "the severest possible crackdown": after a superlative it measures, not hedges
                        if bare and not any(s.tag_ == "JJS" for s in list(c.children) + [
                                s for s in trigger.children if s.i < c.i]):
                            st.add("hypothetical", c.lower_)
                    else:
                        st.add("attributed", c.lower_)
                if c.dep_ == "det" and c.lower_ == "no":
                    st.add("negated", "no")
            if trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
                st.add("negated", "without")
        if characterised:   # the clause's negation and modals are about what is said of it, not whether it happened
            st.muted = frozenset(("hypothetical", "negated"))
        elif governed:   # "did not seek talks": the negation is of the seeking; the talks stay only sought
            st.muted = frozenset(("negated",))
        t = anchor
        local = True   # still in the event's own clause (or one coordinated with it)
        means = -1   # the verb a "by"/"through" phrase on the way up hangs from
        for _ in range(MAX_STEPS):
            kept = self._fulfilled(t)
            if kept is not None:
                # "kept their promise to free him": what was promised is as real as the keeping
                local, t, st.happened = True, kept, True
                continue
            verb = cl.light_gerund(t, self.lex)
            if local and verb is not None:
                t = verb   # "can participate in planning": the planning is done as the verb says
                continue
            if local:
                if cl.negated(t, self.lex):
                    st.add("negated", "not")
                modal = cl.modal(t, self.lex)
                if modal is not None:
                    st.add("hypothetical", modal.lower_)
                if cl.conditional(t, self.lex) or cl.purpose(t, self.lex):
                    st.add("hypothetical", "if" if cl.conditional(t, self.lex) else "to")
            for c in t.children:
                if c.dep_ == "advmod" and c.lower_ in lists.get("hedges", ()):
                    st.add("attributed", c.lower_)
            acc = self._according_to(t)
            if acc is not None:
                st.add("attributed", "according to")
                for x in acc:
                    if x not in st.attributed_to:
                        st.attributed_to.append(x)
            head = t.head
            if head.i == t.i:
                if not background:
                    self._final_speaker(t, st)
                break
            if background:
                break
            if head.lemma_.lower() in lists.get("factive_governors", ()) and t.dep_ in ("ccomp", "dobj", "pcomp",
                                                                                        "pobj", "xcomp"):
                break   # "investigate who shot down the plane": the shooting is presupposed
            if cl.presupposed(t, self.lex):
                break
            if t.i == means and self._conative(t, head):
                # "tried to free them by storming the jail": the attempt was made by doing it, so the
                # means is as real as the trying, whose own clause says the rest
                local, t = True, head
                continue
            self._edge(t, head, st)
            # a coordinated verb shares its head's auxiliaries and negation only with its subject
            local = local and (t.dep_ == "xcomp" or (t.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)) or cl.predicative(t))
            if t.dep_ == "pcomp" and head.lower_ in lists.get("means_preps", ()):
                means = head.head.i
            t = head
        return st
