"""Warnings that save a meeting: one Chinese line each, and the work goes on.

A report of another year or place, a gap or repeat in the plan's numbering, a plan that names no units, a
"plan" that reads like a report: each is worth a line before the results are trusted.
"""

from __future__ import annotations

from .models import Plan, Report
from .numbering import label_number

NOT_A_PLAN = "读起来像年度报告而不是工作计划"
NOT_A_REPORT = "读起来像工作计划而不是年度报告"


def plan_warnings(plan: Plan, reads_like_plan: bool = True) -> list[str]:
    """What to check in a plan before trusting its task list."""
    out = []
    if not reads_like_plan:
        out.append(f"注意：“{plan.name}”{NOT_A_PLAN}（没有“工作计划/工作要点/本计划”等字样），请确认文件是否选对。")
    out.extend(numbering_warnings(plan))
    if plan.tasks and not any(t.lead_units or t.units for t in plan.tasks):
        out.append(f"注意：计划“{plan.title}”中没有找到任何牵头单位或责任单位，各项任务只按内容核查，无法按单位统计。")
    return out


def numbering_warnings(plan: Plan) -> list[str]:
    """A task number skipped ((四) then (六)) or repeated, within a part or across parts."""
    out = []
    previous = None
    for task in plan.tasks:
        number = label_number(task.no) if task.no else None
        if number is None:
            previous = None
            continue
        if previous is not None:
            before, section = previous
            restarted = number == 1 and task.section != section
            if number == before:
                out.append(f"注意：任务编号“{task.no}”重复出现，请核对计划原文是否有漏项或重号。")
            elif number > before + 1 and not restarted:
                out.append(f"注意：任务编号从“{before}”跳到“{task.no}”，中间可能漏掉了任务，请核对计划原文。")
        previous = (number, task.section)
    return out


def report_warnings(plan: Plan, reports: list[Report]) -> list[str]:
    """A report of another year or another place than the plan's."""
    out = []
    for report in reports:
        if plan.year and report.year and report.year != plan.year:
            out.append(f"注意：报告“{report.name}”是 {report.year} 年的，计划是 {plan.year} 年的，请确认是否对应。")
        if plan.region and report.region and not _same_place(plan.region, report.region):
            out.append(f"注意：报告“{report.name}”写的是{report.region}，计划是{plan.region}的，请确认是否对应。")
    return out


def _same_place(a: str, b: str) -> bool:
    return a == b or a.endswith(b) or b.endswith(a)
