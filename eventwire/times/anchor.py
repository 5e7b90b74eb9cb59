"""Anchoring a `Reading`: relative expressions computed from the publication date, from the
last date the article mentioned (the reference) and from the tense of the governing verb.

With no anchor the value stays None and the `relative` description says what it would need:
nothing is guessed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import calendar as cal
from .dates import holiday_date
from .reading import Reading

ORDER = {g: i for i, g in enumerate(("day", "week", "weekend", "month", "quarter", "season", "half",
                                     "year", "decade", "century"))}
PRECISION = {"weekend": "week"}
WORDING = {"past": "the last {x} on or before", "future": "the next {x} on or after",
           "before": "the last {x} before", "after": "the first {x} after", "week": "{x} in the week of",
           "same": "{x} in the year of", None: "the {x} nearest to", "nearest": "the {x} nearest to"}
# Granularity of each relative operation's result, known even when it cannot be computed.
OP_GRAN = {"weekday": "day", "clock": "day", "decade2": "decade", "weekend": "weekend"}


@dataclass
class Resolved:
    value: str | None
    precision: str | None
    relative: str | None
    period: cal.Period | None


def precision_of(gran: str | None, suffix: str | None = None) -> str | None:
    if gran is None:
        return None
    if suffix and gran == "day":
        return "time"
    return PRECISION.get(gran, gran)


def _value(p: cal.Period, end: cal.Period | None, suffix: str | None) -> str:
    v = p.value() + (suffix if suffix and p.gran == "day" else "")
    return f"{v}/{end.value()}" if end else v


def resolve(r: Reading, pub: dt.date | None, ref: cal.Period | None, tense: str | None,
            period: cal.Period | None = None) -> Resolved:
    """The value of `r` given the publication date, the reference (the last date mentioned),
    the tense of its verb and the last reporting period mentioned (a quarter, half or month)."""
    if r.op is None:
        if r.period is None:
            return Resolved(r.value, r.precision, None, None)
        return Resolved(_value(r.period, r.end, r.suffix), precision_of(r.period.gran, r.suffix), None, r.period)
    direction = _direction(r.op, tense)
    desc = _describe(r, direction, tense)
    try:  # at the ends of the calendar (years 1 and 9999) a step yields None: no value
        p, end = _compute(r, direction, pub, ref, period)
    except (ValueError, OverflowError, TypeError, KeyError, AttributeError):
        p, end = None, None
    if p is None:
        return Resolved(None, precision_of(_gran(r.op), r.suffix), desc, None)
    return Resolved(_value(p, end, r.suffix), precision_of(p.gran, r.suffix), desc, p)


def _gran(op: tuple) -> str | None:
    kind = op[0]
    if kind in OP_GRAN:
        return OP_GRAN[kind]
    if kind in ("shift", "ago"):
        return op[3]
    if kind == "anaphoric":
        return op[1]
    if kind in ("named", "in_year"):
        sub = op[1] if kind == "named" else op[2]
        return {"monthday": "day", "holiday": "day"}.get(sub, sub)
    if kind == "year2":
        return "day" if op[2] else "year"
    return None


def _direction(op: tuple, tense: str | None) -> str | None:
    d = op[-1] if op[0] in ("weekday", "named", "weekend") else None
    if d != "tense":
        return d
    if op[0] in ("weekday", "weekend"):
        return "future" if tense == "future" else "past"
    if op[0] == "named" and op[1] in ("quarter", "half"):
        return "past" if tense == "past" else "same"
    return tense  # "past", "future" or None (the nearest)


def _describe(r: Reading, direction: str | None, tense: str | None) -> str:
    anchor = "the last date mentioned" if r.anchor == "reference" else "publication"
    kind = r.op[0]
    if kind in ("weekday", "named", "weekend"):
        text = WORDING.get(direction, WORDING[None]).format(x=r.label) + " " + anchor
        return text + (f" ({tense} tense)" if r.op[-1] == "tense" and tense else "")
    if kind == "shift":
        _, step, n, gran = r.op
        if n == 0:
            return f"{r.label}: the {gran} of {anchor}"
        return f"{r.label}: {abs(n)} {step}{'s' if abs(n) > 1 else ''} {'before' if n < 0 else 'after'} {anchor}"
    if kind == "ago":
        return f"{r.label}, counted from {anchor}"
    if kind == "in_year":
        return f"{r.label}, year counted from {anchor}"
    if kind in ("year2", "decade2"):
        return f"{r.label}: century taken from publication"
    if kind == "anaphoric":
        unit = r.op[1]
        if unit == "quarter":
            return f"{r.label}: the quarter last mentioned, else the last quarter ended before publication"
        return f"{r.label}: the {unit} last mentioned, else the {unit} of publication"
    return f"{r.label} on the day of {anchor}"


def _build(kind: str, key, year: int):
    if kind == "month":
        return cal.of(cal.date(year, key, 1), "month")
    if kind in ("quarter", "half"):
        return cal.of(cal.date(year, (key - 1) * (3 if kind == "quarter" else 6) + 1, 1), kind)
    if kind == "season":
        return cal.of(cal.date(year, cal.SEASON_START[key], 1), "season")
    if kind == "holiday":
        return cal.of(holiday_date(key, year), "day")
    if kind == "monthday":
        m, d, _, _ = key
        return cal.of(cal.date(year, m, d), "day")
    return None


def _range_end(kind, key, p):
    if kind == "monthday" and p is not None and key[2]:
        return cal.of(cal.date(p.start.year, key[0], key[2]), "day")
    return None


# Reporting periods: "profit fell from a year ago" compares with the period being reported,
# the last quarter or half-year the article mentioned.
PERIODS = ("quarter", "half")


def _ago(op: tuple, anchor: str, pub: dt.date | None, ref: cal.Period | None,
         period: cal.Period | None) -> cal.Period | None:
    """"two days ago", "a year earlier": counted from publication, or from the last date
    mentioned ("three days later") when that date is at least as fine as the unit. "A year
    ago" in a report on a period (a quarter, a half-year) is that period a year before."""
    _, n, step, gran = op
    base, g = (cal.of(pub, "day") if pub else None), gran
    if gran == "year" and n == -1 and period is not None:
        base, g = period, period.gran
    elif ref is not None and anchor == "reference" and ORDER[ref.gran] <= ORDER[gran]:
        base = ref
    at = base.at(g) if base is not None else None
    return at.shift(n, step) if at else None


