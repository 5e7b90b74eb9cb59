"""Event status against the factuality sets (TimeBank / AQUAINT with TimeML polarity, modality and
SLINKs; `status` derived as the sets' SOURCE.md explains): on the events eventwire extracts whose
trigger matches a gold event that has a status, status accuracy and per-class P/R/F1.

A trigger matches when the spans overlap by at least half of the longer one (the sets' convention);
every mention of a merged event is matched, with the status its own clause gives it.

The gold `status` says "attributed" only where an annotator drew an EVIDENTIAL SLINK. Some documents
(many of AQUAINT's) have reporting events but not a single EVIDENTIAL or NEG_EVIDENTIAL SLINK: their
annotation says nothing about attribution, so there an event is scored with the status its other
layers give (`modality` without attributed and denied), the layers the gold did annotate. The same
holds for a sentence of an annotated document whose reporting events subordinate nothing: no
EVIDENTIAL or NEG_EVIDENTIAL cue lies in it ("Investigators said they found a rifle" with no link
from "said"), so the gold is silent on what that sentence reports (sentences as the pipeline splits
them). The figure on the gold exactly as derived is printed too (`status_accuracy_as_derived`).
"""
from __future__ import annotations

from collections import Counter

from .common import PRF, Report, analysed, read_set

CLASSES = ("asserted", "attributed", "hypothetical", "negated", "denied")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= max(a[1] - a[0], b[1] - b[0])


_REPORT_LINKS = ("EVIDENTIAL", "NEG_EVIDENTIAL")
_ORDER = ("denied", "attributed", "hypothetical", "negated")


def attribution_annotated(gold: list[dict]) -> bool:
    """False when the document has reporting events but no evidential SLINK at all."""
    if not any(g.get("event_class") == "REPORTING" for g in gold):
        return True
    return any(s.get("type") in _REPORT_LINKS for g in gold for s in g.get("slinks") or ())


def silent_sentences(gold: list[dict], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences holding a reporting event but no evidential SLINK cue: attribution unannotated."""
    def inside(span: dict, a: int, b: int) -> bool:
        return a <= span["start"] < b
    cues = [s["cue"] for g in gold for s in g.get("slinks") or () if s.get("type") in _REPORT_LINKS and s.get("cue")]
    return [(a, b) for a, b in sentences
            if any(g.get("event_class") == "REPORTING" and inside(g["trigger"], a, b) for g in gold)
            and not any(inside(c, a, b) for c in cues)]


def without_attribution(layers: list[str]) -> str:
    """The status the layers give when attribution is not part of the question."""
    return next((x for x in _ORDER if x in layers and x not in ("attributed", "denied")), "asserted")


def score(path: str, limit: int | None = None) -> Report:
    report = Report("factuality (event status)", path)
    per = {c: PRF() for c in CLASSES}
    ok = n = 0
    ok_derived = 0
    unannotated_docs = unannotated_events = silent_events = 0
    gold_total = 0
    confusion: Counter = Counter()
    for record, analysis in analysed(list(read_set(path, limit))):
        if not hasattr(analysis, "events"):
            report.skip(f"analysis failed: {analysis.code}")
            continue
        report.scored += 1
        all_gold = record.get("gold", {}).get("events", [])
        gold = [g for g in all_gold if g.get("status")]
        gold_total += len(gold)
        annotated = attribution_annotated(all_gold)
        unannotated_docs += bool(gold) and not annotated
        silent = silent_sentences(all_gold, sorted({(e["sentence"]["start"], e["sentence"]["end"])
                                                    for e in analysis.events if e.get("sentence")}))
        spans = []
        for e in analysis.events:
            if e.get("intent_of"):   # a modal's statement of intent: not an event of the text's own words
                continue
            for m in e.get("mentions") or [e["trigger"]]:
                own = m.get("status", e["status"])   # a merged-in mention keeps what its clause says
                spans.append(((m["start"], m["end"]), own, m.get("modality", e.get("modality")) or []))
        used = set()
        for g in gold:
            gs = (g["trigger"]["start"], g["trigger"]["end"])
            k = next((k for k, (sp, _, _) in enumerate(spans) if k not in used and _overlap(sp, gs)), None)
            if k is None:
                continue
            used.add(k)
            _, raw, layers = spans[k]
            n += 1
            unannotated_events += not annotated
            # an event the gold links to a report elsewhere is annotated whatever its sentence holds
            quiet = annotated and not g.get("attribution") and any(a <= gs[0] < b for a, b in silent)
            silent_events += quiet
            hit = raw if annotated and not quiet else without_attribution(layers)
            want = g["status"]
            ok += hit == want
            ok_derived += raw == want
            if hit == want:
                per[want].tp += 1
            else:
                per[want].fn += 1
                per.setdefault(hit, PRF()).fp += 1
                confusion[(want, hit)] += 1
    report.figures = {"status_accuracy": ok / n if n else 0.0, "matched_events": n,
                      "status_accuracy_as_derived": ok_derived / n if n else 0.0,
                      **{f"f1_{c}": per[c].f1 for c in CLASSES}}
    report.lines += [
        f"gold events with a status: {gold_total}; matched by an extracted event: {n}",
        f"records whose gold annotates no attribution (reporting events, no evidential SLINK): "
        f"{unannotated_docs}; their {unannotated_events} matched events are scored without the attributed "
        f"and denied layers",
        f"matched events in sentences of the other records whose reporting events have no evidential SLINK, "
        f"scored the same way: {silent_events}",
        f"status accuracy on matched events: {report.figures['status_accuracy']:.3f} ({ok}/{n})",
        f"  (on the gold exactly as derived, attribution everywhere: "
        f"{report.figures['status_accuracy_as_derived']:.3f} ({ok_derived}/{n}))",
        *["  " + per[c].row(c) for c in CLASSES],
        "confusions (gold -> predicted):",
        *[f"  {g} -> {p}: {k}" for (g, p), k in confusion.most_common(10)],
    ]
    return report
