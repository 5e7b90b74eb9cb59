"""Snippet classification against CASE 2021 task 2 (fine-grained socio-political event types):
one label per snippet, the 25 ACLED sub-event types plus ORG_CRIME, NATURAL_DISASTER,
MAN_MADE_DISASTER, DIPLO and ATTRIB (the set's SOURCE.md).

The snippet's label is its ACLED event (`eventwire.events.acled.record`); with none, a claim of
responsibility is ATTRIB and a diplomatic event (consult, agree, support, cooperate, aid, request,
reject...) is DIPLO. Crime and disasters are not events in eventwire's codebooks: those snippets are
scored (as misses) but reported apart.
"""
from __future__ import annotations

from collections import Counter

from ..events import acled as acled_events
from .common import PRF, Report, with_gold

LABELS = {
    "Armed clash": "ARMED_CLASH", "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER", "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE", "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK", "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE", "Sexual violence": "SEX_VIOL", "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP", "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER", "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR", "Mob violence": "MOB_VIOL", "Agreement": "AGREEMENT",
    "Arrests": "ARREST", "Change to group/activity": "CHANGE_TO_GROUP_ACT", "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED", "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER", "Other": "OTHER",
}
UNSEEN = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
_DIPLO = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "SANCTION"}


def label(events: list[dict]) -> str | None:
    reported = [e for e in events if e.get("status") in ("asserted", "attributed")]
    claims = [e for e in reported if e.get("cameo") in ("015", "016") and e.get("salience", "main") == "main"]
    rec = acled_events.record(events)
    if rec is not None:
        primary = next((e for e in events if e["id"] == rec["event"]), {})
        # "IS claimed responsibility for a car bomb ...": the report is the claim
        if claims and (primary.get("salience") != "main" or claims[0]["trigger"]["start"] < primary["trigger"]["start"]):
            return "ATTRIB"
        return LABELS.get(rec["sub_event_type"])
    if claims or any(e.get("cameo") == "015" for e in reported):
        return "ATTRIB"
    if any(e.get("plover") in _DIPLO for e in reported):
        return "DIPLO"
    return None


def score(path: str, limit: int | None = None) -> Report:
    report = Report("event_class (CASE 2021 fine-grained)", path)
    per: dict[str, PRF] = {}
    ok = n = ok_acled = n_acled = 0
    confusion: Counter = Counter()
    for record, analysis, gold in with_gold(report, path, limit, "label", "events"):
        got = label(analysis.events) or "NONE"
        n += 1
        ok += got == gold
        if gold not in UNSEEN:
            n_acled += 1
            ok_acled += got == gold
        for lab in {gold, got} - {"NONE"}:
            per.setdefault(lab, PRF())
        if got == gold:
            per[gold].tp += 1
        else:
            per[gold].fn += 1
            if got != "NONE":
                per[got].fp += 1
            confusion[(gold, got)] += 1
    seen = [lab for lab in per if lab not in UNSEEN]
    macro_acled = sum(per[lab].f1 for lab in seen) / len(seen) if seen else 0.0
    macro_all = sum(p.f1 for p in per.values()) / len(per) if per else 0.0
    report.figures = {"accuracy": ok / n if n else 0.0, "accuracy_acled_labels": ok_acled / n_acled if n_acled else 0.0,
                      "macro_f1_acled_labels": macro_acled, "macro_f1_all": macro_all}
    f = report.figures
    report.lines += [
        f"accuracy (all 30 labels):        {f['accuracy']:.3f} ({ok}/{n})",
        f"accuracy (25 ACLED labels):      {f['accuracy_acled_labels']:.3f} ({ok_acled}/{n_acled})",
        f"macro F1 (ACLED labels present): {macro_acled:.3f}",
        f"macro F1 (all labels present):   {macro_all:.3f}",
        *["  " + per[lab].row(lab) for lab in sorted(per)],
        "most frequent confusions (gold -> predicted):",
        *[f"  {g} -> {p}: {k}" for (g, p), k in confusion.most_common(12)],
    ]
    return report
