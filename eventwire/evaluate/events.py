"""Sentence-level event coding against the `events` sets (PLOVER gold standard, PETRARCH2 unit
tests): per-field precision/recall/F1, micro-averaged over records.

- root / full code: CAMEO codes (records whose gold gives a `cameo`), compared as multisets per record;
- PLOVER type: the current-manual type (`plover_v08`, else `plover`, else the gold CAMEO code mapped
  through cameo.yaml); macro F1 over the types present in gold or prediction, and micro figures;
- source / target: gold actors against the actors of the predicted event matched to each gold
  event (same PLOVER type, else same root); an actor matches by country code, else by span or text.

The prediction is what a sentence-level coder reports (CAMEO/PLOVER code the event a sentence
reports, one per clause): events that are asserted or attributed, with no hypothetical, negated or
denied layer, and that are the sentence's `main` events — not the complement of another event
(the "attack" of "threatened to attack", coded by "threatened") and not background named in passing
("after a week of fighting"). The micro figures over all reported events are printed as well.
"""
from __future__ import annotations

from collections import Counter

from ..events.lexicon import load
from .common import PRF, Report, analysed, read_set

REPORTED = ("asserted", "attributed")
UNREAL = {"hypothetical", "negated", "denied"}


def coded(events: list[dict]) -> list[dict]:
    """The events a sentence-level coder would report."""
    return [e for e in events if e.get("status") in REPORTED and not UNREAL & set(e.get("modality") or ())
            and e.get("salience", "main") == "main"]


def _gold_plover(ev: dict, lex) -> str | None:
    if ev.get("plover_v08") or ev.get("plover"):
        return ev.get("plover_v08") or ev.get("plover")
    code = str(ev.get("cameo") or "")
    info = lex.codes.get(code)
    return info.plover if info else None


def _actor_keys(entity, spans: bool = True) -> set:
    keys = set()
    if entity.actor and entity.actor.country:
        keys.add(("country", entity.actor.country))
    keys.add(("text", entity.name.lower()))
    for m in entity.mentions:
        keys.add(("text", m.text.lower()))
        if spans:
            keys.add(("span", m.start, m.end))
    return keys


def _gold_key_options(actor: dict) -> list[tuple]:
    opts = []
    if actor.get("country"):
        opts.append(("country", actor["country"]))
    if isinstance(actor.get("start"), int):
        opts.append(("span", actor["start"], actor["end"]))
    if actor.get("text"):
        opts.append(("text", actor["text"].lower()))
    return opts


def _span_hit(opt: tuple, keys: set) -> bool:
    if opt[0] != "span":
        return opt in keys
    s, e = opt[1], opt[2]
    for k in keys:
        if k[0] == "span" and k[1] < e and s < k[2]:
            return True
    return False


def _score_actors(gold: list[dict], pred_ids: list[str], ents: dict, prf: PRF) -> None:
    pred_keys = [(_actor_keys(ents[i]) if i in ents else set()) for i in pred_ids]
    used = set()
    for g in gold:
        opts = _gold_key_options(g)
        if not opts:
            continue
        hit = next((j for j, keys in enumerate(pred_keys) if j not in used and any(_span_hit(o, keys) for o in opts)),
                   None)
        if hit is None:
            prf.fn += 1
        else:
            prf.tp += 1
            used.add(hit)
    prf.fp += len([j for j in range(len(pred_keys)) if j not in used])


def score(path: str, limit: int | None = None) -> Report:
    report = Report("events (sentence-level coding)", path)
    lex = load("en")
    root, full, plover_micro, plover_all = PRF(), PRF(), PRF(), PRF()
    per_type: dict[str, PRF] = {}
    source, target = PRF(), PRF()
    confusion: Counter = Counter()
    for record, analysis in analysed(list(read_set(path, limit))):
        if not hasattr(analysis, "events"):
            report.skip(f"analysis failed: {analysis.code}")
            continue
        report.scored += 1
        gold = record.get("gold", {}).get("events", [])
        ents = {e.id: e for e in analysis.entities}
        pred = coded(analysis.events)
        everything = [e for e in analysis.events if e.get("status") in REPORTED and e.get("plover")]
        # codes
        if not gold or all(g.get("cameo") for g in gold):
            g_codes = [str(g["cameo"]) for g in gold]
            p_codes = [e["cameo"] for e in pred]
            for prf, key in ((root, lambda c: c[:2]), (full, lambda c: c)):
                gc, pc = Counter(key(c) for c in g_codes), Counter(key(c) for c in p_codes)
                prf.tp += sum((gc & pc).values())
                prf.fp += sum((pc - gc).values())
                prf.fn += sum((gc - pc).values())
        # PLOVER types
        g_types = Counter(t for t in (_gold_plover(g, lex) for g in gold) if t)
        p_types = Counter(e["plover"] for e in pred if e.get("plover"))
        if g_types or not gold:
            for t in set(g_types) | set(p_types):
                prf = per_type.setdefault(t, PRF())
                tp = min(g_types[t], p_types[t])
                prf.tp += tp
                prf.fp += p_types[t] - tp
                prf.fn += g_types[t] - tp
                plover_micro.tp += tp
                plover_micro.fp += p_types[t] - tp
                plover_micro.fn += g_types[t] - tp
            all_types = Counter(e["plover"] for e in everything)
            plover_all.tp += sum((g_types & all_types).values())
            plover_all.fp += sum((all_types - g_types).values())
            plover_all.fn += sum((g_types - all_types).values())
            for t in g_types:
                if not p_types[t]:
                    confusion[(t, ",".join(sorted(p_types)) or "-")] += 1
        # actors on matched events
        free = list(pred)
        for g in gold:
            gt = _gold_plover(g, lex)
            gr = str(g.get("cameo") or "")[:2]
            match = next((e for e in free if gt and e.get("plover") == gt), None) or \
                next((e for e in free if gr and e["cameo"][:2] == gr), None)
            if match is not None:
                free.remove(match)
            _score_actors(g.get("source", []), match["source"] if match else [], ents, source)
            _score_actors(g.get("target", []), match["target"] if match else [], ents, target)
        for e in free:
            source.fp += len(e["source"])
            target.fp += len(e["target"])
    macro = sum(p.f1 for p in per_type.values()) / len(per_type) if per_type else 0.0
    report.lines.append(root.row("CAMEO root code"))
    report.lines.append(full.row("CAMEO full code"))
    report.lines.append(plover_all.row("PLOVER type, all events"))
    report.lines.append(plover_micro.row("PLOVER type (micro)"))
    report.lines.append(f"{'PLOVER type macro F1':<28} {macro:6.3f}   ({len(per_type)} types)")
    report.lines += ["  " + per_type[t].row(t) for t in sorted(per_type)]
    report.lines.append(source.row("source actors"))
    report.lines.append(target.row("target actors"))
    if confusion:
        report.lines.append("most missed gold types (gold -> predicted types in the record):")
        report.lines += [f"  {g} -> {p}: {n}" for (g, p), n in confusion.most_common(12)]
    report.figures = {"root_f1": root.f1, "full_f1": full.f1, "plover_micro_f1": plover_micro.f1,
                      "plover_macro_f1": macro, "source_f1": source.f1, "target_f1": target.f1,
                      **{f"plover_f1_{t}": per_type[t].f1 for t in per_type}}
    return report