def _compute(r: Reading, direction, pub: dt.date | None, ref: cal.Period | None, period: cal.Period | None = None):
    op = r.op
    kind = op[0]
    base = ref if (r.anchor == "reference" and ref is not None) else cal.of(pub, "day") if pub else None
    if base is None:
        return None, None
    explicit_ref = r.anchor == "reference" and ref is not None
    if kind == "shift":
        _, step, n, gran = op
        if explicit_ref and ORDER[ref.gran] > ORDER.get(gran, 0):
            return None, None
        at = base.at(gran)
        return (at.shift(n, step) if at else None), None
    if kind == "ago":
        return _ago(op, r.anchor, pub, ref, period), None
    if kind == "clock":
        return (base if base.gran == "day" else cal.of(pub, "day") if pub else None), None
    if kind == "anaphoric":
        _, unit, shift = op
        if explicit_ref and ref.gran == unit:
            return ref.shift(shift, unit), None
        if r.anchor == "reference" and period is not None and period.gran == unit:
            return period.shift(shift, unit), None
        if pub is None:
            return None, None
        current = cal.of(pub, unit)
        if unit == "quarter":  # the last quarter reported: the one ended before publication
            current = current.shift(-1, "quarter")
        return (current.shift(shift, unit) if current else None), None
    if pub is None and kind != "in_year":
        return None, None
    if kind == "weekday":
        day = ref.start if explicit_ref and ref.gran == "day" else pub
        return cal.of(cal.weekday_from(day, op[1], direction), "day"), None
    if kind == "weekend":  # the last weekend begun on or before publication, or the next one
        this = cal.of(pub, "weekend")
        if direction == "future":
            return (this if this.end >= pub else this.shift(1, "week")), None
        return (this if this.start <= pub else this.shift(-1, "week")), None
    if kind == "named":
        _, sub, key, _ = op
        cands = [_build(sub, key, y) for y in (pub.year - 1, pub.year, pub.year + 1)]
        if sub == "monthday" and key[3]:  # "Saturday, April 25": the weekday tells the year
            fits = [c for c in cands if c is not None and c.start.isoweekday() == key[3]]
            cands, direction = (fits, None) if fits else (cands, direction)
        p = cal.choose(cands, pub, direction)
        return p, _range_end(sub, key, p)
    if kind == "in_year":
        _, shift, sub, key = op
        return _build(sub, key, base.start.year + shift), None
    if kind == "year2":
        yy = op[1]
        year = 2000 + yy if 2000 + yy <= pub.year + 10 else 1900 + yy
        if op[2] is None:
            return cal.of(cal.date(year), "year"), None
        return _build(op[2][0], op[2][1], year), None
    if kind == "decade2":
        cands = [cal.of(cal.date(c * 100 + op[1] * 10), "decade") for c in (pub.year // 100 - 1, pub.year // 100)]
        return cal.choose(cands, pub, "past") or cands[0], None
    return None, None
