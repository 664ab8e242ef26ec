"""Deadlines as dates and the lamps of the ledger: 已到期 and not done is red, due within 30 days yellow."""

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tracker.cli import cli
from tracker.deadlines import deadline_date, standing

CORPUS = Path(__file__).parent / "corpus" / "hongshan-sfj-2025"


@pytest.mark.parametrize("text, expected", [
    ("2025年9月底前", date(2025, 9, 30)), ("6月底前", date(2025, 6, 30)), ("年底前", date(2025, 12, 31)),
    ("3月1日之前", date(2025, 3, 1)), ("上半年", date(2025, 6, 30)), ("三季度末", date(2025, 9, 30)),
    ("一季度完成排查；年底前全面完成", date(2025, 12, 31)), ("11月中旬", date(2025, 11, 20)),
    ("Q2", date(2025, 6, 30)), ("2026年Q1", date(2026, 3, 31)), ("12 月", date(2025, 12, 31)),
    ("长期坚持", None), ("持续推进", None), ("", None),
])
def test_a_deadline_is_the_last_day_it_allows(text, expected):
    assert deadline_date(text, 2025) == expected


def test_standing_on_a_day():
    assert standing(date(2025, 9, 30), date(2025, 10, 1)) == "overdue"
    assert standing(date(2025, 9, 30), date(2025, 9, 15)) == "soon"
    assert standing(date(2025, 12, 31), date(2025, 9, 15)) == "later"
    assert standing(None, date(2025, 9, 15)) == ""


def test_overdue_tasks_are_named_and_lit_in_the_ledger(runner, tmp_path):
    out, data_path = tmp_path / "台账.xlsx", tmp_path / "r.json"
    result = runner.invoke(cli, ["match", str(CORPUS / "hongshan-sfj-2025-plan.docx"),
                                 str(CORPUS / "hongshan-sfj-2025-report.docx"), "--as-of", "2025年10月15日",
                                 "-o", str(out), "--json", str(data_path)])
    assert result.exit_code == 0, result.output
    tasks = {t["seq"]: t for t in json.loads(data_path.read_text(encoding="utf-8"))["tasks"]}
    assert tasks[4]["due"] == "overdue" and tasks[4]["due_date"] == "2025-09-30"
    assert tasks[16]["due"] == "soon" and tasks[16]["due_date"] == "2025-10-31"
    assert tasks[1]["due"] == ""
    overdue = [s for s, t in tasks.items() if t["due"] == "overdue" and t["status"] != "done"]
    assert f"已过完成时限仍未落实 {len(overdue)} 项" in result.output
    sheet = openpyxl.load_workbook(out)["任务落实情况"]
    header = [c.value for c in sheet[2]]
    due = header.index("到期情况") + 1
    assert sheet.cell(row=2 + 4, column=due).value == "已到期（2025-09-30）"
    rules = [r for rng in sheet.conditional_formatting for r in rng.rules if r.formula and "已到期" in r.formula[0]]
    assert rules and "<>\"已落实\"" in rules[0].formula[0]  # red only while the final status is not 已落实
    overview = {row[0]: row[1] for row in openpyxl.load_workbook(out)["总览"].iter_rows(values_only=True) if row[0]}
    assert overview["到期判断日"].startswith("2025-10-15")
