"""ACLED coder notes: does the analysis of a note code the note's event as ACLED did?

One ACLED event per note (`eventwire.events.acled.record`): event type and sub-event type
accuracy (the pre-2019 files have event types only, compared in their own taxonomy), the actors of
that event against ACLED's actor1/actor2 (country, and sector within the actor's inter class),
and the note's fatalities (exact, and within ±20%).

An actor is scored when its ACLED name carries a country that the note names in any form (as
`actors.py` does); notes without any ACLED-typed event count as wrong for the type figures.
"""
from __future__ import annotations

from collections import Counter

from ..events import acled as acled_events
from ..events.lexicon import load
from .actors import INTER_SECTORS, _named_countries, gold_country
from .common import Report, analysed, read_set


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score(path: str, limit: int | None = None) -> Report:
    report = Report("acled (coder notes)", path)
    lex = load("en")
    n = type_ok = sub_n = sub_ok = 0
    fat_n = fat_exact = fat_near = 0
    act_n = act_country = act_both = 0
    no_event = 0
    confusion: Counter = Counter()
    sub_confusion: Counter = Counter()
    for record, analysis in analysed(list(read_set(path, limit))):
        if not hasattr(analysis, "events"):
            report.skip(f"analysis failed: {analysis.code}")
            continue
        gold = record.get("gold", {})
        if not gold.get("event_type"):
            report.skip("no gold event type")
            continue
        report.scored += 1
        rec = acled_events.record(analysis.events, analysis.entities, analysis.places)
        pre2019 = gold.get("taxonomy") == "pre2019"
        n += 1
        if rec is None:
            no_event += 1
            predicted_type = predicted_sub = None
        else:
            predicted_sub = rec["sub_event_type"]
            predicted_type = acled_events.pre2019({"event_type": rec["event_type"], "sub_event_type": predicted_sub},
                                                  lex) if pre2019 else rec["event_type"]
        type_ok += predicted_type == gold["event_type"]
        if predicted_type != gold["event_type"]:
            confusion[(gold["event_type"], predicted_type)] += 1
        if not pre2019 and gold.get("sub_event_type"):
            sub_n += 1
            sub_ok += predicted_sub == gold["sub_event_type"]
            if predicted_sub != gold["sub_event_type"]:
                sub_confusion[(gold["sub_event_type"], predicted_sub)] += 1
        # fatalities
        if isinstance(gold.get("fatalities"), int):
            fat_n += 1
            got = (rec or {}).get("fatalities") or 0
            want = gold["fatalities"]
            fat_exact += got == want
            fat_near += abs(got - want) <= 0.2 * want if want else got == 0
        # actors of the coded event
        named = _named_countries(analysis)
        codes = (rec or {}).get("actor_codes", [])
        for slot, inter in (("actor1", "inter1"), ("actor2", "inter2")):
            country = gold_country(gold.get(slot) or "")
            if not country or country not in named:
                continue
            act_n += 1
            hits = [sector for _, c, sector in codes if c == country]
            act_country += bool(hits)
            act_both += any(sector in INTER_SECTORS.get(gold.get(inter), set()) for sector in hits)
    report.figures = {
        "event_type_accuracy": _ratio(type_ok, n), "sub_event_type_accuracy": _ratio(sub_ok, sub_n),
        "fatalities_exact": _ratio(fat_exact, fat_n), "fatalities_within_20pct": _ratio(fat_near, fat_n),
        "actor_country": _ratio(act_country, act_n), "actor_country_sector": _ratio(act_both, act_n),
    }
    f = report.figures
    report.lines += [
        f"event type accuracy:            {f['event_type_accuracy']:.3f} ({type_ok}/{n}; {no_event} notes "
        f"without an ACLED-typed event)",
        f"sub-event type accuracy:        {f['sub_event_type_accuracy']:.3f} ({sub_ok}/{sub_n})" if sub_n else
        "sub-event type accuracy:        n/a (pre-2019 taxonomy: event types only)",
        f"fatalities exact:               {f['fatalities_exact']:.3f} ({fat_exact}/{fat_n})",
        f"fatalities within ±20%:         {f['fatalities_within_20pct']:.3f} ({fat_near}/{fat_n})",
        f"actor country found:            {f['actor_country']:.3f} ({act_country}/{act_n} actors whose country "
        f"the note names)",
        f"actor country + sector (inter): {f['actor_country_sector']:.3f} ({act_both}/{act_n})",
        "most frequent type errors (gold -> predicted):",
        *[f"  {g} -> {p}: {k}" for (g, p), k in confusion.most_common(8)],
    ]
    if sub_confusion:
        report.lines.append("most frequent sub-type errors (gold -> predicted):")
        report.lines += [f"  {g} -> {p}: {k}" for (g, p), k in sub_confusion.most_common(10)]
    return report
