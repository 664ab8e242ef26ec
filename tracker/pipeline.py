"""The entry points the command line calls: each reads inputs, runs the stages and writes results."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .assess import assess_plan, decide, prepare
from .audit import Audit, audit_plan, read_folder
from .checks import NOT_A_PLAN, NOT_A_REPORT, report_warnings
from .classify import load_plan, load_report, read_plan, read_report, seed_documents
from .deadlines import with_deadlines
from .errors import InputError, OutputError
from .excel import write_task_table
from .ingest import converted_together, read_document
from .ledger import LedgerInfo, ledger_title, write_ledger
from .models import Plan, Results, UnitResult
from .notice import NoticeInfo, owing_units, write_notice, write_unit_notice
from .output import Written, file_name, guard_outputs, write_json, write_safely
from .previous import read_previous, with_previous
from .resources import seeds_dir
from .review import apply_reviews, read_reviews
from .segment import split_report
from .senders import audit_units
from .text import shown
from .unit_results import units_from_results
from .units import load_registry


@dataclass
class ParseResult:
    plan: Plan
    written: list[Written]
    notes: list[str]


def parse(plan_path: str | Path, xlsx: str | Path | None = None, json_path: str | Path | None = None) -> ParseResult:
    """Parse a plan and write its task table and JSON where asked."""
    _guard(Outputs(xlsx, json_path), [plan_path])
    plan, notes = read_plan(plan_path)
    written = []
    if xlsx:
        written.append(write_safely(xlsx, lambda tmp: write_task_table(plan, tmp)))
    if json_path:
        written.append(write_json(json_path, plan.to_dict()))
    return ParseResult(plan, written, notes)


@dataclass
class MatchResult:
    results: Results
    units: list[UnitResult]
    written: list[Written]
    notes: list[str]


@dataclass(frozen=True)
class Papers:
    """The Word papers asked for: a 督查情况通报 and a folder of 督办通知, one per unit that owes work."""

    word: str | Path | None = None
    notices: str | Path | None = None
    info: NoticeInfo = field(default_factory=NoticeInfo)


@dataclass(frozen=True)
class Outputs:
    """What a run writes, and what it reads besides plan and reports to show its results: reviews to carry
    over (default: the workbook being replaced), the day deadlines are judged on, last year's results."""

    xlsx: str | Path | None = None
    json_path: str | Path | None = None
    review: str | Path | None = None
    papers: Papers | None = None
    as_of: date | None = None
    previous: str | Path | None = None

    def inputs(self) -> list:
        return [self.review, self.previous]


def match(plan_path: str | Path, report_paths: list[str | Path], out: Outputs = Outputs()) -> MatchResult:
    """Assess a plan against reports; carry reviews over; write the ledger, JSON and Word papers where asked."""
    _guard(out, [plan_path, *report_paths])
    report_paths, repeated = _distinct(report_paths)
    with converted_together([Path(plan_path), *map(Path, report_paths)]) as ready:
        plan, warnings = read_plan(plan_path, ready.get(Path(plan_path)))
        reports, plan_like = [], []
        for path in report_paths:
            report, notes = read_report(path, ready.get(Path(path)))
            reports.append(report)
            warnings += notes
            plan_like += [report.name] if notes else []
    if plan_like and any(NOT_A_PLAN in w for w in warnings):
        raise InputError(f"“{plan.name}”{NOT_A_PLAN}，“{plan_like[0]}”{NOT_A_REPORT}：计划和报告的顺序可能写反了。"
                         f"请先写计划，再写报告，例如：tracker match “{plan_like[0]}” “{plan.name}”。")
    prepared = prepare(plan, reports)
    if not prepared.related():
        names = "、".join(report.name for report in reports)
        raise InputError(f"报告（{names}）与计划“{plan.title}”没有任何对应内容，不像本计划的年度报告。请确认是否选错了文件。")
    results = decide(prepared)
    warnings += repeated + report_warnings(plan, reports) + _sanity(results)
    # The warnings go into the workbook's overview too: whoever receives only the workbook sees them.
    outcome = finish(results, out, "\n".join(warnings))
    outcome.notes[:0] = warnings
    return outcome


