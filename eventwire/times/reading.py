"""What a matched expression means before it is anchored: a `Reading`.

A reading is either fixed (an absolute `period`, or a `value` such as "P3D" or "PRESENT_REF")
or relative: `op` says how to compute it from an anchor (the publication date, or the last date
the article mentioned) and a direction that may depend on the tense of the governing verb.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .calendar import Period
from .lexicon import Lexicon, norm

SOURCE = "times/{lang}.yaml"


@dataclass
class Reading:
    type: str                         # TIMEX3 type: DATE, TIME, DURATION, SET
    period: Period | None = None      # absolute date
    end: Period | None = None         # absolute end of a range
    op: tuple | None = None           # relative: ("weekday", 4, "tense"), ("shift", "month", -1, "month") ...
    anchor: str = "publication"       # or "reference": the last date the article mentioned
    value: str | None = None          # fixed value: durations, sets, PRESENT_REF ...
    precision: str | None = None      # for fixed values
    mod: str | None = None            # START MID END APPROX
    suffix: str | None = None         # "TNI", "T22:00": part of the day or clock time
    label: str = ""                   # what the op is about, for the `relative` description
    evidence: list = field(default_factory=list)

    @property
    def relative(self) -> bool:
        return self.op is not None


def ev(lex: Lexicon, section: str, key) -> str:
    return f"{SOURCE.format(lang=lex.lang)}:{section}:{key}"


def modifier(lex: Lexicon, *words: str | None) -> tuple[str | None, list]:
    """The contract modifier for the first of `words` that is a modifier or approximator."""
    for w in words:
        if not w:
            continue
        k = norm(w).replace("-", " ").strip()
        if k in lex.modifiers:
            return lex.modifiers[k], [ev(lex, "modifiers", k)]
        if k in lex.approx:
            return "APPROX", [ev(lex, "approximators", k)]
    return None, []


def unit(lex: Lexicon, word: str | None) -> tuple[str, dict] | None:
    """("week", spec) for "weeks"."""
    if not word:
        return None
    return lex.units.get(norm(word))


def month(lex: Lexicon, word: str | None) -> int | None:
    return lex.months.get(norm(word)) if word else None


def weekday(lex: Lexicon, word: str | None) -> int | None:
    if not word:
        return None
    w = norm(word)
    return lex.weekdays.get(w) or (lex.weekdays.get(w[:-1]) if w.endswith("s") else None)
