"""Event coding: who did what to whom, coded in CAMEO, PLOVER and ACLED, with status,
fatalities and the data entries that produced each value.

    resolve(doc, analysis)   the analysis stage (registered in eventwire/stages.py)

Modules, one job each: `lexicon` (ontology lookup: the verb-pattern file of a language and
cameo.yaml), `triggers` (trigger detection), `roles` (argument and role extraction, entities),
`status` (asserted / attributed / denied / hypothetical / negated), `fatalities` (casualty
counts), `acled` (ACLED types), `merge` (within-article merging), `stage` (the stage itself).
"""
from .stage import resolve

__all__ = ["resolve"]
