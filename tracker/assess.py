"""Assessment: measures and their evidence → done / partial / missing, a score, quotes and an explanation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from .errors import TrackerError
from .lexicon import CONCEPT_CREDIT, CONCEPT_MARK, lexicon
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
from .paraphrase import Told
from .progress import UNSUPPORTED_CLAIM, claims_done, owners
from .targets import Figures, check_target, own_figures, report_figures, wider_areas
from .text import brief, normalize
from .verdict import StatusModel, status_model

CONCRETE, GENERAL, ELSEWHERE, NONE = "concrete", "general", "elsewhere", "none"


@dataclass(frozen=True)
class Settings:
    """Thresholds of the evidence grading (templates/assessment.toml); the status rule is the status model."""

    found: float = 0.6  # coverage at which a passage addresses a measure
    general: float = 0.25  # coverage at which it touches the measure's theme
    share: float = 0.7  # a passage supports a measure only if it covers it this share as well as its best task
    share_general: float = 0.8  # the same, for a weak (general) match
    quotes: int = 3
    sentence_tasks: int = 3  # a sentence is evidence for at most this many tasks (0: no limit)
    undone: float = 0.35  # a shortfall covering a measure by this much more than any work done says it is undone

    def __post_init__(self) -> None:
        if not 0 < self.general <= self.found <= 1:
            raise ValueError("need 0 < general <= found <= 1")


SETTINGS_FILE = "assessment.toml"


def load_settings() -> Settings:
    """The thresholds in templates/assessment.toml, over the built-in defaults."""
    from dataclasses import fields

    from .resources import load_toml

    known = {f.name for f in fields(Settings)}
    values = load_toml(SETTINGS_FILE).get("thresholds", {})
    return Settings(**{k: v for k, v in values.items() if k in known})


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
    owned: int = 0  # sentences with facts that address the task and fit it better than any other task
    owned_clear: int = 0  # of them, those that fit it well and clearly better than the next task
    margin: float = 0.0  # how much better the best of them fits this task than any other
    paraphrase: float = 0.0  # how much better a sentence tells this task than any other in other words (paraphrase.py)

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
    echoes = _echoes(candidates, index)
    for candidate in candidates:
        level, hit = _measure_level(candidate, index, best, settings, own, echoes)
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
    if _echoed_by_chance(candidates, levels, hits, index, settings):
        hits = [None if level == GENERAL else hit for level, hit in zip(levels, hits, strict=True)]
        levels = [NONE if level == GENERAL else level for level in levels]
        credit = 0.0
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


def _echoed_by_chance(candidates: list[Candidate], levels: list[str], hits: list[Hit | None], index: ReportIndex,
                      settings: Settings) -> bool:
    """A report heading repeats the task (（三）推进电子证照扩大应用…), and its only other evidence is general: sentences
    that share plain words with a measure (高频 and 事项, for 推动电子证照在高频事项中互认共享) and none of its objects.
    Under an echo the words are a coincidence, not a mention of the task (LABELING.md: the content under a heading
    must address the task)."""
    if not candidates or not candidates[0].measure.core:
        return False
    found = [hit for level, hit in zip(levels, hits, strict=True) if level in (CONCRETE, GENERAL)]
    return (bool(found) and CONCRETE not in levels and not any(hit.anchored for hit in found)
            and any(index.passages[h.passage].heading and h.coverage >= settings.found for h in candidates[0].hits))


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


FEATURES = ("measures", "found", "found_share", "concrete", "concrete_share", "score", "support", "section", "full",
            "core_concrete", "core_general", "core_elsewhere", "core_none", "others_concrete", "others_general",
            "others_elsewhere", "measures_undone", "target_met", "target_missed", "target_unknown",
            "owned", "owned_clear", "margin")
# How each feature may move the chance of a higher status when it grows (tools/tune.py fits the trees so):
# 1 never lowers it, -1 never raises it, 0 either way.
MONOTONE = (0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, -1, -1, 1, 0, -1, -1, 1, -1, 0, 1, 1, 1)


def feature_row(features: Features, targets: tuple[TargetResult, ...]) -> list[float]:
    """A task's evidence as the numbers of FEATURES, the status model's input."""
    levels, rest = features.levels, features.levels[1:]
    measures, others = max(1, len(levels)), max(1, len(rest))
    return [len(levels), features.found, features.found / measures, features.concrete, features.concrete / measures,
            features.score, features.support, features.section, features.full,
            features.core == CONCRETE, features.core == GENERAL, features.core == ELSEWHERE, features.core == NONE,
            rest.count(CONCRETE) / others, rest.count(GENERAL) / others, rest.count(ELSEWHERE) / others,
            features.measures_undone, any(t.status == MET for t in targets), any(t.status == NOT_MET for t in targets),
            any(t.status == UNKNOWN for t in targets), features.owned, features.owned_clear, features.margin]


def feature_matrix(rows: list[tuple[Features, tuple[TargetResult, ...]]]) -> np.ndarray:
    """Many tasks' features side by side (tasks × FEATURES)."""
    return np.array([feature_row(features, targets) for features, targets in rows], dtype=float).reshape(-1, len(FEATURES))


