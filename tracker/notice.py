"""The Word papers of a supervision meeting: a 督查情况通报 with its two attachment tables, and one 督办通知
per unit that still owes work. Both are filled into templates/notice.docx through its styles only, so an
office restyles them in Word. Statuses are the final ones: a reviewer's conclusion where there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .assess import admitted_gap, missing_summary
from .meta import beyond_reach, plan_issuer
from .models import DONE, LEAD, MISSING, NOT_SUBMITTED, PARTIAL, Plan, Results, UnitResult
from .resources import template_file
from .status import status_label
from .unit_results import BASIS, SILENT, ranking, standing

TEMPLATE = "notice.docx"
MAIN_PROBLEMS = 5


@dataclass(frozen=True)
class NoticeInfo:
    """Who issues the papers, by when units reply, whom they call, and the date printed."""

    issuer: str = ""
    reply_by: str = ""
    contact: str = ""
    day: date | None = None

    def for_plan(self, results: Results) -> NoticeInfo:
        """The info with its blanks filled from the plan: 乌拉特中旗 → 中共乌拉特中旗委员会全面依法治旗委员会办公室; a
        department's own plan is followed up by the department (国家税务总局霞石县税务局)."""
        plan = results.plan
        region = plan.region
        level = region[-1:] if region[-1:] in "旗县区市盟" else ""
        issuer = (self.issuer or plan_issuer(plan.title, region)
                  or (f"中共{region}委员会全面依法治{level}委员会办公室" if level else "全面依法治理委员会办公室"))
        return NoticeInfo(issuer, self.reply_by, self.contact, self.day or date.today())


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _document():
    import docx

    document = docx.Document(str(template_file(TEMPLATE)))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # keep the page set-up and the footer, drop the sample text
            body.remove(child)
    return document


def _table(document, header: list[str], rows: list[list[object]], widths: list[float]) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        cell.paragraphs[0].style = document.styles["表格文字"]
    repeat = OxmlElement("w:tblHeader")  # the header row is repeated on every page
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = str(value)
            cell.paragraphs[0].style = document.styles["表格文字"]
    table.autofit = False  # fixed column widths, in Word, WPS and LibreOffice alike
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _unit_rows(units: list[UnitResult]) -> list[list[object]]:
    """Attachment 2: units that sent their own report ranked by rate, the others after them, unranked."""
    rows = []
    for rank, unit in ranking(units):
        label = rank if rank is not None else "未单独报送" if standing(unit) == BASIS else "未报送"
        rows.append([label, unit.unit, len(unit.tasks), unit.count(DONE), unit.count(PARTIAL), unit.count(MISSING),
                     unit.count(NOT_SUBMITTED), f"{unit.rate:.1%}" if standing(unit) != SILENT else "—"])
    return rows


