"""Deadlines as dates, and whether they have passed: the lamps of a supervision ledger (已到期 / 30天内到期).

A deadline is read as the last day it allows: 2025年9月底前 → 2025-09-30, 6月底 → June 30 of the plan's year,
年底前 → December 31, 3月1日之前 → March 1, 上半年 → June 30, 三季度 or Q3 → September 30. 长期坚持 and 持续推进 have no date.
Where a task names several deadlines (一季度…；年底前…), the latest counts: the task is due when all its parts are.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .numbering import chinese_number

# A period of the year that names a column of milestones or of progress (一季度, 第三季度, 上半年, 3月, 1—6月).
PERIOD = r"第?[一二三四1-4]季度|[上下]半年|\d{1,2}(?:[-—至]\d{1,2})?月份?"

OVERDUE, SOON, LATER = "overdue", "soon", "later"
SOON_DAYS = 30
LABELS = {OVERDUE: "已到期", SOON: "30天内到期", LATER: "未到期"}

_FULL = re.compile(r"(?:(20\d\d)\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(底|末|中旬|上旬|下旬))?")
_YEAR_END = re.compile(r"(?:(20\d\d)\s*年)?\s*(?:年底|年末|年内|年前|年度内|全年完成)|(20\d\d)\s*年(?:之前|以前|前)")
_HALF = re.compile(r"(?:(20\d\d)\s*年)?\s*(上|下)半年")
_QUARTER = re.compile(r"(?:(20\d\d)\s*年)?\s*(?:(?:第)?([一二三四1-4])\s*季度|[Qq]([1-4])(?![0-9]))")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def deadline_date(text: str, year: int | None) -> date | None:
    """The last day a deadline allows, or None for 长期坚持, 持续推进 or text without a time."""
    if not text:
        return None
    found: list[date] = []
    fallback = year or date.today().year
    for match in _FULL.finditer(text):
        y = int(match.group(1)) if match.group(1) else fallback
        month = int(match.group(2))
        if not 1 <= month <= 12:
            continue
        if match.group(3):
            day = min(int(match.group(3)), calendar.monthrange(y, month)[1])
            found.append(date(y, month, day))
        elif match.group(4) in ("上旬",):
            found.append(date(y, month, 10))
        elif match.group(4) in ("中旬",):
            found.append(date(y, month, 20))
        else:
            found.append(_month_end(y, month))
    for match in _HALF.finditer(text):
        y = int(match.group(1)) if match.group(1) else fallback
        found.append(date(y, 6, 30) if match.group(2) == "上" else date(y, 12, 31))
    for match in _QUARTER.finditer(text):
        y = int(match.group(1)) if match.group(1) else fallback
        number = match.group(2) or match.group(3)
        quarter = int(number) if number.isdigit() else chinese_number(number)
        found.append(_month_end(y, 3 * quarter))
    for match in _YEAR_END.finditer(text):
        y = match.group(1) or match.group(2)
        found.append(date(int(y) if y else fallback, 12, 31))
    return max(found) if found else None


def standing(due: date | None, as_of: date) -> str:
    """overdue, soon (within 30 days) or later; "" when there is no date."""
    if due is None:
        return ""
    if due < as_of:
        return OVERDUE
    return SOON if (due - as_of).days <= SOON_DAYS else LATER


def with_deadlines(results, as_of: date | None = None):
    """Results whose tasks say whether their deadline has passed on as_of: by default the date the latest
    report was signed, else today."""
    from dataclasses import replace

    signed = [date.fromisoformat(r.date) for r in results.reports if r.date]
    when = as_of or (max(signed) if signed else date.today())
    tasks = []
    for result in results.tasks:
        due = deadline_date(result.task.deadline, results.plan.year)
        tasks.append(replace(result, due=standing(due, when), due_date=due.isoformat() if due else ""))
    return replace(results, tasks=tuple(tasks)), when
