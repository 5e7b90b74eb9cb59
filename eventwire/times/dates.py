"""Readings of calendar expressions: explicit dates, months, years, decades, centuries,
quarters, halves, seasons and holidays. A part left out (the year of "Aug. 15") makes the
reading relative: the year is chosen later against the publication date and the tense."""
from __future__ import annotations

import re

from . import calendar as cal
from .grammar import Hit
from .lexicon import Lexicon, norm, number
from .reading import Reading, ev, modifier, month, weekday



def _ordinal(lex: Lexicon, word: str | None) -> int | None:
    """3 for "third" or "3rd"."""
    w = norm(word or "")
    digits = re.match(r"\d+", w)
    return int(digits.group()) if digits else lex.ordinals.get(w)


def _year_shift(lex: Lexicon, word: str | None) -> int | None:
    """-1 for "last" ("last year"), from the relative words; None for a word anchored elsewhere."""
    spec = lex.relative.get(norm(word or ""))
    return spec["shift"] if spec and spec.get("anchor", "publication") == "publication" else None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    try:
        y = int(text)
    except ValueError:
        return None
    return y if 1 <= y <= 9999 else None


def _day_ok(m: int | None, d: int, year: int | None = None) -> bool:
    if not m:
        return False
    return cal.date(year or 2000, m, d) is not None


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text and re.sub(r"\D", "", text) else None


def _calendar_date(lex, hit: Hit, m: int | None, d: int | None, d2: int | None, y: int | None) -> Reading | None:
    """A day of a month, with or without year, possibly a range of days."""
    if m is None or d is None or not _day_ok(m, d, y) or (d2 is not None and (d2 <= d or not _day_ok(m, d2, y))):
        return None
    evid = [ev(lex, "months", m), f"rule:{hit.rule}"]
    wd = weekday(lex, hit.g("wd"))
    if y:
        start = cal.of(cal.date(y, m, d), "day")
        end = cal.of(cal.date(y, m, d2), "day") if d2 else None
        return Reading("DATE", period=start, end=end, evidence=evid)
    return Reading("DATE", op=("named", "monthday", (m, d, d2, wd), "tense"),
                   label=f"{hit.g('mon')} {d}", evidence=evid + ["anchor:year-from-publication"])


def read_iso(lex, hit, text):
    y, m, d = _year(hit.g("y")), int(hit.g("m")), int(hit.g("d"))
    day = cal.of(cal.date(y, m, d), "day") if y else None
    if day is None:
        return None
    r = Reading("DATE", period=day, evidence=["rule:iso"])
    if hit.g("hh") and int(hit.g("hh")) < 24 and int(hit.g("mi")) < 60:
        r.type, r.suffix = "TIME", f"T{hit.g('hh')}:{hit.g('mi')}"
    return r


def read_numeric(lex, hit, text):
    a, b, ys = int(hit.g("a")), int(hit.g("b")), hit.g("y")
    if hit.g("sep") == "." and len(ys) != 4:
        return None
    order = "dmy" if a > 12 or hit.g("sep") == "." else "mdy" if b > 12 else None
    if a == b:
        order = "dmy"
    m, d = (b, a) if order == "dmy" else (a, b)
    if len(ys) == 2:
        if order is None or not _day_ok(m, d):
            return None
        return Reading("DATE", op=("year2", int(ys), ("monthday", (m, d, None, None))), label=f"'{ys}",
                       evidence=["rule:numeric", "anchor:two-digit-year"])
    y = _year(ys)
    if order is None:  # 03/04/2024: day and month cannot be told apart; keep the year only
        return Reading("DATE", period=cal.of(cal.date(y, 1, 1), "year"), evidence=["rule:numeric:ambiguous-day-month"]) if y else None
    day = cal.of(cal.date(y, m, d), "day") if y else None
    return Reading("DATE", period=day, evidence=[f"rule:numeric:{order}"]) if day else None


