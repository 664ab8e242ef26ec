"""The `tracker` command: a thin layer that parses options, calls the pipeline and prints in Chinese."""

from __future__ import annotations

import logging
import os
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__, click_zh
from .errors import TrackerError
from .text import shown

click_zh.install()

# Exit codes: 0 done; 1 the audit found the completion rate below --fail-under; 2 the input or output was
# wrong (message says what to do); 3 a bug in tracker.
EXIT_OK, EXIT_BELOW, EXIT_ERROR, EXIT_BUG = 0, 1, 2, 3


class ChineseFormatter(click.HelpFormatter):
    """Headings end with a full-width colon (选项：), as Chinese text does; option lists are aligned and wrapped
    by display width, a Chinese character taking two columns."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = self.current_indent
        for number, paragraph in enumerate(text.split("\n\n")):
            if number:
                self.write("\n")
            for line in _wrapped(paragraph, max(20, (self.width or 80) - indent)):
                self.write(" " * indent + line + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        from .text import display_width

        rows = list(rows)
        if not rows:
            return
        first = min(max(display_width(term) for term, _ in rows), col_max)
        indent = self.current_indent + first + col_spacing
        room = max(20, (self.width or 80) - indent)
        for term, definition in rows:
            lead = f"{'':>{self.current_indent}}{term}"
            lines = _wrapped(definition, room) or [""]
            if display_width(term) <= first:
                self.write(lead + " " * (first - display_width(term) + col_spacing) + lines[0] + "\n")
            else:
                self.write(lead + "\n" + " " * indent + lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * indent + line + "\n")


def _wrapped(text: str, room: int) -> list[str]:
    """A text cut into lines of at most room display columns."""
    from .text import display_width

    lines, line = [], ""
    for char in " ".join(text.split()):
        # A closing mark never starts a line, an opening one never ends it (Chinese line-breaking rules).
        if display_width(line + char) > room and char not in _NO_LINE_START:
            carried = line[-1] if line and line[-1] in _NO_LINE_END else ""
            lines.append(line[: len(line) - len(carried)].rstrip())
            line = carried + char.lstrip()
        else:
            line += char
    return lines + ([line] if line else [])


_NO_LINE_START = "。，、；：？！）》」』”’%"
_NO_LINE_END = "（《「『“‘"


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


class ChineseCommand(click.Command):
    """A click command whose help page speaks Chinese, with an example (its epilog) under the options."""

    context_class = ChineseContext

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)

    def format_epilog(self, ctx, formatter):
        if self.epilog:
            with formatter.section("示例"):
                for line in self.epilog.strip().splitlines():
                    formatter.write_text(line.strip())

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def format_options(self, ctx, formatter):
        records = [p.get_help_record(ctx) for p in self.get_params(ctx) if isinstance(p, click.Option)]
        records = [r for r in records if r]
        if records:
            with formatter.section("选项"):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
        return option


class ChineseGroup(ChineseCommand, click.Group):
    """A click group whose help page speaks Chinese."""

    command_class = ChineseCommand

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        code = run_safely(lambda: super(ChineseGroup, self).main(
            args, prog_name, complete_var, standalone_mode=False, **extra))
        if standalone_mode:
            sys.exit(code)
        return code

    def format_commands(self, ctx, formatter):
        rows = [(name, cmd.get_short_help_str(60)) for name, cmd in self.commands.items() if not cmd.hidden]
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)


class Percent(click.ParamType):
    """A number from 0 to 100 (click's FloatRange would print its range in English-style notation in --help)."""

    name = "百分数"

    def convert(self, value, param, ctx):
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"“{value}”不是数字，请写 0 到 100 之间的数，如 60。", param, ctx)
        if not 0 <= number <= 100:
            self.fail(f"{value} 不在 0 到 100 之间。", param, ctx)
        return number


PERCENT = Percent()


class Day(click.ParamType):
    """A date written as 2025-12-31, 2025年12月31日 or 20251231."""

    name = "日期"

    def convert(self, value, param, ctx):
        import re
        from datetime import date

        match = re.fullmatch(r"\s*(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?\s*", str(value))
        try:
            return date(*map(int, match.groups())) if match else self.fail("", param, ctx)
        except (ValueError, click.BadParameter):
            self.fail(f"“{value}”不是有效的日期，请写成 2025-12-31 或 2025年12月31日。", param, ctx)


DAY = Day()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=ChineseGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message="tracker %(version)s", help="显示版本并退出。")
def cli():
    """tracker：法治政府建设工作计划落实情况核查工具。

    读取工作计划，生成任务分解表；比对年度报告，判定每项任务已落实、部分落实或未体现，并生成督办台账。
    """


