"""Time expressions against a TIMEX3 set (TempEval-3 style): spans, then normalised values.

Spans match when they overlap by at least half of the longer one (one-to-one, best overlap
first; the convention of ../shared/eval); exact-span figures are reported too. Value accuracy is
over matched expressions; the (span, value) F1 counts a prediction correct when its span matches
and its value is the gold value, TempEval-3's "value F1". TempEval-3 itself matched spans on any
overlap ("relaxed"): that figure is printed too, for comparison with published systems.
"""
from __future__ import annotations

import re

from .common import PRF, Report, with_gold


# TIMEX3 spellings of the same ISO 8601 value: decades, centuries and millennia as years,
# an hour without minutes, a week number without its leading zero, a decade or century written
# with its unknown digits ("196X" for "196", "19XX" for "19"), a year with an unknown month
# ("1968-XX" for "1968").
UNIT_YEARS = {"E": 10, "DE": 10, "CE": 100, "L": 1000, "ML": 1000}


def _norm_value(v) -> str:
    v = str(v or "").strip().upper()
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    v = re.sub(r"(T\d\d)$", r"\1:00", v)
    v = re.sub(r"^(\d{4})-XX$", r"\1", v)
    m = re.fullmatch(r"(\d{2,3})(X+)", v)
    if m and len(v) == 4:
        return m.group(1)
    m = re.fullmatch(r"P(\d+)(DE|CE|ML|E|L)", v)
    return f"P{int(m.group(1)) * UNIT_YEARS[m.group(2)]}Y" if m else v


def _overlap(a, b) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match(gold: list[tuple], pred: list[tuple], relaxed: bool = False) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs overlapping by half the longer span or more
    (`relaxed`: by any character)."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            o = _overlap(g, p)
            if o > 0 and (relaxed or 2 * o >= max(g[1] - g[0], p[1] - p[0])):
                pairs.append((-o, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def score(path: str, limit: int | None = None) -> Report:
    report = Report("times", path)
    span, exact, pair, relaxed = PRF(), PRF(), PRF(), PRF()
    matched = correct = 0
    by_type: dict[str, list[int]] = {}
    for record, analysis, times in with_gold(report, path, limit, "times", "times", empty_ok=True):
        gold = [(g["start"], g["end"], _norm_value(g.get("value")), g.get("type", "?")) for g in times]
        pred = [(t["start"], t["end"], _norm_value(t.get("value"))) for t in analysis.times]
        pairs = match(gold, pred)
        span.tp += len(pairs)
        span.fp += len(pred) - len(pairs)
        span.fn += len(gold) - len(pairs)
        ex = {g[:2] for g in gold} & {p[:2] for p in pred}
        exact.tp += len(ex)
        exact.fp += len(pred) - len(ex)
        exact.fn += len(gold) - len(ex)
        good = sum(1 for i, j in pairs if gold[i][2] == pred[j][2])
        matched += len(pairs)
        correct += good
        pair.tp += good
        pair.fp += len(pred) - good
        pair.fn += len(gold) - good
        loose = sum(1 for i, j in match(gold, pred, relaxed=True) if gold[i][2] == pred[j][2])
        relaxed.tp += loose
        relaxed.fp += len(pred) - loose
        relaxed.fn += len(gold) - loose
        for i, j in pairs:
            t = by_type.setdefault(gold[i][3], [0, 0])
            t[0] += 1
            t[1] += gold[i][2] == pred[j][2]
    accuracy = correct / matched if matched else 0.0
    if not report.skipped:
        report.lines.append("records skipped: 0")
    report.lines += [
        span.row("span (overlap)"),
        exact.row("span (exact)"),
        f"{'value accuracy (matched)':<28} {accuracy:6.3f}   ({correct} of {matched})",
        pair.row("(span, value)"),
        relaxed.row("(span, value), TE-3 relaxed"),
    ]
    report.lines += [f"  value accuracy {t:<12} {c / n:6.3f}   ({c} of {n})" for t, (n, c) in sorted(by_type.items())]
    report.figures = {"span_f1": span.f1, "span_exact_f1": exact.f1, "value_accuracy": accuracy,
                      "value_f1": pair.f1, "value_f1_relaxed": relaxed.f1, "span_precision": span.precision, "span_recall": span.recall}
    return report