def read_range_years(lex, hit, text):
    a, b, sep = _year(hit.g("a")), hit.g("b"), norm(hit.g("sep"))
    if a is None:
        return None
    b = _year(b) if len(b) == 4 else (a // 100 * 100 + int(b))
    if b is None or not (a < b <= a + 100):
        return None
    if sep not in ("-", "–", "—", "/"):
        return None  # "between 2019 and 2021": two times, linked by the stage
    return Reading("DATE", period=cal.of(cal.date(a), "year"), end=cal.of(cal.date(b), "year"),
                   evidence=["rule:range_years"])


def read_month_day(lex, hit, text):
    r = _calendar_date(lex, hit, month(lex, hit.g("mon")), _day(hit.g("d")), _day(hit.g("d2")), _year(hit.g("y")))
    if r is not None and hit.g("approx"):
        r.mod, mev = modifier(lex, hit.g("approx"))
        r.evidence += mev
    return r


def read_month_year(lex, hit, text):
    m = month(lex, hit.g("mon"))
    mod, mev = modifier(lex, hit.g("mod"))
    evid = [ev(lex, "months", m), "rule:month_year"] + mev
    shift = _year_shift(lex, hit.g("rel"))
    if shift is not None:
        return Reading("DATE", op=("in_year", shift, "month", m), mod=mod,
                       label=f"{hit.g('mon')} {hit.g('rel')} year", evidence=evid)
    y = _year(hit.g("y")) or year_from_words(lex, hit.g("yw"))
    p = cal.of(cal.date(y, m, 1), "month") if y and m else None
    return Reading("DATE", period=p, mod=mod, evidence=evid) if p else None


def read_month(lex, hit, text):
    m = month(lex, hit.g("mon"))
    if m is None:
        return None
    mod, mev = modifier(lex, hit.g("mod"))
    rel = norm(hit.g("rel") or "")
    evid = [ev(lex, "months", m), "rule:month"] + mev
    if rel:
        spec = lex.relative.get(rel)
        if spec is None:
            return None
        evid.append(ev(lex, "relative_words", rel))
        if spec.get("anchor") == "reference":
            return Reading("DATE", op=("in_year", 0, "month", m), anchor="reference", mod=mod,
                           label=hit.g("mon"), evidence=evid)
        direction = {-1: "before", 1: "after"}.get(spec["shift"], "same")
        return Reading("DATE", op=("named", "month", m, direction), mod=mod, label=hit.g("mon"), evidence=evid)
    return Reading("DATE", op=("named", "month", m, "tense"), mod=mod, label=hit.g("mon"), evidence=evid)


def read_year(lex, hit, text):
    y = _year(hit.g("y"))
    mod, mev = modifier(lex, hit.g("mod"))
    p = cal.of(cal.date(y), "year") if y else None
    return Reading("DATE", period=p, mod=mod, evidence=["rule:year"] + mev) if p else None


def read_year2(lex, hit, text):
    mod, mev = modifier(lex, hit.g("mod"))
    return Reading("DATE", op=("year2", int(hit.g("yy")), None), mod=mod, label=f"'{hit.g('yy')}",
                   evidence=["rule:year2", "anchor:two-digit-year"] + mev)


def year_from_words(lex: Lexicon, words: str | None) -> int | None:
    """"nineteen ninety-one" -> 1991, "two thousand and one" -> 2001."""
    if not words:
        return None
    w = norm(words).replace("-", " ").split()
    century, rest = lex.numbers.get(w[0]), number(" ".join(w[1:]), lex)
    if century is not None and rest is not None and 10 <= century <= 20 and 10 <= rest <= 99:
        return century * 100 + int(rest)
    whole = number(" ".join(w), lex)  # "two thousand and one"
    return int(whole) if whole is not None and whole.is_integer() and 1000 <= whole <= 2999 else None


def read_year_words(lex, hit, text):
    y = year_from_words(lex, hit.g("thousand") or hit.g("yw"))
    p = cal.of(cal.date(y), "year") if y else None
    return Reading("DATE", period=p, evidence=["rule:year_words"]) if p else None


def read_decade(lex, hit, text):
    mod, mev = modifier(lex, hit.g("mod"), hit.g("mod2"))
    if hit.g("dec"):
        p = cal.of(cal.date(int(hit.g("dec"))), "decade")
        return Reading("DATE", period=p, mod=mod, evidence=["rule:decade"] + mev) if p else None
    if not (hit.g("the") or hit.g("mod") or hit.g("mod2") or hit.g("apos")):
        return None  # "in their 80s" is an age
    digit = int(hit.g("dec2")[0]) if hit.g("dec2") else lex.data["decades"].get(norm(hit.g("decw")).lstrip("'"))
    if digit is None:
        return None
    return Reading("DATE", op=("decade2", digit), mod=mod, label=text[hit.start:hit.end],
                   evidence=["rule:decade", "anchor:century-from-publication"] + mev)


def read_century(lex, hit, text):
    o = norm(hit.g("ord"))
    n = int(re.sub(r"\D", "", o)) if re.match(r"\d", o) else lex.ordinals.get(o)
    if not n or n > 21 or o in ("last", "final"):
        return None
    mod, mev = modifier(lex, hit.g("mod"))
    return Reading("DATE", period=cal.Period("century", cal.date(max((n - 1) * 100, 1))), mod=mod,
                   evidence=["rule:century"] + mev)


def read_quarter(lex, hit, text):
    n = _ordinal(lex, hit.g("ord"))
    gran = "half" if hit.g("ha") else "quarter"
    if n is None or n > (2 if gran == "half" else 4):
        return None
    r = _period_in_year(lex, hit, gran, n, hit.g("y1") or hit.g("y0") or hit.g("y2") or hit.g("y3"),
                        hit.g("rel") or hit.g("rel2"))
    if r is not None and hit.g("ago"):  # "the year-earlier third quarter"
        r = _year_before(r)
    return r


def _year_before(r: Reading) -> Reading:
    r.evidence.append("rule:year-earlier")
    if r.period is not None:
        r.period = r.period.shift(-1, "year")
    elif r.op[0] == "in_year":
        r.op = ("in_year", r.op[1] - 1) + r.op[2:]
    else:  # the same quarter, a year before the one the report is about
        r.op = ("in_year", -1, r.op[1], r.op[2])
    return r


def read_quarter_code(lex, hit, text):
    gran = "half" if hit.g("q").upper() == "H" else "quarter"
    n = int(hit.g("n"))
    if gran == "half" and n > 2:
        return None
    if not (hit.g("y1") or hit.g("y2")) and hit.g("q") != hit.g("q").upper():
        return None
    return _period_in_year(lex, hit, gran, n, hit.g("y1") or hit.g("y2"), None)


def read_half(lex, hit, text):
    code = lex.halves.get(norm(hit.g("half")))
    if not code:
        return None
    rel = hit.g("rel") or ("this" if hit.g("the") else None)
    return _period_in_year(lex, hit, "half", int(code[1]), hit.g("y"), rel)


def _period_in_year(lex, hit, gran, n, year_text, rel) -> Reading | None:
    months = {"quarter": 3, "half": 6}[gran]
    evid = [f"rule:{hit.rule}"]
    y = _year(year_text)
    if y:
        p = cal.of(cal.date(y, (n - 1) * months + 1), gran)
        return Reading("DATE", period=p, evidence=evid) if p else None
    label = f"{'Q' if gran == 'quarter' else 'H'}{n}"
    if rel:
        shift = _year_shift(lex, rel)
        if shift is not None:
            return Reading("DATE", op=("in_year", shift, gran, n), label=label, evidence=evid)
        return Reading("DATE", op=("in_year", 0, gran, n), anchor="reference", label=label, evidence=evid)
    # Reports speak of the quarters of the publication's year, unless told in the past tense
    # of one that has not begun ("fourth-quarter profit rose", published in February).
    return Reading("DATE", op=("named", gran, n, "tense"), label=label,
                   evidence=evid + ["anchor:year-from-publication"])


def read_season(lex, hit, text):
    key = norm(hit.g("season"))
    spec = lex.seasons[key]
    mod, mev = modifier(lex, hit.g("mod"), hit.g("mod2"))
    evid = [ev(lex, "seasons", key), "rule:season"] + mev
    y = _year(hit.g("y")) or year_from_words(lex, hit.g("y"))
    before = text[max(hit.start - 12, 0):hit.start].lower()
    if y:
        p = cal.of(cal.date(y, spec["months"][0], 1), "season")
        return Reading("DATE", period=p, mod=mod, evidence=evid) if p else None
    cues = lex.data["cues"]
    after = re.match(r"\s+([\w'’]+)", text[hit.end:hit.end + 20])
    if (after and norm(after.group(1)) in cues["season_blockers"]) or not (
            hit.g("rel") or hit.g("mod2") or hit.g("mod") or _preceded_by(before, cues["season"], cues["articles"])):
        return None  # "the fall of Kabul", "a spring offensive"
    rel = norm(hit.g("rel") or "")
    spec_rel = lex.relative.get(rel, {}) if rel else {}
    if spec_rel.get("anchor") == "reference":
        return None
    direction = {-1: "before", 1: "after", 0: "nearest"}.get(spec_rel.get("shift"), "tense") if rel else "tense"
    return Reading("DATE", op=("named", "season", spec["code"], direction), mod=mod, label=hit.g("season"), evidence=evid)


def read_holiday(lex, hit, text):
    key = norm(hit.g("hol"))
    if key not in lex.holidays or not hit.g("hol")[:1].isupper():
        return None
    hid, spec = lex.holidays[key]
    evid = [ev(lex, "holidays", hid), "rule:holiday"]
    y = _year(hit.g("y"))
    if y:
        d = holiday_date(spec, y)
        return Reading("DATE", period=cal.of(d, "day"), evidence=evid) if d else None
    rel = norm(hit.g("rel") or "")
    direction = {"last": "before", "next": "after", "this": "nearest"}.get(rel, "tense")
    return Reading("DATE", op=("named", "holiday", spec, direction), label=hit.g("hol"), evidence=evid)


def _preceded_by(before: str, words: list, articles: list) -> bool:
    """Whether `before` ends with one of `words`, maybe followed by an article ("in the")."""
    tail = re.findall(r"[\w'’]+", before.lower())[-2:]
    return bool(tail) and (tail[-1] in words or (len(tail) == 2 and tail[0] in words and tail[1] in articles))


def holiday_date(spec: dict, year: int):
    if "day" in spec:
        return cal.date(year, spec["month"], spec["day"])
    return cal.nth_weekday(year, spec["month"], spec["weekday"], spec["nth"])


READERS = {
    "iso": read_iso, "numeric": read_numeric, "range_years": read_range_years,
    "month_day": read_month_day, "day_month": read_month_day, "month_year": read_month_year,
    "month": read_month, "year": read_year, "year2": read_year2, "year_words": read_year_words,
    "decade": read_decade, "century": read_century, "quarter": read_quarter,
    "quarter_code": read_quarter_code, "half": read_half, "season": read_season, "holiday": read_holiday,
}
