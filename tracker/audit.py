"""Per-unit audit: which report belongs to which unit, and each unit's tasks against its own reports."""

from __future__ import annotations

import re
import stat
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from .assess import assess_plan, missing_summary
from .errors import InputError
from .ingest import OLD_FORMATS, READERS, read_document
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
from .text import normalize, shown
from .units import RegistryUnit, alias_table, core, level_of

TITLE_PARAGRAPHS = 4
CANDIDATES = 3


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
        tasks = [_unit_task(result, role) for result in results.tasks
                 if (role := _role(unit.name, result.task.lead_units, result.task.units))]
        if tasks:
            own = tuple(senders.get(unit.name, ()))
            basis = () if own or unit.group else tuple(r.name for r in results.reports)
            rows.append(UnitResult(unit=unit.name, group=unit.group, tasks=tuple(tasks), reports=own, basis=basis))
    return rows


def _role(name: str, lead: tuple[str, ...], responsible: tuple[str, ...]) -> str | None:
    return LEAD if name in lead else RESPONSIBLE if name in responsible else None


def _unit_task(result: TaskResult, role: str, status: str | None = None) -> UnitTask:
    status = status or result.final_status
    return UnitTask(seq=result.task.seq, role=role, status=status,
                    missing="" if status == DONE else missing_summary(result),
                    score=result.score, evidence=result.evidence)


# ---------------------------------------------------------------- who is who

@dataclass
class AuditUnit:
    """A unit of the audit: a department of the plan or of the registry, every name it goes by, its groups."""

    name: str
    spellings: set[str]
    groups: tuple[str, ...] = ()
    in_plan: bool = True


def audit_units(plan: Plan, registry: list[RegistryUnit]) -> list[AuditUnit]:
    """The plan's departments, joined with the registry's units (matched by name and abbreviation)."""
    names = [u.name for u in plan.units]
    level = level_of(names)
    aliases = alias_table()
    units: dict[str, AuditUnit] = {}
    by_core: dict[str, str] = {}
    for unit in plan.units:
        if unit.group:
            continue
        units[unit.name] = AuditUnit(unit.name, _spellings(unit.name, unit.variants, level, aliases))
        by_core[core(unit.name, level)] = unit.name
    for entry in registry:
        key = by_core.get(core(entry.name, level)) or next(
            (by_core[core(a, level)] for a in entry.aliases if core(a, level) in by_core), None)
        spellings = _spellings(entry.name, entry.aliases, level, aliases)
        if key:
            units[key].spellings |= spellings
            units[key].groups = entry.groups
        else:
            units[entry.name] = AuditUnit(entry.name, spellings, entry.groups, in_plan=False)
    return list(units.values())


def _spellings(name: str, others: tuple[str, ...], level: str, aliases: dict[str, str]) -> set[str]:
    """Every way a report may name a unit: 旗政数局, 政数局, 政务服务和数据管理局, 政务服务局 …"""
    found = {name, *others}
    for spelling in list(found):
        if level and spelling.startswith(level) and len(spelling) > 3:
            found.add(spelling[len(level):])
    standard = core(name, level)
    found.add(standard)
    found.update(alias for alias, std in aliases.items() if std == standard)
    return {s for s in found if len(s) >= 2}


def identify(document_texts: list[str], units: list[AuditUnit]) -> str | None:
    """The unit named in some texts: the longest spelling found wins."""
    best, best_length = None, 0
    for text in document_texts:
        normal = normalize(text)
        for unit in units:
            for spelling in unit.spellings:
                if len(spelling) > best_length and spelling in normal:
                    best, best_length = unit.name, len(spelling)
    return best


def named_units(texts: list[str], units: list[AuditUnit]) -> list[str]:
    """The units named in some texts, most often named first."""
    counts: Counter[str] = Counter()
    normals = [normalize(text) for text in texts]
    for unit in units:
        spellings = sorted(unit.spellings, key=len, reverse=True)
        counts[unit.name] = sum(1 for normal in normals if any(s in normal for s in spellings))
    return [name for name, count in counts.most_common() if count]


