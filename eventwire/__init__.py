"""eventwire: conflict and diplomacy news in, a traceable event dataset out.

    >>> import eventwire
    >>> analysis = eventwire.analyze("Malian soldiers repelled an attack near Gao on Tuesday.")
    >>> analysis.to_json()
"""
from .analysis import SCHEMA, Analysis, analyze
from .article import Article

__version__ = "0.1.0"
__all__ = ["SCHEMA", "Analysis", "Article", "analyze", "__version__"]
