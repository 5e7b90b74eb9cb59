"""Named-entity spans against a CoNLL-style set (PER, LOC, ORG, MISC), exact span and type."""
from __future__ import annotations

from .common import PRF, Report, analysed, read_set

# OntoNotes-style labels -> CoNLL's four. Generic agents ("GROUP") and role mentions are not
# names, so they are left out.
TO_CONLL = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "MISC",
            "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def score(path: str, limit: int | None = None) -> Report:
    report = Report("entities", path)
    total, by_type = PRF(), {}
    for record, analysis in analysed(list(read_set(path, limit))):
        if not hasattr(analysis, "entities"):
            report.skip(f"analysis failed: {analysis.code}")
            continue
        report.scored += 1
        gold = {(g["start"], g["end"], g["type"]) for g in record["gold"].get("entities", [])}
        pred = {(m.start, m.end, TO_CONLL[e.type]) for e in analysis.entities if e.type in TO_CONLL
                for m in e.mentions if m.kind == "name"}
        for t in {x[2] for x in gold | pred}:
            prf = by_type.setdefault(t, PRF())
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            prf.tp += len(g & p)
            prf.fp += len(p - g)
            prf.fn += len(g - p)
        total.tp += len(gold & pred)
        total.fp += len(pred - gold)
        total.fn += len(gold - pred)
    report.lines.append(total.row("all (exact span + type)"))
    report.lines += [by_type[t].row(t) for t in sorted(by_type)]
    report.figures = {"f1": total.f1, **{f"f1_{t}": by_type[t].f1 for t in by_type}}
    return report
