"""Plan parsing: numbered items, which of them are tasks, their units, deadlines and targets."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .assignments import Assignment, column_units, split_assignment
from .errors import InputError
from .models import Document, Plan, Table, Task, row_value
from .numbering import label_number, match_label
from .resources import load_toml
from .targets import extract_deadline, extract_targets
from .text import normalize, sentences
from .units import canonical_units
from .vocabulary import unit_labels

_SIGNATURE = re.compile(r"^(?:[\u4e00-\u9fff]{2,20}(?:人民政府|办公室|委员会|办))$|^\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$")
WORK_TEXT_CHARS = 25
TITLE_CHARS = 50


@lru_cache(maxsize=1)
def _terms() -> dict:
    return load_toml("plan_terms.toml")


@dataclass
class Item:
    """A numbered paragraph with the unnumbered paragraphs that follow it."""

    style: str
    label: str
    level: int
    parent: int | None
    paragraphs: list[str]
    assignments: list[Assignment] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- entry point

def parse_plan(document: Document) -> Plan:
    """Given a plan document, return its tasks with units, deadlines and targets."""
    table = _task_table(document)
    paragraphs = [normalize(p) for p in document.paragraphs()]
    if table is not None:
        rows = table_tasks(*table)
    else:
        rows = text_tasks(paragraphs)
    if not rows:
        raise InputError(f"在“{document.name}”中没有找到编号的工作任务（如“（一）”“1.”开头的段落，或含“工作任务”列的表格）。"
                         f"请确认这是一份工作计划或任务分解表。")
    mentions = [name for row in rows for name in (*row.lead, *row.units)]
    mapping, units = canonical_units(mentions)
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
    title = plan_title(_before_tasks(document, table is not None), paragraphs, document.name)
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
            self.text += ("" if self.text[-1:] in "。；;" else "。") + body
        self.lead += other.lead
        self.units += other.units
        self.deadline = "；".join(dict.fromkeys(d for d in (self.deadline, other.deadline) if d))


# ---------------------------------------------------------------- plans written as text

def build_items(paragraphs: list[str]) -> tuple[list[str], list[Item]]:
    """Group paragraphs under numbered items, nesting styles by the order in which they first appear."""
    preamble: list[str] = []
    items: list[Item] = []
    open_styles: list[str] = []
    open_items: list[int] = []
    last_seen: dict[str, tuple[int, int | None]] = {}
    for paragraph in paragraphs:
        labelled = match_label(paragraph)
        if labelled is not None:
            style = labelled[0]
            depth = open_styles.index(style) if style in open_styles else len(open_styles)
            parent = open_items[depth - 1] if depth > 0 and depth - 1 < len(open_items) else None
        if labelled is not None and not _in_sequence(label_number(labelled[1]), parent, last_seen.get(style)):
            labelled = None  # a line cut before 一、 or 2. by the PDF wrap, not a new item
            if items and items[-1].paragraphs and items[-1].paragraphs[-1][-1:] not in "。；）":
                items[-1].paragraphs[-1] += paragraph
                continue
        if labelled is None:
            if items:
                _attach(items[-1], paragraph)
            else:
                preamble.append(paragraph)
            continue
        style, label, rest = labelled
        last_seen[style] = (label_number(label) or 0, parent)
        if style in open_styles:
            depth = open_styles.index(style)
            del open_styles[depth + 1:]
            del open_items[depth:]
        else:
            open_styles.append(style)
            depth = len(open_styles) - 1
        item = Item(style=style, label=label, level=depth, parent=open_items[-1] if open_items else None,
                    paragraphs=[])
        open_items.append(len(items))
        items.append(item)
        _attach(item, rest)
    return preamble, items


def _in_sequence(number: int | None, parent: int | None, last: tuple[int, int | None] | None) -> bool:
    """A label continues its style's count (allowing a small skip), or starts again at 1 under a new parent."""
    if number is None:
        return False
    if last is None:
        return number <= 2
    previous, previous_parent = last
    return 0 < number - previous <= 3 or (number <= 2 and parent != previous_parent)