def paper_options(command):
    """The options of the Word papers for a supervision meeting, the day deadlines are judged on and last year's
    results, shared by match and audit."""
    options = [
        click.option("--as-of", type=DAY, metavar="日期",
                     help="判断完成时限是否到期的日期，如 2025-12-31（默认：报告落款日期，没有落款则为今天）。"),
        click.option("--previous", metavar="文件",
                     help="上一年的台账工作簿（或结果 JSON）：列出每项任务上年的最终状态，标出退步和连续两年未体现的任务。"),
        click.option("--word", type=click.Path(dir_okay=False), metavar="文件",
                     help="督查情况通报（.docx）的保存路径：总体情况、主要问题和两张附件表，按最终状态（含复核结论）。"),
        click.option("--notices", type=click.Path(file_okay=False), metavar="文件夹",
                     help="为每个尚有任务未落实的单位生成一份督办通知（.docx），保存到此文件夹。"),
        click.option("--reply-by", metavar="日期", help="督办通知和通报中要求报送整改情况的期限，如 2026年1月15日。"),
        click.option("--contact", metavar="文字", help="联系人及电话，如“张某 0478-1234567”。"),
        click.option("--issuer", metavar="文字",
                     help="发文机关（默认按计划所属地方写作“中共X旗委员会全面依法治旗委员会办公室”）。"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _outputs(xlsx, json_path, review, word, notices, reply_by, contact, issuer, as_of, previous):
    from .notice import NoticeInfo
    from .pipeline import Outputs, Papers

    papers = Papers(word, notices, NoticeInfo(issuer or "", reply_by or "", contact or "")) if word or notices else None
    return Outputs(xlsx, json_path, review, papers, as_of, previous)


@cli.command(epilog="tracker parse 2025年工作要点.docx -o 任务分解表.xlsx")
@click.argument("plan", metavar="计划文件")
@click.option("-o", "--output", "xlsx", type=click.Path(dir_okay=False), metavar="文件", help="任务分解表（.xlsx）的保存路径。")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), metavar="文件", help="任务表 JSON 的保存路径。")
def parse(plan, xlsx, json_path):
    """读取工作计划（Word、PDF、文本、网页或 Excel 任务表），列出每项任务及其牵头、责任单位。

    .doc、.wps、.xls、.rtf、.odt、.ods 等旧格式或其他格式需装有 LibreOffice。"""
    from .pipeline import parse as run_parse
    from .render import plan_summary

    result = run_parse(plan, xlsx, json_path)
    click.echo(plan_summary(result.plan))
    for note in result.notes:
        click.echo(shown(note))
    _report_written(result.written)


@cli.command(epilog="tracker match 工作要点.docx 年度报告.docx -o 台账.xlsx --word 通报.docx")
@click.argument("plan", metavar="计划文件")
@click.argument("reports", nargs=-1, required=True, metavar="报告文件...")
@click.option("-o", "--output", "xlsx", type=click.Path(dir_okay=False), metavar="文件", help="台账工作簿（.xlsx）的保存路径。")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), metavar="文件", help="结果 JSON 的保存路径。")
@click.option("--review", "review", metavar="文件", help="从另一个台账工作簿带入复核意见（默认从 -o 指定的已有工作簿带入）。")
@paper_options
def match(plan, reports, xlsx, json_path, review, **paper):
    """对照工作计划逐项核查年度报告（可多份），判定已落实、部分落实或未体现。"""
    from .pipeline import match as run_match
    from .render import match_summary

    result = run_match(plan, list(reports), _outputs(xlsx, json_path, review, **paper))
    click.echo(match_summary(result.results, result.notes, saved=bool(xlsx)))
    _report_written(result.written)


@cli.command(epilog="tracker audit 工作要点.docx 各单位报告/ --units 单位名册.csv -o 台账.xlsx")
@click.argument("plan", metavar="计划文件")
@click.argument("reports_dir", metavar="报告文件夹")
@click.option("--units", "units_csv", metavar="文件", help="单位名册（.csv/.xlsx，列：单位名称、别名、类型、所属群组）。")
@click.option("--government", metavar="文件", help="本级政府（旗、县、区）的年度报告，作为各单位任务的辅助佐证，并在台账中注明。")
@click.option("-o", "--output", "xlsx", type=click.Path(dir_okay=False), metavar="文件", help="台账工作簿（.xlsx）的保存路径。")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), metavar="文件", help="结果 JSON 的保存路径。")
@click.option("--review", "review", metavar="文件", help="从另一个台账工作簿带入复核意见。")
@click.option("--fail-under", type=PERCENT, default=0, metavar="百分数",
              help="总体完成率低于此值（0–100）时，命令以“未达标”状态结束，供批处理或计划任务判断是否需要提醒。")
