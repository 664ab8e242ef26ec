"""Progress tables (重点任务完成情况统计表): a table that each lead unit fills in row by row, read as a report.

Each row names a task (序号, 工作任务) and says what was done (完成情况); often also the unit's own claim
(完成进度: 已完成 / 推进中 / 未启动) and its supporting papers (佐证材料). The 完成情况 text is evidence for the
row's own task only; the claim is shown beside tracker's judgement and never taken as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .deadlines import PERIOD
from .models import Table, Task, row_value
from .text import normalize
from .units import is_placeholder

# Header words, checked in this order: 完成进度 is a claim, 完成情况 the text, 工作任务 the task. A self-assessment
# sheet (评分项目 | 评分标准 | 分值 | 自评分 | 自评说明) is one too: 自评分 is the claim, 自评说明 the text.
_CLAIM = re.compile(r"进度|状态|是否完成|自评(?!说明|情况)|完成程度")
_PROGRESS = re.compile(r"情况|进展|成效|完成内容|说明")
_TASK = re.compile(r"任务|工作内容|事项|项目")
_NUMBER = re.compile(r"^(?:序号|编号|序)$")
# A ledger's columns of what is still wrong and what comes next (存在问题 | 下步措施): read as the report's problems
# and plans, bound to the row's task.
_PROBLEM = re.compile(r"问题|不足|困难|短板")
_PLAN = re.compile(r"下一?步|打算|下阶段|明年")
_PAPERS = re.compile(r"佐证|材料|附件")
# Remarks (备注) beside a 完成情况 column say more of the same (已完成 | 6月印发并公布; 未完成 | 顺延至下年): read as the
# rest of its sentence. Alone they make no progress table (a plan's task table has its 备注 too).
_REMARKS = re.compile(r"^备\s*注$")
# A ledger by period (工作任务 | 一季度 | 二季度 | … | 年度完成情况): each period's column tells what was done then.
_PERIOD = re.compile(rf"^(?:{PERIOD})(?:进展|完成情况|工作|进度)?$")
# A column whose every cell is a status word (已完成 / 基本完成 / 未完成), whatever its name (年度完成情况): the unit's
# own claim, not what was done.
_STATUS_WORD = re.compile(r"^(?:已|基本|全面|部分|未|尚未|正在)?(?:完成|落实|办结|启动|推进中?|进行中?)$|^[√✓✔×]$")
HEADER_ROWS = 4
# A plan's task table may carry an empty 完成情况 column for units to fill: only a filled one is a report.
FILLED_SHARE = 0.5

UNSUPPORTED_CLAIM = "自报已完成，佐证不足"
DONE_CLAIM = re.compile(r"^(?:已?完成|已办结|已落实|全面完成|完成率?100%|100%|[√✓✔]|是$)")  # √, 是: a 是否完成 column
_UNDONE_CLAIM = re.compile(r"未|正在|推进|进行|持续|部分")


@dataclass(frozen=True)
class Columns:
    header: int  # index of the header row
    task: int
    progress: int
    number: int | None = None
    claim: int | None = None
    later: tuple[int, ...] = ()  # further columns of what was done (二季度进展 … 全年完成情况), left to right
    problem: int | None = None
    plan: int | None = None
    remarks: int | None = None


@dataclass(frozen=True)
class Row:
    """One filled row: where it stands, the task it reports on, what was done and what the unit claims."""

    location: str
    task: str
    progress: str
    claim: str = ""
    problem: str = ""
    plan: str = ""


def progress_columns(table: Table) -> Columns | None:
    """The columns of a progress table, or None when the table is not one (or its 完成情况 column is empty)."""
    for index, row in enumerate(table.rows[:HEADER_ROWS]):
        found: dict[str, int] = {}
        later: list[int] = []
        for column, cell in enumerate(row):
            label = normalize(cell).replace(" ", "")
            if not label or len(label) > 12:
                continue
            if _PAPERS.search(label) and not _PROGRESS.search(label):  # 自评说明（佐证材料） is the text
                continue
            kind = ("remarks" if _REMARKS.match(label) else "number" if _NUMBER.match(label)
                    else "claim" if _CLAIM.search(label) else "problem" if _PROBLEM.search(label)
                    else "plan" if _PLAN.search(label)
                    else "progress" if _PROGRESS.search(label) or _PERIOD.match(label)
                    else "task" if _TASK.search(label) else None)
            if kind and kind not in found:
                found[kind] = column
            elif kind == "progress":
                later.append(column)
        body = table.rows[index + 1:]
        told = [c for c in (found.get("progress"), *later) if c is not None]
        claims = [c for c in told if _only_status_words(body, c)]
        if claims and len(claims) < len(told):
            found["claim"] = found.get("claim", claims[0])
            told = [c for c in told if c not in claims]
            found["progress"], later = told[0], told[1:]
        if "task" in found and "progress" in found:
            columns = Columns(index, found["task"], found["progress"], found.get("number"), found.get("claim"),
                              tuple(later), found.get("problem"), found.get("plan"), found.get("remarks"))
            filled = sum(1 for r in body if progress_text(r, columns))
            return columns if body and filled >= FILLED_SHARE * len(body) else None
    return None


def _only_status_words(body: tuple[tuple[str, ...], ...], column: int) -> bool:
    cells = [normalize(row[column]).replace(" ", "") for row in body if column < len(row) and row[column].strip()]
    return bool(cells) and all(_STATUS_WORD.match(cell) for cell in cells)


def progress_text(row: list[str], columns: Columns) -> str:
    """What a row says was done: its 完成情况, or its quarters' 进展 one after another, each a sentence of its own
    (制定方案。审核规范性文件5件。…)."""
    texts = list(dict.fromkeys(text for column in (columns.progress, *columns.later) if (text := row_value(row, column))))
    said = "".join(texts) if len(texts) <= 1 else "".join(
        text if text[-1] in "。；;！!" else f"{text}。" for text in texts).rstrip("。")
    remarks = row_value(row, columns.remarks)
    if said and remarks and not is_placeholder(remarks):
        return f"{said.rstrip('。；;')}，{remarks}"
    return said


def progress_rows(table: Table, columns: Columns) -> list[Row]:
    """The rows of a progress table that report on a task, in order."""
    out = []
    for number, row in enumerate(table.rows[columns.header + 1:], start=columns.header + 2):
        task, progress = row_value(row, columns.task), progress_text(row, columns)
        if not task or not progress or task == progress:
            continue  # a section row spans all columns with one text
        label = row_value(row, columns.number)
        out.append(Row(location=f"表格第{number}行", task=f"{label} {task}".strip(), progress=progress,
                       claim=row_value(row, columns.claim), problem=_said(row_value(row, columns.problem)),
                       plan=_said(row_value(row, columns.plan))))
    return out


def _said(cell: str) -> str:
    """A cell's text, empty where it is left as 无, — or /."""
    return "" if is_placeholder(cell) else cell


