"""Places: toponyms geocoded against an offline GeoNames gazetteer (`eventwire.analysis/1` `places`)."""
from .stage import resolve

__all__ = ["resolve"]
