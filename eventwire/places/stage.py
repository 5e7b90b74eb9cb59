"""The `places` stage: every toponym of the article geocoded (GeoNames id, coordinates, precision).

A place is listed once, with all its mentions; a mention that only names a government ("Moscow
responded") joins the place when the same name is also used as a location, and creates none on its
own. A relative location ("50 km north of Gao", "near the Algerian border") is a place of its own,
anchored on the named place, with the phrase in `relative` and the precision one can honestly claim.
"""
from __future__ import annotations

from collections import Counter

from .gazetteer import PRECISION, Gazetteer, Place, gazetteer
from .mentions import Mention, capitalised, find_mentions, metonymic, same_name_mentions
from .rank import MAX_CANDIDATES, ROUNDS, Coherence, Context, choose, distance_km

# Coarser precision for a place known only as "N km from" or "north of" an anchor.
_COARSER = {"city": "admin1", "admin1": "country", "country": "country", "region": "region"}


def resolve(doc, analysis) -> None:
    gaz = gazetteer()
    mentions = find_mentions(doc, gaz)
    if not mentions:
        analysis.places, analysis.unresolved_places = [], []
        return
    chosen = _resolve_names(gaz, doc, analysis, mentions)
    # Other occurrences of the names read as places join them (same name, same place).
    names = {m.text: chosen[i] for i, m in enumerate(mentions)
             if chosen[i][0] is not None and not m.metonym and not m.weak and m.text == m.name
             and m.text[:1].isupper()}
    extra = same_name_mentions(doc, mentions, set(names))
    if extra:
        for m in extra:
            m.kb = next((x.kb for x in mentions if x.text == m.text), None)
            if m.kb and m.kb.startswith("capital:"):
                span = doc[m.tok[0]:m.tok[1]]
                m.metonym = metonymic(span)
        kept = [i for i, m in enumerate(mentions)
                if m.listed_with is None or not any(x.start < m.end and m.start < x.end for x in extra)]
        chosen = {k: chosen[i] for k, i in enumerate(kept)}
        mentions = [mentions[i] for i in kept] + extra
        chosen.update({len(kept) + j: names[m.text] for j, m in enumerate(extra)})
    analysis.places, analysis.unresolved_places = _places(gaz, mentions, chosen)


def _alpha2(gaz: Gazetteer, iso3: str | None) -> str | None:
    if not iso3:
        return None
    place = gaz.countries.get(iso3)
    return place.cc if place else None


