"""ACLED event and sub-event types for an event, from the rule its pattern names (`acled:` in the
verb file, rules in cameo.yaml `acled.rules`), the kind of target (civilians, protesters, armed
actors, none), the kind of source (state forces or not) and the weapon named in the clause.

ACLED codes what happened, not how it was reported: a note's "attack" on an army post is an
armed clash (Battles), on a village an attack on civilians (Violence against civilians); an IED or
an air strike makes it Explosions/Remote violence whatever the target.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.lexicon import entry
from ..places.mentions import PLACE_LABELS
from .fatalities import outermost
from .lexicon import Instrument, Lexicon, acled_taxonomy, load

VIOLENT_RULES = {"violence", "clash", "attack-civilians", "looting", "abduction", "territory", "riot", "mob"}
# Weapons that make a violent event remote violence in ACLED's sense.
REMOTE = {"remote-explosive", "air-strike", "shelling", "grenade", "suicide-bomb", "chemical"}


def target_class(entities: list, heads: list[Token], lex: Lexicon) -> str:
    """civilian | protesters | armed | none, from coded target actors, else from the head words."""
    lists = lex.lists
    if not entities and not heads:
        return "none"
    classes = []
    staff = lists.get("civilian_staff_nouns", ())
    armed_mods = lists.get("armed_target_modifiers", ())
    staff_heads = {h.i for h in heads if h.lemma_.lower() in staff or h.lower_ in staff or
                   (h.i > 0 and f"{h.doc[h.i - 1].lower_} {h.lower_}" in staff)}
    staff_words = {t.i for h in heads if h.i in staff_heads for t in h.subtree if t.i <= h.i}
    for e in entities:
        a = e.actor
        if any(m.token in staff_words for m in e.mentions):
            classes.append("civilian")   # "a MINUSMA contractor": employed by an armed body, unarmed
            continue
        if a is None or not a.sector:
            if e.type == "PERSON":
                classes.append("civilian")
            continue
        if a.sector == "OPP" and any(m.text.lower().endswith(("protesters", "demonstrators", "protester",
                                                                "demonstrator")) for m in e.mentions):
            classes.append("protesters")
        elif a.sector.lower() in lists.get("civilian_sectors", ()):
            classes.append("civilian")
        elif e.type not in ("GPE",) and a.sector.lower() in lists.get("civilian_person_sectors", ()):
            classes.append("civilian")   # officials, a local administration: not armed
        else:
            classes.append("armed")
    for h in heads:
        lemma = h.lemma_.lower()
        if h.ent_type_ in ("DATE", "TIME"):
            continue
        # the words before the head, whole words only ("unarmed men" is not "armed men"):
        # "a military convoy", "a Malian army position"
        mods = " " + " ".join([t.lower_ for t in h.subtree if t.i < h.i][-10:]) + " " + h.lower_ + " "
        if h.i in staff_heads:
            classes.append("civilian")
        elif lemma in lists.get("protester_nouns", ()):
            classes.append("protesters")
        elif lemma in lists.get("armed_targets", ()) or any(f" {w} " in mods for w in armed_mods) or \
                any(" " in w and mods.endswith(f" {w} ") for w in lists.get("armed_targets", ())):
            classes.append("armed")
        elif lemma in lists.get("civilian_targets", ()):
            classes.append("civilian")
        elif h.pos_ in ("NOUN", "PROPN") and not h.ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
            classes.append("other")   # "a veterinarian", "transport trucks": not an armed actor
    if not classes:
        return "none"
    if "protesters" in classes:
        return "protesters"
    if "armed" in classes and not _off_duty(heads, lists.get("off_duty_marks", ())):
        return "armed"
    return "civilian"   # civilians, targets that are not armed actors, and armed men off duty


def _off_duty(heads: list[Token], marks) -> bool:
    """ "abducted an off-duty soldier", "shot dead a sergeant at his home": a member of a force
    who is not on duty is no combatant, and violence against him is one-sided."""
    for h in heads:
        clause = h.head if h.dep_ in ("dobj", "nsubjpass", "pobj") else h
        words = " " + " ".join(t.lower_ for t in clause.subtree) + " "
        if any(f" {m} " in words for m in marks):
            return True
    return False


def source_class(entities: list, lex: Lexicon, heads: list | None = None) -> str:
    """state | protesters | nonstate | none."""
    protesters = lex.lists.get("protester_nouns", ())
    for h in heads or []:
        if h.lemma_.lower() in protesters or h.lower_ in protesters or h.lower_ in ("rioters", "rioter", "youths",
                                                                                 "mob", "crowd"):
            return "protesters"
    for e in entities:
        if e.actor and e.actor.sector and e.actor.sector.lower() in lex.lists.get("state_sectors", ()):
            return "state"
    return "nonstate" if entities else "none"


def classify(rule_name: str | None, instrument: Instrument | None, sources: list, targets: list,
             target_heads: list[Token], lex: Lexicon, source_heads: list[Token] | None = None) -> dict | None:
    if not rule_name:
        return None
    if instrument is not None and instrument.acled and rule_name in VIOLENT_RULES | {"remote-explosive"}:
        if rule_name != "looting" or instrument.acled in ("remote-explosive", "air-strike", "shelling"):
            rule_name = instrument.acled
    rule = lex.acled_rules.get(rule_name)
    if rule is None:
        return None
    tclass = target_class(targets, target_heads, lex)
    sclass = source_class(sources, lex, source_heads)
    sub = rule.get(tclass) or rule.get(f"source_{sclass}") or rule.get("default")
    if rule_name == "territory" and sclass == "none" and targets:
        # "the militants were pushed back from their strongholds": who lost it says who gained it
        losers = {e.actor.sector for e in targets if e.actor and e.actor.sector}
        state = {x.upper() for x in lex.lists.get("state_sectors", ())}
        if losers and not losers & state:
            sub = "Government regains territory"
    if rule_name == "clash" and _crowd_against_state(sources, targets, source_heads or [], target_heads, lex):
        sub = "Violent demonstration"   # "students clashed with security forces"
    if sub not in lex.acled_types:
        return None
    out = {"event_type": lex.acled_types[sub], "sub_event_type": sub, "rule": rule_name, "target_class": tclass,
           "source_class": sclass}
    if tclass == "armed" and not any(e.actor and e.actor.sector for e in targets):
        forces = _national_forces(target_heads, lex)
        if forces:
            out["target_forces"] = forces   # "attacked a gendarmerie checkpoint": the state's forces
    return out


def _national_forces(heads: list[Token], lex: Lexicon) -> str | None:
    """MIL or POL when a target named by words alone is the country's own forces ("a gendarmerie
    checkpoint", "an army patrol"), not a foreign or UN force ("a MINUSMA convoy")."""
    lists = lex.lists
    for h in heads:
        words = " ".join(t.lower_ for t in h.subtree if t.i <= h.i)[-80:].split()
        if any(w in lists.get("foreign_force_words", ()) for w in words):
            return None
        if any(w in lists.get("police_force_words", ()) for w in words):
            return "POL"
        if any(w in lists.get("national_force_words", ()) for w in words):
            return "MIL"
    return None


