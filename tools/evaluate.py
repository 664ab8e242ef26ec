"""Agreement of tracker's statuses with the labelled pairs, per family, and the relevance of its quotes.

Run from the repository root:
  python -m tools.evaluate            per-family table over every labelled pair
  python -m tools.evaluate -v         also every disagreement
  python -m tools.evaluate --second   the seed pairs labelled by the second reader (never tuned on)
  python -m tools.evaluate --family anping-2025   one family
"""

from __future__ import annotations

import argparse
import functools
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import SECOND, Pair, all_pairs, families, seed_pairs


@dataclass
class Score:
    """Agreement figures over some tasks."""

    tasks: int = 0
    agree: int = 0
    exact: int = 0
    critical: int = 0
    credited: int = 0  # tasks predicted done or partial whose labels record key phrases
    top_relevant: int = 0  # … whose first quote holds a key phrase
    quotes: int = 0
    quotes_relevant: int = 0
    sure: int = 0  # judgements of high confidence
    sure_agree: int = 0
    rows: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("tasks", "agree", "exact", "critical", "credited", "top_relevant", "quotes", "quotes_relevant",
                     "sure", "sure_agree"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rows += other.rows

    def figures(self) -> dict[str, float]:
        return {
            "agreement": self.agree / max(1, self.tasks),
            "exact": self.exact / max(1, self.tasks),
            "critical": self.critical,
            "top_quote": self.top_relevant / self.credited if self.credited else float("nan"),
            "all_quotes": self.quotes_relevant / self.quotes if self.quotes else float("nan"),
            "high_agreement": self.sure_agree / self.sure if self.sure else float("nan"),
            "high_share": self.sure / max(1, self.tasks),
        }

    def line(self, name: str) -> str:
        f = self.figures()
        return (f"{name:58s} {f['agreement']:6.1%} {f['exact']:6.1%} {f['critical']:3d} "
                f"{f['top_quote']:6.1%} {f['all_quotes']:6.1%} {f['high_agreement']:6.1%} {f['high_share']:6.1%}"
                f"  ({self.tasks})")


HEADER = (f"{'pair / family':58s} {'agree':>6s} {'exact':>6s} {'crit':>3s} {'top-q':>6s} {'all-q':>6s} "
          f"{'high-a':>6s} {'high-n':>6s}")


def is_critical(predicted: str, primary: str, accept: tuple[str, ...]) -> bool:
    """Done where the reviewer said missing, or missing where the reviewer said done (LABELING.md)."""
    return (predicted == "done" and primary == "missing" and "done" not in accept) or (
        predicted == "missing" and primary == "done" and "missing" not in accept)


def squashed(text: str) -> str:
    """A text with widths normalised and spaces removed, as key phrases are looked for in it."""
    from tracker.text import normalize

    return "".join(normalize(text).split())


def relevant(text: str, phrases: tuple[str, ...]) -> bool:
    """A quote is relevant when it contains one of the key phrases (spaces and widths ignored)."""
    normal = squashed(text)
    return any(squashed(p) in normal for p in phrases)


@functools.cache
def _plan(path: Path, converted: Path | None = None):
    """A family's plan is read once for all its reports (plans are frozen data)."""
    from tracker.classify import load_plan

    return load_plan(path, converted)


def prepare_pair(pair: Pair, plan_path=None, report_path=None, ready: dict | None = None):
    """A pair read and matched, ready for decide(); ready: old Office files converted beforehand."""
    from tracker.assess import prepare
    from tracker.classify import load_report

    plan_path, report_path = Path(plan_path or pair.plan), Path(report_path or pair.report)
    ready = ready or {}
    plan = _plan(plan_path, ready.get(plan_path))
    return prepare(plan, [load_report(report_path, ready.get(report_path))])


def prepare_pairs(pairs: list[Pair]) -> list:
    """Every pair prepared, the old Office files among them converted by one LibreOffice start."""
    from tracker.ingest import converted_together

    with converted_together([path for pair in pairs for path in (pair.plan, pair.report)]) as ready:
        return [(pair, prepare_pair(pair, ready=ready)) for pair in pairs]


def score_results(pair: Pair, results) -> Score:
    """Compare one pair's results with its labels."""
    score = Score()
    by_seq = {r.task.seq: r for r in results.tasks}
    evidence_known = pair.has_evidence
    for label in pair.labels:
        result = by_seq.get(label.seq)
        status = result.status if result else "missing"
        ok = status in label.accept
        crit = is_critical(status, label.primary, label.accept)
        score.tasks += 1
        score.agree += ok
        score.exact += status == label.primary
        score.critical += crit
        if result and result.confidence == "high":
            score.sure += 1
            score.sure_agree += ok
        if result and evidence_known and status != "missing" and label.phrases:
            score.credited += 1
            quotes = [e.text for e in result.evidence]
            score.top_relevant += bool(quotes) and relevant(quotes[0], label.phrases)
        if result and evidence_known and status != "missing":
            for quote in (e.text for e in result.evidence):
                score.quotes += 1
                score.quotes_relevant += relevant(quote, label.phrases)
        score.rows.append((pair.name, label, result, ok, crit))
    return score


def score_pair(pair: Pair, settings=None, prepared=None) -> Score:
    from tracker.assess import DEFAULT, decide

    return score_results(pair, decide(prepared or prepare_pair(pair), settings or DEFAULT))


def table(scores: dict[str, Score], by_family: dict[str, Score]) -> str:
    lines = [HEADER]
    total = Score()
    for family, score in by_family.items():
        lines.append(score.line(f"[{family}]"))
        total.add(score)
        for name, pair_score in scores.items():
            if name.startswith(family + "/"):
                lines.append(pair_score.line("  " + name.split("/", 1)[1][:54]))
    lines.append(total.line("ALL"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list every disagreement")
    parser.add_argument("--second", action="store_true", help="the second reader's seed pairs")
    parser.add_argument("--family", action="append", help="only these families")
    args = parser.parse_args(argv)
    pairs = seed_pairs(SECOND, "second-reader") if args.second else all_pairs()
    if args.family:
        pairs = [p for p in pairs if p.family in args.family]
    scores: dict[str, Score] = {}
    by_family: dict[str, Score] = {f: Score() for f in families(pairs)}
    for pair in pairs:
        try:
            score = score_pair(pair)
        except Exception as error:  # a pair the parser cannot read yet counts as all wrong, visibly
            print(f"!! {pair.name}: {type(error).__name__}: {error}")
            continue
        scores[f"{pair.family}/{pair.name}"] = score
        by_family[pair.family].add(score)
    if args.v:
        for name, score in scores.items():
            for _, label, result, ok, crit in score.rows:
                if ok and result and result.status == label.primary:
                    continue
                mark = "!!" if crit else ("  " if ok else "x ")
                title = result.task.title[:18] if result else "?"
                status = result.status if result else "-"
                print(f"{mark} {name[:40]:40s} {label.seq:2d} {title:18s} got {status:7s} want {'/'.join(label.accept):15s}"
                      f" | {label.note[:60]}")
    print(table(scores, by_family))


if __name__ == "__main__":
    main()
