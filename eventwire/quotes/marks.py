"""Direct quotes from quotation marks alone: pairs opening and closing marks in the raw text.

One pass over the text, paragraph by paragraph (a paragraph is a line), with a small stack of
open marks, so the time is linear in the text and a stray mark cannot reach past its paragraph:

- a mark opens or closes by its context (a letter after it and a space before it opens; a letter
  before it and a space or punctuation after it closes), and only where the context says
  nothing by its shape (“ « „ open, ” » close; a straight " closes whatever straight mark is open);
- double marks (" “ ” „, and the typewriter '' and ``), guillemets (« » ‹ ›) and single marks (‘ ’ ') are three families: a
  closing mark closes the innermost open mark of its own family, so nested quotes
  (« il a dit “non” » or “he told me ‘leave’”) pair correctly; single marks are taken only in
  their clear opening/closing contexts, since ’ and ' are apostrophes far more often;
- a quote left open at the end of its paragraph, which ends on a full sentence, continues into
  the next paragraph when that one opens with a mark of the same family (the wire convention for
  multi-paragraph quotes); otherwise it ends with its paragraph if it opened a sentence, and is
  dropped if it opened in the middle of one. So an unbalanced mark costs at most its paragraph.
Only outermost quotes are returned; what is nested inside them belongs to their text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE, GUILLEMET, SINGLE = "double", "guillemet", "single"
FAMILY = {'"': DOUBLE, "\u201c": DOUBLE, "\u201d": DOUBLE, "\u201e": DOUBLE, "\u201f": DOUBLE,
          "\uff02": DOUBLE, "\u2033": DOUBLE,
          "\u00ab": GUILLEMET, "\u00bb": GUILLEMET, "\u2039": GUILLEMET, "\u203a": GUILLEMET,
          "\u2018": SINGLE, "\u2019": SINGLE, "'": SINGLE, "\u201a": SINGLE, "\u201b": SINGLE}
OPENERS = set("\u201c\u201e\u201f\u00ab\u2039\u2018\u201a\u201b")
CLOSERS = set("\u201d\u00bb\u203a\u2019")
CLOSING_MARKS = '"' + "".join(sorted(CLOSERS))   # what may end a quotation, the straight mark too
QUOTE_CHARS = "".join(FAMILY)
_OPEN_BEFORE = set("([{<\u2014\u2013-/:") | set(FAMILY)
_CLOSE_AFTER = set(".,;:!?)]}>\u2014\u2013-/\u2026") | set(FAMILY)
_SENTENCE_END = set(".!?:\u2026")
MAX_DEPTH = 8  # a document full of marks must not grow the stack
MAX_PARAGRAPHS = 20  # the longest quote that runs on over paragraphs


@dataclass
class Marked:
    """A quote found by its marks. `start`/`end` enclose the marks, `inner_start`/`inner_end`
    the words (trimmed); `closed` is False when it ran to the end of its paragraph."""
    start: int
    end: int
    inner_start: int
    inner_end: int
    family: str
    closed: bool = True
    paragraphs: int = 1


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, lo: int, hi: int, width: int = 1) -> tuple[bool, bool]:
    """(can open, can close) of the mark at i, from its neighbours within [lo, hi)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    can_open = not nxt.isspace() and (prev.isspace() or prev in _OPEN_BEFORE)
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER)
    return can_open, can_close