def _crowd_against_state(sources: list, targets: list, source_heads: list, target_heads: list, lex: Lexicon) -> bool:
    """One side of a clash an unarmed crowd, the other state forces (either way round)."""
    crowd = lex.lists.get("crowd_nouns", ())
    state = {x.upper() for x in lex.lists.get("state_sectors", ())}

    def is_crowd(heads):
        return any(h.lemma_.lower() in crowd or h.lower_ in crowd for h in heads)

    def is_state(entities):
        return any(e.actor and e.actor.sector in state for e in entities)
    heads = list(source_heads) + list(target_heads)
    everyone = list(sources) + list(targets)
    return is_crowd(heads) and is_state(everyone)


def pre2019(acled: dict | None, lex: Lexicon) -> str | None:
    """The pre-2019 ACLED event type ("Battle-No change of territory", "Remote violence", ...)."""
    if not acled:
        return None
    sub, et = acled["sub_event_type"], acled["event_type"]
    return lex.acled_pre2019.get(sub) or lex.acled_pre2019.get(et)


# Severity order for picking one event per ACLED record (a note describes one ACLED event).
SEVERITY = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests",
            "Strategic developments"]


# --------------------------------------------------------------------------- one report, one event
_COUNTABLE = ("asserted", "attributed")


def _ground_fighting(e: dict) -> bool:
    """A clash, an ambush or an assault (`ground_assault_words`), or shooting (CAMEO 193, or a
    firearm named), beside an explosion or a shelling, or an ambush set off by one: the remote
    attack was part of a fight on the ground."""
    weapons = [x for x in e.get("evidence") or [] if ":instruments:" in x]
    return e["acled"].get("rule") == "clash" or e["acled"].get("ground") or \
        any(x.endswith(":instruments:firearms") for x in weapons) or \
        (e.get("cameo", "").startswith("193") and not weapons)   # "rockets fired at the camp" is no shooting


