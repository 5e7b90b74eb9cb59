"""Batch processing shared by the CLI, the store and the distributed runner: inputs in, one
outcome per input out, in input order. One bad document never stops the batch."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from .analysis import Analysis, analyze_docs
from .article import Article
from .errors import Failure
from .ingest import read_inputs

# Codes that mean "not for us" rather than "broken": they do not make a run fail.
SKIP_CODES = {"unsupported_language"}


@dataclass
class Summary:
    analysed: int = 0
    duplicates: int = 0
    skipped: list[Failure] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    def record(self, outcome) -> None:
        if isinstance(outcome, Analysis):
            self.analysed += 1
        elif outcome.code in SKIP_CODES:
            self.skipped.append(outcome)
        else:
            self.failed.append(outcome)

    @property
    def ok(self) -> bool:
        return not self.failed

    def lines(self) -> list[str]:
        out = [f"analysed {self.analysed}, duplicates {self.duplicates}, skipped {len(self.skipped)}, "
               f"failed {len(self.failed)}"]
        for f in self.skipped:
            out.append(f"  skipped {f.source}: [{f.code}] {f.reason}")
        for f in self.failed:
            out.append(f"  failed  {f.source}: [{f.code}] {f.reason}")
        return out


def outcomes(items: Iterable[Article | Failure], skip: Callable[[Article], bool] | None = None,
             batch_size: int = 16) -> Iterator[tuple[Article | Failure, Analysis | Failure | None]]:
    """(input, outcome) pairs in input order; outcome None when `skip(article)` says so."""
    items = iter(items)
    while True:
        chunk = list(islice(items, batch_size))
        if not chunk:
            return
        todo = [x for x in chunk if isinstance(x, Article) and not (skip and skip(x))]
        results = dict(zip(map(id, todo), analyze_docs(todo)))
        for item in chunk:
            if isinstance(item, Failure):
                yield item, item
            else:
                yield item, results.get(id(item))


def run(paths: Iterable[str], **defaults) -> Iterator[tuple[Article | Failure, Analysis | Failure | None]]:
    return outcomes(read_inputs(paths, **defaults))