def _resolve_names(gaz: Gazetteer, doc, analysis, mentions: list[Mention]) -> dict[int, tuple[Place | None, list]]:
    """The place chosen for each mention (by index), resolved per distinct name in rounds."""
    actors, focus = _actor_countries(gaz, analysis)
    groups: dict[tuple, list[int]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault((m.name, m.kb), []).append(i)
    # A name known only from a list ("in Kwande and Logo") is a place, but the list does not say
    # which of its namesakes: it stays unresolved rather than take a guess's coordinates.
    candidates = {g: [] if all(mentions[i].listed_with for i in idx) else gaz.lookup(g[0])
                  for g, idx in groups.items()}
    for (name, kb), cands in candidates.items():
        # The lexicon's own reading is always a candidate ("Ivory Coast" is Côte d'Ivoire).
        kind, _, code = (kb or "").partition(":")
        known = gaz.countries.get(code) if kind == "country" else gaz.regions.get(code) if kind == "region" else None
        if known is not None and known not in cands:
            cands.append(known)
    for g in candidates:
        cands = candidates[g]
        if len(cands) > MAX_CANDIDATES:
            cands.sort(key=lambda p: (p.kind != "city", p.pop), reverse=True)
            candidates[g] = cands[:MAX_CANDIDATES]
    coherence = Coherence(candidates)
    chosen: dict[tuple, tuple[Place | None, list]] = {g: (None, []) for g in groups}
    for _ in range(ROUNDS):
        changed = False
        for g, idx in groups.items():
            ctx = _context(gaz, chosen, exclude=g, focus=focus, actors=actors)
            ctx.coherence, ctx.group = coherence, g
            container = None
            for i in idx:
                c = mentions[i].container
                if c is not None and (c.name, c.kb) in chosen and chosen[(c.name, c.kb)][0] is not None:
                    container = chosen[(c.name, c.kb)][0]
                    break
            division = any(mentions[i].division for i in idx)
            best = choose(gaz, candidates[g], g[0], g[1], container, ctx, division)
            if best[0] != chosen[g][0]:
                changed = True
            chosen[g] = best
        for g, (place, _) in chosen.items():
            coherence.settle(g, place)
        if not changed:
            break
    # A name the model took for a person, with no location cue ("retook Gao"), is a place only if
    # it is a town near the story's other places (same first-level region, or within 150 km).
    strong = [p for g, (p, _) in chosen.items() if p is not None and p.kind in ("city", "admin1", "admin2")
              and not all(mentions[i].weak for i in groups[g])]
    for g, idx in groups.items():
        place = chosen[g][0]
        if place is not None and all(mentions[i].weak for i in idx) and not any(
                (p.cc, p.admin1) == (place.cc, place.admin1) or distance_km(p, place) < 150 for p in strong):
            chosen[g] = (None, [])
    return {i: chosen[g] for g, idx in groups.items() for i in idx}


def _actor_countries(gaz: Gazetteer, analysis) -> tuple[set[str], str | None]:
    """Countries of the article's actors (alpha-2), and the one most of them belong to. Only actors
    coded from something other than a place name count: "Paris Police Department" is French to
    the actor coder only because of the name this stage is deciding about."""
    counts: Counter = Counter()
    for e in analysis.entities:
        if not (e.actor and e.actor.country) or e.type in ("GPE", "LOC", "FAC"):
            continue
        evidence = [ev for ev in e.actor.evidence or [] if not ev.startswith("agents.yaml:")]
        if "rule:article-focus-country" in evidence or all(
                ev.startswith("countries.yaml:") and (ev.count(":") == 1 or ev.endswith(":capital"))
                for ev in evidence):
            continue
        cc = _alpha2(gaz, e.actor.country)
        if cc:
            counts[cc] += len(e.mentions) or 1
    if not counts:
        return set(), None
    top, n = counts.most_common(1)[0]
    focus = top if n * 2 >= sum(counts.values()) and list(counts.values()).count(n) == 1 else None
    return set(counts), focus


def _context(gaz: Gazetteer, chosen, exclude, focus, actors) -> Context:
    ctx = Context(focus=focus, actors=actors)
    for g, (place, _) in chosen.items():
        if g == exclude or place is None:
            continue
        if place.cc:
            ctx.countries[place.cc] += 1
        if place.kind in ("admin1", "admin2"):
            ctx.admin1[(place.cc, place.admin1)] += 1
        elif place.kind == "city":
            if place.admin1:
                ctx.admin1[(place.cc, place.admin1)] += 0.5
            ctx.points.append(place)
    return ctx


def _places(gaz: Gazetteer, mentions: list[Mention], chosen) -> tuple[list[dict], list[dict]]:
    """The geocoded places, and the names the text gives as places that no gazetteer resolves."""
    used_locatively = {id(chosen[i][0]) for i, m in enumerate(mentions) if not m.metonym and chosen[i][0]}
    towns: dict[tuple, list[Place]] = {}
    for place, _ in chosen.values():
        if place is not None and place.kind == "city" and place.admin1 and place not in towns.get(
                (place.cc, place.admin1), ()):
            towns.setdefault((place.cc, place.admin1), []).append(place)
    out: dict[tuple, dict] = {}
    unresolved: dict[str, dict] = {}
    for i, m in enumerate(mentions):
        place, why = chosen[i]
        if place is None:
            if _unresolved_ok(m):
                rec = unresolved.setdefault(m.text, {"id": "", "name": m.text, "mentions": [],
                                                     "evidence": ["rule:unresolved-toponym"]})
                rec["mentions"].append(m.span_dict())
                for ev in m.evidence + [f"ner:{m.label}"]:
                    if ev not in rec["evidence"]:
                        rec["evidence"].append(ev)
            continue
        if m.metonym and id(place) not in used_locatively:
            continue  # a capital named only as the government: an actor, not a place
        rel = m.relative
        k = (place.kind, place.gid, place.name, rel.get("text") if rel else None)
        rec = out.get(k)
        if rec is None:
            rec = out[k] = _record(gaz, place, rel)
            if place.kind == "admin2" and towns.get((place.cc, place.admin1)):
                _locate_county(rec, towns[(place.cc, place.admin1)])
        if (m.start, m.end) not in {(x["start"], x["end"]) for x in rec["mentions"]}:
            rec["mentions"].append(m.span_dict())
        for ev in [*m.evidence, *why] + (["rule:metonym-capital"] if m.metonym else []):
            if ev not in rec["evidence"]:
                rec["evidence"].append(ev)
    places = sorted(out.values(), key=lambda r: r["mentions"][0]["start"])
    for n, rec in enumerate(places, 1):
        rec["id"] = f"p{n}"
        rec["mentions"].sort(key=lambda x: x["start"])
    names = sorted(unresolved.values(), key=lambda r: r["mentions"][0]["start"])
    for n, rec in enumerate(names, 1):
        rec["id"] = f"u{n}"
    return places, names


def _unresolved_ok(m: Mention) -> bool:
    """A name the gazetteer does not know (or knows only as a small town too far from the story's
    places to be sure of) is still listed when the text itself says it is a place: a place label of
    the NER and a locative cue ("in X", "X district", "eastern X"), or a name taken back from
    another label by such a cue ("captured Birao"): the NER alone calls many unknown surnames GPE.
    Coordinates stay null."""
    return (m.label in ("GPE", "LOC", "FAC", "named", "rescued") and m.cued and not m.metonym and not m.kb and not m.weak
            and capitalised(m.text) and len(m.text.split()) <= 5
            and not (m.text.isupper() and len(m.text) <= 3))   # "AI", "JFK": acronyms, not places


def _locate_county(rec: dict, towns: list[Place]) -> None:
    """A county has no point of its own in the gazetteer: the story's towns of the same state are
    the best guess of where it is (a local story names the county it is about). Precision stays
    admin1."""
    lats, lons = sorted(t.lat for t in towns), sorted(t.lon for t in towns)
    rec["lat"], rec["lon"] = lats[len(lats) // 2], lons[len(lons) // 2]
    rec["evidence"].append("rule:county-at-article-towns")


def _record(gaz: Gazetteer, place: Place, rel: dict | None) -> dict:
    admin1 = gaz.admin1_of(place)
    precision = PRECISION[place.kind]
    rec = {"id": "", "name": place.name, "geonameid": place.gid, "country": gaz.country_of(place),
           "admin1": admin1.name if admin1 else None, "lat": place.lat, "lon": place.lon,
           "precision": precision, "mentions": [], "evidence": [place.source]}
    if rel:
        rec["relative"] = {k: v for k, v in rel.items() if k != "start"}
        if rel.get("kind") in ("distance", "direction") and rel.get("distance_km", 25) >= 25:
            rec["precision"] = _COARSER[precision]
        rec["evidence"].append(f"rule:relative-{rel['kind']}")
    return rec