def _who_fought(usable: list[dict], sub: str, events: list[dict]) -> str:
    """ACLED's distinction between a battle and violence against civilians is about the whole
    incident: armed defenders responding ("the village self-defense repelled the attack"), or armed
    victims, make it an armed clash; civilians as the only victims an attack; an abduction whose
    victims are killed an attack."""
    violent = [e for e in usable if e["acled"].get("rule") in ("violence", "clash", "attack-civilians", "abduction")]
    # an incident given as the cause or time of this one ("in response to the attack on X") is another
    violent = [e for e in violent if not e.get("earlier")] or violent
    if any(e["acled"].get("rule") == "clash" or e["acled"].get("target_class") == "armed" for e in violent):
        return "Armed clash"
    if sub == "Abduction/forced disappearance":
        killed = any((c.get("kind") == "killed" and c.get("value")) for e in events for c in e.get("casualties") or [])
        return "Attack" if killed else sub
    if any(e["acled"].get("target_class") in ("civilian",) for e in violent):
        sub = "Attack"
    elif sub == "Attack" and violent and all(e["acled"].get("target_class") == "none" and
                                             e["acled"].get("rule") == "violence" and
                                             not e["acled"].get("one_sided") for e in violent):
        # "an attack involving Boko Haram", "a military operation": nobody named on the receiving
        # end; fighting between armed men is what such a report most often is (but "carried out
        # summary executions" is one-sided whoever the victims were)
        return "Armed clash"
    if sub == "Attack":
        # nobody hurt, property looted or burned: ACLED's looting/property destruction
        hurt = any(c.get("kind") in ("killed", "injured", "abducted") and (c.get("value") or 0) > 0
                   for e in events for c in e.get("casualties") or [])
        harmed = any(e.get("cameo", "")[:3] in ("181", "182", "185", "186", "180", "193") or
                     e.get("cameo", "").startswith(("1821", "1822", "1823")) or
                     (e["acled"].get("rule") in ("violence", "attack-civilians") and e.get("target_people"))
                     for e in usable)
        if not hurt and not harmed and any(e["acled"].get("rule") == "looting" for e in usable):
            return "Looting/property destruction"
    return sub


