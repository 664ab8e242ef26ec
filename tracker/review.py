"""Reviewer corrections: read them back from a ledger workbook and carry them onto a new run's results."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError
from .excel import KEY_COLUMNS, NOTE_COLUMN, REVIEW_COLUMN, TASKS, template
from .ingest import open_workbook, sheet_values
from .models import Results, Review, row_value
from .status import status_from_label
from .text import shown


@dataclass
class ReviewImport:
    """Reviews found in a workbook, and what could not be read (one Chinese line each)."""

    reviews: list[Review]
    skipped: list[str]


def read_reviews(path: str | Path) -> ReviewImport:
    """Read 复核结论/复核说明 from a ledger's 任务落实情况 sheet; skip (and say) what cannot be read."""
    path = Path(path)
    name = shown(path.name)
    try:
        workbook, grid = open_workbook(path)
        formulas, _ = open_workbook(path, data_only=False)
    except InputError as error:
        return ReviewImport([], [f"{error}本次未带入复核意见。"])
    except Exception as error:  # a workbook edited into a broken shape is skipped, not fatal
        return ReviewImport([], [f"无法打开“{name}”读取复核意见（{type(error).__name__}），本次未带入复核意见。"])
    if TASKS not in workbook.sheetnames:
        return ReviewImport([], [f"“{name}”中没有“{TASKS}”工作表，本次未带入复核意见。"])
    rows = sheet_values(workbook[TASKS], grid)
    written = sheet_values(formulas[TASKS], grid)
    header_index = next((i for i, row in enumerate(rows[:10]) if "序号" in row and REVIEW_COLUMN in row), None)
    if header_index is None:
        return ReviewImport([], [f"“{name}”的“{TASKS}”表中找不到“序号”和“{REVIEW_COLUMN}”列，本次未带入复核意见。"])
    header = rows[header_index]
    column = {label: header.index(label) for label in ("序号", "任务名称", REVIEW_COLUMN, NOTE_COLUMN, *KEY_COLUMNS)
              if label in header}
    stale_mark = f"【{template()['ledger']['stale_review']}】"
    reviews, skipped = [], []
    for offset, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        def cell(label: str, row=row) -> str:
            return row_value(row, column.get(label))

        conclusion, note = cell(REVIEW_COLUMN), cell(NOTE_COLUMN).replace(stale_mark, "").strip()
        typed = row_value(written[offset - 1], column.get(REVIEW_COLUMN)) if offset - 1 < len(written) else ""
        if not conclusion and typed.startswith("="):
            skipped.append(f"第 {offset} 行的复核结论是公式（{typed[:30]}），没有可读取的结果，已跳过。"
                           f"请直接选择已落实、部分落实或未体现。")
            continue
        if not conclusion and not note:
            continue
        status = status_from_label(conclusion)
        if conclusion and status is None:
            skipped.append(f"第 {offset} 行的复核结论“{conclusion}”无法识别（应为已落实、部分落实或未体现），已跳过。")
            continue
        seq = cell("序号")
        if not seq.isdigit():
            skipped.append(f"第 {offset} 行没有有效的序号，其复核意见已跳过。")
            continue
        reviews.append(Review(seq=int(seq), no=cell("编号"), fingerprint=cell("任务指纹"), status=status, note=note,
                              stale=bool(cell(NOTE_COLUMN).startswith(stale_mark)), title=cell("任务名称")))
    return ReviewImport(reviews, skipped)


def apply_reviews(results: Results, reviews: list[Review]) -> tuple[Results, list[str]]:
    """Attach each review to its task: by the task's wording first, else by its number and title.

    A review matched by number and title whose task wording has changed is kept but marked stale
    (需重新复核). Reviews of tasks no longer in the plan are reported, not silently dropped.
    """
    by_fingerprint = {r.task.fingerprint: r.task.seq for r in results.tasks}
    by_key = {(r.task.no, r.task.title): r.task.seq for r in results.tasks}
    by_seq_title = {(r.task.seq, r.task.title): r.task.seq for r in results.tasks}
    attached: dict[int, Review] = {}
    notes = []
    for review in reviews:
        if review.fingerprint and review.fingerprint in by_fingerprint:
            attached[by_fingerprint[review.fingerprint]] = review  # still stale if marked so and not cleared
            continue
        seq = by_key.get((review.no, review.title)) or by_seq_title.get((review.seq, review.title))
        if seq is None:
            notes.append(f"序号 {review.seq}“{review.title}”的复核意见在本次计划中找不到对应任务，未带入。")
            continue
        attached[seq] = replace(review, stale=True)
    stale = sum(1 for r in attached.values() if r.stale)
    if stale:
        notes.append(f"{stale} 项任务的内容自复核后有变动，复核意见已保留并标注“{template()['ledger']['stale_review']}”。")
    tasks = tuple(replace(r, review=attached.get(r.task.seq)) for r in results.tasks)
    return replace(results, tasks=tasks), notes
