"""Indirect speech: the reported content of a cue, read from the dependency parse.

- a clause complementing the cue is the content, wherever it stands: "said (that) X",
  "X, he said", "asked whether X"; so is a "to"-infinitive for cues that take one
  ("threatened to retaliate") and a gerund ("denied having");
- otherwise the frame of the cue in the lexicon says whether its object and which prepositional
  phrases are the content ("denied the accusations", "accused it of supporting ...",
  "warned of famine");
- a parenthetical cue ("Russia, he said, is ...") reports the clause it interrupts;
- "according to X" and a reporting adverb ("reportedly") report the clause they modify, less
  themselves; a cue noun reports its that-clause ("Kiev's statement that ...").
Spans are token ranges [start, end) trimmed of edge punctuation.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ._tree import children, dominates, rights, sentence
from .cues import Cue, noun_complement
from .lexicon import Lexicon

_EDGE = set(",.;:-\u2013\u2014()[]") | {"--"}
_CLAUSAL = ("ccomp", "csubj")
_PARENTHESIS = {",", "\u2014", "\u2013", "-", "--", "("}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def _edges(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].text in _EDGE or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].text in _EDGE or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in children(tok))


def _infinitive(child: Token) -> bool:
    return child.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(child))


def _gerund(child: Token) -> bool:
    return child.dep_ in ("xcomp", "ccomp", "pcomp") and child.tag_ == "VBG"


def _proposition(clause: Token) -> bool:
    """A clause that says something: it has a subject or a complementiser ("showed that ..."),
    not a bare "how to use it" ("instructors who show our military how to use it")."""
    return any(c.dep_ in _SUBJECTS or (c.dep_ == "mark" and c.lower_ in ("that", "whether", "if"))
               for c in children(clause)) or clause.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _without(doc: Doc, outer: tuple[int, int], inner: tuple[int, int]) -> tuple[int, int] | None:
    """outer less inner when inner is at one of its ends; the covering span otherwise."""
    outer = trim(doc, *outer)
    inner = trim(doc, *inner) or inner
    if outer is None:
        return None
    lo, hi = outer
    a, b = inner
    if a <= lo < b:
        lo = b
    elif a < hi <= b:
        hi = a
    return trim(doc, lo, hi)


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _finite(verb: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("is seeking", "has won")."""
    return verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in children(verb))
_WH = {"when", "why", "how", "where", "what", "who", "which"}


def _finite_below(gerund: Token) -> bool:
    """"said reducing those imports must be a priority": a gerund the parse took for the cue's
    complement, with the finite clause it is the subject of hung below it; not a clause of the
    gerund's own, which its complementiser opens ("considering announcing that he will ...")."""
    return gerund.tag_ == "VBG" and any(c.dep_ == "ccomp" and c.i > gerund.i and _finite(c) and not any(
        g.dep_ == "mark" for g in children(c)) for c in children(gerund))


def _frame(tok: Token, lex: Lexicon):
    entry = lex.verb(tok.lower_, tok.lemma_.lower())
    return lex.frame(entry.text if entry else tok.lemma_.lower())


