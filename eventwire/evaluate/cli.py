"""`eventwire eval TASK FILE`: per-field precision/recall/F1 on an annotated set."""
from __future__ import annotations

import json

import click

TASKS = {
    "times": "eventwire.evaluate.times",
    "actors": "eventwire.evaluate.actors",      # ACLED notes: actor country and sector
    "entities": "eventwire.evaluate.entities",  # CoNLL-style named entities
    "quotes": "eventwire.evaluate.quotes",
    "places": "eventwire.evaluate.places",
    "event_places": "eventwire.evaluate.event_places",  # which toponym is each event's place
    "events": "eventwire.evaluate.events",            # sentence-level CAMEO/PLOVER coding and actors
    "acled": "eventwire.evaluate.acled",              # ACLED notes: event type, actors, fatalities
    "event_class": "eventwire.evaluate.event_class",  # CASE 2021 fine-grained event classes
    "factuality": "eventwire.evaluate.factuality",    # event status on TimeML factuality sets
}


@click.command("eval")
@click.argument("task", type=click.Choice(sorted(TASKS)))
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(1), default=None, help="Score only the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON after the report.")
def eval_group(task, path, limit, as_json):
    """Score the pipeline on an annotated set (JSON Lines, ../shared/eval shape).

    TASK is the kind of set: actors and acled (ACLED notes), entities (CoNLL-style names),
    times (TimeML), places (toponyms), event_places (each event's place), quotes (attribution),
    events (CAMEO/PLOVER sentences), event_class (one class per snippet), factuality (event status).
    """
    import importlib

    report = importlib.import_module(TASKS[task]).score(path, limit)
    click.echo(report.text())
    if as_json:
        click.echo(json.dumps({"task": task, "path": path, "scored": report.scored, "skipped": report.skipped,
                               **report.figures}))
