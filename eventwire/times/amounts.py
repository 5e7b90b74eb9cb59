"""Readings of quantities of time and of clock times: durations ("three days", "decade-long"),
"N units ago/earlier", repetitions ("every week", "daily"), clock times ("10 p.m. EST") and
the vague present/past/future ("now", "recently", "the future")."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon, norm, number
from .reading import Reading, ev, modifier, month, unit, weekday

GRAN_OF_UNIT = {"day": "day", "night": "day", "weekend": "week", "week": "week", "fortnight": "week",
                "month": "month", "quarter": "quarter", "year": "year", "decade": "year",
                "century": "year", "millennium": "year"}


@lru_cache(maxsize=None)
def _rate_before(lang: str) -> re.Pattern:
    """What before "a year" makes it a rate: a quantity, then at most two words that are not
    prepositions ("$5 a year", "700 seats a week", "twice a day", "four flights a week")."""
    lex = lexicon(lang)
    cues = lex.data["cues"]
    numbers = lex.alt(lex.numbers, extra=cues["rate_quantities"])
    breakers = lex.alt(cues["rate_breakers"])
    return re.compile(rf"(?:\d[\d,]*(?:\.\d+)?%?|\b{numbers})(?:\s+(?!{breakers}\b)[a-z-]+){{0,2}}\s*$", re.I)


# A fraction of a unit is written in the next smaller one: 2 1/2 years -> P2Y6M.
SMALLER = {("Y", False): ("M", 12, False), ("Q", False): ("M", 3, False), ("M", False): ("D", 30, False),
           ("W", False): ("D", 7, False), ("D", False): ("H", 24, True), ("H", True): ("M", 60, True),
           ("M", True): ("S", 60, True)}


def duration_value(n: float | None, spec: dict) -> str:
    """ISO 8601 duration: P3D, P10Y, PT2H, P2Y6M; PXD when the number is not known."""
    time = bool(spec.get("time"))
    if n is None:
        return f"P{'T' if time else ''}X{spec['iso']}"
    q = n * spec.get("count", 1)
    whole, part = int(q), q - int(q)
    parts = [(whole, spec["iso"], time)] if whole else []
    if part and (spec["iso"], time) in SMALLER:
        iso, factor, t = SMALLER[(spec["iso"], time)]
        parts.append((round(part * factor), iso, t))
    elif part:
        parts = [(round(q, 2), spec["iso"], time)]
    date = "".join(f"{v}{u}" for v, u, t in parts if not t and v)
    clock = "".join(f"{v}{u}" for v, u, t in parts if t and v)
    return "P" + date + (f"T{clock}" if clock else "") if date or clock else f"P0{spec['iso']}"


def _quantity(lex, hit):
    u = unit(lex, hit.g("unit") or hit.g("unit2"))
    if u is None:
        return None, None, []
    word = norm(hit.g("unit") or hit.g("unit2"))
    n = number(hit.g("num"), lex) if hit.g("num") else (1.0 if word == u[1]["names"][0].lower() else None)
    if n is not None and hit.g("half"):
        n += 0.5
    if hit.g("num2"):
        n = None
    return u, n, [ev(lex, "units", u[0])]


def read_duration(lex, hit, text):
    u, n, evid = _quantity(lex, hit)
    if u is None or (n is not None and (n <= 0 or n >= 100000)):
        return None
    mod, mev = modifier(lex, hit.g("approx"))
    if n is None and hit.g("past"):  # "the past several quarters"
        return Reading("DATE", value="PAST_REF", evidence=evid + [f"rule:{hit.rule}:past"] + mev)
    if (n == 1 and not (hit.g("det") or hit.g("rel") or hit.g("past")) and hit.g("num") and not hit.g("num").isdigit()
            and _rate_before(lex.lang).search(text[max(hit.start - 40, 0):hit.start])):
        return None  # "$5 a year", "700 seats a week": the denominator of a rate, not a time
    return Reading("DURATION", value=duration_value(n, u[1]), precision="duration", mod=mod,
                   evidence=evid + [f"rule:{hit.rule}"] + mev)


def read_bare_units(lex, hit, text):
    before = re.findall(r"[\w'’]+", text[max(hit.start - 12, 0):hit.start].lower())
    if not (hit.g("rel") or hit.g("past") or hit.g("future")) and not (before and before[-1] in lex.data["cues"]["bare_units"]):
        return None
    u = unit(lex, hit.g("unit"))
    if u is None:
        return None
    if hit.g("past"):  # "in recent years"
        return Reading("DATE", value="PAST_REF", evidence=[ev(lex, "units", u[0]), "rule:bare_units:past"])
    if hit.g("future"):  # "in coming months"
        return Reading("DATE", value="FUTURE_REF", evidence=[ev(lex, "units", u[0]), "rule:bare_units:future"])
    return Reading("DURATION", value=duration_value(None, u[1]), precision="duration",
                   evidence=[ev(lex, "units", u[0]), "rule:bare_units"])


def read_ago(lex, hit, text):
    u, n, evid = _quantity(lex, hit)
    d = norm(hit.g("dir") or hit.g("dir2") or "")
    spec = lex.directions.get(d)
    if u is None or spec is None:
        return None
    mod, mev = modifier(lex, hit.g("approx"))
    evid += [ev(lex, "direction_words", d), "rule:ago"] + mev
    key, uspec = u
    if n is None:
        return Reading("DATE", value="PAST_REF" if spec["sign"] < 0 else "FUTURE_REF", mod=mod, evidence=evid)
    if n <= 0 or n >= 10000:
        return None
    if uspec.get("time"):  # "two hours ago": the day is all that is known
        return Reading("DATE", op=("shift", "day", 0, "day"), anchor=spec["anchor"], mod=mod, label=d, evidence=evid)
    if not float(n).is_integer():
        if key not in ("year", "month"):
            n = round(n)
        else:
            key, n = "month", round(n * (12 if key == "year" else 1))
    steps = int(n) * uspec.get("count", 1) if key in ("decade", "century", "millennium") else int(n)
    step_unit = "year" if key in ("decade", "century", "millennium") else key
    return Reading("DATE", op=("ago", steps * spec["sign"], step_unit, GRAN_OF_UNIT.get(key, "day")),
                   anchor=spec["anchor"], mod=mod, label=f"{n:g} {key}{'s' if n != 1 else ''} {d}", evidence=evid)


def read_clock(lex, hit, text):
    g = hit.g
    try:
        if g("ampm"):
            h, mi = int(g("h")), int(g("mi") or 0)
            if not 1 <= h <= 12:
                return None
            pm = g("ampm").lower().startswith("p")
            h = (h % 12) + (12 if pm else 0)
        elif g("h24"):
            h, mi = int(g("h24")), int(g("mi24"))
        elif g("hm"):
            h, mi = int(g("hm")), int(g("mm"))
        elif g("cw"):
            h, mi = (int(x) for x in lex.clock_words[norm(g("cw"))].split(":"))
        else:
            h, mi = int(g("ho")), 0
            if lex.parts.get(norm(g("part") or "")) in ("AF", "EV", "NI") and 5 <= h < 12:
                h += 12
    except (TypeError, ValueError, KeyError):
        return None
    if h > 24 or mi > 59:
        return None
    mod, mev = modifier(lex, g("approx"))
    return Reading("TIME", op=("clock",), anchor="reference", mod=mod, suffix=f"T{h:02d}:{mi:02d}",
                   label="clock time", evidence=["rule:clock"] + mev)


def read_set(lex, hit, text):
    g = hit.g
    if g("adv"):
        key = norm(g("adv"))
        if _rate_before(lex.lang).search(text[max(hit.start - 40, 0):hit.start]):
            return None  # "rise 8.5% annually": the unit of a rate
        return Reading("SET", value=lex.set_adverbs[key], evidence=[ev(lex, "sets", key)])
    wd = weekday(lex, g("wd") or g("wds") or g("wd2"))
    if wd:
        code = lex.parts.get(norm(g("parts"))[:-1]) if g("parts") else None
        return Reading("SET", value=f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""),
                       evidence=[ev(lex, "weekdays", wd), "rule:set"])
    if g("mon"):
        m = month(lex, g("mon"))
        return Reading("SET", value=f"XXXX-{m:02d}", evidence=[ev(lex, "months", m), "rule:set"]) if m else None
    if g("season"):
        code = lex.seasons[norm(g("season"))]["code"]
        return Reading("SET", value=f"XXXX-{code}", evidence=["rule:set"])
    if g("part"):
        code = lex.parts.get(norm(g("part")))
        return Reading("SET", value=f"XXXX-XX-XXT{code}", evidence=["rule:set"]) if code else None
    u = unit(lex, g("unit") or g("unit2"))
    if u is None:
        return None
    n = 2 if g("other") else 1  # "every other week"
    return Reading("SET", value=duration_value(n, u[1]), evidence=[ev(lex, "units", u[0]), "rule:set"])


def read_reference(lex, hit, text):
    key = norm(text[hit.start:hit.end])
    code = lex.references.get(key)
    return Reading("DATE", value=code, evidence=[ev(lex, "references", key)]) if code else None


def read_year_ended(lex, hit, text):
    """"the year ended Sept. 30": a (fiscal) year, a duration that the next date closes."""
    u = unit(lex, hit.g("unit"))
    return Reading("DURATION", value=duration_value(1, u[1]), precision="duration",
                   evidence=[ev(lex, "units", u[0]), "rule:year_ended"]) if u else None


READERS = {
    "year_ended": read_year_ended, "ago": read_ago, "duration": read_duration, "hyphen_duration": read_duration,
    "bare_units": read_bare_units, "clock": read_clock, "set": read_set, "reference": read_reference,
}
