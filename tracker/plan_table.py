"""Plans written as a table (任务分工表): the header row, the roles of the columns, and one task per row, a
task spread over several rows (one measure each) joined again."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

from .assignments import (
    Assignment,
    column_units,
    has_unit_label,
    heading_units,
    named_units,
    paired_leads,
    split_assignment,
)
from .deadlines import PERIOD
from .models import Document, Table, row_value
from .numbering import chinese_number, chinese_numeral, match_label
from .resources import load_toml
from .targets import extract_deadline, extract_targets
from .text import normalize, sentences
from .units import is_group, is_placeholder, is_unit_like, split_units
from .vocabulary import column_words

TITLE_CHARS = 50


@lru_cache(maxsize=1)
def _terms() -> dict:
    return load_toml("plan_terms.toml")


@dataclass
class Row:
    """A task before unit names are made canonical."""

    no: str
    section: str
    title: str
    text: str
    lead: list[str]
    units: list[str]
    deadline: str

    def extend(self, other: Row, titled: bool) -> None:
        """Take in a further row of the same task (titled: the row repeats the task's name): its measure,
        units and deadline."""
        body = other.text[len(other.title):].lstrip("。；; ") if titled and other.text.startswith(other.title) else other.text
        if body and body not in self.text:
            # A numbered measure (3.对…) begins its own line, as in its cell; another ends the sentence before it.
            joint = "\n" if match_label(body) else "" if self.text[-1:] in "。；;" else "。"
            self.text += joint + body
        self.lead += other.lead
        self.units += other.units
        self.deadline = "；".join(dict.fromkeys(d for d in (self.deadline, other.deadline) if d))


# A unit's line that says it counts or leads tasks (县司法局（牵头任务5项）, 区司法局牵头任务), not a bare name (an
# issuer's signature above an annex table).
_TASKS_OF_UNIT = re.compile(r"\d+\s*项|牵头|配合")


def task_table(document: Document) -> tuple[Table, int, dict[str, list[int]]] | None:
    """The plan's task table. A plan may give one table per section, each under its heading (一、…) and with
    the same columns: they are read as one table, each heading becoming a section row."""
    found: tuple[Table, int, dict[str, list[int]]] | None = None
    rows: list[tuple[str, ...]] = []
    heading = ""
    label = ""  # 项目一 on its own line above a card: the card's number
    follows = False  # nothing but empty lines since the last task table
    for block in document.blocks:
        if isinstance(block, Table):
            block, label = _card_as_row(block, label), ""
        if not isinstance(block, Table):
            follows = follows and not normalize(block)
            named = match_label(normalize(block))
            label = named[1] if named and named[0] == "named" and not named[2] else ""
            labelled = match_label(normalize(block))
            # A part's heading (二、依法决策), not a numbered sentence of instructions (五、本清单执行情况纳入…，由…解释。).
            if (labelled is not None and labelled[0] in ("part", "cn") and len(labelled[2]) <= SECTION_CHARS
                    and not re.search(r"[。；]", labelled[2])):
                heading = normalize(block)
            elif (labelled is None and len(normalize(block)) <= SECTION_CHARS and _TASKS_OF_UNIT.search(normalize(block))
                  and heading_units(normalize(block))):
                heading = normalize(block)  # 县司法局（牵头任务5项）above its table: a list of tasks by unit
            continue
        header = find_header(block)
        if header is None and found is not None and follows and block.rows and len(block.rows[0]) == len(rows[found[1]]):
            rows.extend(block.rows)  # the rest of the task table, cut off at a page break and left without a header
            continue
        if header is None or by_unit(block, *header) is not None:
            follows = False
            continue  # not a table of tasks, or one of units naming their tasks by number
        width = len(block.rows[header[0]])
        if found is None:
            found = (block, *header)
            rows = list(block.rows[:header[0] + 1])
        elif header[1] != found[2] or width != len(rows[found[1]]):
            continue
        # A title above a table's header that names its lead unit (区司法局牵头任务（6项）, one sheet per unit)
        # heads its tasks as a section row does.
        # So does a title closed by a part's heading in brackets (…任务台账（二、坚持依法科学民主决策）, a sheet a part).
        titles = [_bracketed_part(row[0]) or row[0] for row in block.rows[:header[0]]
                  if len(set(row)) == 1 and (heading_units(normalize(row[0])) or _bracketed_part(row[0]))]
        heading = titles[-1] if titles else heading
        if heading:
            rows.append((heading,) * width)
            heading = ""
        rows.extend(block.rows[header[0] + 1:])
        follows = True
    if found is None:
        return None
    return Table(rows=tuple(rows)), found[1], found[2]


def _bracketed_part(title: str) -> str:
    """二、坚持依法科学民主决策 from a title closed by it in brackets; "" for any other title."""
    closing = re.search(r"[（(]([^（）()]{3,40})[）)]\s*$", normalize(title))
    labelled = match_label(closing.group(1)) if closing else None
    return closing.group(1) if labelled is not None and labelled[0] in ("part", "cn") and labelled[2] else ""


CARD_KEY_CHARS = 8
SECTION_CHARS = 30


def _card_as_row(table: Table, label: str = "") -> Table:
    """A task written as a card, a two-column table of field and value (任务名称 | …, 工作措施 | …, 责任处室 | …,
    完成时限 | …), as the header and the one row of a task table: cards that follow one another make one table.
    A card without a number field takes the line above it (项目一) as its number; every such card has the field,
    so that cards with and without such a line still make one table."""
    pairs = [tuple(dict.fromkeys(c.strip() for c in row if c.strip())) for row in table.rows]
    if len(pairs) < 3 or any(len(pair) != 2 or len(pair[0]) > CARD_KEY_CHARS for pair in pairs):
        return table
    keys = tuple(re.sub(r"\s+", "", key) for key, _ in pairs)
    roles = _row_roles(keys)
    if len(roles) < 3 or not {"title", "text"} & set(roles):
        return table
    values = tuple(value for _, value in pairs)
    if not {"seq", "no"} & set(roles):
        keys, values = ("编号", *keys), (label, *values)
    return Table(rows=(keys, values))


def find_header(table: Table) -> tuple[int, dict[str, list[int]]] | None:
    """Find the header row of a task table by its column names; return the index of its last row and the
    column roles. A second header row (责任单位 over 牵头单位 | 配合单位) refines the first."""
    for index, row in enumerate(table.rows[:15]):
        roles = _row_roles(row)
        if ("title" in roles or "text" in roles) and len(roles) >= 2:
            if index + 1 < len(table.rows):
                below = _row_roles(table.rows[index + 1])
                if len(below) >= 2 and {"lead", "units"} & set(below) and not _has_long_text(table.rows[index + 1]):
                    refined = {position: role for role, positions in roles.items() for position in positions}
                    refined.update({position: role for role, positions in below.items() for position in positions})
                    merged: dict[str, list[int]] = {}
                    for position, role in sorted(refined.items()):
                        merged.setdefault(role, []).append(position)
                    return index + 1, merged
            return index, roles
    return None


_TASK_REF = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]?)?[（(](?:[一二三四五六七八九十]{1,3}|\d{1,3})[）)]$"
                       r"|^\d{1,3}(?:\.\d{1,2})?$|^[一二三四五六七八九十]{1,3}$")
_REF_SEPARATORS = re.compile(r"[、，,；;\s]+")
# A range of bracketed numbers (（8）—（11）, （二）至（四）): each number it spans.
_REF_NUMBER = r"[（(](\d{1,3}|[一二三四五六七八九十]{1,3})[）)]"
_REF_RANGE = re.compile(rf"{_REF_NUMBER}\s*[—\-－~～至到]+\s*{_REF_NUMBER}")


def _spanned(match: re.Match) -> str:
    first, last = (int(n) if n.isdigit() else chinese_number(n) for n in match.groups())
    if not first or not last or not 0 < last - first <= 50:
        return match.group(0)
    arabic = match.group(1).isdigit()
    return "、".join(f"（{n if arabic else chinese_numeral(n)}）" for n in range(first, last + 1))


def task_refs(cell: str) -> list[str] | None:
    """The task numbers a cell lists (一（一）、一（二）、三（一）; （一）（二）; 1、3、5; （8）—（11）), or None when it
    holds words."""
    cell = _REF_RANGE.sub(_spanned, cell)
    cell = re.sub(r"[）)](?=[（(])", "）、", cell)  # （一）（二） run together
    pieces = [p for p in _REF_SEPARATORS.split(cell.strip()) if p and not is_placeholder(p)]
    return pieces if all(_TASK_REF.match(p) for p in pieces) else None


def by_unit(table: Table, header: int, roles: dict[str, list[int]]) -> dict[str, Assignment] | None:
    """A division of work by unit (责任单位 | 牵头任务 | 配合任务, the tasks named only by number): for each task
    number, the units that lead it and those that help; None for a table of tasks."""
    unit_columns = roles.get("units", []) + roles.get("lead", [])
    task_columns = [i for i in roles.get("title", []) + roles.get("text", []) if i not in unit_columns]
    rows = [row for row in table.rows[header + 1:] if any(c.strip() for c in row)]
    if not unit_columns or not task_columns or not rows:
        return None
    listed = [task_refs(row[i]) for row in rows for i in task_columns if i < len(row)]
    if sum(1 for refs in listed if refs is not None) < 0.7 * len(listed):
        return None
    names = [normalize(c) for c in table.rows[header]]
    # The row's own unit stands in its lead column, or in its only unit column (责任单位 | 牵头任务 | 配合任务); a
    # unit column beside a lead column (牵头单位 | 负责任务 | 配合单位) names those who help on the row's tasks.
    own_columns = roles.get("lead") or roles.get("units", [])
    helper_columns = roles.get("units", []) if roles.get("lead") else []
    out: dict[str, Assignment] = {}
    for row in rows:
        units = [split_units(normalize(row[i])) for i in own_columns if i < len(row) and row[i].strip()][:1]
        if not units:
            continue
        helpers = [u for i in helper_columns if i < len(row) for u in split_units(normalize(row[i]))]
        for i in task_columns:
            helping = any(word in names[i] for word in ("配合", "协办", "参与", "协同"))
            for ref in (task_refs(row[i]) if i < len(row) else None) or []:
                assigned = out.setdefault(normalize(ref).replace("(", "（").replace(")", "）"), Assignment())
                (assigned.responsible if helping else assigned.lead).extend(units[0])
                if not helping:
                    assigned.responsible.extend(helpers)
    return out or None


def units_by_number(document: Document) -> dict[str, Assignment]:
    """The division of work by unit a plan may annex, as task number → units (see by_unit), or {}."""
    for block in document.blocks:
        if isinstance(block, Table):
            header = find_header(block)
            given = by_unit(block, *header) if header else None
            if given:
                return given
    return {}


_MEASURE_KEY = re.compile(r"^(\d{1,3})\s*[-－—–]\s*\d{1,2}$")


def measures_by_number(document: Document) -> dict[str, list[Row]]:
    """A table of measures keyed to the tasks' numbers (编号 | 具体措施 | 责任科室 | 完成时限, rows 1-1, 1-2, 2-1 …: a
    sheet 任务分解 beside the sheet of 重点任务): each task number with its measures, in order; {} if there is none."""
    for block in document.blocks:
        header = find_header(block) if isinstance(block, Table) else None
        if header is None:
            continue
        index, roles = header
        numbered = roles.get("no") or roles.get("seq")
        body = [[normalize(c) for c in row] for row in block.rows[index + 1:] if any(c.strip() for c in row)]
        keys = [_MEASURE_KEY.match(row_value(cells, numbered)) for cells in body] if numbered else []
        if not body or not {"title", "text"} & set(roles) or sum(k is not None for k in keys) < 0.8 * len(body):
            continue
        out: dict[str, list[Row]] = {}
        for cells, key in zip(body, keys, strict=True):
            row = _task_row(cells, roles, "", None, number=key.group(0)) if key else None
            if row is not None:
                out.setdefault(key.group(1), []).append(row)
        return out
    return {}


def unit_rows(document: Document) -> list[Row]:
    """The rows of a plan's division-of-work table that names no task, only its number (序号 | 牵头单位 | 责任单位
    | 完成时限, numbered 一（一）…): each row's units and deadline, in order, for the tasks of the plan's text."""
    for rows, roles in _side_tables(document):
        if not {"lead", "units"} & set(roles):
            continue
        out = []
        for cells in rows:
            assigned = _column_assignment(cells, roles)
            out.append(Row(no=row_value(cells, roles.get("seq") or roles.get("no")), section="", title="", text="",
                           lead=assigned.lead, units=assigned.responsible,
                           deadline=row_value(cells, roles.get("deadline"))))
        return out
    return []


def indicator_targets(document: Document) -> list[tuple[str, str]]:
    """The targets of a plan's indicator tables (序号 | 指标 | 目标值 | 责任单位), tables of metrics rather than
    tasks: each metric with the phrase a task would write, 全程网办率 | ≥95% → (全程网办率, 全程网办率≥95%)."""
    out = []
    for rows, roles in _side_tables(document):
        if "metric" not in roles or "target" not in roles:
            continue
        for cells in rows:
            metric, target = row_value(cells, roles["metric"]), row_value(cells, roles["target"])
            if metric and re.search(r"\d", target):
                out.append((metric, target if target.startswith(metric) else metric + target))
    return out


def _side_tables(document: Document):
    """The tables beside a plan's tasks, whose first row names columns but neither a task's title nor its text
    (a division of work by number, an indicator table): each with its rows, normalized, and its column roles."""
    for block in document.blocks:
        if isinstance(block, Table) and block.rows:
            roles = _row_roles(block.rows[0])
            if roles and not {"title", "text"} & set(roles):
                yield [[normalize(c) for c in raw] for raw in block.rows[1:]], roles


def side_table(table: Table) -> bool:
    """Whether a table gives units beside the plan's tasks (任务序号 | 牵头股室 | 配合股室) without holding any."""
    roles = _row_roles(table.rows[0]) if table.rows else {}
    return (bool({"lead", "units"} & set(roles)) and not {"title", "text"} & set(roles)) or bool(_by_label(table))


