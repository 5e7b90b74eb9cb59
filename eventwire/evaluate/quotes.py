"""Quotes and attribution against a `quotes` set (PolNeAR-style attribution relations).

Each role is scored as its own set of spans per article, PARC/PolNeAR fashion: content (the
quote), source (the speaker words) and cue. Spans match one-to-one, greedily by overlap, when
they share at least `OVERLAP` of the longer span's characters; "exact" figures require the same
span once whitespace, quotation marks and . , ; : ! ? are trimmed from both ends (annotators
differ on whether "that", a closing comma or the marks belong to a quote; only the marks and the
punctuation are forgiven).

On the quotes matched by content, speaker accuracy compares the speaker with the set's resolved
speaker name when it gives one (the entity's name or any of its mentions contain it, or the
other way round), otherwise with the speaker span (overlap >= `OVERLAP`, or ours opening the set's
span, which may run on over an apposition or a relative clause), and a quote with no
speaker in the set is right when none was found; cue accuracy compares cue spans the same way.
A set that (almost) never annotates a quote without a cue (PolNeAR: every relation has one)
cannot judge the quotes we leave without a cue (unattributed ones), so those are left out and
counted. Gold quotes given without offsets are looked up in the text (nearest occurrence).
Figures are split by kind: the set's `kind` for recall, for precision a predicted quote counts
as direct when it is direct or partial, or holds a quotation mark. Partial quotes inside an
indirect quote of ours (`within`) are the same relation as that quote, and scare quotes are
nobody's speech, so neither is scored.
"""
from __future__ import annotations

import re
import unicodedata

from .common import PRF, Report, analysed, read_set

