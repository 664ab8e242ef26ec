"""Last year beside this year: each task's final status in last year's ledger (or JSON), for the task that
matches best by title and content, and the tasks that got worse or stayed 未体现 two years running."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError
from .excel import REVIEW_COLUMN, TASKS
from .models import DONE, MISSING, NOT_SUBMITTED, PARTIAL, Results
from .status import status_from_label
from .text import normalize, shown

# Tasks of two years' plans are the same task when their wording agrees this much (0–100).
SAME_TASK = 60
RANK = {DONE: 2, PARTIAL: 1, MISSING: 0, NOT_SUBMITTED: 0}
WORSE, MISSING_TWICE, BETTER = "worse", "missing_twice", "better"
TREND_LABELS = {WORSE: "较上年退步", MISSING_TWICE: "连续两年未体现", BETTER: "较上年进步"}


@dataclass(frozen=True)
class PreviousTask:
    """A task of last year's results: its title, its text and its final status."""

    title: str
    text: str
    status: str


def read_previous(path: str | Path) -> list[PreviousTask]:
    """Last year's tasks from a ledger workbook (任务落实情况: 复核结论, else 系统判定) or a result JSON."""
    path = Path(path)
    name = shown(path.name)
    if not path.is_file():
        raise InputError(f"找不到上年台账“{shown(path)}”。请检查 --previous 后的路径。")
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".json"):
        raise InputError(f"“{name}”不是上年的台账：--previous 需要 tracker 生成的台账工作簿（.xlsx）或结果 JSON。")
    if path.suffix.lower() == ".json":
        from .frames import load_result

        try:
            return [PreviousTask(t["title"], " ".join(m.get("text", "") for m in t.get("measures", [])), t["status"])
                    for t in load_result(path).data["tasks"] if t.get("status") in RANK]
        except (KeyError, TypeError, AttributeError) as error:
            raise InputError(f"“{name}”不是 tracker 输出的结果 JSON。请改用上年的台账工作簿（.xlsx）。") from error
    from .ingest import open_workbook, sheet_values

    workbook, grid = open_workbook(path)
    if TASKS not in workbook.sheetnames:
        raise InputError(f"“{name}”中没有“{TASKS}”工作表，不像 tracker 生成的台账。请选择上年的台账工作簿。")
    rows = sheet_values(workbook[TASKS], grid)
    at = next((i for i, row in enumerate(rows[:10]) if "任务名称" in row and "系统判定" in row), None)
    if at is None:
        raise InputError(f"“{name}”的“{TASKS}”表中找不到“任务名称”和“系统判定”列。请选择上年的台账工作簿。")
    header = rows[at]
    column = {label: header.index(label) for label in ("任务名称", "任务内容", "系统判定", REVIEW_COLUMN) if label in header}
    out = []
    for row in rows[at + 1:]:
        def cell(label: str, row=row) -> str:
            index = column.get(label)
            return row[index].strip() if index is not None and index < len(row) and row[index] else ""

        status = status_from_label(cell(REVIEW_COLUMN)) or status_from_label(cell("系统判定"))
        if cell("任务名称") and status:
            out.append(PreviousTask(cell("任务名称"), cell("任务内容"), status))
    return out


def similarity(title: str, text: str, other: PreviousTask) -> float:
    """How alike two tasks read (0–100): their titles, and the words of their contents."""
    return _alike(_wording(title, text), _wording(other.title, other.text))


def _wording(title: str, text: str) -> tuple[str, str]:
    """A task's title, normalised, and its content words: worked out once per task."""
    from .lexicon import lexicon

    return normalize(title), " ".join(lexicon().tokens(title + text, remember=True))


def _alike(a: tuple[str, str], b: tuple[str, str]) -> float:
    from rapidfuzz import fuzz

    titles = fuzz.ratio(a[0], b[0])
    return max(titles, 0.5 * titles + 0.5 * fuzz.token_set_ratio(a[1], b[1]))


def with_previous(results: Results, previous: list[PreviousTask]) -> Results:
    """Each task with last year's final status for the task that matches it best (each of last year's tasks
    serves one task at most), and its trend: worse, 未体现 two years running, or better."""
    ours = [_wording(r.task.title, r.task.text) for r in results.tasks]
    theirs = [_wording(p.title, p.text) for p in previous]
    pairs = sorted(((_alike(a, b), i, j) for i, a in enumerate(ours) for j, b in enumerate(theirs)), reverse=True)
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for score, i, j in pairs:
        if score < SAME_TASK:
            break
        if i not in chosen and j not in used:
            chosen[i], _ = j, used.add(j)
    tasks = []
    for i, result in enumerate(results.tasks):
        if i not in chosen:
            tasks.append(result)
            continue
        last = previous[chosen[i]]
        now = result.final_status
        trend = (MISSING_TWICE if now == MISSING and last.status == MISSING
                 else WORSE if RANK.get(now, 0) < RANK[last.status]
                 else BETTER if RANK.get(now, 0) > RANK[last.status] else "")
        tasks.append(replace(result, previous_status=last.status, previous_title=last.title, trend=trend))
    return replace(results, tasks=tuple(tasks))
