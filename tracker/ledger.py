"""The ledger workbook (台账) for supervision meetings: overview, tasks, unit matrix, unit summary, reminders."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from . import __version__
from .assess import ELSEWHERE, admitted_gap, missing_summary, unevidenced
from .deadlines import LABELS as DUE_LABELS
from .excel import (
    CLAIM_COLUMN,
    CONFIDENCE_COLUMN,
    CONFIDENCE_LABELS,
    DUE_COLUMN,
    KEY_COLUMNS,
    MATRIX,
    NOTE_COLUMN,
    OVERVIEW,
    PREVIOUS_COLUMN,
    REMINDERS,
    REVIEW_COLUMN,
    TASKS,
    TREND_COLUMN,
    UNITS,
    Formula,
    Styles,
    append_row,
    body_row,
    fit_rows,
    format_targets,
    printable,
    put_text,
    quoted,
    template,
    titled_sheet,
)
from .meta import beyond_reach, department_issuer
from .models import DONE, LEAD, MISSING, NOT_SUBMITTED, PARTIAL, Results, TaskResult, UnitResult
from .previous import TREND_LABELS
from .progress import UNSUPPORTED_CLAIM, claims_done
from .status import STATUSES, status_colors, status_label, status_sign
from .text import brief
from .unit_results import BASIS, OWN, SILENT, ranking, standing

MATRIX_TITLE_CHARS = 12


@dataclass(frozen=True)
class LedgerInfo:
    """What the overview says about where the results came from."""

    generated: datetime
    reports: tuple[str, ...]
    note: str = ""
    as_of: date | None = None  # the day deadlines are judged on


def ledger_title(results: Results) -> str:
    """The workbook's title, e.g. 乌拉特中旗2024年法治政府建设工作任务落实情况."""
    spec = template()["ledger"]
    plan = results.plan
    if plan.region and plan.year and not department_issuer(plan.title, plan.region):
        return spec["title"].format(region=plan.region, year=plan.year, plan=plan.title)
    return spec["title_without_place"].format(plan=plan.title)


@dataclass(frozen=True)
class TaskCells:
    """Where the task sheet keeps what the other sheets count, so that they count with formulas and follow a
    reviewer's 复核结论 in Excel, WPS and LibreOffice: the task rows and the letters of the columns."""

    first: int
    last: int
    letters: dict[str, str]

    def column(self, name: str) -> str:
        """A whole column of the task rows, as an absolute reference on the task sheet."""
        letter = self.letters[name]
        return f"'{TASKS}'!${letter}${self.first}:${letter}${self.last}"

    def cell(self, name: str, seq: int) -> str:
        """A task's value in a column, found by its 序号: a reviewer who sorts the task sheet (by 可信度, by unit)
        moves the rows, and a reference to a fixed row would then read another task's status."""
        return f"INDEX({self.column(name)},MATCH({seq},{self.column('序号')},0))"


def task_columns(results: Results) -> tuple[list[str], list[float]]:
    """The task sheet's visible columns and widths; 单位自报 only where a progress table was read."""
    spec = template()["ledger"]
    columns = list(spec["columns"]["tasks"])
    widths = list(spec["columns"]["tasks_widths"])
    if any(result.claim for result in results.tasks):
        at = columns.index("系统判定")
        columns.insert(at, CLAIM_COLUMN)
        widths.insert(at, 12)
    if any(result.previous_status for result in results.tasks):  # --previous: last year beside this year
        columns += [PREVIOUS_COLUMN, TREND_COLUMN]
        widths += [10, 14]
    return columns, widths


