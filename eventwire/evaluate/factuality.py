"""Event status against the factuality sets (TimeBank / AQUAINT with TimeML polarity, modality and
SLINKs; `status` derived as the sets' SOURCE.md explains): on the events eventwire extracts whose
trigger matches a gold event that has a status, status accuracy and per-class P/R/F1.

A trigger matches when the spans overlap by at least half of the longer one (the sets' convention);
every mention of a merged event is matched with the event's status.
"""
from __future__ import annotations

from collections import Counter

from .common import PRF, Report, analysed, read_set

CLASSES = ("asserted", "attributed", "hypothetical", "negated", "denied")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= max(a[1] - a[0], b[1] - b[0])


def score(path: str, limit: int | None = None) -> Report:
    report = Report("factuality (event status)", path)
    per = {c: PRF() for c in CLASSES}
    ok = n = 0
    gold_total = 0
    confusion: Counter = Counter()
    for record, analysis in analysed(list(read_set(path, limit))):
        if not hasattr(analysis, "events"):
            report.skip(f"analysis failed: {analysis.code}")
            continue
        report.scored += 1
        gold = [g for g in record.get("gold", {}).get("events", []) if g.get("status")]
        gold_total += len(gold)
        spans = []
        for e in analysis.events:
            if e.get("intent_of"):   # a modal's statement of intent: not an event of the text's own words
                continue
            for m in e.get("mentions") or [e["trigger"]]:
                spans.append(((m["start"], m["end"]), e["status"]))
        used = set()
        for g in gold:
            gs = (g["trigger"]["start"], g["trigger"]["end"])
            hit = next((st for k, (sp, st) in enumerate(spans) if k not in used and _overlap(sp, gs)), None)
            if hit is None:
                continue
            used.add(next(k for k, (sp, st) in enumerate(spans) if k not in used and _overlap(sp, gs)))
            n += 1
            want = g["status"]
            ok += hit == want
            if hit == want:
                per[want].tp += 1
            else:
                per[want].fn += 1
                per.setdefault(hit, PRF()).fp += 1
                confusion[(want, hit)] += 1
    report.figures = {"status_accuracy": ok / n if n else 0.0, "matched_events": n,
                      **{f"f1_{c}": per[c].f1 for c in CLASSES}}
    report.lines += [
        f"gold events with a status: {gold_total}; matched by an extracted event: {n}",
        f"status accuracy on matched events: {report.figures['status_accuracy']:.3f} ({ok}/{n})",
        *["  " + per[c].row(c) for c in CLASSES],
        "confusions (gold -> predicted):",
        *[f"  {g} -> {p}: {k}" for (g, p), k in confusion.most_common(10)],
    ]
    return report
