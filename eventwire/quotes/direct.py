"""Direct and partial quotes: attributes each pair of quotation marks.

A marked quote is direct when a cue reports it: the cue's parsed content lies inside it ("“...,”
he stated"), or the nearest cue verb outside quotes in its sentence, after it ("“...,” said X") or
before it ("He said: “...”", also across a paragraph that ends with a colon). A marked quote inside
a reported clause is a partial quote of that clause ("claimed that Ukraine had “openly declared
...”"); one that ends a clause after a cue makes that clause ("called them “crazy”"). A few words
in quotes that nobody is reported to say, or written into a definite description in a reported
clause ("carried out the “successful” operation"), are the outlet's own: a scare quote.
“A,” he said, “B.” and “A,” he said. “B.” in one paragraph are one quote in two parts.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from .cues import Cue
from .entity_index import EntityIndex
from .lexicon import Lexicon
from .marks import Marked
from .record import DocText, Quote, copy_speaker, overlap
from .speakers import cue_speaker, inverted_speaker, relative_mention, set_speaker, verb_speaker

AFTER_TOKENS = 12    # how far after a quote its cue may stand ("...," the army's spokesman said)
BEFORE_TOKENS = 30   # how far before it ("The minister told reporters on Thursday: ...")
SCARE_WORDS = 3      # a quote this short, unattributed or after a definite determiner, is the outlet's own
_DEFINITE = {"the", "this", "that", "these", "those", "so-called", "so", "such"}
_SENTENCE_END = {".", "!", "?"}
_LINKING = {",", ":", "\u2014", "\u2013", "-", "--"}


# A cue verb found next to a quote must stand where a reporting verb stands, not inside a noun phrase.
_NOT_SPEECH = {"amod", "compound", "pobj", "dobj", "nsubj", "nsubjpass", "npadvmod", "attr", "acomp"}


def _is_cue_token(tok: Token, cues_by_token: dict[int, Cue]) -> Cue | None:
    cue = cues_by_token.get(tok.i)
    if cue is None or cue.kind != "verb" or tok.dep_ in _NOT_SPEECH:
        return None
    return cue


def _title(m: Marked, text: str, lex: Lexicon | None) -> bool:
    """'on ABC's “This Week”', 'his book “The Art of the Deal”': a quoted name, every word
    capitalised, no punctuation of speech, after a possessive or a word that introduces a name."""
    if lex is None:
        return False
    inner = text[m.inner_start:m.inner_end].strip()
    words = inner.split()
    if not 2 <= len(words) <= 8 or inner[-1:] in ".,;:!?\u2026" or any(c in inner for c in ".!?;"):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in lex.title_small for w in words) or \
            not words[0][:1].isupper():
        return False
    before = text[max(0, m.start - 30):m.start].rstrip().lower().split()
    last = before[-1] if before else ""
    return last.endswith(("'s", "\u2019s")) or last in lex.title_after


def _ends_sentence(m: Marked, text: str) -> bool:
    """Whether a quote closes its own sentence: its words end on a full stop and what follows
    the closing mark starts with a capital ("...at work.” Mhlanga, who faces two charges"): the
    next sentence is the outlet's, and a cue verb in it reports something else. A question or an
    exclamation may still be followed by its cue ("“Who is dead?” Marapira asked")."""
    if m.inner_end <= m.inner_start or text[m.inner_end - 1] not in ".\u2026":
        return False
    j = m.end
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    return j < len(text) and text[j].isupper()


def _after_cue(m: Marked, txt: DocText, cues_by_token) -> Cue | None:
    """The first cue verb after the quote in its sentence."""
    doc = txt.doc
    if _ends_sentence(m, txt.text):
        return None
    i = txt.token_at(m.end)
    for n in range(AFTER_TOKENS):
        if i + n >= len(doc):
            break
        tok = doc[i + n]
        if "\n" in tok.text or txt.quote_at(tok.idx) is not None:
            break
        if tok.text in _SENTENCE_END and n > 0:
            break
        cue = _is_cue_token(tok, cues_by_token)
        if cue is not None:
            return cue
        if "\n" in tok.whitespace_:
            break
    return None


CONTINUATION_CHARS = 300   # how much of the cue's sentence may stand between two parts of a quote
_TITLE_END = re.compile("[.!?][\"'\u201d\u2019]+$")  # a sentence that ends by closing a quoted title


def _continues(first: Quote, second: Quote, txt: DocText) -> bool:
    """Whether `second` goes on with `first` across the cue that stands between them, in one
    paragraph: “A,” he said, “B.”; “A,” said X, a local commander who ... . “B.”; and a reported
    clause before its cue ('A ... of the plan, X said. “B.”'). Between the two parts is the rest of
    the cue's sentence and nothing more: at most the full stop that ends it, which may close a
    quoted title ('he said on “This Week.” “B.”'), and a paragraph break after it: a quotation
    goes on in the next paragraph when that opens with it ('“A,” X said.¶“B.”')."""
    cue = first.cue
    if cue is None or cue.start < first.end or cue.end > second.start:
        return False
    between = txt.text[first.end:second.start]
    # the cue's sentence, less the mark that opens the second part
    sentence = txt.text[first.end:second.mark.start if second.mark is not None else second.start].rstrip()
    if "\n" in sentence or len(between) > CONTINUATION_CHARS:
        return False
    doc = txt.doc
    lo, hi = txt.token_at(first.end), txt.token_before(second.start)
    words = [k for k in range(lo, hi + 1) if not doc[k].is_space and txt.quote_at(doc[k].idx) is None]
    ends = [k for k in words if doc[k].text in _SENTENCE_END]
    if ends and ends[-1] != words[-1] or len(ends) > 1:
        return False
    if ends or _TITLE_END.search(sentence):
        return True
    return "\n" not in between and any(doc[k].text in _LINKING for k in words)


def merge_continuations(quotes: list[Quote], txt: DocText) -> list[Quote]:
    """Joins the parts of one quotation split by its cue into one quote with `parts`. Runs after
    floating quotes took their cue, so a part that opens a sentence after the cue's sentence
    carries the same cue; partial and scare quotes are left as they are."""
    out: list[Quote] = []
    prev = None
    joined: dict[int, Quote] = {}
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if q.scare or q.within is not None:
            out.append(q)
            continue
        if (prev is not None and q.kind == "direct" and (q.cue is None or q.cue is prev.cue)
                and not prev.scare and _continues(prev, q, txt)):
            if not prev.parts:
                prev.parts = [(prev.start, prev.end)]
            prev.parts.extend(q.parts or [(q.start, q.end)])
            prev.end = q.end
            if "rule:quote-around-cue" not in prev.evidence:
                prev.evidence.append("rule:quote-around-cue")
            joined[id(q)] = prev
            continue
        out.append(q)
        prev = q
    for q in out:  # a floating quote that followed a part now follows the whole
        if q.follows is not None:
            q.follows = joined.get(id(q.follows), q.follows)
    return out


def _before_cue(m: Marked, txt: DocText, cues_by_token) -> Cue | None:
    """The nearest cue verb before the quote in its sentence, or at the end of the previous
    paragraph when that one ends with a colon."""
    doc = txt.doc
    i = txt.token_before(m.start)
    if i < 0:
        return None
    first = doc[i]
    if "\n" in first.text or "\n" in first.whitespace_ or first.is_space:
        # The quote opens its paragraph: look back only past a colon that ends the paragraph before.
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0 or doc[i].text != ":":
            return None
    for n in range(BEFORE_TOKENS):
        k = i - n
        if k < 0:
            break
        tok = doc[k]
        if n > 0 and ("\n" in tok.text or "\n" in tok.whitespace_):
            break
        if tok.text in _SENTENCE_END:
            break
        q = txt.quote_at(tok.idx)
        if q is not None and q is not m:
            break
        cue = _is_cue_token(tok, cues_by_token)
        if cue is not None:
            return cue
    return None


def _is_partial(m: Marked, txt: DocText, cue: Cue | None) -> bool:
    """Whether the quote stands inside a sentence of the outlet's rather than opening its own."""
    text = txt.text
    j = m.start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] == "\n":
        return False
    if text[j].isalnum() or text[j] in ")\u2019'":
        if cue is not None and cue.token is not None and cue.end == j + 1:
            return False  # 'He said “We will win.”' with no colon
        return True
    return False


