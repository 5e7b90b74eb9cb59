"""Generic agents ("Malian soldiers", "the military government") and roles ("the air force chief")
coded to a country and sector from `data/agents.yaml` and the gazetteer spans in the phrase."""
from __future__ import annotations

from bisect import bisect_left

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..nlp.gazetteer import SPANS_KEY
from .lexicon import entry

SOURCE = "agents.yaml"


@dataclass(frozen=True)
class Term:
    text: str
    kind: str            # agent | role
    sector: str | None
    title: bool = False  # a role written before a name: "General Diarra"
    plural: bool = False
    standalone: bool = True  # False: only a title before a name ("Justice X", never "justice")

    @property
    def evidence(self) -> str:
        return f"{SOURCE}:{self.kind}s:{self.text}"


def _plurals(term: str) -> list[str]:
    words = term.split()
    last = words[-1]
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "sh", "ch", "x")):
        forms = [last + "es"] if not last.endswith("s") else []
    else:
        forms = [last + "s"]
    return [" ".join(words[:-1] + [f]) for f in forms]


@lru_cache(maxsize=1)
def terms() -> dict[str, Term]:
    data = resources.load(SOURCE)
    out: dict[str, Term] = {}
    for sector, words in data["agents"].items():
        for word in words:
            out.setdefault(word, Term(word, "agent", sector))
            for p in _plurals(word):
                out.setdefault(p, Term(word, "agent", sector, plural=True))
    for sector, roles in data["roles"].items():
        for role in roles:
            word = role["term"]
            out[word] = Term(word, "role", sector, bool(role.get("title")), standalone=role.get("standalone", True))
            for p in _plurals(word):  # "officials", "commanders": a group, coded as an agent
                out.setdefault(p, Term(word, "agent", sector, plural=True))
    return out


class TermMatcher:
    """Finds agent and role terms (case-insensitive), longest first."""

    def __init__(self, nlp):
        self.terms = terms()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for text in self.terms:
            self.matcher.add(text, [nlp.make_doc(text)])

    def __call__(self, doc: Doc) -> list[tuple[Span, Term]]:
        from spacy.util import filter_spans

        spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.matcher(doc)]
        return [(s, self.terms[s.label_]) for s in filter_spans(spans)]


@dataclass
class Coding:
    country: str | None = None
    sector: str | None = None
    evidence: list[str] = field(default_factory=list)
    countries: tuple[str, ...] = ()  # an identity's candidate countries, when no country is named


def _gazetteer_in(doc: Doc, start: int, end: int):
    """Gazetteer names in a token range, less those inside a longer place name the NER kept
    ("London" in "New London"); names inside organisations stay ("Malian" in "Malian Air Force")."""
    places, spans, starts = _indexed(doc)
    for k in range(bisect_left(starts, start), len(spans)):
        span = spans[k]
        if span.start >= end:
            break
        if span.end <= end and not any(a <= span.start and span.end <= b for a, b in places):
            yield span


def _indexed(doc: Doc):
    """The NER's own place names and the gazetteer spans (sorted by start) of a parsed document,
    computed once per document: `doc.ents` walks every token on each access, and phrases are coded
    by the thousand in long texts."""
    if _LAST[0] is not doc:
        places = [(e.start, e.end) for e in doc.ents if not e.kb_id_ and e.label_ in ("GPE", "LOC", "FAC")]
        spans = sorted(doc.spans.get(SPANS_KEY, []), key=lambda s: (s.start, s.end))
        _LAST[:] = [doc, (places, spans, [s.start for s in spans])]
    return _LAST[1]


_LAST: list = [None, None]   # the document last indexed, and its index (documents are coded one at a time)


def country_in(doc: Doc, start: int, end: int, coding: Coding) -> None:
    """Fill coding.country from the first country-bearing name between token start and end."""
    for span in _gazetteer_in(doc, start, end):
        e = entry(span.kb_id_)
        if e is None:
            continue
        if e.country and not coding.country:
            coding.country = e.country
            coding.evidence.append(e.source)
        elif e.kind == "identity" and not coding.countries:
            coding.countries = e.countries
            coding.evidence.append(e.source)


def _pobjs(token: Token, preps: tuple[str, ...]) -> list[tuple[int, int]]:
    return [(g.left_edge.i, g.right_edge.i + 1) for child in token.children
            if child.dep_ == "prep" and child.lower_ in preps for g in child.children if g.dep_ == "pobj"]