def units_by_label(document: Document) -> dict[str, Assignment]:
    """Units given to tasks by their labels in tables of their own (a table after each part: 任务 | 责任科室 |
    完成时限, with rows （一） | 党政办公室 | 2025年12月底前): each label with its row's units and deadline."""
    return {label: given for block in document.blocks if isinstance(block, Table)
            for label, given in _by_label(block).items()}


def _by_label(table: Table) -> dict[str, Assignment]:
    header = find_header(table)
    if header is None or not {"lead", "units"} & set(header[1]) or "text" in header[1]:
        return {}
    index, roles = header
    names = roles.get("title", []) + roles.get("seq", []) + roles.get("no", [])
    out: dict[str, Assignment] = {}
    for raw in table.rows[index + 1:]:
        cells = [normalize(c) for c in raw]
        labelled = match_label(row_value(cells, names) + "　")
        if labelled is None or labelled[2]:
            return {}  # a row that names a task in words: a table of tasks
        assigned = _column_assignment(cells, roles)
        assigned.deadline = row_value(cells, roles.get("deadline"))
        out[label_text(labelled[1])] = assigned
    return out


def _column_assignment(cells: list[str], roles: dict[str, list[int]]) -> Assignment:
    """The units a row's lead and responsible columns name; a cell that labels them itself (牵头：区司法局 / 配合：
    区政府办公室) is read by its labels."""
    assigned = Assignment()
    for role, kind in (("lead", "lead"), ("units", "responsible")):
        value = row_value(cells, roles.get(role))
        labelled = split_assignment(value)[1] if has_unit_label(value) else None
        assigned.merge(labelled if labelled is not None else column_units(value, kind))
    return assigned


