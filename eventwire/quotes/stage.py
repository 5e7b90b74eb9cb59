"""The quotes stage: `resolve(doc, analysis)` fills `analysis.quotes`.

1. Cues are found in the parse (`cues.py`); each gets its content (`indirect.py`) and speaker
   (`speakers.py`): these are the indirect quotes. What a cue reports stays on its line (the
   parser runs headlines without a full stop into the next line) and ends before another cue's
   participle (", adding that ...").
2. Quotation marks are paired (`marks.py`) and each marked quote is attributed (`direct.py`):
   direct, partial within a reported clause, or a scare quote in the outlet's voice. Speech
   reported inside a direct quote is part of it, not a quote of its own.
3. A quote opening a sentence with no cue floats: it takes the speaker and cue of the quote before
   it in the same or the previous paragraph.
Everything is bounded by the neighbourhood of each quote or cue, so the time is linear in the
text whatever it holds.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from ..entities.model import Entity
from ._tree import children
from .cues import Cue, find_cues, reporting_hits
from .direct import Resolver, merge_continuations
from .entity_index import NAMED_TYPES, EntityIndex
from .indirect import content_span
from .lexicon import Lexicon, lexicon
from .marks import QUOTE_CHARS, pair_quotes
from .record import DocText, Quote, copy_speaker
from .speakers import cue_speaker, inverted_speaker, relative_mention, set_speaker, verb_speaker

MAX_CONTENT = 3000   # characters a reported clause may reach from its cue
_TAIL_TOKENS = 120   # how far into a reported clause another cue may cut it short
_NARRATION = {"he", "she", "they", "it"}
_OUTER_LOOKBACK = 8  # reported clauses that may hold a cue: the nearest ones starting before it


def resolve(doc: Doc, analysis) -> None:
    """The stage function (eventwire/stages.py): fill `analysis.quotes`."""
    analysis.quotes = find_quotes(doc, analysis.entities, analysis.article.language or "en")


def find_quotes(doc: Doc, entities: list[Entity], lang: str = "en") -> list[dict]:
    """Quotes of a parsed document as `eventwire.analysis/1` dicts, speakers linked to `entities`."""
    lex = lexicon(lang)
    text = doc.text
    marked = pair_quotes(text)
    txt = DocText(doc, marked)
    named = [(m.start, m.end) for e in entities if e.type in NAMED_TYPES for m in e.mentions]
    cues = find_cues(doc, lex, named) if lex is not None else []
    index = EntityIndex(doc, entities, lambda char: txt.quote_at(char) is not None,
                        frozenset(c.token.i for c in cues if c.token is not None))
    indirect = _attributions(doc, lex, txt, index, cues) if lex is not None else []
    indirect = _drop_nested(indirect, lex)
    resolver = Resolver(txt, lex, index, cues, indirect)
    direct = [resolver.resolve(m) for m in marked]
    quotes = resolver.indirect() + direct
    _float(quotes, txt)
    quotes = merge_continuations(quotes, txt)
    quotes.sort(key=lambda q: (q.start, -q.end))
    for i, q in enumerate(quotes, 1):
        q.id = f"q{i}"
    hits = reporting_hits(doc, lex) if lex is not None else []
    hit_starts = [h[0].idx for h in hits]
    out = [_to_dict(q, text, hits, hit_starts) for q in quotes]
    for q, d in zip(quotes, out):
        if q.cue is not None and held_view(q, lex):
            d["attitude"] = True   # a view, plan or stand held, not words said: a reader may want speech only
    return out


def _attributions(doc: Doc, lex: Lexicon, txt: DocText, index: EntityIndex,
                  cues: list[Cue]) -> list[Quote]:
    out = []
    cue_tokens = {c.token.i for c in cues if c.kind == "verb"}
    for cue in cues:
        if cue.content is not None:
            span, rule = cue.content, f"rule:{cue.kind}-line"
        else:
            tokens, rule = content_span(cue, lex)
            if tokens:
                tokens = _before_next_cue(doc, tokens, cue, cue_tokens)
            span = txt.chars(*tokens) if tokens else None
        if span is None:
            continue
        # A parse may run a headline into the next line: what a cue reports stays on its line,
        # and within MAX_CONTENT characters of the cue (a run of text with no punctuation).
        lo, hi = txt.paragraph_bounds(cue.start)
        lo, hi = max(lo, cue.start - MAX_CONTENT), min(hi, cue.end + MAX_CONTENT)
        span = _strip(txt.text, max(span[0], lo), min(span[1], hi))
        if span is None:
            continue
        q = Quote(span[0], span[1], "indirect", cue, evidence=[*cue.evidence, rule])
        if cue.speaker is not None:  # dash and colon lines: the words themselves
            q.speaker_span = cue.speaker
            q.speaker_head = cue_speaker(cue, txt, lex)
            q.entities = _line_entities(cue.speaker, index)
        else:
            head = cue_speaker(cue, txt, lex)
            if head is not None and not lo <= head.idx < hi:
                head = None
            set_speaker(q, head, index)
            relative_mention(q, cue)
            if head is None and cue.kind == "verb" and q.end <= cue.start and not _told(cue, lex):
                inverted_speaker(q, cue, index, speaking=True)  # '“...,” opined the Plain Dealer': the parse's object
        out.append(q)
    return out


def _told(cue: Cue, lex: Lexicon) -> bool:
    """Whether the cue's object is who was told ("..., told Fox News"), never who speaks."""
    entry = lex.verb(cue.token.lower_, cue.token.lemma_.lower())
    return lex.frame(entry.text if entry else cue.token.lemma_.lower()).object == "addressee"


