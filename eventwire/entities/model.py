"""Entity and mention records as they appear in the output contract."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    start: int           # character offsets into the article text
    end: int
    text: str
    kind: str            # name | title | role | pronoun | agent
    sent: int            # sentence index, for distance limits in chains
    token: int           # head token index

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass
class Actor:
    country: str | None
    sector: str | None
    label: str
    evidence: list[str] = field(default_factory=list)
    acled_inter: int | None = None
    # an identity's lands when `country` is only the first of them the article names ("Fulani")
    countries: tuple[str, ...] = ()

    @property
    def code(self) -> str | None:
        return " ".join(p for p in (self.country, self.sector) if p) or None

    def to_dict(self) -> dict:
        out = {"code": self.code, "country": self.country, "sector": self.sector, "label": self.label,
               "evidence": self.evidence}
        if self.acled_inter:
            out["acled_inter"] = self.acled_inter
        return out


@dataclass
class Entity:
    key: str             # merge key within the article: `country:MLI`, `agent:MLI:MIL:soldier`, `person:3`
    name: str
    type: str
    actor: Actor | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    id: str = ""

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def add(self, mention: Mention) -> None:
        if all((m.start, m.end) != (mention.start, mention.end) for m in self.mentions):
            self.mentions.append(mention)

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type,
                "actor": self.actor.to_dict() if self.actor else None,
                "titles": self.titles,
                "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: m.start)],
                "evidence": self.evidence}