def _attached_places(head: Token) -> list[tuple[int, int]]:
    """Token ranges of "in/of/from X" attached to a noun or to its participle ("operating in
    Mali"), then of "in X" attached to the verb the noun is subject or object of ("protesters
    marched in eight regions of Niger")."""
    out = _pobjs(head, ("in", "of", "from"))
    for child in head.children:
        if child.dep_ in ("acl", "relcl"):
            out += _pobjs(child, ("in", "from"))
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.pos_ in ("VERB", "AUX"):
        out += _pobjs(head.head, ("in", "across", "inside"))
    return out


# A generic head ("officials", "chief") takes a more specific sector from its modifiers:
# "military officials" MIL, "police chief" POL, "intelligence officials" SPY.
_GENERIC = {None, "GOV"}


def _modifier_sector(doc: Doc, start: int, end: int, head: Token, term: Term | None) -> Term | None:
    vocab = terms()
    term_start = head.i - (len(term.text.split()) - 1 if term else 0)
    for tok in doc[start:end]:
        if term_start <= tok.i <= head.i:
            continue
        for n in (3, 2, 1):
            text = doc[tok.i: min(tok.i + n, end)].text.lower()
            t = vocab.get(text)
            if t and t.sector and t.sector not in _GENERIC and tok.i + n <= head.i + 1:
                return t
    return None


def _named_actor(doc: Doc, start: int, end: int, term_start: int, term_end: int):
    """The first named organisation inside a phrase ("the U.N. special envoy", "IS fighters"),
    outside the agent term itself ("Malian military" in "Malian military government" is not)."""
    for span in _gazetteer_in(doc, start, end):
        if span.start < term_end and term_start < span.end:
            continue
        e = entry(span.kb_id_)
        if e is not None and e.kind in ("actor", "outlet") and e.sector:
            return e
    return None


def code_phrase(doc: Doc, start: int, end: int, head: Token, term: Term | None) -> Coding:
    """Country and sector of the phrase doc[start:end] whose head noun is `head`."""
    coding = Coding(sector=term.sector if term else None)
    if term:
        coding.evidence.append(term.evidence)
    term_start = head.i - (len(term.text.split()) - 1 if term else 0)
    org = _named_actor(doc, start, end, term_start, head.i + 1)
    if org is not None and coding.sector in _GENERIC:
        # Someone of a named organisation is coded as it is; an international body's envoy
        # "for Syria" is not Syrian.
        coding.sector, coding.country = org.sector, org.country
        coding.evidence.append(org.source)
        return coding
    if coding.sector in _GENERIC:
        modifier = _modifier_sector(doc, start, end, head, term)
        if modifier:
            coding.sector = modifier.sector
            coding.evidence.append(modifier.evidence)
    country_in(doc, start, end, coding)
    if not coding.country:
        for s, e in _attached_places(head):
            country_in(doc, s, e, coding)
            if coding.country:
                break
    return coding


def left_phrase(head: Token) -> tuple[int, int]:
    """Token range of a noun with its left modifiers: "the Malian military government"."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "npadvmod", "advmod"):
            start = min(start, child.left_edge.i)
    return start, head.i + 1


def _country_span(doc: Doc, i: int):
    """The gazetteer name of a country covering token i alone ("Malian", "US"), with its entry."""
    for span in _gazetteer_in(doc, i, i + 1):
        e = entry(span.kb_id_)
        if e is not None and e.country and e.kind != "outlet":
            return span, e
    return None


_LIST_JOINS = {",", "and", "or", "&", "/"}


def shared_head_countries(doc: Doc, start: int, head: Token) -> list[tuple[Span, object]]:
    """Country words coordinated over one head noun, in text order, when they name two countries
    or more: "French and Malian troops", "US, British and French jets". A bare first conjunct the
    parser split off as a noun of its own counts too ("Nigerien and Chadian armed forces" read as
    Nigerien + forces): it is elliptical for the same head."""
    found = [x for i in range(start, head.i) if (x := _country_span(doc, i)) and x[0].start == i]
    linked = found[-1:]
    for span, e in reversed(found[:-1]):   # a run of names joined by commas and "and" / "or"
        gap = doc[span.end:linked[0][0].start]
        if not len(gap) or any(t.lower_ not in _LIST_JOINS for t in gap):
            break
        linked.insert(0, (span, e))
    if linked and not any(t.lower_ in ("and", "or", "&") for t in doc[linked[0][0].end:linked[-1][0].start]):
        linked = []
    if found and head.dep_ == "conj" and head.head.i < start:
        first = head.head
        split = _country_span(doc, first.i)
        if split and len(split[0]) == 1 and all(c.dep_ in ("cc", "punct", "conj") for c in first.children):
            linked = [split] + (linked or found[:1])
    return linked if len({e.country for _, e in linked}) >= 2 else []
