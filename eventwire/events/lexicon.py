"""Ontology lookup: a language's verb-pattern file (`data/verbs/<lang>.yaml`) and the code tables
of `data/cameo.yaml` (CAMEO codes with Goldstein score, quad class and PLOVER equivalent; ACLED's
taxonomy and coding rules). Loaded once per process and language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import resources

CAMEO_FILE = "cameo.yaml"


def verbs_file(lang: str) -> str:
    return f"verbs/{lang}.yaml"


@dataclass(frozen=True)
class Pattern:
    """One entry of the verb-pattern file, for one part of speech and head word."""

    id: str
    pos: str                      # VERB | NOUN | ADJ
    head: str                     # lemma (or lower-case form) of the trigger word
    words: tuple[str, ...]        # other words of the phrase, all required near the trigger
    needs: tuple[frozenset, ...]  # each group: at least one of its words near the trigger
    unless: frozenset             # none of these words near the trigger
    cameo: str
    family: str | None = None     # the trigger takes an event complement that refines its code
    embedded: str | None = None   # what the trigger says of that complement: hypothetical|negated|denied|attributed|asserted
    acled: str | None = None      # ACLED rule name (cameo.yaml acled.rules)
    mode: str | None = None       # PLOVER mode override
    context: tuple[str, ...] = ()
    roles: tuple = ()             # (("source", (slot, ...)), ("target", (slot, ...)))
    requires: tuple[str, ...] = ()  # argument slots that must be present
    subject_any: frozenset = frozenset()  # one of these words in the subject ("peacekeepers arrived")
    subject_unless: frozenset = frozenset()  # none of these in the subject ("troops marched" is no protest)
    patient_unless: frozenset = frozenset()  # not when every patient is one of these ("killed three cattle")
    generic: bool = False         # a generic violence verb: a more specific noun in its clause wins
    light: bool = False           # a noun that is an event only after a light verb ("carried out an operation")
    reciprocal: bool = False      # both sides are actors ("X and Y clashed"): targets stay with the source
    needs_are_events: bool = False  # its `needs` words are events of their own ("claimed the ambush")
    needs_met_by_place: bool = False  # a place name as its object meets its `needs` ("seized Kidal")
    specificity: int = 0
    examples: tuple[str, ...] = ()

    def role(self, name: str) -> tuple[str, ...] | None:
        for key, slots in self.roles:
            if key == name:
                return slots
        return None


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float
    quad: int
    plover: str | None
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True)
class Instrument:
    id: str
    terms: tuple[str, ...]
    cameo: str | None
    mode: str | None
    acled: str | None


@dataclass
class Lexicon:
    lang: str
    version: str
    patterns: list[Pattern]
    index: dict[tuple[str, str], list[Pattern]]
    light_verbs: frozenset
    instruments: list[Instrument]
    lists: dict[str, frozenset]                  # named word lists (status cues, target classes, ...)
    numbers: dict[str, float]
    vague: dict[str, tuple[int | None, int | None]]
    vague_acled: dict[str, int]                  # ACLED's point for a vague quantity
    casualty: dict[str, dict[str, str]]          # kind -> {"verbs": ..., "nouns": ..., "adjs": ...}
    codes: dict[str, CodeInfo]
    families: dict[str, dict]
    acled_rules: dict[str, dict]
    acled_types: dict[str, str]                  # sub-event type -> event type
    acled_pre2019: dict[str, str]
    plover_quad: dict[str, int]
    place_targets: dict = field(default_factory=dict)           # cameo.yaml place_targets
    inflections: dict[str, str] = field(default_factory=dict)   # inflected form -> pattern head
    evidence_file: str = ""
    _raw: dict = field(default_factory=dict, repr=False)

    def lookup(self, pos: str, word: str) -> list[Pattern]:
        return self.index.get((pos, word), [])

    def info(self, code: str) -> CodeInfo:
        return self.codes[code]

    def target_is_place(self, code: str) -> bool:
        """Whether a toponym this event acts on is its place (cameo.yaml `place_targets`)."""
        spec = self.place_targets
        return self.info(code).quad in (spec.get("quads") or ()) or code in (spec.get("codes") or ())

    def refine(self, family: str, base: str | None) -> str | None:
        """The code of a `family` trigger ("threatened to ...") whose complement codes `base`."""
        table = self.families.get(family) or {}
        by = table.get("by_base") or {}
        if base:
            for n in range(len(base), 1, -1):
                hit = by.get(base[:n])
                if hit:
                    return hit
        return table.get("default")

    def in_list(self, name: str, word: str) -> bool:
        return word in self.lists.get(name, ())


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


_PARTICLES = {"in", "out", "up", "down", "away", "off", "over", "on", "back"}
_NOUN_PREPS = {"of", "to", "on", "in", "for", "against", "with", "by"}


def _hyphen_parts(word: str, noun: bool = False) -> tuple[str, list[str]]:
    """spaCy splits "de-escalate", "test-fire", "sit-in": (the part heading the word, the others).
    The last part heads it, unless it is a particle of a verb ("pull-out"); the parser makes the
    last part of a noun its head ("a sit-in": "in", with "sit" a compound)."""
    parts = [p for p in word.split("-") if p]
    if len(parts) < 2:
        return word, []
    if parts[-1] in _PARTICLES and not noun:
        return parts[0], parts[1:]
    return parts[-1], parts[:-1]


def _phrase(pos: str, text: str) -> tuple[str, tuple[str, ...]]:
    """(head, other words) of a pattern phrase. Verbs lead ("break off relations", "sexually
    abuse" -> abuse); a noun phrase ends in its head ("suicide attack") or has it before its first
    preposition ("state of emergency", "attempt on his life")."""
    words = [w.lower() for w in text.split()]
    if pos == "NOUN":
        i = next((k for k, w in enumerate(words) if k > 0 and w in _NOUN_PREPS), None)
        if i is not None:
            head, rest = words[i - 1], words[:i - 1] + words[i + 1:]
        else:
            head, rest = words[-1], words[:-1]
    elif len(words) > 1 and words[0].endswith("ly"):   # "sexually abuse", "forcibly displace"
        head, rest = words[1], [words[0]] + words[2:]
    else:
        head, rest = words[0], words[1:]
    head, extra = _hyphen_parts(head, noun=pos == "NOUN")
    flat = list(extra)
    for w in rest:
        h, x = _hyphen_parts(w)
        flat += [h] + x
    drop = ("the", "a", "an", "of", "to") if pos != "VERB" else ("the", "a", "an")
    return head, tuple(w for w in flat if w not in drop)


def _load_codes(data: dict) -> dict[str, CodeInfo]:
    roots = data["roots"]
    codes = {}
    for code, spec in roots.items():
        codes[code] = CodeInfo(code, spec["name"], float(spec["goldstein"]), int(spec["quad"]), None, None, ())
    for code, spec in data["codes"].items():
        quad = int(roots[code[:2]]["quad"])
        codes[code] = CodeInfo(code, spec["name"], float(spec["goldstein"]), quad, spec.get("plover"),
                               spec.get("mode"), tuple(spec.get("context") or ()))
    return codes


@lru_cache(maxsize=1)
def acled_taxonomy() -> dict[str, str]:
    """ACLED sub-event type -> event type."""
    acled = resources.load(CAMEO_FILE)["acled"]
    return {sub: et for et, subs in acled["event_types"].items() for sub in subs}


@lru_cache(maxsize=None)
def load(lang: str = "en") -> Lexicon:
    cameo = resources.load(CAMEO_FILE)
    raw = resources.load(verbs_file(lang))
    codes = _load_codes(cameo)
    patterns: list[Pattern] = []
    index: dict[tuple[str, str], list[Pattern]] = {}
    for entry in raw["patterns"]:
        code = str(entry["cameo"])
        if code not in codes:
            raise ValueError(f"{verbs_file(lang)}:{entry['id']}: unknown CAMEO code {code}")
        roles = tuple((k, tuple(_as_list(v))) for k, v in (entry.get("roles") or {}).items())
        examples = tuple(_as_list(entry.get("examples")) + _as_list(entry.get("example")))
        groups = [_as_list(entry.get("needs_any"))] + [_as_list(g) for g in _as_list(entry.get("needs"))]
        needs = tuple(frozenset(str(w).lower() for w in g) for g in groups if g)
        common = dict(
            id=entry["id"], needs=needs, unless=frozenset(w.lower() for w in _as_list(entry.get("unless"))),
            cameo=code, family=entry.get("family"), embedded=entry.get("embedded"), acled=entry.get("acled"),
            mode=entry.get("mode"), context=tuple(_as_list(entry.get("context"))), roles=roles,
            requires=tuple(_as_list(entry.get("requires"))), generic=bool(entry.get("generic")),
            subject_any=frozenset(str(w).lower() for w in _as_list(entry.get("subject_any"))),
            subject_unless=frozenset(str(w).lower() for w in _as_list(entry.get("subject_unless"))),
            patient_unless=frozenset(str(w).lower() for w in _as_list(entry.get("patient_unless"))),
            reciprocal=bool(entry.get("reciprocal")), needs_are_events=bool(entry.get("needs_are_events")),
            needs_met_by_place=bool(entry.get("needs_met_by_place")),
            examples=examples)
        extra = len(needs) + len(_as_list(entry.get("requires"))) + (3 if entry.get("subject_any") else 0)
        for pos, key in (("VERB", "verb"), ("NOUN", "noun"), ("ADJ", "adj")):
            light = bool(entry.get("light")) or (pos == "NOUN" and bool(entry.get("light_nouns_only")))
            for text in _as_list(entry.get(key)):
                head, words = _phrase(pos, str(text))
                variants = [(head, words)]
                if "-" in str(text) and len(str(text).split()) == 1:   # the tokenizer may keep "cease-fire" whole
                    variants.append((str(text).lower(), ()))
                for h, w in variants:
                    p = Pattern(pos=pos, head=h, words=w, light=light, specificity=2 * len(w) + extra, **common)
                    patterns.append(p)
                    index.setdefault((pos, h), []).append(p)
    for plist in index.values():  # most specific first; file order breaks ties
        plist.sort(key=lambda p: -p.specificity)
    inflections = {}
    for pos, head in index:
        for form in _inflect(head, pos):
            inflections.setdefault(form, head)
    for form, head in (raw.get("irregular_forms") or {}).items():
        if any((pos, str(head).lower()) in index for pos in ("VERB", "NOUN")):
            inflections.setdefault(str(form).lower(), str(head).lower())
    instruments = [Instrument(i["id"], tuple(t.lower() for t in i["terms"]), i.get("cameo"), i.get("mode"),
                              i.get("acled")) for i in raw.get("instruments") or []]
    lists = {name: frozenset(str(w).lower() for w in words) for name, words in (raw.get("lists") or {}).items()}
    nums = {str(k).lower(): float(v) for k, v in (raw.get("numbers") or {}).items()}
    vague = {str(k).lower(): (v[0], v[1]) for k, v in (raw.get("vague_quantities") or {}).items()}
    vague_acled = {str(k).lower(): v[2] for k, v in (raw.get("vague_quantities") or {}).items() if len(v) > 2}
    casualty = {kind: {part: frozenset(w.lower() for w in words) for part, words in spec.items()}
                for kind, spec in (raw.get("casualties") or {}).items()}
    acled = cameo["acled"]
    acled_types = {sub: et for et, subs in acled["event_types"].items() for sub in subs}
    return Lexicon(
        lang=lang, version=str(raw.get("version")), patterns=patterns, index=index,
        light_verbs=frozenset(w.lower() for w in raw.get("light_verbs") or []),
        instruments=instruments, lists=lists, numbers=nums, vague=vague, vague_acled=vague_acled, casualty=casualty,
        codes=codes, families=cameo.get("families") or {}, acled_rules=acled["rules"],
        acled_types=acled_types, acled_pre2019=acled["pre2019"],
        plover_quad={k: int(v["quad"]) for k, v in cameo["plover"].items()},
        place_targets=cameo.get("place_targets") or {},
        evidence_file=verbs_file(lang), inflections=inflections, _raw=raw)


def _inflect(word: str, pos: str) -> list[str]:
    """Regular inflections of a pattern head, for words the lemmatizer gets wrong ("raped")."""
    if not word.isalpha() or len(word) < 3:
        return []
    # "-es" only after a hiss or an "o" ("clashes", "marches", "vetoes"): "sit" + "es" is "sites"
    forms = [word + "s"] + ([word + "es"] if word.endswith(("s", "x", "z", "ch", "sh", "o")) else [])
    if pos == "VERB":
        if word.endswith("e"):
            forms += [word + "d", word[:-1] + "ing"]
        elif word.endswith("y") and word[-2] not in "aeiou":
            forms += [word[:-1] + "ied", word[:-1] + "ies", word + "ing"]
        else:
            forms += [word + "ed", word + "ing", word + word[-1] + "ed", word + word[-1] + "ing"]
    return forms