def write_ledger(results: Results, units: list[UnitResult], path: Path, info: LedgerInfo,
                 units_follow_tasks: bool = True) -> None:
    """Write the five-sheet ledger workbook. Counts are formulas over the final statuses; where each unit's
    status is its task's (tracker match), the unit matrix follows the task sheet too; where it comes from the
    unit's own report (tracker audit), the matrix holds it and the summary counts from the matrix."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    styles = Styles()
    title = ledger_title(results)
    columns, _ = task_columns(results)
    cells = TaskCells(3, 2 + len(results.tasks),
                      {name: get_column_letter(i) for i, name in enumerate(columns + list(KEY_COLUMNS), start=1)})
    workbook = Workbook()
    overview = workbook.active
    overview.title = OVERVIEW
    _overview(overview, styles, title, results, info, cells)
    _tasks(workbook.create_sheet(TASKS), styles, title, results)
    rows = _matrix(workbook.create_sheet(MATRIX), styles, title, results, units, cells if units_follow_tasks else None)
    _unit_summary(workbook.create_sheet(UNITS), styles, title, units, rows, 2 + len(results.tasks))
    _reminders(workbook.create_sheet(REMINDERS), styles, title, results, units)
    workbook.save(path)


# ---------------------------------------------------------------- 总览

def _overview(sheet, styles: Styles, title: str, results: Results, info: LedgerInfo, cells: TaskCells) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    width = 8
    append_row(sheet, [title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font, sheet["A1"].alignment = styles.title, styles.center
    sheet.row_dimensions[1].height = 32
    sources = [
        ("工作计划", f"《{results.plan.title}》（{results.plan.name}，{len(results.plan.tasks)} 项任务）"),
        ("年度报告", "、".join(info.reports) or "（无）"),
        ("生成时间", info.generated.strftime("%Y-%m-%d %H:%M")),
        ("到期判断日", f"{info.as_of:%Y-%m-%d}（完成时限早于此日的任务为“已到期”；可用 --as-of 指定）" if info.as_of else "—"),
        ("软件版本", f"tracker {__version__}"),
    ]
    if info.note:
        sources.append(("说明", info.note))
    append_row(sheet, [])
    for label, value in sources:
        append_row(sheet, [label, value])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)
        sheet.cell(row=row, column=1).font = styles.bold
        sheet.cell(row=row, column=2).font = styles.body
        sheet.cell(row=row, column=2).alignment = styles.wrap
    append_row(sheet, [])
    for line in template()["ledger"]["guide"]["lines"]:
        append_row(sheet, [line])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width + 6)
        sheet.cell(row=row, column=1).font = styles.small
        sheet.cell(row=row, column=1).alignment = styles.wrap
        sheet.row_dimensions[row].height = 26 if len(line) > 70 else 15
    counts = Counter(r.final_status for r in results.tasks)
    statuses = [s for s in STATUSES if s != NOT_SUBMITTED or counts[NOT_SUBMITTED]]
    append_row(sheet, [])
    start = _table(sheet, styles, ["状态", "任务数", "占比"],
                   [[status_label(s), counts[s], counts[s] / max(1, len(results.tasks))] for s in statuses]
                   + [["合计", len(results.tasks), 1.0 if results.tasks else 0.0]])
    final = cells.column("最终状态")
    total_row = start + len(statuses)
    for offset, status in enumerate(statuses):
        row = start + offset
        styles.paint_status(sheet.cell(row=row, column=1), status)
        sheet.cell(row=row, column=2).value = Formula(f"=COUNTIF({final},{quoted(status_label(status, sign=False))})")
        sheet.cell(row=row, column=3).value = Formula(f"=IF($B${total_row}=0,0,B{row}/$B${total_row})")
    for row in range(start, sheet.max_row + 1):
        sheet.cell(row=row, column=3).number_format = "0.0%"
    append_row(sheet, [])
    chart_statuses = statuses
    for heading, key in (("按部分统计", lambda r: [r.task.section or "（未分部分）"]),
                         ("按牵头单位统计", lambda r: list(r.task.lead_units) or ["（未列牵头单位）"])):
        groups: dict[str, Counter] = {}
        for result in results.tasks:
            for name in key(result):
                groups.setdefault(name, Counter())[result.final_status] += 1
        append_row(sheet, [heading])
        sheet.cell(row=sheet.max_row, column=1).font = styles.bold
        # Each grouping on a page of its own: its chart, as tall as the groups are many, is not cut by a page end.
        sheet.row_breaks.append(Break(id=sheet.max_row - 1))
        first = _table(sheet, styles, [heading[1:-2]] + [status_label(s, sign=False) for s in chart_statuses] + ["合计"],
                       [[name] + [c[s] for s in chart_statuses] + [sum(c.values())] for name, c in groups.items()])
        last = sheet.max_row
        by_lead = heading == "按牵头单位统计"
        source = cells.column("牵头单位" if by_lead else "所属部分")
        for row, name in zip(range(first, last + 1), groups, strict=True):
            # The group's name stands in column A: the formula refers to it and holds no document text.
            if name.startswith("（未"):
                member = f"({source}=\"\")"
            elif by_lead:
                member = f'ISNUMBER(FIND("、"&$A{row}&"、","、"&{source}&"、"))'
            else:
                member = f"({source}=$A{row})"
            for col in range(2, 2 + len(chart_statuses)):
                header = f"{get_column_letter(col)}${first - 1}"
                sheet.cell(row=row, column=col).value = Formula(f"=SUMPRODUCT({member}*({final}={header}))")
            end = get_column_letter(1 + len(chart_statuses))
            sheet.cell(row=row, column=2 + len(chart_statuses)).value = Formula(f"=SUM(B{row}:{end}{row})")
        chart = BarChart()
        chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
        chart.title = f"任务落实情况（{heading[1:]}）"
        chart.y_axis.title = "任务数"
        chart.add_data(Reference(sheet, min_col=2, max_col=1 + len(chart_statuses), min_row=first - 1, max_row=last),
                       titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
        for series, status in zip(chart.series, chart_statuses, strict=True):
            series.graphicalProperties.solidFill = status_colors(status)[0]
            series.graphicalProperties.line.solidFill = "808080"
        chart.x_axis.tickLblSkip = 1
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.height = max(7.0, 0.75 * (last - first + 1) + 3)
        chart.width = 18
        chart.x_axis.scaling.orientation = "maxMin"  # first group at the top, as in the table
        sheet.add_chart(chart, f"G{first - 1}")
        rows_needed = int(chart.height / 0.53) - (last - first + 2)
        for _ in range(max(1, rows_needed)):
            append_row(sheet, [])
    for col, w in zip("ABCDEFGH", (24, 12, 10, 10, 10, 10, 10, 10), strict=True):
        sheet.column_dimensions[col].width = w
    printable(sheet, width, header_rows="1:1", freeze=None, filter_row=None)


def _table(sheet, styles: Styles, header: list[str], rows: list[list[object]]) -> int:
    """Append a small bordered table; return the row number of its first body row."""
    append_row(sheet, header)
    row = sheet.max_row
    for col in range(1, len(header) + 1):
        cell = sheet.cell(row=row, column=col)
        cell.font, cell.fill, cell.alignment, cell.border = styles.header, styles.header_fill, styles.center, styles.border
    for values in rows:
        body_row(sheet, styles, values)
    return row + 1


# ---------------------------------------------------------------- 任务落实情况

def _tasks(sheet, styles: Styles, title: str, results: Results) -> None:
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    spec = template()["ledger"]
    columns, widths = task_columns(results)
    first = titled_sheet(sheet, styles, spec["tasks_title"].format(title=title), columns + list(KEY_COLUMNS),
                         widths + [8, 14])
    position = {name: i + 1 for i, name in enumerate(columns + list(KEY_COLUMNS))}
    system_col = get_column_letter(position["系统判定"])
    review_col = get_column_letter(position[REVIEW_COLUMN])
    for result in results.tasks:
        task = result.task
        review = result.review
        note = review.note if review else ""
        if review and review.stale:
            note = f"【{spec['stale_review']}】{note}"
        cells = {
            "序号": task.seq, "所属部分": task.section, "任务名称": task.title, "任务内容": task.text,
            "牵头单位": "、".join(task.lead_units), "责任单位": "、".join(task.units), "完成时限": task.deadline,
            DUE_COLUMN: f"{DUE_LABELS[result.due]}（{result.due_date}）" if result.due else "",
            "量化目标": _targets_cell(result), CLAIM_COLUMN: _claim_cell(result),
            "系统判定": status_label(result.status, sign=False), "匹配度": result.score,
            CONFIDENCE_COLUMN: CONFIDENCE_LABELS.get(result.confidence, ""), "佐证摘录": _quotes_cell(result),
            "未体现的措施": _missing_cell(result),
            REVIEW_COLUMN: status_label(review.status, sign=False) if review and review.status else "",
            NOTE_COLUMN: note, "最终状态": None, "编号": task.no, "任务指纹": task.fingerprint,
            PREVIOUS_COLUMN: status_label(result.previous_status, sign=False) if result.previous_status else "",
        }
        row = body_row(sheet, styles, [cells.get(name) for name in columns + list(KEY_COLUMNS)])
        if result.confidence:
            sure = sheet.cell(row=row, column=position[CONFIDENCE_COLUMN])
            sure.comment = Comment(result.confidence_reason, "tracker", 80, 240)
            sure.alignment = styles.center
            if result.confidence == "low":
                sure.font = styles.warning
        sheet.cell(row=row, column=position["最终状态"]).value = (
            f'=IF(TRIM({review_col}{row})="",{system_col}{row},{review_col}{row})')
        if TREND_COLUMN in position:
            final_cell = f"{get_column_letter(position['最终状态'])}{row}"
            last_cell = f"{get_column_letter(position[PREVIOUS_COLUMN])}{row}"
            sheet.cell(row=row, column=position[TREND_COLUMN]).value = _trend_formula(final_cell, last_cell)
            if result.previous_title:
                sheet.cell(row=row, column=position[PREVIOUS_COLUMN]).comment = Comment(
                    f"上年任务：{result.previous_title}", "tracker", 60, 200)
        styles.paint_status(sheet.cell(row=row, column=position["系统判定"]), result.status)
        styles.paint_status(sheet.cell(row=row, column=position["最终状态"]), result.final_status)
        sheet.cell(row=row, column=position["匹配度"]).number_format = "0%"
        sheet.cell(row=row, column=position["匹配度"]).alignment = styles.center
        sheet.cell(row=row, column=position["序号"]).alignment = styles.center
        sheet.cell(row=row, column=position["系统判定"]).comment = Comment(result.explanation, "tracker", 160, 320)
        if review and review.status:
            styles.paint_status(sheet.cell(row=row, column=position[REVIEW_COLUMN]), review.status)
        for name in ("佐证摘录", "未体现的措施", "量化目标"):
            sheet.cell(row=row, column=position[name]).font = styles.small
    last = max(first, sheet.max_row)
    labels = [status_label(s, sign=False) for s in STATUSES]
    validation = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="复核结论",
                                error="请从下拉列表中选择：" + "、".join(labels))
    validation.add(f"{review_col}{first}:{review_col}{last + 200}")
    sheet.add_data_validation(validation)
    final_range = f"{get_column_letter(position['最终状态'])}{first}:{get_column_letter(position['最终状态'])}{last + 200}"
    for status in STATUSES:
        sheet.conditional_formatting.add(final_range, CellIsRule(
            operator="equal", formula=[f'"{status_label(status, sign=False)}"'],
            fill=styles.status_fill[status], font=styles.status_font[status]))
    # Lamps: a task overdue and not done is red, one due within 30 days and not done yellow; they follow the
    # final status when a reviewer changes it.
    due, final = get_column_letter(position[DUE_COLUMN]), get_column_letter(position["最终状态"])
    done_label = quoted(status_label(DONE, sign=False))
    for label, color in ((DUE_LABELS["overdue"], spec["lamps"]["overdue"]), (DUE_LABELS["soon"], spec["lamps"]["soon"])):
        sheet.conditional_formatting.add(f"{due}{first}:{due}{last}", FormulaRule(
            formula=[f'AND(LEFT({due}{first},{len(label)})={quoted(label)},{final}{first}<>{done_label})'],
            fill=PatternFill("solid", fgColor=color), stopIfTrue=True))
    for name in KEY_COLUMNS:
        sheet.column_dimensions[get_column_letter(position[name])].hidden = True
    fit_rows(sheet, first, last)
    printable(sheet, len(columns), paper="A3", freeze="D3")
    sheet.print_area = f"A1:{get_column_letter(len(columns))}{last}"


def _trend_formula(final: str, last: str) -> Formula:
    """较上年退步 / 连续两年未体现 / 较上年进步, from this year's final status and last year's, in Excel."""
    labels = {status: quoted(status_label(status, sign=False)) for status in (DONE, PARTIAL, MISSING)}

    def rank(cell: str) -> str:
        return f"IF({cell}={labels[DONE]},2,IF({cell}={labels[PARTIAL]},1,0))"

    words = {key: quoted(label) for key, label in TREND_LABELS.items()}
    return Formula(f'=IF({last}="","",IF(AND({final}={labels[MISSING]},{last}={labels[MISSING]}),'
                   f'{words["missing_twice"]},IF({rank(final)}<{rank(last)},{words["worse"]},'
                   f'IF({rank(final)}>{rank(last)},{words["better"]},""))))')


def _claim_cell(result: TaskResult) -> str:
    """The unit's own claim, and the flag a 督查 office looks for where it says more than the evidence."""
    if result.claim and claims_done(result.claim) and result.status != DONE:
        return f"{result.claim}\n（{UNSUPPORTED_CLAIM}）"
    return result.claim


