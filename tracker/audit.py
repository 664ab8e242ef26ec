"""Per-unit audit: which report belongs to which unit, and each unit's tasks against its own reports."""

from __future__ import annotations

import stat
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from .assess import assess_plan
from .errors import InputError
from .ingest import OLD_FORMATS, READERS, converted_together, read_document
from .lexicon import lexicon
from .match import PlanModel
from .models import (
    DONE,
    LEAD,
    MISSING,
    NOT_SUBMITTED,
    PARTIAL,
    RESPONSIBLE,
    Plan,
    Report,
    Results,
    TaskResult,
    UnitResult,
    UnitTask,
)
from .output import TEMP_PREFIX, resolved
from .segment import split_report
from .senders import AuditUnit, sender
from .text import shown
from .unit_results import role_of, unit_task, units_from_results

# ---------------------------------------------------------------- reading the folder

@dataclass
class Folder:
    """The reports of a folder, assigned to units; files that belong to nobody; files that could not be read."""

    reports: dict[str, list[Report]] = field(default_factory=dict)
    unassigned: list[str] = field(default_factory=list)
    candidates: dict[str, tuple[str, ...]] = field(default_factory=dict)  # an unassigned file: who it may be from
    skipped: list[tuple[str, str]] = field(default_factory=list)


def read_folder(folder: str | Path, units: list[AuditUnit], exclude: tuple[Path, ...] = (),
                progress: Callable[[list[Path]], object] | None = None) -> Folder:
    """Read every file of a folder; assign each report to a unit; list the rest, never drop them silently.

    progress, if given, wraps the list of files in a context manager that reports progress (a click
    progress bar).
    """
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"找不到文件夹“{folder}”。请检查路径。")
    if not folder.is_dir():
        raise InputError(f"“{folder}”不是文件夹。请指定存放各单位报告的文件夹。")
    excluded = {resolved(p) for p in exclude}
    result = Folder()
    paths = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(("~$", TEMP_PREFIX)) or resolved(entry) in excluded:
            continue  # an open document's lock file, a run's temporary file, tracker's own outputs
        reason = _not_readable(entry, folder)
        if reason:
            result.skipped.append((str(entry), f"“{shown(entry.name)}”：{reason}，已跳过。"))
        else:
            paths.append(entry)
    if not paths and not result.skipped:
        raise InputError(f"文件夹“{shown(folder)}”中没有文件。请把各单位的年度报告放进该文件夹后再试。")
    with progress(paths) if progress else nullcontext(paths) as items, converted_together(paths) as ready:
        for path in items:
            _read_one(path, units, result, ready.get(path))
    return result


def _not_readable(entry: Path, folder: Path) -> str | None:
    """Why a folder entry is not read as a report, or None: links never lead out of the folder."""
    if entry.is_symlink():
        try:
            target = entry.resolve(strict=True)
        except (OSError, RuntimeError):
            return "链接无效或指向自身"
        if folder.resolve() not in target.parents:
            return "链接指向文件夹以外，为安全起见不读取"
    try:
        mode = entry.stat().st_mode
    except OSError:
        return "无法读取文件信息"
    if stat.S_ISDIR(mode):
        return "是子文件夹（只读取本文件夹中的文件）"
    if not stat.S_ISREG(mode):
        return "不是普通文件（管道、设备等）"
    return None


def _read_one(path: Path, units: list[AuditUnit], result: Folder, converted: Path | None = None) -> None:
    if path.suffix.lower() not in READERS | OLD_FORMATS:  # an old .doc gets read_document's advice to re-save
        result.skipped.append((str(path), f"“{shown(path.name)}”：不支持“{path.suffix or '无扩展名'}”格式，已跳过。"))
        return
    try:
        document = read_document(path, converted)
    except InputError as error:
        result.skipped.append((str(path), str(error)))
        return
    report = split_report(document)
    found = sender(path.stem, document.paragraphs(), report.title, units)
    if found.unit is None:
        result.unassigned.append(str(path))
        if found.candidates:
            result.candidates[str(path)] = found.candidates
    else:
        result.reports.setdefault(found.unit, []).append(report)


# ---------------------------------------------------------------- the audit

