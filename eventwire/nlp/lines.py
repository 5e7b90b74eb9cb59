"""`eventwire_line_starts`: a spaCy component, before the parser, that starts a sentence after a
blank line.

The parser runs a headline, a dateline or a timestamp with no full stop into the next paragraph
("Sahel armies look east for weapons¶¶Moscow's tanks are ideal, the army chief said"), so a verb
of one paragraph takes its subject or its complement from the other. A blank line always ends a
sentence, and the parser keeps sentence starts set before it, so the paragraphs are parsed apart.

A single line break is left to the parser: a headline over its story's first line is often one
event told twice, which the event coder reads as one sentence, and text wrapped at a fixed width
breaks lines inside sentences (the quotes stage keeps what a cue reports on its own line).
It only reads the tokens' text, so it costs one pass over the document.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("eventwire_line_starts", requires=[], assigns=["token.is_sent_start"])
def make_line_starts(nlp: Language, name: str):
    return line_starts


def line_starts(doc: Doc) -> Doc:
    for i in range(1, len(doc) - 1):
        tok = doc[i]
        if tok.is_space and tok.text.count("\n") >= 2 and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
    return doc
