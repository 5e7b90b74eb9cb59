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


@lru_cache(maxsize=None)
def load(name: str):
    """Parsed content of `data/NAME` (YAML). `name` may contain a sub-folder: `actors/x.yaml`."""
    path = DATA / name
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def files(folder: str) -> list[str]:
    """Data files in a sub-folder, as names for `load`, in a stable order."""
    return sorted(f"{folder}/{p.name}" for p in (DATA / folder).glob("*.yaml"))
