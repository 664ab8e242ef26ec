"""Plan parsing: a plan's tasks, from its text (plan_text) or its task table (plan_table), with units made
canonical, deadlines and targets, and the plan's title, place and year."""

from __future__ import annotations

import re
from dataclasses import replace

from .assignments import Assignment, decimal_cell, numbered_assignments, numbered_cell
from .errors import InputError
from .meta import SIGNATURE, region_of, township_of, wrapped_title, year_of
from .models import Document, Plan, Table, Task
from .numbering import match_label
from .plan_table import (
    Row,
    indicator_targets,
    measures_by_number,
    side_table,
    table_tasks,
    task_table,
    unit_rows,
    units_by_label,
    units_by_number,
)
from .plan_text import text_tasks
from .targets import extract_deadline, extract_targets
from .text import normalize
from .units import canonical_units, is_group
from .vocabulary import document_words

# ---------------------------------------------------------------- entry point

# 排在第一位的为牵头单位, 第一个单位为牵头单位, 列首位的单位牵头: the unit named first leads.
FIRST_LEADS = re.compile(r"(?:第一位|第一个|首位|首个|排名第一|排序第一|列第一|排第一)[^，。；：]{0,8}?(?:为|是|负责)?牵头")


def parse_plan(document: Document) -> Plan:
    """Given a plan document, return its tasks with units, deadlines and targets."""
    table = task_table(document)
    paragraphs = [normalize(p) for p in document.paragraphs()]
    annexed = unit_rows(document)
    if table is not None:
        rows = _with_text(table_tasks(*table, printed=document.format == "pdf", notes=paragraphs),
                          text_tasks([normalize(b) for b in document.blocks if not isinstance(b, Table)]))
    else:
        # The rows of a table of units by task number (任务序号 | 牵头股室 | 配合股室: 2.4 | 医药服务管理股) are no tasks.
        text = [normalize(p) for p in replace(document, blocks=tuple(
            b for b in document.blocks if not (isinstance(b, Table) and side_table(b)))).paragraphs()]
        rows = _with_units(text_tasks(_after_cover(text)), annexed)
    # A task table without units may have them in a table of its own, by task number (a second sheet 责任分工:
    # 任务序号 | 牵头科室 | 配合科室, with rows such as 3、4 or 7-8), as a text plan may.
    rows = _with_numbered(rows, paragraphs, {**_by_ranges(annexed), **units_by_number(document),
                                             **units_by_label(document)})
    _with_measures(rows, measures_by_number(document))
    _with_indicators(rows, indicator_targets(document))
    if not rows:
        raise InputError(f"在“{document.name}”中没有找到编号的工作任务（如“（一）”“1.”开头的段落，或含“工作任务”列的表格）。"
                         f"请确认这是一份工作计划或任务分解表。")
    first_leads = any(map(FIRST_LEADS.search, paragraphs))
    for row in rows:
        # A plan's note that the unit named first leads (注：责任单位中排在第一位的为牵头单位) gives each task
        # its lead.
        if first_leads and not row.lead and row.units and not is_group(row.units[0]):
            row.lead, row.units = row.units[:1], row.units[1:]
        # A task given to one unit alone, without roles (责任股室：办公室), is that unit's to lead.
        if not row.lead and len(row.units) == 1 and not is_group(row.units[0]):
            row.lead, row.units = list(row.units), []
    mentions = [name for row in rows for name in (*row.lead, *row.units)]
    title = plan_title(_before_tasks(document, table is not None), paragraphs, document.name)
    mapping, units = canonical_units(mentions, bool(township_of(title)))
    tasks = tuple(
        Task(
            seq=i,
            no=row.no,
            section=row.section,
            title=row.title,
            text=row.text,
            lead_units=tuple(dict.fromkeys(mapping[n] for n in row.lead)),
            units=tuple(dict.fromkeys(mapping[n] for n in row.units if mapping[n] not in
                                      {mapping[m] for m in row.lead})),
            deadline=row.deadline or extract_deadline(row.text),
            targets=tuple(extract_targets(row.text)),
        )
        for i, row in enumerate(rows, start=1)
    )
    return Plan(
        source=document.path,
        format=document.format,
        title=title,
        region=region_of(title + "\n" + "\n".join(paragraphs)),
        year=year_of(title, paragraphs, document.name),
        sections=tuple(dict.fromkeys(t.section for t in tasks if t.section)),
        tasks=tasks,
        units=units,
    )