def _scare_by_determiner(m: Marked, txt: DocText) -> bool:
    """A short quoted modifier in a definite description is the outlet's choice of words:
    "carried out the “successful” operation", "the so-called “referendum”"."""
    if len(txt.text[m.inner_start:m.inner_end].split()) > SCARE_WORDS:
        return False
    i = txt.token_before(m.start)
    return i >= 0 and txt.doc[i].lower_ in _DEFINITE


def _turn(q: Quote, txt: DocText) -> bool:
    """'"PENCE: Well, ...': a transcript's speaker named right inside the quote's opening mark."""
    m = txt.quote_at(q.cue.start)
    return q.cue.kind == "colon" and q.cue.speaker is not None and m is not None and \
        q.cue.speaker[0] == m.inner_start


def _direct_from_cue(m: Marked, cue: Cue | None, kind: str, rule: str) -> Quote:
    q = Quote(m.inner_start, m.inner_end, kind, cue, mark=m, evidence=[rule])
    if cue is not None:
        q.evidence = [*cue.evidence, rule]
    return q


def _reports(q: Quote, m: Marked, text: str) -> str | None:
    """How the content of an indirect quote q stands to the marked quote m: "content" when q
    reports just the quoted words (perhaps after "that"), "partial" when the quote is a part of
    a longer reported clause, None otherwise."""
    ov = overlap((q.start, q.end), (m.inner_start, m.inner_end))
    if not ov:
        return None
    left = text[q.start:max(q.start, min(q.end, m.inner_start))]
    right = text[min(q.end, max(q.start, m.inner_end)):q.end]
    words = [w for w in (left + " " + right).split() if any(ch.isalnum() for ch in w)]
    if [w.lower() for w in words] in ([], ["that"]):
        return "content"
    if ov >= 0.9 * (m.inner_end - m.inner_start):
        return "partial"
    if ov >= 0.6 * (q.end - q.start):  # the parse cut the quote's sentence short
        return "content"
    return None


