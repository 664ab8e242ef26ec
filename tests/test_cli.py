"""The command line: help in Chinese, exit codes, files written, nothing overwritten without a backup."""

import json
import re

from tracker.cli import cli

ENGLISH = ("OPTIONS", "COMMAND", "ARGS", "TEXT", "FILE", "PATH", "FLOAT", "RANGE", "default", "Usage", "Options")


def test_every_command_has_chinese_help_with_an_example(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "[选项] 命令 [参数]..." in result.output and "命令：" in result.output
    assert not any(word in result.output for word in ENGLISH)
    for name, command in cli.commands.items():
        assert command.help, name
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "选项：" in result.output, name
        assert f"示例：\n  tracker {name}" in result.output, name
        assert not any(word in result.output for word in ENGLISH), (name, result.output)


def test_missing_argument_is_explained_in_chinese(runner):
    result = runner.invoke(cli, ["parse"])
    assert result.exit_code == 2
    assert result.output.startswith("错误：缺少必需的参数 计划文件")


def test_parse_prints_summary_and_writes_json_and_table(seeds_dir, tmp_path, runner):
    xlsx, json_path = tmp_path / "tasks.xlsx", tmp_path / "tasks.json"
    result = runner.invoke(cli, ["parse", str(seeds_dir / "wulatezhong-2024-plan.txt"), "-o", str(xlsx),
                                 "--json", str(json_path)])
    assert result.exit_code == 0, result.output
    assert "共 28 项任务，分 9 个部分" in result.output
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert set(data) == {"plan", "tasks"} and len(data["tasks"]) == 28
    assert set(data["tasks"][0]) == {"seq", "no", "section", "title", "text", "lead_units", "units", "deadline",
                                     "targets"}
    assert xlsx.exists()


def test_task_table_is_titled_and_printable(seeds_dir, tmp_path, runner):
    import openpyxl

    xlsx = tmp_path / "tasks.xlsx"
    runner.invoke(cli, ["parse", str(seeds_dir / "dalate-2022-plan.txt"), "-o", str(xlsx)])
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.title == "任务分解表"
    assert sheet["A1"].value == "达拉特旗2022年法治政府建设工作计划任务分解表"
    assert "A1:I1" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[2]] == ["序号", "编号", "所属部分", "任务名称", "任务内容", "牵头单位", "责任单位",
                                          "完成时限", "量化目标"]
    assert sheet.max_row == 32 and sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$2"


def test_existing_output_is_kept_as_backup(seeds_dir, tmp_path, runner):
    xlsx = tmp_path / "tasks.xlsx"
    xlsx.write_bytes(b"reviewer's own file")
    result = runner.invoke(cli, ["parse", str(seeds_dir / "dalate-2022-plan.txt"), "-o", str(xlsx)])
    assert result.exit_code == 0 and "备份" in result.output
    backups = list(tmp_path.glob("tasks.备份-*.xlsx"))
    assert len(backups) == 1 and backups[0].read_bytes() == b"reviewer's own file"


def test_output_may_not_overwrite_the_input(tmp_path, runner, seeds_dir):
    plan = tmp_path / "plan.txt"
    plan.write_bytes((seeds_dir / "dalate-2022-plan.txt").read_bytes())
    result = runner.invoke(cli, ["parse", str(plan), "--json", str(plan)])
    assert result.exit_code == 2 and "不能覆盖输入" in result.output
    assert plan.read_bytes() == (seeds_dir / "dalate-2022-plan.txt").read_bytes()


def test_help_is_aligned_and_wrapped_by_display_width(runner):
    from tracker.text import display_width

    for name in cli.commands:
        lines = runner.invoke(cli, [name, "--help"], terminal_width=80).output.splitlines()
        assert all(display_width(line) <= 84 for line in lines), name  # closing marks may hang past the edge
        assert not any(line.strip()[:1] in "。，、；）" for line in lines if line.strip()), name
        options = [line for line in lines if line.startswith("  -")]
        starts = {display_width(re.match(r"^(\s+\S.*?\s{2,})\S", line).group(1)) for line in options}
        assert len(starts) == 1, (name, starts)  # every description starts in the same column