STATUS_CODES = (MISSING, PARTIAL, DONE)  # statuses() gives indices into this
_FOUND, _CONCRETE, _CORE, _MISSED, _ELSEWHERE, _UNDONE = (
    FEATURES.index(name) for name in ("found", "concrete", "core_concrete", "target_missed", "core_elsewhere",
                                      "measures_undone"))
# A partial task that a sentence tells in other words this much better than any other task (paraphrase.py) is
# done; read off the held-out figures of 8 to 20 (README: 判定质量).
PARAPHRASE_FLOOR = 10.0
# A task none of whose measures is found is missing unless a sentence tells it in other words this much better:
# then it is partial, for a reviewer to check. A task done only in other words and called missing is the critical
# error: held out over 314 families, this margin rather than PARAPHRASE_FLOOR makes 13 critical errors fewer and
# 2 tasks fewer agreeing.
PARAPHRASE_PARTIAL = 6.0


def claimed_passages(candidates: dict[int, list[Candidate]], found: float) -> frozenset[int]:
    """The passages that some measure's own words clearly address (anchored, covered at least `found`): the
    evidence of a task in its own words, they do not tell another task's work in other words."""
    return frozenset(h.passage for cs in candidates.values() for c in cs for h in c.hits
                     if h.anchored and h.coverage >= found)


def statuses(X: np.ndarray, paraphrase: np.ndarray | None = None,
             model: StatusModel | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The status of each row of features, as indices into STATUS_CODES, and how likely the model holds it.

    Limits of the rubric hold whatever the model says: a task with no measure evidenced is missing (there is
    nothing to quote), unless a sentence clearly tells it in other words (paraphrase, Features.paraphrase): then
    it is partial, for a reviewer to check, unless the report names the task and its measures only among its
    problems or plans (it says the task is still to do); so is a task the model calls missing on general
    sentences alone (held out over 320 families: 5 critical errors fewer, 2 tasks more agreeing); one whose core
    a sentence with facts shows is not missing (held out: 5 critical errors fewer, 0.1 point of agreement less);
    a partial task whose own words show some work
    with facts and which a sentence clearly tells in other words is done (held out +13 tasks, LOFO +6); a done task
    has a sentence with facts and no target missed. The paraphrase is a limit, not an input of the model: as an
    input it learned the corpus writers' words (held out +11 points of high confidence, but the seed reports,
    written by real offices, 7 points worse).
    """
    model = model or status_model()
    if model.features != FEATURES:
        raise TrackerError("判定模型（templates/status_model.json）与本版程序的特征不一致。请恢复随程序提供的文件，"
                           "或在仓库中运行 python -m tools.tune --write 重新生成。")
    chances = model.chances(X)
    codes = model.choose(chances)
    told = np.zeros(len(X), bool) if paraphrase is None else paraphrase >= PARAPHRASE_FLOOR
    hinted = np.zeros(len(X), bool) if paraphrase is None else paraphrase >= PARAPHRASE_PARTIAL
    undone = (X[:, _ELSEWHERE] > 0) & (X[:, _UNDONE] > 0)
    codes = np.where(X[:, _FOUND] == 0, np.where(hinted & ~undone, 1, 0),
                     np.where((codes == 0) & ((X[:, _CORE] > 0) | (hinted & ~undone)), 1, codes))
    codes = np.where((codes == 1) & told & (X[:, _FOUND] > 0) & (X[:, _CONCRETE] > 0) & (X[:, _ELSEWHERE] == 0), 2,
                     codes)
    codes = np.where((codes == 2) & ((X[:, _CONCRETE] == 0) | (X[:, _MISSED] > 0)), 1, codes)
    return codes, chances[np.arange(len(codes)), codes]


@dataclass(frozen=True)
class Ruling:
    """A task's status, the reason in Chinese, and how likely the status model holds the status."""

    status: str
    reason: str
    chance: float = 1.0
    sure: float | None = None  # how likely the judgement is to be right (StatusModel.sureness); else the chance


