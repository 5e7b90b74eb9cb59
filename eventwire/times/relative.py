"""Readings of deictic expressions: weekdays, today/yesterday, "last month", "earlier this
week", "the following year", "the latest quarter". All are relative: they are computed from
the publication date or from the last date the article mentioned (the reference)."""
from __future__ import annotations

from .lexicon import norm
from .reading import Reading, ev, modifier, weekday

# A weekday's direction from the shift of its determiner: "last Friday", "this Friday", "next Friday".
WEEKDAY_DIRECTION = {-1: "before", 0: "week", 1: "after"}
# Units a determiner can shift ("last month") and the granularity of the result.
UNIT_GRAN = {"day": "day", "night": "day", "week": "week", "weekend": "weekend", "fortnight": "week",
             "month": "month", "quarter": "quarter", "year": "year", "decade": "decade", "century": "century"}


def _part(lex, word):
    if not word:
        return None, []
    key = norm(word)
    code = lex.parts.get(key)
    return (f"T{code}", [ev(lex, "parts_of_day", key)]) if code else (None, [])


def read_weekday(lex, hit, text):
    wd = weekday(lex, hit.g("wd"))
    if wd is None:
        return None
    rel = norm(hit.g("rel") or "")
    spec = lex.relative.get(rel)
    if rel and spec is None:
        return None
    direction = WEEKDAY_DIRECTION.get(spec["shift"], "tense") if spec else "tense"
    mod, mev = modifier(lex, hit.g("mod"))
    suffix, pev = _part(lex, hit.g("part"))
    evid = [ev(lex, "weekdays", wd), "rule:weekday"] + mev + pev
    if rel:
        evid.append(ev(lex, "relative_words", rel))
    anchor = spec.get("anchor", "publication") if spec else "publication"
    return Reading("TIME" if suffix else "DATE", op=("weekday", wd, direction), anchor=anchor, mod=mod,
                   suffix=suffix, label=norm(hit.g("wd")).capitalize(), evidence=evid)


def read_the_weekend(lex, hit, text):
    return Reading("DATE", op=("weekend", "tense"), label="weekend",
                   evidence=[ev(lex, "units", "weekend"), "rule:the_weekend"])


def read_deictic(lex, hit, text):
    key = norm(hit.g("deic"))
    spec = lex.deictic.get(key)
    if spec is None:
        return None
    mod, mev = modifier(lex, hit.g("mod"))
    suffix, pev = _part(lex, hit.g("part"))
    suffix = suffix or (f"T{spec['part']}" if spec.get("part") else None)
    return Reading("TIME" if suffix else "DATE", op=("shift", "day", spec["offset"], "day"), mod=mod,
                   suffix=suffix, label=key, evidence=[ev(lex, "deictic_days", key), "rule:deictic"] + mev + pev)


def read_this_part(lex, hit, text):
    suffix, pev = _part(lex, hit.g("part"))
    if suffix is None:
        return None
    mod, mev = modifier(lex, hit.g("mod"))
    return Reading("TIME", op=("shift", "day", 0, "day"), mod=mod, suffix=suffix,
                   label=norm(text[hit.start:hit.end]), evidence=["rule:this_part"] + mev + pev)


def read_part_day(lex, hit, text):
    suffix, pev = _part(lex, hit.g("part"))
    mod, mev = modifier(lex, hit.g("mod"))
    key = norm(hit.g("deic"))
    if suffix is None:
        return None
    if key in lex.deictic:
        op, evid = ("shift", "day", lex.deictic[key]["offset"], "day"), [ev(lex, "deictic_days", key)]
    elif weekday(lex, key):
        op, evid = ("weekday", weekday(lex, key), "tense"), [ev(lex, "weekdays", weekday(lex, key))]
    else:
        return None
    return Reading("TIME", op=op, mod=mod, suffix=suffix, label=key,
                   evidence=evid + ["rule:part_day"] + mev + pev)


def read_rel_unit(lex, hit, text):
    rel, u = norm(hit.g("rel")), norm(hit.g("unit"))
    spec = lex.relative.get(rel)
    if spec is None or u not in UNIT_GRAN:
        return None
    anchor = spec.get("anchor", "publication")
    if u == "day" and anchor != "reference":
        return None  # "last day" is a final day, not yesterday
    mod, mev = modifier(lex, hit.g("mod"))
    shift = spec["shift"] * (2 if u == "fortnight" else 1)
    suffix = "TNI" if u == "night" else None
    step = "week" if u in ("fortnight", "weekend") else "day" if u == "night" else u
    return Reading("TIME" if suffix else "DATE", op=("shift", step, shift, UNIT_GRAN[u]), anchor=anchor,
                   mod=mod, suffix=suffix, label=f"{rel} {u}",
                   evidence=[ev(lex, "relative_words", rel), ev(lex, "units", u), "rule:rel_unit"] + mev)


def read_the_unit(lex, hit, text):
    """"the end of the month", "year-end": the publication's; "earlier in the year": the one
    the article is talking about (the reference)."""
    u = norm(hit.g("unit"))
    if u not in UNIT_GRAN:
        return None
    mod, mev = modifier(lex, hit.g("mod"))
    if hit.g("end"):
        mod, mev = "END", ["rule:unit_end"]
    anchor = "reference" if hit.rule == "in_the_unit" else "publication"
    return Reading("DATE", op=("shift", u, 0, UNIT_GRAN[u]), anchor=anchor, mod=mod,
                   label=f"the {u}", evidence=[ev(lex, "units", u), f"rule:{hit.rule}"] + mev)


def read_anaphoric(lex, hit, text):
    key = norm(text[hit.start:hit.end])
    spec = lex.anaphoric.get(key)
    if spec is None:
        return None
    return Reading("DATE", op=("anaphoric", spec.get("unit", "quarter"), spec["shift"]),
                   anchor=spec.get("anchor", "reference"), label=key,
                   evidence=[ev(lex, "periods", key), "rule:anaphoric"])


READERS = {
    "weekday": read_weekday, "the_weekend": read_the_weekend, "deictic": read_deictic, "this_part": read_this_part,
    "part_day": read_part_day, "rel_unit": read_rel_unit, "in_the_unit": read_the_unit,
    "mod_the_unit": read_the_unit, "unit_end": read_the_unit, "anaphoric": read_anaphoric,
}
