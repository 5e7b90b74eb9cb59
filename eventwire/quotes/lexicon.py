"""The cue lexicon of a language (`data/cues/<lang>.yaml`), loaded once per process."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import resources
from .marks import CLOSING_MARKS

STANCES = ("assert", "claim", "deny", "accuse", "warn", "ask", "praise", "concede", "confirm")


@dataclass(frozen=True)
class Frame:
    """Where a cue verb's content is besides a clause (see the file's header)."""
    object: str | tuple[str, ...] | None = None   # content | addressee | speech | (lemmas)
    preps: tuple[str, ...] = ()
    phrasal: tuple[tuple[str, str], ...] = ()
    excluded: tuple[str, ...] = ()
    to: bool = False
    subjects: tuple[str, ...] = ()   # the object is content only after a subject headed by one of these
    bare: bool = True                # False: a cue only with its object or one of its preps


@dataclass(frozen=True)
class Entry:
    text: str      # lemma or phrase
    stance: str
    source: str    # evidence name: cues/en.yaml:verbs:say

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())


@dataclass
class Lexicon:
    lang: str
    verbs: dict[str, Entry] = field(default_factory=dict)
    forms: dict[str, Entry] = field(default_factory=dict)   # says, hoped, hoping -> the lemma's entry
    frames: dict[str, Frame] = field(default_factory=dict)
    nouns: dict[str, Entry] = field(default_factory=dict)
    speech_nouns: frozenset[str] = frozenset()
    proforms: frozenset[str] = frozenset()     # "said so", "said the same of X": words standing for what was said
    noun_preps: frozenset[str] = frozenset()   # "questions about X": what a cue noun is about
    verb_preps: frozenset[str] = frozenset()   # "wrote about X": what any cue verb is about
    according: list[Entry] = field(default_factory=list)
    reporting: list[Entry] = field(default_factory=list)
    dashes: tuple[str, ...] = ()
    dash_re: re.Pattern | None = None   # " – official" at the end of a line
    colon: bool = False                 # "Name: ..." lines
    title_verbs: bool = False           # "Name Endorses X" lines in title case
    headline_speakers: frozenset[str] = frozenset()
    rubrics: frozenset[str] = frozenset()   # "Editor's note:": the outlet's own note, no one's words
    # Verbs that dispute what their object says ("rejected the claim that ..."): the claim is
    # not theirs. Derived from the stances.
    disputing: frozenset[str] = frozenset()
    # Cognition and attitude verbs: cues only with a propositional complement and a person or
    # organisation (a name, a personal pronoun or one of `holders`) holding it.
    attitude: frozenset[str] = frozenset()
    holders: frozenset[str] = frozenset()
    # attitude verbs whose holder's own to-infinitive is a proposition too: "plans to run"
    intentions: frozenset[str] = frozenset()
    stative_infinitives: frozenset[str] = frozenset()   # "looks to be": an impression, not a plan
    # attitude verbs whose object is a stand taken: "the union backs the bill"
    attitude_objects: frozenset[str] = frozenset()
    # "the race seemed to tighten": the clause is reported as an impression, by nobody named
    impressions: frozenset[str] = frozenset()
    # "she is confident that ...": adjectives of a held view, cues with a that-clause of their own
    adjectives: dict[str, Entry] = field(default_factory=dict)
    # "In a CNN poll, ...": prepositions whose object, one of `source_nouns`, is the speaker.
    source_preps: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    source_stance: str = "assert"
    # Quotes introduced with no cue verb: a sentence ending in a colon ("X released the following
    # statement: “...”"), and "As X put it, “...”" with a verb of `as_verbs`.
    intro_colon: bool = False
    intro_as: frozenset[str] = frozenset()
    # Quoted names ("on ABC's “This Week”"): the words that may come before one, and the small
    # words a title leaves in lower case.
    title_after: frozenset[str] = frozenset()
    title_small: frozenset[str] = frozenset()
    # "led the chair to announce": verbs whose object, not subject, does what their infinitive says
    controllers: frozenset[str] = frozenset()

    def frame(self, lemma: str) -> Frame:
        return self.frames.get(lemma) or Frame()

    def verb(self, form: str, lemma: str) -> Entry | None:
        """The entry of a verb by its form, then by its lemma: the small English model
        lemmatises "hoping" as "hop", so regular forms are generated from the lemmas."""
        return self.forms.get(form) or self.verbs.get(lemma)


_VOWELS = set("aeiou")


def inflections(lemma: str) -> set[str]:
    """Regular forms of an English verb lemma (irregular ones come from the lemmatizer)."""
    if " " in lemma or not lemma.isalpha():
        return {lemma}
    out = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        out |= {lemma[:-1] + "ied", lemma + "ing"}
    else:
        out |= {lemma + "ed", lemma + "ing"}
        if len(lemma) > 2 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS \
                and lemma[-3] not in _VOWELS:  # admit -> admitted, refer -> referring
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("ie"):
        out.add(lemma[:-2] + "ying")
    return out


def _tuple(value) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


@lru_cache(maxsize=None)
def lexicon(lang: str = "en") -> Lexicon | None:
    """The lexicon of `lang`, or None when the language has no cue file."""
    name = f"cues/{lang}.yaml"
    try:
        data = resources.load(name)
    except FileNotFoundError:
        return None
    lex = Lexicon(lang)
    for stance, lemmas in data.get("verbs", {}).items():
        for lemma in lemmas:
            entry = lex.verbs.setdefault(lemma, Entry(lemma, stance, f"{name}:verbs:{lemma}"))
            for form in inflections(lemma):
                lex.forms.setdefault(form, entry)
    for lemma, spec in (data.get("frames") or {}).items():
        obj = spec.get("object")
        lex.frames[lemma] = Frame(
            object=tuple(obj) if isinstance(obj, list) else obj,
            preps=_tuple(spec.get("preps")),
            phrasal=tuple((str(k), v) for k, v in (spec.get("phrasal") or {}).items()),
            excluded=_tuple(spec.get("except")),
            subjects=_tuple(spec.get("subjects")),
            bare=bool(spec.get("bare", True)),
            to=bool(spec.get("to")))
    for stance, lemmas in (data.get("nouns") or {}).items():
        for lemma in lemmas:
            lex.nouns.setdefault(lemma, Entry(lemma, stance, f"{name}:nouns:{lemma}"))
    lex.speech_nouns = frozenset(data.get("speech_nouns") or ())
    lex.proforms = frozenset(str(w).lower() for w in data.get("proforms") or ())
    lex.noun_preps = frozenset(str(p) for p in data.get("noun_preps") or ())
    lex.verb_preps = frozenset(str(p) for p in data.get("verb_preps") or ())
    lex.according = [Entry(e["text"], e["stance"], f"{name}:according:{e['text']}")
                     for e in data.get("according") or ()]
    lex.reporting = [Entry(e["text"], e["stance"], f"{name}:reporting:{e['text']}")
                     for e in data.get("reporting") or ()]
    headline = data.get("headline") or {}
    lex.dashes = _tuple(headline.get("dashes"))
    if lex.dashes:
        alternatives = "|".join(re.escape(d) for d in sorted(lex.dashes, key=len, reverse=True))
        # after a space, or right after the closing mark of a quotation ('“...”― Name')
        lex.dash_re = re.compile(r"(?:\s|(?<=[" + re.escape(CLOSING_MARKS) + r"]))(" + alternatives
                                 + r")\s+([^\n]{1,80})$")
    lex.colon = bool(headline.get("colon"))
    lex.title_verbs = bool(headline.get("title_verbs"))
    lex.headline_speakers = frozenset(headline.get("speakers") or ())
    lex.rubrics = frozenset(headline.get("rubrics") or ())
    attitude = data.get("attitude") or {}
    lex.attitude = frozenset(attitude.get("verbs") or ())
    lex.holders = frozenset(attitude.get("holders") or ())
    lex.intentions = frozenset(attitude.get("intentions") or ())
    lex.stative_infinitives = frozenset(attitude.get("stative_infinitives") or ())
    lex.attitude_objects = frozenset(attitude.get("objects") or ())
    lex.impressions = frozenset(attitude.get("impressions") or ())
    for stance, lemmas in (attitude.get("adjectives") or {}).items():
        for lemma in lemmas:
            lex.adjectives.setdefault(lemma, Entry(lemma, stance, f"{name}:attitude:adjectives:{lemma}"))
    sources = data.get("sources") or {}
    lex.source_preps = frozenset(sources.get("prepositions") or ())
    lex.source_nouns = frozenset(sources.get("nouns") or ())
    lex.source_stance = sources.get("stance", "assert")
    intro = data.get("introducers") or {}
    lex.intro_colon = bool(intro.get("colon"))
    lex.intro_as = frozenset(intro.get("as_verbs") or ())
    titles = data.get("titles") or {}
    lex.title_after = frozenset(str(w).lower() for w in titles.get("after") or ())
    lex.title_small = frozenset(str(w).lower() for w in titles.get("small_words") or ())
    lex.controllers = frozenset((data.get("speakers") or {}).get("object_control") or ())
    lex.disputing = frozenset(f for f, v in lex.forms.items() if v.stance in ("deny", "accuse"))
    return lex
