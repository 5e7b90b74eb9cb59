"""The `eventwire` command line. Each command mirrors a Python function; `--help` on any of them."""
from __future__ import annotations

import csv
import json
import sys

import click

from . import settings
from .errors import Failure

_INPUT_HELP = "Files, directories (read recursively) or - for standard input."


def _defaults(published, url, outlet, lang) -> dict:
    return {"published": published, "url": url, "outlet": outlet, "lang": lang}


def _input_options(f):
    f = click.option("--lang", type=click.Choice(["auto", "en", "fr"]), default="auto", show_default=True,
                     help="Language of inputs that do not say (auto: detect).")(f)
    f = click.option("--outlet", help="Outlet domain or name for inputs that do not say (e.g. rt.com).")(f)
    f = click.option("--url", help="URL for inputs that do not say.")(f)
    f = click.option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that do not say.")(f)
    return click.argument("paths", nargs=-1, required=True)(f)


def _progress(iterable, label: str):
    from tqdm import tqdm

    return tqdm(iterable, desc=label, unit=" doc", file=sys.stderr, disable=not sys.stdout.isatty())


def _failure_record(item, failure: Failure) -> dict:
    """Keeps `analyze` output aligned with its inputs: one line per input, failures included."""
    from .analysis import SCHEMA

    article = {"id": None, "source_id": failure.source}
    if not isinstance(item, Failure):
        article = {**item.to_dict(), "text": None}
    return {"schema": SCHEMA, "article": article, "error": failure.to_dict(),
            "entities": [], "places": [], "times": [], "quotes": [], "events": []}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def main():
    """eventwire: conflict and diplomacy news in, a traceable event dataset out."""


@main.command()
@_input_options
@click.option("--indent", type=int, default=None, help="Pretty-print with this indent (default: one line per article).")
def analyze(paths, published, url, outlet, lang, indent):
    """Analyse articles and print one eventwire.analysis/1 JSON object per input, in input order.

    Inputs that cannot be analysed print an object with an `error` (code and reason) in their
    place; the exit code is 1 when any input failed (other languages are skipped, not failed).
    """
    from .batch import Summary, run

    summary = Summary()
    for item, outcome in _progress(run(paths, **_defaults(published, url, outlet, lang)), "analysing"):
        summary.record(outcome)
        if isinstance(outcome, Failure):
            click.echo(json.dumps(_failure_record(item, outcome), ensure_ascii=False))
        else:
            click.echo(outcome.to_json(indent=indent))
    for line in summary.lines()[1:]:
        click.echo(line.strip(), err=True)
    sys.exit(0 if summary.ok else 1)


@main.command()
@_input_options
@click.option("--db", default=settings.DEFAULT_DB, show_default=True, help="DuckDB file to write to.")
def ingest(paths, published, url, outlet, lang, db):
    """Analyse articles into the DuckDB store.

    Idempotent and resumable: an article already stored (same text hash) is reported as a
    duplicate and not analysed again, so a killed run can simply be started again.
    """
    from .batch import Summary, outcomes
    from .ingest import read_inputs
    from .store import Store

    summary = Summary()
    with Store(db) as store:
        seen: set[str] = set()

        def skip(article) -> bool:
            dup = article.id in seen or store.has_article(article.id)
            seen.add(article.id)
            return dup

        stream = outcomes(read_inputs(paths, **_defaults(published, url, outlet, lang)), skip=skip)
        for item, outcome in _progress(stream, "ingesting"):
            if outcome is None:
                summary.duplicates += 1
                continue
            if isinstance(outcome, Failure):
                store.add_failure(outcome)
            elif not store.add(outcome):
                summary.duplicates += 1
                continue
            summary.record(outcome)
    for line in summary.lines():
        click.echo(line)
    click.echo(f"store: {db}")
    sys.exit(0 if summary.ok else 1)


def _print_rows(cols, rows, fmt):
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(dict(zip(cols, row)), ensure_ascii=False, default=str))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        writer.writerows(rows)
        return
    widths = [min(60, max([len(c)] + [len(str(r[i])) for r in rows])) for i, c in enumerate(cols)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(cols, widths)))
    for row in rows:
        click.echo("  ".join(str("" if v is None else v)[:w].ljust(w) for v, w in zip(row, widths)))


_FMT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
_DB = click.option("--db", default=settings.DEFAULT_DB, show_default=True, help="DuckDB file to read.")


@main.command()
@_DB
@_FMT
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=50, show_default=True)
def articles(db, fmt, limit):
    """List stored articles with their outlet and how many entities were found."""
    from .store import Store

    with Store(db, read_only=True) as store:
        cols, rows = store.query(
            "SELECT a.id, a.published, a.outlet_name AS outlet, a.outlet_ownership AS ownership, "
            "count(e.id) AS entities, a.title FROM articles a LEFT JOIN entities e ON e.article_id = a.id "
            "GROUP BY ALL ORDER BY a.published NULLS LAST, a.id LIMIT ?", [limit])
    _print_rows(cols, rows, fmt)


@main.command()
@_DB
@_FMT
@click.option("--country", help="Only actors of this ISO alpha-3 country.")
@click.option("--sector", help="Only actors of this sector (MIL, GOV, REB, INS, ...).")
@click.option("--type", "etype", help="Only entities of this type (PERSON, ORG, GPE, GROUP, ...).")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=50, show_default=True)
def entities(db, fmt, country, sector, etype, limit):
    """Entities across stored articles: actor code, number of articles and mentions."""
    from .store import Store

    where, params = [], []
    for col, value in (("e.actor_country", country), ("e.actor_sector", sector), ("e.type", etype)):
        if value:
            where.append(f"{col} = ?")
            params.append(value.upper())
    sql = ("SELECT e.name, e.type, e.actor_code AS actor, count(DISTINCT e.article_id) AS articles, "
           "count(m.start) AS mentions FROM entities e LEFT JOIN mentions m "
           "ON m.article_id = e.article_id AND m.entity_id = e.id "
           + ("WHERE " + " AND ".join(where) + " " if where else "")
           + "GROUP BY ALL ORDER BY articles DESC, mentions DESC, e.name LIMIT ?")
    with Store(db, read_only=True) as store:
        cols, rows = store.query(sql, params + [limit])
    _print_rows(cols, rows, fmt)


@main.command()
@_DB
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--table", type=click.Choice(["articles", "entities", "mentions", "places", "times", "quotes",
                                           "events", "failures"]), default="articles", show_default=True,
              help="Table to export as csv or parquet (jsonl exports whole analyses).")
@click.option("-o", "--output", help="Output file (default: standard output; required for parquet).")
def export(db, fmt, table, output):
    """Export stored analyses (jsonl: one eventwire.analysis/1 object per line) or one table."""
    from .store import Store

    with Store(db, read_only=True) as store:
        if fmt == "jsonl":
            out = open(output, "w", encoding="utf-8") if output else sys.stdout
            for analysis in store.analyses():
                out.write(json.dumps(analysis, ensure_ascii=False) + "\n")
            if output:
                out.close()
        elif output:
            store.export_table(table, output, fmt)
        elif fmt == "csv":
            cols, rows = store.query(f"SELECT * FROM {table}" if table != "articles"
                                     else "SELECT * EXCLUDE (analysis) FROM articles")
            _print_rows(cols, rows, "csv")
        else:
            raise click.UsageError("parquet needs --output FILE")


from .evaluate.cli import eval_group  # noqa: E402  (registered last: it imports the pipeline lazily)

main.add_command(eval_group)