def decisions(rows: list[tuple[Features, tuple[TargetResult, ...]]]) -> list[Ruling]:
    """For each task's features and targets, the status and, in Chinese, why."""
    X, paraphrase = feature_matrix(rows), np.array([features.paraphrase for features, _ in rows])
    codes, chances = statuses(X, paraphrase)
    sure = status_model().sureness(X, paraphrase, codes, chances)
    return [Ruling(STATUS_CODES[code], _reason(STATUS_CODES[code], features, targets), float(chance), float(right))
            for code, chance, right, (features, targets) in zip(codes, chances, sure, rows, strict=True)]


def decision(features: Features, targets: tuple[TargetResult, ...]) -> Ruling:
    """The status of one task and, in Chinese, why."""
    return decisions([(features, targets)])[0]


def _reason(status: str, features: Features, targets: tuple[TargetResult, ...]) -> str:
    if status == MISSING:
        if features.found == 0:
            return "没有任何措施在工作成效部分找到佐证，判定为未体现。"
        if features.undone_but_touched:
            return "任务本身只在“存在的问题”或“下一步计划”中提及，其余只有与措施部分相合的记述，判定为未体现。"
        if features.core == ELSEWHERE:
            return "任务本身只在“存在的问题”或“下一步计划”中提及，其余只有笼统表述，判定为未体现。"
        if features.measures_undone:
            return "措施只在“存在的问题”或“下一步计划”中提及，任务本身只有笼统表述，判定为未体现。"
        return "只有零星、笼统的相关字句，判定为未体现。"
    if status == PARTIAL:
        if features.found == 0:
            return "计划的说法在报告中未出现，但有一句记述的工作与本任务相合（换了说法），判定为部分落实。"
        if features.concrete and any(t.status == NOT_MET for t in targets):
            return "虽有具体佐证，但量化目标未达到，判定为部分落实。"
        if features.concrete and ELSEWHERE in features.levels[1:]:
            return "虽有具体佐证，但有措施只在“存在的问题”或“下一步计划”中提及，判定为部分落实。"
        return "部分措施有佐证，但尚不足以说明任务核心和主要措施已落实，判定为部分落实。"
    reasons = [f"{features.concrete} 项措施有具体佐证（措施覆盖度 {features.score:.0%}）"]
    if features.core == CONCRETE:
        reasons.append("任务核心有具体佐证")
    if features.support:
        reasons.append(f"有 {features.support} 句含数据或文件的相关记述")
    if features.owned_clear:
        reasons.append(f"其中 {features.owned_clear} 句专门记述本任务")
    if any(t.status == MET for t in targets):
        reasons.append("量化目标已达到")
    return "；".join(reasons) + "，判定为已落实。"


HIGH, MEDIUM, LOW = "high", "medium", "low"
BROAD_COVERAGE = 0.75  # a done task's evidence covering this much of its measures is not "only some of them"


