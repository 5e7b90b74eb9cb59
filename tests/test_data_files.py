"""The data files are valid: required keys, known codes, no name claimed by two entries."""
from collections import Counter

import pycountry
import pytest

from eventwire import resources
from eventwire.actors.lexicon import lexicon

SECTORS = set("GOV MIL POL REB INS MLT UAF PMC SPY MED IGO NGO CVL OPP PTY BUS JUD LEG REL UNK".split())
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def actor_entries():
    return [(name, a) for name in resources.files("actors") for a in resources.load(name)]


def test_actor_entries_are_complete_and_coded():
    entries = actor_entries()
    assert len(entries) >= 500
    ids = Counter(a["id"] for _, a in entries)
    assert [i for i, n in ids.items() if n > 1] == []
    for name, a in entries:
        for key in ("id", "name", "aliases", "type", "country", "sector"):
            assert key in a, (name, a.get("id"), key)
        assert a["sector"] in SECTORS, (a["id"], a["sector"])
        assert a["country"] is None or a["country"] in ISO3, (a["id"], a["country"])
        assert a.get("acled_inter") is None or 1 <= a["acled_inter"] <= 8


def test_no_name_belongs_to_two_actors():
    owners = {}
    clashes = []
    for _, a in actor_entries():
        for surface in [a["name"], *(a.get("aliases") or [])]:
            if owners.setdefault(surface, a["id"]) != a["id"]:
                clashes.append((surface, owners[surface], a["id"]))
    assert clashes == []


def test_countries_cover_iso():
    countries = resources.load("countries.yaml")
    assert ISO3 - {"XKX"} <= set(countries)
    for iso3, c in countries.items():
        assert c["name"] and iso3 in ISO3


def test_outlets():
    outlets = resources.load("outlets.yaml")
    assert len(outlets) >= 400
    domains = Counter(d for o in outlets for d in [o["domain"], *(o.get("extra_domains") or [])])
    assert [d for d, n in domains.items() if n > 1] == []
    for o in outlets:
        assert o["ownership"] in ("state", "public", "private", "unknown")
        assert o["country"] is None or o["country"] in ISO3


def test_agents_sectors_are_known():
    data = resources.load("agents.yaml")
    assert set(data["agents"]) <= SECTORS
    assert set(data["roles"]) <= SECTORS | {None}
    for spec in data["identities"].values():
        assert spec["names"] and set(spec["countries"]) <= ISO3


@pytest.mark.parametrize("surface, key", [("Mali", "country:MLI"), ("Niger", "country:NER"), ("Kiev", "capital:UKR"),
                                          ("Malian", "demonym:MLI"), ("Wagner Group", "actor:wagner-group"),
                                          ("Sahel", "region:sahel"), ("RT", "outlet:rt.com")])
def test_lexicon_resolves_core_names(surface, key):
    assert lexicon()[1][surface] == key


def test_event_word_lists_hold_only_words():
    """YAML reads a bare on, off, yes or no as a boolean: such a word must be quoted to stay a word."""
    lists = (resources.load("verbs/en.yaml") or {}).get("lists") or {}
    assert lists
    odd = [(name, w) for name, words in lists.items() for w in words if not isinstance(w, str)]
    assert odd == []


def test_place_word_lists_hold_only_words():
    """The same for the place lexicon: a bare on or off is a boolean ("on the outskirts" was lost)."""
    data = resources.load("places/en.yaml") or {}
    lists = {k: v for k, v in data.items() if isinstance(v, list)}
    assert lists
    odd = [(name, w) for name, words in lists.items() for w in words if not isinstance(w, str)]
    assert odd == []
