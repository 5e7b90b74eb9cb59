"""The records the quotes stage works with: a quote being built, and lookups over one document
(characters to tokens, paragraphs, the marked quotes)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..entities.model import Entity
from .cues import Cue
from .marks import Marked


@dataclass
class Quote:
    start: int
    end: int
    kind: str
    cue: Cue | None = None
    speaker_head: Token | None = None
    speaker_span: tuple[int, int] | None = None
    entities: list[Entity] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    scare: bool = False
    mark: Marked | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    within: "Quote | None" = None     # the reported clause a partial quote belongs to
    follows: "Quote | None" = None    # the quote a floating quote takes its speaker from
    id: str = ""


class DocText:
    """Character <-> token lookups, paragraph numbers and the marked quotes of one document."""

    def __init__(self, doc: Doc, marked: list[Marked]):
        self.doc = doc
        self.text = doc.text
        self.tok_starts = [t.idx for t in doc]
        self.marked = marked
        self.mark_starts = [m.start for m in marked]
        self.para_starts = [0]
        text = self.text
        i = text.find("\n")
        while i >= 0:
            self.para_starts.append(i + 1)
            i = text.find("\n", i + 1)
        # Paragraph numbers that skip blank lines: "the previous paragraph" is the previous text.
        self.para_number = []
        n = -1
        for k, start in enumerate(self.para_starts):
            end = self.para_starts[k + 1] - 1 if k + 1 < len(self.para_starts) else len(text)
            if text[start:end].strip():
                n += 1
            self.para_number.append(max(n, 0))

    def token_at(self, char: int) -> int:
        """Index of the token that contains (or first starts after) `char`."""
        i = bisect_right(self.tok_starts, char) - 1
        if i < 0:
            return 0
        tok = self.doc[i]
        return i if char < tok.idx + len(tok.text) else min(i + 1, len(self.doc))

    def token_before(self, char: int) -> int:
        """Index of the last token that starts before `char` (-1 if none)."""
        return bisect_left(self.tok_starts, char) - 1

    def chars(self, start: int, end: int) -> tuple[int, int]:
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last.text)

    def paragraph_bounds(self, char: int) -> tuple[int, int]:
        k = bisect_right(self.para_starts, char) - 1
        end = self.para_starts[k + 1] - 1 if k + 1 < len(self.para_starts) else len(self.text)
        return self.para_starts[k], end

    def paragraph(self, char: int) -> int:
        return self.para_number[bisect_right(self.para_starts, char) - 1]

    def quote_at(self, char: int) -> Marked | None:
        i = bisect_right(self.mark_starts, char) - 1
        if i >= 0 and self.marked[i].start <= char < self.marked[i].end:
            return self.marked[i]
        return None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def copy_speaker(quote: Quote, source: Quote) -> None:
    quote.speaker_head, quote.speaker_span, quote.entities = source.speaker_head, source.speaker_span, source.entities