def confidence(ruling: Ruling, features: Features, targets: tuple[TargetResult, ...],
               claim_unsupported: bool = False) -> tuple[str, str]:
    """How sure a judgement is (high / medium / low) and, in Chinese, why: high where it is likely enough to be
    right, low where the status model holds its status unlikely (templates/status_model.json: high, low); the
    reason says what the evidence looks like."""
    if claim_unsupported:
        return LOW, "单位自报已完成，但报告记述不足以证明"
    model = status_model()
    sure = ruling.chance if ruling.sure is None else ruling.sure
    level = HIGH if sure >= model.high else LOW if ruling.chance < model.low else MEDIUM
    status = ruling.status
    if status == DONE:
        # The reason names what is thin: the measures covered, else the sentences that speak of this task alone.
        if level == MEDIUM and any(t.status == UNKNOWN for t in targets):
            return level, "量化目标在报告中未见数据"
        if level != HIGH and features.score < BROAD_COVERAGE:
            return level, (f"刚达到“已落实”的标准，只有部分措施有具体佐证（措施覆盖度 {features.score:.0%}）"
                           if level == LOW else f"有具体佐证，但覆盖的措施不多（措施覆盖度 {features.score:.0%}）")
        if level != HIGH:
            return level, (f"措施覆盖度 {features.score:.0%}，但专门记述本任务、含数据或文件的句子不多"
                           f"（{features.owned_clear} 句），请核对原文")
        return level, f"多项措施有含数据或文件的具体佐证（措施覆盖度 {features.score:.0%}）"
    if status == MISSING:
        if level == LOW:
            return level, "报告中有零星相近的表述，可能换了说法，请核对原文"
        if features.undone_but_touched:
            return level, "任务本身只在“存在的问题”或“下一步计划”中提及，另有与某项措施部分相合的具体记述"
        if features.core == ELSEWHERE or ELSEWHERE in features.levels:
            return level, "相关内容只出现在“存在的问题”或“下一步计划”中"
        return level, "报告中未见相关表述"
    if features.found == 0:
        return LOW, "仅凭换了说法的记述判断，请核对原文"
    if features.core in (CONCRETE, GENERAL) and any(t.status == NOT_MET for t in targets):
        return level, "量化目标未达到"
    if level == LOW and features.core == NONE and features.found >= 3:
        return level, "多项措施有对应，但任务核心未见，可能已落实，请核对原文"
    if level == LOW and features.core != CONCRETE:
        return level, "只有零星或笼统的共同词语，任务核心未见具体佐证"
    if level == LOW:
        return level, "介于“已落实”和“未体现”之间，请核对原文"
    if features.core == CONCRETE and features.found >= 3:
        return level, "任务核心和多项措施有具体佐证，另有措施未见，离“已落实”可能只差一步"
    return level, "部分措施有佐证"


def assess_task(task: Task, candidates: list[Candidate], index: ReportIndex, features: Features,
                targets: tuple[TargetResult, ...], ruling: Ruling, settings: Settings = DEFAULT,
                claim: str = "", broad: frozenset[int] = frozenset(), paraphrase: int | None = None) -> TaskResult:
    """A task's result from its status and the evidence found for each of its measures; a unit's own claim in a
    progress table is kept beside the judgement, and flagged where it says more than the evidence. A task found
    only in other words is shown the sentence that tells it so (paraphrase)."""
    status, reason = ruling.status, ruling.reason
    unsupported = bool(claim) and claims_done(claim) and status != DONE
    if unsupported:
        reason += f"单位自报“{claim}”，但报告记述不足以证明（{UNSUPPORTED_CLAIM}），请重点核查。"
    certainty, why = confidence(ruling, features, targets, unsupported)
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
    if not ranked and status != MISSING and paraphrase is not None:
        ranked = [(paraphrase, 0.0)]
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


def _echoes(candidates: list[Candidate], index: ReportIndex) -> frozenset[int]:
    """Sentences that repeat the task's heading and give no facts of their own (旗政府始终把压实法治建设第一责任人职责
    作为…“牛鼻子”): they name the task, whatever figures follow them in their paragraph, and show no work on it."""
    if not candidates or not candidates[0].measure.core:
        return frozenset()
    title = normalize(candidates[0].measure.text).rstrip("。；;，,")
    return frozenset(h.passage for c in candidates for h in c.hits
                     if not index.own[h.passage] and title in index.normals[h.passage])


