"""End to end on the reference article in ../shared (skipped when it is absent)."""
import json
import subprocess
import sys

from click.testing import CliRunner

from conftest import shared_path
from eventwire.cli import main

# Sections whose stages have landed; quotes, times, places and events join as they land.
SECTIONS = ["article", "entities", "metonyms", "places", "times", "quotes", "events"]


def test_reference_article_meets_expectations(tmp_path):
    text = shared_path("examples", "mali-russia-defense.txt")
    expected = shared_path("examples", "mali-russia-defense.expected.yaml")
    checker = shared_path("tools", "check_expected.py")
    result = CliRunner().invoke(main, ["analyze", str(text), "--published", "2024-08-16", "--outlet", "rt.com"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "analysis.json"
    out.write_text(result.stdout)
    args = [sys.executable, str(checker), str(expected), str(out)]
    for s in SECTIONS:
        args += ["--section", s]
    check = subprocess.run(args, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    analysis = json.loads(result.stdout)
    text_out = analysis["article"]["text"]
    for e in analysis["entities"]:
        for m in e["mentions"]:
            assert text_out[m["start"]:m["end"]] == m["text"]