def _distinct(paths: list) -> tuple[list, list[str]]:
    """The reports given, each file read once: the same path twice, or the same bytes under two names, would
    count one report's sentences twice."""
    out, seen, notes = [], {}, []
    for path in paths:
        try:
            key = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            key = str(path)  # unreadable: read_report says why
        if key in seen:
            notes.append(f"注意：“{shown(Path(path).name)}”与“{shown(Path(seen[key]).name)}”是同一份文件，只读取一次。")
            continue
        seen[key] = path
        out.append(path)
    return out, notes


def _guard(out: Outputs, inputs: list, folder: str | Path | None = None) -> None:
    """Before any work: outputs are never inputs, never one file, a workbook is named .xlsx and a 通报 .docx,
    and the 督办通知 never go into the folder of reports being read."""
    if out.xlsx and Path(out.xlsx).suffix.lower() != ".xlsx":
        raise OutputError(f"工作簿文件名应以 .xlsx 结尾（现为“{shown(Path(out.xlsx).name)}”）。请改为例如“台账.xlsx”。")
    word = out.papers.word if out.papers else None
    if word and Path(word).suffix.lower() != ".docx":
        raise OutputError(f"通报文件名应以 .docx 结尾（现为“{shown(Path(word).name)}”）。请改为例如“督查通报.docx”。")
    notices = out.papers.notices if out.papers else None
    if notices and folder and Path(notices).resolve() == Path(folder).resolve():
        raise OutputError("督办通知不能保存到存放报告的文件夹中（下次核查会把它们当作报告读取）。请另选一个文件夹。")
    guard_outputs([out.xlsx, out.json_path, word], inputs + out.inputs())


def finish(results: Results, out: Outputs, note: str = "", units: list[UnitResult] | None = None,
           extra: dict | None = None) -> MatchResult:
    """Carry reviews over, mark deadlines and last year's statuses, write what is asked.

    units, when given (tracker audit), are judged on each unit's own reports; otherwise each unit's status is
    its task's, and the unit matrix follows the task sheet. extra is the audit's own JSON."""
    results, notes = carry_reviews(results, out)
    results, when = annotate(results, out)
    follow = units is None
    units = units_from_results(results) if units is None else units
    info = LedgerInfo(datetime.now(), tuple(r.name for r in results.reports), note, when)
    written = write_outputs(results, units, out, info, follow, extra)
    return MatchResult(results, units, written, notes)


def carry_reviews(results: Results, out: Outputs) -> tuple[Results, list[str]]:
    """The reviewer's conclusions from --review, or from the workbook about to be replaced."""
    if out.review and not Path(out.review).is_file():
        raise InputError(f"找不到复核意见工作簿“{out.review}”。请检查 --review 后的路径。")
    source = out.review or (out.xlsx if out.xlsx and Path(out.xlsx).exists() else None)
    if not source:
        return results, []
    imported = read_reviews(source)
    results, applied = apply_reviews(results, imported.reviews)
    notes = imported.skipped + applied
    if imported.reviews:
        notes.insert(0, f"已从“{Path(source).name}”带入 {len(imported.reviews)} 条复核意见。")
    return results, notes


def annotate(results: Results, out: Outputs) -> tuple[Results, date]:
    """Deadlines passed or not on the day of the results, and last year's status of each task."""
    results, when = with_deadlines(results, out.as_of)
    if out.previous:
        results = with_previous(results, read_previous(out.previous))
    return results, when


def write_outputs(results: Results, units: list[UnitResult], out: Outputs, info: LedgerInfo, follow: bool,
                  extra: dict | None = None) -> list[Written]:
    """The ledger, the JSON and the Word papers, each where asked, each safely."""
    written = []
    if out.xlsx:
        written.append(write_safely(out.xlsx, lambda tmp: write_ledger(results, units, tmp, info, follow)))
    if out.json_path:
        data = (extra | {"tasks": [t.to_dict() for t in results.tasks]} if extra is not None
                else results.to_dict() | {"units": [u.to_dict() for u in units]})
        written.append(write_json(out.json_path, data))
    papers = out.papers
    if papers and papers.word:
        written.append(write_safely(papers.word, lambda tmp: write_notice(results, units, tmp, papers.info)))
    if papers and papers.notices:
        for unit in owing_units(units, results.plan):
            written.append(write_safely(Path(papers.notices) / f"督办通知-{file_name(unit.unit)}.docx",
                                        lambda tmp, unit=unit: write_unit_notice(results, unit, tmp, papers.info)))
    return written


