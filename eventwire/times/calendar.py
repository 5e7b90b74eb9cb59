"""Calendar periods and their arithmetic: a day, week, month, quarter, season, year, decade...

A `Period` is an interval of the calendar at one granularity; `value()` writes it in the
TIMEX3 profile of ISO 8601 (2024-08-15, 2024-W33, 2024-W33-WE, 2024-08, 2024-Q3, 2024-H2,
2024-SU, 2024, 202 for the 2020s, 20 for the 2000s). Every function returns None instead of
raising when a date falls outside the calendar (years 1-9999).
"""
from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass

# Months covered by each season code, the first listed being where the season starts.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
MONTH_SEASON = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA",
                11: "FA", 12: "WI", 1: "WI", 2: "WI"}
# Length of a unit for shifting: (months, days).
UNIT_STEP = {"day": (0, 1), "night": (0, 1), "week": (0, 7), "weekend": (0, 7), "fortnight": (0, 14),
             "month": (1, 0), "quarter": (3, 0), "season": (3, 0), "half": (6, 0), "year": (12, 0),
             "decade": (120, 0), "century": (1200, 0), "millennium": (12000, 0)}

# How much farther a future date counts than a past one when a report gives no year or tense.
FUTURE_WEIGHT = 2

# Length of a period of each granularity: (months, days).
LENGTH = {"day": (0, 1), "week": (0, 7), "weekend": (0, 2), "month": (1, 0), "quarter": (3, 0),
          "season": (3, 0), "half": (6, 0), "year": (12, 0), "decade": (120, 0), "century": (1200, 0)}


@dataclass(frozen=True)
class Period:
    gran: str
    start: dt.date

    def value(self) -> str:
        s = self.start
        if self.gran == "day":
            return s.isoformat()
        if self.gran in ("week", "weekend"):
            y, w, _ = s.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if self.gran == "weekend" else "")
        if self.gran == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if self.gran == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if self.gran == "half":
            return f"{s.year:04d}-H{1 if s.month <= 6 else 2}"
        if self.gran == "season":
            return f"{s.year:04d}-{MONTH_SEASON[s.month]}"
        if self.gran == "year":
            return f"{s.year:04d}"
        if self.gran == "decade":
            return f"{s.year // 10:03d}"
        return f"{s.year // 100:02d}"  # century

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        months, days = LENGTH[self.gran]
        nxt = add(self.start, months, days)
        return nxt - dt.timedelta(days=1) if nxt else dt.date.max

    def shift(self, n: int, unit: str) -> Period | None:
        """The period `n` units later (earlier when negative), at the same granularity."""
        months, days = UNIT_STEP.get(unit, (0, 0))
        moved = add(self.start, months * n, days * n)
        return of(moved, self.gran) if moved else None

    def at(self, gran: str) -> Period | None:
        """The period of granularity `gran` that contains this one's start."""
        return of(self.start, gran)


def add(d: dt.date, months: int = 0, days: int = 0) -> dt.date | None:
    try:
        if months:
            y, m = divmod(d.month - 1 + months, 12)
            year, month = d.year + y, m + 1
            d = dt.date(year, month, min(d.day, monthrange(year, month)[1]))
        return d + dt.timedelta(days=days) if days else d
    except (ValueError, OverflowError):
        return None


def of(d: dt.date | None, gran: str) -> Period | None:
    """The period of `gran` containing date `d`."""
    if d is None:
        return None
    try:
        if gran == "day":
            s = d
        elif gran == "week":
            s = d - dt.timedelta(days=d.isoweekday() - 1)
        elif gran == "weekend":
            s = d - dt.timedelta(days=d.isoweekday() - 1) + dt.timedelta(days=5)
        elif gran == "month":
            s = d.replace(day=1)
        elif gran == "quarter":
            s = dt.date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
        elif gran == "half":
            s = dt.date(d.year, 1 if d.month <= 6 else 7, 1)
        elif gran == "season":
            start = SEASON_START[MONTH_SEASON[d.month]]
            s = dt.date(d.year - (d.month < start), start, 1)
        elif gran == "year":
            s = dt.date(d.year, 1, 1)
        elif gran == "decade":
            s = dt.date(max(d.year // 10 * 10, 1), 1, 1)
        elif gran == "century":
            s = dt.date(max(d.year // 100 * 100, 1), 1, 1)
        else:
            return None
        return Period(gran, s)
    except (ValueError, OverflowError):
        return None


def date(year, month=1, day=1) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except (ValueError, OverflowError, TypeError):
        return None


def parse_iso(text: str | None) -> dt.date | None:
    """A YYYY-MM-DD publication date (the date part of a longer timestamp), or None."""
    if not text or not isinstance(text, str):
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def weekday_from(d: dt.date, weekday: int, direction: str) -> dt.date | None:
    """The `weekday` (ISO 1-7) on or before `d` ("past"), on or after ("future"), strictly
    before ("before"), strictly after ("after") or in the same ISO week ("week")."""
    try:
        delta = weekday - d.isoweekday()
        if direction == "past":
            return d + dt.timedelta(days=delta - 7 if delta > 0 else delta)
        if direction == "future":
            return d + dt.timedelta(days=delta + 7 if delta < 0 else delta)
        if direction == "before":
            return d + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
        if direction == "after":
            return d + dt.timedelta(days=delta + 7 if delta <= 0 else delta)
        return d + dt.timedelta(days=delta)
    except OverflowError:
        return None


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The nth `weekday` of a month (nth -1: the last)."""
    first = date(year, month, 1)
    if first is None:
        return None
    if nth > 0:
        d = weekday_from(first, weekday, "future")
        return add(d, days=7 * (nth - 1)) if d else None
    last = add(first, months=1, days=-1)
    return weekday_from(last, weekday, "past") if last else None


def choose(candidates: list[Period | None], anchor: dt.date, direction: str | None) -> Period | None:
    """Of periods differing by year, the one a report means, relative to the anchor date:
    "past" the latest starting on or before it, "future" the earliest ending on or after it,
    "before" the latest ended before it, "after" the earliest starting after it, "same" the one
    of its year, otherwise (None) the nearest."""
    cands = [c for c in candidates if c is not None]
    tests = {"past": lambda c: c.start <= anchor, "future": lambda c: c.end >= anchor,
             "before": lambda c: c.end < anchor, "after": lambda c: c.start > anchor,
             "same": lambda c: c.start.year == anchor.year}
    if direction in tests:
        ok = [c for c in cands if tests[direction](c)]
        if not ok:
            return None
        return min(ok, key=lambda c: c.start) if direction in ("future", "after") else max(ok, key=lambda c: c.start)
    if not cands:
        return None

    def distance(c):  # news reports the past more often: a future date counts twice as far
        if c.start <= anchor <= c.end:
            return 0
        return (c.start - anchor).days * FUTURE_WEIGHT if c.start > anchor else (anchor - c.end).days
    return min(cands, key=lambda c: (distance(c), c.start > anchor))
