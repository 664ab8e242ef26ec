"""Units and their tasks: the per-unit view of an assessment."""

from __future__ import annotations

from .assess import missing_summary
from .models import LEAD, RESPONSIBLE, Results, UnitResult, UnitTask


def units_from_results(results: Results) -> list[UnitResult]:
    """Each unit of the plan with the tasks it leads or shares, at the status the reports show for them."""
    plan = results.plan
    rows = []
    for unit in plan.units:
        tasks = []
        for result in results.tasks:
            task = result.task
            role = LEAD if unit.name in task.lead_units else RESPONSIBLE if unit.name in task.units else None
            if role is None:
                continue
            tasks.append(UnitTask(seq=task.seq, role=role, status=result.final_status,
                                  missing="" if result.final_status == "done" else missing_summary(result),
                                  score=result.score, evidence=result.evidence))
        if tasks:
            rows.append(UnitResult(unit=unit.name, group=unit.group, tasks=tuple(tasks)))
    return rows
