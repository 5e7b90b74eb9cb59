"""ACLED actor coding: does the analysis of a coder's note code its actors to the right country
and sector? Two views:

- `note`: for each actor1/actor2 whose ACLED name carries a country ("Military Forces of Mali",
  "Civilians (Niger)") and whose note names that country in any form (name, demonym, capital or a
  named actor of it), is there an actor entity (not a bare place) coded with that country?
- `string`: the ACLED actor string itself, resolved through the same lexicon and agent coder.
"""
from __future__ import annotations

import re

from ..actors.lexicon import lexicon
from ..analysis import analyze
from .common import PRF, Report, analysed, read_set

# ACLED inter codes -> the sectors that count as a match.
INTER_SECTORS = {1: {"MIL", "POL", "GOV", "SPY"}, 2: {"REB", "INS"}, 3: {"MLT", "INS", "REB", "UAF", "PTY"},
                 4: {"MLT", "UAF"}, 5: {"OPP", "CVL"}, 6: {"OPP", "CVL"}, 7: {"CVL"},
                 8: {"MIL", "IGO", "PMC", "GOV", "POL", "NGO"}}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}


def gold_country(actor: str) -> str | None:
    """Country an ACLED actor name carries: "Civilians (Mali)", "Military Forces of Mali (2016-)"."""
    _, by_name = lexicon()
    entries = lexicon()[0]
    for m in re.finditer(r"\(([^()]+)\)|\bof ([A-Z][\w' -]+?)(?: \(|$)", actor):
        name = (m.group(1) or m.group(2) or "").strip()
        key = by_name.get(name)
        if key and entries[key].country and entries[key].kind in ("country", "demonym"):
            return entries[key].country
    return None


def _named_countries(analysis, explicit: bool = False) -> set[str]:
    """Countries the note names: any coded name, or (explicit) a country, capital or demonym."""
    return {e.actor.country for e in analysis.entities if e.actor and e.actor.country
            and (not explicit or any(ev.startswith("countries.yaml") for ev in e.actor.evidence))}


def score(path: str, limit: int | None = None) -> Report:
    report = Report("actors (ACLED notes)", path)
    records = list(read_set(path, limit))
    found, explicit = PRF(), PRF()
    sector_ok = total_sector = 0
    for record, analysis in analysed(records):
        if not hasattr(analysis, "entities"):
            report.skip(f"analysis failed: {analysis.code}")
            continue
        gold = record.get("gold", {})
        named = _named_countries(analysis)
        actors = [e for e in analysis.entities if e.actor and e.type not in _PLACE_TYPES]
        used = False
        for slot, inter in (("actor1", "inter1"), ("actor2", "inter2")):
            country = gold_country(gold.get(slot) or "")
            if not country:
                continue
            if country not in named:
                report.skip("note does not name the actor's country")
                continue
            used = True
            hits = [e for e in actors if e.actor.country == country]
            if country in _named_countries(analysis, explicit=True):
                explicit.tp += bool(hits)
                explicit.fn += not hits
            if hits:
                found.tp += 1
                total_sector += 1
                sector_ok += any(e.actor.sector in INTER_SECTORS.get(gold.get(inter), set()) for e in hits)
            else:
                found.fn += 1
        if used:
            report.scored += 1
        else:
            report.skip("no actor with a country the note names")
    strings = PRF()
    names = {gold.get(slot) for r in records for gold in [r.get("gold", {})] for slot in ("actor1", "actor2")}
    for name in sorted(n for n in names if n):
        country = gold_country(name)
        if not country:
            continue
        clean = re.sub(r"\s*\([^()]*\d{4}[^()]*\)", "", name)  # drop "(2016-2021)" validity spans
        coded = {e.actor.country for e in analyze(clean, lang="en").entities if e.actor}
        if country in coded:
            strings.tp += 1
        else:
            strings.fn += 1
    rec = found.recall
    report.figures = {"note_country_recall": rec, "explicit_country_recall": explicit.recall,
                      "sector_given_country": sector_ok / total_sector if total_sector else 0.0,
                      "string_country_recall": strings.recall}
    report.lines += [
        f"actor country found in the note's analysis: {rec:.3f} ({found.tp}/{found.tp + found.fn} actors)",
        f"  ... where the note names the country itself (name, capital, demonym): {explicit.recall:.3f} "
        f"({explicit.tp}/{explicit.tp + explicit.fn})",
        f"  ... and sector matches ACLED's inter class: {report.figures['sector_given_country']:.3f} "
        f"({sector_ok}/{total_sector})",
        f"ACLED actor strings resolved to their country: {strings.recall:.3f} ({strings.tp}/{strings.tp + strings.fn} "
        f"distinct names)",
    ]
    return report
