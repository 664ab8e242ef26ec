"""Assessment: measures and their evidence → done / partial / missing, a score, quotes and an explanation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .lexicon import CONCEPT_CREDIT, lexicon
from .match import Hit, Measure, PlanModel, ReportIndex, measure_scale, measure_weight
from .models import (
    DONE,
    MET,
    MISSING,
    NOT_MET,
    PARTIAL,
    PLAN,
    PROBLEM,
    UNKNOWN,
    Evidence,
    MeasureResult,
    Plan,
    Report,
    Results,
    TargetResult,
    Task,
    TaskResult,
)
from .progress import UNSUPPORTED_CLAIM, claims_done, owners
from .targets import Figures, check_target, report_figures
from .text import brief, normalize

CONCRETE, GENERAL, ELSEWHERE, NONE = "concrete", "general", "elsewhere", "none"


@dataclass(frozen=True)
class Settings:
    """Thresholds of the assessment; DEFAULT values were chosen on the development pairs (see README)."""

    found: float = 0.6  # coverage at which a passage addresses a measure
    general: float = 0.25  # coverage at which it touches the measure's theme
    share: float = 0.7  # a passage supports a measure only if it covers it this share as well as its best task
    share_general: float = 0.8  # the same, for a weak (general) match
    done_score: float = 0.4  # measures rule: weighted share of the measures evidenced
    done_concrete: int = 1  # measures rule: measures with concrete evidence
    done_share: float = 0.0  # measures rule: share of measures with concrete evidence
    done_needs_core: bool = False  # measures rule: only when the task's core is evidenced
    missing_score: float = 0.05  # below this score and without concrete evidence: missing
    done_support: int = 3  # core rule: distinct sentences with figures that address the task
    done_core_score: float = 0.1  # core rule: least score
    done_core_found: float = 0.0  # core rule: least share of the measures evidenced
    done_section: int = 3  # section rule: sentences with figures under a heading that names the task
    done_target: bool = True  # target rule: a target reached, with the core evidenced, makes done
    done_target_score: float = 0.0  # target rule: least score
    quotes: int = 3
    sentence_tasks: int = 3  # a sentence is evidence for at most this many tasks (0: no limit)
    # Confidence: a judgement is sure (高) where the evidence is plain, doubtful (低) where it rests on
    # scattered or generic overlap; chosen across the labelled families (README, 可信度).
    sure_done_score: float = 0.7  # done: measure coverage at least this …
    sure_done_support: int = 2  # … and this many sentences with figures
    sure_partial_found: int = 3  # partial: the core concrete, at least this many measures evidenced …
    sure_partial_score: float = 0.4  # … and at least this coverage
    doubt_done_score: float = 0.5  # done below this coverage is doubtful

    def __post_init__(self) -> None:
        if not 0 < self.general <= self.found <= 1:
            raise ValueError("need 0 < general <= found <= 1")


SETTINGS_FILE = "assessment.toml"


def load_settings() -> Settings:
    """The thresholds in templates/assessment.toml (fitted by tools/tune.py), over the built-in defaults."""
    from dataclasses import fields

    from .resources import load_toml

    known = {f.name for f in fields(Settings)}
    values = load_toml(SETTINGS_FILE).get("thresholds", {})
    return Settings(**{k: v for k, v in values.items() if k in known})


def write_settings(settings: Settings) -> None:
    """Write thresholds to the repository's templates/assessment.toml (for tools/tune.py)."""
    from dataclasses import asdict

    from .resources import template_file

    lines = ["# Thresholds of the status rule, fitted across the labelled families by `python -m tools.tune --write`",
             "# (leave-one-family-out figures in the README). An office may adjust them; delete a line to use the",
             "# built-in value.", "", "[thresholds]"]
    for key, value in asdict(settings).items():
        lines.append(f"{key} = {str(value).lower() if isinstance(value, bool) else value}")
    template_file(SETTINGS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


DEFAULT = load_settings()
CREDIT = {CONCRETE: 1.0, GENERAL: 0.4, ELSEWHERE: 0.0, NONE: 0.0}
HEADING_BY_MEASURES = 2  # measures with concrete evidence that speak for a heading not found in its own words


@dataclass
class Candidate:
    """A measure with the passages that address it."""

    measure: Measure
    hits: list[Hit]


def best_support(candidates_by_task: dict[int, list[Candidate]], index: ReportIndex,
                 settings: Settings = DEFAULT) -> dict[int, float]:
    """For each passage, the best strength it gives any measure of any task."""
    best: dict[int, float] = {}
    for candidates in candidates_by_task.values():
        for candidate in candidates:
            for hit in candidate.hits:
                if index.is_evidence(hit.passage):
                    best[hit.passage] = max(best.get(hit.passage, 0.0), hit.coverage)
    return best


@dataclass(frozen=True)
class Features:
    """What the evidence says about a task, before the thresholds of the status rule are applied."""

    levels: tuple[str, ...]  # per measure: concrete, general, elsewhere or none
    hits: tuple[Hit | None, ...]
    score: float  # weighted share of the measures evidenced, in [0, 1]
    concrete: int  # measures with concrete evidence, a sentence counting for no more measures than it gives facts
    support: int  # distinct sentences with figures or documents that address the task
    section: int = 0  # sentences with figures under a report heading that names the task, and that touch it
    full: int = 0  # measures whose concrete evidence covers all of them

    @cached_property
    def found(self) -> int:
        """Measures with concrete or general evidence (worked out once: the fitting asks it thousands of times)."""
        return sum(1 for level in self.levels if level in (CONCRETE, GENERAL))

    @cached_property
    def core(self) -> str:
        return self.levels[0] if self.levels else NONE

    @property
    def measures_undone(self) -> bool:
        """No measure evidenced and some named only among the report's problems or plans: what the report says of
        the task is that it is still to do, whatever general words of its heading it uses elsewhere."""
        rest = self.levels[1:]
        return ELSEWHERE in rest and all(level in (ELSEWHERE, NONE) for level in rest)

    @property
    def undone_but_touched(self) -> bool:
        """The report names the task only among its problems or plans, yet a sentence with facts touches a measure."""
        return self.core == ELSEWHERE and self.concrete > 0


def task_features(candidates: list[Candidate], index: ReportIndex, best: dict[int, float],
                  settings: Settings = DEFAULT) -> Features:
    """Grade each measure's best evidence and combine the grades into a weighted score."""
    measures = [c.measure for c in candidates]
    levels, hits = [], []
    # The sentences this task fits best of all tasks: any of its measures may draw on them.
    own = {h.passage for c in candidates for h in c.hits if h.coverage >= best.get(h.passage, 0.0)}
    credit = total = 0.0
    for candidate in candidates:
        level, hit = _measure_level(candidate, index, best, settings, own)
        # A heading without a word of its own (加强队伍建设, 强化科技支撑) names a kind of work; its measures name
        # the work. A sentence that says the heading's words (加强政务服务队伍建设…) proves none of them.
        if candidate.measure.generic and len(candidates) > 1 and level in (CONCRETE, GENERAL):
            level, hit = NONE, None
        if candidate.measure.core and level not in (CONCRETE, GENERAL):
            renamed = _renamed_heading(candidate, candidates, index, settings)
            level, hit = (CONCRETE, renamed) if renamed is not None else (level, hit)
        weight = measure_weight(candidate.measure, measures)
        total += weight
        if hit is not None and level != ELSEWHERE:
            credit += weight * CREDIT[level] * hit.coverage
        levels.append(level)
        hits.append(hit)
    # A heading not found in its own words, with two measures or more evidenced by facts, is spoken for by its
    # measures (规范政府定价行为: the 定价目录 revised, the 成本监审 done): it weighs nothing against them.
    if (len(candidates) > 1 and candidates[0].measure.core and levels[0] == NONE
            and levels.count(CONCRETE) >= HEADING_BY_MEASURES):
        total -= measure_weight(candidates[0].measure, measures)
    if candidates and not candidates[0].measure.core:
        levels.insert(0, NONE)
        hits.insert(0, None)
    support = {h.passage for c in candidates for h in c.hits
               if index.is_evidence(h.passage) and index.concrete[h.passage] >= 2
               and h.coverage >= max(settings.found, settings.share * best.get(h.passage, 0.0))}
    concrete = [hit for level, hit in zip(levels, hits, strict=True) if level == CONCRETE]
    # A sentence proves as many of the task's measures as it gives facts (figures, documents), however many it touches.
    proven = sum(min(n, index.facts[passage]) for passage, n in Counter(hit.passage for hit in concrete).items())
    return Features(tuple(levels), tuple(hits), credit / total if total else 0.0, proven, len(support),
                    len(_section_support(candidates, index, settings)),
                    sum(1 for hit in concrete if hit.coverage >= 1.0))


def _section_support(candidates: list[Candidate], index: ReportIndex, settings: Settings) -> set[int]:
    """Sentences with figures under a heading that names the task, when the content itself touches the task.

    A heading alone proves nothing (it may echo the task over unrelated work), so the block under it must
    also address some measure.
    """
    touching = {h.passage for c in candidates for h in c.hits if h.coverage >= settings.general}
    out: set[int] = set()
    for candidate in candidates:
        for hit in candidate.hits:
            block = index.blocks.get(hit.passage)
            if block and hit.coverage >= settings.found and touching.intersection(block):
                out.update(j for j in block if index.concrete[j] >= 2)
    return out


class Columns:
    """The features of many tasks side by side, so that the status rule runs over all of them at once: a plan's
    tasks at run time, every labelled task under thousands of threshold settings when fitting (tools/tune.py)."""

    def __init__(self, rows: list[tuple[Features, tuple[TargetResult, ...]]]) -> None:
        def column(values, kind=float):
            return np.fromiter(values, dtype=kind, count=len(rows))

        self.found = column((f.found for f, _ in rows), int)
        self.score = column(f.score for f, _ in rows)
        self.concrete = column((f.concrete for f, _ in rows), int)
        self.measures = column((len(f.levels) for f, _ in rows), int)
        self.support = column((f.support for f, _ in rows), int)
        self.section = column((f.section for f, _ in rows), int)
        self.full = column((f.full for f, _ in rows), int)
        self.core_concrete = column((f.core == CONCRETE for f, _ in rows), bool)
        self.core_evidenced = column((f.core in (CONCRETE, GENERAL) for f, _ in rows), bool)
        self.core_none = column((f.core == NONE for f, _ in rows), bool)
        self.core_elsewhere = column((f.core == ELSEWHERE for f, _ in rows), bool)
        self.measure_elsewhere = column((ELSEWHERE in f.levels[1:] for f, _ in rows), bool)
        self.measures_undone = column((f.measures_undone for f, _ in rows), bool)
        self.target_met = column((any(t.status == MET for t in ts) for _, ts in rows), bool)
        self.target_missed = column((any(t.status == NOT_MET for t in ts) for _, ts in rows), bool)


STATUS_CODES = (MISSING, PARTIAL, DONE)  # statuses() gives indices into this


def done_rules(c: Columns, settings: Settings) -> tuple[np.ndarray, ...]:
    """Which of the four rules for 已落实 each task's evidence meets: measures, core, section, target."""
    return (
        (c.concrete >= settings.done_concrete) & (c.score >= settings.done_score)
        & (c.concrete >= settings.done_share * c.measures) & (~c.core_none | (not settings.done_needs_core)),
        c.core_concrete & (c.support >= settings.done_support) & (c.score >= settings.done_core_score)
        & (c.found >= settings.done_core_found * c.measures),
        c.core_evidenced & (c.section >= settings.done_section),
        # A target reached, with the task's core evidenced, is the plainest proof of completion.
        c.core_evidenced & (c.concrete >= 1) & c.target_met & settings.done_target
        & (c.score >= settings.done_target_score),
    )


def statuses(c: Columns, settings: Settings = DEFAULT) -> np.ndarray:
    """The status rule, as indices into STATUS_CODES: missing without evidence; done with concrete evidence of
    the core or of enough measures, unless a reported figure misses a target or a measure is reported undone;
    partial otherwise."""
    rules = done_rules(c, settings)
    # A measure the report names only among its problems or plans is one it says is undone: the task is partial.
    done = (rules[0] | rules[1] | rules[2] | rules[3]) & ~c.target_missed & ~c.measure_elsewhere
    # A task whose heading the report names only among its problems or next year's plans, with no measure
    # evidenced in full by facts, is one the report says is not done: its general words elsewhere, or a sentence
    # with figures that shares only part of a measure, do not change that.
    missing = (c.found == 0) | ((c.score < settings.missing_score) & (c.concrete == 0)) | (
        c.core_elsewhere & (c.full == 0)) | (c.measures_undone & (c.concrete == 0))
    return np.where(missing, 0, np.where(done, 2, 1))


def decisions(rows: list[tuple[Features, tuple[TargetResult, ...]]], settings: Settings = DEFAULT) -> list[tuple[str, str]]:
    """For each task's features and targets, the status and, in Chinese, the rule that gave it."""
    columns = Columns(rows)
    codes = statuses(columns, settings)
    rules = done_rules(columns, settings)
    return [_ruling(STATUS_CODES[code], features, [bool(rule[i]) for rule in rules])
            for i, (code, (features, _)) in enumerate(zip(codes, rows, strict=True))]


def decision(features: Features, targets: tuple[TargetResult, ...], settings: Settings = DEFAULT) -> tuple[str, str]:
    """The status of one task and, in Chinese, the rule that gave it."""
    return decisions([(features, targets)], settings)[0]


def _ruling(status: str, features: Features, met: list[bool]) -> tuple[str, str]:
    if status == MISSING:
        if features.found == 0:
            return MISSING, "没有任何措施在工作成效部分找到佐证，判定为未体现。"
        if features.undone_but_touched:
            return MISSING, ("任务本身只在“存在的问题”或“下一步计划”中提及，其余只有与措施部分相合的记述，"
                             "判定为未体现。")
        if features.core == ELSEWHERE:
            return MISSING, "任务本身只在“存在的问题”或“下一步计划”中提及，其余只有笼统表述，判定为未体现。"
        if features.measures_undone:
            return MISSING, "措施只在“存在的问题”或“下一步计划”中提及，任务本身只有笼统表述，判定为未体现。"
        return MISSING, "只有零星、笼统的相关字句，判定为未体现。"
    if any(met) and status == PARTIAL and ELSEWHERE in features.levels[1:]:
        return PARTIAL, "虽有具体佐证，但有措施只在“存在的问题”或“下一步计划”中提及，判定为部分落实。"
    if any(met) and status == PARTIAL:
        return PARTIAL, "虽有具体佐证，但量化目标未达到，判定为部分落实。"
    if status == PARTIAL:
        return PARTIAL, "部分措施有佐证，但尚不足以说明任务核心和主要措施已落实，判定为部分落实。"
    reasons = [f"有具体佐证的措施覆盖了任务的主要内容（措施覆盖度 {features.score:.0%}）",
               f"任务核心有具体佐证，且有 {features.support} 句含数据或文件的相关记述",
               f"报告有对应本任务的小节，其下有 {features.section} 句含数据的具体内容",
               "量化目标已达到，任务核心有佐证"]
    return DONE, "；".join(r for r, ok in zip(reasons, met, strict=True) if ok) + "，判定为已落实。"


HIGH, MEDIUM, LOW = "high", "medium", "low"


def confidence(status: str, features: Features, targets: tuple[TargetResult, ...], settings: Settings = DEFAULT,
               claim_unsupported: bool = False) -> tuple[str, str]:
    """How sure a judgement is (high / medium / low) and, in Chinese, why."""
    if claim_unsupported:
        return LOW, "单位自报已完成，但报告记述不足以证明"
    unknown = any(t.status == UNKNOWN for t in targets)
    if status == DONE:
        if features.score < settings.doubt_done_score:
            return LOW, "刚达到“已落实”的标准，只有部分措施有具体佐证"
        if unknown:
            return MEDIUM, "量化目标在报告中未见数据"
        if features.score >= settings.sure_done_score and features.support >= settings.sure_done_support:
            return HIGH, f"多项措施有含数据或文件的具体佐证（措施覆盖度 {features.score:.0%}）"
        return MEDIUM, "有具体佐证，但覆盖的措施不多"
    if status == MISSING:
        if features.undone_but_touched:
            return MEDIUM, "任务本身只在“存在的问题”或“下一步计划”中提及，另有与某项措施部分相合的具体记述"
        if features.core == ELSEWHERE or (features.found == 0 and ELSEWHERE in features.levels):
            return HIGH, "相关内容只出现在“存在的问题”或“下一步计划”中"
        if features.measures_undone:
            return MEDIUM, "措施只在“存在的问题”或“下一步计划”中提及，任务本身另有笼统表述"
        if features.found >= 1 and features.core == NONE:
            return LOW, "报告中有零星相近的表述，可能换了说法，请核对原文"
        return MEDIUM, "报告中未见相关表述"
    if features.core in (CONCRETE, GENERAL) and any(t.status == NOT_MET for t in targets):
        return HIGH, "量化目标未达到"
    # Many sentences with figures on the task's core come close to 已落实: the reviewer should look (as high, these
    # agreed with the labels 86% of the time over 57 tasks of 72 families).
    if (features.core == CONCRETE and features.found >= settings.sure_partial_found
            and features.score >= settings.sure_partial_score and features.support < settings.done_support):
        return MEDIUM, "任务核心和多项措施有具体佐证，另有措施未见，离“已落实”可能只差一步"
    if features.core != CONCRETE and features.score < settings.sure_partial_score:
        return LOW, "只有零星或笼统的共同词语，任务核心未见具体佐证"
    if features.core == NONE and features.found >= settings.sure_partial_found:
        return LOW, "多项措施有对应，但任务核心未见，可能已落实，请核对原文"
    return MEDIUM, "部分措施有佐证"


def assess_task(task: Task, candidates: list[Candidate], index: ReportIndex, features: Features,
                targets: tuple[TargetResult, ...], ruling: tuple[str, str], settings: Settings = DEFAULT,
                claim: str = "", broad: frozenset[int] = frozenset()) -> TaskResult:
    """A task's result from its status and the evidence found for each of its measures; a unit's own claim in a
    progress table is kept beside the judgement, and flagged where it says more than the evidence."""
    status, reason = ruling
    unsupported = bool(claim) and claims_done(claim) and status != DONE
    if unsupported:
        reason += f"单位自报“{claim}”，但报告记述不足以证明（{UNSUPPORTED_CLAIM}），请重点核查。"
    certainty, why = confidence(status, features, targets, settings, unsupported)
    offset = len(features.levels) - len(candidates)
    results = [MeasureResult(c.measure.text, level, index.passages[hit.passage].text if hit else "", c.measure.core,
                             index.passages[hit.passage].kind if hit else "")
               for c, level, hit in zip(candidates, features.levels[offset:], features.hits[offset:], strict=True)]
    quotes: dict[int, float] = {}
    # Where some measure has concrete evidence, the sentences that only touch a measure's theme are not shown:
    # they are the quotes a reviewer finds beside the point (all quotes relevant: 66.5% → 71.3%).
    shown = (CONCRETE,) if CONCRETE in features.levels else (CONCRETE, GENERAL)
    for level, hit in zip(features.levels, features.hits, strict=True):
        if hit is not None and level in shown:
            quotes[hit.passage] = max(quotes.get(hit.passage, 0.0), hit.coverage * CREDIT[level])
    # First the sentences that share a specific word with their measure, then those that speak of this task
    # rather than summing up many (first quote relevant: 80.7% → 84.0%); among them, a sentence with figures or
    # a document's name: it is the one a reviewer points to (77.8% → 79.6%, better or equal in every family).
    # The report's opening paragraph, before its first heading, sums up the year: it comes after the sections'
    # sentences (86.1% → 87.0%).
    anchored = {hit.passage for hit in features.hits if hit is not None and hit.anchored}
    ranked = sorted(quotes.items(), key=lambda item: (item[0] not in anchored, item[0] in broad,
                                                      not index.passages[item[0]].section,
                                                      -index.concrete[item[0]], -item[1], item[0]))
    evidence = tuple(Evidence(index.passages[p].report, index.passages[p].location, index.passages[p].text, s)
                     for p, s in ranked[: settings.quotes])
    return TaskResult(task, status, banded_score(status, features.score), evidence, tuple(results), targets,
                      explain(status, results, targets, reason), claim=claim, confidence=certainty,
                      confidence_reason=why)


BANDS = {MISSING: (0.0, 0.25, 0.25), PARTIAL: (0.25, 0.6, 0.6), DONE: (0.6, 1.0, 0.8)}


def banded_score(status: str, coverage: float) -> float:
    """The task's score in [0, 1]: its status band (未体现 below 0.25, 部分落实 to 0.6, 已落实 above), and
    within the band how much of the task's measures the evidence covers, so score and status never disagree."""
    low, high, full = BANDS.get(status, (0.0, 0.0, 1.0))
    return round(low + (high - low) * min(1.0, coverage / full), 3)


def _measure_level(candidate: Candidate, index: ReportIndex, best: dict[int, float],
                   settings: Settings, own: set[int] = frozenset()) -> tuple[str, Hit | None]:
    """Grade a measure by its best evidence: a report sentence of achievement that covers it well and
    gives facts is concrete; a weaker one is general; a match only in problem/plan sections is elsewhere."""
    is_evidence = index.evidence
    evidence = [h for h in candidate.hits if is_evidence[h.passage]
                and h.coverage >= settings.share * best.get(h.passage, 0.0)]
    top = max(evidence, key=lambda h: (h.coverage, index.concreteness(h)), default=None)
    value = top.coverage if top is not None else 0.0
    if top is not None and value >= settings.found and (top.anchored or (value >= 0.99 and not candidate.measure.core)):
        return (CONCRETE if index.concreteness(top) >= 1 else GENERAL), top
    joint = _joint_hit(candidate.measure, [h for h in candidate.hits if is_evidence[h.passage] and (
        h.passage in own or h.coverage >= settings.share * best.get(h.passage, 0.0))], index, settings)
    if joint is not None:
        return CONCRETE, joint
    # A weak match counts only where the sentence fits this task about as well as any other task.
    weak = [h for h in evidence if h.coverage >= settings.share_general * best.get(h.passage, 0.0)]
    top = max(weak, key=lambda h: (h.coverage, index.concreteness(h)), default=None)
    if top is not None and top.coverage >= settings.general:
        return GENERAL, top
    elsewhere = [h for h in candidate.hits if index.passages[h.passage].kind in (PROBLEM, PLAN)
                 and not index.passages[h.passage].heading]
    other = max(elsewhere, key=lambda h: h.coverage, default=None)
    if other is not None and other.coverage >= settings.found:
        return ELSEWHERE, other
    return NONE, None


def _joint_hit(measure: Measure, evidence: list[Hit], index: ReportIndex, settings: Settings) -> Hit | None:
    """A measure that names several objects (规范行政执法公示、执法全过程记录和重大执法决定法制审核) is often
    answered one object per sentence: sentences with facts that each name another of its terms of the domain
    cover it together. The hit is the best of them, with the coverage of all."""
    if measure.core:
        return None
    weight = dict(zip(measure.tokens, measure.weights, strict=True))
    covered: dict[str, float] = {}
    used = []
    for hit in sorted(evidence, key=lambda h: -h.coverage):
        if not hit.anchored or index.concreteness(hit) < 1:
            continue
        new = [t for t in hit.matched if t in measure.terms and t not in covered]
        for token in new:
            covered[token] = weight[token] * (1.0 if token in index.tokens[hit.passage] else CONCEPT_CREDIT)
        if new:
            used.append(hit)
    if len(used) < 2:
        return None
    value = min(1.0, sum(covered.values()) / measure_scale(measure))
    return Hit(used[0].passage, value, tuple(covered), True) if value >= settings.found else None


def _renamed_heading(core: Candidate, candidates: list[Candidate], index: ReportIndex,
                     settings: Settings) -> Hit | None:
    """A report heading that names the task in other words (二是“首违不罚、轻微免罚”落地见效, for 完善包容审慎监管
    方式, where 轻微 and 不予处罚 also name one of its measures) announces its block as this task's work: the
    first sentence with figures under it is evidence of the task's core. A heading in the task's own words proves
    nothing by itself (it may echo the task over other work), nor one that shares a single word with it."""
    for hit in core.hits:
        tokens = index.tokens[hit.passage]
        if (hit.passage not in index.blocks or hit.coverage < settings.found
                or any(t in tokens for t in hit.matched)):
            continue
        corroborated = any(h.passage == hit.passage and h.coverage >= settings.general
                           and not tokens.isdisjoint(h.matched) for c in candidates if not c.measure.core for h in c.hits)
        block = [j for j in index.blocks[hit.passage] if index.evidence[j] and index.concrete[j] >= 1]
        if corroborated and block:
            return Hit(block[0], hit.coverage, hit.matched, True)
    return None


def _check_targets(task: Task, figures: Figures, shortfalls: Figures) -> tuple[TargetResult, ...]:
    """Each target against the figures of the results; where they settle nothing, a figure stated among the
    problems (出庭应诉率仅为85%) can still show it missed, never that it was met (…达到100%的目标还有差距)."""
    out = []
    for target in task.targets:
        status, figure = check_target(target, figures)
        if status == UNKNOWN:
            problem_status, problem_figure = check_target(target, shortfalls)
            if problem_status == NOT_MET:
                status, figure = problem_status, problem_figure
        out.append(TargetResult(target, status, figure))
    return tuple(out)


def explain(status: str, measures: list[MeasureResult], targets: tuple[TargetResult, ...], reason: str = "") -> str:
    """A short Chinese explanation: which measures were found, which were not, and why the status."""
    concrete = [m for m in measures if m.found == CONCRETE]
    general = [m for m in measures if m.found == GENERAL]
    elsewhere = [m for m in measures if m.found == ELSEWHERE]
    missing = unevidenced(measures, targets)
    parts = [f"共 {len(measures)} 项措施：{len(concrete)} 项有具体佐证，{len(general)} 项仅有笼统表述，"
             f"{len(measures) - len(concrete) - len(general)} 项未找到。"]
    if elsewhere and not concrete and not general:
        parts.append("相关内容只出现在“存在的问题”或“下一步计划”部分，不能作为完成的证据。")
    elif elsewhere:
        parts.append(f"另有 {len(elsewhere)} 项措施只在“存在的问题/下一步计划”中提及。")
    parts.extend(f"量化目标“{result.target.text}”{result.describe()}。" for result in targets)
    if missing and status != MISSING:
        names = "；".join(brief(text, 24) for text in missing[:3])
        parts.append(f"未见：{names}{'等' if len(missing) > 3 else ''}。")
    if reason:
        parts.append(reason)
    return "".join(parts)




@dataclass
class Prepared:
    """Everything about a plan and its reports that does not depend on the thresholds."""

    plan: Plan
    reports: list[Report]
    index: ReportIndex
    candidates: dict[int, list[Candidate]]
    targets: dict[int, tuple[TargetResult, ...]]
    claims: dict[int, str]

    def best(self, settings: Settings) -> dict[int, float]:
        return best_support(self.candidates, self.index, settings)

    def features(self, settings: Settings) -> dict[int, tuple[Features, list[Candidate]]]:
        """Each task's features under some thresholds, with the candidates they were drawn from (a sentence kept
        as evidence for a few tasks only): what decide() and the fitting (tools/tune.py) both judge."""
        best = self.best(settings)
        candidates = few_tasks_per_sentence(self.candidates, self.index, settings.sentence_tasks)
        return {seq: (task_features(cs, self.index, best, settings), cs) for seq, cs in candidates.items()}

    def related(self, settings: Settings = DEFAULT) -> bool:
        """Whether the reports speak of the plan's work anywhere, even only in headings, problems or plans,
        or name any work of the concept table: a report that does not is an unrelated file, not a report
        of work left undone."""
        if any(hit.coverage >= settings.found for candidates in self.candidates.values()
               for candidate in candidates for hit in candidate.hits):
            return True
        return any(lexicon().concept_spans(normalize(p.text)) for p in self.index.passages)


def prepare(plan: Plan, reports: list[Report], model: PlanModel | None = None) -> Prepared:
    """Index the pooled report passages and find the candidate evidence of every measure of every task. A
    plan matched against many reports (an audit) passes the same model each time."""
    model = model or PlanModel(plan, lexicon())
    passages = [p for report in reports for p in report.passages]
    index = ReportIndex(passages, model.lexicon, model.mask)
    weights = model.weights(index.tokens)
    rows = {task: owners(task, plan.tasks) for task in {p.row_task for p in passages if p.row_task}
            | {c.task for report in reports for c in report.claims}}  # each progress-table row's tasks, once
    # A row whose task names no task of the plan closely enough (治超和路政执法) is matched like any sentence.
    rowed = {i: rows[p.row_task] for i, p in enumerate(passages) if p.row_task and rows[p.row_task]}
    candidates = {
        task.seq: [Candidate(m, [h for h in index.hits(m) if task.seq in rowed.get(h.passage, (task.seq,))])
                   for m in model.measures(task, weights)]
        for task in plan.tasks
    }
    year = max((r.year for r in reports if r.year), default=None)
    figures = report_figures([p.text for i, p in enumerate(passages) if index.is_evidence(i)], year)
    shortfalls = report_figures([p.text for p in passages if p.kind == PROBLEM and not p.heading], year)
    targets = {task.seq: _check_targets(task, figures, shortfalls) for task in plan.tasks}
    claims: dict[int, str] = {}
    for claim in (c for report in reports for c in report.claims):
        for seq in rows[claim.task]:
            claims[seq] = "；".join(filter(None, (claims.get(seq), claim.text)))
    return Prepared(plan, reports, index, candidates, targets, claims)


def decide(prepared: Prepared, settings: Settings = DEFAULT) -> Results:
    """Assess every task from its prepared candidates."""
    tasks = prepared.plan.tasks
    broad = broad_passages(prepared.candidates, settings)
    judged = prepared.features(settings)
    rulings = decisions([(judged[t.seq][0], prepared.targets[t.seq]) for t in tasks], settings)
    results = tuple(assess_task(task, judged[task.seq][1], prepared.index, judged[task.seq][0],
                                prepared.targets[task.seq], ruling, settings, prepared.claims.get(task.seq, ""), broad)
                    for task, ruling in zip(tasks, rulings, strict=True))
    return Results(prepared.plan, tuple(prepared.reports), results)


BROAD_TASKS = 4


def broad_passages(candidates: dict[int, list[Candidate]], settings: Settings) -> frozenset[int]:
    """Passages that touch many tasks at once: the report's summaries (一年来，区政府把法治政府建设作为…), shown
    after the sentences that speak of one task."""
    touched = Counter(passage for task_candidates in candidates.values()
                      for passage in {h.passage for c in task_candidates for h in c.hits if h.coverage >= settings.general})
    return frozenset(passage for passage, tasks in touched.items() if tasks >= BROAD_TASKS)


def few_tasks_per_sentence(candidates: dict[int, list[Candidate]], index: ReportIndex,
                           limit: int) -> dict[int, list[Candidate]]:
    """One sentence is evidence for a few tasks at most: those it covers best (a sentence on 绩效考核 does not
    prove four unrelated tasks). Its other hits are dropped."""
    if limit <= 0:
        return candidates
    strength: dict[int, dict[int, float]] = {}
    for seq, task_candidates in candidates.items():
        for candidate in task_candidates:
            for hit in candidate.hits:
                if index.evidence[hit.passage]:
                    tasks = strength.setdefault(hit.passage, {})
                    tasks[seq] = max(tasks.get(seq, 0.0), hit.coverage)
    allowed = {passage: set(sorted(tasks, key=lambda seq: -tasks[seq])[:limit]) for passage, tasks in strength.items()}
    return {seq: [Candidate(c.measure, [h for h in c.hits if seq in allowed.get(h.passage, (seq,))]) for c in cs]
            for seq, cs in candidates.items()}


def assess_plan(plan: Plan, reports: list[Report], settings: Settings = DEFAULT,
                model: PlanModel | None = None) -> Results:
    """Assess every task of a plan against the pooled passages of its reports."""
    return decide(prepare(plan, reports, model), settings)


def unevidenced(measures: tuple[MeasureResult, ...] | list[MeasureResult],
                targets: tuple[TargetResult, ...] = ()) -> list[str]:
    """The measures the reports show no evidence for. The heading sentence only names the task: once any
    other measure is evidenced it is not listed as missing; nor is a measure that is a target the report's
    figure meets (调解成功率达到95%以上, against 成功率百分之九十五点六)."""
    others_found = any(m.found in (CONCRETE, GENERAL) for m in measures if not m.core)
    met = [t.target.text for t in targets if t.status == MET]
    return [m.text.rstrip("。；，") for m in measures
            if m.found not in (CONCRETE, GENERAL) and not (m.core and others_found)
            and not any(text in m.text for text in met)]


def missing_summary(result: TaskResult, limit: int = 3) -> str:
    """What a unit still has to show for a task, in one line: a target missed (with the figure) or without
    data first, then the measures without evidence, each cut only at punctuation."""
    parts = [f"量化目标“{t.target.text}”未达到（报告为{t.figure}）" for t in result.targets if t.status == NOT_MET]
    parts += [f"量化目标“{t.target.text}”的完成数据" for t in result.targets if t.status == UNKNOWN]
    missing = unevidenced(result.measures, result.targets)
    parts += [brief(text) for text in missing[:limit]]
    if not parts:
        return "具体做法和成效数据"
    return "；".join(parts) + ("等" if len(missing) > limit else "")


def admitted_gap(result: TaskResult) -> str:
    """A sentence of the reports' 存在的问题 that speaks of this task, verbatim, or ""."""
    return next((m.quote for m in result.measures if m.found == ELSEWHERE and m.kind == PROBLEM and m.quote), "")
