"""Toponyms against a geoparsing set (LGL, TR-News: `gold.places` with GeoNames resolutions).

- geotagging: toponym spans, precision/recall/F1; a predicted mention matches a gold toponym when
  they overlap by at least half of the longer span (exact-span figures too). The sets annotate
  adjectival forms ("Russian") as toponyms, which eventwire deliberately does not tag (a demonym is
  not a place), so recall is also given without them.
- geocoding, on matched toponyms that the set resolves: accuracy within 161 km (a prediction
  without coordinates counts as wrong), and exact GeoNames id where the set gives one.
"""
from __future__ import annotations

import math
import re

from .common import PRF, Report, with_gold

KM = 161.0
_ADJECTIVAL = re.compile(r"(?:ian|ean|ese|ish|ic|i)$")


def _km(lat1, lon1, lat2, lon2) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _overlap(a, b) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= max(a[1] - a[0], b[1] - b[0])


def adjectival(gold: dict) -> bool:
    """A demonym-like gold toponym ("Russian", "Israeli"): lower-case-free word ending like one and
    not the place's own name."""
    text = gold["text"]
    return (" " not in text and bool(_ADJECTIVAL.search(text)) and text != gold.get("name")
            and not text.endswith("ia"))


def predictions(analysis) -> list[dict]:
    """Every mention of every place, with the place's resolution."""
    out = []
    for p in analysis.places:
        for m in p["mentions"]:
            out.append({"start": m["start"], "end": m["end"], "lat": p.get("lat"), "lon": p.get("lon"),
                        "geonameid": p.get("geonameid")})
    return out


def score(path: str, limit: int | None = None) -> Report:
    report = Report("places", path)
    tag, exact, tag_nonadj = PRF(), PRF(), PRF()
    geo_n = geo_ok = id_n = id_ok = 0
    for record, analysis, gold in with_gold(report, path, limit, "places", "places", empty_ok=True):
        pred = predictions(analysis)
        used = set()
        for g in gold:
            span = (g["start"], g["end"])
            hit = next((i for i, p in enumerate(pred) if i not in used and _overlap(span, (p["start"], p["end"]))),
                       None)
            adj = adjectival(g)
            if hit is None:
                tag.fn += 1
                if not adj:
                    tag_nonadj.fn += 1
            else:
                used.add(hit)
                tag.tp += 1
                if not adj:
                    tag_nonadj.tp += 1
                p = pred[hit]
                if "lat" in g and "lon" in g:
                    geo_n += 1
                    if p["lat"] is not None and _km(p["lat"], p["lon"], g["lat"], g["lon"]) <= KM:
                        geo_ok += 1
                if g.get("geonameid"):
                    id_n += 1
                    id_ok += int(p["geonameid"] == g["geonameid"])
        tag.fp += len(pred) - len(used)
        tag_nonadj.fp += len(pred) - len(used)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        pred_spans = {(p["start"], p["end"]) for p in pred}
        exact.tp += len(gold_spans & pred_spans)
        exact.fp += len(pred_spans - gold_spans)
        exact.fn += len(gold_spans - pred_spans)
    acc = geo_ok / geo_n if geo_n else 0.0
    acc_id = id_ok / id_n if id_n else 0.0
    report.lines += [tag.row("toponyms (overlap)"), exact.row("toponyms (exact span)"),
                     tag_nonadj.row("toponyms, no adjectival gold"),
                     f"{'accuracy @161 km':<28} {acc:6.3f}   ({geo_ok}/{geo_n} matched toponyms with coordinates)",
                     f"{'exact GeoNames id':<28} {acc_id:6.3f}   ({id_ok}/{id_n} matched toponyms with an id)"]
    report.figures = {"p": tag.precision, "r": tag.recall, "f1": tag.f1, "f1_exact": exact.f1,
                      "r_no_adjectival": tag_nonadj.recall, "acc_161km": acc, "acc_geonameid": acc_id}
    return report
