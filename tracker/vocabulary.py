"""Word lists an office can see and extend in templates/: which words label units in a plan, name a plan or a
report, compare a figure with a target, count things, or only promise. Each is read once per run."""

from __future__ import annotations

from functools import lru_cache

from .resources import load_toml

PLAN_TERMS = "plan_terms.toml"


@lru_cache(maxsize=1)
def unit_labels() -> dict[str, list[str]]:
    """The labels that introduce units, longest first: each role word with each kind of unit (牵头处室, 协办科室)."""
    labels = load_toml(PLAN_TERMS)["labels"]
    out = {}
    for role in ("lead", "responsible"):
        words = {r + k for r in labels[f"{role}_roles"] for k in labels["kinds"]}
        out[role] = sorted(words, key=len, reverse=True)
    return out