def _targets_cell(result: TaskResult) -> str:
    return "\n".join(f"{t.target.text}：{t.describe()}" for t in result.targets) or format_targets(result.task)


def _quotes_cell(result: TaskResult) -> str:
    quotes = "\n".join(f"【{e.report} · {e.location}】{e.text}" for e in result.evidence)
    if quotes and result.status == MISSING:  # a 未体现 task never shows a quote as if it were evidence
        return "（仅见相近表述，不作为落实依据）\n" + quotes
    return quotes


def _missing_cell(result: TaskResult, limit: int = 6) -> str:
    missing = unevidenced(result.measures, result.targets)
    lines = [f"· {brief(text, 36)}" for text in missing[:limit]]
    if len(missing) > limit:
        lines.append(f"……等共 {len(missing)} 项")
    if any(m.found == ELSEWHERE for m in result.measures):
        lines.append("（部分内容仅见于“存在的问题/下一步计划”）")
    return "\n".join(lines)


# ---------------------------------------------------------------- 单位矩阵

def _matrix(sheet, styles: Styles, title: str, results: Results, units: list[UnitResult],
            cells: TaskCells | None) -> dict[str, int]:
    """The units × tasks matrix; return each unit's row. With cells, a unit's mark follows its task's final
    status on the task sheet (牵头 & the status's sign), and conditional fills follow the marks."""
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    spec = template()
    roles = spec["roles"]
    tasks = [r.task for r in results.tasks]
    width = 2 + len(tasks)
    append_row(sheet, [spec["ledger"]["matrix_title"].format(title=title)])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font, sheet["A1"].alignment = styles.title, styles.center
    sheet.row_dimensions[1].height = 32
    append_row(sheet, ["单位", "类型"] + [t.seq for t in tasks])
    # A title longer than the row is cut with “…”: its whole text is in the comment of its number.
    append_row(sheet, ["", ""] + [t.title if len(t.title) <= MATRIX_TITLE_CHARS else t.title[:MATRIX_TITLE_CHARS - 1] + "…"
                                  for t in tasks])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    for row in (2, 3):
        for col in range(1, width + 1):
            cell = sheet.cell(row=row, column=col)
            cell.font = styles.header if row == 2 else styles.small
            cell.fill, cell.border = styles.header_fill, styles.border
            cell.alignment = styles.center if row == 2 or col <= 2 else Alignment(
                horizontal="center", vertical="top", textRotation=255, wrap_text=False)
    for col, task in enumerate(tasks, start=3):
        sheet.cell(row=2, column=col).comment = Comment(f"{task.no} {task.title}", "tracker", 60, 200)
    sheet.row_dimensions[3].height = 14.5 * MATRIX_TITLE_CHARS + 8  # a rotated character takes a line's height
    column_of = {t.seq: i for i, t in enumerate(tasks, start=3)}
    rows: dict[str, int] = {}
    for group in (False, True):
        members = [u for u in units if u.group == group]
        if group and members:
            append_row(sheet, ["单位群组（泛指多个单位，供参考）"])
            row = sheet.max_row
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            sheet.cell(row=row, column=1).font, sheet.cell(row=row, column=1).fill = styles.bold, styles.group_fill
        for unit in members:
            append_row(sheet, [unit.unit, "群组" if unit.group else "单位"])
            row = sheet.max_row
            rows[unit.unit] = row
            for col in range(1, width + 1):
                cell = sheet.cell(row=row, column=col)
                cell.border, cell.font, cell.alignment = styles.border, styles.body, styles.center
            sheet.cell(row=row, column=1).alignment = styles.wrap
            for item in unit.tasks:
                cell = sheet.cell(row=row, column=column_of[item.seq])
                role = roles["lead"] if item.role == LEAD else roles["responsible"]
                put_text(cell, role + status_sign(item.status))
                if cells is not None:
                    cell.value = _mark_formula(role, cells.cell("最终状态", item.seq))
                styles.paint_status(cell, item.status)
                cell.font = styles.small if item.role != LEAD else styles.status_font[item.status]
    if cells is not None and rows:
        body = f"C4:{get_column_letter(width)}{sheet.max_row}"
        for status in STATUSES:
            sign = quoted(status_sign(status))
            sheet.conditional_formatting.add(body, FormulaRule(formula=[f"RIGHT(C4,1)={sign}"],
                                                               fill=styles.status_fill[status]))
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 6
    for col in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 5.2
    printable(sheet, width, header_rows="1:3", paper="A3", freeze="C4", filter_row=None)
    return rows