def _row_roles(row: tuple[str, ...]) -> dict[str, list[int]]:
    columns = column_words()
    roles: dict[str, list[int]] = {}
    for position, cell in enumerate(row):
        role = _column_role(re.sub(r"\s+", "", cell), columns)
        if role and position not in roles.get(role, []):
            roles.setdefault(role, []).append(position)
    # A column of goals or contents before one of measures (工作目标 | 工作措施), and none named for tasks: the
    # first names the task, the second holds its measures.
    texts = roles.get("text", [])
    measures = [p for p in texts if any(word in row[p] for word in _terms()["columns"]["measures"])]
    if "title" not in roles and len(texts) >= 2 and measures and texts[0] < measures[0]:
        roles["title"], roles["text"] = [texts[0]], [p for p in texts if p != texts[0]]
    names = {position: re.sub(r"\s+", "", row[position]) for position in roles.get("units", [])}
    leads = [position for position, name in names.items() if name in paired_leads(list(names.values()))]
    if "lead" not in roles and 0 < len(leads) < len(names):  # 责任股室 beside 配合股室: the first is in charge
        roles["lead"] = leads
        roles["units"] = [position for position in roles["units"] if position not in leads]
    return roles


def _has_long_text(row: tuple[str, ...]) -> bool:
    return any(len(cell) > 20 for cell in row)


