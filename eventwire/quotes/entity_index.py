"""Which entity a speaker's words mention: mentions of the article's entities indexed by token
and by character span, so each look-up is bounded whatever the article holds."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..entities.model import Entity
from ._tree import conjuncts

NAMED_TYPES = {"PERSON", "ORG", "GROUP", "GPE", "NORP"}


class EntityIndex:
    """Which entity mentions a token, through the mention chains."""

    def __init__(self, doc: Doc, entities: list[Entity], quoted=None, cue_tokens: frozenset[int] = frozenset()):
        self.doc = doc
        self.quoted = quoted  # char -> whether it lies inside quotation marks (None: never)
        self.cue_tokens = cue_tokens  # the document's cues: a modifier holding one is not the speaker's name
        self.by_token: dict[int, Entity] = {}
        self.surnames: dict[str, dict[int, Entity]] | None = None  # built on first use
        spans = []
        for ent in entities:
            for m in ent.mentions:
                self.by_token.setdefault(m.token, ent)
                spans.append((m.start, m.end, ent))
        spans.sort(key=lambda s: (s[0], -s[1]))
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def covering(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions that overlap the character range [start, end)."""
        out = []
        i = bisect_right(self.starts, end - 1)
        # mentions are short; look back a bounded number of entries
        for k in range(i - 1, max(-1, i - 40), -1):
            s, e, ent = self.spans[k]
            if s < end and e > start:
                out.append((s, e, ent))
        return out

    def entity_of(self, head: Token) -> Entity | None:
        ent = self.by_token.get(head.i)
        if ent is not None:
            return ent
        hits = self.covering(head.idx, head.idx + len(head.text))
        if hits:  # the shortest mention covering the head token
            return min(hits, key=lambda h: h[1] - h[0])[2]
        return None

    def entities_of(self, head: Token) -> list[Entity]:
        """The entity of the head and of each conjunct ("Mali and Niger said")."""
        out = []
        for tok in [head, *conjuncts(head)]:
            ent = self.entity_of(tok)
            if ent is not None and ent not in out:
                out.append(ent)
        return out