def _measure_level(candidate: Candidate, index: ReportIndex, best: dict[int, float], settings: Settings,
                   own: set[int] = frozenset(), echoes: frozenset[int] = frozenset()) -> tuple[str, Hit | None]:
    """Grade a measure by its best evidence: a report sentence of achievement that covers it well and
    gives facts is concrete; a weaker one is general; a match only in problem/plan sections is elsewhere."""
    is_evidence = index.evidence
    evidence = [h for h in candidate.hits if is_evidence[h.passage]
                and h.coverage >= settings.share * best.get(h.passage, 0.0)]
    top = max(evidence, key=lambda h: (h.coverage, index.concreteness(h)), default=None)
    value = top.coverage if top is not None else 0.0
    # A shortfall that names the measure much more fully than any sentence of work done (清理工作未能在9月底前完成，
    # 清理结果尚未向社会公布, beside 清理非公路标志牌43块) says it is undone: the lesser match is another matter.
    undone = max((h for h in candidate.hits if index.passages[h.passage].kind == PROBLEM
                  and not index.passages[h.passage].heading), key=lambda h: h.coverage, default=None)
    if undone is not None and undone.coverage >= max(settings.found, value + settings.undone):
        return ELSEWHERE, undone
    if top is not None and value >= settings.found and (top.anchored or (value >= 0.99 and not candidate.measure.core)):
        return (CONCRETE if index.concreteness(top) >= 1 and top.passage not in echoes else GENERAL), top
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


def _shortened(matched: tuple[str, ...], tokens) -> bool:
    """Whether a heading says the task's words in short (【强化执法监督】 for 强化行政执法监督): an echo, not a
    renaming."""
    return any(len(word) >= 2 and (word in term or term in word) for term in matched for word in tokens
               if not word.startswith(CONCEPT_MARK))


def _renamed_heading(core: Candidate, candidates: list[Candidate], index: ReportIndex,
                     settings: Settings) -> Hit | None:
    """A report heading that names the task in other words (二是“首违不罚、轻微免罚”落地见效, for 完善包容审慎监管
    方式, where 轻微 and 不予处罚 also name one of its measures) announces its block as this task's work: the
    first sentence with figures under it is evidence of the task's core. A heading in the task's own words proves
    nothing by itself (it may echo the task over other work), nor one that shares a single word with it."""
    for hit in core.hits:
        tokens = index.tokens[hit.passage]
        if (hit.passage not in index.blocks or hit.coverage < settings.found
                or any(t in tokens for t in hit.matched) or _shortened(hit.matched, tokens)):
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
    task_tokens: dict[int, frozenset[str]]  # the words each task is matched by
    paraphrased: dict[int, tuple[float, int | None]]  # per task, (margin, passage) of paraphrase.Told.best

    def best(self, settings: Settings) -> dict[int, float]:
        return best_support(self.candidates, self.index, settings)

    def features(self, settings: Settings) -> dict[int, tuple[Features, list[Candidate]]]:
        """Each task's features under some thresholds, with the candidates they were drawn from (a sentence kept
        as evidence for a few tasks only): what decide() and the fitting (tools/tune.py) both judge."""
        best = self.best(settings)
        fits = task_fits(self.candidates, self.index)
        candidates = few_tasks_per_sentence(self.candidates, fits, settings.sentence_tasks)
        owned = ownership(fits, self.candidates, self.index, settings)
        return {seq: (replace(task_features(cs, self.index, best, settings), **owned[seq],
                              paraphrase=self.paraphrased[seq][0]), cs)
                for seq, cs in candidates.items()}

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
    wider = {report.name: wider_areas(report.region) for report in reports}
    figures = report_figures([own_figures(p.text, wider.get(p.report, ())) for i, p in enumerate(passages)
                              if index.is_evidence(i)], year)
    shortfalls = report_figures([p.text for p in passages if p.kind == PROBLEM and not p.heading], year)
    targets = {task.seq: _check_targets(task, figures, shortfalls) for task in plan.tasks}
    claims: dict[int, str] = {}
    for claim in (c for report in reports for c in report.claims):
        for seq in rows[claim.task]:
            claims[seq] = "；".join(filter(None, (claims.get(seq), claim.text)))
    return Prepared(plan, reports, index, candidates, targets, claims, model.task_tokens,
                    paraphrased_tasks(model.task_tokens, index, model.told, claimed_passages(candidates, DEFAULT.found)))


def paraphrased_tasks(task_tokens: dict[int, frozenset[str]], index: ReportIndex, told: Told,
                      claimed: frozenset[int] = frozenset()) -> dict[int, tuple[float, int | None]]:
    """For each task, the sentence of work done, not claimed by a task in its own words, that tells it in other
    words most clearly: (margin, passage)."""
    work = [i for i, evidence in enumerate(index.evidence) if evidence and i not in claimed]
    found = told.best([index.tokens[i] for i in work])
    return {seq: (margin, None if row is None else work[row]) for seq, (margin, row) in zip(task_tokens, found,
                                                                                          strict=True)}


