"""Judgement quality on labelled pairs (tests/gold/LABELING.md): figures held out by family, not figures fitted on
the same data. Families and labels: tools/corpus.py; fitting: tools/tune.py; scoring: tools/evaluate.py."""

import pytest

from tools.corpus import SECOND, all_pairs, seed_pairs
from tools.evaluate import Score, prepare_pairs, score_pair
from tools.tune import Counts, held_out, rows_of


@pytest.fixture(scope="module")
def prepared():
    return prepare_pairs(all_pairs())


def test_leave_one_family_out(prepared):
    # Each family judged by a status model fitted on the other families, with a paraphrase table learned without it
    # (README: 判定质量). Measured: 87.2% agreement and 45 critical errors over 7980 tasks of 350 families (0.56%;
    # 87.2% and 47 over 7200 tasks of 320 families at stop 28); high confidence 97.2% right on 60.2% of the tasks
    # (63.1% at 320 families, 57.3% at 315, 61.2–61.5% at 350 before the last refits). 高 is set by a sureness model
    # fitted on other families' judgements, at the sureness where the held-out judgements of the other families
    # were right 97.2% of the time (97.5% until stop 26; the threshold is held out too): the share stays near it,
    # what moves is how many tasks it covers (49–56% as the corpus grew before the sureness read how much of the
    # plan the same reports show done; 52–60% since at 97.5%, 57.3–63.1% at 97.2%). Each blind family
    # carries a task done only in other words by design (most critical errors are such tasks, judged missing), so the
    # count grows with the corpus and the bound is a share; the margin leaves room for small changes and a few more
    # such families, not for a method that only fits the data it was fitted on.
    total = Counts()
    for counts in held_out(rows_of(prepared)).values():
        total.add(counts)
    assert total.agree / total.tasks >= 0.855, f"held-out agreement {total.agree / total.tasks:.1%} < 85.5%"
    assert total.critical <= 0.009 * total.tasks, f"{total.critical} critical errors held out over {total.tasks} tasks"
    assert total.high_agree >= 0.965 * total.high and total.high >= 0.50 * total.tasks, (
        f"high confidence {total.high_agree} right of {total.high} ({total.tasks} tasks)")


def test_quotes_shown_are_mostly_relevant(prepared):
    # Evidence gold: the first quote of a credited task holds a key phrase a reviewer points to.
    total = Score()
    for pair, prep in prepared:
        total.add(score_pair(pair, prepared=prep))
    figures = total.figures()
    assert figures["top_quote"] >= 0.78, f"relevant first quote {figures['top_quote']:.1%} < 78%"  # measured 94.3%


def test_second_reader_seed_pairs():
    # Labels of a second reader on the two seed pairs without gold (tests/second-reader/README.md); never fitted on.
    total = Score()
    for pair in seed_pairs(SECOND, "second-reader"):
        total.add(score_pair(pair))
    figures = total.figures()
    assert figures["critical"] <= 1, f"{figures['critical']} critical errors"
    assert figures["agreement"] >= 0.80, f"agreement {figures['agreement']:.1%} < 80%"
