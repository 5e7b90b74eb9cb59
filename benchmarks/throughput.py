"""Throughput and memory of `analyze` against a bare spaCy pass over the same texts.

    python benchmarks/throughput.py ../shared/corpora/corpus__bbc.jsonl [--limit N]

Input: a JSON Lines file of {"text": ...} records, or a directory of .txt files. Each of the two
passes runs in its own subprocess so that peak RSS is measured separately; both use the same
spaCy model and `nlp.pipe` with the same batch size. The time of each later stage (times, places,
quotes, events) is also given as a share of the bare spaCy pass.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path


def load_texts(path: str, limit: int | None) -> list[str]:
    p = Path(path)
    if p.is_dir():
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in sorted(p.rglob("*.txt"))]
    else:
        with p.open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:limit] if limit else texts


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(mode: str, path: str, limit: int | None) -> dict:
    texts = load_texts(path, limit)
    words = sum(len(t.split()) for t in texts)
    if mode == "spacy":
        from eventwire.nlp.model import load_model

        nlp = load_model("en")
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
    else:
        from eventwire.analysis import analyze_docs
        from eventwire.article import Article
        from eventwire.nlp import load_pipeline

        load_pipeline("en")
        # One warm-up article loads every stage's data (gazetteer, lexicons) before the clock starts:
        # loading once per process is not per-article cost.
        analyze_docs([Article(text="Gunmen killed two soldiers near Gao on Monday, the army said.", language="en")])
        from eventwire.stages import SECONDS

        SECONDS.clear()
        articles = [Article(text=t, language="en") for t in texts]
        start = time.perf_counter()
        for i in range(0, len(articles), 16):
            analyze_docs(articles[i:i + 16])
    seconds = time.perf_counter() - start
    from eventwire.stages import SECONDS

    return {"stages": dict(SECONDS) if mode == "eventwire" else {}, "mode": mode, "articles": len(texts), "words": words, "seconds": seconds,
            "articles_per_s": len(texts) / seconds, "words_per_s": words / seconds, "peak_rss_mb": _peak_rss_mb()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--worker", choices=["spacy", "eventwire"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.limit)))
        return
    results = {}
    for mode in ("spacy", "eventwire"):
        cmd = [sys.executable, __file__, args.corpus, "--worker", mode]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results[mode] = json.loads(out.strip().splitlines()[-1])
    base, ours = results["spacy"], results["eventwire"]
    print(f"corpus: {args.corpus} ({ours['articles']} articles, {ours['words']:,} words)")
    print(f"{'':12}{'articles/s':>12}{'words/s':>12}{'peak RSS MB':>14}")
    for name, r in (("bare spaCy", base), ("eventwire", ours)):
        print(f"{name:12}{r['articles_per_s']:12.1f}{r['words_per_s']:12.0f}{r['peak_rss_mb']:14.0f}")
    print(f"ratio eventwire/spaCy: speed {ours['words_per_s'] / base['words_per_s']:.2f}x, "
          f"time {ours['seconds'] / base['seconds']:.2f}x, peak RSS {ours['peak_rss_mb'] / base['peak_rss_mb']:.2f}x")
    # Each stage's own time as a share of the bare spaCy pass (the issues' speed budgets).
    for name, sec in ours.get("stages", {}).items():
        print(f"stage {name:8} {sec:8.2f} s = {100 * sec / base['seconds']:5.1f}% of the spaCy pass")


if __name__ == "__main__":
    main()
