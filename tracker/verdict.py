"""The status model: numbers that describe a task's evidence → how likely 未体现, 部分落实 and 已落实 are.

Two ensembles of small decision trees, fitted across the labelled families by tools/tune.py and kept as data in
templates/status_model.json: one gives the chance that the task is at least partly done, the other that it is
done. Each tree only ever raises a chance with more evidence (monotone in every feature that measures evidence),
so a report that says more of a task never lowers its status. The status chosen is the one least costly to be
wrong about, a confusion of done and missing costing several times one of a neighbouring status (LABELING.md:
a critical error). A third ensemble, fitted on the judgements of held-out families, tells how likely a judgement
is to be right: that makes it 高 (high confidence); a status the first two hold unlikely is 低.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import numpy as np

MODEL_FILE = "status_model.json"


@dataclass(frozen=True)
class Trees:
    """Regression trees side by side: node arrays and each tree's root; a leaf's value is its contribution."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    baseline: float

    def raw(self, X: np.ndarray) -> np.ndarray:
        """The summed contributions of every tree for every row of X (rows × features): a log-odds."""
        rows = np.arange(len(X))
        node = np.repeat(self.roots[None, :], len(X), axis=0)  # rows × trees
        while not self.leaf[node].all():
            go_left = X[rows[:, None], self.feature[node]] <= self.threshold[node]
            step = np.where(go_left, self.left[node], self.right[node])
            node = np.where(self.leaf[node], node, step)
        return self.baseline + self.value[node].sum(axis=1)

    def chance(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw(X)))

    def to_json(self) -> dict:
        return {"baseline": self.baseline, "roots": self.roots.tolist(),
                "nodes": [self.feature.tolist(), self.threshold.tolist(), self.left.tolist(), self.right.tolist(),
                          self.leaf.astype(int).tolist(), self.value.tolist()]}

    @classmethod
    def from_json(cls, data: dict) -> Trees:
        feature, threshold, left, right, leaf, value = data["nodes"]
        return cls(np.array(feature, dtype=np.int64), np.array(threshold, dtype=float), np.array(left, dtype=np.int64),
                   np.array(right, dtype=np.int64), np.array(leaf, dtype=bool), np.array(value, dtype=float),
                   np.array(data["roots"], dtype=np.int64), float(data["baseline"]))


@dataclass(frozen=True)
class StatusModel:
    """Features → chances of (missing, partial, done), a status and a confidence."""

    features: tuple[str, ...]
    started: Trees  # at least partly done
    done: Trees
    critical_cost: float = 5.0  # done for missing or missing for done, against 1 for a neighbouring status
    high: float = 0.92  # a judgement this likely to be right or more: 高
    low: float = 0.7  # a status less likely than this: 低
    # How likely a judgement is to be right, from its features, its status and the chance of it (tools/tune.py
    # fits it on each family's held-out judgements); without it, the chance of the status stands for it.
    sure: Trees | None = None

    def chances(self, X: np.ndarray) -> np.ndarray:
        """Rows × (missing, partial, done), summing to one."""
        started = self.started.chance(X)
        done = np.minimum(self.done.chance(X), started)
        return np.stack([1.0 - started, started - done, done], axis=1)

    def choose(self, chances: np.ndarray) -> np.ndarray:
        """The status of least expected cost, as indices into (missing, partial, done)."""
        c = self.critical_cost
        cost = np.array([[0.0, 1.0, c], [1.0, 0.0, 1.0], [c, 1.0, 0.0]])  # [true, chosen]
        return np.argmin(chances @ cost, axis=1)

    def sureness(self, X: np.ndarray, paraphrase: np.ndarray, codes: np.ndarray, chances: np.ndarray) -> np.ndarray:
        """How likely each judgement (its status code and the chance of it) is to be right."""
        if self.sure is None:
            return chances
        return self.sure.chance(sure_inputs(X, paraphrase, codes, chances))

    def to_json(self) -> str:
        data = {"features": list(self.features), "critical_cost": self.critical_cost, "high": self.high,
                "low": self.low, "started": self.started.to_json(), "done": self.done.to_json()}
        if self.sure is not None:
            data["sure"] = self.sure.to_json()
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> StatusModel:
        data = json.loads(text)
        return cls(tuple(data["features"]), Trees.from_json(data["started"]), Trees.from_json(data["done"]),
                   float(data["critical_cost"]), float(data["high"]), float(data["low"]),
                   Trees.from_json(data["sure"]) if "sure" in data else None)


def sure_inputs(X: np.ndarray, paraphrase: np.ndarray, codes: np.ndarray, chances: np.ndarray,
                groups: np.ndarray | None = None) -> np.ndarray:
    """The sureness model's input: the features, the chance of the status, the paraphrase margin, the status, and
    the share of the plan's tasks judged done against the same reports (groups: one per plan × reports; a run is
    one). How much of a plan a report shows done tells how to read the rest: held out, 高 covered 60.0% of tasks at
    97.5% right with it, 53.6% without (when it was added; the coverage at 97.5% moves with a few judgements)."""
    done = (codes == 2).astype(float)
    if groups is None:
        share = np.full(len(codes), done.mean() if len(codes) else 0.0)
    else:
        _, group, sizes = np.unique(groups, return_inverse=True, return_counts=True)
        share = (np.bincount(group, weights=done) / sizes)[group]
    return np.column_stack([X, chances, paraphrase, codes == 0, codes == 1, codes == 2, share]).astype(float)


@cache
def status_model() -> StatusModel:
    """The model in templates/status_model.json (written by `python -m tools.tune --write`)."""
    from .errors import TrackerError
    from .resources import template_file

    path = template_file(MODEL_FILE)
    try:
        return StatusModel.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise TrackerError(f"模板文件“{path}”格式有误（判定模型无法读取）。请恢复原文件，"
                           "或在仓库中运行 python -m tools.tune --write 重新生成。") from error
