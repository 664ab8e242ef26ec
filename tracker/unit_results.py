"""Each unit's share of the results of a match: the tasks it leads or shares, at their final status, and which
reports are its own (a unit that sent none is judged on the others' reports, and says so)."""

from __future__ import annotations

from pathlib import Path

from .assess import missing_summary
from .models import DONE, LEAD, RESPONSIBLE, Results, TaskResult, UnitResult, UnitTask
from .senders import audit_units, sender


def units_from_results(results: Results) -> list[UnitResult]:
    """Each unit of the plan with the tasks it leads or shares, at the status the reports show for them.

    A unit is credited with its own reports (by file name, title or signature); a unit that sent none has its
    statuses from the others' reports, and says so (basis), so that it is never ranked on them."""
    plan = results.plan
    people = audit_units(plan, [])
    senders: dict[str, list[str]] = {}
    for report in results.reports:
        found = sender(Path(report.name).stem, [report.title], report.title, people)
        if found.unit:
            senders.setdefault(found.unit, []).append(report.name)
    rows = []
    for unit in plan.units:
        tasks = [unit_task(result, role) for result in results.tasks
                 if (role := role_of(unit.name, result.task.lead_units, result.task.units))]
        if tasks:
            own = tuple(senders.get(unit.name, ()))
            basis = () if own or unit.group else tuple(r.name for r in results.reports)
            rows.append(UnitResult(unit=unit.name, group=unit.group, tasks=tuple(tasks), reports=own, basis=basis))
    return rows


def role_of(name: str, lead: tuple[str, ...], responsible: tuple[str, ...]) -> str | None:
    return LEAD if name in lead else RESPONSIBLE if name in responsible else None


def unit_task(result: TaskResult, role: str, status: str | None = None) -> UnitTask:
    status = status or result.final_status
    return UnitTask(seq=result.task.seq, role=role, status=status,
                    missing="" if status == DONE else missing_summary(result),
                    score=result.score, evidence=result.evidence)


OWN, BASIS, SILENT = "own", "basis", "none"


def standing(unit: UnitResult) -> str:
    """own: judged on its own reports; basis: sent none, judged on others' (or a group); none: sent nothing."""
    if unit.reports:
        return OWN
    return BASIS if unit.basis or unit.group else SILENT


def ranking(units: list[UnitResult]) -> list[tuple[int | None, UnitResult]]:
    """The departments in the order a meeting reads them: those with a report of their own ranked by rate (a
    tie shares its rank), then those judged on others' reports, then those that sent nothing, unranked (None),
    so that silence never comes first."""
    order = {OWN: 0, BASIS: 1, SILENT: 2}
    departments = sorted((u for u in units if not u.group),
                         key=lambda u: (order[standing(u)], -u.rate, -len(u.tasks), u.unit))
    out: list[tuple[int | None, UnitResult]] = []
    rank, previous = 0, None
    for position, unit in enumerate(departments, start=1):
        if standing(unit) != OWN:
            out.append((None, unit))
            continue
        if unit.rate != previous:
            rank, previous = position, unit.rate
        out.append((rank, unit))
    return out
