"""Judgement quality on labelled pairs (tests/gold/LABELING.md): figures held out by family, not figures fitted on
the same data. Families and labels: tools/corpus.py; fitting: tools/tune.py; scoring: tools/evaluate.py."""

import pytest

from tools.corpus import SECOND, all_pairs, families, seed_pairs
from tools.evaluate import Score, prepare_pairs, score_pair
from tools.tune import held_out, sizes, table_of_counts


@pytest.fixture(scope="module")
def prepared():
    return prepare_pairs(all_pairs())


def test_leave_one_family_out(prepared):
    # Thresholds fitted on the other families, scored on the held-out one (README: 判定质量). Measured: 85.3%
    # agreement and 44 critical errors over 3501 tasks of 155 families (1.26%). Each blind family carries a task
    # done only in other words by design (in sample every critical error is such a task, judged missing), so the count grows with
    # the corpus and the bound is a share; the margin leaves room for small changes and a few more such families,
    # not for a method that only fits the data it was tuned on.
    pairs = [pair for pair, _ in prepared]
    counts = held_out([table_of_counts(prepared)], families(pairs), sizes(pairs))
    held = [sum(c[i] for c in counts.values()) for i in range(3)]
    tasks = sum(len(pair.labels) for pair in pairs)
    assert held[0] / tasks >= 0.84, f"held-out agreement {held[0] / tasks:.1%} < 84% ({held})"
    assert held[2] <= 0.015 * tasks, f"{held[2]} critical errors held out over {tasks} tasks (> 1.5%)"


def test_quotes_shown_are_mostly_relevant(prepared):
    # Evidence gold: the first quote of a credited task holds a key phrase a reviewer points to.
    total = Score()
    for pair, prep in prepared:
        total.add(score_pair(pair, prepared=prep))
    figures = total.figures()
    assert figures["top_quote"] >= 0.78, f"relevant first quote {figures['top_quote']:.1%} < 78%"  # measured 92.6%


def test_second_reader_seed_pairs():
    # Labels of a second reader on the two seed pairs without gold (tests/second-reader/README.md); never fitted on.
    total = Score()
    for pair in seed_pairs(SECOND, "second-reader"):
        total.add(score_pair(pair))
    figures = total.figures()
    assert figures["critical"] <= 1, f"{figures['critical']} critical errors"
    assert figures["agreement"] >= 0.80, f"agreement {figures['agreement']:.1%} < 80%"