def _attach(item: Item, paragraph: str) -> None:
    body, assignment = split_assignment(paragraph)
    if item.assignments and (body or assignment is None):
        # Text after a task's unit clause is a closing remark of the plan, not part of the task.
        item.trailing.append(paragraph)
        return
    if body:
        item.paragraphs.append(body)
    if assignment is None:
        return
    if item.assignments:  # 牵头单位：… then 配合单位：… on the next line: one clause
        item.assignments[-1].merge(assignment)
    else:
        item.assignments.append(assignment)


def task_style(items: list[Item]) -> str | None:
    """Pick the numbering style of tasks: the items that units belong to, else the first level with work text."""
    by_style: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        by_style.setdefault(item.style, []).append(index)
    depth = {style: sum(items[i].level for i in idx) / len(idx) for style, idx in by_style.items()}
    counts = _subtree_assignments(items)
    if any(counts):
        def score(style: str) -> tuple[float, float]:
            members = by_style[style]
            return sum(1 for i in members if counts[i] == 1) / len(members), depth[style]
        return max(by_style, key=score)
    candidates = [style for style, members in by_style.items()
                  if len(members) >= 2 and sum(map(_carries_work, (items[i] for i in members))) / len(members) >= 0.5]
    return min(candidates, key=lambda s: depth[s]) if candidates else None


def _subtree_assignments(items: list[Item]) -> list[int]:
    counts = [len(item.assignments) for item in items]
    for index in range(len(items) - 1, -1, -1):
        parent = items[index].parent
        if parent is not None:
            counts[parent] += counts[index]
    return counts


def _carries_work(item: Item) -> bool:
    text = "".join(item.paragraphs)
    return len(text) >= WORK_TEXT_CHARS and bool(re.search(r"[，。；]", text.rstrip("。")))


def text_tasks(paragraphs: list[str]) -> list[Row]:
    """Given normalised paragraphs of a plan, return one Row per task."""
    _, items = build_items(paragraphs)
    style = task_style(items)
    if style is None:
        return []
    tasks = [i for i, item in enumerate(items) if item.style == style]
    counts = _subtree_assignments(items)
    if any(counts[i] for i in tasks):
        # In a plan that assigns units, a part where no item has units (总体要求, 保障措施) holds no tasks.
        assigned_roots = {_root(items, i) for i in tasks if counts[i]}
        tasks = [i for i in tasks if _root(items, i) in assigned_roots]
    children = _children(items)
    single_paragraph = sum(1 for i in tasks if len(items[i].paragraphs) == 1 and not children[i]) > len(tasks) / 2
    rows: list[Row] = []
    for position, index in enumerate(tasks):
        item = items[index]
        paragraphs = list(item.paragraphs)
        if position == len(tasks) - 1 and single_paragraph and not item.assignments:
            paragraphs = paragraphs[:1]  # the rest are the plan's closing paragraphs
        lines = [p for p in paragraphs if not _SIGNATURE.match(p)]
        assignments = list(item.assignments)
        for child in _descendants(children, index):
            lines.append(items[child].label + "".join(items[child].paragraphs))
            assignments.extend(items[child].assignments)
        text = "\n".join(lines)
        lead = [n for a in assignments for n in a.lead]
        responsible = [n for a in assignments for n in a.responsible]
        deadline = "；".join(a.deadline for a in assignments if a.deadline)
        # 一、深化“放管服”改革（牵头单位：旗政数局）: units given to a part hold for its tasks that do not name
        # their own.
        for above in _ancestors(items, index):
            inherited = items[above].assignments
            lead = lead or [n for a in inherited for n in a.lead]
            responsible = responsible or [n for a in inherited for n in a.responsible]
            deadline = deadline or "；".join(a.deadline for a in inherited if a.deadline)
        rows.append(Row(no=_label_text(item.label), section=_section(items, index), title=task_title(text),
                        text=text, lead=lead, units=responsible, deadline=deadline))
    return rows