@dataclass
class Audit:
    """The per-unit results, the task-level results of all reports pooled, and what was left over."""

    results: Results
    units: list[UnitResult]
    folder: Folder

    @property
    def rate(self) -> float:
        """Completion over every task of every department: done counts 1, partial 1/2."""
        items = [t for u in self.units if not u.group for t in u.tasks]
        return sum(1.0 if t.status == DONE else 0.5 if t.status == PARTIAL else 0.0 for t in items) / max(1, len(items))

    def to_dict(self) -> dict:
        """The audit's JSON, without the task list (written with the final statuses, after reviews)."""
        folder = self.folder
        return {
            "plan": self.results.plan.to_dict()["plan"],
            "rate": round(self.rate, 4),
            "units": [u.to_dict() for u in self.units if not u.group],
            "groups": [u.to_dict() for u in self.units if u.group],
            "unassigned_reports": folder.unassigned,
            "unassigned_candidates": {path: list(c) for path, c in folder.candidates.items()},
            "skipped_files": [{"path": p, "reason": reason} for p, reason in folder.skipped],
        }

    def note(self, government: bool) -> str:
        """One line for the overview: reports received, units silent, files unassigned or unread."""
        folder = self.folder
        received = sum(len(v) for v in folder.reports.values())
        missing = sum(1 for u in self.units if not u.group and not u.reports)
        return (f"收到 {received} 份单位报告，{missing} 个单位未报送，{len(folder.unassigned)} 份无法归属，"
                f"{len(folder.skipped)} 个文件无法读取。" + ("政府年度报告作为辅助佐证。" if government else ""))


def audit_plan(plan: Plan, units: list[AuditUnit], folder: Folder, government: Report | None = None) -> Audit:
    """Check each unit's assigned tasks against its own reports; units without reports owe them all."""
    if not any(t.lead_units or t.units for t in plan.tasks):
        raise InputError(f"计划“{plan.name}”中没有牵头单位或责任单位，无法按单位核查。请改用 tracker match。")
    model = PlanModel(plan, lexicon())  # the plan's measures, worked out once for every unit's reports
    pooled = [r for reports in folder.reports.values() for r in reports] + ([government] if government else [])
    results = assess_plan(plan, pooled, model=model)
    secondary = assess_plan(plan, [government], model=model) if government else None
    rows = []
    for unit in units:
        assigned = _assigned(plan, unit)
        if not assigned:
            continue
        reports = folder.reports.get(unit.name, [])
        own = assess_plan(plan, reports, model=model) if reports else None
        tasks = []
        for seq, role in assigned:
            if own is None:
                tasks.append(UnitTask(seq=seq, role=role, status=NOT_SUBMITTED, missing="未报送年度报告"))
                continue
            result = own.tasks[seq - 1]
            tasks.append(_with_government(unit_task(result, role, result.status),
                                          secondary.tasks[seq - 1] if secondary else None))
        rows.append(UnitResult(unit.name, False, tuple(tasks), tuple(r.path for r in reports)))
    groups = [u for u in units_from_results(results) if u.group]
    return Audit(results, rows + groups, folder)


def _assigned(plan: Plan, unit: AuditUnit) -> list[tuple[int, str]]:
    """The tasks a unit leads or shares, by name or through a group it belongs to (旗政府各部门)."""
    out = []
    for task in plan.tasks:
        role = role_of(unit.name, task.lead_units, task.units) if unit.in_plan else None
        if role is None:
            role = _role_by_group(unit.groups, task.lead_units, task.units)
        if role:
            out.append((task.seq, role))
    return out


def _role_by_group(groups: tuple[str, ...], lead: tuple[str, ...], responsible: tuple[str, ...]) -> str | None:
    if any(g in lead for g in groups):
        return LEAD
    return RESPONSIBLE if any(g in responsible for g in groups) else None


def _with_government(item: UnitTask, government: TaskResult | None) -> UnitTask:
    """The government's report is secondary evidence: it can lift a task the unit's report leaves missing
    to partial, and its quotes are marked as such."""
    if government is None or government.status == MISSING or item.status == DONE:
        return item
    quotes = tuple(replace(e, secondary=True) for e in government.evidence)
    status = PARTIAL if item.status == MISSING else item.status
    return replace(item, status=status, evidence=item.evidence + quotes)
