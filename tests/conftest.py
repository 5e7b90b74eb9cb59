import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


def shared_path(*parts) -> Path:
    """A file under ../shared, or skip the test (a user's fresh clone has no ../shared)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_pipeline

    return load_pipeline("en")


@pytest.fixture(scope="session")
def analyze():
    from eventwire import analyze

    return analyze


def entity_with(analysis, text):
    """The entity one of whose mentions reads `text` exactly."""
    for e in analysis.entities:
        if any(m.text == text for m in e.mentions):
            return e
    raise AssertionError(f"no entity with a mention {text!r}: {[e.name for e in analysis.entities]}")