def _children(items: list[Item]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {i: [] for i in range(len(items))}
    for index, item in enumerate(items):
        if item.parent is not None:
            children[item.parent].append(index)
    return children


def _descendants(children: dict[int, list[int]], index: int) -> list[int]:
    out: list[int] = []
    for child in children[index]:
        out.append(child)
        out.extend(_descendants(children, child))
    return out


def _ancestors(items: list[Item], index: int) -> list[int]:
    """The numbered items above an item, nearest first."""
    out, parent = [], items[index].parent
    while parent is not None:
        out.append(parent)
        parent = items[parent].parent
    return out


def _root(items: list[Item], index: int) -> int | None:
    """The outermost numbered item above an item, or None for a top-level item."""
    return (_ancestors(items, index) or [None])[-1]


def _section(items: list[Item], index: int) -> str:
    root = _root(items, index)
    if root is None:
        return ""
    return items[root].label + "".join(items[root].paragraphs[:1])


def _label_text(label: str) -> str:
    return label.rstrip("、.")


def task_title(text: str) -> str:
    """The heading sentence of a task: its first sentence, or its first clause when that sentence is long."""
    first = sentences(text.split("\n", 1)[0])[:1]
    if not first:
        return ""
    title = first[0].rstrip("。；;！？!?")
    if len(title) > TITLE_CHARS:
        clause = re.split(r"[，,：:]", title)[0]
        title = clause if len(clause) <= TITLE_CHARS else clause[:TITLE_CHARS] + "…"
    return title


# ---------------------------------------------------------------- plans written as a table

def _task_table(document: Document) -> tuple[Table, int, dict[str, list[int]]] | None:
    for block in document.blocks:
        if isinstance(block, Table):
            header = find_header(block)
            if header is not None:
                return (block, *header)
    return None


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


def _row_roles(row: tuple[str, ...]) -> dict[str, list[int]]:
    labels = unit_labels()
    columns = {**_terms()["columns"], "lead": labels["lead"], "units": labels["responsible"]}
    roles: dict[str, list[int]] = {}
    for position, cell in enumerate(row):
        role = _column_role(re.sub(r"\s+", "", cell), columns)
        if role and position not in roles.get(role, []):
            roles.setdefault(role, []).append(position)
    return roles


def _has_long_text(row: tuple[str, ...]) -> bool:
    return any(len(cell) > 20 for cell in row)


def _column_role(name: str, columns: dict[str, list[str]]) -> str | None:
    if not name or len(name) > 12:
        return None
    for role, words in columns.items():
        if name in words:
            return role
    for role, words in columns.items():
        if any(word in name for word in words if len(word) >= 2):
            return role
    return None


def table_tasks(table: Table, header: int, roles: dict[str, list[int]]) -> list[Row]:
    """Given a task table and its header, return one Row per task row; merged section rows name sections."""
    rows: list[Row] = []
    section = ""
    for raw in table.rows[header + 1:]:
        cells = [normalize(c) for c in raw]
        distinct = {c for c in cells if c}
        if not distinct:
            continue
        if _is_section_row(cells):
            section = next(c for c in cells if c)
            continue
        def cell(role: str, cells=cells) -> str:
            return row_value(cells, roles.get(role))

        title, text = cell("title"), cell("text")
        if not (title or text):
            continue
        if title and text and not text.startswith(title):
            text = title + ("" if title[-1] in "。；;" else "。") + text
        text = text or title
        assigned = column_units(cell("lead"), "lead")
        assigned.merge(column_units(cell("units"), "responsible"))
        text, clause = split_assignment(text)
        if clause is not None:
            assigned.merge(clause)
        row = Row(no=_label_text(cell("no") or cell("seq")), section=cell("section") or section,
                  title=task_title(title or text), text=text, lead=assigned.lead, units=assigned.responsible,
                  deadline=cell("deadline") or assigned.deadline)
        if rows and _continues(rows[-1], row, bool(title)):
            rows[-1].extend(row, bool(title))
        else:
            rows.append(row)
    return rows


def _continues(previous: Row, row: Row, titled: bool) -> bool:
    """A task broken down into several rows (序号 and 任务 merged down, one 具体措施 per row), or a row that
    leaves 序号 and 任务 blank under the task it continues."""
    if row.section != previous.section:
        return False
    if row.no and titled:
        return row.no == previous.no and row.title == previous.title
    return not row.no and not titled and bool(previous.no)


def _is_section_row(cells: list[str]) -> bool:
    """A row merged across the table, or holding only a heading such as 一、…, names a section."""
    filled = [c for c in cells if c]
    if len(cells) > 1 and len(filled) == len(cells) and len(set(filled)) == 1:
        return True
    labelled = match_label(filled[0]) if len(set(filled)) == 1 else None
    return labelled is not None and labelled[0] in ("part", "cn")


# ---------------------------------------------------------------- plan metadata

def _before_tasks(document: Document, tabled: bool, limit: int = 16) -> list[str]:
    """The paragraphs above a plan's tasks: above its task table, or its first lines."""
    if not tabled:
        return [normalize(p) for p in document.paragraphs()[:limit]]
    out = []
    for block in document.blocks:
        if isinstance(block, Table):
            break
        out.append(normalize(block))
    return out[:limit]


def plan_title(preamble: list[str], paragraphs: list[str], filename: str) -> str:
    """The plan's own title line (达拉特旗2022年法治政府建设工作计划), else one made from its place and year.
    A title wrapped over two short lines (a PDF's centred title) is read as one."""
    ending = re.compile(r"(?:计划|要点|方案|任务|清单|安排)$")
    lines = []
    for a, b in zip(preamble, [*preamble[1:], ""], strict=False):
        joined = a + b
        # A centred title the PDF wrapped: a long first line, a short tail (…工作 / 要点).
        if b and len(a) <= 40 and len(b) <= 12 and not ending.search(a) and ending.search(joined) \
                and not re.search(r"[。；：:，]$|^\d{4}年\d{1,2}月", a):
            lines.append(joined)
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


_PLACE = re.compile(r"(?=([\u4e00-\u9fff]{2,7}?(?:旗|县)))")
# Words that never stand in a place name: 县司法局县直各部门 holds no place called 县司法局县.
_NOT_PLACE = ("依法治", "我", "全", "本", "示范", "各", "该", "市", "治", "县", "旗", "局", "委", "办", "院", "部")
REGION_SCAN = 6_000


def region_of(text: str) -> str:
    """The banner or county a document is about: the most repeated place name ending in 旗 or 县."""
    counts = Counter(match.group(1) for match in _PLACE.finditer(text[:REGION_SCAN]))
    # A name is its own place only when no longer spelling covers every occurrence of it (特中旗 is always
    # 乌拉特中旗).
    covered = {other[cut:] for other, n in counts.items() for cut in range(1, len(other) - 2)
               if counts.get(other[cut:]) == n}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0])))
    for name, count in ranked:
        if count < 2:
            break
        if len(name) >= 3 and name not in covered and not any(
                name.startswith(s) or s in name[:-1] for s in _NOT_PLACE):
            return name
    return ""


def year_of(title: str, paragraphs: list[str], filename: str) -> int | None:
    """The plan year: from the title, the file name, else the year the text names most often."""
    for source in (title, filename):
        match = re.search(r"(20\d\d)", source)
        if match:
            return int(match.group(1))
    years = Counter(int(y) for p in paragraphs for y in re.findall(r"(?<![—\-~～])(20\d\d)年", p))
    return years.most_common(1)[0][0] if years else None