@paper_options
def audit(plan, reports_dir, units_csv, government, xlsx, json_path, review, fail_under, **paper):
    """按单位核查：读取文件夹中各单位的报告，逐单位核对其牵头、参与的任务。"""
    from .pipeline import audit as run_audit
    from .render import audit_summary

    def progress(paths):
        return click.progressbar(paths, label="读取报告", file=sys.stderr,
                                 item_show_func=lambda p: p.name if p else "")

    result = run_audit(plan, reports_dir, units_csv, government, _outputs(xlsx, json_path, review, **paper), progress)
    click.echo(audit_summary(result.audit, result.outcome.notes))
    _report_written(result.outcome.written)
    if result.audit.rate * 100 < fail_under:
        click.echo(f"总体完成率 {result.audit.rate:.1%} 低于要求的 {fail_under:g}%。", err=True)
        return EXIT_BELOW
    return EXIT_OK


@cli.command(epilog="tracker run --out 输出")
@click.option("--out", "out_dir", default="output", show_default=True, metavar="文件夹", help="保存工作簿的文件夹。")
def run(out_dir):
    """处理内置的示例文件（seeds/）：每份计划对照同一地方同一年度的报告生成台账；没有报告的计划生成任务分解表。"""
    from .pipeline import ParseResult
    from .pipeline import run as run_main
    from .render import match_summary, plan_summary

    for result in run_main(out_dir):
        if isinstance(result, ParseResult):
            click.echo(plan_summary(result.plan))
            click.echo("\n".join(result.notes))
        else:
            click.echo(match_summary(result.results, result.notes))
        _report_written(result.written)
        click.echo("")


def _report_written(written) -> None:
    notices = [item for item in written if Path(item.path).name.startswith("督办通知-")]
    for item in written:
        if item in notices[3:]:
            continue
        click.echo(f"已保存：{shown(item.path)}")
        for note in item.notes():
            click.echo(f"  {note}")
    if len(notices) > 3:
        click.echo(f"……共 {len(notices)} 份督办通知，保存在“{shown(Path(notices[0].path).parent)}”。")


def _usage_in_chinese(error: click.UsageError) -> str:
    message = error.format_message()  # Chinese already: click looks its messages up in click_zh
    if isinstance(error, click.MissingParameter) and error.param is not None:
        message = f"缺少必需的参数 {error.param.human_readable_name}。"  # click adds quotes and an English full stop
    command = error.ctx.command_path if error.ctx else "tracker"
    return f"错误：{shown(message)}\n用法说明请运行：{command} --help"


def run_safely(invoke) -> int:
    """Call `invoke()`; map errors to Chinese messages and exit codes instead of tracebacks."""
    try:
        with quiet_libraries():
            result = invoke()
    except TrackerError as error:
        click.echo(f"错误：{shown(error)}", err=True)
        return error.exit_code
    except click.UsageError as error:
        click.echo(_usage_in_chinese(error), err=True)
        return EXIT_ERROR
    except click.ClickException as error:
        click.echo(f"错误：{shown(error.format_message())}", err=True)
        return EXIT_ERROR
    except (click.Abort, KeyboardInterrupt):
        click.echo("已中断。", err=True)
        return EXIT_ERROR
    except Exception as error:  # a bug: say so plainly, show the traceback only when asked
        if os.environ.get("TRACKER_DEBUG"):
            raise
        click.echo(f"内部错误：{type(error).__name__}: {shown(error)}\n"
                   f"这是程序缺陷，不是您的操作问题。请把所用命令和文件发给维护人员"
                   f"（设置环境变量 TRACKER_DEBUG=1 可显示详细信息）。", err=True)
        return EXIT_BUG
    return result if isinstance(result, int) else EXIT_OK


@contextmanager
def quiet_libraries():
    """Keep the libraries' own English warnings (pypdf's "EOF marker not found") off the user's screen."""
    root = logging.getLogger()
    handler = logging.NullHandler()
    root.addHandler(handler)  # with a handler on the root, Python's last-resort printer stays silent
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        root.removeHandler(handler)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `tracker` console script."""
    return cli.main(args=argv, prog_name="tracker")


if __name__ == "__main__":
    sys.exit(main())
