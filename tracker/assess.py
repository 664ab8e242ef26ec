"""Assessment: measures and their evidence → done / partial / missing, a score, quotes and an explanation."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import lexicon
from .match import Hit, Measure, ReportIndex, background_weights, measure_weight, task_measures
from .models import (
    DONE,
    MET,
    MISSING,
    NOT_MET,
    PARTIAL,
    PLAN,
    PROBLEM,
    Evidence,
    MeasureResult,
    Plan,
    Report,
    Results,
    Task,
    TargetResult,
    TaskResult,
)
from .targets import check_target

CONCRETE, GENERAL, ELSEWHERE, NONE = "concrete", "general", "elsewhere", "none"
STATUS_NAMES = {DONE: "已落实", PARTIAL: "部分落实", MISSING: "未体现"}


@dataclass(frozen=True)
class Settings:
    """Thresholds of the assessment; DEFAULT values were chosen on the development pairs (see README)."""

    found: float = 0.6  # coverage at which a passage addresses a measure
    general: float = 0.4  # coverage at which it touches the measure's theme
    share: float = 0.6  # a passage supports a task only if it covers it at least this share of its best task
    done_score: float = 0.45
    done_concrete: int = 2
    done_share: float = 0.0  # share of measures with concrete evidence needed for done
    missing_score: float = 0.12
    quotes: int = 3

    def __post_init__(self) -> None:
        if not 0 < self.general <= self.found <= 1:
            raise ValueError("need 0 < general <= found <= 1")


DEFAULT = Settings()
CREDIT = {CONCRETE: 1.0, GENERAL: 0.4, ELSEWHERE: 0.0, NONE: 0.0}


@dataclass
class Candidate:
    """A measure with the passages that address it."""

    measure: Measure
    hits: list[Hit]


def best_support(candidates_by_task: dict[int, list[Candidate]], index: ReportIndex) -> dict[int, float]:
    """For each passage, the best coverage it gives any measure of any task."""
    best: dict[int, float] = {}
    for candidates in candidates_by_task.values():
        for candidate in candidates:
            for hit in candidate.hits:
                if index.is_evidence(hit.passage):
                    best[hit.passage] = max(best.get(hit.passage, 0.0), hit.coverage)
    return best


def assess_task(task: Task, candidates: list[Candidate], index: ReportIndex, best: dict[int, float],
                targets: tuple[TargetResult, ...], settings: Settings = DEFAULT) -> TaskResult:
    """Decide a task's status from the evidence found for each of its measures."""
    results: list[MeasureResult] = []
    quotes: dict[int, float] = {}
    credit = total = 0.0
    concrete = 0
    measures = [c.measure for c in candidates]
    for candidate in candidates:
        level, hit = _measure_level(candidate, index, best, settings)
        weight = measure_weight(candidate.measure, measures)
        total += weight
        credit += weight * CREDIT[level] * (hit.coverage if hit and level != ELSEWHERE else 0.0)
        concrete += level == CONCRETE
        quote = index.passages[hit.passage].text if hit else ""
        results.append(MeasureResult(candidate.measure.text, level, quote))
        if hit and level in (CONCRETE, GENERAL):
            quotes[hit.passage] = max(quotes.get(hit.passage, 0.0), hit.coverage * CREDIT[level])
    score = credit / total if total else 0.0
    status = _status(score, concrete, results, targets, settings)
    evidence = tuple(
        Evidence(index.passages[p].report, index.passages[p].location, index.passages[p].text, s)
        for p, s in sorted(quotes.items(), key=lambda item: (-item[1], item[0]))[: settings.quotes]
    )
    return TaskResult(task, status, round(score, 3), evidence, tuple(results), targets,
                      explain(status, results, targets))


def _measure_level(candidate: Candidate, index: ReportIndex, best: dict[int, float],
                   settings: Settings) -> tuple[str, Hit | None]:
    evidence = [h for h in candidate.hits if index.is_evidence(h.passage)
                and h.coverage >= settings.share * best.get(h.passage, 0.0)]
    elsewhere = [h for h in candidate.hits if index.passages[h.passage].kind in (PROBLEM, PLAN)
                 and not index.passages[h.passage].heading]
    top = max(evidence, key=lambda h: (h.coverage, index.concrete[h.passage]), default=None)
    if top is not None and top.coverage >= settings.found and (top.anchored or top.coverage >= 0.99):
        return (CONCRETE if index.concrete[top.passage] >= 1 else GENERAL), top
    if top is not None and top.coverage >= settings.general:
        return GENERAL, top
    other = max(elsewhere, key=lambda h: h.coverage, default=None)
    if other is not None and other.coverage >= settings.found:
        return ELSEWHERE, other
    return NONE, None