def _clausal(tok: Token, lex: Lexicon) -> list[tuple[int, int]]:
    """Clauses and infinitives that complement the cue."""
    entry = lex.verb(tok.lower_, tok.lemma_.lower())
    frame = _frame(tok, lex)
    asking = entry is not None and entry.stance == "ask" or any(c.dep_ == "neg" for c in children(tok))
    parts = []
    for child in children(tok):
        if child.dep_ in _CLAUSAL and (asking or _proposition(child)):
            parts.append(_edges(child))
        elif child.dep_ == "advcl" and child.i > tok.i and any(
                g.dep_ in ("mark", "advmod") and g.i < child.i and (
                    g.lower_ in ("whether", "if") or (asking and g.lower_ in _WH)) for g in children(child)):
            parts.append(_edges(child))  # "asked whether ...", "did not say when ..."
        elif child.dep_ == "advcl" and child.i > tok.i and any(
                g.dep_ == "mark" and g.lower_ in frame.preps and g.i < child.i for g in children(child)):
            parts.append(_edges(child))  # "called for the US to act": the parse takes "for" for a conjunction
        elif (_infinitive(child) and (frame.to or (entry is not None and entry.text in lex.attitude and any(
                g.dep_ in _SUBJECTS for g in children(child))))) or (_gerund(child) and frame.object == "content"):
            parts.append(_edges(child))
        elif child.dep_ == "xcomp" and not _infinitive(child) and child.i > tok.i and (_proposition(child) and any(
                g.dep_ in ("dobj", "aux", "ccomp", "xcomp") for g in children(child)) or _finite_below(child)):
            parts.append(_edges(child))  # a clause the parse took for a complement: "said legalizing it could ..."
    if not parts and not asking:
        clause = _misattached_that(tok)
        if clause is not None:
            parts.append((clause.left_edge.i, clause.right_edge.i + 1))
    if not parts and frame.object == "addressee":
        # "told a meeting of leaders that ...": the clause hangs off the addressee.
        obj = next((c for c in rights(tok) if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            doc = tok.doc
            for node in doc[obj.i + 1:min(obj.right_edge.i + 1, obj.i + _NEAR)]:
                if node.dep_ in ("acl", "relcl", "ccomp") and _told_clause(node):
                    parts.append((node.left_edge.i, node.right_edge.i + 1))
                    break
    return parts


_FAR_BACK = 200  # tokens a clause reported by a cue after it may reach back
_NEAR = 40  # how far to look inside a phrase: bounded, so a sentence without punctuation stays linear
_PERSONAL = {"i", "we", "you", "he", "she", "it", "they"}


def _misattached_that(tok: Token) -> Token | None:
    """"said during a news conference that he may wait": the parse hangs the that-clause on the
    noun of a phrase after the cue, as a relative clause. A relative clause has no "that" of
    its own as a complementiser (its "that" is a subject or an object), so a clause with one,
    hanging off a prepositional or adverbial phrase of the cue, is what the cue reports."""
    doc = tok.doc
    for child in rights(tok):
        if child.dep_ not in ("prep", "npadvmod", "advmod") or child.right_edge.i - tok.i > _NEAR:
            continue
        for node in doc[child.i + 1:child.right_edge.i + 1]:
            if node.dep_ in ("relcl", "acl") and any(
                    g.dep_ == "mark" and g.lower_ == "that" and g.i == node.left_edge.i for g in children(node)) \
                    and _proposition(node):
                return node
    return None


def _told_clause(node: Token) -> bool:
    """A clause hanging off an addressee that is what was told, not a relative clause:
    "told a meeting of leaders that ...", "told The Washington Post he was ..."."""
    if any(g.dep_ == "mark" and g.lower_ == "that" for g in children(node)):
        return _proposition(node)
    doc = node.doc
    return any(g.dep_ == "nsubj" and g.lower_ in _PERSONAL for g in children(node)) and not any(
        g.tag_ in ("WDT", "WP", "WP$") for g in doc[max(node.left_edge.i, node.i - _NEAR):node.i])


def _object(tok: Token, lex: Lexicon) -> list[tuple[int, int]]:
    """The object (and its predicate or prepositional phrases) when the frame says it is content."""
    entry = lex.verb(tok.lower_, tok.lemma_.lower())
    frame = _frame(tok, lex)
    if frame.object in (None, "addressee"):
        return []
    if frame.subjects and not _subject_in(tok, frame.subjects):
        return []  # "the poll showed Clinton ahead", not "he showed leadership"
    obj = next((c for c in rights(tok) if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.lower_ in lex.proforms:
        return _proform(tok, lex) if frame.object == "speech" else []
    if any(c.dep_ == "case" for c in children(obj)) and obj.head.i > obj.i:
        obj = obj.head  # "welcomed the administration's plans" parsed with the possessor as object
    lemma = obj.lemma_.lower()
    # "blasted the GOP for ...", "praised it as ...": the reason or the label goes with the object
    preps = frame.preps + ("as",) + (("for",) if entry is not None and entry.stance in ("accuse", "praise") else ())
    extra = [c for c in rights(tok) if c.i > obj.i and (c.dep_ in ("oprd", "acomp") or (
        c.dep_ == "prep" and c.lower_ in preps))]
    if frame.object == "content":
        ok = lemma not in frame.excluded
    elif frame.object == "predicate":
        ok = bool(extra)
    elif frame.object == "speech":
        ok = lemma in lex.speech_nouns
    else:
        ok = lemma in frame.object
    if not ok or (obj.pos_ == "PRON" and not extra):  # "denied it" says nothing; "accused it of ..." does
        return []
    return [_edges(obj)] + [_edges(c) for c in extra + _object_tail(tok, obj)]


# How a pro-form hangs on its verb: "said the same" (object), "said so" (adverb), "said no" (interjection)
_PROFORM_DEPS = {"dobj", "obj", "advmod", "intj"}


def _proform(tok: Token, lex: Lexicon) -> list[tuple[int, int]]:
    """"half said so", "the candidate said no", "43 percent said the same of Sanders": a word
    that stands for what was said, with the phrase that says of whom, is what a speech verb
    reports when it reports nothing else."""
    word = next((c for c in rights(tok) if c.dep_ in _PROFORM_DEPS and c.lower_ in lex.proforms), None)
    if word is None or any(c.dep_ in ("dobj", "obj") and c.i != word.i for c in rights(tok)):
        return []
    return [_edges(word)] + [_edges(c) for c in _object_tail(tok, word) if c.dep_ == "prep"]


# What may follow the object as part of what was reported: "showed Sanders within two points of
# Clinton", "reported its smallest profit in 17 years", "praised the efforts of a donor to ...".
_TAIL = {"prep", "oprd", "acomp", "npadvmod", "advmod", "advcl", "xcomp"}


def _object_tail(tok: Token, obj: Token) -> list[Token]:
    """The phrases the parse hung on the cue right after its object, up to a punctuation mark:
    they mostly belong to the object ("a poll shows Cruz 16 points ahead"), and PolNeAR's
    content runs on with them."""
    out = []
    doc = tok.doc
    for c in rights(tok):
        if c.i <= obj.i:
            continue
        between = doc[obj.right_edge.i + 1:c.left_edge.i]
        if c.dep_ not in _TAIL or any(t.is_punct or "\n" in t.text for t in between):
            break
        out.append(c)
    return out


def _subject_in(tok: Token, lemmas: tuple[str, ...]) -> bool:
    """Whether the cue's subject (or, for a participle or a conjunct, its head's) is headed by one of `lemmas`."""
    node = tok
    for _ in range(3):
        subj = next((c for c in children(node) if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj.lemma_.lower() in lemmas
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _prepositional(tok: Token, lex: Lexicon) -> list[tuple[int, int]]:
    """"warned of famine", "called for talks": the object of a content preposition."""
    for child in rights(tok):
        if child.dep_ == "prep" and (child.lower_ in _frame(tok, lex).preps or child.lower_ in lex.verb_preps):
            objs = [g for g in children(child) if g.dep_ in ("pobj", "pcomp")]
            if objs:
                end = objs[-1].right_edge.i + 1
                for later in rights(tok):  # "referred to Rubio as a bright leader"
                    if later.i > child.i and later.dep_ == "prep" and later.lower_ == "as":
                        end = later.right_edge.i + 1
                return [(objs[0].left_edge.i, end)]
    return []


def _passive(tok: Token, lex: Lexicon) -> tuple[int, int] | None:
    """"X was accused of Y", "X is believed to have Y", "X is said to": the whole clause is
    reported, by the agent or by nobody named."""
    subj = next((c for c in children(tok) if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    frame = _frame(tok, lex)
    if frame.object in ("content", "predicate") and subj.i < tok.i and subj.lemma_.lower() not in frame.excluded \
            and not any(c.dep_ in ("dobj", "dative") for c in children(tok)):
        # "the move was first reported by MSNBC", "she was announced the winner": the subject is
        # what was reported, with its predicate; by the agent or by nobody named
        pred = [c for c in rights(tok) if c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "as")]
        if pred:
            return subj.left_edge.i, max(c.right_edge.i for c in pred) + 1
        if subj.pos_ not in ("PRON", "DET") and frame.object == "content":
            return _edges(subj)
    carries = [c for c in rights(tok) if _infinitive(c) or (
        c.dep_ == "prep" and c.lower_ in frame.preps and frame.object == "content")]
    if not carries:
        return None
    return subj.left_edge.i, max(c.right_edge.i for c in carries) + 1


def _around(tok: Token) -> tuple[tuple[int, int] | None, str]:
    """A cue with no content of its own reports the clause around it: "Russia, he said, is ...",
    "X, the official told RT", "X, said the minister"."""
    doc = tok.doc
    head = tok.head
    left = tok.left_edge.i
    if tok.dep_ == "advcl" and head.i != tok.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in children(tok)) \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in children(tok)):
        # "As the Post reported, X", "X, as Clyburn noted": the clause the "as" aside belongs to
        return _without(doc, _edges(head), _edges(tok)), "rule:as-cue"
    if tok.dep_ == "parataxis" and head.i > tok.i and tok.right_edge.i < head.i:
        first = left + 1 if doc[left].text in _PARENTHESIS else left  # the aside may own its comma
        if head.left_edge.i < first - 1 and doc[first - 1].text in _PARENTHESIS:
            # "The museum, Mr. Obama said, would make ...": the cue interrupts the clause it reports
            return trim(doc, *_edges(head)), "rule:parenthetical-cue"
        # "Rubio says, win or lose, he is staying in the race"
        return trim(doc, tok.right_edge.i + 1, head.right_edge.i + 1), "rule:clausal-complement"
    if (tok.dep_ in ("parataxis", "ccomp", "advcl") and head.i < tok.i
            and left > 0 and doc[left - 1].text in _PARENTHESIS
            and any(c.dep_ == "nsubj" for c in children(tok))
            and not any(c.dep_ in ("dobj", "ccomp") for c in children(tok))):
        lo, hi = _edges(head)
        own = _edges(tok)
        return (_without(doc, (lo, hi), own) if own[1] >= hi else trim(doc, lo, hi)), "rule:parenthetical-cue"
    subj = next((c for c in children(tok) if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ in ("dobj", "xcomp") and c.i > tok.i and c.pos_ not in ("PROPN", "PRON")
                           for c in children(tok)):
        return None, ""
    first = min(subj.left_edge.i, tok.i) if subj.i < tok.i else tok.i
    while first > 0 and doc[first - 1].dep_ in ("aux", "neg", "advmod") and doc[first - 1].head.i == tok.i:
        first -= 1
    if first == 0 or doc[first - 1].text != ",":
        return None, ""
    sent_start, sent_end = sentence(tok)
    # the cue's own words: "said on Friday", "told RT" (not a clause it governs, nor the next line)
    last = tok.i
    for child in rights(tok):
        if child.dep_ in ("punct", "advcl", "conj", "ccomp", "xcomp", "parataxis") or child.right_edge.i - tok.i > _NEAR:
            break
        if any("\n" in t.text for t in doc[tok.i:child.right_edge.i + 1]):
            break
        last = child.right_edge.i
    nxt = doc[last + 2] if last + 2 < sent_end else None
    if nxt is not None and doc[last + 1].text == "," and nxt.text not in _EDGE and not dominates(tok, nxt):
        # "The museum, Mr. Bush said, celebrated ...": the sentence around the cue
        return trim(doc, sent_start, sent_end), "rule:parenthetical-cue"
    start = first - 1
    while start > sent_start and first - start < _FAR_BACK and "\n" not in doc[start - 1].text:
        start -= 1  # the clause starts with its sentence, or its line when the parse ran lines together
    span = trim(doc, start, first - 1)
    if span is None:
        return None, ""
    # what precedes must be a clause of its own, not "Asked about it, he said ..."
    roots = [t for t in doc[span[0]:span[1]] if not span[0] <= t.head.i < span[1] or t.head.i == t.i]
    if not any(_finite(t) for t in roots):
        return None, ""
    return span, "rule:cue-after-clause"


def _verb_content(tok: Token, lex: Lexicon) -> tuple[tuple[int, int] | None, str]:
    doc = tok.doc
    passive = _is_passive(tok)
    parts, rule = _clausal(tok, lex), "rule:clausal-complement"
    if not parts and passive:
        span = _passive(tok, lex)
        if span is not None:
            return trim(doc, *span), "rule:passive-cue"
    if not parts and not passive:
        parts, rule = _object(tok, lex), "rule:object-content"
        if not parts:
            parts, rule = _prepositional(tok, lex), "rule:prep-content"
    if parts:
        return trim(doc, min(p[0] for p in parts), max(p[1] for p in parts)), rule
    return _around(tok)



def _clause_of(tok: Token) -> Token:
    """The verb of the clause a modifier belongs to."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = node.head
    return node


def content_span(cue: Cue, lex: Lexicon) -> tuple[tuple[int, int] | None, str]:
    """Token range of the reported content of a cue, and the rule that found it."""
    tok = cue.token
    if tok is None:
        return None, ""
    doc = tok.doc
    if cue.kind == "verb":
        return _verb_content(tok, lex)
    if cue.kind == "impression":  # "the race seemed to tighten": the clause, from its subject on
        subj = next((c for c in children(tok) if c.dep_ in _SUBJECTS and c.i < tok.i), None)
        first = subj.left_edge.i if subj is not None else tok.i
        return trim(doc, first, tok.right_edge.i + 1), "rule:impression-clause"
    if cue.kind == "adjective":  # "confident that ...": the clause the adjective takes
        clause = next((c for c in children(tok) if c.dep_ == "ccomp" and c.i > tok.i), None)
        return (trim(doc, *_edges(clause)), "rule:adjective-clause") if clause is not None else (None, "")
    if cue.kind == "noun":
        found = noun_complement(tok, lex.noun_preps)
        return (trim(doc, *_edges(found[0])), found[1]) if found is not None else (None, "")
    if cue.kind in ("according", "source"):
        head = _clause_of(tok.head if tok.dep_ != "ROOT" else tok)
        if head.i == tok.i:
            return None, ""
        own = (tok.i, _edges(tok)[1])
        if head.dep_ == "ROOT" or head.head.i == head.i:
            return _without(doc, sentence(tok), own), "rule:according-to"
        return _without(doc, _edges(head), own), "rule:according-to"
    if cue.kind == "reporting":
        head = _clause_of(tok.head)
        if head.i == tok.i:
            return None, ""
        return trim(doc, *_edges(head)), "rule:reporting-adverb"
    return None, ""