def _with_text(table: list[Row], text: list[Row]) -> list[Row]:
    """A plan may give its tasks twice: in its text, with their measures, and in an annex table (重点任务分工表),
    with their units. Where both list the same tasks in the same order, the text gives each task's words and
    section, the table its units and deadline."""
    # The text may hold more numbered items than the table (三、保障措施's （一）（二）（三） after the tasks): the
    # run of them that lists the table's tasks is the one.
    runs = [text[start:start + len(table)] for start in range(len(text) - len(table) + 1)]
    words = next((run for run in runs if _aligned(table, run, _same_task)), None)
    if len(table) < 2 or words is None or sum(len(r.text) for r in words) <= sum(len(r.text) for r in table):
        return table
    return [_given_units(said, units) for units, said in zip(table, words, strict=True)]


def _with_units(rows: list[Row], units: list[Row]) -> list[Row]:
    """A plan may give its tasks' units in an annex table that names each task only by its number (一（一）): row
    for row, in order, where there are as many rows as tasks and their numbers end like the tasks' own."""
    if any(r.lead or r.units for r in rows) or not _aligned(units, rows, lambda u, r: u.no.endswith(r.no)):
        return rows
    return [_given_units(words, assigned) for words, assigned in zip(rows, units, strict=True)]


def _with_numbered(rows: list[Row], paragraphs: list[str], by_unit: dict[str, Assignment]) -> list[Row]:
    """A plan may give its units once, by task numbers: in a sentence (第1—3项由县司法局牵头，…；第4、5项由…) or in
    an annex by unit (区司法局 | 一（二）、三（一） | 二（一）). Each task that names none of its own takes those its
    number is given: its own number (（二）, 5), or that under its part's (一（二）)."""
    if any(r.lead or r.units for r in rows):
        return rows
    given: dict[str, Assignment] = dict(by_unit)
    for paragraph in paragraphs:
        given.update({str(n): a for n, a in numbered_assignments(paragraph).items()})
    if len(given) < len(rows) / 2:
        return rows
    # Tasks numbered anew in each part (1. 2. under 一、, 1. 2. 3. under 二、), units given to 第1至10项: the numbers
    # count the tasks through the plan.
    through = len({r.no for r in rows}) < len(rows) and {str(n) for n in range(1, len(rows) + 1)} <= set(given)
    out = []
    for seq, row in enumerate(rows, start=1):
        part = match_label(row.section)
        keys = [str(seq)] if through else [row.no, (part[1].rstrip("、.") if part else "") + row.no]
        assigned = next((given[k] for k in reversed(keys) if k in given), None)
        out.append(replace(row, lead=list(dict.fromkeys(assigned.lead)), units=list(dict.fromkeys(assigned.responsible)),
                           deadline=row.deadline or assigned.deadline) if assigned else row)
    return out


def _with_measures(rows: list[Row], measures: dict[str, list[Row]]) -> None:
    """A plan may break its tasks down in a table of their measures, keyed by the task's number (1-1, 1-2 for task
    1): each task takes in its measures, with their units, deadlines and targets."""
    if sum(row.no in measures for row in rows) < len(rows) / 2:
        return
    for row in rows:
        for measure in measures.get(row.no, ()):
            row.extend(measure, titled=False)


def _by_ranges(units: list[Row]) -> dict[str, Assignment]:
    """An annex table that gives units to task numbers and ranges of them (1-3 | 县委编办 | …, 第4至6项 | 县司法局
    | …): each number with its row's units; {} unless every row names its tasks so."""
    out: dict[str, Assignment] = {}
    for row in units:
        numbers = numbered_cell(row.no) or decimal_cell(row.no)  # 3-5, or 2.1-2.3 in a plan numbered 2.1, 2.2
        if not numbers:
            return {}
        for number in numbers:
            out[str(number)] = Assignment(list(row.lead), list(row.units), row.deadline)
    return out


ALIGNED_SHARE = 0.8


def _aligned(a: list[Row], b: list[Row], same) -> bool:
    """Whether two readings list the same tasks in the same order: as many, and most of them alike row for row."""
    return len(a) == len(b) > 0 and sum(same(x, y) for x, y in zip(a, b, strict=True)) >= ALIGNED_SHARE * len(a)


def _given_units(words: Row, units: Row) -> Row:
    """A task's words and section from one reading, its units and deadline from another where it gives them."""
    return replace(words, lead=units.lead or words.lead, units=units.units or words.units,
                   deadline=units.deadline or words.deadline)