def record(events: list[dict], entities: list | None = None, places: list[dict] | None = None) -> dict | None:
    """The single ACLED event a short report (an ACLED note, a one-event wire) describes.

    The first event in the text with an ACLED type, Strategic developments yielding to any other
    type; a protest with an intervention, arrests or violence against the protesters in the same
    report is coded as such (ACLED codes the protest and the response as one event). Fatalities are
    the report's killed counts added up, each counted once.

    With the analysis' `entities` and `places`, `actor_codes` gives each actor's (country, sector)
    as ACLED names them: a generic actor the text gives no country ("unknown gunmen", "residents")
    takes the country of the place where the event happened, as in ACLED's "Protesters (Mali)";
    violence that nobody in the text does or claims has ACLED's "Unidentified Armed Group (<country>)".
    """
    usable = [e for e in events if e.get("acled") and e.get("status") in _COUNTABLE]
    if not usable:
        return None
    usable.sort(key=lambda e: (e.get("salience", "main") != "main", e["trigger"]["start"]))
    hurt = any(c.get("kind") in ("killed", "injured") and (c.get("value") or 0) > 0
               for e in events for c in e.get("casualties") or [])

    def weak(e: dict) -> bool:
        """ "conducted an operation", "a mop-up operation": an armed event only if someone fought."""
        return "verbs/en.yaml:light-operation" in (e.get("evidence") or [])[:1] and not e.get("target") and not hurt
    non_sd = [e for e in usable if e["acled"]["event_type"] != "Strategic developments" and not weak(e)]
    primary = (non_sd or usable)[0]
    protest = next((e for e in usable if e["acled"]["event_type"] == "Protests"
                    and e["acled"]["sub_event_type"] == "Peaceful protest"), None)
    sub = primary["acled"]["sub_event_type"]
    rioting = next((e for e in usable if e["acled"].get("rule") in ("violence", "clash", "looting", "riot")
                    and e["acled"].get("source_class") == "protesters"), None)
    if rioting is not None and primary["acled"]["event_type"] in ("Protests", "Battles", "Violence against civilians",
                                                                 "Strategic developments", "Riots"):
        sub, primary = "Violent demonstration", rioting   # "... burned by the protesters"
    elif protest is not None and primary["acled"]["event_type"] in ("Protests", "Strategic developments", "Riots",
                                                                 "Violence against civilians", "Battles"):
        responses = [e for e in usable if e is not protest]
        if any(e["acled"]["sub_event_type"] == "Excessive force against protesters" or (
                e.get("plover") == "ASSAULT" and (e.get("fatalities") or {}).get("value")) for e in responses):
            sub, primary = "Excessive force against protesters", protest
        elif any(e["acled"]["sub_event_type"] in ("Protest with intervention", "Arrests") or
                 e.get("cameo", "").startswith(("175", "173")) for e in responses):
            sub, primary = "Protest with intervention", protest
        elif any(e["acled"]["event_type"] == "Riots" or e["acled"].get("rule") == "clash" for e in responses
                 if e.get("salience", "main") == "main"):   # not what was protested ("against the violence")
            sub = next((e["acled"]["sub_event_type"] for e in responses if e["acled"]["event_type"] == "Riots"),
                       "Violent demonstration")   # protesters clashing, scuffles, stones
        elif primary["acled"]["event_type"] in ("Strategic developments",) or primary is protest:
            sub, primary = "Peaceful protest", protest
    if primary["acled"]["event_type"] in ("Battles", "Violence against civilians") and \
            sub in ("Armed clash", "Attack", "Abduction/forced disappearance") and primary["acled"].get("rule") != "territory":
        sub = _who_fought(usable, sub, events)
    if primary["acled"]["event_type"] == "Explosions/Remote violence" and sub != "Chemical weapon" and any(
            _ground_fighting(e) for e in usable if e is not primary or e["acled"].get("ground")):
        sub = "Armed clash"   # "shelling and exchanges of gunfire", "an IED attack followed by gunfire"
    if any("verbs/en.yaml:instruments:chemical" in (e.get("evidence") or []) for e in usable):
        sub = "Chemical weapon"   # whatever delivered it
    event_type = acled_taxonomy()[sub]
    counts = {}
    for e in events:
        if e.get("status") not in _COUNTABLE:
            continue
        for c in e.get("casualties") or []:
            point = c.get("acled", c.get("value"))
            if c.get("kind") == "killed" and point is not None:
                counts.setdefault((c.get("start"), c.get("end")), point)
    spans = outermost(list(counts), lambda k: k)
    killed = sum(counts[k] for k in spans) if spans else None
    # the incident's actors: the coded event's, and those of the other violent events the report
    # tells of it ("... attacked the village. Two civilians were killed.")
    actors = list(primary.get("source", []) + primary.get("target", []))
    if primary["acled"]["event_type"] not in ("Strategic developments",):
        for e in usable:
            if e is not primary and e.get("plover") in ("ASSAULT", "COERCE", "PROTEST") and \
                    e.get("salience", "main") == "main":
                actors += e.get("source", []) + e.get("target", [])
    # "French and Malian forces carried out a joint operation ..., 15 militants killed": violence
    # nobody is named doing was done by those the report says were operating
    operators = []
    if event_type in _ARMED_TYPES and not any(e.get("source") for e in usable
                                              if e["acled"]["event_type"] in _ARMED_TYPES):
        kinds = {f"verbs/en.yaml:{p}" for p in load("en").lists.get("operation_patterns", ())}
        operators = [a for e in events if e.get("status") in _COUNTABLE and (e.get("evidence") or [""])[0] in kinds
                     for a in e.get("source", [])]
    actors = list(dict.fromkeys(actors + operators))
    codes = []
    if entities is not None:
        by_id = {e.id: e for e in entities}
        place_country = None
        for p in places or []:
            if p.get("id") == primary.get("place"):
                place_country = p.get("country")
        if place_country is None:
            place_country = _story_country(primary, places or [])
        coded = [(a, by_id[a].actor) for a in actors if a in by_id and by_id[a].actor is not None]
        where = place_country or _actors_country(primary, [x for _, x in coded], entities)
        attackers = {a for e in usable if e["acled"]["event_type"] in _ARMED_TYPES for a in e.get("source", [])}
        for a, actor in coded:
            country = actor.country
            if where and actor.sector in _GENERIC_SECTORS and (not country or _guessed(actor)):
                country = where   # "Fulani militiamen" acting in Mali: ACLED's "(Mali)"
            sector = actor.sector
            if sector == "CVL" and a in attackers and any("identities" in x for x in actor.evidence or []):
                sector = "MLT"   # "members of the Soninke community attacked homes": an ethnic militia
            codes.append((a, country, sector))
        # ACLED's definitions name one actor whatever the text calls them: violence against
        # civilians, looting and property destruction have "Civilians (<country>)" as their victims,
        # protests and riots "Protesters/Rioters (<country>)" as their actors. The event type implies
        # that actor even when the text gives no entity for it ("a Fulani notable", "a number of
        # youths", "a telecommunications antenna"), so the code is added without an entity id.
        implied = _implied_sector(primary, event_type, sub)
        if implied and where and not any(c == where and sec in ("CVL", "OPP") for _, c, sec in codes):
            codes.append((None, where, implied))
        forces = primary["acled"].get("target_forces")
        if forces and where and not any(c == where and sec in ("MIL", "POL") for _, c, sec in codes):
            codes.append((None, where, forces))   # ACLED's "Military Forces of <country>"
        violent = [e for e in usable if e["acled"]["event_type"] in _ARMED_TYPES]
        armed_doers = {a for e in events for a in e.get("source", []) if a in by_id and by_id[a].actor
                       and by_id[a].actor.sector in _ARMED_NONSTATE}
        # a place is no doer ("a convoy was ambushed between Gao and Ansongo"), even one the
        # entity tagger took for a person
        placed = {m.get("start") for p in places or [] for m in p.get("mentions") or []}
        doers = [a for e in violent for a in e.get("source", []) if a not in by_id or not (
            by_id[a].type in PLACE_LABELS or any(m.start in placed for m in by_id[a].mentions))]
        if event_type in _ARMED_TYPES and sub != "Air/drone strike" and where and not armed_doers \
                and not operators and not doers:
            # nobody named doing it, nor claiming it ("an army vehicle struck by an IED", "a
            # checkpoint attacked"): ACLED's "Unidentified Armed Group (<country>)"; air strikes
            # are the work of air forces
            codes.append((None, where, "UAF"))
    return {"event_type": event_type, "sub_event_type": sub, "event": primary["id"], "fatalities": killed,
            "actors": actors, "actor_codes": codes}