def _mark_formula(role: str, final: str) -> Formula:
    """牵头√ from the role and the task's final status: the sign of whichever status label the cell holds."""
    mark = quoted("")
    for status in reversed(STATUSES):
        mark = f"IF({final}={quoted(status_label(status, sign=False))},{quoted(status_sign(status))},{mark})"
    return Formula(f"={quoted(role)}&{mark}")


# ---------------------------------------------------------------- 单位汇总

def _unit_summary(sheet, styles: Styles, title: str, units: list[UnitResult], matrix_rows: dict[str, int],
                  matrix_last_column: int) -> None:
    """Units with their counts and rates, counted with formulas from their row of the matrix."""
    from openpyxl.utils import get_column_letter

    spec = template()["ledger"]
    columns = spec["columns"]["units"]
    titled_sheet(sheet, styles, spec["units_title"].format(title=title), columns, spec["columns"]["units_widths"])
    rate_column = columns.index("完成率") + 1
    ranked: list[int] = []
    for rank, unit in ranking(units) + [(None, u) for u in units if u.group]:
        place = standing(unit)
        shown_rank = rank if rank is not None else "未报送" if place == SILENT else "—"
        row = body_row(sheet, styles, [
            shown_rank, unit.unit, "群组" if unit.group else "单位",
            sum(1 for t in unit.tasks if t.role == LEAD), sum(1 for t in unit.tasks if t.role != LEAD),
            unit.count(DONE), unit.count(PARTIAL), unit.count(MISSING), unit.count(NOT_SUBMITTED), unit.rate,
            _basis_cell(unit, place),
        ])
        marks = f"'{MATRIX}'!$C${matrix_rows[unit.unit]}:${get_column_letter(matrix_last_column)}${matrix_rows[unit.unit]}"
        for col, status in zip((6, 7, 8, 9), (DONE, PARTIAL, MISSING, NOT_SUBMITTED), strict=True):
            sign = status_sign(status)
            sheet.cell(row=row, column=col).value = Formula(f"=COUNTIF({marks},{quoted('*' + sign)})")
        sheet.cell(row=row, column=rate_column).value = Formula(f"=IF(D{row}+E{row}=0,0,(F{row}+0.5*G{row})/(D{row}+E{row}))")
        if rank is not None:
            ranked.append(row)
        sheet.cell(row=row, column=rate_column).number_format = "0.0%"
        for col in (1, 3, 4, 5, 6, 7, 8, 9, 10):
            sheet.cell(row=row, column=col).alignment = styles.center
        if unit.group:
            for col in range(1, len(columns) + 1):
                sheet.cell(row=row, column=col).fill = styles.group_fill
    if ranked:  # the ranked units stand first, together: their rank follows their rate
        rate = get_column_letter(rate_column)
        for row in ranked:
            sheet.cell(row=row, column=1).value = Formula(f"=RANK({rate}{row},${rate}${ranked[0]}:${rate}${ranked[-1]})")
    printable(sheet, len(columns))


