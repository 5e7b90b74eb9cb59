"""Within-article merging: one real-world event told several times becomes one event with several
mentions.

- In one sentence: a noun event in a verb event's clause ("killed ... in an ambush", "a roadside
  bombing killed ...") and coordinated verbs of the same kind with the same actors ("met with ...
  and discussed") are one event; the more specific code wins over a generic one ("kill", "wound").
- A definite noun with no actors of its own ("the attack", "these hostilities") is a further
  mention of the latest event of its kind in the preceding sentences.
- Across sentences (headline and body, lede and detail): events of the same CAMEO root whose
  actors agree (a shared source or target, neither side contradicting) and whose statuses agree.
Casualty counts of merged events are added when they come from different words of the text.
"""
from __future__ import annotations

ANAPHOR_WINDOW = 6        # sentences back for "the attack"
HEADLINE_SENTENCES = 2    # the headline and the standfirst/lede
NEAR_WINDOW = 2           # sentences apart for two reports of one event in the body


def violent(d) -> bool:
    return d.plover == "ASSAULT" and d.cameo[:2] in ("18", "19", "20")


# Harms of their own kind: an abduction told next to a killing is another event.
DISTINCT = {"181", "173", "1821", "1822", "184", "1711", "1712", "174"}


def same_kind(a, b) -> bool:
    if (a.cameo in DISTINCT or b.cameo in DISTINCT) and a.cameo != b.cameo:
        return False
    if violent(a) and violent(b):
        return True
    return a.plover is not None and a.plover == b.plover and a.cameo[:2] == b.cameo[:2]


# ACLED rules by severity: a demonstration that turns to a riot is a riot.
_SEVERITY = {"protest": 1, "intervention": 2, "riot": 3, "mob": 3}


def absorb(keep, gone) -> None:
    """Merge draft `gone` into `keep`."""
    if gone is keep:
        return
    if (keep.pattern.generic and not gone.pattern.generic) or \
            _SEVERITY.get(gone.acled_rule, 0) > _SEVERITY.get(keep.acled_rule, 0) > 0:
        keep.cameo, keep.pattern, keep.acled_rule = gone.cameo, gone.pattern, gone.acled_rule
        keep.mode = gone.mode or keep.mode
    elif gone.acled_rule == "clash" and keep.acled_rule == "violence":
        keep.acled_rule = "clash"   # an attack told with the exchange of fire it led to was a fight
    for attr in ("source", "target"):
        mine = getattr(keep, attr)
        for x in getattr(gone, attr):
            if x not in mine:
                mine.append(x)
    keep.src_heads += [t for t in gone.src_heads if t not in keep.src_heads]
    keep.tgt_heads += [t for t in gone.tgt_heads if t not in keep.tgt_heads]
    seen = {(k, c.start, c.end) for k, c in keep.casualties}
    for k, c in gone.casualties:
        if (k, c.start, c.end) not in seen:
            keep.casualties.append((k, c))
    for m in gone.mentions:
        if m not in keep.mentions:
            keep.mentions.append(m)
            keep.mention_status[m] = gone.mention_status.get(m, gone.status)
    for e in gone.evidence:
        if e not in keep.evidence:
            keep.evidence.append(e)
    if keep.instrument is None:
        keep.instrument = gone.instrument
    for x in gone.embedded:
        if x not in keep.embedded:
            keep.embedded.append(x)
            x.parent = keep
    gone.merged_into = keep


def _chain_to(noun, verb, max_steps: int = 3) -> bool:
    t = noun
    for _ in range(max_steps):
        if t.head.i == t.i:
            return False
        if t.dep_ not in ("pobj", "prep", "nsubj", "nsubjpass", "npadvmod", "compound", "conj", "agent"):
            return False
        t = t.head
        if t.i == verb.i:
            return True
    return False


def _overlap(a: list, b: list) -> bool:
    return bool(set(a) & set(b))


def _codes(ids: list, index) -> set:
    out = set()
    for i in ids:
        actor = index.actor_of(i)
        if actor and actor.country and actor.sector:
            out.add((actor.country, actor.sector))
    return out


def _named(ids: list, index) -> set:
    """Entities that name someone ("JNIM", "Mali", "Diarra"), not generic agents ("militiamen")."""
    return {i for i in ids if (index.entities.get(i) is not None and index.entities[i].type != "GROUP")}


def _agree(a, b, index) -> bool:
    """Actors of two reports do not contradict each other and share at least one named side
    (two generic "militiamen" may be two groups)."""
    def side(x, y):
        if not x or not y:
            return None
        if _named(x, index) & _named(y, index):
            return True
        if _overlap(x, y) and a.sent_index < HEADLINE_SENTENCES:
            return True
        return False if not _overlap(x, y) else None
    s, t = side(a.source, b.source), side(a.target, b.target)
    if s is False or t is False:
        return False
    return bool(s or t)


def merge_all(drafts: list, index) -> list:
    live = [d for d in drafts if d.merged_into is None]
    # 1. a noun event inside a verb event's clause
    by_token = {d.token.i: d for d in live}
    for d in live:
        if d.merged_into is not None or d.pattern.pos != "NOUN" or d.parent is not None or d.derived:
            continue
        for other in live:
            if other is d or other.merged_into is not None or other.pattern.pos != "VERB" or other.derived:
                continue
            if same_kind(d, other) and _chain_to(d.token, other.token) and d.light is None:
                absorb(other, d)
                break
    live = [d for d in live if d.merged_into is None]
    # 2. coordinated verbs of one kind sharing their subject, and "attacked the village, killing five"
    for d in live:
        if d.merged_into is not None or d.pattern.pos != "VERB" or d.derived:
            continue
        participle = d.token.dep_ == "advcl" and d.token.tag_ == "VBG" and violent(d)
        if (d.token.dep_ == "conj" or participle) and d.token.head.i in by_token:
            head = by_token[d.token.head.i]
            while head.merged_into is not None:
                head = head.merged_into
            if head is not d and same_kind(head, d) and not head.derived and \
                    (not d.source or not head.source or _overlap(d.source, head.source)) and \
                    head.status_key() == d.status_key():
                absorb(head, d)
    live = [d for d in live if d.merged_into is None]
    # 3. "the attack": a further mention of the latest event of its kind
    for i, d in enumerate(live):
        if d.pattern.pos != "NOUN" or d.source or d.target or d.light is not None or d.parent is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those")
                   for c in d.token.children):
            continue
        for prev in reversed(live[:i]):
            if prev.merged_into is not None or prev.derived or not same_kind(prev, d):
                continue
            if d.sent_index - prev.sent_index > ANAPHOR_WINDOW:
                break
            if prev.sent_index < d.sent_index:
                d.anaphoric = True
                absorb(prev, d)
                break
    live = [d for d in live if d.merged_into is None]
    # 4. the same event reported again (headline and body, lede and detail)
    for i, d in enumerate(live):
        if d.merged_into is not None or d.derived or d.parent is not None:
            continue
        for prev in live[:i]:
            if prev.merged_into is not None or prev.derived or prev.parent is not None or prev is d:
                continue
            if prev.sent_index == d.sent_index:
                continue
            if prev.cameo[:3] != d.cameo[:3] and not (violent(prev) and violent(d) and same_kind(prev, d) and
                                                    (prev.pattern.generic or d.pattern.generic)):
                continue
            near = prev.sent_index < HEADLINE_SENTENCES or d.sent_index - prev.sent_index <= NEAR_WINDOW
            if not near or prev.status_key() != d.status_key():
                continue
            if _agree(prev, d, index):
                absorb(prev, d)
                break
    return [d for d in drafts if d.merged_into is None]
