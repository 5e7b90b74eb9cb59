"""Event places against a sentence-level linking set (`gold.events: [{trigger, places}]`, Halterman's
event-location set): is the toponym eventwire pins an event to the one the annotators chose?

The gold events are not exhaustive (only some verbs were annotated), so scoring goes per gold
trigger: the extracted event whose trigger, any mention or light verb ("launched" of "launched an
assault") overlaps it is its match, and its place
mention(s) are compared with the gold places token by token (word tokens, `\\w+`). Two figures:

- end to end: a gold trigger no extracted event matches contributes its gold place tokens as misses;
- on matched triggers: only gold events that eventwire also extracted (linking quality alone).

An event with no place, or whose place lies outside the sentence (the previous-sentence fallback),
predicts no tokens in the sentence.
"""
from __future__ import annotations

import re

from .common import PRF, Report, with_gold

_WORD = re.compile(r"\w+")


def _tokens(text: str, spans) -> set[tuple[int, int]]:
    out = set()
    for s, e in spans:
        out |= {(s + m.start(), s + m.end()) for m in _WORD.finditer(text[s:e])}
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(gold_trigger: dict, events: list[dict]) -> dict | None:
    gs = (gold_trigger["start"], gold_trigger["end"])
    best, best_ov = None, 0
    for e in events:
        for m in [e["trigger"]] + list(e.get("mentions") or []) + ([e["light_verb"]] if e.get("light_verb") else []):
            ov = _overlap(gs, (m["start"], m["end"]))
            if ov > best_ov:
                best, best_ov = e, ov
    return best


def predicted_spans(event: dict, places: dict[str, dict], length: int) -> list[tuple[int, int]]:
    """The place mentions the event is pinned to inside the text."""
    spans = [(m["start"], m["end"]) for m in event.get("place_mentions") or []]
    if not spans and event.get("place") in places:
        spans = [(m["start"], m["end"]) for m in places[event["place"]].get("mentions") or []]
    return [(s, e) for s, e in spans if 0 <= s < e <= length]


def score(path: str, limit: int | None = None) -> Report:
    report = Report("event places", path)
    e2e, matched = PRF(), PRF()
    exact_n = exact_ok = gold_events = found = 0
    for record, analysis, gold in with_gold(report, path, limit, "events", "events"):
        text = record["text"]
        places = {p["id"]: p for p in analysis.places or [] if isinstance(p, dict)}
        for g in gold:
            gold_events += 1
            want = _tokens(text, [(p["start"], p["end"]) for p in g.get("places") or []])
            event = _match(g["trigger"], analysis.events or [])
            got = _tokens(text, predicted_spans(event, places, len(text))) if event else set()
            tp, fp, fn = len(want & got), len(got - want), len(want - got)
            e2e.tp += tp
            e2e.fp += fp
            e2e.fn += fn
            if event is not None:
                found += 1
                matched.tp += tp
                matched.fp += fp
                matched.fn += fn
                exact_n += 1
                exact_ok += want == got
    report.figures = {"p": e2e.precision, "r": e2e.recall, "f1": e2e.f1, "p_matched": matched.precision,
                      "r_matched": matched.recall, "f1_matched": matched.f1,
                      "trigger_recall": found / gold_events if gold_events else 0.0,
                      "exact_matched": exact_ok / exact_n if exact_n else 0.0}
    report.lines += [
        f"gold events: {gold_events}; matched by an extracted event: {found} "
        f"({report.figures['trigger_recall']:.3f})",
        e2e.row("place tokens, end to end"),
        matched.row("place tokens, matched events"),
        f"{'same place set, matched':<28} {report.figures['exact_matched']:6.3f}   ({exact_ok}/{exact_n}; "
        "no place = no place counts as right)",
    ]
    return report
