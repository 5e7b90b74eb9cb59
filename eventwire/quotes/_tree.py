"""Bounded access to the dependency tree: a token's children, at most `NEAR` on each side.

spaCy's `Token.children` scans the whole stretch under a token, so in a run of text with no
punctuation (one sentence of thousands of tokens) every call costs the length of the text. The
child lists are built once per document instead, and a token with very many children offers
only the nearest ones: reporting verbs find their subject, complement and object close by, and
the work per cue stays constant, so the stage stays linear in the text.
"""
from __future__ import annotations

import weakref
from bisect import bisect_right

from spacy.tokens import Doc, Token

NEAR = 60

_last: tuple[weakref.ref, list[list[int]], list[int]] | None = None


def _tree(doc: Doc) -> tuple[list[list[int]], list[int]]:
    """Child lists and sentence starts of the last document asked about."""
    global _last
    if _last is not None and _last[0]() is doc:
        return _last[1], _last[2]
    kids: list[list[int]] = [[] for _ in range(len(doc))]
    for i, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist()):  # relative offsets
        if offset:
            kids[i + offset].append(i)
    starts = [s.start for s in doc.sents] if len(doc) else [0]
    _last = (weakref.ref(doc), kids, starts)
    return kids, starts


def _kids(doc: Doc) -> list[list[int]]:
    return _tree(doc)[0]


def sentence(tok: Token) -> tuple[int, int]:
    """Token range of the token's sentence (`Token.sent` walks the whole sentence each time)."""
    doc = tok.doc
    starts = _tree(doc)[1]
    k = bisect_right(starts, tok.i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def dominates(tok: Token, other: Token) -> bool:
    """Whether `other` is in the subtree of `tok` (parses are projective: the subtree is a span)."""
    return tok.left_edge.i <= other.i <= tok.right_edge.i


def conjuncts(tok: Token) -> list[Token]:
    """The conjuncts after a token ("Mali and Niger"), following conj children."""
    out, node = [], tok
    for _ in range(NEAR):
        nxt = next((c for c in children(node) if c.dep_ == "conj" and c.i > node.i), None)
        if nxt is None:
            break
        out.append(nxt)
        node = nxt
    return out


def children(tok: Token) -> list[Token]:
    """The token's children in order (the nearest `NEAR` on each side)."""
    doc = tok.doc
    kids = _kids(doc)[tok.i]
    if len(kids) > 2 * NEAR:
        kids = [k for k in kids if abs(k - tok.i) <= NEAR]
    return [doc[k] for k in kids]


def rights(tok: Token) -> list[Token]:
    return [t for t in children(tok) if t.i > tok.i]
