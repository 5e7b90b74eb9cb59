"""The `times` stage: find, read and anchor every time expression of an article.

`resolve(doc, analysis)` fills `analysis.times` with dicts of the `eventwire.analysis/1`
contract: {"id", "text", "start", "end", "value", "precision", "modifier", "relative",
"evidence", "type"}. `value` follows TIMEX3's profile of ISO 8601 (2024-08-15, 2024-W33,
2024-07, 2024-Q3, 2024-SU, 2024, 199 for the 1990s, P3D, 2024-08-15TNI, PRESENT_REF,
2019/2021 for a compact range). The two times of a spelled-out range ("between 2019 and 2021")
also share a "range": {"from", "to", "value"}. Offsets are into `analysis.article.text`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import resources
from . import amounts, anchor, context, dates, relative
from .calendar import parse_iso
from .grammar import Hit, find
from .lexicon import lexicon
from .reading import Reading

READERS = {**dates.READERS, **relative.READERS, **amounts.READERS}
DAY_RULES = {"weekday", "deictic", "month_day", "day_month", "iso", "holiday"}
# Expressions counted from another date do not become the reference themselves.
NOT_REFERENCES = {"ago", "anaphoric", "clock"}


def _has_language(lang: str) -> bool:
    return (resources.DATA / "times" / f"{lang}.yaml").exists()


def resolve(doc, analysis) -> None:
    article = analysis.article
    lang = article.language or "en"
    text = article.text
    if not _has_language(lang) or not text:
        analysis.times = []
        return
    analysis.times = times_of(text, article.published, lang, doc)


def times_of(text: str, published: str | None, lang: str = "en", doc=None) -> list[dict]:
    """The time expressions of `text` (parsed as `doc`, which may be None) as contract dicts."""
    lex = lexicon(lang)
    pub = parse_iso(published)
    readings: dict[tuple, Reading] = {}

    def accept(hit: Hit) -> bool:
        if not context.plausible(hit, doc, text, lex):
            return False
        try:
            r = READERS[hit.rule](lex, hit, text)
        except (ValueError, OverflowError, KeyError, TypeError, IndexError):
            r = None
        if r is not None:
            readings[(hit.rule, hit.start, hit.end)] = r
        return r is not None

    hits = find(text, lang, accept)
    items = _merge_clock_and_day(text, [(h, readings[(h.rule, h.start, h.end)]) for h in hits],
                                 lex.data["cues"]["clock_day"])
    out, ref, period = [], None, None
    for hit, r in items:
        tense = None
        if r.op is not None and r.op[-1] == "tense" and doc is not None:
            tense = context.tense(doc, hit.start, hit.end, lex)
        res = anchor.resolve(r, pub, ref, tense, period)
        if res.period is not None and r.anchor != "reference" and (r.op is None or r.op[0] not in NOT_REFERENCES):
            ref = res.period
            if ref.gran in anchor.PERIODS:
                period = ref
        out.append({
            "id": f"t{len(out) + 1}", "text": text[hit.start:hit.end], "start": hit.start, "end": hit.end,
            "value": res.value, "precision": res.precision, "modifier": r.mod, "relative": res.relative,
            "evidence": r.evidence + ([f"tense:{tense}"] if tense else []), "type": r.type,
        })
    _link_ranges(text, out, lex)
    return out


@lru_cache(maxsize=None)
def _range_words(lang: str) -> tuple[re.Pattern, re.Pattern]:
    spec = lexicon(lang).data["ranges"]
    opener = re.compile(rf"\b(?:{'|'.join(map(re.escape, spec['openers']))})\s+$", re.I)
    joiner = re.compile(rf"\s*(?:{'|'.join(map(re.escape, spec['joiners']))})\s*", re.I)
    return opener, joiner


def _link_ranges(text: str, times: list[dict], lex) -> None:
    """"between 2019 and 2021": both times get "range": {"from", "to", "value"}."""
    opener, joiner = _range_words(lex.lang)
    for a, b in zip(times, times[1:]):
        if (opener.search(text[max(a["start"] - 12, 0):a["start"]])
                and joiner.fullmatch(text[a["end"]:b["start"]])):
            value = f"{a['value']}/{b['value']}" if a["value"] and b["value"] else None
            a["range"] = b["range"] = {"from": a["id"], "to": b["id"], "value": value}


def _merge_clock_and_day(text: str, items: list, joiners: list) -> list:
    """"10 p.m. Wednesday", "5 p.m. EST, Nov. 9": one TIME, the day's reading with the clock."""
    out = []
    i = 0
    while i < len(items):
        hit, r = items[i]
        if hit.rule == "clock" and i + 1 < len(items):
            nxt, rn = items[i + 1]
            gap = text[hit.end:nxt.start]
            words = re.findall(r"[\w'’]+", gap.lower())
            if nxt.rule in DAY_RULES and not re.sub(r"[\w'’\s,]", "", gap) and all(w in joiners for w in words):
                merged = Reading("TIME", period=rn.period, op=rn.op, anchor=rn.anchor, mod=r.mod or rn.mod,
                                 suffix=r.suffix, label=rn.label, evidence=rn.evidence + r.evidence)
                out.append((Hit("clock_day", hit.start, nxt.end, {}), merged))
                i += 2
                continue
        out.append((hit, r))
        i += 1
    return out