def reminder(unit: str, result: TaskResult, role: str, lacking: str) -> str:
    """The 督办提示 for a task a unit still owes: what to report, and the gap its report admits, quoted."""
    task = result.task
    deadline = f"，完成时限：{task.deadline}" if task.deadline else ""
    text = f"请{unit}对照{task.reference}“{task.title}”（{role}单位{deadline}），补充落实并报送：{lacking}。"
    gap = admitted_gap(result)
    if gap:
        text += f"报告在“存在的问题”中提到：“{gap.rstrip('。')}”，请说明整改措施和进展。"
    return text


def _basis_cell(unit: UnitResult, place: str) -> str:
    if unit.group:
        return "、".join(unit.basis)
    if place == OWN:
        return "本单位报告：" + "、".join(Path(r).name for r in unit.reports)
    if place == BASIS:
        return "未单独报送，依据：" + "、".join(unit.basis)
    return "未报送年度报告"


# ---------------------------------------------------------------- 督办清单

def _reminders(sheet, styles: Styles, title: str, results: Results, units: list[UnitResult]) -> None:
    spec = template()
    columns = spec["ledger"]["columns"]["reminders"]
    titled_sheet(sheet, styles, spec["ledger"]["reminders_title"].format(title=title), columns,
                 spec["ledger"]["columns"]["reminders_widths"])
    by_seq = {r.task.seq: r for r in results.tasks}
    for unit in [u for u in units if not u.group] + [u for u in units if u.group]:
        if beyond_reach(results.plan.title, unit.unit):
            continue
        for item in unit.tasks:
            if item.status == DONE:
                continue
            task = by_seq[item.seq].task
            role = spec["roles"]["lead"] if item.role == LEAD else spec["roles"]["responsible"]
            lacking = item.missing or missing_summary(by_seq[item.seq])
            if item.status == NOT_SUBMITTED:
                lacking = "未报送年度报告"
                prompt = (f"请{unit.unit}尽快报送年度法治政府建设工作报告，并说明{task.reference}"
                          f"“{task.title}”的落实情况（{role}单位）。")
            else:
                prompt = reminder(unit.unit, by_seq[item.seq], role, lacking)
            row = body_row(sheet, styles, [unit.unit, role, task.seq, task.title, status_label(item.status),
                                           task.deadline, lacking, prompt])
            styles.paint_status(sheet.cell(row=row, column=5), item.status)
            sheet.cell(row=row, column=3).alignment = styles.center
    fit_rows(sheet, 3)
    printable(sheet, len(columns))
