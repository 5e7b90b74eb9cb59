"""Choosing the place a name stands for among its gazetteer candidates.

Each candidate gets a score from its own weight (feature type, population) and from the article:
an explicit container ("Alexandria, La."), the countries and first-level regions of the other
places and of the actors, the country the story is about, and the distance to the other places.
Names are resolved in rounds: each round sees what the previous one chose for the other names.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, Place
from .fold import key

KIND_WEIGHT = {"country": 8.5, "continent": 7.0, "region": 6.5, "admin1": 6.0, "admin2": 5.0}
# Federations whose states are household names: there "Delaware" or "Quebec" alone is the state,
# elsewhere a bare region name is usually its town ("in Kidal", "in Gao").
FEDERATIONS = {"US", "CA", "AU", "IN", "BR", "MX", "DE"}
ROUNDS = 3
SMALL = 20_000
TOWN = 100_000
CONTEXT_CAP = 6.5      # the most the rest of the article can add
CONTEXT_CAP_KNOWN = 5.5  # ... for a name the lexicon knows as a country or a capital


def distance_km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


MAX_CANDIDATES = 40  # per name, most populous first: "Washington" has hundreds


def cell(place: Place) -> tuple[int, int]:
    return (int(math.floor(place.lat)), int(math.floor(place.lon)))


class Coherence:
    """Which readings of the article's names agree with each other: a town is supported by every
    other name that has a reading within about one degree of it, or in its first-level region
    ("Paris" and "Clarksville" both have readings in Tennessee). Names with readings everywhere
    ("Springfield") support little."""

    def __init__(self, groups: dict[tuple, list[Place]]):
        self.cells: dict[tuple, set] = {}
        self.regions: dict[tuple, set] = {}
        self.weight: dict[tuple, float] = {}
        for g, places in groups.items():
            self._set(g, places)
        # The first-level region most of the names can be read in ("New London", "Mt. Pleasant"
        # and "Winfield" are all towns of Iowa): the story's region, when one clearly leads.
        counts: Counter = Counter()
        for g, regions in self.regions.items():
            if len(regions) <= 15:
                counts.update(regions)
        top = counts.most_common(2)
        self.dominant = top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]) else None

    def _set(self, g: tuple, places: list[Place]) -> None:
        cells, regions = set(), set()
        for p in places:
            if p.kind == "city":
                la, lo = cell(p)
                cells.update((la + i, lo + j) for i in (-1, 0, 1) for j in (-1, 0, 1))
            if p.kind in ("city", "admin1", "admin2") and p.admin1:
                regions.add((p.cc, p.admin1))
        self.cells[g], self.regions[g] = cells, regions
        n = len(regions)
        self.weight[g] = 1.0 if n <= 3 else 0.5 if n <= 10 else 0.2

    def settle(self, g: tuple, place: Place | None) -> None:
        """Once a name is resolved, it supports only the reading chosen for it."""
        if place is not None:
            self._set(g, [place])

    def support(self, g: tuple, place: Place) -> float:
        if place.kind not in ("city", "admin1", "admin2"):
            return 0.0
        c = cell(place) if place.kind == "city" else None
        region = (place.cc, place.admin1)
        total = 1.0 if region == self.dominant else 0.0
        for h, regions in self.regions.items():
            if h[0] == g[0]:
                continue
            if (c is not None and c in self.cells[h]) or region in regions:
                total += self.weight[h]
        return total


@dataclass
class Context:
    countries: Counter = field(default_factory=Counter)   # alpha-2 -> weight
    admin1: Counter = field(default_factory=Counter)      # (alpha-2, admin1 code) -> weight
    points: list[Place] = field(default_factory=list)     # chosen places below country level
    focus: str | None = None                              # alpha-2 of the story's country
    actors: set[str] = field(default_factory=set)         # alpha-2 of the actors' countries
    coherence: Coherence | None = None
    group: tuple | None = None                            # the name being resolved


def base_score(gaz: Gazetteer, place: Place, name: str) -> float:
    if place.kind == "city":
        score = math.log10(place.pop + 10)
        if key(place.name) != key(name):
            score -= 2.5  # matched through an alternate name only
        iso3 = gaz.country_of(place)
        if iso3 and gaz.capital_gid(iso3) == place.gid:
            score += 1.5
        return score
    if place.kind == "admin1" and place.cc in FEDERATIONS and key(place.name) == key(name):
        return KIND_WEIGHT["admin1"] + 2.5
    return KIND_WEIGHT.get(place.kind, 5.0)


def score(gaz: Gazetteer, place: Place, name: str, kb: str | None, container: Place | None,
          ctx: Context) -> tuple[float, list[str]]:
    s = base_score(gaz, place, name)
    why: list[str] = []
    iso3 = gaz.country_of(place)
    if kb:
        kind, _, code = kb.partition(":")
        # The lexicon tags every "Paris" and "Georgia" as the capital or the country: a hint only.
        if kind == "country" and place.kind == "country" and iso3 == code:
            s += 0.5
        elif kind == "capital" and place.kind == "city" and iso3 == code and gaz.capital_gid(code) == place.gid:
            s += 0.5
        elif kind == "region" and place.kind == "region" and place.source.endswith(f":{code}"):
            s += 4.0
    if container is not None:
        inside = place.cc == container.cc and (container.kind == "country" or
                                               (container.kind in ("admin1", "admin2")
                                                and place.admin1 == container.admin1))
        if inside and place != container:
            s += 6.0
            why.append("rule:container")
        elif container.kind in ("country", "admin1"):
            s -= 3.0
    # What the rest of the article says. Capped for names the lexicon knows as a country or a
    # capital: "Russia, Ohio" or "Paris, Texas" needs more than a few neighbours in the story to win.
    c = 0.0
    if place.cc and place.kind != "country":
        weight = ctx.countries.get(place.cc, 0)
        if weight:
            c += min(2.5, 1.5 + 0.25 * weight)
            why.append("rule:article-countries")
        if ctx.focus == place.cc:
            c += 1.0
            why.append("rule:article-focus-country")
        if place.admin1 and ctx.admin1.get((place.cc, place.admin1)):
            c += 2.5
            why.append("rule:article-admin1")
    elif place.kind == "country":
        if ctx.countries.get(place.cc):
            c += 1.0
        neighbours = gaz.neighbours.get(place.cc, ())
        if any(ctx.countries.get(n) for n in neighbours):
            c += 1.5
            why.append("rule:neighbour-countries")
    if place.cc and place.cc in ctx.actors:
        c += 0.5
        why.append("rule:actor-countries")
    if ctx.coherence is not None:
        support = ctx.coherence.support(ctx.group, place)
        if support:
            c += min(3.0, 1.25 * support)
            why.append("rule:coherent-with-other-names")
    if ctx.points and place.kind in ("city", "admin1", "admin2") and place.lat is not None:
        near = min(distance_km(place, p) for p in ctx.points if p is not place)
        if near < 50:
            c += 2.5
        elif near < 150:
            c += 1.5
        elif near < 400:
            c += 0.5
        if near < 400:
            why.append("rule:near-other-places")
    s += min(CONTEXT_CAP_KNOWN if kb else CONTEXT_CAP, c)
    return s, why


SPECIFIC = {"rule:container", "rule:article-admin1", "rule:coherent-with-other-names", "rule:near-other-places"}
# Regions named by a direction ("West" in Cameroon, "Western" in Ghana): the word is a place only in
# a story about that country.
GENERIC = re.compile(r"^(?:(?:far |upper |lower )?(?:north|south|east|west|central|centre|center)"
                     r"(?:[- ]?(?:east|west))?(?:ern)?(?: region| province)?|littoral|plateau|maritime|centrale)$")


def choose(gaz: Gazetteer, candidates: list[Place], name: str, kb: str | None, container: Place | None,
           ctx: Context, division: bool = False) -> tuple[Place | None, list[str]]:
    best, best_s, best_why = None, -1e9, []
    generic = bool(GENERIC.match(name.lower()))
    k = key(name)
    # Where the name is a town's own name, other towns known by it as an alternate name are not meant.
    named = {p.cc for p in candidates if p.kind == "city" and key(p.name) == k}
    for place in candidates:
        if place.lat is None:
            continue
        if place.kind == "city" and place.cc in named and key(place.name) != k:
            continue
        if generic and place.kind in ("admin1", "city") and container is None and not ctx.countries.get(place.cc):
            continue
        s, why = score(gaz, place, name, kb, container, ctx)
        if s > best_s:
            best, best_s, best_why = place, s, why
    if best is not None and best.kind == "city" and division:
        # "the Gao region": the region of that name around the town
        region = next((p for p in candidates if p.kind == "admin1" and p.cc == best.cc and p.admin1 == best.admin1),
                      None)
        if region is not None:
            return region, best_why + ["rule:region-word"]
    if best is not None and best.kind == "admin1" and not division and best.cc not in FEDERATIONS:
        # "in Kidal" is the town; "the Kidal region" the region (GeoNames names both alike).
        seat = max((p for p in candidates if p.kind == "city" and p.cc == best.cc and p.admin1 == best.admin1
                    and key(p.name) == key(best.name)), key=lambda p: p.pop, default=None)
        if seat is not None:
            return seat, best_why + ["rule:town-not-region"]
    if best is not None and best.kind == "city" and not kb and not (
            ctx.countries.get(best.cc) or best.cc in ctx.actors or best.cc == ctx.focus) and (
            key(best.name) != k or (ctx.actors and best.pop < TOWN)):
        # in a country the article never names, a town known by this name only as an alternate
        # one ("Boni", an old name of Bonn, in a story on Mali), or a town under 100,000 when the
        # story's actors are all of other countries ("near Yara", in Cuba, where JNIM kills):
        # another place the gazetteer lacks
        return None, []
    if best is not None and best.kind == "city" and not kb and best.pop < SMALL and not SPECIFIC & set(best_why):
        # A small place near none of the article's places, in none of its regions: more likely a
        # place the gazetteer lacks (an airport, a park) or no place at all. Correct or null.
        return None, []
    return best, best_why
