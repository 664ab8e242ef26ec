"""Workbooks: the task table of a plan (and, with matching, the ledger), styled from templates/workbook.toml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .models import Plan, Task
from .resources import load_toml

TEMPLATE = "workbook.toml"


@lru_cache(maxsize=1)
def template() -> dict:
    """The workbook template: texts, colours, fonts."""
    return load_toml(TEMPLATE)


def format_targets(task: Task) -> str:
    """Targets as one cell: 出庭应诉率达到98%；不少于60学时…"""
    return "；".join(target.text for target in task.targets)


def task_table_rows(plan: Plan) -> list[list[object]]:
    """One row per task, in the order of the task table columns."""
    return [
        [task.seq, task.no, task.section, task.title, task.text, "、".join(task.lead_units), "、".join(task.units),
         task.deadline, format_targets(task)]
        for task in plan.tasks
    ]


def write_task_table(plan: Plan, path: Path) -> None:
    """Write the plan's task table: a titled sheet with Chinese headers, easy to correct by hand."""
    from openpyxl import Workbook

    spec = template()["task_table"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec["sheet"]
    styled_table(sheet, spec["title"].format(title=plan.title), spec["columns"], spec["widths"],
                 task_table_rows(plan))
    workbook.save(path)


def styled_table(sheet, title: str, columns: list[str], widths: list[float], rows: list[list[object]]) -> None:
    """Fill a sheet with a merged title row, a header row and wrapped body rows, ready to print."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    spec = template()
    fonts, colors = spec["fonts"], spec["colors"]
    side = Side(style="thin", color=colors["border"])
    border = Border(left=side, right=side, top=side, bottom=side)
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    cell = sheet.cell(row=1, column=1)
    cell.font = Font(name=fonts["title"], size=fonts["title_size"], bold=True, color=colors["title"])
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 32
    sheet.append(columns)
    for col, _ in enumerate(columns, start=1):
        head = sheet.cell(row=2, column=col)
        head.font = Font(name=fonts["body"], size=fonts["header_size"], bold=True)
        head.fill = PatternFill("solid", fgColor=colors["header_fill"])
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        head.border = border
    body_font = Font(name=fonts["body"], size=fonts["body_size"])
    for values in rows:
        sheet.append(values)
        for col in range(1, len(columns) + 1):
            cell = sheet.cell(row=sheet.max_row, column=col)
            cell.font = body_font
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{max(2, sheet.max_row)}"
    sheet.print_title_rows = "1:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
