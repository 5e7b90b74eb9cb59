"""Quotes and attribution: who said what, with which stance.

`resolve(doc, analysis)` is the stage (registered in `eventwire/stages.py`); `find_quotes` does the
work on a parsed document and its entities. Modules, one job each: `marks` pairs quotation marks,
`cues` finds the words that report speech (lexicon in `data/cues/<lang>.yaml`, read by
`lexicon`), `indirect` reads the reported content from the parse, `speakers` finds who speaks and
links them to entities, `direct` attributes each marked quote (direct, partial, scare), `stage`
puts them together with floating quotes; `record` and `_tree` are the shared plumbing.
"""
from .lexicon import STANCES, lexicon
from .stage import find_quotes, resolve

__all__ = ["STANCES", "find_quotes", "lexicon", "resolve"]
