"""Finding time expressions: the rules of the language's grammar (`data/times/LANG.yaml`,
section `grammar`), regular expressions over the text built from its words.

`find(text, lang)` returns the non-overlapping matches (longest first, then rule order) as
`Hit(rule, start, end, groups)`. Patterns are compiled once per language. Spans follow the
TIMEX3 conventions: determiners and modifiers in ("the third quarter", "late last month",
"about two years ago"), governing prepositions out ("on Thursday", "since 2012").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, alternation, lexicon


@dataclass(frozen=True)
class Hit:
    rule: str
    start: int
    end: int
    groups: dict

    def g(self, name: str) -> str | None:
        return self.groups.get(name)


def _blocks(lex: Lexicon) -> dict[str, str]:
    """Alternations of the language's words, for {NAME} in the grammar's patterns."""
    d = lex.data
    blocks = {
        "MONTH": _names_with_abbreviations(d["months"]),
        "WD": _names_with_abbreviations(d["weekdays"]),
        "WD_FULL": alternation(names[0] for names in d["weekdays"].values()),
        "UNITS": alternation(d["numbers"]["units"]),
        "TENS": alternation(d["numbers"]["tens"]),
        "SCALES": alternation(d["numbers"]["scales"]),
        "ARTICLES": lex.alt(lex.articles),
        "VAGUE": lex.alt(lex.vague),
        "YEAR4": r"(?<![\d$£€#.,/])(?<!\d-)(?:1\d{3}|20\d{2})(?![\d]|[.,]\d)",
        "UNIT": rf"\b{lex.alt(lex.units)}\b",
        "UNIT_SG": rf"\b{alternation(spec['names'][0] for spec in d['units'].values())}",
        "MOD": lex.alt(lex.modifiers),
        "REL": lex.alt(lex.relative),
        "PART": rf"\b{lex.alt(lex.parts)}\b",
        "SEASON": rf"\b{lex.alt(lex.seasons)}\b",
        "DEICTIC": rf"\b{lex.alt(lex.deictic)}\b",
        "FISCAL": lex.alt(d["periods"]["fiscal"]),
        "APPROX": lex.alt(lex.approx, lex.bounds),
        "REFS": lex.alt(lex.references),
        "SETADV": lex.alt(lex.set_adverbs),
        "HOLIDAY": lex.alt(lex.holidays),
        "CLOCKW": lex.alt(lex.clock_words),
        "TZ": lex.alt(d["time_zones"]),
        "ANAPH": lex.alt(lex.anaphoric),
        "HALF": lex.alt(lex.halves),
        "ORDW": lex.alt(lex.ordinals),
        "ORDW4": lex.alt(k for k, v in lex.ordinals.items() if v <= 4),
        "DECW": lex.alt(d["decades"]),
        "DIR": lex.alt(k for k, v in lex.directions.items() if not v.get("end_only")),
        "DIR_END": lex.alt(k for k, v in lex.directions.items() if v.get("end_only")),
    }
    blocks.update(d["grammar"].get("blocks") or {})
    return blocks


def _expand(pattern: str, blocks: dict[str, str]) -> str:
    """Replace {NAME} by its block, blocks within blocks included."""
    for _ in range(5):
        expanded = re.sub(r"\{([A-Z][A-Z0-9_]*)\}", lambda m: blocks.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            break
        pattern = expanded
    return pattern


def _names_with_abbreviations(table: dict) -> str:
    """Full names ("August"), or abbreviations with an optional dot ("Aug", "Aug.")."""
    full = alternation(names[0] for names in table.values())
    short = alternation(n for names in table.values() for n in names[1:])
    return rf"\b(?:{full}\b|{short}\b\.?)"


# How far a rule's match may reach to the left and right of the word that triggers it.
LEFT, RIGHT = 48, 40


def _triggers(lex: Lexicon) -> tuple[re.Pattern, dict]:
    """One regex for the words (and digit shapes) without which no rule can match, and the
    trigger classes of each word."""
    d = lex.data
    spec = d["grammar"]["triggers"]
    ignore = spec.get("ignore") or {}
    classes: dict[str, set] = {}

    def add(cls, keys, which=slice(None)):
        skip = set(ignore.get("all", ())) | set(ignore.get(cls, ()))
        for key in keys:
            for w in str(key).lower().split()[which]:
                if len(w) > 1 and w not in skip:
                    classes.setdefault(w, set()).add(cls)
    add("month", lex.months)
    add("weekday", lex.weekdays)
    add("unit", lex.units)
    add("period", list(lex.anaphoric) + list(lex.halves), slice(-1, None))
    add("deictic", lex.deictic, slice(-1, None))
    add("part", lex.parts)
    add("season", lex.seasons)
    add("ref", lex.references, slice(-1, None))
    add("holiday", lex.holidays)
    add("clock", lex.clock_words)
    add("setadv", lex.set_adverbs)
    add("decade", d["decades"])
    for cls, words in (spec.get("words") or {}).items():
        add(cls, words)
    rx = re.compile(rf"(?<![\w])(?:(?P<w>(?:{alternation(classes)})s?(?![\w]))"
                    rf"|(?P<digits>{spec['digits']})|(?P<clock>{spec['clock']}))", re.IGNORECASE)
    return rx, classes


@lru_cache(maxsize=None)
def compiled(lang: str = "en"):
    """(rule name, trigger classes, compiled pattern) in priority order, and the trigger regex."""
    lex = lexicon(lang)
    blocks = _blocks(lex)
    out = []
    for rule in lex.data["grammar"]["rules"]:
        pattern = _expand(rule["pattern"], blocks)
        # Every match starts at the start of a word: saying so first spares the engine the
        # alternatives at every other position.
        out.append((rule["name"], frozenset(rule["triggers"]), re.compile(r"(?<!\w)" + pattern, re.IGNORECASE)))
    return tuple(out), _triggers(lex)


def _windows(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger class, the merged stretches of text around its trigger words."""
    _, (rx, classes) = compiled(lang)
    spans: dict[str, list[list[int]]] = {}
    n = len(text)
    for m in rx.finditer(text):
        kind = m.lastgroup
        if kind == "w":
            w = m.group().lower()
            found = classes.get(w) or classes.get(w[:-1]) or ()
        else:
            found = (kind,)
        s, e = max(m.start() - LEFT, 0), min(m.end() + RIGHT, n)
        while s > 0 and text[s - 1].isalnum():
            s -= 1
        while e < n and text[e].isalnum():
            e += 1
        for cls in found:
            lst = spans.setdefault(cls, [])
            if lst and s <= lst[-1][1]:
                lst[-1][1] = max(lst[-1][1], e)
            else:
                lst.append([s, e])
    return {k: [tuple(x) for x in v] for k, v in spans.items()}


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(windows):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def find(text: str, lang: str = "en", accept=None) -> list[Hit]:
    """Every rule's matches that `accept(hit)` keeps, then the longest non-overlapping ones
    (ties: rule order). Rules run only around their trigger words."""
    rules, _ = compiled(lang)
    windows = _windows(text, lang)
    hits = []
    for order, (name, classes, rx) in enumerate(rules):
        for ws, we in _merge([w for c in classes for w in windows.get(c, ())]):
            for m in rx.finditer(text, ws, we):
                start, end = m.span()
                while end > start and text[end - 1] in " \t\n,":
                    end -= 1
                if end <= start or not any(c.isalnum() for c in text[start:end]):
                    continue
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                hit = Hit(name, start, end, groups)
                if accept is None or accept(hit):
                    hits.append((-(end - start), order, start, hit))
    hits.sort(key=lambda h: (h[0], h[1], h[2]))
    taken: list[Hit] = []
    used = bytearray(len(text))  # characters already in a kept match
    for _, _, _, hit in hits:
        if used.find(1, hit.start, hit.end) < 0:
            used[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
            taken.append(hit)
    return sorted(taken, key=lambda h: h.start)