def claims_done(claim: str) -> bool:
    """Whether a unit's own claim says the task is finished (已完成, 完成, 100%)."""
    normal = normalize(claim).replace(" ", "")
    return bool(DONE_CLAIM.match(normal)) and not _UNDONE_CLAIM.search(normal)


_SEVERAL_LABELS = re.compile(r"^((?:[（(][一二三四五六七八九十百\d]{1,4}[）)][、，,]?|\d{1,3}[、，,])+)\s*")


def owners(row_task: str, tasks: tuple[Task, ...] | list[Task]) -> frozenset[int]:
    """The plan tasks a row reports on: one, or several where the row names several by their numbers ((三)(四)
    规范涉企行政检查；深化…改革) or by titles set apart by ；. Empty when no title is close enough."""
    normal = normalize(row_task)
    labels = _SEVERAL_LABELS.match(normal)
    numbers = re.findall(r"[（(]([^（）()]+)[）)]|(\d{1,3})[、，,]", labels.group(1)) if labels else []
    if len(numbers) >= 2:
        named = {normalize(a or b) for a, b in numbers}
        found = {task.seq for task in tasks if normalize(task.no).strip("（）()、.") in named}
        if len(found) == len(named):
            return frozenset(found)
    parts = [part for part in re.split(r"[；;]", normal) if part.strip()]
    if len(parts) >= 2:
        found = {owner(part, tasks) for part in parts} - {None}
        if len(found) >= 2:
            return frozenset(found)
    one = owner(row_task, tasks)
    # A row that names its task and more work beside it (履行法治建设第一责任人职责，抓好领导干部学法和全镇普法: two
    # tasks of the plan in the row's own words) binds its text to no single task.
    clauses = [part for part in re.split(r"[，,；;]", normal) if len(part.strip()) >= 4]
    if one is not None and len(clauses) >= 2 and any(owner(part, tasks) is None for part in clauses):
        return frozenset()
    return frozenset() if one is None else frozenset({one})


def owner(row_task: str, tasks: tuple[Task, ...] | list[Task]) -> int | None:
    """The plan task a row reports on: the one whose title the row's task text holds best, a matching
    number breaking ties; None when no title is close enough. A composite number that is the plan's own
    (3-3, 2.1: part and task) names its task whatever the row calls it (执法人员培训)."""
    from rapidfuzz import fuzz

    normal = normalize(row_task)
    composite = re.match(r"^(\d{1,2}[-.－]\d{1,2})(?![\d.－-])", normal)
    if composite:
        named = [task.seq for task in tasks if normalize(task.no) == composite.group(1)]
        if len(named) == 1:
            return named[0]
    label = re.match(r"^(\d{1,3})\s", normal)
    best, best_score = None, 0.0
    for task in tasks:
        score = fuzz.partial_ratio(normalize(task.title), normal) if task.title else 0.0
        if label and int(label.group(1)) == task.seq:
            score += 10
        if score > best_score:
            best, best_score = task.seq, score
    return best if best_score >= 70 else None
