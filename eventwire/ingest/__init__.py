"""Ingest: files, pages, JSON Lines and feeds in; clean Articles (or Failures naming the input) out."""
from .readers import READERS
from .sources import finish, read_inputs, sniff

__all__ = ["READERS", "finish", "read_inputs", "sniff"]
