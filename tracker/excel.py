"""Workbook styling shared by every sheet tracker writes, and the task table of a plan."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from .models import Plan, Task
from .resources import load_toml
from .status import STATUSES, status_colors

TEMPLATE = "workbook.toml"
# Fixed sheet names: other tools look for them.
OVERVIEW, TASKS, MATRIX, UNITS, REMINDERS = "总览", "任务落实情况", "单位矩阵", "单位汇总", "督办清单"
# Hidden columns of the task sheet that let a later run find each task and tell whether its wording changed.
KEY_COLUMNS = ("编号", "任务指纹")
REVIEW_COLUMN, NOTE_COLUMN = "复核结论", "复核说明"
CLAIM_COLUMN = "单位自报"
CONFIDENCE_COLUMN = "可信度"
PREVIOUS_COLUMN, TREND_COLUMN = "上年状态", "较上年变化"
DUE_COLUMN = "到期情况"
CONFIDENCE_LABELS = {"high": "高", "medium": "中", "low": "低·建议复核"}


@lru_cache(maxsize=1)
def template() -> dict:
    """The workbook template: texts, colours, fonts."""
    return load_toml(TEMPLATE)


def format_targets(task: Task) -> str:
    """Targets as one cell: 出庭应诉率达到98%；不少于60学时…"""
    return "；".join(target.text for target in task.targets)


class Styles:
    """Fonts, fills and borders built once from the template."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        spec = template()
        fonts, colors = spec["fonts"], spec["colors"]
        side = Side(style="thin", color=colors["border"])
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.title = Font(name=fonts["title"], size=fonts["title_size"], bold=True, color=colors["title"])
        self.header = Font(name=fonts["body"], size=fonts["header_size"], bold=True)
        self.body = Font(name=fonts["body"], size=fonts["body_size"])
        self.small = Font(name=fonts["body"], size=fonts["small_size"])
        self.bold = Font(name=fonts["body"], size=fonts["body_size"], bold=True)
        self.warning = Font(name=fonts["body"], size=fonts["body_size"], bold=True, color=colors["warning"])
        self.header_fill = PatternFill("solid", fgColor=colors["header_fill"])
        self.group_fill = PatternFill("solid", fgColor=colors["group_fill"])
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(vertical="top", wrap_text=True)
        self.status_fill = {s: PatternFill("solid", fgColor=status_colors(s)[0]) for s in STATUSES}
        self.status_font = {s: Font(name=fonts["body"], size=fonts["body_size"], bold=True,
                                    color=status_colors(s)[1]) for s in STATUSES}

    def paint_status(self, cell, status: str) -> None:
        """Give a cell the fill and font of a status."""
        cell.fill = self.status_fill[status]
        cell.font = self.status_font[status]
        cell.alignment = self.center


class Formula(str):
    """A formula tracker writes itself (=COUNTIF(…)). Only these become formulas: every other string is text.
    A formula never holds text from a document: it refers to the cells that hold such text."""


def append_row(sheet, values: list[object]) -> int:
    """Append a row; every string is stored as text, so a title like =1+1 or #N/A from a document, a file name
    or the registry is never a formula or an error value. Return the row's number."""
    sheet.append([v if isinstance(v, Formula) else as_text(v) if isinstance(v, str) else v for v in values])
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if isinstance(value, str) and value and not isinstance(value, Formula):
            sheet.cell(row=row, column=column).data_type = "s"
    return row


def quoted(text: str) -> str:
    """A constant of tracker's own (a status label, a sign) as a formula string literal."""
    return '"' + text.replace('"', '""') + '"'


def put_text(cell, value: str) -> None:
    """Set one cell to a string, stored as text (see append_row)."""
    cell.value = as_text(value)
    if value:
        cell.data_type = "s"


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def as_text(value: str) -> str:
    """A string a cell can hold: control characters a worksheet refuses are dropped, the length is capped."""
    return _ILLEGAL.sub("", value)[:32000]


def titled_sheet(sheet, styles: Styles, title: str, columns: list[str], widths: list[float]) -> int:
    """Write a merged title row and a header row; return the number of the first body row."""
    from openpyxl.utils import get_column_letter

    append_row(sheet, [title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    cell = sheet.cell(row=1, column=1)
    cell.font = styles.title
    cell.alignment = styles.center
    sheet.row_dimensions[1].height = 32
    append_row(sheet, columns)
    for col in range(1, len(columns) + 1):
        head = sheet.cell(row=2, column=col)
        head.font, head.fill, head.alignment, head.border = styles.header, styles.header_fill, styles.center, styles.border
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    return 3


def body_row(sheet, styles: Styles, values: list[object]) -> int:
    """Append a bordered, wrapped body row; return its number."""
    row = append_row(sheet, values)
    for col in range(1, len(values) + 1):
        cell = sheet.cell(row=row, column=col)
        cell.font, cell.border, cell.alignment = styles.body, styles.border, styles.wrap
    return row


def fit_rows(sheet, first: int, last: int | None = None) -> None:
    """Set row heights to show all wrapped text: neither Excel nor LibreOffice grows rows on opening."""
    from openpyxl.utils import get_column_letter

    from .text import display_width

    for row in range(first, (last or sheet.max_row) + 1):
        lines = 1
        for cell in sheet[row]:
            if cell.value is None or isinstance(cell.value, str) and cell.value.startswith("="):
                continue
            width = sheet.column_dimensions[get_column_letter(cell.column)].width or 8.43
            size = (cell.font.sz if cell.font and cell.font.sz else 10) / 10
            # A column width unit holds one digit; a Chinese character at 10 pt takes about 1.9 of them, and a
            # line about 14.5 pt in LibreOffice's CJK fonts (13 pt cut the last line of long quotes on paper).
            per_line = max(1.0, width / (1.9 * size))
            needed = sum(max(1, math.ceil(display_width(part) / 2 / per_line)) for part in str(cell.value).split("\n"))
            lines = max(lines, needed * size)
        sheet.row_dimensions[row].height = min(409.0, max(15.0, lines * 14.5 + 4))


def printable(sheet, columns: int, header_rows: str = "1:2", paper: str = "A4", freeze: str | None = "A3",
              filter_row: int | None = 2) -> None:
    """Landscape, fit to page width, header rows on every page, page numbers in the footer."""
    from openpyxl.utils import get_column_letter

    if freeze:
        sheet.freeze_panes = freeze
    if filter_row:
        sheet.auto_filter.ref = f"A{filter_row}:{get_column_letter(columns)}{max(filter_row, sheet.max_row)}"
    sheet.print_title_rows = header_rows
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3 if paper == "A3" else sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = template()["ledger"]["footer"]


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
    styles = Styles()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec["sheet"]
    titled_sheet(sheet, styles, spec["title"].format(title=plan.title), spec["columns"], spec["widths"])
    for values in task_table_rows(plan):
        body_row(sheet, styles, values)
    fit_rows(sheet, 3)
    printable(sheet, len(spec["columns"]))
    workbook.save(path)
