"""The analysis stages after entities, in the order they run, registered by name.

A stage is a function `stage(doc, analysis) -> None` that fills its own list on the Analysis
(`analysis.times`, `analysis.places`, `analysis.quotes`, `analysis.events`) with JSON-ready dicts
of the `eventwire.analysis/1` contract. Later stages may read what earlier ones filled. Each entry
is "module:function", imported on first use, so a stage's data is loaded once per process.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from time import perf_counter

STAGES: dict[str, str] = {
    # name: "module:function"  (one line per stage; order matters)
    "times": "eventwire.times:resolve",
    "places": "eventwire.places:resolve",
    "quotes": "eventwire.quotes:resolve",
    "events": "eventwire.events:resolve",
}


@lru_cache(maxsize=None)
def stage(name: str):
    module, func = STAGES[name].split(":")
    return getattr(importlib.import_module(module), func)


# Seconds spent in each stage by this process: the benchmark reports each stage against the spaCy
# pass it runs on.
SECONDS: dict[str, float] = {}


def run_stages(doc, analysis) -> None:
    for name in STAGES:
        start = perf_counter()
        stage(name)(doc, analysis)
        SECONDS[name] = SECONDS.get(name, 0.0) + perf_counter() - start