def _check_targets(task: Task, index: ReportIndex) -> tuple[TargetResult, ...]:
    if not task.targets:
        return ()
    texts = [p.text for i, p in enumerate(index.passages) if index.is_evidence(i)]
    return tuple(TargetResult(t, *check_target(t, texts)) for t in task.targets)


def _status(score: float, concrete: int, measures: list[MeasureResult], targets: tuple[TargetResult, ...],
            settings: Settings) -> str:
    found = sum(1 for m in measures if m.found in (CONCRETE, GENERAL))
    if found == 0 or score < settings.missing_score and concrete == 0:
        return MISSING
    if (concrete >= settings.done_concrete and score >= settings.done_score
            and concrete >= settings.done_share * len(measures)):
        return PARTIAL if any(t.status == NOT_MET for t in targets) else DONE
    return PARTIAL


def explain(status: str, measures: list[MeasureResult], targets: tuple[TargetResult, ...]) -> str:
    """A short Chinese explanation: which measures were found, which were not, and why the status."""
    concrete = [m for m in measures if m.found == CONCRETE]
    general = [m for m in measures if m.found == GENERAL]
    elsewhere = [m for m in measures if m.found == ELSEWHERE]
    missing = [m for m in measures if m.found in (NONE, ELSEWHERE)]
    parts = [f"共 {len(measures)} 项措施：{len(concrete)} 项有具体佐证，{len(general)} 项仅有笼统表述，"
             f"{len(missing)} 项未找到。"]
    if elsewhere and not concrete and not general:
        parts.append("相关内容只出现在“存在的问题”或“下一步计划”部分，不能作为完成的证据。")
    elif elsewhere:
        parts.append(f"另有 {len(elsewhere)} 项措施只在“存在的问题/下一步计划”中提及。")
    for result in targets:
        target = result.target.text
        if result.status == MET:
            parts.append(f"量化目标“{target}”已达到（报告：{result.figure}）。")
        elif result.status == NOT_MET:
            parts.append(f"量化目标“{target}”未达到（报告：{result.figure}），不能判定为已落实。")
        else:
            parts.append(f"量化目标“{target}”在报告中未见对应数据。")
    if missing and status != MISSING:
        names = "；".join(_short(m.text) for m in missing[:3])
        parts.append(f"未见：{names}{'等' if len(missing) > 3 else ''}。")
    return "".join(parts)


def _short(text: str, limit: int = 24) -> str:
    text = text.rstrip("。；，")
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass
class Prepared:
    """Everything about a plan and its reports that does not depend on the thresholds."""

    plan: Plan
    reports: list[Report]
    index: ReportIndex
    candidates: dict[int, list[Candidate]]
    best: dict[int, float]
    targets: dict[int, tuple[TargetResult, ...]]


def prepare(plan: Plan, reports: list[Report]) -> Prepared:
    """Index the pooled report passages and find the candidate evidence of every measure of every task."""
    lex = lexicon()
    passages = [p for report in reports for p in report.passages]
    weights = background_weights(lex, [t.text for t in plan.tasks], [p.text for p in passages])
    index = ReportIndex(passages, lex)
    unit = _unit_weight(weights, lex)
    candidates = {
        task.seq: [Candidate(m, index.hits(m, unit)) for m in task_measures(task, lex, weights)]
        for task in plan.tasks
    }
    targets = {task.seq: _check_targets(task, index) for task in plan.tasks}
    return Prepared(plan, reports, index, candidates, best_support(candidates, index), targets)


def decide(prepared: Prepared, settings: Settings = DEFAULT) -> Results:
    """Assess every task from its prepared candidates."""
    results = tuple(assess_task(task, prepared.candidates[task.seq], prepared.index, prepared.best,
                                prepared.targets[task.seq], settings) for task in prepared.plan.tasks)
    return Results(prepared.plan, tuple(prepared.reports), results)


def assess_plan(plan: Plan, reports: list[Report], settings: Settings = DEFAULT) -> Results:
    """Assess every task of a plan against the pooled passages of its reports."""
    return decide(prepare(plan, reports), settings)


def _unit_weight(weights, lex) -> float:
    """The weight of a typical specific term: the domain terms' median weight."""
    values = sorted(weights(t) for t in lex.domain_terms)
    return values[len(values) // 2] if values else 1.0
