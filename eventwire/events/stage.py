"""The event stage: `resolve(doc, analysis)` fills `analysis.events` with `eventwire.analysis/1`
event dicts.

Order of work: triggers (triggers.py) -> actors (roles.py) -> complements of triggers that take an
event ("threatened to attack", "demanded the release of") and intents stated with "will" ->
status (status.py) -> weapons, casualties (fatalities.py) -> merging (merge.py) -> ACLED types
(acled.py) -> place and time links -> contract dicts. Knowledge comes from the pattern file of the
document's language and cameo.yaml (lexicon.py); every value names the entries that produced it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import resources
from . import acled as acled_rules
from .draft import Draft
from .fatalities import fate_of, kind_of, loose_casualties, outermost, segment_count, victims_count
from .instruments import attach_instruments
from .lexicon import Lexicon, load, verbs_file
from .location import Link
from .location import link as link_place
from .merge import merge_all, violent
from .entity_index import EntityIndex
from .roles import conjuncts, roles, slots
from .status import Status, StatusFinder
from .salience import earlier, salience
from .triggers import Trigger, find_triggers, toponym_tokens

MAX_TRIGGERS = 2000          # per document: a bound for pathological input
MAX_SENTENCE_TOKENS = 400    # longer "sentences" (flattened tables) are read for triggers only
LOOSE_LOOKBACK = 2           # sentences back a casualty count with no event of its own may attach to
TRANSPARENT_DEPS = ("prep", "acl", "relcl", "compound")
_COMPLEMENT_PREPS = ("for", "of", "to", "on", "against", "about", "over", "into", "in")


# ------------------------------------------------------------------------------------------- stage

def resolve(doc: Doc, analysis) -> None:
    lang = (getattr(analysis.article, "language", None) or doc.lang_ or "en")
    try:
        resources.DATA.joinpath(verbs_file(lang)).stat()
    except OSError:
        analysis.events = []
        return
    lex = load(lang)
    analysis.events = EventCoder(doc, analysis, lex).run()


class EventCoder:
    def __init__(self, doc: Doc, analysis, lex: Lexicon):
        from .roles import set_role_words
        set_role_words(lex.lists)
        self.doc = doc
        self.analysis = analysis
        self.lex = lex
        self.index = EntityIndex(doc, analysis.entities, lex)
        self.status = StatusFinder(doc, analysis.quotes, self.index, lex)
        self.sents = list(doc.sents)
        self.sent_of = {}
        for i, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = i
        self.ev_file = lex.evidence_file

    # -- drafts
    def _draft(self, trig: Trigger) -> Draft:
        p = trig.pattern
        si = self.sent_of.get(trig.token.i, 0)
        d = Draft(trig, p, p.cameo, self.sents[si], si, acled_rule=p.acled, mode=p.mode)
        d.plover = self.lex.info(p.cameo).plover
        s = slots(trig.token, p, trig.light)
        d.src_tokens, d.tgt_tokens = roles(trig.token, p, s, d.plover, trig.consumed)
        self._reduced_passive(d)
        d.mentions = [(trig.start, trig.end)]
        d.evidence = [f"{self.ev_file}:{p.id}"]
        return d

    def _reduced_passive(self, d: Draft) -> None:
        """ "one soldier killed and five wounded", "4 reported killed": a harm verb with a subject
        and no object reports who suffered it."""
        tok = d.token
        if d.pattern.pos != "VERB" or d.tgt_tokens or not kind_of([tok], d.pattern.id, d.cameo, self.lex):
            return
        if any(c.dep_ in ("dobj", "aux", "auxpass") for c in tok.children):
            return
        if any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in tok.children):
            return   # "abducted and executed two civilians": the object is shared
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and tok.dep_ in ("xcomp", "oprd", "conj") and (tok.head.lemma_.lower() in
                                                                   self.lex.lists.get("reporting_verbs", ()) or
                                                                   tok.head.lemma_.lower() in ("find", "leave")):
            subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]   # "found murdered"
        if subj and all(t.pos_ in ("NOUN", "PROPN", "NUM", "PRON") for t in subj):
            d.tgt_tokens = subj
            d.src_tokens = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]

    def _resolve_actors(self, d: Draft) -> None:
        src = self.index.resolve(d.src_tokens)
        tgt = self.index.resolve(d.tgt_tokens, exclude=set(src.ids))
        d.source, d.src_heads = src.ids, src.heads
        d.target, d.tgt_heads = tgt.ids, tgt.heads
        if d.pattern.reciprocal and not d.target and len(d.source) > 1:
            pass   # "Mali and Algeria held talks": both sides are the source, as PLOVER codes them

    def run(self) -> list[dict]:
        trigs = find_triggers(self.doc, self.lex, toponym_tokens(self.doc, self.analysis))[:MAX_TRIGGERS]
        self.trigger_tokens = {t.token.i for t in trigs} | {t.light.i for t in trigs if t.light is not None}
        drafts = [self._draft(t) for t in trigs]
        for d in drafts:
            self._resolve_actors(d)
        by_tok: dict[int, Draft] = {}
        for d in drafts:
            by_tok[d.token.i] = d
            if d.light is not None:
                by_tok.setdefault(d.light.i, d)
        self._link_complements(drafts, by_tok)
        self.status.event_tokens = {d.token.i for d in drafts}
        drafts = [d for d in drafts if not (d.pattern.light and d.light is None and d.parent is None)]
        for d in drafts:
            self._protest_purpose(d)
        for d in drafts:
            self._status(d)
        drafts += self._modal_events(drafts)
        attach_instruments(self.doc, self.lex, drafts, self.ev_file)
        self._casualties(drafts)
        drafts = merge_all(drafts, self.index)
        for d in drafts:
            self._acled(d)
        self._answer_denials(drafts)
        drafts.sort(key=lambda d: min(m[0] for m in d.mentions))
        for i, d in enumerate(drafts, 1):
            d.id = f"v{i}"
        return [self._to_dict(d) for d in drafts]

    # -- complements: "threatened to attack", "demanded the release of", "agreed to a ceasefire"
    def _complement_tokens(self, tok: Token) -> list[Token]:
        out: list[Token] = []
        lists = self.lex.lists
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp", "dobj", "nsubjpass", "attr", "oprd") and c.i > tok.i:
                out.append(c)   # a complement follows its head: an earlier "ccomp" is a comma splice
            elif c.dep_ in ("prep", "agent") and c.lower_ in _COMPLEMENT_PREPS:
                out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                for cc in c.children:   # "of supporting aggression and of terrorism"
                    if cc.dep_ == "conj" and cc.pos_ == "ADP":
                        out += [g for g in cc.children if g.dep_ in ("pobj", "pcomp")]
            elif c.dep_ == "acl" and tok.pos_ in ("NOUN", "PROPN"):
                out.append(c)
        more = []
        for t in out:   # through "a proposal for talks", "calls for sanctions", "the demand to withdraw"
            if t.lemma_.lower() in lists.get("transparent_nouns", ()):
                for c in t.children:
                    if c.dep_ in ("acl", "relcl", "xcomp"):
                        more.append(c)
                    elif c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS:
                        more += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                    elif c.dep_ == "compound":
                        more.append(c)
        expanded = []
        for t in out + more:
            for x in conjuncts(t):
                if x not in expanded:
                    expanded.append(x)
        return expanded

    def _link_complements(self, drafts: list[Draft], by_tok: dict[int, Draft]) -> None:
        for d in drafts:
            p = d.pattern
            if not (p.family or p.embedded):
                continue
            for t in self._complement_tokens(d.token):
                e = by_tok.get(t.i)
                if e is None or e is d or e.parent is not None:
                    continue
                e.parent = d
                d.embedded.append(e)
            if not d.embedded:
                continue
            first = d.embedded[0]
            if p.family:
                code = self.lex.refine(p.family, first.cameo)
                default = (self.lex.families.get(p.family) or {}).get("default")
                ok = code in self.lex.codes and (code[:2] == p.cameo[:2] or (p.family == "intent" and code[:2] == "13")
                                                 or code == "113")
                if ok and not (code == default and d.cameo != default):
                    d.cameo = code
                    d.plover = self.lex.info(code).plover
            if not d.target:
                if p.family in ("accuse", "investigate", "deny") or p.embedded == "asserted":
                    d.target = [x for x in (first.source or first.target) if x not in d.source]
                    d.tgt_heads = list(first.src_heads or first.tgt_heads)
                else:
                    d.target = [x for x in first.target if x not in d.source]
                    d.tgt_heads = list(first.tgt_heads)
            # the embedded event's missing actor: "accused Ukraine of supporting terrorism"
            if not first.source and p.family in ("accuse",) and d.target:
                first.source = list(d.target)

    # -- "demonstrated to demand the president's resignation": CAMEO 14x1-14x4
    def _protest_purpose(self, d: Draft) -> None:
        if d.cameo not in ("141", "142", "143", "144", "145"):
            return
        from .triggers import _ngrams, frame
        near = frame(d.token, d.pattern.pos)
        for root in (d.anchor, d.token):
            near += [t for c in root.children if c.dep_ in ("advcl", "acl", "xcomp", "prep")
                     for t in list(c.subtree)[:25]]
        forms = _ngrams(near)
        for digit, words in sorted((self.lex._raw.get("protest_purposes") or {}).items()):
            if forms.hits(frozenset(str(w).lower() for w in words)):
                code = d.cameo + str(digit)
                if code in self.lex.codes:
                    d.cameo = code
                    d.evidence.append(f"{self.ev_file}:protest_purposes:{digit}")
                return

    # -- status
    def _status(self, d: Draft) -> None:
        d.salience = salience(d)
        anchor = d.anchor
        if d.light is not None and d.light.lemma_.lower() in self.lex.lists.get("reporting_verbs", ()):
            anchor = d.token   # "announced an agreement": the agreement is what the company says
        # a noun event without a verb of its own is named in passing: what its clause says (reports,
        # intentions) is about the clause's own event ("officials said the attack killed five":
        # the killing is the officials' report, the attack is presupposed)
        in_passing = d.pattern.pos == "NOUN" and d.light is None and d.token.dep_ != "ROOT"
        st = self.status.find(anchor, d.token, d.trig.start, d.trig.end, background=in_passing)
        parent = d.parent
        if parent is not None:
            kind = parent.pattern.embedded
            if kind == "negated" and parent.pattern.family == "reject" and d.pattern.pos == "NOUN" and \
                    d.light is None:
                # "rejected the deployment": a proposal, not something that did not happen; "refused
                # the demand for his extradition": the demand was made
                kind = None if d.token.lemma_.lower() in self.lex.lists.get("speech_act_nouns", ()) \
                    else "hypothetical"
            if kind == "hypothetical" and st.happened:
                pass   # "kept their promise to free him", "warned that rebels had attacked": not only meant
            elif kind == "hypothetical" or kind == "negated":
                st.add(kind, parent.pattern.id)
            elif kind == "attributed" and d.pattern.pos == "NOUN" and parent.pattern.family == "accuse":
                pass   # "blamed Israel for the bombing": the bombing happened; who did it is the claim
            elif kind in ("attributed", "denied"):
                st.add(kind, parent.pattern.id)
                target = st.attributed_to if kind == "attributed" else st.denied_by
                for x in parent.source:
                    if x not in target:
                        target.append(x)
        d.status = st

    # -- "X will visit Y": the statement of intent is an event of its own (CAMEO 03/13, or 12 when negated)
    def _modal_events(self, drafts: list[Draft]) -> list[Draft]:
        out = []
        intent = self.lex.lists.get("intent_modals", ())
        for d in drafts:
            if d.parent is not None or d.pattern.family or d.pattern.pos != "VERB":
                continue
            aux = next((c for c in d.anchor.children if c.dep_ == "aux" and c.lower_ in intent), None)
            must = next((c for c in d.anchor.children if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
            if aux is not None:
                negated = any(c.dep_ == "neg" for c in d.anchor.children)
                family = "reject" if negated else "intent"
                code = self.lex.refine(family, d.cameo)
                if not code:
                    continue
                out.append(self._derived(d, aux, code, d.source, d.target))
            elif must is not None and d.status.attributed_to and not set(d.status.attributed_to) & set(d.source):
                code = self.lex.refine("demand", d.cameo)
                if code:
                    out.append(self._derived(d, must, code, list(d.status.attributed_to), list(d.source)))
        return out

    def _derived(self, d: Draft, tok: Token, code: str, source: list[str], target: list[str]) -> Draft:
        trig = Trigger(tok, d.pattern, [tok], anchor=d.anchor)
        x = Draft(trig, d.pattern, code, d.sent, d.sent_index, derived=True, derived_from=d)
        x.plover = self.lex.info(code).plover
        x.source, x.target = list(source), [t for t in target if t not in source]
        x.src_heads, x.tgt_heads = list(d.src_heads), list(d.tgt_heads)
        x.mentions = [(trig.start, trig.end)]
        x.evidence = [f"{self.ev_file}:{d.pattern.id}", f"rule:{'demand' if code[:2] == '10' else 'intent'}-modal"]
        st = Status()
        for layer in d.status.layers:
            if layer not in ("hypothetical", "negated"):
                st.add(layer)
        st.attributed_to = list(d.status.attributed_to) if code[:2] != "10" else []
        st.denied_by = list(d.status.denied_by)
        if code[:2] == "10":
            st.layers = [l for l in st.layers if l != "attributed"]
        x.status = st
        return x

    # -- casualties
    def _casualties(self, drafts: list[Draft]) -> None:
        used: set[int] = set()
        for d in drafts:
            if d.derived:
                continue
            kind = kind_of(d.trig.tokens, d.pattern.id, d.cameo, self.lex)
            if kind is None:
                continue
            heads = d.tgt_tokens
            if d.pattern.id == "die-violently":
                heads = d.tgt_tokens or d.src_tokens
            c = victims_count(heads, self.lex, kind) if heads else None
            if c is None and d.pattern.pos == "VERB" and kind in ("killed", "injured"):
                c = segment_count(d.token, self.lex)
            if c is not None:
                d.casualties.append((kind, c))
                for h in heads:
                    for t in h.subtree:
                        # a fate word outside the count is another count's ("two gendarmes dead and
                        # one civilian wounded": the wounded one is counted here, the dead loose)
                        if c.start <= t.idx < c.end or fate_of(t.lower_, self.lex) is None:
                            used.add(t.i)
        by_sent: dict[int, list[Draft]] = {}
        for d in drafts:
            if violent(d) and not d.derived:
                by_sent.setdefault(d.sent_index, []).append(d)
        for si, sent in enumerate(self.sents):
            if len(sent) > MAX_SENTENCE_TOKENS:
                continue
            loose = loose_casualties(sent, self.lex, used)
            for kind, c, tok in loose:
                host = None
                # a toll in a sentence of its own belongs to the violence told just before it
                # ("An army patrol was attacked ... Barkhane intervened. Provisional toll: 5 dead")
                cands = next((by_sent[k] for k in range(si, max(-1, si - LOOSE_LOOKBACK - 1), -1) if by_sent.get(k)), [])
                if cands:
                    host = min(cands, key=lambda d: abs(d.token.i - tok.i))
                if host is not None and all((c.start, c.end) != (x.start, x.end) for _, x in host.casualties):
                    host.casualties.append((kind, c))

    # -- ACLED
    def _acled(self, d: Draft) -> None:
        d.acled = None
        if not d.acled_rule:
            return
        sources = [self.index.entities[i] for i in d.source if i in self.index.entities]
        targets = [self.index.entities[i] for i in d.target if i in self.index.entities]
        d.acled = acled_rules.classify(d.acled_rule, d.instrument, sources, targets, d.tgt_heads, self.lex,
                                       d.src_heads)
        if d.acled is not None and d.pattern.id in self.lex.lists.get("one_sided_patterns", ()):
            d.acled["one_sided"] = True   # an execution is no fight, whoever the victims were
        if d.acled is not None and d.token.lemma_.lower() in self.lex.lists.get("ground_assault_words", ()):
            d.acled["ground"] = True      # an ambush is fought on the ground, whatever set it off
        d.target_people = any(e.actor is not None and e.actor.sector == "CVL" and e.type in ("GROUP", "PERSON")
                              for e in targets)

    # -- "Kiev denies the accusations": the denial answers earlier accusations and claims
    def _answer_denials(self, drafts: list[Draft]) -> None:
        def countries(ids):
            return {a.country for a in (self.index.actor_of(i) for i in ids) if a and a.country}
        for d in drafts:
            if d.cameo != "016" or any(e.merged_into is None and e.plover != "ACCUSE" for e in d.embedded):
                continue
            mine = countries(d.source) or set()
            if not mine:
                continue
            for prev in drafts:
                if prev is d or min(m[0] for m in prev.mentions) >= d.trig.start:
                    continue
                if prev.plover == "ACCUSE" and countries(prev.target) & mine:
                    for x in prev.source:
                        if x not in d.target and x not in d.source:
                            d.target.append(x)
                    for e in prev.embedded:
                        for x in d.source:
                            if x not in e.status.denied_by:
                                e.status.denied_by.append(x)
                elif "attributed" in prev.status.layers and countries(prev.source) & mine:
                    for x in d.source:
                        if x not in prev.status.denied_by:
                            prev.status.denied_by.append(x)

    # -- place and time
    def _actor_spans(self, d: Draft, place_targets: bool = False) -> list[tuple[int, int]]:
        """Mentions of the event's actors. With `place_targets`, a toponym the event acts on stays
        out of the list: what is shelled, captured or aided is where it happens ("captured East
        Jerusalem"), while a country condemned is not."""
        out = []
        for i in d.source + d.target:
            e = self.index.entities.get(i)
            if e is None or (place_targets and i in d.target and i not in d.source):
                continue
            out += [(m.start, m.end) for m in e.mentions]
        return out

    def _link_time(self, d: Draft) -> str | None:
        times = [t for t in self.analysis.times or [] if isinstance(t, dict) and isinstance(t.get("start"), int)]
        sent = d.sent
        cands = [t for t in times if sent.start_char <= t["start"] < sent.end_char]
        if not cands:
            return None
        sub = {t.i for t in d.anchor.subtree}
        def score(t):
            span = self.doc.char_span(t["start"], t["end"], alignment_mode="expand")
            inside = span is not None and any(x.i in sub for x in span)
            return (0 if inside else 1, abs(t["start"] - d.trig.start))
        return min(cands, key=score).get("id")

    def _link_place(self, d: Draft) -> Link:
        places = [p for p in self.analysis.places or [] if isinstance(p, dict)]
        places += [{**u, "unresolved": True} for u in getattr(self.analysis, "unresolved_places", None) or []]
        if not places:
            return Link()
        own = [d.token] + [t for t in (d.anchor, d.light) if t is not None and t.i != d.token.i]
        for s, e in d.mentions:   # what was merged into the event in the same sentence is its own too
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None and d.sent.start <= span.root.i < d.sent.end and span.root.i not in {t.i for t in own}:
                own.append(span.root)
        prev = self.sents[d.sent_index - 1] if d.sent_index > 0 else None
        exclude = self._actor_spans(d, place_targets=self.lex.target_is_place(d.cameo))
        return link_place(self.doc, d.sent, prev, own, places, exclude, self.trigger_tokens, self.lex.lang)

    # -- output
    def _fatalities(self, d: Draft) -> tuple[dict | None, list[dict]]:
        cas = [c.to_dict(kind) for kind, c in d.casualties]
        killed = [c for kind, c in d.casualties if kind == "killed"]
        killed = outermost(killed, lambda k: (k.start, k.end))
        if not killed:
            return None, cas
        if len(killed) == 1:
            k = killed[0]
            return {"text": k.text, "min": k.min, "max": k.max, "value": k.value, "kind": "killed"}, cas
        def total(attr):
            vals = [getattr(k, attr) for k in killed]
            return sum(vals) if all(v is not None for v in vals) else None
        return {"text": " + ".join(k.text for k in killed), "min": total("min"), "max": total("max"),
                "value": total("value"), "kind": "killed"}, cas

    def _confidence(self, d: Draft) -> float:
        c = 0.45
        c += 0.15 if d.source else 0.0
        c += 0.15 if d.target else 0.0
        c += 0.05 * min(d.pattern.specificity, 2)
        if d.derived or d.anaphoric:
            c -= 0.1
        if d.pattern.pos == "NOUN" and d.light is None:
            c -= 0.05
        return round(max(0.05, min(0.95, c)), 2)

    def _slice(self, start: int, end: int) -> str:
        span = self.doc.char_span(start, end)
        return span.text if span is not None else self.doc.text[start:end]

    def _mention(self, d: Draft, start: int, end: int) -> dict:
        out = {"start": start, "end": end, "text": self._slice(start, end)}
        own = d.mention_status.get((start, end))
        if own is not None and (own.status, own.layers) != (d.status.status, d.status.layers):
            out["status"], out["modality"] = own.status, list(own.layers)
        return out

    def _to_dict(self, d: Draft) -> dict:
        info = self.lex.info(d.cameo)
        plover = info.plover
        mode = d.mode or info.mode
        context = list(d.pattern.context or info.context)
        fatalities, casualties = self._fatalities(d)
        mentions = sorted(set(d.mentions))
        evidence = list(d.evidence)
        where = self._link_place(d)
        evidence += [x for x in (where.rule, where.note) if x]
        for eid in d.source + d.target:
            actor = self.index.actor_of(eid)
            for ev in (actor.evidence if actor else []):
                if ev not in evidence:
                    evidence.append(ev)
        for cue in d.status.cues:
            tag = f"status:{cue}"
            if tag not in evidence:
                evidence.append(tag)
        out = {
            "id": d.id,
            "trigger": {"text": self._slice(d.trig.start, d.trig.end), "start": d.trig.start, "end": d.trig.end},
            "sentence": {"start": d.sent.start_char, "end": d.sent.end_char},
            "cameo": d.cameo,
            "cameo_name": info.name,
            "plover": plover,
            "plover_mode": mode,
            "plover_context": context,
            "acled": d.acled,
            "source": list(d.source),
            "target": [t for t in d.target if t not in d.source],
            "place": where.place,
            "place_mentions": [{"start": a, "end": b, "text": self._slice(a, b)} for a, b in where.spans],
            "time": self._link_time(d),
            "fatalities": fatalities,
            "casualties": casualties,
            "status": d.status.status,
            "modality": list(d.status.layers),
            "attributed_to": list(d.status.attributed_to),
            "denied_by": list(d.status.denied_by),
            "goldstein": info.goldstein,
            "quad_class": info.quad,
            "confidence": self._confidence(d),
            "salience": salience(d),
            "earlier": earlier(d, self.lex.lists),
            "target_people": d.target_people,
            "mentions": [self._mention(d, s, e) for s, e in mentions],
            "light_verb": ({"start": d.light.idx, "end": d.light.idx + len(d.light.text), "text": d.light.text}
                           if d.light is not None else None),
            "evidence": evidence,
        }
        if d.parent is not None:
            par = d.parent
            while par.merged_into is not None:
                par = par.merged_into
            if par.id and par is not d:
                out["complement_of"] = par.id
        if d.derived_from is not None:
            src = d.derived_from
            while src.merged_into is not None:
                src = src.merged_into
            out["intent_of"] = src.id
        return out