def _single_role(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Single marks only in unmistakable contexts: not inside a word (don't, Côte d’Ivoire),
    not an elision before a digit ('90s)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if _is_word(prev) and _is_word(nxt):
        return False, False
    can_open = text[i] != "\u2019" and (prev.isspace() or prev in "([{\u2014\u2013\"\u201c") and nxt.isalpha()
    can_close = text[i] != "\u2018" and not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER)
    return can_open, can_close


def _starts_sentence(text: str, i: int, lo: int) -> bool:
    j = i - 1
    while j >= lo and text[j].isspace():
        j -= 1
    return j < lo or text[j] in _SENTENCE_END or text[j] in "\u2014\u2013-"


def _ends_sentence(text: str, lo: int, hi: int) -> bool:
    j = hi - 1
    while j >= lo and (text[j].isspace() or text[j] in QUOTE_CHARS):
        j -= 1
    return j >= lo and text[j] in _SENTENCE_END


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _paragraphs(text: str):
    lo = 0
    n = len(text)
    while lo <= n:
        hi = text.find("\n", lo)
        if hi < 0:
            hi = n
        yield lo, hi
        lo = hi + 1


def _mark(text: str, i: int, hi: int) -> tuple[str | None, int]:
    """The family and width of a quotation mark at i: typewriter '' and `` are double marks."""
    ch = text[i]
    if ch in "'`" and i + 1 < hi and text[i + 1] == ch:
        return DOUBLE, 2
    if ch == "`":
        return None, 1
    return FAMILY.get(ch), 1


# A transcript speaker's name in capitals before a colon ("PENCE: Well, ..."); after an opening mark
# it starts a new quotation, not the last one running on.
TRANSCRIPT_NAME = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}"
_TURN = re.compile(TRANSCRIPT_NAME + r":\s")


def pair_quotes(text: str) -> list[Marked]:
    """Outermost quotes of `text`, in order."""
    out: list[Marked] = []
    carry: tuple[int, str, int, int] | None = None  # (open index, family, paragraphs, width)
    last_para_end = 0

    def finish(opened: tuple[int, str, int, int], end_at: int, closed: bool, close_width: int = 1):
        open_at, family, paras, width = opened
        inner_start, inner_end = _trim(text, open_at + width, end_at)
        # A quote says something in words: not an attribute value, a number or a lone symbol.
        if inner_end > inner_start and any(ch.isalpha() for ch in text[inner_start:min(inner_end, inner_start + 200)]):
            out.append(Marked(open_at, end_at + (close_width if closed else 0), inner_start, inner_end,
                              family, closed, paras))

    for lo, hi in _paragraphs(text):
        first = lo
        while first < hi and text[first].isspace():
            first += 1
        if first == hi:  # a blank line: a carried quote waits for the next paragraph
            continue
        stack: list[tuple[int, str, int, int]] = []  # (index, family, paragraphs, width)
        i = lo
        if carry is not None:
            family, width = _mark(text, first, hi)
            if family == carry[1] and not _TURN.match(text, first + width, hi):
                stack.append((carry[0], carry[1], carry[2] + 1, carry[3]))
                i = first + width
            else:
                finish(carry, last_para_end, False)
            carry = None
        while i < hi:
            family, width = _mark(text, i, hi)
            if family is None or (i > lo and text[i - 1] == "=" and not stack):
                i += width if family is not None else 1  # markup: author="x" is no quote
                continue
            ch = text[i]
            if width == 2:
                can_open, can_close = _role(text, i, lo, hi, width)
                if ch == "`":
                    can_open, can_close = True, False
            elif family == SINGLE:
                can_open, can_close = _single_role(text, i, lo, hi)
                if not (can_open or can_close):
                    i += 1
                    continue
            elif family == GUILLEMET:  # French spacing (« oui ») hides the context; the shape is reliable
                can_open, can_close = ch in OPENERS, ch in CLOSERS
            else:
                can_open, can_close = _role(text, i, lo, hi, 1)
            open_of_family = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == family), None)
            if can_open and can_close or not (can_open or can_close):
                # The context says nothing: the mark's shape decides, then what is open.
                if ch in OPENERS:
                    can_open, can_close = True, False
                elif ch in CLOSERS:
                    can_open, can_close = False, True
                else:
                    can_open, can_close = open_of_family is None, open_of_family is not None
            if can_close and open_of_family is not None:
                opened = stack[open_of_family]
                del stack[open_of_family:]
                if not stack:
                    finish(opened, i, True, width)
            elif can_open and len(stack) < MAX_DEPTH:
                stack.append((i, family, 1, width))
            i += width
        if stack and _starts_sentence(text, stack[0][0], lo):
            if _ends_sentence(text, lo, hi) and stack[0][2] < MAX_PARAGRAPHS:
                carry = stack[0]
            else:  # a quote that does not end its paragraph on a full sentence ends with it
                finish(stack[0], hi, False)
        last_para_end = hi
    if carry is not None:
        finish(carry, last_para_end, False)
    return out
