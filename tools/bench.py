"""Benchmark: matching 100 reports of ~10,000 characters against a 28-task plan, beside the floor.

Run from the repository root: python -m tools.bench [--reports 100] [--chars 10000] [--repeat 3]

The reports are built by recombining sentences of the seed reports (fixed random seed). In the same
process the script times, file by file, the floor (reading and jieba-tokenising the file) and the whole
matching (reading, segmenting, indexing, matching and deciding every task), with the plan's measures worked
out once, as an audit does for the reports of every unit. Each file's two times are the best of --repeat
runs; timing them side by side keeps a busy machine from favouring either. The goal is a ratio of at most 2.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from tracker.assess import assess_plan
from tracker.classify import load_plan, load_report
from tracker.ingest import read_document
from tracker.lexicon import lexicon
from tracker.match import PlanModel
from tracker.segment import split_report
from tracker.text import decode

ROOT = Path(__file__).resolve().parent.parent

SEEDS = ROOT / "seeds"
REPORTS = ["wulatezhong-2024-report.txt", "etuokeqian-2023-report.txt", "keyouzhong-2024-report.txt"]
NUMERALS = "一二三四五六七八九十"


def seed_sentences() -> list[str]:
    """Achievement sentences of the seed reports: the material the synthetic reports are made of."""
    out = []
    for name in REPORTS:
        report = split_report(read_document(SEEDS / name))
        out.extend(p.text for p in report.passages if p.kind == "achievement" and not p.heading)
    return [s for s in out if len(s) > 15]


def build_reports(folder: Path, count: int, chars: int) -> list[Path]:
    """Write `count` reports of about `chars` characters: a title, numbered sections, paragraphs."""
    rng = random.Random(20261122)
    pool = seed_sentences()
    paths = []
    for n in range(count):
        lines = [f"某某旗{2020 + n % 5}年法治政府建设工作报告（第{n + 1}份）"]
        size, section = 0, 0
        while size < chars:
            section += 1
            lines.append(f"{NUMERALS[(section - 1) % 10]}、第{section}方面工作")
            for _ in range(rng.randint(2, 4)):
                paragraph = "".join(rng.sample(pool, rng.randint(3, 6)))
                lines.append(paragraph)
                size += len(paragraph)
        lines += ["存在的问题和下一步打算", "".join(rng.sample(pool, 2))]
        path = folder / f"report-{n:03d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


def floor(path: Path) -> float:
    """Seconds to read and jieba-tokenise one file (with the domain dictionary loaded)."""
    jieba = lexicon()._jieba
    start = time.perf_counter()
    jieba.lcut(decode(path.read_bytes(), path.name), HMM=False)
    return time.perf_counter() - start


def matching(plan, model: PlanModel, path: Path, counts: Counter) -> float:
    """Seconds to read, segment, index and assess one file against the plan."""
    start = time.perf_counter()
    results = assess_plan(plan, [load_report(path)], model=model).tasks
    spent = time.perf_counter() - start
    counts.update(result.status for result in results)
    return spent


def timed(plan, paths: list[Path], repeat: int) -> tuple[float, float, Counter]:
    """The floor and the matching of every file, each the best of `repeat` runs. The two are timed one file
    after the other, so that a change in the machine's load weighs on both alike."""
    model = PlanModel(plan, lexicon())  # the plan's measures are worked out once, as in an audit
    base = [float("inf")] * len(paths)
    spent = [float("inf")] * len(paths)
    counts: Counter = Counter()
    for run in range(repeat):
        for n, path in enumerate(paths):
            base[n] = min(base[n], floor(path))
            spent[n] = min(spent[n], matching(plan, model, path, counts if run == 0 else Counter()))
    return sum(base), sum(spent), counts


def pdf_speed() -> tuple[int, float]:
    """Pages and seconds to read the text layer and tables of the corpus PDFs (tests/corpus/*/*.pdf)."""
    import pdfplumber

    from tracker.pdf import read_pdf

    paths = sorted((ROOT / "tests" / "corpus").glob("*/*.pdf"))
    pages = 0
    for path in paths:
        with pdfplumber.open(str(path)) as pdf:
            pages += len(pdf.pages)
    start = time.perf_counter()
    for path in paths:
        read_pdf(path)
    return pages, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs of each, interleaved")
    args = parser.parse_args()
    plan = load_plan(SEEDS / "wulatezhong-2024-plan.txt")
    lexicon()  # jieba and the dictionaries load once, before either clock starts
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_reports(Path(tmp), args.reports, args.chars)
        total = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        assess_plan(plan, [load_report(paths[0])])  # warm the background corpus once, as a real run does
        base, spent, counts = timed(plan, paths, args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # of the matching, before the PDFs
    pdf_pages, pdf_seconds = pdf_speed()
    print(f"reports: {len(paths)}, characters: {total:,} (avg {total // len(paths):,}), plan tasks: {len(plan.tasks)}, "
          f"best of {args.repeat}")
    print(f"floor (read + jieba):        {base:7.2f} s  ({total / base / 1e6:.2f} M chars/s)")
    print(f"matching (read..decide):     {spent:7.2f} s  ({spent / len(paths) * 1000:.0f} ms per report)")
    print(f"ratio matching / floor:      {spent / base:7.2f}  (goal <= 2)")
    print(f"peak memory (max RSS):       {peak:7.0f} MB")
    print(f"PDF reading (corpus PDFs):   {pdf_seconds / max(1, pdf_pages) * 1000:7.0f} ms per page ({pdf_pages} pages)")
    print(f"statuses: {dict(counts)}")


if __name__ == "__main__":
    main()
