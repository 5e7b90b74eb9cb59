"""The actor lexicon: every name the gazetteer recognises, with the actor it stands for.

Built once from the data files: `countries.yaml` (countries, capitals, seats of power,
demonyms), `actors/*.yaml` (named organisations, armed groups, institutions), `outlets.yaml`
(news outlets, which are actors too), `regions.yaml` and the identities of `agents.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import resources


@dataclass(frozen=True)
class Entry:
    """One thing a name can stand for. `key` is unique: `country:MLI`, `actor:wagner-group`."""

    key: str
    kind: str            # country | capital | seat | demonym | actor | outlet | identity | region
    name: str
    label: str           # spaCy entity label the gazetteer assigns: GPE ORG NORP PERSON ...
    country: str | None
    sector: str | None
    source: str          # data file and entry: the `evidence` of every value derived from it
    acled_inter: int | None = None
    countries: tuple[str, ...] = ()   # identities: where the group lives

    @property
    def code(self) -> str | None:
        parts = [p for p in (self.country, self.sector) if p]
        return " ".join(parts) or None


# When two entries claim the same name, the earlier kind wins: a named actor is more specific
# than a country's demonym ("Central African" is a demonym, "Central African Republic" a country).
_PRIORITY = ("actor", "country", "capital", "outlet", "seat", "region", "identity", "demonym")


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es" if not word.endswith("s") else word
    return word + "s"


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, Entry], dict[str, str]]:
    """(entries by key, entry key by surface name)."""
    entries: dict[str, Entry] = {}
    names: dict[str, list[str]] = {}

    def add(entry: Entry, surfaces):
        entries[entry.key] = entry
        for surface in surfaces:
            surface = (surface or "").strip()
            if len(surface) >= 2:
                names.setdefault(surface, []).append(entry.key)

    countries = resources.load("countries.yaml") or {}
    for iso3, c in countries.items():
        src = f"countries.yaml:{iso3}"
        add(Entry(f"country:{iso3}", "country", c["name"], "GPE", iso3, None, src),
            [c["name"], *(c.get("aliases") or []), *(c.get("french") or [])])
        if c.get("capital"):
            add(Entry(f"capital:{iso3}", "capital", c["capital"], "GPE", iso3, "GOV", src + ":capital"),
                [c["capital"], *(c.get("capital_aliases") or []), *(c.get("metonym_cities") or [])])
        if c.get("seats"):
            add(Entry(f"seat:{iso3}", "seat", c["seats"][0], "ORG", iso3, "GOV", src + ":seats"), c["seats"])
        demonyms = list(c.get("demonyms") or [])
        plurals = c.get("demonyms_plural") or [_plural(d) for d in demonyms if d[0].isupper() and "." not in d]
        if demonyms:
            add(Entry(f"demonym:{iso3}", "demonym", demonyms[0], "NORP", iso3, None, src + ":demonyms"),
                [*demonyms, *plurals])
    # ISO's own names ("Bolivia, Plurinational State of" is skipped; "Lao People's Democratic
    # Republic" is kept) fill what countries.yaml does not list.
    import pycountry

    for c in pycountry.countries:
        if c.alpha_3 in countries:
            iso_names = {getattr(c, k, None) for k in ("name", "official_name", "common_name")}
            add(entries[f"country:{c.alpha_3}"], [n for n in iso_names if n and "," not in n])
    for name in resources.files("actors"):
        for a in resources.load(name) or []:
            add(Entry(f"actor:{a['id']}", "actor", a["name"], a.get("type") or "ORG", a.get("country"),
                      a.get("sector"), f"{name}:{a['id']}", a.get("acled_inter")),
                [a["name"], *(a.get("aliases") or [])])
    for o in resources.load("outlets.yaml") or []:
        add(Entry(f"outlet:{o['domain']}", "outlet", o["name"], "ORG", o.get("country"), "MED",
                  f"outlets.yaml:{o['domain']}"), [o["name"], *(o.get("aliases") or [])])
    for ident, spec in (resources.load("agents.yaml").get("identities") or {}).items():
        add(Entry(f"identity:{ident}", "identity", spec["names"][0], "NORP", None, None,
                  f"agents.yaml:identities:{ident}", countries=tuple(spec.get("countries") or ())),
            spec["names"])

    for r in resources.load("regions.yaml") or []:
        add(Entry(f"region:{r['id']}", "region", r["name"], "LOC", None, None, f"regions.yaml:{r['id']}",
                  countries=tuple(r.get("countries") or ())), [r["name"], *(r.get("aliases") or [])])

    rank = {kind: i for i, kind in enumerate(_PRIORITY)}
    by_name = {surface: min(keys, key=lambda k: rank[entries[k].kind]) for surface, keys in names.items()}
    return entries, by_name


def entry(key: str) -> Entry | None:
    return lexicon()[0].get(key)


def lookup(surface: str) -> Entry | None:
    """The entry a surface name stands for, exactly as written (case matters: 'Chad', not 'chad')."""
    entries, by_name = lexicon()
    key = by_name.get(surface.strip())
    return entries[key] if key else None