# Content read off a cue's object or prepositional phrase: an act on a thing ("opposed the bill"),
# which inside another reported clause is part of what that clause reports.
_THING_RULES = {"rule:object-content", "rule:prep-content"}


def held_view(q: Quote, lex: Lexicon | None) -> bool:
    """The cue holds a view, a plan or a stand ("believes that", "plans to", "backs the bill", "is
    confident that", "seemed to") rather than saying something."""
    cue = q.cue
    if cue.kind in ("adjective", "impression"):
        return True
    if lex is None or cue.kind != "verb" or cue.token is None:
        return False
    entry = lex.verb(cue.token.lower_, cue.token.lemma_.lower())
    return entry is not None and entry.text in lex.attitude


def _drop_nested(quotes: list[Quote], lex: Lexicon | None) -> list[Quote]:
    """What is reported inside a reported clause is part of it, not another quote, when its cue
    only holds a view or names a speech act: "He says he expects a good night", "she said his
    promise of free college was empty" (an attitude verb, a cue noun, a source preposition), or
    when the cue acts on a thing rather than reporting a proposition: "said he opposed the bill",
    "said she would not endorse his candidacy" (its content is its object or a prepositional
    phrase). A speech verb with a clause inside keeps its own quote ("said that experts say ...")."""
    if lex is None:
        return quotes

    def weak(q: Quote) -> bool:
        return q.cue.kind in ("noun", "source", "according") or held_view(q, lex)

    def inner(q: Quote) -> bool:
        return weak(q) or any(e in _THING_RULES for e in q.evidence)

    outer = sorted(((q.start, q.end) for q in quotes if q.cue.kind == "verb" and not weak(q)))
    starts = [a for a, _ in outer]
    out = []
    for q in quotes:
        if inner(q):
            k = bisect_right(starts, q.cue.start)
            if any(a <= q.cue.start and q.cue.end <= b for a, b in outer[max(0, k - _OUTER_LOOKBACK):k]):
                continue
        out.append(q)
    return out


def _before_next_cue(doc: Doc, tokens: tuple[int, int], cue: Cue, cue_tokens: set[int]) -> tuple[int, int] | None:
    """A reported clause ends before ", telling ...", ", adding that ...": another cue's own
    participial clause that the parse hung inside it."""
    start, end = tokens
    if cue.token is None or cue.token.i > start:
        return tokens
    speaker = verb_speaker(cue.token) if cue.kind == "verb" else None
    for k in range(start + 1, min(end, start + _TAIL_TOKENS)):
        tok = doc[k]
        if tok.dep_ == "cc" and cue.kind == "verb" and _speaker_goes_on(tok, cue.token, start, end):
            return start, k
        if doc[k - 1].text != "," or k - 1 <= start:
            continue
        if k in cue_tokens and tok.tag_ == "VBG":
            return start, k - 1
        # "said X, and he railed against ...": the narration goes on about the speaker
        if tok.dep_ == "cc" and k + 1 < end:
            verb = next((c for c in children(tok.head) if c.dep_ == "conj" and c.i > k), None)
            subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None) if verb is not None else None
            # "argued that X, and that he is best placed ...": a second complement clause, not narration
            second = verb is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in children(verb))
            if subj is not None and not second and (subj.lower_ in _NARRATION or (
                    speaker is not None and subj.lower_ == speaker.lower_)):
                return start, k - 1
    return tokens


