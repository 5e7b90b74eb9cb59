"""Cue detection: the words that report speech ("said", "denied", "according to", "reportedly",
the dash of "... – official"), each with its stance and the lexicon entry that names it."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ._tree import children, rights
from .lexicon import Entry, Lexicon
from .marks import CLOSING_MARKS, TRANSCRIPT_NAME

VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
# A dash quote ends its line after a few words: "... – official", "... – Russian MFA".
MAX_DASH_SPEAKER_WORDS = 5
MAX_DASH_LINE = 400      # a headline's length: longer lines are signed quotations or nothing
MAX_SIGNED_LINE = 3000
MAX_COLON_SPEAKER_TOKENS = 8


@dataclass
class Cue:
    start: int                 # character offsets of the cue words
    end: int
    text: str
    stance: str
    # verb | adjective | impression | noun | according | reporting | dash | colon | title
    kind: str
    token: Token | None        # the cue's head token (None for dash, colon and title cues found by line)
    evidence: list[str] = field(default_factory=list)
    negated: bool = False
    # For line cues (dash, colon) the content and speaker are known from the line itself.
    content: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None

    def to_dict(self) -> dict:
        out = {"text": self.text, "start": self.start, "end": self.end, "stance": self.stance}
        if self.negated:
            out["negated"] = True
        return out


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in VERB_TAGS


def verb_entry(tok: Token, lex: Lexicon) -> Entry | None:
    if not is_verb(tok):
        return None
    return lex.verb(tok.lower_, tok.lemma_.lower())


def _verb_cue(tok: Token, entry: Entry, lex: Lexicon) -> Cue:
    end_tok = tok
    for child in children(tok):  # "pointed out", "summed up"
        if child.dep_ == "prt" and child.i == end_tok.i + 1:
            end_tok = child
    stance = entry.stance
    evidence = [entry.source]
    frame = lex.frame(entry.text)
    for prep, phrasal_stance in frame.phrasal:
        # "called for talks"; "called for the US to act", where the parse makes "for" a conjunction
        if any((c.dep_ == "prep" and c.lower_ == prep) or (c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ == prep for g in children(c))) for c in children(tok)):
            stance = phrasal_stance
            evidence.append(f"{entry.source}:{prep}")
            break
    negated = any(c.dep_ == "neg" for c in children(tok))
    words = tok.text if end_tok.i == tok.i else tok.doc[tok.i:end_tok.i + 1].text
    return Cue(tok.idx, end_tok.idx + len(end_tok.text), words, stance, "verb", tok, evidence, negated)


def _according(doc: Doc, lex: Lexicon) -> list[Cue]:
    out = []
    for entry in lex.according:
        words = entry.words
        n = len(words)
        first = words[0]
        for tok in doc:
            if tok.lower_ != first or tok.i + n > len(doc):
                continue
            if all(doc[tok.i + k].lower_ == words[k] for k in range(1, n)):
                last = doc[tok.i + n - 1]
                out.append(Cue(tok.idx, last.idx + len(last.text), doc[tok.i:last.i + 1].text,
                               entry.stance, "according", tok, [entry.source]))
    return out


def reporting_hits(doc: Doc, lex: Lexicon) -> list[tuple[Token, Token, Entry]]:
    """Reporting adverbs and phrases: (first token, last token, entry), in order."""
    by_first: dict[str, list[Entry]] = {}
    for entry in lex.reporting:
        by_first.setdefault(entry.words[0], []).append(entry)
    out = []
    for tok in doc:
        for entry in by_first.get(tok.lower_, ()):
            words = entry.words
            if tok.i + len(words) <= len(doc) and all(doc[tok.i + k].lower_ == words[k] for k in range(1, len(words))):
                out.append((tok, doc[tok.i + len(words) - 1], entry))
                break
    return out


def _source_in(doc: Doc, lex: Lexicon) -> list[Cue]:
    """"In a CNN poll, Clinton led ...", "ahead in the new poll": a preposition whose object is a
    source that speaks by itself (`sources` in the lexicon) reports the clause it modifies,
    unless that clause has a cue verb of its own ("In a statement, the army denied ...").
    A plural names polls in general, a standing rather than a finding anyone reports ("ahead in
    the polls", "slid in polls"): on PolNeAR three such clauses in four are not attributions."""
    out = []
    for tok in doc:
        if tok.lower_ not in lex.source_preps or tok.dep_ != "prep":
            continue
        pobj = next((c for c in children(tok) if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in lex.source_nouns or pobj.tag_ == "NNS":
            continue
        node = tok.head
        for _ in range(4):  # the verb of the clause ("a decisive lead in the polls": has)
            if is_verb(node) or node.head.i == node.i:
                break
            node = node.head
        if not is_verb(node) or verb_entry(node, lex) is not None:
            continue
        out.append(Cue(tok.idx, tok.idx + len(tok.text), tok.text, lex.source_stance, "source", tok,
                       [f"cues/{lex.lang}.yaml:sources:{pobj.lemma_.lower()}"]))
    return out


def _noun_cue(tok: Token, entry: Entry) -> Cue:
    return Cue(tok.idx, tok.idx + len(tok.text), tok.text, entry.stance, "noun", tok, [entry.source])


def that_clause(tok: Token) -> Token | None:
    """The head of a that-clause complementing a noun ("the claim that ...")."""
    for child in rights(tok):
        if child.dep_ in ("acl", "ccomp", "appos", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in children(child)):
            return child
    return None


# "of" names the author, not the content, after these: "the report of the commission".
_OF_AUTHOR = {"report", "statement", "message", "testimony", "note", "view", "theory", "concern", "belief", "argument"}


def of_content(noun: Token, pobj: Token) -> bool:
    """Whether a cue noun's "of" object is what was said ("denial of involvement"), not who said
    it ("the report of the commission", "the statement of Mali")."""
    return noun.lemma_.lower() not in _OF_AUTHOR and pobj.pos_ not in ("PROPN", "PRON")


def noun_complement(tok: Token, preps: frozenset[str] = frozenset()) -> tuple[Token, str] | None:
    """What a cue noun reports: its that-clause ("the claim that ..."), its to-infinitive
    ("Trump's proposal to ban ..."), what its "of" names ("Kerry's announcement of the
    figure", "denial of involvement") or what it is about (`preps`: "his comments about the
    wall"), with the rule that found it."""
    clause = that_clause(tok)
    if clause is not None:
        return clause, "rule:noun-that-clause"
    for child in rights(tok):
        if child.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(child)):
            return child, "rule:noun-infinitive"
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((g for g in children(child) if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and of_content(tok, pobj):
                return pobj, "rule:noun-of"
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((g for g in children(child) if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.pos_ != "PRON":
                return pobj, "rule:noun-prep"
    return None


def _touches(named: list[tuple[int, int]], starts: list[int], lo: int, hi: int, inside: bool) -> bool:
    """Whether a name span lies within [lo, hi) (inside) or overlaps it (a name the tokenizer
    glued to the mark before it: '”―Awa Traore')."""
    k = bisect_left(starts, lo)
    if not inside and k > 0 and named[k - 1][1] > lo:
        return True
    while k < len(named) and named[k][0] < hi:
        if not inside or named[k][1] <= hi:
            return True
        k += 1
    return False


def _dash_cue(doc: Doc, lex: Lexicon, lo: int, line: str, named, starts) -> Cue | None:
    """"African nation counting on Russian tech – official": the words after the dash name a
    speaker word of the lexicon or a name. A quotation signed with a dash ('“...” ― Name', as
    under an epigraph or a reader's comment) may fill a whole paragraph."""
    m = lex.dash_re.search(line.rstrip().rstrip("."))
    if m is None:
        return None
    if len(line) > MAX_DASH_LINE and line[:m.start(1)].rstrip()[-1:] not in CLOSING_MARKS:
        return None
    tail = m.group(2).strip()
    words = tail.split()
    s_start = lo + m.start(2)
    s_end = s_start + len(tail)
    if len(words) > MAX_DASH_SPEAKER_WORDS or re.search(r"[.!?,;:]", tail) or not (
            any(w.lower().strip("’'s") in lex.headline_speakers for w in words)
            or _touches(named, starts, s_start, s_end, inside=False)):
        return None
    text = line
    c_start, c_end = 0, m.start(1)
    while c_start < c_end and text[c_start].isspace():
        c_start += 1
    while c_end > c_start and text[c_end - 1].isspace():
        c_end -= 1
    if c_end <= c_start or not _signature(doc, s_start, s_end) or (
            text[c_end - 1] not in CLOSING_MARKS and _sentences(doc, lo + c_start, lo + c_end) > 1):
        return None
    d = lo + m.start(1)
    return Cue(d, d + len(m.group(1)), m.group(1), "assert", "dash", None, [f"cues/{lex.lang}.yaml:headline:dashes"],
               content=(lo + c_start, lo + c_end), speaker=(s_start, s_end))


def _signature(doc: Doc, start: int, end: int) -> bool:
    """Words after a dash that sign a line: a name or a speaker's noun phrase ("– official",
    "― Awa Traore"), not an aside that goes on with the sentence ("-- and yet he tripped again",
    "— this time in Oklahoma", "- possibly a security official"): no verb, and not opened by a
    conjunction, a preposition, an adverb, a pronoun or a determiner other than an article."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    return first.pos_ not in _ASIDE_OPENERS and not (first.pos_ == "DET" and first.lower_ not in _ARTICLES) \
        and not any(t.pos_ in ("VERB", "AUX") for t in span)


_ASIDE_OPENERS = {"CCONJ", "SCONJ", "ADP", "ADV", "PRON"}
_ARTICLES = {"a", "an", "the"}


def _sentences(doc: Doc, start: int, end: int) -> int:
    """How many sentences of the parse begin in [start, end) (a headline is one)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return 0 if span is None else sum(1 for t in span if t.is_sent_start) + (0 if span[0].is_sent_start else 1)


def _colon_cue(doc: Doc, lex: Lexicon, lo: int, line: str, named, starts, transcript: set[str],
               names: set[str]) -> Cue | None:
    """"General Diarra: We are ready" and transcripts ("PENCE: Well, ..."): the words before
    the colon are a name (or a speaker word), with no verb; a name the parse missed in a headline
    ("Sanders: ...") counts when the document names it elsewhere (`names`). The outlet's own
    notes (`rubrics`: "Editor's note: ...") and tallies ("Clinton: 1,769.") are nobody's words."""
    colon = line.find(":", 0, 120)
    if colon <= 0:
        return None
    head = line[:colon].strip().lstrip("\"\u201c")
    rest = line[colon + 1:].strip()
    if not (rest and head and head[:1].isupper() and len(head.split()) <= MAX_COLON_SPEAKER_TOKENS):
        return None
    s_start = lo + line.index(head)
    s_end = s_start + len(head)
    span = doc.char_span(s_start, s_end, alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") for t in span) or span[-1].lower_ in lex.rubrics:
        return None
    if not any(c.isalpha() for c in rest):
        return None  # "Clinton: 1,769.": a tally, not words said
    if not (head in transcript or head.lower() in lex.headline_speakers or head.lower() in names
            or _touches(named, starts, s_start, s_end, inside=True)):
        return None
    c_start = lo + colon + 1 + (len(line[colon + 1:]) - len(line[colon + 1:].lstrip()))
    return Cue(lo + colon, lo + colon + 1, ":", "assert", "colon", None, [f"cues/{lex.lang}.yaml:headline:colon"],
               content=(c_start, lo + len(line.rstrip())), speaker=(s_start, s_end))


# an opening mark may stand before the name: a transcript quoted paragraph by paragraph ('"PENCE: ...')
_TRANSCRIPT = re.compile(r"^\s*[\"\u201c]?(" + TRANSCRIPT_NAME + "):")


_TITLE_WORD = re.compile(r"[^\W\d_][\w\u2019'-]*")
MAX_TITLE_WORDS = 20
TITLE_CAPITALS = 0.7  # share of capitalised words that makes a line a headline in title case
_INFLECTED = ("s", "ed", "ing")


def _title_cue(lex: Lexicon, lo: int, line: str, named, starts, taken: list[int]) -> Cue | None:
    """"Carly Fiorina Endorses Ted Cruz": a headline in title case, which the parse often reads
    as one long name. An inflected cue verb ("Endorses", "Slams", "Dismissed"; not a bare form,
    which is as often a noun: "Debate", "Plan") after a name or a speaker word reports the rest
    of the line, its speaker the words before it; unless the parse found a cue on the line."""
    words = list(_TITLE_WORD.finditer(line))
    capitals = sum(w.group()[0].isupper() for w in words)
    if not 3 <= len(words) <= MAX_TITLE_WORDS or capitals < TITLE_CAPITALS * len(words):
        return None
    k = bisect_left(taken, lo)
    if k < len(taken) and taken[k] < lo + len(line):
        return None
    for n, w in enumerate(words[1:], 1):
        form = w.group().lower()
        entry = lex.forms.get(form)
        if entry is None or form == entry.text or not form.endswith(_INFLECTED):
            continue
        if words[n - 1].group().lower().endswith(("\u2019s", "'s")):
            return None  # "Clinton's Attacks On ...": a noun after a possessive
        s_start, s_end = lo + words[0].start(), lo + words[n - 1].end()
        if not (any(x.group().lower() in lex.headline_speakers for x in words[:n])
                or _touches(named, starts, s_start, s_end, inside=False)):
            return None
        c_start, c_end = w.end(), len(line.rstrip(" .!?"))
        while c_start < c_end and line[c_start].isspace():
            c_start += 1
        if c_end <= c_start:
            return None
        return Cue(lo + w.start(), lo + w.end(), w.group(), entry.stance, "title", None,
                   [f"cues/{lex.lang}.yaml:headline:title_verbs"], content=(lo + c_start, lo + c_end),
                   speaker=(s_start, s_end))
    return None


def _line_cues(doc: Doc, lex: Lexicon, named: list[tuple[int, int]], taken: list[int]) -> list[Cue]:
    """Headline-style "... – official", "Name: ..." and title-case "Name Endorses X" lines;
    `taken` are the sorted starts of the cues the parse found."""
    named = sorted(named)
    starts = [a for a, _ in named]
    lines = doc.text.split("\n")
    # A name in capitals that opens two lines or more is a transcript's speaker ("PENCE:").
    heads = [m.group(1) for m in map(_TRANSCRIPT.match, lines) if m]
    transcript = {h for h in heads if heads.count(h) > 1} if len(heads) < 1000 else set()
    # the words of the names, for headline names the parse missed
    text = doc.text   # built anew on every access: once, not once per name
    names = {w.lower() for a, b in named for w in text[a:b].split() if w[:1].isupper() and len(w) > 2}
    out, lo = [], 0
    for line in lines:
        if line.strip():
            cue = _dash_cue(doc, lex, lo, line, named, starts) if lex.dash_re and len(line) <= MAX_SIGNED_LINE else None
            cue = cue or (_colon_cue(doc, lex, lo, line, named, starts, transcript, names) if lex.colon else None)
            cue = cue or (_title_cue(lex, lo, line, named, starts, taken) if lex.title_verbs else None)
            if cue is not None:
                out.append(cue)
        lo += len(line) + 1
    return out


_PERSONAL = {"i", "we", "you", "he", "she", "they", "it", "who"}
_SUBJECTS = ("nsubj", "nsubjpass")


def _holder(tok: Token) -> Token | None:
    """Who holds an attitude: the verb's subject, the noun a relative clause modifies ("voters
    who believe ..."), or the subject of the verb it is coordinated with."""
    node = tok
    for _ in range(3):
        subj = next((c for c in children(node) if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.lower_ in ("who", "that") and node.dep_ == "relcl":
                return node.head
            return subj
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def attitude_cue(tok: Token, lex: Lexicon, named: list[tuple[int, int]], starts: list[int],
                 lemma: str | None = None) -> bool:
    """A cognition or attitude verb ("believe", "want", "support") reports only a proposition:
    a clausal complement with its own subject or a "that" ("she believes (that) it is over",
    "wants voters to know"), held by a person or an organisation; never a bare object ("he saw
    the fire") nor an infinitive of the holder's own ("knows to wait"), but for the verbs of
    `attitude.objects`, whose object is a stand ("the union backs the bill"), and of
    `attitude.intentions`, whose own infinitive is a plan ("the ministry plans to reopen it").
    A passive keeps the reading of other cues ("is believed to"). `lemma` is the lexicon's
    (the model lemmatises "hoping" as "hop")."""
    if any(c.dep_ == "nsubjpass" for c in children(tok)):
        return True  # "X is believed to have ...", "it is expected that ...": reported, by nobody named
    lemma = lemma or tok.lemma_.lower()
    if lemma in lex.attitude_objects and any(c.dep_ == "dobj" for c in children(tok)):
        return _held_by_speaker(_holder(tok), lex, named, starts)
    if lex.frame(lemma).object == "predicate" and _small_clause(tok):
        return _held_by_speaker(_holder(tok), lex, named, starts)  # "sees Cruz as a uniter": a view held
    own = lemma in lex.intentions  # "plans to run": the infinitive is the plan
    # "is looking to win" is a plan, "looks to be ahead" an impression
    stative = lex.stative_infinitives if lemma in lex.impressions else frozenset()

    def proposition(g: Token) -> bool:
        return g.dep_ in _SUBJECTS or (g.dep_ == "mark" and g.lower_ == "that") or (
            own and g.dep_ == "aux" and g.lower_ == "to" and not stative & _verb_group(g.head))

    if not any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i and any(proposition(g) for g in children(c))
               for c in children(tok)):
        return False
    return _held_by_speaker(_holder(tok), lex, named, starts)


def _verb_group(verb: Token) -> set[str]:
    """The lemmas of a verb and its auxiliaries ("to have won": have, win)."""
    return {verb.lemma_.lower()} | {c.lemma_.lower() for c in children(verb) if c.dep_ in ("aux", "auxpass")}


def _small_clause(tok: Token) -> bool:
    """An object with its predicate ("sees the deal as a surrender", "considers him a liar"):
    a proposition without a verb of its own."""
    obj = next((c for c in children(tok) if c.dep_ == "dobj"), None)
    return obj is not None and any(c.i > obj.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))
                                   for c in children(tok))


def adjective_cue(tok: Token, lex: Lexicon, named: list[tuple[int, int]], starts: list[int]) -> Entry | None:
    """"She is confident (that) it will pass", "they were not sure whether ...": an adjective of a
    held view (`attitude.adjectives`) with a clause of its own, its holder the subject of the
    copula, a person or an organisation as for attitude verbs. Not "it is clear that ..."
    (no holder), nor "sure to win" (an infinitive is no proposition)."""
    entry = lex.adjectives.get(tok.lower_)
    if entry is None or tok.pos_ != "ADJ" or tok.dep_ not in ("acomp", "conj"):
        return None
    if not any(c.dep_ == "ccomp" and c.i > tok.i and any(
            g.dep_ in _SUBJECTS or (g.dep_ == "mark" and g.lower_ in ("that", "whether", "if")) for g in children(c))
            for c in children(tok)):
        return None
    head = tok.head if tok.dep_ == "acomp" else tok.head.head
    return entry if _held_by_speaker(_holder(head), lex, named, starts) else None


def _held_by_speaker(holder: Token | None, lex: Lexicon, named: list[tuple[int, int]],
                     starts: list[int]) -> bool:
    """Whether an attitude's holder is a person or an organisation: a personal pronoun, a noun of
    `holders` or of headline speakers, a name (or a proper noun, or a capitalised word inside its sentence)."""
    if holder is None:
        return False
    if holder.pos_ == "PRON":
        return holder.lower_ in _PERSONAL
    words = lex.holders | lex.headline_speakers
    return holder.lemma_.lower() in words or holder.lower_ in words or holder.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
        _touches(named, starts, holder.left_edge.idx, holder.idx + len(holder.text), inside=False) or _capitalised(holder)


def _capitalised(tok: Token) -> bool:
    """A proper noun is a name even when the entity recogniser missed it ("Cruz looks to ease
    ..."), and so is a capitalised word inside a sentence the tagger took for a common noun ("But
    Okafors believes ..."); at a sentence's start, capitals alone say nothing."""
    return tok.pos_ == "PROPN" or (tok.is_title and tok.is_alpha and tok.i > tok.sent.start and not tok.ent_type_)


def _framed(tok: Token, frame) -> bool:
    """Whether a verb has what its frame says is content: one of its prepositions, or an object."""
    return any((c.dep_ == "prep" and c.lower_ in frame.preps) or (frame.object and c.dep_ == "dobj")
               for c in children(tok))


def find_cues(doc: Doc, lex: Lexicon, named: list[tuple[int, int]]) -> list[Cue]:
    """Every cue of the document, in order. `named` are the character spans of names of people and
    organisations (for attitude verbs and line cues)."""
    out = []
    spans = sorted(named)
    starts = [a for a, _ in spans]
    for tok in doc:
        entry = verb_entry(tok, lex)
        if entry is not None and entry.text in lex.attitude and not attitude_cue(tok, lex, spans, starts, entry.text):
            entry = None
        if entry is not None and not lex.frame(entry.text).bare and not _framed(tok, lex.frame(entry.text)):
            entry = None  # "spoke to reporters" is a meeting; "spoke about the wall" reports
        # not "pledged delegates", nor an act named inside a charge ("accused it of favouring ...")
        # "refused to discuss the nominees", "wants voters to know ...": the infinitive is what
        # the cue before it reports, not a report of its own
        if entry is not None and tok.dep_ in ("xcomp", "ccomp") and verb_entry(tok.head, lex) is not None and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)):
            entry = None
        if entry is not None and tok.dep_ not in ("amod", "compound") and not (
                tok.dep_ == "pcomp" and entry.stance == "praise"):
            out.append(_verb_cue(tok, entry, lex))
            continue
        if tok.lemma_.lower() in lex.impressions and is_verb(tok) and any(
                c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(c))
                for c in children(tok)):
            # "Clinton appeared to be ahead": an impression, reported by nobody named
            out.append(Cue(tok.idx, tok.idx + len(tok.text), tok.text, "claim", "impression", tok,
                           [f"cues/{lex.lang}.yaml:attitude:impressions:{tok.lemma_.lower()}"],
                           any(c.dep_ == "neg" for c in children(tok))))
            continue
        if tok.pos_ == "ADJ" and lex.adjectives:
            aentry = adjective_cue(tok, lex, spans, starts)
            if aentry is not None:
                out.append(Cue(tok.idx, tok.idx + len(tok.text), tok.text, aentry.stance, "adjective", tok,
                               [aentry.source], any(c.dep_ == "neg" for c in children(tok.head))))
                continue
        if tok.pos_ == "NOUN":
            nentry = lex.nouns.get(tok.lemma_.lower())
            if nentry is not None and noun_complement(tok, lex.noun_preps) is not None:
                out.append(_noun_cue(tok, nentry))
    out += _according(doc, lex)
    out += _source_in(doc, lex)
    for first, last, entry in reporting_hits(doc, lex):
        # "officials reportedly claimed": recorded on the claim's quote, not a quote of its own
        if len(entry.words) == 1 and first.dep_ == "advmod" and verb_entry(first.head, lex) is None:
            out.append(Cue(first.idx, last.idx + len(last.text), first.text, entry.stance, "reporting", first,
                           [entry.source]))
    out += _line_cues(doc, lex, named, sorted(c.start for c in out))
    out.sort(key=lambda c: c.start)
    return out
