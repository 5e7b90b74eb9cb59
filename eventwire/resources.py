"""Loads the project's data files once per process.

Every data file lives in `eventwire/data/` and is documented in `docs/data-files.md`. Code asks for
a resource by name; the files are parsed on first use and cached, so workers pay the cost once.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

DATA = Path(str(resources.files("eventwire") / "data"))
# libyaml's loader when PyYAML was built with it (the wheels are): the data files are large enough
# for the pure-Python parser to cost seconds at start-up.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text):
    """YAML text (or an open file) to Python data, safely."""
    return yaml.load(text, Loader=_LOADER)


@lru_cache(maxsize=None)
def load(name: str):
    """Parsed content of `data/NAME` (YAML). `name` may contain a sub-folder: `actors/x.yaml`."""
    path = DATA / name
    with path.open(encoding="utf-8") as fh:
        return parse(fh)


def files(folder: str) -> list[str]:
    """Data files in a sub-folder, as names for `load`, in a stable order."""
    return sorted(f"{folder}/{p.name}" for p in (DATA / folder).glob("*.yaml"))
