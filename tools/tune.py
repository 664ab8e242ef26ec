"""Fit the assessment's thresholds and check them honestly: leave one family out.

Run from the repository root:
  python -m tools.tune            per-family table, each family scored with thresholds fitted on the others
  python -m tools.tune --write    also write the thresholds fitted on all families to templates/assessment.toml

A family is one place and author (tools/corpus.py). Thresholds chosen on the other families and scored on the
held-out one tell whether the rule carries over to documents it was not fitted on.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import asdict, dataclass, replace

import numpy as np

from .corpus import all_pairs, families
from .evaluate import is_critical, prepare_pairs

EVIDENCE_GRID = {"found": [0.5, 0.6, 0.7], "general": [0.25, 0.35], "share": [0.5, 0.7]}
# done_share and done_needs_core stay at their defaults (0.0, False): no fold ever chose another value. The section
# rule stays off (done_section 99): a heading that names a task may echo it over other work (issue 9).
RULE_GRID = {
    "done_score": [0.3, 0.4, 0.5, 0.6],
    "done_concrete": [1, 2],
    "missing_score": [0.05, 0.1, 0.15],
    "done_support": [2, 3, 99],
    "done_core_score": [0.1, 0.2],
    "done_core_found": [0.0, 0.5, 0.7],
    "done_target_score": [0.0, 0.4, 0.5],
}
CRITICAL_COST = 3


def grid(spec: dict) -> list[dict]:
    keys = list(spec)
    return [dict(zip(keys, values, strict=True)) for values in itertools.product(*(spec[k] for k in keys))]


def objective(counts) -> float:
    """agree + exact / 2 - 3 × critical, of one (agree, exact, critical) or of an array of them on its last axis."""
    counts = np.asarray(counts, dtype=float)
    return counts[..., 0] + 0.5 * counts[..., 1] - CRITICAL_COST * counts[..., 2]


def sizes(pairs) -> dict[str, int]:
    """Labelled tasks per family."""
    out: dict[str, int] = {}
    for pair in pairs:
        out[pair.family] = out.get(pair.family, 0) + len(pair.labels)
    return out


@dataclass
class Table:
    """(agree, exact, critical) of every setting of the grid on every family."""

    settings: list[dict]
    families: list[str]
    counts: np.ndarray  # settings × families × 3

    def of(self, setting: int, family: str) -> tuple[int, int, int]:
        return tuple(int(n) for n in self.counts[setting, self.families.index(family)])


def table_of_counts(prepared: list) -> Table:
    """For every setting of the grid, (agree, exact, critical) per family."""
    from tracker.assess import DEFAULT, STATUS_CODES, Columns, statuses

    names = families([pair for pair, _ in prepared])
    settings, counts = [], []
    for evidence in grid(EVIDENCE_GRID):
        if evidence["general"] > evidence["found"]:
            continue
        base = replace(DEFAULT, **evidence)
        raw = []  # (family, label, features, targets)
        for pair, prep in prepared:
            judged = prep.features(base)
            for label in pair.labels:
                if label.seq in judged:
                    raw.append((pair.family, label, judged[label.seq][0], prep.targets[label.seq]))
        columns = Columns([(features, targets) for _, _, features, targets in raw])
        member = np.zeros((len(raw), len(names)))  # task × family, one-hot
        member[np.arange(len(raw)), [names.index(f) for f, *_ in raw]] = 1
        # Per task and per predicted status (columns of STATUS_CODES): agreement, exactness, criticality.
        tests = np.stack([np.array([[test(code, label) for code in STATUS_CODES] for _, label, *_ in raw])
                          for test in (lambda code, label: code in label.accept,
                                       lambda code, label: code == label.primary,
                                       lambda code, label: is_critical(code, label.primary, label.accept))], axis=-1)
        rules = grid(RULE_GRID)
        predicted = np.array([statuses(columns, replace(base, **rule)) for rule in rules])  # rules × tasks
        per_task = tests[np.arange(len(raw)), predicted]  # rules × tasks × 3
        counts.append(np.tensordot(per_task.astype(float), member, axes=([1], [0])).transpose(0, 2, 1))
        settings += [{**evidence, **rule} for rule in rules]
    return Table(settings, names, np.rint(np.concatenate(counts)).astype(int))


def family_scores(table: Table, size: dict[str, int]) -> np.ndarray:
    """How well each setting does on each family, each family weighing the same whatever its number of tasks:
    the rule is for the next place's documents, and one big family should not decide it alone."""
    return objective(table.counts) / np.array([size[f] for f in table.families])


