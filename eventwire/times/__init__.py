"""Time expressions: found by rules built from `data/times/LANG.yaml`, read, and anchored to
the publication date (`stage.resolve`, registered as the `times` stage)."""
from .stage import resolve, times_of

__all__ = ["resolve", "times_of"]