def write_notice(results: Results, units: list[UnitResult], path: Path, info: NoticeInfo) -> None:
    """The 督查情况通报: summary figures, the main gaps, what units must do, and two attachment tables."""
    from docx.enum.text import WD_BREAK

    info = info.for_plan(results)
    plan = results.plan
    document = _document()
    counts = results.counts()
    total = len(results.tasks)
    open_tasks = [r for r in results.tasks if r.final_status != DONE]
    document.add_paragraph(f"关于《{plan.title}》落实情况的督查通报", style="Title")
    document.add_paragraph("各有关单位：", style="通报-称谓")
    sources = "、".join(f"《{r.title}》" for r in results.reports) or "各单位报送的年度报告"
    document.add_paragraph(
        f"按照《{plan.title}》确定的任务分工，{info.issuer}对照{sources}，逐项核查了计划"
        f"{total}项任务的落实情况。现将有关情况通报如下。")
    document.add_paragraph("一、总体情况", style="Heading 1")
    done, partial, missing = counts.get(DONE, 0), counts.get(PARTIAL, 0), counts.get(MISSING, 0)
    summary = (f"计划{total}项任务中，已落实{done}项，占{done / max(1, total):.1%}；部分落实{partial}项，"
               f"未体现{missing}项")
    if counts.get(NOT_SUBMITTED):
        summary += f"，未报送{counts[NOT_SUBMITTED]}项"
    departments = [u for u in units if not u.group]
    sent = sum(1 for u in departments if u.reports)
    if departments and sent:
        summary += f"。计划涉及{len(departments)}个单位，其中{sent}个单位报送了本单位的年度报告"
    reviewed = sum(1 for r in results.tasks if r.review and r.review.status)
    if reviewed:
        summary += f"；{reviewed}项任务的结论经人工复核确定"
    document.add_paragraph(summary + "。各单位完成情况见附件2。")
    document.add_paragraph("二、存在的主要问题", style="Heading 1")
    if not open_tasks:
        document.add_paragraph("计划任务均已落实。")
    numbers = "一二三四五六七八九十"
    for number, result in zip(numbers, open_tasks[:MAIN_PROBLEMS], strict=False):
        lead = "、".join(result.task.lead_units) or "未明确牵头单位"
        text = (f"（{number}）{result.task.reference}“{result.task.title}”{status_label(result.final_status, sign=False)}"
                f"（牵头单位：{lead}）。尚缺：{missing_summary(result)}。")
        gap = admitted_gap(result)
        if gap:
            text += f"报告自述：“{gap.rstrip('。')}”。"
        document.add_paragraph(text)
    if len(open_tasks) > MAIN_PROBLEMS:
        document.add_paragraph(f"另有{len(open_tasks) - MAIN_PROBLEMS}项任务尚未落实到位，详见附件1。")
    document.add_paragraph("三、有关要求", style="Heading 1")
    reply = f"于{info.reply_by}前" if info.reply_by else "在规定时间内"
    document.add_paragraph(
        f"请各牵头单位对照附件1，逐项补齐短板，{reply}将整改落实情况及佐证材料书面报送{info.issuer}；"
        f"责任单位要主动配合牵头单位推进落实。" + (f"联系人及电话：{info.contact}。" if info.contact else ""))
    document.add_paragraph("")
    document.add_paragraph("附件：1．未落实任务清单（按牵头单位）", style="通报-称谓")
    document.add_paragraph("　　　2．各单位任务完成情况", style="通报-称谓")
    document.add_paragraph("")
    document.add_paragraph(info.issuer, style="通报-落款")
    document.add_paragraph(_chinese_date(info.day), style="通报-落款")

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("附件1", style="附件标题")
    document.add_paragraph("未落实任务清单（按牵头单位）", style="表格标题")
    rows = []
    by_lead = sorted(open_tasks, key=lambda r: ("、".join(r.task.lead_units) or "～", r.task.seq))
    for result in by_lead:
        rows.append(["、".join(result.task.lead_units) or "未明确", result.task.seq, result.task.title,
                     status_label(result.final_status, sign=False), missing_summary(result)])
    _table(document, ["牵头单位", "序号", "任务", "状态", "尚缺内容"], rows, [3.0, 1.2, 3.8, 2.0, 5.6])
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("附件2", style="附件标题")
    document.add_paragraph("各单位任务完成情况", style="表格标题")
    _table(document, ["排名", "单位", "任务数", "已落实", "部分落实", "未体现", "未报送", "完成率"], _unit_rows(units),
           [1.8, 4.2, 1.4, 1.4, 1.6, 1.4, 1.4, 1.8])
    document.add_paragraph("注：完成率按已落实计1、部分落实计0.5计算；只有报送了本单位报告的单位参加排名。",
                           style="表格文字")
    document.save(str(path))


def owing_units(units: list[UnitResult], plan: Plan) -> list[UnitResult]:
    """The units (not groups) with any task not done, that the plan's issuer can follow up."""
    return [u for u in units if not u.group and any(t.status != DONE for t in u.tasks)
            and not beyond_reach(plan.title, u.unit)]


def write_unit_notice(results: Results, unit: UnitResult, path: Path, info: NoticeInfo) -> None:
    """One 督办通知: the unit's open tasks, what each still lacks in one sentence, the reply date, the contact."""
    info = info.for_plan(results)
    by_seq = {r.task.seq: r for r in results.tasks}
    document = _document()
    document.add_paragraph("督办通知", style="Title")
    document.add_paragraph(f"{unit.unit}：", style="通报-称谓")
    document.add_paragraph(
        f"经对照《{results.plan.title}》核查，你单位牵头或参与的以下任务尚未落实到位，现予督办。")
    rows = []
    for item in (t for t in unit.tasks if t.status != DONE):
        result = by_seq[item.seq]
        lacking = "未报送年度报告" if item.status == NOT_SUBMITTED else (item.missing or missing_summary(result))
        rows.append([item.seq, result.task.title, "牵头" if item.role == LEAD else "责任", status_label(item.status, sign=False),
                     lacking, result.task.deadline or "—"])
    _table(document, ["序号", "任务", "角色", "状态", "尚缺内容", "完成时限"], rows, [1.2, 3.6, 1.2, 2.0, 5.4, 2.2])
    reply = f"于{info.reply_by}前" if info.reply_by else "在规定时间内"
    document.add_paragraph("")
    document.add_paragraph(
        f"请你单位高度重视，逐项制定整改措施，{reply}将办理情况及佐证材料书面报送{info.issuer}。"
        + (f"联系人及电话：{info.contact}。" if info.contact else ""))
    document.add_paragraph("")
    document.add_paragraph(info.issuer, style="通报-落款")
    document.add_paragraph(_chinese_date(info.day), style="通报-落款")
    document.save(str(path))
