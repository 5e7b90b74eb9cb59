"""`eventwire_gazetteer`: a spaCy component that runs the actor lexicon over the text and merges
its matches with the statistical NER, so that countries, capitals, demonyms and known
organisations are never mislabelled (the small English model tags "Mali" and "Niger" PERSON).

Every gazetteer span carries its lexicon key as `kb_id_` (e.g. `country:MLI`), which later
stages turn into an actor and into `evidence`. All matches, including those nested inside a
longer NER name, are kept in `doc.spans["ew_gazetteer"]` for the actor coder.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..actors.lexicon import lexicon

SPANS_KEY = "ew_gazetteer"
_COUNTRYISH = {"country", "capital", "demonym", "identity", "seat", "region"}


def _variants(surface: str) -> set[str]:
    out = {surface, surface.replace("'", "\u2019"), surface.replace("\u2019", "'")}
    if len(surface) > 3 and not surface.isupper():
        out.add(surface.upper())  # headlines in capitals
    return out


def _more_name(ent: Span, inner: list[Span]) -> bool:
    """Whether an NER name has capitalised words beyond the gazetteer names inside it."""
    covered = {i for g in inner for i in range(g.start, g.end)}
    return any(t.text[:1].isupper() and t.is_alpha for t in ent if t.i not in covered)


@Language.factory("eventwire_gazetteer", requires=["doc.ents"], assigns=["doc.ents", "doc.spans"])
def make_gazetteer(nlp: Language, name: str):
    return Gazetteer(nlp, name)


class Gazetteer:
    def __init__(self, nlp: Language, name: str = "eventwire_gazetteer"):
        self.name = name
        entries, by_name = lexicon()
        self.entries = entries
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        keys: dict[str, list] = {}
        for surface, key in by_name.items():
            for variant in _variants(surface):
                keys.setdefault(key, []).append(variant)
        for key, surfaces in keys.items():
            self.matcher.add(key, list(nlp.tokenizer.pipe(sorted(set(surfaces)))))

    def match(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=self.entries[key].label, kb_id=key))
        return filter_spans(spans)

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.match(doc)
        doc.spans[SPANS_KEY] = gaz
        kept_ner, dropped_gaz = [], set()
        for ent in doc.ents:
            inner = [g for g in gaz if g.start < ent.end and ent.start < g.end]
            if not inner:
                kept_ner.append(ent)
                continue
            contained = all(ent.start <= g.start and g.end <= ent.end for g in inner)
            only_countryish = all(self.entries[g.kb_id_].kind in _COUNTRYISH for g in inner)
            # "Chad Smith", "Bank of Mali", "New London" keep their longer name; "Mali" (PERSON),
            # "the Central African Republic" (LOC) or "northern Mali" give way to the gazetteer.
            if contained and only_countryish and _more_name(ent, inner):
                kept_ner.append(ent)
                dropped_gaz.update((g.start, g.end) for g in inner)
        final = [g for g in gaz if (g.start, g.end) not in dropped_gaz] + kept_ner
        doc.ents = filter_spans(final)
        return doc