@dataclass(frozen=True)
class Sender:
    """Who sent a report, or, when that is not certain, the units it may come from."""

    unit: str | None
    candidates: tuple[str, ...] = ()


def sender(file_stem: str, paragraphs: list[str], title: str, units: list[AuditUnit]) -> Sender:
    """Who sent a report: the file name decides first (关于报送…（县司法局）), then the title lines and the
    signature. Never the addressee line at the top (县委依法治县办：) and never a unit merely named in the text
    (配合县委组织部…). Where the title and the signature name different units, or neither names one, the
    report is uncertain: its candidates are those two, or the units its text names most."""
    by_name = identify([file_stem], units)
    if by_name:
        return Sender(by_name)
    tail = max(1, len(paragraphs) - 3)  # a short report's signature is no title line
    heads = [p for p in map(normalize, paragraphs[:min(TITLE_PARAGRAPHS, tail)])
             if len(p) <= 60 and not p.rstrip().endswith(("：", ":")) and not re.search(r"[，。；]", p.rstrip("。"))]
    signature = [p for p in paragraphs[tail:] if len(normalize(p)) <= 30]
    by_title = identify([title], units) or identify(heads, units)
    by_signature = identify(signature, units)
    if by_title and by_signature and by_title != by_signature:
        return Sender(None, (by_title, by_signature))
    if by_title or by_signature:
        return Sender(by_title or by_signature)
    return Sender(None, tuple(named_units(paragraphs, units)[:CANDIDATES]))


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
    with progress(paths) if progress else nullcontext(paths) as items:
        for path in items:
            _read_one(path, units, result)
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


def _read_one(path: Path, units: list[AuditUnit], result: Folder) -> None:
    if path.suffix.lower() not in READERS | OLD_FORMATS:  # an old .doc gets read_document's advice to re-save
        result.skipped.append((str(path), f"“{shown(path.name)}”：不支持“{path.suffix or '无扩展名'}”格式，已跳过。"))
        return
    try:
        document = read_document(path)
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


def audit_plan(plan: Plan, units: list[AuditUnit], folder: Folder, government: Report | None = None) -> Audit:
    """Check each unit's assigned tasks against its own reports; units without reports owe them all."""
    if not any(t.lead_units or t.units for t in plan.tasks):
        raise InputError(f"计划“{plan.name}”中没有牵头单位或责任单位，无法按单位核查。请改用 tracker match。")
    pooled = [r for reports in folder.reports.values() for r in reports] + ([government] if government else [])
    results = assess_plan(plan, pooled)
    secondary = assess_plan(plan, [government]) if government else None
    rows = []
    for unit in units:
        assigned = _assigned(plan, unit)
        if not assigned:
            continue
        reports = folder.reports.get(unit.name, [])
        own = assess_plan(plan, reports) if reports else None
        tasks = []
        for seq, role in assigned:
            if own is None:
                tasks.append(UnitTask(seq=seq, role=role, status=NOT_SUBMITTED, missing="未报送年度报告"))
                continue
            result = own.tasks[seq - 1]
            tasks.append(_with_government(_unit_task(result, role, result.status),
                                          secondary.tasks[seq - 1] if secondary else None))
        rows.append(UnitResult(unit.name, False, tuple(tasks), tuple(r.path for r in reports)))
    groups = [u for u in units_from_results(results) if u.group]
    return Audit(results, rows + groups, folder)


def _assigned(plan: Plan, unit: AuditUnit) -> list[tuple[int, str]]:
    """The tasks a unit leads or shares, by name or through a group it belongs to (旗政府各部门)."""
    out = []
    for task in plan.tasks:
        role = _role(unit.name, task.lead_units, task.units) if unit.in_plan else None
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