def _prefer_after(m: Marked, text: str) -> bool:
    """A quote that ends on a comma, a question or a dash, or is followed by a lower-case word,
    is attributed after it ("...,” he said)."""
    tail = text[m.inner_end:m.end + 1]
    if any(ch in ",?!\u2014" for ch in tail) or text[m.inner_end - 1:m.inner_end] in ("?", "!"):
        return True
    j = m.end
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    return j < len(text) and text[j].islower()


class Resolver:
    """Attributes each marked quote, against the indirect quotes found in the parse."""

    def __init__(self, txt: DocText, lex: Lexicon | None, index: EntityIndex, cues: list[Cue],
                 indirect: list[Quote]):
        self.txt = txt
        self.lex = lex
        self.index = index
        self.cues_by_token = {c.token.i: c for c in cues if c.token is not None}
        self.by_cue = {id(q.cue): q for q in indirect}
        # Speech reported inside a direct quote ("“I think we will win,” he said") is part of
        # what the quote's speaker says: the quote carries it, not a quote of its own.
        self.outside = sorted((q for q in indirect if txt.quote_at(q.cue.start) is None or _turn(q, txt)),
                              key=lambda q: q.start)
        self.starts = [q.start for q in self.outside]
        self.max_len = max((q.end - q.start for q in self.outside), default=0)
        self.consumed: set[int] = set()
        self.created: list[Quote] = []

    def indirect(self) -> list[Quote]:
        return [q for q in self.outside if id(q) not in self.consumed] + self.created

    def overlapping(self, lo: int, hi: int) -> list[Quote]:
        first = bisect_left(self.starts, lo - self.max_len)
        last = bisect_right(self.starts, hi)
        return [q for q in self.outside[first:last] if overlap((q.start, q.end), (lo, hi)) > 0]

    def resolve(self, m: Marked) -> Quote:
        txt = self.txt
        if _title(m, txt.text, self.lex):
            quote = _direct_from_cue(m, None, "partial", "rule:title")
            quote.scare = True   # 'said on ABC's “This Week”': a name, nobody's words
            return quote
        owner = parent = None
        for q in self.overlapping(m.inner_start, m.inner_end):
            if _turn(q, txt):   # a speaker's turn quoted whole: the words are after the name
                self.consumed.add(id(q))
                quote = _direct_from_cue(m, q.cue, "direct", "rule:quoted-turn")
                quote.start = q.start
                copy_speaker(quote, q)
                return quote
            how = _reports(q, m, txt.text)
            if how == "content" and (owner is None or abs(q.cue.start - m.start) < abs(owner.cue.start - m.start)):
                owner = q
            elif how == "partial" and (parent is None or q.end - q.start < parent.end - parent.start):
                parent = q
        if owner is not None:
            self.consumed.add(id(owner))
            quote = _direct_from_cue(m, owner.cue, "partial" if _is_partial(m, txt, owner.cue) else "direct",
                                     "rule:quote-is-content")
            copy_speaker(quote, owner)
            return quote
        if parent is not None:
            return self._partial(m, parent)
        return self._by_position(m)

    def _partial(self, m: Marked, parent: Quote) -> Quote:
        quote = _direct_from_cue(m, parent.cue, "partial", "rule:partial-in-reported-clause")
        quote.within = parent
        if _scare_by_determiner(m, self.txt):
            quote.cue, quote.scare, quote.evidence = None, True, ["rule:scare-definite-description"]
        else:
            copy_speaker(quote, parent)
        return quote

    def _by_position(self, m: Marked) -> Quote:
        """The nearest cue outside quotes, after or before the quote in its sentence."""
        txt = self.txt
        after = _after_cue(m, txt, self.cues_by_token)
        before = _before_cue(m, txt, self.cues_by_token)
        order = ((after, "after"), (before, "before"))
        if not (_prefer_after(m, txt.text) or before is None):
            order = order[::-1]
        partial_here = _is_partial(m, txt, None)
        for cue, where in order:
            if cue is None:
                continue
            own = self.by_cue.get(id(cue))
            if own is not None and not overlap((own.start, own.end), (m.start, m.end)):
                if where == "before" and partial_here and _just_before(own, m, txt):
                    # the parse cut the reported clause short at the quote: 'said it was his “...”'
                    own.end = max(own.end, _clause_end(m, txt))
                    own.evidence.append("rule:clause-through-quote")
                    return self._partial(m, own)
                continue  # the cue reports something else ("He said the army was ready. “...”")
            if own is not None:
                self.consumed.add(id(own))
            return self._attributed(m, cue, f"rule:cue-{where}-quote", where)
        quote = self._introduced(m) if not partial_here else None
        if quote is not None:
            return quote
        quote = _direct_from_cue(m, None, "partial" if partial_here else "direct", "rule:no-cue")
        if partial_here and len(txt.text[m.inner_start:m.inner_end].split()) <= SCARE_WORDS:
            # a word or two in quotes that nobody is reported to say: the outlet's own
            quote.scare, quote.evidence = True, ["rule:scare-no-speaker"]
        return quote

    def _introduced(self, m: Marked) -> Quote | None:
        """A quote introduced with no cue verb: after a sentence ending in a colon ("The ministry
        released the following statement: “...”") or by "As X put it, “...”". Its speaker is the
        subject of the introducing verb, and only when that names somebody."""
        found = _introducer(m, self.txt, self.lex)
        if found is None:
            return None
        verb, rule = found
        speaker = Quote(0, 0, "indirect", None)
        set_speaker(speaker, verb_speaker(verb), self.index)
        if not speaker.entities:
            return None
        cue = Cue(verb.idx, verb.idx + len(verb.text), verb.text, "assert", "introducer", verb,
                  [f"cues/{self.lex.lang}.yaml:introducers"])
        quote = _direct_from_cue(m, cue, "direct", rule)
        copy_speaker(quote, speaker)
        quote.evidence += [e for e in speaker.evidence if e.startswith("rule:")]
        return quote

    def _attributed(self, m: Marked, cue: Cue, rule: str, where: str) -> Quote:
        txt = self.txt
        partial = _is_partial(m, txt, cue)
        if partial and _scare_by_determiner(m, txt):
            quote = _direct_from_cue(m, None, "partial", "rule:scare-definite-description")
            quote.scare = True
            return quote
        speaker = Quote(0, 0, "indirect", cue)
        head = cue_speaker(cue, txt, self.lex)
        if head is not None and m.start <= head.idx < m.end:
            head = None  # '"Meh," wrote a supporter': the parse took the quoted words for the subject
        set_speaker(speaker, head, self.index)
        relative_mention(speaker, cue)
        if speaker.speaker_head is None and where == "after":
            inverted_speaker(speaker, cue, self.index)
        if partial and where == "before":
            # 'called both of them “crazy”': the quote ends a reported clause that starts after the cue
            parent = Quote(_after_token(cue), _clause_end(m, txt), "indirect", cue,
                            evidence=[*cue.evidence, "rule:clause-through-quote"])
            copy_speaker(parent, speaker)
            self.created.append(parent)
            return self._partial(m, parent)
        quote = _direct_from_cue(m, cue, "partial" if partial else "direct", rule)
        copy_speaker(quote, speaker)
        quote.evidence += [e for e in speaker.evidence if e.startswith("rule:inverted")]
        return quote


