"""Speaker resolution: the words that name who speaks, and the entity they mention.

The speaker of a verb cue is its subject ("Kiev denies"), the agent of a passive cue ("was
accused by X"), or, for a cue with no subject of its own, the subject of the verb it depends on
("Kiev denies ..., claiming that", "he said, adding that"); a relative pronoun stands for the noun
it modifies ("officials who said"); a cue infinitive on a noun is its possessor's ("the minister's
refusal to condemn"). "According to X" names X; a cue noun its possessor or its
"by"/"from" phrase ("Kiev's statement", "a claim by the army"), or the subject of the verb that
made it ("he made the claim that"). The words are then linked to the entity whose mention
covers their head token, through the mention chains of `eventwire.entities` (names, titles,
roles, pronouns, agents): no mention, no entity.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from ..entities.model import Entity
from ._tree import children, rights
from .cues import Cue, of_content
from .entity_index import NAMED_TYPES, EntityIndex
from .lexicon import Lexicon
from .record import DocText, Quote

_FAR = 60  # a speaker's words are never further than this from the head (bounded work per cue)
_RELATIVE = {"who", "that", "which", "whom"}
# Relative pronouns that stand in an attribution as a personal pronoun does ("Keita, who said");
# "that" is a mere link, the antecedent's own words name the speaker ("groups that backed him")
_PRONOMINAL_RELATIVE = _RELATIVE - {"that"}
_EXPLETIVE = {"it", "there"}
_DEMONSTRATIVE = {"that", "this"}
_CUT = ("relcl", "acl", "advcl")
_SET_OFF = {",", "(", "-", "--", "\u2013", "\u2014", ";", ":"}


def np_span(head: Token, cue_tokens: frozenset[int] = frozenset(), own: Token | None = None) -> Span:
    """The noun phrase headed by `head` with its appositions ("Dean Johnson, a salesman from
    Sumter,") and its restrictive modifiers ("people briefed on the talks", "a poll conducted by
    Gallup", "those who back her"), which say who is meant; without the clauses set off from it
    ("Keita, who was in Bamako,"), which add to a speaker already named, nor a modifier holding
    `own`, the cue of the quote, or another cue of `cue_tokens` (an attribution of its own:
    "Republicans who praised him"), and what follows them."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in rights(head):
        if child.dep_ in _CUT and child.i > head.i:
            if _restrictive(child) and not _holds_cue(child, cue_tokens, own, min(child.right_edge.i, head.i + _FAR)):
                continue
            end = min(end, child.left_edge.i)
    if head.head.i > head.i:  # a phrase never runs over the word it hangs on (a parse may hang an aside past it)
        end = min(end, head.head.i)
    end = min(end, head.i + _FAR)
    for tok in doc[head.i + 1:end]:  # a name never runs past its line
        if "\n" in tok.text:
            end = tok.i
            break
    while end > head.i + 1 and (doc[end - 1].text in {",", "-", "--", "\u2013", "\u2014", "("} or doc[end - 1].is_space
                                or doc[end - 1].dep_ == "case"):  # "Niger's statement": Niger
        end -= 1
    for tok in doc[start:head.i]:  # nor starts on a line before its head
        if "\n" in tok.text:
            start = tok.i + 1
    while start < head.i and (doc[start].dep_ in ("punct", "cc") or doc[start].is_space):
        start += 1
    return doc[start:max(end, head.i + 1)]


def _restrictive(modifier: Token) -> bool:
    """A relative or participle clause bound to its noun, not set off by a comma or a dash."""
    if modifier.dep_ not in ("relcl", "acl"):
        return False
    first = modifier.left_edge
    before = first.nbor(-1) if first.i > 0 else None
    return before is not None and before.text not in _SET_OFF and not before.is_space and first.i > modifier.head.i


def _holds_cue(modifier: Token, cue_tokens: frozenset[int], own: Token | None, last: int) -> bool:
    """Whether a modifier holds the quote's own cue or another attribution; a passive participle
    that is itself a cue names those acted on, not a speaker ("people briefed on the talks")."""
    if own is not None and modifier.left_edge.i <= own.i <= modifier.right_edge.i:
        return True
    return any(t in cue_tokens and not (t == modifier.i and modifier.dep_ == "acl" and modifier.tag_ in ("VBN", "VBD"))
               for t in range(modifier.left_edge.i, last + 1))


def _same_line(a: Token, b: Token) -> bool:
    lo, hi = (a, b) if a.i < b.i else (b, a)
    if hi.i - lo.i > _FAR:
        return False
    return not any("\n" in t.text for t in lo.doc[lo.i:hi.i])


def _subject(verb: Token) -> Token | None:
    """The subject of a verb on its own line, the nearest when the parse gives several."""
    subjects = [c for c in children(verb) if c.dep_ == "nsubj" and _same_line(c, verb)]
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        if child.lower_ in _EXPLETIVE and child.pos_ == "PRON" and any(
                c.dep_ in ("ccomp", "xcomp") for c in children(verb)):
            return None
        if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head
        return child
    for child in children(verb):
        if child.dep_ == "agent":
            pobj = next((g for g in children(child) if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


_CLIMB = {"advcl", "conj", "xcomp", "pcomp", "ccomp", "acomp", "prep"}
_NOMINAL = ("NOUN", "PROPN", "PRON")
_FINITE = {"VBD", "VBZ", "VBP"}


def verb_speaker(verb: Token, controllers: frozenset[str] = frozenset()) -> Token | None:
    """The subject of a cue verb, or of the verb it depends on ("Kiev denies ..., claiming that",
    "began by saying", "is expected to endorse"), or, when the parse lost it, the noun right
    before a finite cue ("Trump, in Kentucky, said"). A cue infinitive after a verb of
    `controllers` and its object is that object's ("led the chair to announce")."""
    controller = _object_controller(verb, controllers)
    if controller is not None:
        return controller
    node, thing = verb, None
    for step in range(6):
        subj = _subject(node)
        # "argued that a database would keep them out, saying ...": the parse hung the participle
        # on the reported clause, whose subject is a thing; the one saying is further up
        if subj is not None and step > 0 and verb.tag_ == "VBG" and node.dep_ == "ccomp" and subj.pos_ == "NOUN" \
                and not _can_speak(subj):
            thing = thing or subj
        elif subj is not None:
            # "That said, ...", "That shows how ...": a demonstrative stands for a fact, not a speaker
            return None if subj.lower_ in _DEMONSTRATIVE and subj.tag_ == "DT" else subj
        raised = next((c for c in children(node) if c.dep_ == "nsubjpass"), None)
        if raised is not None:
            return raised if step > 0 else None  # a passive cue with no agent names nobody
        if step == 0 and _passive_adjunct(node):
            return None
        if node.dep_ == "acl" and node.head.pos_ in _NOMINAL:
            if _can_speak(node.head):
                return node.head  # "officials, saying ..."
            # "Trump's failure to denounce ...", "his refusal to apologize": the possessor acts
            owner = next((c for c in children(node.head) if c.dep_ == "poss"), None)
            if owner is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(node)):
                return owner
            # "at a news conference announcing ...", "an ad asking ...": the one holding it
            owner = _clause_subject(node.head)
            return owner if owner is not None else node.head
        # "has a history of blaming others", "was the most aggressive in denouncing the media":
        # a gerund after a noun's or a predicate's preposition is done by the clause's subject,
        # or by the noun's possessor ("the candidates' task of appealing to voters")
        through = verb.tag_ == "VBG" and verb.dep_ == "pcomp" and step > 1 and node.dep_ in ("dobj", "attr")
        if through:
            owner = next((c for c in children(node) if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
        if node.head.i == node.i or (node.dep_ not in _CLIMB and not through):
            break
        if node.dep_ == "ccomp" and node.head.i > node.i:
            return thing  # a reported clause's verb speaks for nobody
        node = node.head
    if thing is not None:
        return thing
    return _left_neighbour(verb) if verb.tag_ in _FINITE else None


def _passive_adjunct(verb: Token) -> bool:
    """"Asked about the vote, she said ...", "..., he said when asked": a participle clause in the
    passive, whose asker goes unnamed; the main clause's subject is the one asked, not the
    speaker. The parser tags the participle as a past tense as often (no subject, no auxiliary),
    so the clause must be set off: opening the sentence, after a comma or a "when"; a finite verb
    whose subject the parse lost ("Protesters marching past chanted ...") is not."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("advcl", "xcomp") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in children(verb)):
        return False
    before = verb.nbor(-1) if verb.i > verb.sent.start else None
    return before is None or before.text in _SET_OFF or before.is_space or (
        before.head.i == verb.i and before.dep_ in ("mark", "advmod"))


def _object_controller(node: Token, controllers: frozenset[str]) -> Token | None:
    """The object that does what an infinitive says in "led the chair to announce", "urged
    Mali to reject": after these verbs the object, not the subject, is the one who acts (object
    control). Only a listed verb: "used a German app to claim" and "emailed him to thank" are
    infinitives of purpose, done by the subject."""
    # the parser reads the infinitive as a complement or, as often, an adverbial clause
    if node.dep_ not in ("xcomp", "advcl") or node.head.lemma_.lower() not in controllers or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(node)):
        return None
    obj = next((c for c in children(node.head) if c.dep_ == "dobj" and c.i < node.i), None)
    if obj is None or obj.pos_ not in _NOMINAL or obj.lower_ in _EXPLETIVE:
        return None
    return obj


def _can_speak(noun: Token) -> bool:
    """A person, a group or an organisation (by name, pronoun or agent noun), not a thing."""
    from ..actors.agents import terms
    return noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
        noun.lemma_.lower() in terms() or noun.lower_ in terms()


def _clause_subject(noun: Token) -> Token | None:
    """The subject of the clause a noun phrase sits in ("she announced at a news conference ...")."""
    node = noun
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in ("pobj", "prep", "dobj", "npadvmod", "appos"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return _subject(node)
    return None


def _left_neighbour(verb: Token) -> Token | None:
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "neg", "advmod", "npadvmod"):
        i -= 1
    if i >= 0 and doc[i].text == ",":  # skip an aside set off by commas
        j = i - 1
        while j >= 0 and j > i - 8 and doc[j].text != "," and "\n" not in doc[j].text:
            j -= 1
        if j < 0 or doc[j].text != ",":
            return None
        i = j - 1
    if i < 0 or "\n" in doc[i].text:
        return None
    tok = doc[i]
    return tok if tok.pos_ in _NOMINAL and tok.dep_ != "poss" else None


def noun_speaker(noun: Token, disputing: frozenset[str] = frozenset()) -> Token | None:
    """Who makes a statement named by a noun: its possessor, its "by" phrase, or the subject of
    the verb that makes it ("says in a statement that", "repeated accusations that"), unless
    that verb disputes it ("rejected the claim that": the claim is someone else's)."""
    for child in children(noun):
        if child.dep_ == "poss":
            return child
    for child in children(noun):
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            pobj = next((g for g in children(child) if g.dep_ == "pobj"), None)
            # "endorsements of his candidacy": an "of" that names what was said names no speaker
            if pobj is not None and pobj.pos_ in _NOMINAL and not (child.lower_ == "of" and of_content(noun, pobj)):
                return pobj
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if noun.dep_ in ("dobj", "obj", "pobj") and head.pos_ in ("VERB", "AUX") and head.lower_ not in disputing \
            and head.lemma_.lower() not in disputing:
        return verb_speaker(head)
    return None


def according_speaker(tok: Token) -> Token | None:
    for child in children(tok):
        if child.dep_ == "prep":
            pobj = next((g for g in children(child) if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    nxt = tok.i + 1
    doc = tok.doc
    # "according to" parsed flat: the noun phrase after "to"
    for tok2 in doc[nxt:nxt + 6]:
        if tok2.pos_ in ("PROPN", "NOUN", "PRON") and tok2.dep_ in ("pobj", "nsubj", "dobj", "compound", "appos"):
            head = tok2
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            return head
    return None


_AT_SOMEONE = ("accuse", "ask", "warn")  # stances of verbs whose object is a person accused, asked or warned


def _targeted(cue: Cue, lex: Lexicon) -> bool:
    """"a contractor accused of spying", "voters asked about the economy": the past participle of
    a verb whose object is the person accused, asked or told names that person with the noun it
    modifies, never a speaker (the one accusing goes unnamed)."""
    tok = cue.token
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in children(tok)):
        return False
    entry = lex.verb(tok.lower_, tok.lemma_.lower())
    return entry is not None and (entry.stance in _AT_SOMEONE or lex.frame(entry.text).object == "addressee")


def cue_speaker(cue: Cue, txt: DocText, lex: Lexicon) -> Token | None:
    if cue.kind in ("verb", "adjective"):  # "she is confident that": the copula's subject
        if _targeted(cue, lex):
            return None
        return verb_speaker(cue.token, lex.controllers)
    if cue.kind == "noun":
        return noun_speaker(cue.token, lex.disputing)
    if cue.kind == "according":
        return according_speaker(cue.token)
    if cue.kind == "source":  # "in a CNN poll": the poll
        return next((c for c in children(cue.token) if c.dep_ == "pobj"), None)
    if cue.speaker is not None:  # dash and colon lines name the speaker in their own words
        span = txt.doc.char_span(*cue.speaker, alignment_mode="expand")
        return span.root if span is not None and len(span) else None
    return None


# "it said", "they said": the organisation or group the pronoun stands for (he/she are resolved
# by the mention chains of `eventwire.entities`). Types the pronoun may stand for, nearest first.
_GROUP_PRONOUNS = {"it": ("ORG", "GPE", "GROUP"), "its": ("ORG", "GPE", "GROUP"),
                   "they": ("ORG", "GROUP", "NORP"), "their": ("ORG", "GROUP", "NORP")}
_ANTECEDENT_CHARS = 600   # how far back the antecedent may be: this and the previous sentence or two
_ANTECEDENT_MENTIONS = 30  # mentions looked at (bounded work per pronoun)


def _antecedent(head: Token, index: EntityIndex) -> Entity | None:
    """The organisation or group an "it" or "they" speaker stands for: the nearest preceding
    subject that names one ("The army attacked the camp. It said ..."), in the same paragraph;
    "it" stands for a singular one ("the ministry", not "soldiers")."""
    types = _GROUP_PRONOUNS.get(head.lower_)
    if types is None or head.pos_ != "PRON":
        return None
    doc = head.doc
    lo = max(0, head.idx - _ANTECEDENT_CHARS)
    para = doc.text.rfind("\n\n", lo, head.idx)
    lo = max(lo, para + 1) if para >= 0 else lo
    k = bisect_right(index.starts, head.idx - 1)
    for s, e, ent in reversed(index.spans[max(0, k - _ANTECEDENT_MENTIONS):k]):
        if s < lo:
            break
        if e > head.idx or ent.type not in types:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if head.lower_ in ("it", "its") and span.root.tag_ in ("NNS", "NNPS"):
            continue
        return ent
    return None


_PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_PERSON_CHARS = 1500      # how far back "he said" may look for the person it stands for
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _gender(ent: Entity) -> set[str]:
    return {_PERSONAL[m.text.lower()] for m in ent.mentions if m.kind == "pronoun" and m.text.lower() in _PERSONAL}


def _outside(index: EntityIndex, char: int) -> bool:
    return index.quoted is None or not index.quoted(char)


def _said_by(tok: Token) -> bool:
    """A mention that is the subject of its clause or the speaker of a cue ("..., said Diarra")."""
    for _ in range(3):
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if tok.dep_ in ("dobj", "attr", "npadvmod") and tok.head.lemma_.lower() in ("say", "tell", "add"):
            return True
        if tok.dep_ not in ("compound", "appos", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _person_before(head: Token, index: EntityIndex) -> Entity | None:
    """The person a "he"/"she" speaker stands for: the most recent person named outside quotation
    marks (a name inside a quote is what the quote talks about, rarely who speaks), a subject or
    a speaker before any other mention, of no other gender."""
    gender = _PERSONAL[head.lower_]
    lo = head.idx - _PERSON_CHARS
    k = bisect_right(index.starts, head.idx - 1)
    fallback = None
    for s, e, ent in reversed(index.spans[max(0, k - 4 * _ANTECEDENT_MENTIONS):k]):
        if s < lo:
            break
        if e > head.idx or ent.type != "PERSON" or not _outside(index, s):
            continue
        if any(m.start == s and m.kind == "pronoun" for m in ent.mentions):
            continue
        if _gender(ent) - {gender}:
            continue
        span = index.doc.char_span(s, e, alignment_mode="expand")
        if span is not None and _said_by(span.root):
            return ent
        fallback = fallback or ent
    return fallback


def _trusted(ent: Entity, head: Token, index: EntityIndex) -> bool:
    """Whether a pronoun's chain may stand: it reaches a person named outside quotation marks."""
    return ent.type == "PERSON" and any(
        m.kind != "pronoun" and m.start < head.idx and _outside(index, m.start) for m in ent.mentions)


def _surname(head: Token, index: EntityIndex) -> Entity | None:
    """"Adamu said" where the chains missed the link: the one person whose name ends so."""
    if head.pos_ != "PROPN" or len(head.text) < 3:
        return None
    if index.surnames is None:
        index.surnames = {}
        for _, _, ent in index.spans:
            words = ent.name.lower().split()
            if ent.type == "PERSON" and len(words) > 1:
                index.surnames.setdefault(words[-1], {})[id(ent)] = ent
    found = index.surnames.get(head.text.lower(), {})
    return next(iter(found.values())) if len(found) == 1 else None


def set_speaker(q: Quote, head: Token | None, index: EntityIndex) -> None:
    q.speaker_head = head
    if head is None:
        return
    span = np_span(head, index.cue_tokens, q.cue.token if q.cue is not None else None)
    q.speaker_span = (span.start_char, span.end_char)
    q.entities = index.entities_of(head)
    if head.lower_ in _PERSONAL and head.pos_ == "PRON" and head.dep_ in _SUBJECT_DEPS and not (
            q.entities and _trusted(q.entities[0], head, index)):
        ent = _person_before(head, index)
        if ent is not None:
            q.entities = [ent]
            q.evidence.append("rule:pronoun-person")
    if not q.entities:
        ent = _surname(head, index)
        if ent is not None:
            q.entities = [ent]
            q.evidence.append("rule:surname")
    if not q.entities:
        ent = _antecedent(head, index)
        if ent is not None:
            q.entities = [ent]
            q.evidence.append("rule:pronoun-antecedent")
    if not q.entities:  # "Mali's air force chief": a mention may cover the phrase but not its head
        for tok in span:
            ent = index.entity_of(tok)
            if ent is not None and ent.type in NAMED_TYPES and tok.dep_ not in ("poss", "compound", "amod"):
                q.entities = [ent]
                break


def relative_mention(q: Quote, cue: Cue) -> None:
    """"Mr. Ekovich, who noted that ...": the words that name the speaker in the attribution are
    the relative pronoun, as "he" is in "he noted"; the speaker is still its antecedent's entity."""
    verb, head = cue.token, q.speaker_head
    if verb is None or head is None or cue.kind != "verb":
        return
    for _ in range(3):  # the relative clause's own verb: "who has long argued", "who backs and praises"
        if verb.dep_ == "relcl":
            break
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return
        verb = verb.head
    rel = next((c for c in children(verb) if c.dep_ == "nsubj" and c.lower_ in _PRONOMINAL_RELATIVE), None)
    if verb.dep_ == "relcl" and verb.head.i == head.i and rel is not None:
        q.speaker_span = (rel.idx, rel.idx + len(rel.text))


def inverted_speaker(quote: Quote, cue: Cue, index: EntityIndex, speaking: bool = False) -> None:
    """'“...,” said the minister' parsed with the minister as the object of "said", or as a second
    subject after it when the parse took the quoted words for the first. With `speaking`, only a
    person or a group ("said many times" names no one)."""
    for child in rights(cue.token):
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj") and child.pos_ in ("PROPN", "NOUN") and (
                not speaking or _can_speak(child)):
            set_speaker(quote, child, index)
            quote.evidence.append("rule:inverted-speaker")
            return
