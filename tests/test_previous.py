"""Last year beside this year (--previous): the best-matching task of last year's ledger, and the trend."""

import json
from pathlib import Path

import openpyxl

from tracker.cli import cli
from tracker.models import Task
from tracker.previous import PreviousTask, similarity

CORPUS = Path(__file__).parent / "corpus" / "anping-2025"


def test_tasks_of_two_years_are_paired_by_title_and_content():
    this_year = Task(1, "（一）", "", "深化包容审慎监管", "深化包容审慎监管。推行首违不罚、轻微免罚清单，探索触发式监管。")
    same = PreviousTask("推行包容审慎监管方式", "推行包容审慎监管方式，制定不予处罚和从轻处罚事项清单。", "partial")
    other = PreviousTask("加强行政复议规范化建设", "提升行政复议案件办理质量，推进行政复议委员会建设。", "done")
    assert similarity(this_year.title, this_year.text, same) >= 60 > similarity(this_year.title, this_year.text, other)


def test_last_years_ledger_gives_each_task_its_status_and_trend(runner, tmp_path):
    plan = CORPUS / "anping-2025-plan.docx"
    last_year = tmp_path / "上年台账.xlsx"
    result = runner.invoke(cli, ["match", str(plan), str(CORPUS / "anping-2025-report-2024.docx"), "-o", str(last_year)])
    assert result.exit_code == 0, result.output
    out, data_path = tmp_path / "台账.xlsx", tmp_path / "r.json"
    result = runner.invoke(cli, ["match", str(plan), str(CORPUS / "anping-2025-report-gov.docx"), "--previous",
                                 str(last_year), "-o", str(out), "--json", str(data_path)])
    assert result.exit_code == 0, result.output
    tasks = json.loads(data_path.read_text(encoding="utf-8"))["tasks"]
    assert all(t["previous"]["title"] == t["title"] for t in tasks)  # the same plan: each task finds itself
    worse = [t["seq"] for t in tasks if t["trend"] == "worse"]
    assert worse and all(t["previous"]["status"] != "missing" for t in tasks if t["seq"] in worse)
    assert f"与上年相比：退步 {len(worse)} 项" in result.output
    sheet = openpyxl.load_workbook(out)["任务落实情况"]
    header = [c.value for c in sheet[2]]
    assert header[header.index("最终状态") + 1: header.index("最终状态") + 3] == ["上年状态", "较上年变化"]
    trend = sheet.cell(row=3, column=header.index("较上年变化") + 1).value
    assert trend.startswith('=IF(') and "连续两年未体现" in trend  # it follows a reviewer's change in Excel


def test_a_previous_file_that_is_no_ledger_is_refused(runner, seeds_dir, tmp_path):
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    result = runner.invoke(cli, ["match", str(seeds_dir / "wulatezhong-2024-plan.txt"),
                                 str(seeds_dir / "wulatezhong-2024-report.txt"), "--previous", str(other)])
    assert result.exit_code == 2 and "不像 tracker 生成的台账" in result.output


def test_a_previous_file_of_another_kind_is_named_as_such(runner, seeds_dir, tmp_path):
    other = tmp_path / "上年报告.txt"
    other.write_text("2024年工作总结", encoding="utf-8")
    out = tmp_path / "台账.xlsx"
    result = runner.invoke(cli, ["match", str(seeds_dir / "wulatezhong-2024-plan.txt"),
                                 str(seeds_dir / "wulatezhong-2024-report.txt"), "--previous", str(other), "-o", str(out)])
    assert result.exit_code == 2 and "不是上年的台账" in result.output and not out.exists()
