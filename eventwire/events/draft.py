"""One event as the stage builds it: trigger, pattern and codes, roles, status, casualties and
the mentions merged into it, before it becomes a contract dict."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import Instrument, Pattern
from .status import Status
from .triggers import Trigger


@dataclass
class Draft:
    trig: Trigger
    pattern: Pattern
    cameo: str
    sent: Span
    sent_index: int
    src_tokens: list[Token] = field(default_factory=list)
    tgt_tokens: list[Token] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    src_heads: list[Token] = field(default_factory=list)
    tgt_heads: list[Token] = field(default_factory=list)
    status: Status = field(default_factory=Status)
    casualties: list = field(default_factory=list)
    instrument: Instrument | None = None
    acled_rule: str | None = None
    mode: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # what each merged-in mention's own clause says of it ("might kill" ... "charged with the killing")
    mention_status: dict = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    parent: "Draft | None" = None
    embedded: list = field(default_factory=list)
    derived: bool = False
    derived_from: "Draft | None" = None
    merged_into: "Draft | None" = None
    anaphoric: bool = False
    plover: str | None = None
    salience: str = "main"
    target_people: bool = False
    id: str = ""

    @property
    def token(self) -> Token:
        return self.trig.token

    @property
    def light(self) -> Token | None:
        return self.trig.light

    @property
    def anchor(self) -> Token:
        return self.trig.anchor or self.trig.token

    def status_key(self) -> str:
        return self.status.status
