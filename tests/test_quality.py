"""Agreement with the hand-labeled development pairs (tests/gold/, rubric in tests/gold/LABELING.md)."""

from evaluate import score_all, summary


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