def _story_country(primary: dict, places: list[dict]) -> str | None:
    """The country an event with no place of its own happened in, for ACLED's "(<country>)" actors:
    the one country of the places of its sentence, else of the whole text, when there is just one."""
    sent = primary.get("sentence") or {}
    def countries(inside):
        return {p["country"] for p in places if p.get("country") and any(inside(m) for m in p.get("mentions") or [])}
    here = countries(lambda m: sent.get("start", -1) <= m.get("start", -2) < sent.get("end", -1))
    if len(here) == 1:
        return next(iter(here))
    everywhere = countries(lambda m: True)
    return next(iter(everywhere)) if len(everywhere) == 1 else None


def _implied_sector(primary: dict, event_type: str, sub: str) -> str | None:
    a = primary["acled"]
    if event_type == "Violence against civilians":
        return "CVL"
    if sub == "Looting/property destruction" and a.get("target_class") in ("civilian", "none"):
        return "CVL"
    if event_type == "Explosions/Remote violence" and a.get("target_class") == "civilian":
        return "CVL"   # civilians hit by a mine or a shell are ACLED's "Civilians (<country>)" too
    if event_type in ("Protests", "Riots"):
        return "CVL"   # ACLED's "Protesters/Rioters (<country>)" whoever organised it or took part
    return None