OVERLAP = 0.3
CUELESS_SHARE = 0.01  # a set with fewer quotes without a cue than this does not annotate them
_TRIM = " \t\n\u00a0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2039\u203a.,;:!?\u2026"
_DOUBLE = set('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\uff02')


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0])
    return inter / longest if inter > 0 and longest > 0 else 0.0


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], threshold: float = OVERLAP) -> dict[int, int]:
    """One-to-one matching (gold index -> pred index), greedily by overlap."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov >= threshold:
                pairs.append((-ov, i, j))
    pairs.sort()
    out, used = {}, set()
    for _, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def _exact(text: str, gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> dict[int, int]:
    by_span: dict[tuple[int, int], list[int]] = {}
    for j, p in enumerate(pred):
        by_span.setdefault(_trimmed(text, p), []).append(j)
    out = {}
    for i, g in enumerate(gold):
        cands = by_span.get(_trimmed(text, g))
        if cands:
            out[i] = cands.pop()
    return out


def _add(prf: PRF, n_gold: int, n_pred: int, matched: int) -> None:
    prf.tp += matched
    prf.fn += n_gold - matched
    prf.fp += n_pred - matched


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s.replace("\u2019", "'")).strip(" .,;:").casefold()


def _locate(text: str, needle: str, near: int) -> tuple[int, int] | None:
    """Offsets of a gold string that the set gives without them: the occurrence nearest `near`."""
    if not needle:
        return None
    best = None
    i = text.find(needle)
    while i >= 0:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(needle, i + 1)
    return (best, best + len(needle)) if best is not None else None


def _gold(record: dict, report: Report) -> list[dict]:
    text = record["text"]
    out, cursor = [], 0
    for g in record["gold"].get("quotes", []):
        g = dict(g)
        if g.get("start") is None or g.get("end") is None:
            found = _locate(text, g.get("text", ""), cursor)
            if found is None:
                report.skip("gold quote not found in its text")
                continue
            g["start"], g["end"] = found
        cursor = g["start"]
        if g.get("speaker") and g.get("speaker_start") is None:
            found = _locate(text, g["speaker"], g["start"])
            if found:
                g["speaker_start"], g["speaker_end"] = found
        if g.get("cue") and g.get("cue_start") is None:
            found = _locate(text, g["cue"], g["start"])
            if found:
                g["cue_start"], g["cue_end"] = found
        out.append(g)
    return out


def _pred_kind(q: dict) -> str:
    if q["kind"] in ("direct", "partial") or _DOUBLE & set(q["text"]):
        return "direct"
    return "indirect"


def _speaker_ok(g: dict, q: dict, names: dict[str, list[str]]) -> bool:
    has_gold = bool(g.get("speaker_resolved") or g.get("speaker"))
    if not has_gold:
        return q.get("speaker") is None and q.get("speaker_text") is None
    if g.get("speaker_resolved"):
        want = _norm(g["speaker_resolved"])
        got = [_norm(t) for t in names.get(q.get("speaker"), [])] + [_norm(q.get("speaker_text"))]
        return any(t and (want in t or t in want) for t in got)
    if g.get("speaker_start") is not None and q.get("speaker_start") is not None:
        gs, qs = (g["speaker_start"], g["speaker_end"]), (q["speaker_start"], q["speaker_end"])
        # "Luis Rubio, who heads the Center ..." in the set, "Luis Rubio" ours: the same mention
        # when ours opens the set's span (its apposition or relative clause aside)
        return _overlap(gs, qs) >= OVERLAP or (gs[0] == qs[0] and qs[1] <= gs[1])
    want = _norm(g.get("speaker"))
    got = _norm(q.get("speaker_text"))
    return bool(got) and (want in got or got in want)


def _cue_ok(g: dict, q: dict) -> bool:
    cue = q.get("cue") or {}
    if g.get("cue_start") is None:
        return _norm(g.get("cue")) == _norm(cue.get("text")) if g.get("cue") else not cue
    return cue.get("start") is not None and _overlap((g["cue_start"], g["cue_end"]), (cue["start"], cue["end"])) >= OVERLAP


def _row(name: str, recall: tuple[int, int], precision: tuple[int, int]) -> tuple[str, float]:
    r = recall[0] / recall[1] if recall[1] else 0.0
    p = precision[0] / precision[1] if precision[1] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (f"{name:<28} P {p:6.3f}  R {r:6.3f}  F1 {f:6.3f}   (gold {recall[1]}, predicted {precision[1]})", f)


def annotates_cueless(records: list[dict]) -> bool:
    """Whether a set annotates quotes with no cue (floating quotes); PolNeAR does not."""
    quotes = [g for r in records for g in r.get("gold", {}).get("quotes", [])]
    return sum(1 for g in quotes if not g.get("cue")) > CUELESS_SHARE * len(quotes)


def score(path: str, limit: int | None = None) -> Report:
    records = list(read_set(path, limit))
    return tally(Report("quotes", path), analysed(records), cueless=annotates_cueless(records))


def tally(report: Report, pairs, cueless: bool = True) -> Report:
    """Score (record, Analysis | Failure) pairs into `report`. With `cueless` False, quotes we
    attribute with no cue of their own (floating quotes, unattributed quotes) are left out."""
    roles = {(role, how): PRF() for role in ("content", "source", "cue") for how in ("overlap", "exact")}
    kinds = {k: {"gold": 0, "gold_hit": 0, "pred": 0, "pred_hit": 0} for k in ("direct", "indirect")}
    speaker = {"all": [0, 0], "with speaker": [0, 0], "direct": [0, 0], "indirect": [0, 0]}
    cue_acc = [0, 0]
    left_out = 0
    for record, analysis in pairs:
        if not hasattr(analysis, "quotes"):
            report.skip(f"analysis failed: {analysis.code}")
            continue
        if "quotes" not in record.get("gold", {}):
            report.skip("no gold quotes")
            continue
        report.scored += 1
        text = record["text"]
        gold = _gold(record, report)
        pred = [q for q in analysis.quotes if not q.get("scare") and not q.get("within")]
        if not cueless:
            left_out += sum(1 for q in pred if not q.get("cue"))
            pred = [q for q in pred if q.get("cue")]
        names = {e.id: [e.name, *(m.text for m in e.mentions)] for e in analysis.entities}

        g_spans = [(g["start"], g["end"]) for g in gold]
        p_spans = [(q["start"], q["end"]) for q in pred]
        pairs = match(g_spans, p_spans)
        _add(roles["content", "overlap"], len(g_spans), len(p_spans), len(pairs))
        _add(roles["content", "exact"], len(g_spans), len(p_spans), len(_exact(text, g_spans, p_spans)))
        for role, gs, ge, ps in (("source", "speaker_start", "speaker_end", lambda q: (q["speaker_start"], q["speaker_end"])),
                                 ("cue", "cue_start", "cue_end", lambda q: (q["cue"]["start"], q["cue"]["end"]))):
            g_role = sorted({(g[gs], g[ge]) for g in gold if g.get(gs) is not None})
            p_role = sorted({ps(q) for q in pred if (q.get("speaker_start") is not None if role == "source"
                                                      else q.get("cue") is not None)})
            _add(roles[role, "overlap"], len(g_role), len(p_role), len(match(g_role, p_role)))
            _add(roles[role, "exact"], len(g_role), len(p_role), len(_exact(text, g_role, p_role)))

        matched_pred = set(pairs.values())
        for i, g in enumerate(gold):
            kind = g.get("kind") if g.get("kind") in kinds else "indirect"
            kinds[kind]["gold"] += 1
            if i in pairs:
                kinds[kind]["gold_hit"] += 1
                q = pred[pairs[i]]
                ok = _speaker_ok(g, q, names)
                for key in ("all", kind) + (("with speaker",) if g.get("speaker") or g.get("speaker_resolved") else ()):
                    speaker[key][0] += ok
                    speaker[key][1] += 1
                cue_acc[0] += _cue_ok(g, q)
                cue_acc[1] += 1
        for j, q in enumerate(pred):
            k = _pred_kind(q)
            kinds[k]["pred"] += 1
            kinds[k]["pred_hit"] += j in matched_pred

    report.lines.append(f"spans match at overlap >= {OVERLAP} of the longer span; exact = same span "
                        "less edge marks and punctuation")
    if not cueless:
        report.lines.append(f"the set annotates no quote without a cue: {left_out} predicted quotes with no cue "
                            "(unattributed) left out")
    for role in ("content", "source", "cue"):
        for how in ("overlap", "exact"):
            report.lines.append(roles[role, how].row(f"{role} ({how})"))
            report.figures[f"{role}_{how}_f1"] = roles[role, how].f1
            report.figures[f"{role}_{how}_precision"] = roles[role, how].precision
            report.figures[f"{role}_{how}_recall"] = roles[role, how].recall
    for k, c in kinds.items():
        line, f1 = _row(f"content {k} (overlap)", (c["gold_hit"], c["gold"]), (c["pred_hit"], c["pred"]))
        report.lines.append(line)
        report.figures[f"content_{k}_overlap_f1"] = f1
    for key, (ok, n) in speaker.items():
        acc = ok / n if n else 0.0
        report.lines.append(f"speaker accuracy ({key}){'':<{max(0, 14 - len(key))}} {acc:6.3f}   ({ok}/{n} matched quotes)")
        report.figures[f"speaker_accuracy_{key.replace(' ', '_')}"] = acc
    acc = cue_acc[0] / cue_acc[1] if cue_acc[1] else 0.0
    report.lines.append(f"cue accuracy                   {acc:6.3f}   ({cue_acc[0]}/{cue_acc[1]} matched quotes)")
    report.figures["cue_accuracy"] = acc
    return report