def _with_indicators(rows: list[Row], targets: list[tuple[str, str]]) -> None:
    """A plan may set its quantitative targets apart, in an indicator table, while the task only says 确保出庭应诉率
    达到指标要求: each target joins the one task whose text names its metric most fully (at least 3 characters
    of it, 案卷评查 of 行政执法案卷评查合格率); a target no task names stays out."""
    for metric, target in targets:
        shared = [(_longest_common(metric, row.text), i) for i, row in enumerate(rows)]
        best = max(shared, default=(0, -1))
        if best[0] >= 3 and [s for s, _ in shared].count(best[0]) == 1 and target not in rows[best[1]].text:
            row = rows[best[1]]
            row.text += ("" if row.text[-1:] in "。；;" else "。") + target


def _longest_common(a: str, b: str) -> int:
    """The length of the longest run of characters two texts share."""
    from difflib import SequenceMatcher

    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def _same_task(a: Row, b: Row) -> bool:
    from rapidfuzz.fuzz import partial_ratio

    return a.no == b.no or partial_ratio(a.title, b.title) >= 70


# ---------------------------------------------------------------- plan metadata

def _before_tasks(document: Document, tabled: bool, limit: int = 16) -> list[str]:
    """The paragraphs above a plan's tasks: above its task table, or its first lines."""
    if not tabled:
        return [normalize(p) for p in document.paragraphs()[:limit]]
    out = []
    for block in document.blocks:
        if isinstance(block, Table):
            # A sheet's title rows, merged across the table above its header (石泉旗…重点任务分解表).
            for row in block.rows:
                cells = {c.strip() for c in row if c and c.strip()}
                if len(cells) != 1:
                    break
                out.append(normalize(cells.pop()))
            break
        out.append(normalize(block))
    return out[:limit]


_ANNEX = re.compile(r"^附\s*件\s*\d*\s*[:：]?\s*")


def _after_cover(paragraphs: list[str]) -> list[str]:
    """A plan issued as the annex of a notice (…关于印发《…工作要点》的通知, its own 一、二、三、, then 附件 and the
    plan's title): the plan begins at its annex, and the notice's numbered paragraphs are not its parts."""
    notice = next((i for i, p in enumerate(paragraphs) if "印发" in p and "通知" in p), None)
    if notice is None:
        return paragraphs
    plan_words, _ = document_words()
    for i in range(notice + 1, len(paragraphs) - 1):
        if not _ANNEX.match(paragraphs[i]):
            continue
        rest = _ANNEX.sub("", paragraphs[i], count=1)
        title = rest or paragraphs[i + 1]
        # The notice's own list of annexes (附件：…要点) is followed by its signature; the annex, by its text.
        after = paragraphs[i + 1] if rest else paragraphs[i + 2] if i + 2 < len(paragraphs) else ""
        if plan_words.search(title) and after and not SIGNATURE.match(after):
            return paragraphs[i + 1:]
    return paragraphs


_QUALIFIER = re.compile(r"[（(][^（）()]{1,12}[）)]$")


def plan_title(preamble: list[str], paragraphs: list[str], filename: str) -> str:
    """The plan's own title line (达拉特旗2022年法治政府建设工作计划), else one made from its place and year.
    A title wrapped over two short lines (a PDF's centred title) is read as one."""
    ending = re.compile(r"(?:计划|要点|方案|任务|清单|安排|分解|分工|(?:分解|分工|任务|清单)表)$")
    lines = []
    preamble = [_ANNEX.sub("", p, count=1) for p in preamble]  # 附件：金川县2025年…要点 names the plan
    # …任务分解表（局机关）, …要点（征求意见稿）: a qualifier in brackets after the title names a sheet or a draft.
    preamble = [_QUALIFIER.sub("", p) if ending.search(_QUALIFIER.sub("", p)) else p for p in preamble]
    for a, b in zip(preamble, [*preamble[1:], ""], strict=False):
        if b and wrapped_title(a, b, lambda text: bool(ending.search(text))):
            lines.append(a + b)
        lines.append(a)
    candidates = [p for p in lines if 8 <= len(p) <= 60 and ending.search(p) and not re.search(r"[。；]", p)]
    plain = [p for p in candidates if "通知" not in p and "关于" not in p]
    if plain or candidates:
        return (plain or candidates)[0]
    text = "\n".join(paragraphs)
    region, year = region_of(text), year_of("", paragraphs, filename)
    kind = next((word for word in ("要点", "方案", "计划") if f"本{word}" in text), "")
    if region and year and kind:
        return f"{region}{year}年法治政府建设工作{kind}"
    return re.sub(r"\.[^.]+$", "", filename)