def _column_role(name: str, columns: dict[str, list[str]]) -> str | None:
    if not name or len(name) > 12 or name.endswith(tuple(_terms()["persons"]["columns"])):
        return None
    for role, words in columns.items():
        if name in words:
            return role
    contained = [role for role, words in columns.items() if any(word in name for word in words if len(word) >= 2)]
    # 责任单位及时限: a column of units whose cells end with the deadline, which the units' reading takes apart.
    units = [role for role in contained if role in ("lead", "units")]
    if units and "deadline" in contained:
        return units[0]
    if contained:
        return contained[0]
    # A second header row under 责任单位 may shorten the labels to 牵头 | 配合.
    for role, words in columns.items():
        if len(name) >= 2 and any(word.startswith(name) for word in words):
            return role
    return None


def table_tasks(table: Table, header: int, roles: dict[str, list[int]], printed: bool = False,
                notes: list[str] = ()) -> list[Row]:
    """Given a task table and its header, return one Row per task row; merged section rows name sections. A
    printed table (a PDF's) shows a cell merged down over several rows once: there a task row without a lead
    unit has that of the row above (区司法局 merged over tasks 1–3). notes: the plan's other paragraphs, where
    the legend of a unit matrix may stand."""
    roles = _merged_down(table, header, roles)
    matrix = unit_matrix(table, header, roles, notes)
    if matrix.columns:  # a 责任单位 header merged over the unit columns names none of the units
        marked = {position for position, _ in matrix.columns}
        roles = {role: [p for p in positions if p not in marked] for role, positions in roles.items()}
        header += matrix.names_row
    rows: list[Row] = []
    section = ""
    grouped = None  # a table grouped by lead unit: 区司法局牵头（6项） over its tasks
    split = None  # the cells of the last task row, while it may continue on the next page
    numbering = [*roles.get("seq", ()), *roles.get("no", ())]
    repeated = [re.sub(r"\s+", "", normalize(c)) for c in table.rows[header]]
    # A plan by quarter (重点任务 | 一季度 | 二季度 | …): each period's milestone is one of the task's measures.
    steps = tuple((i, name) for i, name in enumerate(repeated) if _PERIOD.fullmatch(name))
    # A table of measures without a column of tasks (序号 | 工作措施 | 责任股室 | 完成时限): the rows merged across
    # it name the tasks (一、深化…“放管服”改革), and the rows under each are that task's measures.
    measured = any(word in repeated[i] for i in roles.get("text", ()) if i < len(repeated)
                   for word in _terms()["columns"]["measures"])
    measures_only = "title" not in roles and "section" not in roles and measured
    for raw in table.rows[header + 1:]:
        cells = [normalize(c) for c in raw]
        distinct = {c for c in cells if c}
        if not distinct or [re.sub(r"\s+", "", c) for c in cells] == repeated:
            continue  # an empty row, or the header printed again on the next page
        if _is_total_row(cells):
            continue
        if _is_section_row(cells, numbering):
            section = next(c for c in cells if c)
            labelled = match_label(section)
            grouped = heading_units(section) or named_units(labelled[2] if labelled else section)
            split = None
            if measures_only:
                rows.append(_heading_task(section))
            continue
        # A 板块 cell merged down over its rows is printed once in a PDF: its text holds for the rows below it.
        section = row_value(cells, roles.get("section")) or section
        number = row_value(cells, roles.get("no")) or row_value(cells, roles.get("seq"))
        if split is not None and not number and row_value(cells, roles.get("title")):
            # A row a page break split in a PDF: no number of its own, each cell the rest of the text above it.
            cells = [a if a == b else a + b for a, b in zip_longest(split, cells, fillvalue="")]
            rows.pop()
        items = _numbered_items(cells, roles)
        if items:
            rows.extend(row for row in (_task_row(c, roles, section, grouped, n, steps, matrix) for n, c in items) if row)
            split = None
            continue
        leads = roles.get("lead") or []
        if printed and len(leads) == 1 and leads[0] < len(cells) and number and not cells[leads[0]] and rows:
            cells[leads[0]] = "、".join(rows[-1].lead)
        row = _task_row(cells, roles, section, grouped, steps=steps, matrix=matrix)
        if row is None:
            continue
        titled = bool(row_value(cells, roles.get("title")))
        # A task's cell merged down over its measure rows (重点任务 | 具体措施): one task, however many rows.
        merged = (measured and titled and rows and row.title == rows[-1].title and row.section == rows[-1].section
                  and row.no == rows[-1].no)
        if rows and (measures_only and section or merged or _continues(rows[-1], row, titled)):
            rows[-1].extend(row, titled)
            split = None
        else:
            rows.append(row)
            split = cells if number else None
    return _numbers_joined(_grouped_by_title(rows))


