"""Build templates/paraphrases.tsv: the words reports use for a task's words, learned from the labelled corpus.

For every task labelled done or partial, the sentences a reviewer pointed to (its evidence key phrases) are
set beside the task's words. A report word is kept for a task word when the sentences pointed to for tasks with
that word use it at least MIN_LIFT times as often as report sentences in general, in tasks of at least
MIN_FAMILIES families (one writer's habit is not the language of the genre).

Run from the repository root:  python -m tools.paraphrases      (writes templates/paraphrases.tsv)
tools/tune.py learns the table again without each held-out family, so that held-out figures stay held out.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tracker.paraphrase import PARAPHRASE_FILE, Paraphrases

from .evaluate import squashed

MIN_FAMILIES = 3
MIN_LIFT = 10.0
SMOOTHING = 2  # tasks added to a task word's count: a word seen in few tasks proves little


@dataclass
class Counts:
    """One family's share of the statistics."""

    pairs: Counter = field(default_factory=Counter)  # (task word, report word) → tasks
    tasks: Counter = field(default_factory=Counter)  # task word → tasks with evidence
    words: Counter = field(default_factory=Counter)  # report word → report sentences of work done using it
    sentences: int = 0


def pointed_to(texts: list[str], phrases: tuple[str, ...]) -> list[int]:
    """The passages (texts already squashed) holding any of a task's evidence key phrases, found as
    tools/evaluate.py finds them in a quote."""
    keys = [squashed(phrase) for phrase in phrases]
    return [i for i, text in enumerate(texts) if any(key in text for key in keys)]


def count(prepared: list) -> dict[str, Counts]:
    """Each family's counts, from its prepared pairs (tools.evaluate.prepare_pairs)."""
    out: dict[str, Counts] = {}
    for pair, prep in prepared:
        counts = out.setdefault(pair.family, Counts())
        index = prep.index
        texts = [squashed(p.text) for p in index.passages]
        for i, evidence in enumerate(index.evidence):
            if evidence:
                counts.sentences += 1
                counts.words.update(index.tokens[i])
        for label in pair.labels:
            own = prep.task_tokens.get(label.seq)
            if own is None or label.primary == "missing" or not label.phrases:
                continue
            gold = pointed_to(texts, label.phrases)
            if not gold:
                continue
            used = frozenset().union(*(index.tokens[i] for i in gold)) - own
            counts.tasks.update(own)
            counts.pairs.update((task_word, word) for task_word in own for word in used)
    return out


class Learner:
    """The table from all families' counts, or from all but one."""

    def __init__(self, counts: dict[str, Counts]) -> None:
        self.counts = counts
        self.total = Counts()
        seen: Counter = Counter()
        for family in counts.values():
            self.total.pairs.update(family.pairs)
            self.total.tasks.update(family.tasks)
            self.total.words.update(family.words)
            self.total.sentences += family.sentences
            seen.update(family.pairs.keys())
        self.candidates = {key: n for key, n in seen.items() if n >= MIN_FAMILIES}

    def table(self, without: str | None = None) -> Paraphrases:
        left = self.counts.get(without, Counts()) if without else Counts()
        sentences = self.total.sentences - left.sentences
        out: Paraphrases = {}
        for key, families in self.candidates.items():
            if families - (key in left.pairs) < MIN_FAMILIES:
                continue
            task_word, word = key
            tasks = self.total.tasks[task_word] - left.tasks[task_word]
            share = (self.total.pairs[key] - left.pairs[key]) / (tasks + SMOOTHING)
            background = (self.total.words[word] - left.words[word] + 1) / sentences
            lift = share / background
            if lift >= MIN_LIFT:
                out.setdefault(task_word, {})[word] = math.log(lift)
        return out


def write(table: Paraphrases, path: Path, families: int) -> None:
    lines = [f"# Report words for task words, learned from {families} labelled families (tools/paraphrases.py).",
             "# task word\treport word\tweight (log of how much likelier in the sentences reviewers pointed to)"]
    lines += [f"{task_word}\t{word}\t{weight:.3f}" for task_word in sorted(table)
              for word, weight in sorted(table[task_word].items(), key=lambda item: (-item[1], item[0]))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    from .corpus import all_pairs
    from .evaluate import prepare_pairs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=f"templates/{PARAPHRASE_FILE}")
    args = parser.parse_args(argv)
    counts = count(prepare_pairs(all_pairs()))
    table = Learner(counts).table()
    write(table, Path(args.output), len(counts))
    print(f"{sum(map(len, table.values()))} pairs of words for {len(table)} task words written to {args.output}")


if __name__ == "__main__":
    main()