# Types of armed violence, and the sectors of those who may do it outside a state's forces.
_ARMED_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
_ARMED_NONSTATE = ("INS", "REB", "MLT", "UAF")


def _lands(actor) -> list[str]:
    return list(actor.countries) or [actor.country]


def _actors_country(primary: dict, actors: list, entities: list) -> str | None:
    """With no place the gazetteer knows ("in the area of Edjerir"), the one country all the event's
    actors may belong to ("Fulani militiamen killed a Dogon man": the Dogon live in Mali, the
    Fulani in many lands, Mali among them)."""
    lands = sorted((_lands(x) for x in actors if x.country), key=len)
    if not lands:
        # the event names nobody of any land ("a truck struck by an IED ... planted by Katiba
        # Macina"): the actors the report names elsewhere say where it happened
        lands = sorted((_lands(e.actor) for e in entities if e.actor and e.actor.country), key=len)
    own = set.intersection(*map(set, lands)) if lands else set()
    # several: narrowed by the other peoples the sentence names ("... killed one man, a member of
    # the Dogon community": the Fulani gunmen acted where the Dogon live)
    sent = primary.get("sentence") or {}
    for e in entities:
        # a people named as a modifier ("the Dogon village of Yane") has no actor of its own
        named = e.actor.countries if e.actor else _identity_lands(e)
        if len(own) > 1 and named and set(named) & own and any(
                sent.get("start", -1) <= m.start < sent.get("end", -1) for m in e.mentions):
            own &= set(named)
            lands.insert(0, list(named))
    # several: the first of the narrowest identity's lands, listed homeland first
    return next((c for c in lands[0] if c in own), None) if own else None


def _identity_lands(entity) -> tuple[str, ...]:
    found = entry(entity.key) if entity.key.startswith("identity:") else None
    return found.countries if found else ()


def _guessed(actor) -> bool:
    """The actor's country is a guess: an identity's first land, or the story's country."""
    return bool({"rule:identity-country", "rule:article-focus-country"} & set(actor.evidence or []))


# Actors ACLED names by the country where they act: "Civilians (Mali)", "Protesters (Mali)".
_GENERIC_SECTORS = {"CVL", "OPP", "UAF", "MLT", "INS", "REB", "MIL", "POL", "GOV"}

