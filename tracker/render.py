"""Terminal summaries in Chinese."""

from __future__ import annotations

from .models import Plan
from .status import status_label
from .targets import is_dated
from .text import display_width, pad, shown


def plan_summary(plan: Plan) -> str:
    """A short Chinese summary of a parsed plan, with one line per task."""
    departments = [u for u in plan.units if not u.group]
    groups = [u for u in plan.units if u.group]
    lines = [
        f"《{plan.title}》（{plan.name}）",
        f"共 {len(plan.tasks)} 项任务" + (f"，分 {len(plan.sections)} 个部分；" if plan.sections else "；") +
        f"涉及 {len(departments)} 个单位、{len(groups)} 个单位群组；"
        f"{sum(1 for t in plan.tasks if t.targets)} 项任务含量化目标，"
        f"{sum(1 for t in plan.tasks if is_dated(t.deadline))} 项有明确完成时限。",
        "",
        f"{pad('序号', 5)} {pad('编号', 9)} {pad('任务名称', 40)} 牵头单位",
    ]
    for task in plan.tasks:
        lead = "、".join(task.lead_units) or "—"
        lines.append(f"{pad(str(task.seq), 5)} {pad(task.no, 9)} {pad(task.title, 40)} {pad(lead, 40).rstrip()}")
    return "\n".join(lines)


def status_counts_line(counts: dict[str, int], total: int) -> str:
    """共 28 项任务：已落实 9 项（32%），部分落实 14 项（50%），未体现 5 项（18%）。"""

    parts = [f"{status_label(s, sign=False)} {n} 项（{n / max(1, total):.0%}）"
             for s, n in counts.items() if n or s != "not_submitted"]
    return f"共 {total} 项任务：" + "，".join(parts) + "。"


def match_summary(results, notes: list[str], saved: bool = True) -> str:
    """The terminal summary of an assessment: counts per status, then the tasks that are missing."""
    plan = results.plan
    sources = "、".join(r.name for r in results.reports) or "（无报告）"
    lines = [f"《{plan.title}》对照 {sources}", status_counts_line(results.counts(), len(results.tasks))]
    for status, heading in (("missing", "未体现的任务"), ("not_submitted", "未报送的任务")):
        rows = [r for r in results.tasks if r.final_status == status]
        if rows and len(rows) == len(results.tasks):
            lines.append(f"全部 {len(rows)} 项任务均为“{heading[:3]}”。")
        elif rows:
            lines += ["", f"{heading}（{len(rows)} 项）："]
            for r in rows:
                lead = "、".join(r.task.lead_units) or "—"
                lines.append(f"  {pad(r.task.no, 11)} {pad(r.task.title, 40)} 牵头：{lead}")
    worse = [r for r in results.tasks if r.trend == "worse"]
    twice = [r for r in results.tasks if r.trend == "missing_twice"]
    if worse or twice:
        lines.append(f"\n与上年相比：退步 {len(worse)} 项{_numbers(worse)}，连续两年未体现 {len(twice)} 项{_numbers(twice)}。")
    overdue = [r for r in results.tasks if r.due == "overdue" and r.final_status != "done"]
    if overdue:
        numbers = "、".join(str(r.task.seq) for r in overdue)
        lines.append(f"\n已过完成时限仍未落实 {len(overdue)} 项：序号 {numbers}。")
    doubtful = [r for r in results.tasks if r.confidence == "low" and not (r.review and r.review.status)]
    if doubtful:
        numbers = "、".join(str(r.task.seq) for r in doubtful)
        where = "台账“可信度”列有原因" if saved else "加上 -o 台账.xlsx 保存台账，“可信度”列有原因"
        lines.append(f"\n建议复核（系统把握不大）{len(doubtful)} 项：序号 {numbers}。{where}。")
    stale = sum(1 for r in results.tasks if r.review and r.review.stale)
    if stale:
        lines.append(f"\n{stale} 项复核意见需重新复核（任务内容有变动）。")
    if notes:
        lines += [""] + [shown(note) for note in notes]
    return "\n".join(lines)


def _numbers(results) -> str:
    """（序号 3、7） for some task results, or nothing for none."""
    return f"（序号 {'、'.join(str(r.task.seq) for r in results)}）" if results else ""


def audit_summary(audit, notes: list[str]) -> str:
    """The terminal summary of an audit: a table per unit, then what could not be assigned or read."""
    from pathlib import Path

    header = (f"{pad('单位', 24)} {pad('报告', 6)} {pad('任务', 4)} {pad('已落实', 6)} {pad('部分', 4)} "
              f"{pad('未体现', 6)} {pad('未报送', 6)} {pad('完成率', 6)}")
    lines = [f"《{audit.results.plan.title}》按单位核查", header, "-" * display_width(header)]
    units = sorted((u for u in audit.units if not u.group), key=lambda u: (-u.rate, u.unit))
    for unit in units:
        cells = [pad(unit.unit, 24), pad(f"{len(unit.reports)} 份" if unit.reports else "未报送", 6),
                 pad(str(len(unit.tasks)), 4), pad(str(unit.count("done")), 6), pad(str(unit.count("partial")), 4),
                 pad(str(unit.count("missing")), 6), pad(str(unit.count("not_submitted")), 6), f"{unit.rate:6.1%}"]
        lines.append(" ".join(cells))
    lines += ["", f"总体完成率（已落实计 1、部分落实计 0.5）：{audit.rate:.1%}"]
    silent = [u.unit for u in units if not u.reports]
    if silent:
        lines.append(f"未报送报告的单位（{len(silent)} 个）：{'、'.join(silent)}")
    if audit.folder.unassigned:
        lines.append(f"无法归属到计划中任何单位的文件（{len(audit.folder.unassigned)} 个）：")
        for path in audit.folder.unassigned:
            candidates = audit.folder.candidates.get(path)
            lines.append(f"  {shown(Path(path).name)}" + (f"（可能来自：{'、'.join(candidates)}，请核对后在文件名中注明单位）"
                                                          if candidates else ""))
    if audit.folder.skipped:
        lines.append(f"未读取、已跳过的文件（{len(audit.folder.skipped)} 个）：")
        lines += [f"  {shown(reason)}" for _, reason in audit.folder.skipped]
    if notes:
        lines += [""] + [shown(note) for note in notes]
    return "\n".join(lines)
