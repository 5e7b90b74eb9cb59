"""The words of one language for time expressions (`data/times/LANG.yaml`), loaded once.

`lexicon(lang)` gives lookup tables (lower-cased name -> value) and regular-expression
alternations built from them, so that the grammar holds no word of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources


@dataclass(frozen=True)
class Lexicon:
    lang: str
    data: dict
    months: dict          # "aug" -> 8
    weekdays: dict        # "thu" -> 4
    cased: frozenset      # lower-cased names that count only when capitalised
    seasons: dict         # "fall" -> {"code": "FA", "months": [...]}
    parts: dict           # "night" -> "NI"
    clock_words: dict     # "noon" -> "12:00"
    deictic: dict         # "yesterday" -> {"offset": -1}
    relative: dict        # "last" -> {"shift": -1}
    modifiers: dict       # "late" -> "END"
    approx: frozenset
    bounds: frozenset
    units: dict           # "weeks" -> ("week", spec)
    directions: dict      # "ago" -> {"sign": -1, "anchor": "publication"}
    references: dict      # "now" -> "PRESENT_REF"
    set_adverbs: dict     # "daily" -> "P1D"
    holidays: dict        # "christmas day" -> (id, spec)
    anaphoric: dict       # "the latest quarter" -> {"unit": "quarter", "shift": 0}
    halves: dict          # "first half" -> "H1"
    ordinals: dict        # "third" -> 3
    numbers: dict         # "twenty" -> 20 (units, tens, scales)
    articles: dict        # "a couple of" -> 2
    vague: frozenset

    def alt(self, *tables, extra=()) -> str:
        """A regex alternation of the keys of `tables`, longest first, spaces flexible."""
        words = set(extra)
        for t in tables:
            words.update(t)
        return alternation(words)


def alternation(words) -> str:
    """A regex matching any of `words`, as a character trie (fast in Python's engine, longest
    alternative first); spaces match any whitespace, apostrophes straight or curly."""
    trie: dict = {}
    for w in {str(w).lower() for w in words}:
        node = trie
        for ch in re.sub(r"\s+", " ", w.replace("’", "'")):
            node = node.setdefault(ch, {})
        node[""] = True
    return _emit(trie) if trie else "(?!)"


def _emit(node: dict) -> str:
    alts = []
    for ch, sub in sorted((k, v) for k, v in node.items() if k):
        atom = r"\s+" if ch == " " else "['’]" if ch == "'" else re.escape(ch)
        alts.append(atom + _emit(sub))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else f"(?:{body})"


def _names(table: dict) -> dict:
    out = {}
    for value, names in table.items():
        for n in names:
            out[n.lower()] = int(value)
    return out


@lru_cache(maxsize=None)
def lexicon(lang: str = "en") -> Lexicon:
    d = resources.load(f"times/{lang}.yaml")
    units = {}
    for key, spec in d["units"].items():
        for n in spec["names"]:
            units[n.lower()] = (key, spec)
    holidays = {}
    for key, spec in d["holidays"].items():
        for n in spec["names"]:
            holidays[n.lower().replace("’", "'")] = (key, spec)
    refs = {w.lower(): code for code, words in d["references"].items() for w in words}
    nums = d["numbers"]
    return Lexicon(
        lang=lang, data=d,
        months=_names(d["months"]), weekdays=_names(d["weekdays"]),
        cased=frozenset(w.lower() for w in d.get("cased", [])),
        seasons={k.lower(): v for k, v in d["seasons"].items()},
        parts={k.lower(): v for k, v in d["parts_of_day"].items()},
        clock_words={k.lower(): v for k, v in d["clock_words"].items()},
        deictic={k.lower(): v for k, v in d["deictic_days"].items()},
        relative={k.lower(): v for k, v in d["relative_words"].items()},
        modifiers={k.lower(): v for k, v in d["modifiers"].items()},
        approx=frozenset(w.lower() for w in d["approximators"]["approx"]),
        bounds=frozenset(w.lower() for w in d["approximators"]["bounds"]),
        units=units,
        directions={k.lower(): v for k, v in d["direction_words"].items()},
        references=refs,
        set_adverbs={k.lower(): v for k, v in d["sets"]["adverbs"].items()},
        holidays=holidays,
        anaphoric={k.lower(): v for k, v in d["periods"]["anaphoric"].items()},
        halves={k.lower(): v for k, v in d["periods"]["halves"].items()},
        ordinals={k.lower(): v for k, v in d["ordinals"].items()},
        numbers={**nums["units"], **nums["tens"], **nums["scales"]},
        articles={k.lower(): v for k, v in nums["articles"].items()},
        vague=frozenset(w.lower() for w in nums["vague"]),
    )


def norm(text: str) -> str:
    """Lower-case, single spaces, straight apostrophes, no trailing dot: the key for lookups."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().rstrip(".").lower()


def number(text: str, lex: Lexicon) -> float | None:
    """The value of a written quantity ("three", "twenty-four", "2 1/2", "a couple of");
    None for a vague one ("several") or what cannot be read. Never raises."""
    t = norm(text).replace("-", " ")
    if not t or t in lex.vague:
        return None
    if t in lex.articles:
        return lex.articles[t]
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", t.replace(",", ""))
    if m:
        try:
            v = float(m.group(1))
            if m.group(2) and int(m.group(3)):
                v += int(m.group(2)) / int(m.group(3))
            return v if v < 1e6 else None
        except (ValueError, OverflowError):
            return None
    total, current = 0, 0
    for w in t.split():
        if w in lex.data["numbers"].get("joiners", ()):
            continue
        if lex.articles.get(w) == 1 and current == 0:  # "a hundred"
            current = 1
            continue
        if w not in lex.numbers:
            return None
        v = lex.numbers[w]
        if v >= 100:
            current = max(current, 1) * v
            if v >= 1000:
                total, current = total + current, 0
        else:
            current += v
    return float(total + current) or None
