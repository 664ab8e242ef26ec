"""Agreement with the hand-labeled development pairs (tests/gold/, rubric in tests/gold/LABELING.md) and with a
second reader on the other seed pairs (tests/second-reader/)."""

from evaluate import SECOND, score_all, summary


def test_agreement_with_gold_labels():
    scores = score_all()
    tasks = sum(s.tasks for s in scores)
    agreement = sum(s.agree for s in scores) / tasks
    exact = sum(s.exact for s in scores) / tasks
    critical = sum(s.critical for s in scores)
    figures = summary(scores)
    assert agreement >= 0.90, f"agreement {agreement:.1%} < 90%\n{figures}"
    assert exact >= 0.75, f"exact agreement {exact:.1%} < 75%\n{figures}"
    assert critical == 0, f"{critical} critical errors\n{figures}"


def test_no_critical_error_on_the_second_reader_pairs():
    # Labels of a second reader on the two seed pairs without gold (tests/second-reader/README.md). No
    # threshold is tuned on them, so they guard against a change that only fits the gold pairs.
    scores = score_all(folder=SECOND)
    tasks = sum(s.tasks for s in scores)
    agreement = sum(s.agree for s in scores) / tasks
    figures = summary(scores)
    assert sum(s.critical for s in scores) == 0, figures
    assert agreement >= 0.85, f"agreement {agreement:.1%} < 85%\n{figures}"
