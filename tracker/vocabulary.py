"""Word lists an office can see and extend in templates/: which words label units in a plan, name a plan or a
report, compare a figure with a target, count things, or only promise. Each is read once per run."""

from __future__ import annotations

import re
from functools import lru_cache

from .resources import load_toml

PLAN_TERMS = "plan_terms.toml"
REPORT_TERMS = "report_terms.toml"


@lru_cache(maxsize=1)
def unit_labels() -> dict[str, list[str]]:
    """The labels that introduce units, longest first: each role word with each kind of unit (牵头处室, 协办科室)."""
    labels = load_toml(PLAN_TERMS)["labels"]
    out = {}
    for role in ("lead", "responsible"):
        words = {r + k for r in labels[f"{role}_roles"] for k in labels["kinds"]}
        out[role] = sorted(words, key=len, reverse=True)
    return out


@lru_cache(maxsize=1)
def clause_labels() -> dict[str, list[str]]:
    """The labels of a unit clause in a plan's text, longest first: those of unit_labels(), and a role word alone
    before its colon (（责任科室：政策法规科，配合：水政监察支队）), but one that names persons (牵头领导：…); and,
    as "persons", those labels of persons, whose values are no units."""
    terms = load_toml(PLAN_TERMS)
    persons = set(terms["persons"]["labels"])
    out = {role: sorted((set(words) | set(terms["labels"][f"{role}_roles"])) - persons, key=len, reverse=True)
           for role, words in unit_labels().items()}
    return {**out, "persons": sorted(persons, key=len, reverse=True)}


@lru_cache(maxsize=1)
def document_words() -> tuple[re.Pattern, re.Pattern]:
    """Words a plan names itself with (工作要点, 本计划), and words a report's title says (报告, 总结)."""
    words = load_toml(PLAN_TERMS)["documents"]
    return _alternation(words["plan_words"]), _alternation(words["report_words"])


@lru_cache(maxsize=1)
def not_place() -> tuple[str, ...]:
    """Words that never stand in a place name."""
    return tuple(load_toml(PLAN_TERMS)["places"]["not_place"])


@lru_cache(maxsize=1)
def not_district() -> tuple[str, ...]:
    """Words that end in 区 and name no district (社区, 辖区, 高新区)."""
    return tuple(load_toml(PLAN_TERMS)["places"]["not_district"])


@lru_cache(maxsize=1)
def slogan_verbs() -> re.Pattern:
    """建立健全, 不断完善 …: a promise, not a finished action."""
    return _alternation(load_toml(REPORT_TERMS)["concrete"]["slogan_verbs"])


@lru_cache(maxsize=1)
def counted() -> re.Pattern:
    """A figure counted in one of the units reports count in (立案 46 件, 52 学时, 96.8%)."""
    units = "|".join(sorted(map(re.escape, load_toml(REPORT_TERMS)["concrete"]["units"]), key=len, reverse=True))
    return re.compile(rf"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:{units})")


@lru_cache(maxsize=1)
def adverse() -> tuple[str, ...]:
    """败诉, 纠错 …: what a metric counts when 0 of it is a result, not work left undone."""
    return tuple(load_toml(REPORT_TERMS)["concrete"]["adverse"])


@lru_cache(maxsize=1)
def citing() -> tuple[re.Pattern, re.Pattern]:
    """A run of 《titles》 after a verb of reading or passing on (学习《…》《…》, 转发《…》), and the words of a
    measure that is itself to study or spread something."""
    words = load_toml(REPORT_TERMS)["citing"]
    verbs = "|".join(map(re.escape, words["verbs"]))
    # A title in the run may carry its edition (新修订的《…》) or follow 以及.
    qualifier = r"(?:(?:新修订|新修正|修订后|修正后)的?|以及)?"
    return (re.compile(rf"(?:{verbs})[^《。；，]{{0,6}}((?:{qualifier}《[^》]{{2,80}}》[、，,和及与等]*)+)"),
            _alternation(words["study"]))


@lru_cache(maxsize=1)
def column_words() -> dict[str, list[str]]:
    """Each role a task table's column may have (seq, title, text, lead, units, deadline …) with the header names
    that give it: those of plan_terms.toml's [columns], and the unit labels for the two unit columns."""
    labels = unit_labels()
    return {**load_toml(PLAN_TERMS)["columns"], "lead": labels["lead"], "units": labels["responsible"]}


@lru_cache(maxsize=1)
def column_names() -> frozenset[str]:
    """The header names of task tables (序号, 工作任务, 具体措施, 责任股室, 完成时限 …): what tells a table whose
    columns are only aligned by spaces (a PDF without ruling lines) from text."""
    return frozenset(word for words in column_words().values() for word in words)


def _alternation(words: list[str]) -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