def decide(prepared: Prepared, settings: Settings = DEFAULT) -> Results:
    """Assess every task from its prepared candidates."""
    tasks = prepared.plan.tasks
    broad = broad_passages(prepared.candidates, settings)
    judged = prepared.features(settings)
    rulings = decisions([(judged[t.seq][0], prepared.targets[t.seq]) for t in tasks])
    results = tuple(assess_task(task, judged[task.seq][1], prepared.index, judged[task.seq][0],
                                prepared.targets[task.seq], ruling, settings, prepared.claims.get(task.seq, ""), broad,
                                prepared.paraphrased[task.seq][1])
                    for task, ruling in zip(tasks, rulings, strict=True))
    return Results(prepared.plan, tuple(prepared.reports), results)


BROAD_TASKS = 4


def broad_passages(candidates: dict[int, list[Candidate]], settings: Settings) -> frozenset[int]:
    """Passages that touch many tasks at once: the report's summaries (一年来，区政府把法治政府建设作为…), shown
    after the sentences that speak of one task."""
    touched = Counter(passage for task_candidates in candidates.values()
                      for passage in {h.passage for c in task_candidates for h in c.hits if h.coverage >= settings.general})
    return frozenset(passage for passage, tasks in touched.items() if tasks >= BROAD_TASKS)


CLEAR_COVERAGE, CLEAR_MARGIN = 0.6, 0.2  # a sentence that fits a task well, and clearly better than the next


def task_fits(candidates: dict[int, list[Candidate]], index: ReportIndex) -> dict[int, dict[int, float]]:
    """For each sentence of the achievements, how well it fits each task: the best coverage of any measure."""
    fits: dict[int, dict[int, float]] = {}
    for seq, task_candidates in candidates.items():
        for candidate in task_candidates:
            for hit in candidate.hits:
                if index.evidence[hit.passage]:
                    tasks = fits.setdefault(hit.passage, {})
                    tasks[seq] = max(tasks.get(seq, 0.0), hit.coverage)
    return fits


def ownership(fits: dict[int, dict[int, float]], seqs: Iterable[int], index: ReportIndex,
              settings: Settings) -> dict[int, dict]:
    """For each task, the report's sentences with facts that fit it better than any other task: a report that
    gives a task a passage of its own (a done task, however worded) differs from one whose sentences each serve
    another task better and only share a word with this one."""
    out = {seq: {"owned": 0, "owned_clear": 0, "margin": 0.0} for seq in seqs}
    for passage, tasks in fits.items():
        if index.concrete[passage] < 1:
            continue
        ranked = sorted(tasks.values(), reverse=True)
        value, margin = ranked[0], ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)
        mine = out[max(tasks, key=lambda s: (tasks[s], -s))]
        mine["margin"] = max(mine["margin"], margin)
        mine["owned"] += value >= settings.found
        mine["owned_clear"] += value >= CLEAR_COVERAGE and margin >= CLEAR_MARGIN
    return out


def few_tasks_per_sentence(candidates: dict[int, list[Candidate]], fits: dict[int, dict[int, float]],
                           limit: int) -> dict[int, list[Candidate]]:
    """One sentence is evidence for a few tasks at most: those it covers best (a sentence on 绩效考核 does not
    prove four unrelated tasks). Its other hits are dropped."""
    if limit <= 0:
        return candidates
    allowed = {passage: set(sorted(tasks, key=lambda seq: -tasks[seq])[:limit]) for passage, tasks in fits.items()}
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
    listed = "；".join(parts) + ("等" if len(missing) > limit else "")
    # A task found only in other words (the paraphrase table) has every measure "unseen" in the plan's words, yet
    # the report may tell them: the unit is asked to check, not to redo work it has reported.
    if result.status != MISSING and not any(m.found in (CONCRETE, GENERAL) for m in result.measures):
        return f"报告用其他说法记述了相关工作（见佐证摘录），请对照核实以下措施是否已落实：{listed}"
    return listed


def admitted_gap(result: TaskResult) -> str:
    """A sentence of the reports' 存在的问题 that speaks of this task, verbatim, or ""."""
    return next((m.quote for m in result.measures if m.found == ELSEWHERE and m.kind == PROBLEM and m.quote), "")