def _speaker_goes_on(cc: Token, cue: Token, start: int, end: int) -> bool:
    """"said he makes $41,000 a year and questioned how ...": a verb with no subject of its own,
    coordinated inside the reported clause, that has the form of the cue ("said ... questioned")
    and not of the verb it hangs on ("makes"), tells what the speaker did next."""
    head = cc.head
    verb = next((c for c in children(head) if c.dep_ == "conj" and c.i > cc.i), None)
    return (verb is not None and start <= head.i < end and head.i != cue.i and verb.pos_ == "VERB"
            and verb.tag_ == cue.tag_ and head.tag_ != cue.tag_
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(verb)))


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return (start, end) if end > start else None


def _line_entities(span: tuple[int, int], index: EntityIndex) -> list[Entity]:
    hits = index.covering(*span)
    return [min(hits, key=lambda h: h[1] - h[0])[2]] if hits else []


def _float(quotes: list[Quote], txt: DocText) -> None:
    """A quote opening its sentence with no cue of its own takes the speaker and the cue of the
    quote before it, direct or indirect, in the same or the previous paragraph, and passes them
    on to the next floating quote: 'Diarra said ...¶“We are ready.”'."""
    last = None
    for q in sorted(quotes, key=lambda q: q.start):
        if q.cue is not None:
            if not q.scare and q.within is None and (q.entities or q.speaker_span):
                last = q
            continue
        if q.kind != "direct" or q.scare or not _opens_sentence(q, txt.text):
            continue
        end = max(last.end, last.cue.end) if last is not None else 0
        if last is not None and txt.paragraph(q.start) - txt.paragraph(end) <= 1:
            copy_speaker(q, last)
            q.cue = last.cue
            q.follows = last
            q.evidence = [*last.cue.evidence, "rule:floating-quote"]
            last = q


_OPENING_AFTER = set(".!?\u2026:")
_CLOSING_WORDS = set(".!?\u2026,;:-\u2013\u2014") | set(QUOTE_CHARS)


def _opens_sentence(q: Quote, text: str) -> bool:
    """Whether a quote with no cue stands as speech of its own: it opens its paragraph or a
    sentence (after a full stop, not after a comma: "One of his books, “Waziristan”" names a
    title), and its words end like a sentence, not like a title or a subheading run into the
    text ("'Hostility is directed at women' Khoshbo believes ...")."""
    m = q.mark
    if m is None:
        return False
    j = m.start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    while j >= 0 and text[j] in QUOTE_CHARS and j > 0 and text[j - 1] in _OPENING_AFTER:
        j -= 1  # '... at work.” “We ...'
    if j >= 0 and text[j] != "\n" and text[j] not in _OPENING_AFTER:
        return False
    words = text[m.inner_start:m.inner_end].rstrip()
    return bool(words) and (words[-1] in _CLOSING_WORDS or not m.closed)


def _to_dict(q: Quote, text: str, hits, hit_starts: list[int]) -> dict:
    cue = q.cue
    out = {"id": q.id, "text": text[q.start:q.end], "start": q.start, "end": q.end, "kind": q.kind,
           "speaker": q.entities[0].id if q.entities else None,
           "speaker_text": text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None,
           "speaker_start": q.speaker_span[0] if q.speaker_span else None,
           "speaker_end": q.speaker_span[1] if q.speaker_span else None,
           "cue": cue.to_dict() if cue is not None else None,
           "scare": q.scare,
           "reporting": _reporting(q, hits, hit_starts),
           "evidence": q.evidence}
    if len(q.entities) > 1:
        out["speakers"] = [e.id for e in q.entities]
    if q.parts:
        out["parts"] = [{"start": s, "end": e, "text": text[s:e]} for s, e in q.parts]
    if q.within is not None and q.within.id:
        out["within"] = q.within.id
    if q.follows is not None and q.follows.id:
        out["follows"] = q.follows.id
    return out


def _reporting(q: Quote, hits, hit_starts: list[int]) -> list[dict]:
    """Reporting adverbs and phrases inside the quote or on its cue ("reportedly said",
    "claimed responsibility")."""
    found = hits[bisect_left(hit_starts, q.start):bisect_left(hit_starts, q.end)]
    cue_tok = q.cue.token if q.cue is not None else None
    if cue_tok is not None:
        near = hits[bisect_left(hit_starts, cue_tok.left_edge.idx):bisect_right(hit_starts, cue_tok.idx)]
        found = found + [h for h in near if h[0].i == cue_tok.i or h[0].head.i == cue_tok.i]
    out = {}
    for first, last, entry in found:
        start, end = first.idx, last.idx + len(last.text)
        out.setdefault(start, {"text": first.doc[first.i:last.i + 1].text, "start": start, "end": end,
                               "stance": entry.stance})
    return [out[k] for k in sorted(out)]
