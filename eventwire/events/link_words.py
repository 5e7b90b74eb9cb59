"""Words only the event-place linker reads from data/places/<lang>.yaml, and how fine a place is.

A place's grain is the gazetteer's precision, unless the text names the kind of place itself ("the
province of Hama", "Deir Ezzor Governorate"): a name can be both a town and the province around
it, and the gazetteer picks one reading while the sentence says which is meant (`kind_grain`).
Participles that only name what they hang on ("a village called X", "the suspect, identified as
X, in Y") are `naming_participles`; territory verbs whose object is a place the doer leaves or only
reaches ("fled Afghanistan") are `away_verbs`; the last words of roads, bridges, rivers and squares,
which run through a settlement rather than being one, are `way_heads`."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from .. import resources
from ..places.language import Words


def _raw(lang: str) -> dict:
    try:
        return resources.load(f"places/{lang}.yaml") or {}
    except OSError:
        return resources.load("places/en.yaml") or {}


@lru_cache(maxsize=8)
def kind_grain(lang: str = "en") -> dict[str, str]:
    return {str(n).lower(): g for g, nouns in (_raw(lang).get("kind_grain") or {}).items() for n in nouns or ()}


@lru_cache(maxsize=8)
def naming_participles(lang: str = "en") -> frozenset:
    return frozenset(str(v).lower() for v in _raw(lang).get("naming_participles") or ())


def stated_kind(doc: Doc, start: int, end: int) -> str | None:
    """The grain of the kind-of-place noun the text gives a mention: its own last word ("Homs
    Governorate"), the word after it ("Helmand province") or the noun it is "of" ("the southern
    province of Helmand")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    kinds = kind_grain(doc.lang_ or "en")
    last = span[-1].lower_
    if len(span) > 1 and last in kinds:
        return kinds[last]
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in kinds and after.pos_ in ("NOUN", "PROPN") \
            and not (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "of"):
        return kinds[after.lower_]           # not "the Gaza Strip city of Khan Yunis": that names Khan Yunis
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in kinds:
        return kinds[root.head.head.lower_]
    return None


def grain(place: dict, w: Words, stated: str | None = None) -> str | None:
    """How fine a place is: the kind the text states, else its precision, or for an unresolved
    name `named` when a kind-of-place noun introduced it ("the village of X"), else `unresolved`."""
    if stated is not None:
        return stated
    if place.get("unresolved"):
        if _last_word(place) in w.broad:
            return "region"     # "the Baltic Sea", "the Indian Ocean": never the spot of an event
        return "named" if "rule:kind-of-place-noun" in (place.get("evidence") or ()) else "unresolved"
    return place.get("precision")


@lru_cache(maxsize=8)
def away_verbs(lang: str = "en") -> frozenset:
    return frozenset(str(v).lower() for v in _raw(lang).get("away_verbs") or ())


@lru_cache(maxsize=8)
def way_heads(lang: str = "en") -> frozenset:
    return frozenset(str(v).lower() for v in _raw(lang).get("way_heads") or ())


def is_way(place: dict, root, lang: str = "en") -> bool:
    """A road, bridge, river or square ("the Yala-Betong Road", "the Diyala Bridge"): by the last
    word of its name or of its mention."""
    heads = way_heads(lang)
    return _last_word(place) in heads or root.lower_ in heads


def _last_word(place: dict) -> str:
    return (place.get("name") or "").lower().rsplit(" ", 1)[-1]
