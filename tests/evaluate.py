"""Agreement of tracker's statuses with the hand-labeled development pairs (tests/gold/).

Run: python tests/evaluate.py [-v]   (prints figures per pair; -v lists every disagreement)
     python tests/evaluate.py --second  (the same for tests/second-reader/: the two seed pairs that have no
                                         gold labels, labeled by a second reader; never tuned on)
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
SECOND = HERE / "second-reader"
SEEDS = HERE.parent / "seeds"


@dataclass
class PairScore:
    name: str
    tasks: int
    agree: int
    exact: int
    critical: int
    rows: list

    @property
    def agreement(self) -> float:
        return self.agree / self.tasks

    @property
    def exact_rate(self) -> float:
        return self.exact / self.tasks

    def line(self) -> str:
        return (f"{self.name:55s} agreement {self.agreement:6.1%}  exact {self.exact_rate:6.1%}  "
                f"critical {self.critical}  ({self.tasks} tasks)")


def is_critical(predicted: str, primary: str, accept: list[str]) -> bool:
    """Done where the reviewer said missing, or missing where the reviewer said done (LABELING.md)."""
    return (predicted == "done" and primary == "missing" and "done" not in accept) or (
        predicted == "missing" and primary == "done" and "missing" not in accept)


def prepared_pair(gold_path: Path):
    from tracker.assess import prepare
    from tracker.ingest import read_document
    from tracker.pipeline import load_plan
    from tracker.segment import split_report

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    plan = load_plan(SEEDS / gold["plan"])
    report = split_report(read_document(SEEDS / gold["report"]))
    return gold, prepare(plan, [report])


def score_pair(gold_path: Path, settings=None, prepared=None) -> PairScore:
    from tracker.assess import DEFAULT, decide

    gold, prep = prepared or prepared_pair(gold_path)
    results = decide(prep, settings or DEFAULT)
    by_seq = {r.task.seq: r for r in results.tasks}
    agree = exact = critical = 0
    rows = []
    for label in gold["tasks"]:
        result = by_seq[label["seq"]]
        ok = result.status in label["accept"]
        agree += ok
        exact += result.status == label["primary"]
        crit = is_critical(result.status, label["primary"], label["accept"])
        critical += crit
        rows.append((label, result, ok, crit))
    return PairScore(gold_path.stem, len(gold["tasks"]), agree, exact, critical, rows)


def score_all(settings=None, folder: Path = GOLD) -> list[PairScore]:
    return [score_pair(path, settings) for path in sorted(folder.glob("*.json"))]


def summary(scores: list[PairScore]) -> str:
    tasks = sum(s.tasks for s in scores)
    lines = [s.line() for s in scores]
    lines.append(f"{'ALL':55s} agreement {sum(s.agree for s in scores) / tasks:6.1%}  "
                 f"exact {sum(s.exact for s in scores) / tasks:6.1%}  critical {sum(s.critical for s in scores)}  "
                 f"({tasks} tasks)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    scores = score_all(folder=SECOND if "--second" in sys.argv else GOLD)
    if "-v" in sys.argv:
        for s in scores:
            print("=====", s.name)
            for label, result, ok, crit in s.rows:
                mark = "!!" if crit else ("  " if ok else "x ")
                if not ok or result.status != label["primary"] or "-vv" in sys.argv:
                    print(f"{mark} {label['seq']:2d} {result.task.title[:16]:16s} got {result.status:7s} "
                          f"primary {label['primary']:7s} score {result.score:.2f} | "
                          f"{' '.join(m.found[:3] for m in result.measures)} | {label['note'][:50]}")
    print(summary(scores))
