"""Warnings that save a meeting: a report of another year or place, gaps in the numbering, a plan without units."""

from tracker.cli import cli

PLAN = "wulatezhong-2024-plan.txt"


def test_a_report_of_another_year_and_place_is_named(runner, seeds_dir):
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / "etuokeqian-2023-report.txt")])
    assert result.exit_code == 0
    assert "是 2023 年的，计划是 2024 年的" in result.output
    assert "写的是鄂托克前旗，计划是乌拉特中旗的" in result.output


def test_the_own_report_gets_no_such_warning(runner, seeds_dir):
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / "wulatezhong-2024-report.txt")])
    assert result.exit_code == 0 and "请确认是否对应" not in result.output


def test_a_gap_in_the_numbering_is_named(runner, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("某县2025年法治政府建设工作要点\n一、依法履行职能\n"
                    "（一）深化行政审批制度改革。推进政务服务事项标准化。（牵头单位：县行政审批局）\n"
                    "（二）加强行政规范性文件管理。开展合法性审核和备案审查。（牵头单位：县司法局）\n"
                    "（四）推进行政复议规范化建设。提升案件办理质量。（牵头单位：县司法局）\n", encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(plan)])
    assert result.exit_code == 0 and "从“2”跳到“（四）”" in result.output


def test_a_plan_without_units_is_named(runner, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("某县2025年法治政府建设工作要点\n一、依法履行职能\n"
                    "（一）深化行政审批制度改革，推进政务服务事项标准化、规范化、便利化。\n"
                    "（二）加强行政规范性文件管理，开展合法性审核和备案审查工作。\n", encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(plan)])
    assert result.exit_code == 0 and "没有找到任何牵头单位或责任单位" in result.output
