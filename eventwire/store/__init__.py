"""The embedded store: analyses as DuckDB tables (see schema.sql)."""
from .duckdb_store import EXPORT_TABLES, Store

__all__ = ["EXPORT_TABLES", "Store"]
