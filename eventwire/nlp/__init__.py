"""Language pipelines: a spaCy model per language plus eventwire's components."""
from .model import load_pipeline

__all__ = ["load_pipeline"]
