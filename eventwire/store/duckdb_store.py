"""DuckDB store. Each article and all its rows are written in one transaction, so a batch killed
at any moment leaves only whole articles behind, and re-running it skips what is already there."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import duckdb

from ..analysis import Analysis
from ..errors import Failure

SCHEMA_VERSION = "1"
EXPORT_TABLES = ("articles", "entities", "mentions", "places", "times", "quotes", "events", "failures")


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute((resources.files("eventwire.store") / "schema.sql").read_text())
            self.con.execute("INSERT OR REPLACE INTO schema_info VALUES ('version', ?)", [SCHEMA_VERSION])

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis; False when the article is already stored (a duplicate)."""
        a = analysis.to_dict()
        art = a["article"]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if self.has_article(art["id"]):
                con.execute("ROLLBACK")
                return False
            out = art["outlet"]
            con.execute(
                "INSERT INTO articles (id, source_id, url, title, published, language, outlet_name, "
                "outlet_domain, outlet_country, outlet_ownership, text, n_chars, removed, analysis) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [art["id"], art["source_id"], art["url"], art["title"], art["published"], art["language"],
                 out.get("name"), out.get("domain"), out.get("country"), out.get("ownership"), art["text"],
                 len(art["text"]), analysis.article.removed, json.dumps(a, ensure_ascii=False)])
            self._children(art["id"], a)
            con.execute("DELETE FROM failures WHERE source = ?", [art["source_id"]])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return True

    def _children(self, aid: str, a: dict) -> None:
        con = self.con
        ents = a["entities"]
        if ents:
            con.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [aid, e["id"], e["name"], e["type"], *(((e["actor"] or {}).get(k)) for k in ("code", "country", "sector", "label")),
                 e["titles"], e.get("evidence", [])] for e in ents])
            rows = {(e["id"], m["start"], m["end"]): [aid, e["id"], m["start"], m["end"], m["text"], m.get("kind")]
                    for e in ents for m in e["mentions"]}
            con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", list(rows.values()))
        if a["places"]:
            con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [aid, p["id"], p["name"], p.get("geonameid"), p.get("country"), p.get("admin1"), p.get("lat"),
                 p.get("lon"), p.get("precision"), json.dumps(p.get("mentions", []))] for p in a["places"]])
        if a["times"]:
            con.executemany("INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                [aid, t["id"], t["text"], t["start"], t["end"], t.get("value"), t.get("precision"), t.get("modifier")]
                for t in a["times"]])
        if a["quotes"]:
            con.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [aid, q["id"], q["text"], q["start"], q["end"], q.get("kind"), q.get("speaker"),
                 *((q.get("cue") or {}).get(k) for k in ("text", "start", "end", "stance"))] for q in a["quotes"]])
        if a["events"]:
            con.executemany("INSERT INTO events VALUES (" + ", ".join("?" * 24) + ")", [
                [aid, e["id"], e["trigger"]["text"], e["trigger"]["start"], e["trigger"]["end"],
                 e["sentence"]["start"], e["sentence"]["end"], e.get("cameo"), e.get("plover"),
                 (e.get("acled") or {}).get("event_type"), (e.get("acled") or {}).get("sub_event_type"),
                 e.get("source", []), e.get("target", []), e.get("place"), e.get("time"),
                 *((e.get("fatalities") or {}).get(k) for k in ("text", "min", "max")), e.get("status"),
                 e.get("attributed_to", []), e.get("denied_by", []), e.get("goldstein"), e.get("confidence"),
                 e.get("evidence", [])] for e in a["events"]])

    def add_failure(self, failure: Failure) -> None:
        self.con.execute("INSERT OR REPLACE INTO failures (source, code, reason) VALUES (?, ?, ?)",
                         [failure.source, failure.code, failure.reason])

    def query(self, sql: str, params=None) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql, params or [])
        return [d[0] for d in cur.description], cur.fetchall()

    def analyses(self):
        """Stored analyses as dicts, in ingest order."""
        for (doc,) in self.con.execute("SELECT analysis FROM articles ORDER BY ingested_at, id").fetchall():
            yield json.loads(doc)

    def export_table(self, table: str, path: str, fmt: str) -> None:
        if table not in EXPORT_TABLES:
            raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORT_TABLES)}")
        cols = "* EXCLUDE (analysis)" if table == "articles" else "*"
        options = {"csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet"}[fmt]
        escaped = path.replace("'", "''")
        self.con.execute(f"COPY (SELECT {cols} FROM {table}) TO '{escaped}' ({options})")
