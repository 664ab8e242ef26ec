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

from evaluate import GOLD, is_critical, prepared_pair  # noqa: E402

from tracker.assess import DEFAULT, status_of, task_features  # noqa: E402

EVIDENCE_GRID = {"found": [0.45, 0.5, 0.55, 0.6], "general": [0.15, 0.25, 0.35], "share": [0.0, 0.5, 0.7],
                 "share_general": [0.5, 0.8]}
RULE_GRID = {
    "done_score": [0.3, 0.35, 0.4, 0.45, 0.5],
    "done_concrete": [1, 2],
    "done_share": [0.0, 0.25, 0.34],
    "missing_score": [0.02, 0.05, 0.08],
    "done_support": [1, 2, 3, 99],
    "done_core_score": [0.05, 0.1, 0.15, 0.2],
    "done_section": [1, 2, 3, 99],
    "done_target": [False, True],
    "done_needs_core": [False, True],
}


def grid(spec: dict) -> list[dict]:
    keys = list(spec)
    return [dict(zip(keys, values, strict=True)) for values in itertools.product(*(spec[k] for k in keys))]


def tally(labels, statuses) -> tuple[int, int, int]:
    agree = exact = critical = 0
    for label, status in zip(labels, statuses, strict=True):
        agree += status in label["accept"]
        exact += status == label["primary"]
        critical += is_critical(status, label["primary"], label["accept"])
    return agree, exact, critical


SMOOTH = "--smooth" in sys.argv


def objective(counts) -> float:
    return sum(a + 0.5 * e - 3 * c for a, e, c in counts)


def main() -> None:
    pairs = {path.stem: prepared_pair(path) for path in sorted(GOLD.glob("*.json"))}
    table = []  # (settings, {pair: (agree, exact, critical)})
    for evidence in grid(EVIDENCE_GRID):
        if evidence["general"] > evidence["found"]:
            continue
        base = replace(DEFAULT, **evidence)
        best = {name: prep.best(base) for name, (_, prep) in pairs.items()}
        raw = {
            name: [(label, task_features(prep.candidates[label["seq"]], prep.index, best[name], base),
                    prep.targets[label["seq"]]) for label in gold["tasks"]]
            for name, (gold, prep) in pairs.items()
        }
        for rule in grid(RULE_GRID):
            settings = replace(base, **rule)
            counts = {name: tally([f[0] for f in rows], [status_of(f[1], f[2], settings) for f in rows])
                      for name, rows in raw.items()}
            table.append(({**evidence, **rule}, counts))
    sizes = {name: len(gold["tasks"]) for name, (gold, _) in pairs.items()}

    def line(name, c):
        return f"{name:55s} agreement {c[0] / sizes[name]:6.1%}  exact {c[1] / sizes[name]:6.1%}  critical {c[2]}"

    spec = {**EVIDENCE_GRID, **RULE_GRID}
    keys = list(spec)
    by_values = {tuple(row[0][k] for k in keys): row for row in table}

    def neighbours(row):
        """The row and the rows one grid step away in one setting: a choice on a plateau, not a knife-edge."""
        values = [row[0][k] for k in keys]
        out = [row]
        for i, key in enumerate(keys):
            options = spec[key]
            at = options.index(values[i])
            for step in (-1, 1):
                if 0 <= at + step < len(options):
                    other = by_values.get(tuple(values[:i] + [options[at + step]] + values[i + 1:]))
                    if other:
                        out.append(other)
        return out

    def smoothed(row, names):
        rows = neighbours(row)
        return sum(objective(v for n, v in r[1].items() if n in names) for r in rows) / len(rows)

    def choose(names):
        plain = max(table, key=lambda row: objective(v for n, v in row[1].items() if n in names))
        if not SMOOTH:
            return plain
        # Among the near-best rows, prefer the one whose neighbours do well too.
        top = objective(v for n, v in plain[1].items() if n in names)
        near = [row for row in table if objective(v for n, v in row[1].items() if n in names) >= top - 2]
        return max(near, key=lambda row: smoothed(row, names))

    best = choose(set(pairs))
    print("best on all pairs:", best[0])
    for name, c in best[1].items():
        print("  ", line(name, c))
    total = sum(sizes.values())
    print(f"   all: agreement {sum(c[0] for c in best[1].values()) / total:.1%}  "
          f"exact {sum(c[1] for c in best[1].values()) / total:.1%}  critical {sum(c[2] for c in best[1].values())}")
    print("leave one pair out:")
    held = []
    for name in pairs:
        train = choose(set(pairs) - {name})
        held.append(train[1][name])
        print("  ", line(name, train[1][name]), train[0])
    print(f"   held-out total: agreement {sum(c[0] for c in held) / total:.1%}  "
          f"exact {sum(c[1] for c in held) / total:.1%}  critical {sum(c[2] for c in held)}")


if __name__ == "__main__":
    main()
