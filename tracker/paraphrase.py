"""Work told in other words: the words reports use for a task's words, learned from labelled pairs.

A plan says 告知承诺制; the report says 书面保证代替提交材料. No shared word, so matching finds nothing, yet a
reviewer sees the task done. templates/paraphrases.tsv (built by tools/paraphrases.py from the labelled corpus)
holds pairs of a task word and a word that the sentences reviewers pointed to use far more often than report
sentences in general, in the tasks of at least a few independent families. A sentence that uses several such
words of one task, clearly more than of any other task, may tell that task's work in its own words.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy as np

from .errors import TrackerError
from .resources import template_file

PARAPHRASE_FILE = "paraphrases.tsv"
MIN_WORDS = 2  # one word in common with a task's paraphrases is a coincidence

Paraphrases = dict[str, dict[str, float]]  # task word → report word → weight (log of how much likelier)


@cache
def paraphrases() -> Paraphrases:
    """The table in templates/ (tools/paraphrases.py writes it)."""
    path = template_file(PARAPHRASE_FILE)
    table: Paraphrases = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        try:
            task_word, report_word, weight, *_ = line.split("\t")
            table.setdefault(task_word, {})[report_word] = float(weight)
        except ValueError:
            raise TrackerError(f"模板文件“{path}”第 {number} 行格式有误。请恢复随程序提供的文件，"
                               "或在仓库中运行 python -m tools.paraphrases 重新生成。") from None
    return table


def task_words(table: Paraphrases, tokens: Iterable[str]) -> dict[str, float]:
    """The report words that may stand for a task's words, each with its strongest weight (the task's own words
    are matched directly and left out)."""
    own = frozenset(tokens)
    out: dict[str, float] = {}
    for token in own:
        for word, weight in table.get(token, {}).items():
            if word not in own and weight > out.get(word, 0.0):
                out[word] = weight
    return out


class Told:
    """A plan's tasks with the report words that may stand for their words: worked out once per plan, as the
    reports of every unit are read against it."""

    def __init__(self, tasks: list[frozenset[str]], table: Paraphrases) -> None:
        wanted = [task_words(table, tokens) for tokens in tasks]
        self.vocabulary = {word: i for i, word in enumerate(sorted({w for words in wanted for w in words}))}
        self.words = frozenset(self.vocabulary)
        self.weights = np.zeros((len(self.vocabulary), len(tasks)))
        for column, words in enumerate(wanted):
            for word, weight in words.items():
                self.weights[self.vocabulary[word], column] = weight
        self.present = (self.weights > 0).astype(float)

    def best(self, passages: list[frozenset[str]]) -> list[tuple[float, int | None]]:
        """For each task, the passage that tells it most clearly in other words and by how much it fits this task
        better than any other: (margin, index into passages), or (0.0, None)."""
        tasks = self.weights.shape[1]
        if not self.vocabulary or not passages or not tasks:
            return [(0.0, None)] * tasks
        # The few words of each passage that may stand for some task's words, passage after passage.
        vocabulary, words = self.vocabulary, self.words
        rows, columns, starts = [], [], []
        for row, tokens in enumerate(passages):
            used = tokens & words
            if used:
                starts.append(len(columns))
                rows.append(row)
                columns.extend(vocabulary[token] for token in used)
        scores = np.zeros((len(passages), tasks))
        if rows:
            scores[rows] = np.add.reduceat(self.weights[columns], starts, axis=0)
            counts = np.zeros_like(scores)
            counts[rows] = np.add.reduceat(self.present[columns], starts, axis=0)
            scores[counts < MIN_WORDS] = 0.0
        # Each passage's best task and the best of the others: a task's margin is its score less the best other's.
        ranked = np.sort(scores, axis=1)
        first = ranked[:, -1:]
        second = ranked[:, -2:-1] if tasks > 1 else np.zeros_like(first)
        margins = scores - np.where(scores >= first, second, first)
        best = margins.argmax(axis=0)
        return [(float(margins[row, column]), int(row)) if margins[row, column] > 0 else (0.0, None)
                for column, row in enumerate(best)]