def _introducer(m: Marked, txt: DocText, lex: Lexicon | None) -> tuple[Token, str] | None:
    """The verb of the clause that introduces a quote with no cue: the clause ends in a colon
    right before the quote (or ends the paragraph before it), or it is "as X put it," before it."""
    if lex is None:
        return None
    doc = txt.doc
    i = txt.token_before(m.start)
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    if tok.text == ":" and lex.intro_colon:
        node = tok.head
        for _ in range(3):  # the colon hangs on the verb, or on its object ("the following statement")
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        if node.pos_ in ("VERB", "AUX") and node.i < tok.i:
            return node, "rule:introduced-by-colon"
        return None
    if tok.text == "," and lex.intro_as and "\n" not in tok.whitespace_:
        for k in range(i - 1, max(-1, i - BEFORE_TOKENS), -1):
            cand = doc[k]
            if cand.text in _SENTENCE_END or "\n" in cand.whitespace_:
                break
            if cand.lemma_.lower() in lex.intro_as and any(
                    c.dep_ == "mark" and c.lower_ == "as" for c in cand.children):
                return cand, "rule:introduced-by-as"
    return None


def _after_token(cue: Cue) -> int:
    """Where a clause reported by a cue verb starts: after the verb and its particle."""
    tok = cue.token
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and doc[i].dep_ == "prt" and doc[i].head.i == tok.i:
        i += 1
    return doc[i].idx if i < len(doc) else cue.end


_CLAUSE_STOP = {".", ";", "!", "?"}


def _clause_end(m: Marked, txt: DocText) -> int:
    """The end of the clause a quote stands in: the sentence's end, or a comma before a
    participle or relative clause ("..., calling it", "..., which")."""
    doc = txt.doc
    i = txt.token_at(m.end)
    end = m.inner_end
    for k in range(i, min(len(doc), i + 40)):
        tok = doc[k]
        if tok.text in _CLAUSE_STOP or "\n" in tok.text or txt.quote_at(tok.idx) is not None:
            break
        if tok.text == "," and k + 1 < len(doc) and (doc[k + 1].tag_ == "VBG" or doc[k + 1].lower_ in ("which", "who")):
            break
        if not tok.is_punct:
            end = tok.idx + len(tok.text)
    return end


def _just_before(q: Quote, m: Marked, txt: DocText) -> bool:
    """Whether an indirect quote ends right before a marked quote in the same sentence."""
    gap = txt.text[q.end:m.start]
    return 0 <= len(gap) <= 40 and not any(ch in gap for ch in ".!?;\n")