def choose(table: Table, names: set[str], size: dict[str, int]) -> int:
    """The setting that does best on some families (the first of the best)."""
    return int(np.argmax(fit(table, names, size)))


def fit(table: Table, names: set[str], size: dict[str, int]) -> np.ndarray:
    """How well each setting does on some families."""
    chosen = [i for i, family in enumerate(table.families) if family in names]
    return family_scores(table, size)[:, chosen].sum(axis=1)


KEY_SHARES = (0.5, 0.65, 0.75, 0.9, 1.0)


def held_out(tables: list[Table], names: list[str], size: dict[str, int]) -> dict[str, tuple[int, int, int]]:
    """Each family's counts under the setting (from any of the tables) that fits the other families best."""
    joined = Table([s for t in tables for s in t.settings], tables[0].families,
                   np.concatenate([t.counts for t in tables]))
    return {family: joined.of(choose(joined, set(names) - {family}, size), family) for family in names}


def key_share_nested() -> None:
    """Leave one family out with match.KEY_SHARE chosen too: for each held-out family, the value and the
    thresholds that do best on the other families, scored on the held-out one."""
    import tracker.match as match

    pairs = all_pairs()
    names, size = families(pairs), sizes(pairs)
    saved = match.KEY_SHARE
    tables = {}
    try:
        for value in KEY_SHARES:
            match.KEY_SHARE = value
            tables[value] = table_of_counts(prepare_pairs(pairs))
    finally:
        match.KEY_SHARE = saved
    for family in names:
        others = set(names) - {family}
        value = max(tables, key=lambda v: fit(tables[v], others, size).max())
        print(f"{family:24s} KEY_SHARE {value}")
    report(held_out(list(tables.values()), names, size), size)


def report(counts: dict[str, tuple[int, int, int]], size: dict[str, int]) -> None:
    """The per-family table of held-out figures, with totals over all families and over all but the seeds."""
    print(f"{'held-out family':24s} {'agree':>7s} {'exact':>7s} {'crit':>5s}  (tasks)")
    for family, c in counts.items():
        print(f"{family:24s} {c[0] / size[family]:7.1%} {c[1] / size[family]:7.1%} {c[2]:5d}  ({size[family]})")
    for name, chosen in (("ALL (held out)", list(counts)), ("ALL but seeds (held out)", [f for f in counts
                                                                                          if f != "seeds"])):
        total = sum(size[f] for f in chosen)
        sums = [sum(counts[f][i] for f in chosen) for i in range(3)]
        print(f"{name:24s} {sums[0] / total:7.1%} {sums[1] / total:7.1%} {sums[2]:5d}  ({total})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the thresholds fitted on all families")
    parser.add_argument("--key-share", action="store_true",
                        help="also choose match.KEY_SHARE per held-out family, among KEY_SHARES")
    args = parser.parse_args(argv)
    if args.key_share:
        key_share_nested()
        return
    pairs = all_pairs()
    names, size = families(pairs), sizes(pairs)
    table = table_of_counts(prepare_pairs(pairs))
    report(held_out([table], names, size), size)
    fitted = table.settings[choose(table, set(names), size)]
    print("fitted on all families:", fitted)
    if args.write:
        from tracker.assess import DEFAULT, write_settings

        write_settings(replace(DEFAULT, **fitted))
        print("written to templates/assessment.toml", asdict(replace(DEFAULT, **fitted)))


if __name__ == "__main__":
    main()