def _numbers_joined(rows: list[Row]) -> list[Row]:
    """A list of tasks by unit gives a task under each unit that works on it (MX-06 under 县司法局, and again as
    MX-06 …（配合） under 县市场监管局): the rows of one number are one task, whose units are those of its rows — a
    row marked （配合） names a unit that helps. The tasks then go by their numbers."""
    numbers = [row.no for row in rows]
    if not all(numbers) or len(set(numbers)) == len(numbers):
        return rows
    helping = re.compile(rf"[（(](?:{'|'.join(map(re.escape, _terms()['labels']['responsible_roles']))})[）)]$")
    titles: dict[str, set[str]] = {}
    for row in rows:
        titles.setdefault(row.no, set()).add(helping.sub("", row.title))
    if any(len(named) > 1 for named in titles.values()):
        return rows  # numbered anew in each part or sheet (1, 2, 3 under each): each row its own task
    out: dict[str, Row] = {}
    for row in rows:
        helper = helping.search(row.title)
        if helper:
            row.units, row.lead = [*row.lead, *row.units], []
            row.title = row.title[:helper.start()]
            row.text = row.text.replace(helper.group(0), "", 1)
        first = out.get(row.no)
        if first is None:
            out[row.no] = row
        elif helper:
            first.units += row.units
        else:  # the task's own row: its words, and the units of the rows before it
            row.lead, row.units = first.lead + row.lead, first.units + row.units
            out[row.no] = row
    return sorted(out.values(), key=lambda row: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", row.no)])


def _merged_down(table: Table, header: int, roles: dict[str, list[int]]) -> dict[str, list[int]]:
    """A column of task names or text merged down over rows that each have their own (工作内容 | 具体措施, with
    一、加强党对法治政府建设的领导 over two rows; 一级任务 | 二级任务; 重点任务 over numbered 具体措施 rows, printed
    once in a PDF): the merged one names the rows' section, and each row is a task."""
    if "section" in roles:
        return roles
    # The rows with task text (not a header row printed again on the next page).
    words = (roles.get("text") or roles.get("title") or [])[-1:]
    body = [row for row in table.rows[header + 1:] if row_value(row, words)]
    if len(body) < 4:
        return roles

    def varies(column: int) -> bool:
        return runs(column) == len(body)

    def runs(column: int) -> int:  # the rows whose cell starts a new value (a merged cell printed once: blank below)
        values = [row[column].strip() if column < len(row) else "" for row in body]
        last, count = None, 0
        for value in values:
            if value and value != last:
                count, last = count + 1, value
        return count

    for role in ("title", "text"):
        columns = roles.get(role, [])
        if not columns or 2 * runs(columns[0]) > len(body):
            continue
        if len(columns) >= 2 and all(map(varies, columns[1:])):
            return {**roles, "section": columns[:1], role: columns[1:]}
        numbers = roles.get("seq", []) + roles.get("no", [])
        # Titles on rows of their own, above rows of measures (1 | 深入学习… over （1） | | 将…纳入…), are tasks
        # of two levels, not a column merged down.
        if (role == "title" and len(columns) == 1 and roles.get("text") and all(map(varies, roles["text"]))
                and numbers and varies(numbers[0]) and any(row_value(row, columns) for row in body)):
            return {**{k: v for k, v in roles.items() if k != "title"}, "section": columns}
    return roles


def _grouped_by_title(rows: list[Row]) -> list[Row]:
    """Rows that are tasks of their own but share one title (重点工作 merged down over its 具体任务 rows): the
    title names their group, a section; each task is titled by its own text."""
    out = list(rows)
    start = 0
    while start < len(out):
        end = start
        while end + 1 < len(out) and out[end + 1].title == out[start].title and out[end + 1].section == out[start].section:
            end += 1
        run = out[start:end + 1]
        shared = run[0].title
        bodies = [row.text[len(shared):].lstrip("。；; ") if row.text.startswith(shared) else "" for row in run]
        if len(run) >= 2 and shared and all(bodies):
            for row, body in zip(run, bodies, strict=True):
                row.section, row.title, row.text = row.section or shared, task_title(body), body
        start = end + 1
    return out


# A number inside a cell numbered item by item (1.县司法局 / 2.12月底前): unlike numbering.match_label, a
# figure may follow the label, since every line of such a cell starts with one.
_ITEM_LINE = re.compile(r"^\s*(\d{1,3})[.．、]\s*(?=\S)")


def _numbered_items(cells: list[str], roles: dict[str, list[int]]) -> list[tuple[str, list[str]]]:
    """A row that holds several tasks, numbered inside its task cell (1.深化…\n2.压实…), with the other cells
    numbered alike (1.县司法局\n2.县政府办公室): each task with its own cells, or [] for a row of one task."""
    columns = roles.get("title") or roles.get("text") or []
    if len(columns) != 1 or columns[0] >= len(cells):
        return []
    numbered = _by_number(cells[columns[0]])
    if len(numbered) < 2:
        return []
    others = {i: _by_number(cell) for i, cell in enumerate(cells) if i != columns[0]}
    return [(number, [text if i == columns[0] else others[i].get(number, "" if others[i] else cells[i])
                      for i in range(len(cells))]) for number, text in numbered.items()]


def _by_number(cell: str) -> dict[str, str]:
    """A cell's lines grouped under the numbers that open them, in order; {} where no line is numbered or the
    numbers are not in sequence."""
    out: dict[str, str] = {}
    current = None
    for line in cell.split("\n"):
        match = _ITEM_LINE.match(line)
        if match:
            current = match.group(1)
            out[current] = line[match.end():].strip()
        elif current is not None:
            out[current] += line.strip()
        elif line.strip():
            return {}
    numbers = [int(n) for n in out]
    return out if numbers and numbers == list(range(numbers[0], numbers[0] + len(numbers))) else {}


_PERIOD = re.compile(PERIOD)


def _task_row(cells: list[str], roles: dict[str, list[int]], section: str, grouped: Assignment | None,
              number: str = "", steps: tuple[tuple[int, str], ...] = (), matrix: Matrix | None = None) -> Row | None:
    """One row of a task table as a task: its title, text (with a target column's targets), units and deadline."""
    def cell(role: str) -> str:
        return row_value(cells, roles.get(role))

    title, text = cell("title"), cell("text")
    if not (title or text):
        return None
    number = number or label_text(cell("no") or cell("seq"))
    # No number column: the label of the cell that names the task is its number (（一）深化…; ①压实… in a table
    # whose only task column is 工作内容).
    named = title if title or "title" in roles else text  # a row under a task's title continues it (（5）严禁…)
    labelled = match_label(named) if named and not number else None
    if labelled is not None and labelled[2]:
        number = label_text(labelled[1])
        title, text = (labelled[2], text) if title else ("", labelled[2])
    if title and text and not text.startswith(title):
        text = title + ("" if title[-1] in "。；;" else "。") + text
    text = text or title
    reached = [(name, cells[i]) for i, name in steps if i < len(cells) and cells[i]]
    milestones = [f"{name}：{value}" for name, value in reached]
    if milestones:
        text = text.rstrip("。；;") + "。" + "；".join(m.rstrip("。；;") for m in milestones) + "。"
    # A target column (or a 考核指标 column beside the task's own) gives the targets the text does not state;
    # where the text states them, it repeats them.
    target = cell("target") or cell("metric")
    if target and extract_targets(target) and not extract_targets(text):
        text += ("" if text[-1] in "。；;" else "。") + target
    elif target and not extract_targets(text):
        # A bare figure (≥95%, 不少于4次, 全覆盖) is the target of the metric the text ends with (…提高网上可办率).
        joined = text.rstrip("。；; ") + target.strip()
        if extract_targets(joined):
            text = joined + "。"
    assigned = _column_assignment(cells, roles)
    if matrix is not None:
        assigned.merge(matrix.assignment(cells))
    text, clause = split_assignment(text)
    if clause is not None:
        assigned.merge(clause)
    if grouped is not None and not assigned.lead:
        assigned.lead = list(grouped.lead)
    return Row(no=number, section=cell("section") or section, title=task_title(title or text), text=text,
               lead=assigned.lead, units=assigned.responsible, deadline=cell("deadline") or assigned.deadline or (
                   # A plan by quarter is due in the last period that holds one of the task's milestones.
                   reached[-1][0] if reached and not extract_deadline(text) else ""))


# ---------------------------------------------------------------- unit matrix

# A matrix of tasks by units (序号 | 工作任务 | 旗司法局 | 旗政府办 | …) marks each task's units in their columns.
MARKS = "●○◎★☆▲△■□◆◇√✓✔"
FILLED = "●◎★▲■◆"


@lru_cache(maxsize=1)
def _matrix_roles() -> tuple[tuple[str, ...], re.Pattern, re.Pattern]:
    """The role words of the plan's unit labels (牵头, 主办 … lead; 配合, 协办 … help): a matrix cell may write one
    instead of a mark, and a legend gives each mark one (●为牵头单位，○为配合单位)."""
    labels = _terms()["labels"]
    leads = tuple(labels["lead_roles"])
    words = "|".join(map(re.escape, sorted(leads + tuple(labels["responsible_roles"]), key=len, reverse=True)))
    return (leads, re.compile(rf"^(?:{words})(?:单位)?$"),
            re.compile(rf"([{MARKS}])\s*(?:为|表示|代表|系|是)?\s*({words})"))


@dataclass
class Matrix:
    """The unit columns of a task table (position, unit), the marks that make a unit lead, and whether the
    units are named in a second header row (责任单位 merged over 旗司法局 | 旗政府办 | …)."""

    columns: tuple[tuple[int, str], ...] = ()
    lead_marks: str = ""
    names_row: bool = False

    def assignment(self, cells: list[str]) -> Assignment:
        assigned = Assignment()
        for position, unit in self.columns:
            mark = re.sub(r"\s+", "", cells[position]) if position < len(cells) else ""
            if mark:
                lead = mark in self.lead_marks or mark.startswith(_matrix_roles()[0])
                (assigned.lead if lead else assigned.responsible).append(unit)
        return assigned


def _is_mark(cell: str) -> bool:
    cell = re.sub(r"\s+", "", cell)
    return not cell or all(c in MARKS for c in cell) or bool(_matrix_roles()[1].match(cell))


def unit_matrix(table: Table, header: int, roles: dict[str, list[int]], notes: list[str] = ()) -> Matrix:
    """The unit columns of a task table whose cells hold only marks (● 牵头, ○ 配合), named by the header row or
    by a row of unit names under it. A legend (说明：●为牵头单位，○为配合单位), in the table or the plan's text,
    tells which marks lead; without one, filled marks (●) lead where hollow ones (○) also occur."""
    taken = {position for role, positions in roles.items() if role not in ("lead", "units") for position in positions}

    def marked(named: tuple[str, ...], body: tuple[tuple[str, ...], ...]) -> tuple[tuple[int, str], ...]:
        cells = [[normalize(row[position]) if position < len(row) else "" for row in body] for position in range(len(named))]
        return tuple((position, name) for position, name in enumerate(re.sub(r"\s+", "", normalize(c)) for c in named)
                     if position not in taken and (is_unit_like(name) or is_group(name))
                     and all(map(_is_mark, cells[position])) and any(cells[position]))

    columns, names_row = marked(table.rows[header], table.rows[header + 1:]), False
    if len(columns) < 2 and header + 1 < len(table.rows):
        columns, names_row = marked(table.rows[header + 1], table.rows[header + 2:]), True
    if len(columns) < 2:
        return Matrix()
    body = table.rows[header + 1 + names_row:]
    legend = "".join(normalize(c) for row in table.rows[:header + 1] for c in dict.fromkeys(row)) + "".join(notes)
    leads, _, legend_pattern = _matrix_roles()
    roles_of = {mark: role for mark, role in legend_pattern.findall(legend)}
    if roles_of:
        lead_marks = "".join(mark for mark, role in roles_of.items() if role in leads)
    else:
        used = {c for row in body for position, _ in columns if position < len(row) for c in normalize(row[position])}
        lead_marks = FILLED if used & set(FILLED) and used - set(FILLED) else ""
    return Matrix(columns, lead_marks, names_row)


def _heading_task(heading: str) -> Row:
    """A task named by a row merged across a table of measures (with its units, if it names any), before its
    measures join it."""
    labelled = match_label(heading)
    number, title = (label_text(labelled[1]), labelled[2]) if labelled is not None and labelled[2] else ("", heading)
    title, clause = split_assignment(title)
    assigned = clause or Assignment()
    return Row(no=number, section="", title=task_title(title), text=title, lead=list(assigned.lead),
               units=list(assigned.responsible), deadline=assigned.deadline)


def _continues(previous: Row, row: Row, titled: bool) -> bool:
    """A task broken down into several rows (序号 and 任务 merged down, one 具体措施 per row), or a row that
    leaves 序号 and 任务 blank under the task it continues."""
    if row.section != previous.section:
        return False
    if row.no and titled:
        return row.no == previous.no and row.title == previous.title
    if row.no and previous.no and not titled:
        return _deeper(row.no, previous.no)  # （1） | | 将…纳入… under 1 | 深入学习…: a measure of that task
    return not row.no and not titled and bool(previous.no)


def _deeper(number: str, above: str) -> bool:
    """Whether a row's number (（1）) is of another style than the task number above it (1)."""
    def style(label: str) -> str | None:
        labelled = match_label(label + "　")
        return "arabic" if re.fullmatch(r"[0-9]{1,3}", label.strip()) else labelled[0] if labelled else None

    return None not in (style(number), style(above)) and style(number) != style(above)


def _is_total_row(cells: list[str]) -> bool:
    """合计 | 100 | 92: the sums of the columns above (the label merged over several), in the row that closes a
    table."""
    filled = [re.sub(r"\s+", "", c) for c in cells if c]
    return bool(filled) and filled[0] in _terms()["rows"]["totals"] and all(
        c == filled[0] or re.fullmatch(r"[\d.%分项个]*", c) for c in filled[1:])


def _is_section_row(cells: list[str], numbering: list[int] = ()) -> bool:
    """A row merged across the table, or holding only a heading such as 一、…, names a section; its number
    in the 序号 column (1 over 1.1, 1.2) does not make it a task."""
    rest = [c for i, c in enumerate(cells) if i not in numbering]
    if len(rest) < 2 or not any(rest):  # a heading typed into the 序号 column
        rest = cells
    filled = [c for c in rest if c]
    if not filled or len(set(filled)) != 1:
        return False
    if len(rest) > 1 and len(filled) == len(rest):
        return True
    labelled = match_label(filled[0])
    return labelled is not None and labelled[0] in ("part", "cn")


# 【压实法治建设第一责任人职责】区政府常务会议…: a task's title in bold brackets before its measures.
LEAD_TITLE = re.compile(r"^【([^】]{2,40})】(?=\S)")


def label_text(label: str) -> str:
    return label.strip().rstrip("、.：:")


def task_title(text: str) -> str:
    """The heading sentence of a task: its bold 【…】 lead-in, else its first sentence, or its first clause when that
    sentence is long."""
    bracketed = LEAD_TITLE.match(text)
    if bracketed:
        return bracketed.group(1)
    first = sentences(text.split("\n", 1)[0])[:1]
    if not first:
        return ""
    title = first[0].rstrip("。；;！？!?")
    # A phrase and a colon opening the task (推行非现场监管方式：动态调整…) is its title.
    run_in = re.match(r"^([^，,：:；;]{4,25})[：:](?=\S)", title)
    if run_in:
        return run_in.group(1)
    if len(title) > TITLE_CHARS:
        clause = re.split(r"[，,：:]", title)[0]
        title = clause if len(clause) <= TITLE_CHARS else clause[:TITLE_CHARS] + "…"
    return title
