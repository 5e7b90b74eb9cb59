"""What every scorer shares: reading a set, running the pipeline over it, P/R/F1 arithmetic."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..analysis import Analysis, analyze_docs
from ..article import Article
from ..errors import Failure


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return (f"{name:<28} P {self.precision:6.3f}  R {self.recall:6.3f}  F1 {self.f1:6.3f}"
                f"   (tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass
class Report:
    task: str
    path: str
    scored: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def text(self) -> str:
        head = [f"{self.task}: {self.path}", f"records scored: {self.scored}"]
        head += [f"records skipped ({reason}): {n}" for reason, n in sorted(self.skipped.items())]
        return "\n".join(head + self.lines)


def read_set(path: str, limit: int | None = None) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield json.loads(line)


def analysed(records: list[dict], batch: int = 64) -> Iterator[tuple[dict, Analysis | Failure]]:
    """Each record with its analysis; the record's text is analysed exactly as given."""
    for i in range(0, len(records), batch):
        chunk = records[i:i + batch]
        articles = [Article(text=r["text"], source_id=r.get("id"), published=r.get("published"),
                            language=r.get("lang") or "en") for r in chunk]
        yield from zip(chunk, analyze_docs(articles))


def with_gold(report: Report, path: str, limit: int | None, field: str, stage: str,
              empty_ok: bool = False) -> Iterator[tuple[dict, Analysis, Any]]:
    """(record, analysis, gold[field]) for each record the pipeline analysed and that has that gold
    field (an empty one too with `empty_ok`); the others are counted as skipped, with the reason,
    and the rest as scored. `stage` is the analysis list the scorer reads (a failure has none)."""
    for record, analysis in analysed(list(read_set(path, limit))):
        if not hasattr(analysis, stage):
            report.skip(f"analysis failed: {analysis.code}")
            continue
        gold = record.get("gold", {}).get(field)
        if gold is None or (not gold and not empty_ok):
            report.skip(f"no gold {field}")
            continue
        report.scored += 1
        yield record, analysis, gold