def _sanity(results: Results) -> list[str]:
    """Warn when a report and the plan have almost nothing in common (a wrong file, another year)."""
    if not results.reports:
        return []
    found = sum(1 for r in results.tasks if r.status != "missing")
    if found <= max(1, len(results.tasks) // 10):
        names = "、".join(r.name for r in results.reports)
        return [f"注意：报告（{names}）与计划几乎没有对应内容，只有 {found} 项任务找到佐证。请确认是否选对了文件。"]
    return []


def run(out_dir: str | Path) -> list[MatchResult | ParseResult]:
    """The main job on the sample documents: each plan against the reports of its own place and year. A plan
    with no such report gets its task table (任务分解表), not a ledger of tasks all 未报送."""
    plans, report_paths = seed_documents(seeds_dir())
    reports = [split_report(read_document(path)) for path in report_paths]
    done: list[MatchResult | ParseResult] = []
    for path in plans:
        plan = load_plan(path)
        own = [r for r in reports if r.region == plan.region and r.year == plan.year]
        if not own:
            target = Path(out_dir) / f"{file_name(plan.title)}任务分解表.xlsx"
            written = write_safely(target, lambda tmp, plan=plan: write_task_table(plan, tmp))
            note = (f"示例文件中没有{plan.region or ''}{plan.year or ''}年度的报告，只生成任务分解表；"
                    f"收到报告后可用 tracker match 核查。")
            done.append(ParseResult(plan, [written], [note]))
            continue
        results = assess_plan(plan, own)
        done.append(finish(results, Outputs(xlsx=Path(out_dir) / f"{file_name(ledger_title(results))}.xlsx")))
    return done


@dataclass
class AuditResult:
    audit: Audit
    outcome: MatchResult


def audit(plan_path: str | Path, folder: str | Path, units_csv: str | Path | None = None,
          government: str | Path | None = None, out: Outputs = Outputs(), progress=None) -> AuditResult:
    """Audit a folder of department reports unit by unit; write the ledger, JSON and Word papers where asked."""
    members = list(Path(folder).iterdir()) if Path(folder).is_dir() else []
    _guard(out, [plan_path, government, units_csv, *members], folder)
    plan = load_plan(plan_path)
    registry = load_registry(units_csv) if units_csv else []
    units = audit_units(plan, registry)
    secondary = load_report(government) if government else None
    own_files = tuple(Path(p) for p in (plan_path, government, units_csv, out.xlsx, out.json_path, *out.inputs()) if p)
    folder_result = read_folder(folder, units, exclude=own_files, progress=progress)
    if not folder_result.reports and not folder_result.unassigned:
        # Each file's own reason, so that the office knows what to fix (the first three, on the same line).
        reasons = "".join(reason for _, reason in folder_result.skipped[:3])
        more = f"另有 {len(folder_result.skipped) - 3} 个文件同样无法读取。" if len(folder_result.skipped) > 3 else ""
        raise InputError(f"文件夹“{folder}”中没有可读的报告（{len(folder_result.skipped)} 个文件无法读取）："
                         f"{reasons}{more}请放入 .docx、.pdf、.txt 或 .md 格式的年度报告后再试。")
    result = audit_plan(plan, units, folder_result, secondary)
    # A unit's report of another place or year is counted as the folder says, and said so, as match does.
    received = [r for reports in folder_result.reports.values() for r in reports] + ([secondary] if secondary else [])
    warnings = report_warnings(plan, received)
    outcome = finish(result.results, out, "\n".join([result.note(secondary is not None), *warnings]),
                     units=result.units, extra=result.to_dict())
    outcome.notes[:0] = warnings
    return AuditResult(result, outcome)
