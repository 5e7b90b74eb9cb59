"""Per-language place words (data/places/<lang>.yaml), loaded once: which prepositions locate,
which nouns are kinds of place, which verbs act on territory, how fine each precision is."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import resources


@dataclass(frozen=True)
class Words:
    locative: frozenset
    origin: frozenset
    location_nouns: frozenset
    kind_nouns: frozenset        # nouns that name the word beside them as a place ("X district")
    territory_verbs: frozenset   # verbs whose object is a place ("captured Knin", "entered Palmyra")
    directions: frozenset        # "eastern Ghouta", "east Aleppo"
    granularity: dict
    particles: frozenset = frozenset()   # "e" in "Mazar-e-Sharif", "al" in "Ras al-Ain"
    place_only_verbs: frozenset = frozenset()   # "stormed X": X is a place, known or not
    generics: frozenset = frozenset()   # "Tal", "Kafr", "Deir": words that open place names
    situating: frozenset = frozenset()  # "X near Y": prepositions by which Y only situates X
    spots: frozenset = frozenset()      # "in X" where a "person" X may be an unlisted village
    broad: frozenset = frozenset()      # "Sea", "Ocean": an unknown name ending so is no spot
    source: frozenset = frozenset()     # "captured the heights from X": on a verb, where something came from
    path: frozenset = frozenset()       # "handed over to X": on another verb, where something went
    partners: frozenset = frozenset()   # "collaborators with X": whom an event was with, an actor
    apposed: frozenset = frozenset()    # "the capital, X": nouns naming a place only before it
    heads: frozenset = frozenset()      # "Tiger Hill", "Kindi Hospital": a name ending so is a place
    faiths: frozenset = frozenset()     # "a Sunni neighbourhood": a community, not a name


@lru_cache(maxsize=8)
def words(lang: str = "en") -> Words:
    try:
        text = resources.DATA.joinpath(f"places/{lang}.yaml").read_text(encoding="utf-8")
    except OSError:
        text = resources.DATA.joinpath("places/en.yaml").read_text(encoding="utf-8")
    raw = resources.parse(text)

    def group(name):
        return frozenset(str(w).lower() for w in raw.get(name) or ())

    order = raw.get("granularity") or []
    return Words(group("locative_prepositions"), group("origin_prepositions"), group("location_nouns"),
                 group("kind_nouns"), group("territory_verbs"), group("directions"),
                 {p: i for i, p in enumerate(order)}, group("name_particles"), group("place_only_verbs"), group("name_generics"),
                 group("situating_prepositions"), group("spot_prepositions"), group("broad_features"),
                 group("source_prepositions"), group("path_prepositions"), group("partner_prepositions"),
                 group("kind_nouns") | group("apposed_nouns"), group("kind_nouns") | group("name_heads"),
                 group("faiths"))
