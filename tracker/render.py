"""Terminal summaries in Chinese."""

from __future__ import annotations

import unicodedata

from .models import Plan


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """Pad or cut a string to a display width."""
    out, used = "", 0
    for char in text:
        w = display_width(char)
        if used + w > width:
            out = out[: -1] + "…" if out else out
            used = display_width(out)
            break
        out += char
        used += w
    return out + " " * max(0, width - used)


def plan_summary(plan: Plan) -> str:
    """A short Chinese summary of a parsed plan, with one line per task."""
    departments = [u for u in plan.units if not u.group]
    groups = [u for u in plan.units if u.group]
    lines = [
        f"《{plan.title}》（{plan.name}）",
        f"共 {len(plan.tasks)} 项任务，分 {len(plan.sections)} 个部分；"
        f"涉及 {len(departments)} 个单位、{len(groups)} 个单位群组；"
        f"{sum(1 for t in plan.tasks if t.targets)} 项任务含量化目标，{sum(1 for t in plan.tasks if t.deadline)} 项有完成时限。",
        "",
        f"{pad('序号', 5)} {pad('编号', 9)} {pad('任务名称', 40)} 牵头单位",
    ]
    for task in plan.tasks:
        lead = "、".join(task.lead_units) or "—"
        lines.append(f"{pad(str(task.seq), 5)} {pad(task.no, 9)} {pad(task.title, 40)} {pad(lead, 40).rstrip()}")
    return "\n".join(lines)
