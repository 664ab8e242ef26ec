"""Search the assessment thresholds on the development pairs, with leave-one-pair-out checking.

Run: python tests/tune.py
For each pair, thresholds are chosen on the other three and scored on the held-out one: the figure that
tells whether the thresholds transfer to reports they were not tuned on.
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import GOLD, prepared_pair, score_pair  # noqa: E402

from tracker.assess import DEFAULT  # noqa: E402

GRID = {
    "found": [0.5, 0.6, 0.7, 0.8],
    "general": [0.3, 0.4, 0.5],
    "done_score": [0.2, 0.25, 0.3, 0.35, 0.4, 0.45],
    "done_concrete": [1, 2, 3],
    "done_share": [0.0, 0.2, 0.25, 0.33, 0.4],
    "missing_score": [0.02, 0.05, 0.08, 0.12],
}


def objective(scores) -> float:
    return sum(s.agree + 0.5 * s.exact - 3 * s.critical for s in scores)


def main() -> None:
    pairs = {path: prepared_pair(path) for path in sorted(GOLD.glob("*.json"))}
    keys = list(GRID)
    table = []
    for values in itertools.product(*(GRID[k] for k in keys)):
        settings = dict(zip(keys, values, strict=True))
        if settings["general"] > settings["found"]:
            continue
        s = replace(DEFAULT, **settings)
        scores = {path: score_pair(path, s, prepared) for path, prepared in pairs.items()}
        table.append((settings, scores))
    best_all = max(table, key=lambda row: objective(row[1].values()))
    print("best on all pairs:", best_all[0])
    for score in best_all[1].values():
        print("  ", score.line())
    print("leave one pair out:")
    held = []
    for path in pairs:
        train = max(table, key=lambda row: objective(v for p, v in row[1].items() if p != path))
        held.append(train[1][path])
        print("  ", train[1][path].line(), train[0])
    tasks = sum(s.tasks for s in held)
    print(f"   held-out total: agreement {sum(s.agree for s in held) / tasks:.1%}  "
          f"exact {sum(s.exact for s in held) / tasks:.1%}  critical {sum(s.critical for s in held)}")


if __name__ == "__main__":
    main()
